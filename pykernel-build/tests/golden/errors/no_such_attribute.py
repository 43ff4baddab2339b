import math
import cmath
import numpy as np


#pykernel export f(float, float64[:])
def f(x, a):
    return math.sqr(x) + cmath.expp(x).real + np.summ(a) + np.linalg.nrm(a) + np.frobnicate(a)
