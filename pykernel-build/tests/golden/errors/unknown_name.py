import math

#pykernel export f(float)
def f(x):
    return math.sqrt(x) + shfit
