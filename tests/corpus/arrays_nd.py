"""2-D to 5-D NumPy arrays: `a[i, j]`, `a[i][j]`, rows `a[i]` (views; returned as
copies), shapes (`n, m = a.shape`), iteration over rows, `T[][]` spelling."""
import numpy as np


#pykernel export weighted2(float64[:,:])
def weighted2(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j] * (i * 10 + j + 1)
    return s
# case: weighted2(np.arange(6.0).reshape(2, 3))
# case: weighted2(np.array([[1.5, -2.0], [0.25, 8.0], [3.0, 1.0]]))


#pykernel export shape2(int64[:,:])
def shape2(a):
    n, m = a.shape
    return n, m, a.shape, a.shape[1], len(a), a.size, a.ndim
# case: shape2(np.zeros((4, 7), dtype=np.int64))
# case: shape2(np.zeros((0, 5), dtype=np.int64))
# case: shape2(np.zeros((5, 0), dtype=np.int64))


#pykernel export nested_index(float64[:,:], int, int)
def nested_index(a, i, j):
    return a[i][j], a[i, j]
# case: nested_index(np.arange(12.0).reshape(3, 4), 1, 2)
# case: nested_index(np.arange(12.0).reshape(3, 4), -1, -4)
# case: nested_index(np.arange(12.0).reshape(3, 4), -3, 3)
# case: nested_index(np.arange(12.0).reshape(3, 4), 3, 0)
# case: nested_index(np.arange(12.0).reshape(3, 4), 0, 4)
# case: nested_index(np.arange(12.0).reshape(3, 4), -4, 0)
# case: nested_index(np.arange(12.0).reshape(3, 4), 0, -5)


#pykernel export get_row(float64[:,:], int)
def get_row(a, i):
    return a[i]
# case: get_row(np.arange(6.0).reshape(2, 3), 0)
# case: get_row(np.arange(6.0).reshape(2, 3), -1)
# case: get_row(np.arange(6.0).reshape(2, 3), 2)


#pykernel export row_sums(float64[:,:])
def row_sums(a):
    out = np.zeros(len(a))
    for i, r in enumerate(a):
        s = 0.0
        for x in r:
            s += x
        out[i] = s
    return out
# case: row_sums(np.arange(12.0).reshape(3, 4))
# case: row_sums(np.zeros((2, 0)))
# case: row_sums(np.zeros((0, 2)))


#pykernel export trace(int32[:,:])
def trace(a):
    n, m = a.shape
    t = 0
    for i in range(min(n, m)):
        t += int(a[i, i])
    return t
# case: trace(np.arange(12, dtype=np.int32).reshape(3, 4))
# case: trace(np.arange(12, dtype=np.int32).reshape(4, 3))
# case: trace(np.zeros((0, 0), dtype=np.int32))


#pykernel export corner_values(float64[:,:])
def corner_values(a):
    return a[0, 0], a[0, -1], a[-1, 0], a[-1, -1], a[-1][-2]
# case: corner_values(np.arange(20.0).reshape(4, 5))


#pykernel export transposed(float64[:,:])
def transposed(a):
    n, m = a.shape
    t = np.zeros((m, n))
    for i in range(n):
        for j in range(m):
            t[j, i] = a[i, j]
    return t
# case: transposed(np.arange(6.0).reshape(2, 3))
# case: transposed(np.zeros((0, 3)))


#pykernel export weighted3(float64[:,:,:])
def weighted3(a):
    p, q, r = a.shape
    s = 0.0
    for i in range(p):
        for j in range(q):
            for k in range(r):
                s += a[i, j, k] * (100 * i + 10 * j + k + 1) + a[i][j][k]
    return s, a.ndim, a.size, len(a)
# case: weighted3(np.arange(24.0).reshape(2, 3, 4))
# case: weighted3(np.arange(6.0).reshape(1, 6, 1))


#pykernel export fill3(int32[:,:,:])
def fill3(a):
    p, q, r = a.shape
    for i in range(p):
        for j in range(q):
            for k in range(r):
                a[i, j, k] = i * 100 + j * 10 + k
    return a
# case: fill3(np.zeros((2, 3, 4), dtype=np.int32))
# case: fill3(np.zeros((1, 0, 2), dtype=np.int32))


#pykernel export iter3(int64[:,:,:])
def iter3(a):
    total = 0
    planes = 0
    for plane in a:
        planes += 1
        for row in plane:
            for x in row:
                total = total * 3 + int(x)
    return planes, total
# case: iter3(np.arange(12).reshape(3, 2, 2))


#pykernel export plane_of(float64[:,:,:], int)
def plane_of(a, i):
    return a[i]
# case: plane_of(np.arange(24.0).reshape(2, 3, 4), 1)
# case: plane_of(np.arange(24.0).reshape(2, 3, 4), -2)


#pykernel export sum4(float64[:,:,:,:])
def sum4(a):
    s = 0.0
    n0, n1, n2, n3 = a.shape
    for i in range(n0):
        for j in range(n1):
            for k in range(n2):
                for l in range(n3):
                    s += a[i, j, k, l] * (i + 2 * j + 3 * k + 4 * l + 1)
    return s, a.shape
# case: sum4(np.arange(120.0).reshape(2, 3, 4, 5))


#pykernel export corner5(int16[:,:,:,:,:])
def corner5(a):
    return a[1, 0, 1, 0, 1], a[-1, -1, -1, -1, -1], a.shape, a.ndim
# case: corner5(np.arange(32, dtype=np.int16).reshape(2, 2, 2, 2, 2))


#pykernel export mark5(uint8[][][][][])
def mark5(a):
    a[0, 0, 0, 0, 0] = 7
    a[-1, -1, -1, -1, -1] = 9
    a[1][0][1][0][1] = 5
    return a.size
# case: mark5(np.zeros((2, 2, 2, 2, 2), dtype=np.uint8))


#pykernel export bracket_sum(float64[][])
def bracket_sum(a):
    s = 0.0
    for row in a:
        for x in row:
            s += x
    return s
# case: bracket_sum(np.array([[1.0, 2.0], [3.0, 4.5]]))
