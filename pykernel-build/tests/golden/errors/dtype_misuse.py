import numpy as np


#pykernel export f(float64[:], int)
def f(a, n):
    d = a.dtype
    b = np.zeros(n, dtype=a.dtype)
    return np.ones(n, dtype=n.dtype)
