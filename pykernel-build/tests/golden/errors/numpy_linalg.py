import numpy as np


#pykernel export f(float64[:,:,:], float64[:], float64[:,:], int64[:])
def f(t, x, m, k):
    a = np.dot(t, x)
    b = np.matmul(2.0, x)
    c = m @ t
    d = np.trace(x)
    e = np.trace(t)
    g = np.inner(t, t)
    h = np.dot(m)
    i = np.dot([1.0, 2.0], x)
    return k.trace()
