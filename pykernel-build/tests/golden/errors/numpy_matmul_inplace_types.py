import numpy as np


#pykernel export f(float64[:,:], float64[:], int64[:,:], float64[:,:,:])
def f(m, x, k, t):
    m @= x
    k @= m
    m @= t
    x @= 2.0
    return m
