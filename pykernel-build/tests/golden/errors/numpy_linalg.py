import numpy as np


#pykernel export f(float64[:,:,:], float64[:], float64[:,:], int64[:], float64[:,:,:,:])
def f(t, x, m, k, q):
    a = np.dot(t, x)
    b = np.matmul(2.0, x)
    c = m @ q
    d = np.trace(x)
    e = np.trace(t)
    g = np.inner(t, t)
    h = np.dot(m)
    i = np.dot([1.0, 2.0], x)
    j = m @ t
    return k.trace()
