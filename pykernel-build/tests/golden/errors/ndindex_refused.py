import numpy as np


#pythran export too_many(float[:,:])
def too_many(a):
    s = 0.0
    for pos in np.ndindex(2, 2, 2):
        s += a[pos]
    return s


#pythran export float_dims(float)
def float_dims(x):
    n = 0
    for p in np.ndindex(x, 2):
        n += 1
    return n


#pythran export list_tuple(int list)
def list_tuple(xs):
    return tuple(x + 1 for x in xs)


#pythran export filtered(int)
def filtered(n):
    t = (n, 2 * n, 3)
    return tuple(v for v in t if v > 2)


#pythran export keywords(int)
def keywords(n):
    k = 0
    for p in np.ndindex(shape=(n, n)):
        k += 1
    return k


#pythran export mixed(int, float)
def mixed(n, x):
    return tuple(v * 2 for v in (n, x))
