"""`np.ndindex(shape)` and `np.ndindex(n, m, ...)`: the index tuples of a shape in C
order (nothing when a dimension is 0, one `()` for the shape `()`, `ValueError` for a
negative dimension); arrays indexed by those tuples (element reads, stores, in-place
operators); `tuple(genexpr)` over tuples of known length; a function as a default
argument. `local_maxima` is numpy-benchmarks' program as published."""
import numpy as np


def wrap(pos, offset, bound):
    return (pos + offset) % bound


def clamp(pos, offset, bound):
    return min(bound - 1, max(0, pos + offset))


def reflect(pos, offset, bound):
    idx = pos + offset
    return min(2 * (bound - 1) - idx, max(idx, -idx))


#pykernel export local_maxima(float64[:,:,:,:])
def local_maxima(data, mode=wrap):
    wsize = data.shape
    result = np.ones(data.shape, bool)
    for pos in np.ndindex(data.shape):
        myval = data[pos]
        for offset in np.ndindex(wsize):
            neighbor_idx = tuple(mode(p, o - w // 2, w) for (p, o, w) in zip(pos, offset, wsize))
            result[pos] &= (data[neighbor_idx] <= myval)
    return result
# case: local_maxima(np.arange(120, dtype=np.float64).reshape(5, 4, 3, 2))
# case: local_maxima(np.sin(np.arange(36, dtype=np.float64)).reshape(3, 2, 3, 2))
# case: local_maxima(np.zeros((2, 0, 3, 1)))
# case: local_maxima(np.ones((1, 1, 1, 1)))


#pykernel export local_maxima_2d(float64[::,::], int64)
def local_maxima_2d(data, which):
    result = np.ones(data.shape, bool)
    for pos in np.ndindex(data.shape):
        myval = data[pos]
        for offset in np.ndindex(3, 3):
            if which == 0:
                idx = tuple(clamp(p, o - 1, w) for (p, o, w) in zip(pos, offset, data.shape))
            else:
                idx = tuple(reflect(p, o - 1, w) for (p, o, w) in zip(pos, offset, data.shape))
            result[pos] &= data[idx] <= myval
    return result
# case: local_maxima_2d(np.cos(np.arange(20, dtype=np.float64)).reshape(4, 5), 0)
# case: local_maxima_2d(np.cos(np.arange(20, dtype=np.float64)).reshape(4, 5), 1)
# case: local_maxima_2d(np.cos(np.arange(20, dtype=np.float64)).reshape(5, 4).T, 1)


#pykernel export order_0d()
def order_0d():
    out = []
    for p in np.ndindex(()):
        out.append(len(p))
    for p in np.ndindex():
        out.append(len(p) + 10)
    return out
# case: order_0d()


#pykernel export order_1d(int64)
def order_1d(n):
    return [p for p in np.ndindex(n)], [p[0] for p in np.ndindex((n,))]
# case: order_1d(4)
# case: order_1d(0)
# case: order_1d(-1)


#pykernel export order_nd(int64, int64, int64)
def order_nd(a, b, c):
    return [p for p in np.ndindex(a, b, c)], [(i, j) for (i, j) in np.ndindex((b, c))]
# case: order_nd(2, 3, 2)
# case: order_nd(2, 0, 3)
# case: order_nd(1, 1, 1)
# case: order_nd(2, 2, -3)


#pykernel export rank4_sum(int32[::,::,::,::])
def rank4_sum(a):
    s = 0
    n = 0
    for pos in np.ndindex(a.shape):
        s += a[pos] * (n % 3 - 1)
        n += 1
    return int(s), n
# case: rank4_sum(np.arange(120, dtype=np.int32).reshape(2, 3, 4, 5))
# case: rank4_sum(np.arange(120, dtype=np.int32).reshape(2, 3, 4, 5)[:, ::-1, :, ::2])
# case: rank4_sum(np.zeros((3, 0, 2, 2), dtype=np.int32))


#pykernel export stores(float64[:,:,:])
def stores(a):
    out = np.zeros(a.shape)
    for pos in np.ndindex(a.shape):
        out[pos] = a[pos] * 2
        out[pos] -= pos[0] + 10 * pos[2]
    return out
# case: stores(np.linspace(0, 1, 24).reshape(2, 3, 4))
# case: stores(np.zeros((0, 3, 1)))


#pykernel export shifted(float64[:,:], int64)
def shifted(a, k):
    out = np.zeros(a.shape)
    for pos in np.ndindex(a.shape):
        q = tuple(x - k for x in pos)
        out[pos] = a[q]
    return out
# case: shifted(np.arange(12, dtype=np.float64).reshape(3, 4), 1)
# case: shifted(np.arange(12, dtype=np.float64).reshape(3, 4), 3)
# case: shifted(np.arange(12, dtype=np.float64).reshape(3, 4), 4)
# case: shifted(np.arange(12, dtype=np.float64).reshape(3, 4), -1)


#pykernel export tuple_calls(int, float)
def tuple_calls(n, x):
    t = (n, 2 * n, n + 3)
    u = tuple(v * x for v in t)
    w = tuple((i, v) for i, v in enumerate(t))
    z = tuple(a + b for a, b in zip(t, (1, 2)))
    return u, w, z, tuple(t), tuple()
# case: tuple_calls(3, 0.5)
# case: tuple_calls(-7, 2.0)
