import numpy as np

#pykernel export total(float64[:])
def total(a):
    s = 0.0
    for x in a:
        s += x
    return s, len(a), a[-1]

#pykernel export scale_inplace(float64[:,:], float)
def scale_inplace(a, k):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] *= k
    a[0][0] = -1.0

#pykernel export hist(int64[:], int)
def hist(xs, nb):
    h = np.zeros(nb, dtype=np.int64)
    for x in xs:
        h[x % nb] += 1
    return h

#pykernel export same(float64[::])
def same(a):
    return a

#pykernel export rows(int32[:,:])
def rows(a):
    s = 0
    for r in a:
        s += r[0] * 2
    return s, a.ndim, a.size
