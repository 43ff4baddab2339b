"""One array passed twice, and overlapping views of one buffer: every element write is
seen by later reads through the other argument, as in CPython (cases bind a name with
`:=` in one argument and reuse it in the next)."""
import numpy as np


#pykernel export axpy_alias(float64, float64[:], float64[:])
def axpy_alias(alpha, x, y):
    for i in range(len(x)):
        y[i] += alpha * x[i]
    return y
# case: axpy_alias(2.0, (x := np.array([1.0, 2.0, 3.0])), x)
# case: axpy_alias(2.0, np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 1.0]))


#pykernel export shift_copy(float64[::], float64[::])
def shift_copy(src, dst):
    for i in range(len(dst)):
        dst[i] = src[i]
    return dst
# case: shift_copy((b := np.arange(8.0))[:6], b[2:])
# case: shift_copy((b := np.arange(8.0))[2:], b[:6])
# case: shift_copy((b := np.arange(8.0))[::-1], b)


#pykernel export prefix_into(int64[:], int64[:])
def prefix_into(a, out):
    s = 0
    for i in range(len(a)):
        s += int(a[i])
        out[i] = s
    return out
# case: prefix_into((x := np.array([1, 2, 3, 4])), x)
# case: prefix_into(np.array([1, 2, 3, 4]), np.zeros(4, dtype=np.int64))


#pykernel export transpose_into(float64[::,::], float64[::,::])
def transpose_into(a, t):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            t[j, i] = a[i, j]
    return t
# case: transpose_into((x := np.arange(9.0).reshape(3, 3)), x)
# case: transpose_into((x := np.arange(9.0).reshape(3, 3)), x.T)
# case: transpose_into(np.arange(6.0).reshape(2, 3), np.zeros((3, 2)))


#pykernel export matmul_alias(float64[:,:], float64[:,:], float64[:,:])
def matmul_alias(a, b, c):
    n, p = a.shape
    m = b.shape[1]
    for i in range(n):
        for j in range(m):
            s = 0.0
            for k in range(p):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
# case: matmul_alias((x := np.arange(4.0).reshape(2, 2) + 1.0), x, x)
# case: matmul_alias(np.arange(4.0).reshape(2, 2) + 1.0, np.arange(4.0).reshape(2, 2) + 1.0, np.zeros((2, 2)))


#pykernel export rows_alias(int32[:,:])
def rows_alias(a):
    r0 = a[0]
    r1 = a[0]
    r0[0] = 5
    r1[0] += 1
    return a[0, 0]
# case: rows_alias(np.zeros((2, 2), dtype=np.int32))
