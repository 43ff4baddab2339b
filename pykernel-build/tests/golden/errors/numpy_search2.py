import numpy as np


#pykernel export f(float64[:], int32[:], complex128[:], float32[:], int16[:], float64[:,:], bool[:], int8[:])
def f(x, i, z, s, h, m, b, k):
    a = np.partition(x, 3)
    c = np.argpartition(i, -1)
    d = np.histogram(z)
    e = np.histogram(s, 5, range=(h[0], 1.0))
    g = np.histogram(x, m)
    kk = np.histogram(x, [0.0, 1.0], weights=b)
    n = np.digitize(x, m)
    o = np.digitize(z, x)
    t = m.item(0, 1, 2)
    u = np.partition(x, ())
    w = np.histogram(x, 3, weights=m)
    x.partition(1)
    y = np.finfo(k.dtype).eps
    v = np.nanargmax(z)
    return 0
