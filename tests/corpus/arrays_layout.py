"""Memory layouts: `order(F)` exports with Fortran arrays, strided `::` exports with
views (`a[::2]`, reversed, transposed `a.T`, Fortran arrays), fixed extents `T[:,3]`,
and writes through strided views."""
import numpy as np


#pykernel export f_weighted(float64[:,:] order(F))
def f_weighted(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j] * (10 * i + j + 1)
    return s
# case: f_weighted(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# case: f_weighted(np.asfortranarray(np.arange(12.0).reshape(4, 3)))
# case: f_weighted(np.arange(6.0).reshape(2, 3).T)


#pykernel export f_fill(int64[:,:] order(F))
def f_fill(a):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] = 10 * i + j
    return a
# case: f_fill(np.asfortranarray(np.zeros((3, 4), dtype=np.int64)))
# case: f_fill(np.zeros((3, 2), dtype=np.int64, order="F"))


#pykernel export f_rows(float64[:,:] order(F))
def f_rows(a):
    out = np.zeros(len(a))
    for i in range(len(a)):
        r = a[i]
        out[i] = r[0] - r[-1]
    return out, a[1]
# case: f_rows(np.asfortranarray(np.array([[1.0, 2.0, 4.0], [8.0, 16.0, 32.0]])))


#pykernel export s_weighted(float64[::])
def s_weighted(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * (i + 1)
    return s, len(a), a[-1]
# case: s_weighted(np.arange(10.0))
# case: s_weighted(np.arange(10.0)[::2])
# case: s_weighted(np.arange(10.0)[1::3])
# case: s_weighted(np.arange(10.0)[::-1])
# case: s_weighted(np.arange(10.0)[8:1:-3])
# case: s_weighted(np.arange(12.0).reshape(3, 4)[:, 1])


#pykernel export s_iter(int32[::])
def s_iter(a):
    t = 0
    for x in a:
        t = t * 10 + int(x)
    return t
# case: s_iter(np.arange(10, dtype=np.int32)[::3])
# case: s_iter(np.arange(10, dtype=np.int32)[::-2])


#pykernel export s_write(int64[::])
def s_write(a):
    for i in range(len(a)):
        a[i] = i * i + 1
    return a
# case: s_write(np.zeros(10, dtype=np.int64)[::2])
# case: s_write(np.zeros(10, dtype=np.int64)[::-3])
# case: s_write(np.zeros((3, 4), dtype=np.int64)[:, 2])


#pykernel export s_weighted2(float64[::,::])
def s_weighted2(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j] * (10 * i + j + 1)
    return s, a.shape
# case: s_weighted2(np.arange(12.0).reshape(3, 4))
# case: s_weighted2(np.arange(12.0).reshape(3, 4).T)
# case: s_weighted2(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# case: s_weighted2(np.arange(24.0).reshape(4, 6)[::2, ::3])
# case: s_weighted2(np.arange(24.0).reshape(4, 6)[::-1, 1::2])
# case: s_weighted2(np.arange(24.0).reshape(2, 3, 4)[:, 1, :])


#pykernel export s_rows2(float64[::,::])
def s_rows2(a):
    out = np.zeros(len(a))
    for i, row in enumerate(a):
        t = 0.0
        for j in range(len(row)):
            t += row[j] * (j + 1)
        out[i] = t
    return out
# case: s_rows2(np.arange(12.0).reshape(3, 4).T)
# case: s_rows2(np.arange(24.0).reshape(4, 6)[::-2, ::2])


#pykernel export s_mark2(int32[::,::])
def s_mark2(a):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] += 100 * i + j
    return a
# case: s_mark2(np.zeros((3, 4), dtype=np.int32).T)
# case: s_mark2(np.zeros((4, 6), dtype=np.int32)[1::2, ::-2])
# case: s_mark2(np.zeros((2, 3), dtype=np.int32, order="F"))


#pykernel export s_same(float64[::,::])
def s_same(a):
    return a
# case: s_same(np.arange(6.0).reshape(2, 3).T)
# case: s_same(np.arange(24.0).reshape(4, 6)[::2, ::-3])


#pykernel export s_copy(float64[::,::])
def s_copy(a):
    return a.copy()
# case: s_copy(np.arange(6.0).reshape(2, 3).T)
# case: s_copy(np.arange(24.0).reshape(4, 6)[::2, ::-3])


#pykernel export s_weighted3(float64[::,::,::])
def s_weighted3(a):
    p, q, r = a.shape
    s = 0.0
    for i in range(p):
        for j in range(q):
            for k in range(r):
                s += a[i, j, k] * (100 * i + 10 * j + k + 1)
    return s
# case: s_weighted3(np.arange(24.0).reshape(2, 3, 4).transpose(2, 0, 1))
# case: s_weighted3(np.arange(60.0).reshape(3, 4, 5)[::2, ::-1, 1::2])
# case: s_weighted3(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))


#pykernel export norms3(float64[:,3])
def norms3(p):
    out = np.zeros(len(p))
    for i in range(len(p)):
        out[i] = p[i, 0] * p[i, 0] + p[i, 1] * p[i, 1] + p[i, 2] * p[i, 2]
    return out
# case: norms3(np.arange(12.0).reshape(4, 3))
# case: norms3(np.zeros((0, 3)))


#pykernel export pairs_sum(int32[:,2])
def pairs_sum(p):
    t = 0
    for i in range(len(p)):
        t += int(p[i, 0]) * int(p[i, 1])
    return t
# case: pairs_sum(np.array([[1, 2], [3, 4], [-5, 6]], dtype=np.int32))
