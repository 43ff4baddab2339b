import numpy as np


#pykernel export f(complex128[:], float64[:], float64[:,:])
def f(z, x, m):
    a = np.sort(z)
    b = np.bincount(x)
    c = np.searchsorted(m, 1.0)
    d = np.unique(x, return_counts=len(x) > 2)
    return a, b, c, d
