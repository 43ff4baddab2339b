# `from math import ...` and `import numpy as np` / numpy.ctypeslib imports are allowed.
from math import sqrt, floor, pi, exp
import numpy as np
from numpy.ctypeslib import as_array


#pykernel export circle_area(float)
def circle_area(r):
    return pi * r * r
# case: circle_area(1.0)
# case: circle_area(2.5)


#pykernel export rms(float, float, float)
def rms(a, b, c):
    return sqrt((a * a + b * b + c * c) / 3.0)
# case: rms(1.0, 2.0, 3.0)
# case: rms(-1.0, 0.0, 1.0)


#pykernel export floor_exp(float)
def floor_exp(x):
    return floor(exp(x))
# case: floor_exp(2.0)
# case: floor_exp(-1.0)
