"""Innermost `range` loops over array rows, which the compiled code runs on slices when
the rows are contiguous and no written row overlaps another (lane loops): the results
must not depend on that choice. Rows of one array that coincide (Floyd-Warshall's
`i == k`), reads behind or ahead of a write in the same buffer, one array passed twice,
overlapping views, strided and reversed views, every dtype, errors part way, and the
loop variable and accumulators used after the loop."""
import numpy as np


# Floyd-Warshall on C-contiguous rows (`i == k` included) is `floyd_warshall` in
# arrays_algos.py; here the same loops on any strides.
#pykernel export fw_strided(float64[::,::])
def fw_strided(d):
    n = d.shape[0]
    for k in range(n):
        for i in range(n):
            for j in range(n):
                d[i, j] = min(d[i, j], d[i, k] + d[k, j])
    return d
# case: fw_strided(np.array([[0.0, 5.0, 9.0], [1.0, 0.0, 2.0], [3.0, 1.0, 0.0]]))
# case: fw_strided(np.array([[0.0, 5.0, 9.0], [1.0, 0.0, 2.0], [3.0, 1.0, 0.0]]).T)
# case: fw_strided(np.arange(16.0).reshape(4, 4)[::2, ::2])
# case: fw_strided(np.arange(16.0).reshape(4, 4)[::-1, ::-1])


#pykernel export running(float64[:])
def running(a):
    for j in range(1, len(a)):
        a[j] = a[j - 1] * 0.5 + a[j]
    return a
# case: running(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
# case: running(np.zeros(0))
# case: running(np.array([7.0]))


#pykernel export look_ahead(int64[:])
def look_ahead(a):
    for j in range(len(a) - 1):
        a[j] = a[j + 1] - a[j]
    return a
# case: look_ahead(np.array([1, 4, 9, 16, 25]))
# case: look_ahead(np.array([3]))


#pykernel export scale_into(float64[::], float64[::], float64)
def scale_into(src, dst, c):
    for j in range(len(dst)):
        dst[j] = src[j] * c + 1.0
    return dst
# case: scale_into(np.arange(5.0), np.zeros(5), 2.0)
# case: scale_into((b := np.arange(8.0))[:6], b[2:], 2.0)
# case: scale_into((b := np.arange(8.0))[2:], b[:6], 2.0)
# case: scale_into((b := np.arange(8.0)), b, 3.0)
# case: scale_into((b := np.arange(10.0))[::2], b[1::2], 2.0)
# case: scale_into((b := np.arange(6.0))[::-1], b, 2.0)
# case: scale_into(np.arange(4.0)[::-1], np.zeros(4), 0.5)


#pykernel export add_rows(int32[:,:], int, int)
def add_rows(m, dst, src):
    for j in range(m.shape[1]):
        m[dst, j] += m[src, j] * 2
    return m
# case: add_rows(np.arange(12, dtype=np.int32).reshape(3, 4), 0, 2)
# case: add_rows(np.arange(12, dtype=np.int32).reshape(3, 4), 1, 1)
# case: add_rows(np.arange(12, dtype=np.int32).reshape(3, 4), -1, 0)
# case: add_rows(np.arange(12, dtype=np.int32).reshape(3, 4), 3, 0)


#pykernel export dot_last(float64[:], float64[:])
def dot_last(x, w):
    s = 0.0
    j = -1
    for j in range(len(w)):
        s += x[j] * w[j]
    return float(s), j
# case: dot_last(np.arange(5.0), np.arange(5.0) * 0.25)
# case: dot_last(np.arange(5.0), np.zeros(0))
# case: dot_last(np.arange(3.0), np.arange(5.0))


#pykernel export first_negative(float64[:], int)
def first_negative(a, start):
    found = -1
    total = 0.0
    for j in range(start, len(a)):
        if a[j] < 0.0:
            found = j
            break
        if a[j] == 0.0:
            continue
        total += a[j]
    return found, float(total)
# case: first_negative(np.array([1.0, 0.0, 2.0, -3.0, 4.0]), 0)
# case: first_negative(np.array([1.0, 0.0, 2.0, 3.0]), 1)
# case: first_negative(np.array([1.0, 2.0]), 5)


#pykernel export floor_div_rows(int64[:,:], int64[:])
def floor_div_rows(m, d):
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] //= d[j]
    return m
# case: floor_div_rows(np.array([[7, -7, 9], [-1, 5, 6]]), np.array([2, 3, -4]))
# case: floor_div_rows(np.array([[7, -7, 9], [-1, 5, 6]]), np.array([0, 1, -4]))


#pykernel export mixed_dtypes(int16[:], float32[:], float64[:])
def mixed_dtypes(a, b, out):
    for j in range(len(out)):
        out[j] = a[j] * b[j] + out[j]
    return out
# case: mixed_dtypes(np.array([1, -2, 300], dtype=np.int16), np.array([0.5, 1.5, -2.25], dtype=np.float32), np.ones(3))


#pykernel export wrap_u8(uint8[:], int)
def wrap_u8(a, k):
    for j in range(len(a)):
        a[j] = a[j] * 3 + k
    return a
# case: wrap_u8(np.array([0, 1, 100, 200, 255], dtype=np.uint8), 7)


#pykernel export flags(bool[:], float64[:])
def flags(out, x):
    n = 0
    for j in range(len(x)):
        out[j] = x[j] > 0.0 and not out[j]
        if out[j]:
            n += 1
    return n
# case: flags(np.array([True, False, False, True]), np.array([1.0, 2.0, -1.0, 3.0]))


#pykernel export cmul(complex128[:], complex128[:])
def cmul(a, b):
    for j in range(len(a)):
        a[j] = a[j] * b[j] - 1j
    return a
# case: cmul(np.array([1 + 2j, -3j, 0.5]), np.array([2j, 1 + 1j, -1.0]))


#pykernel export plane_sums(float64[:,:,:])
def plane_sums(a):
    n0, n1, n2 = a.shape
    out = np.zeros((n0, n2))
    for i in range(n0):
        for j in range(n1):
            for k in range(n2):
                out[i, k] += a[i, j, k] * (j + 1)
    for i in range(n0):
        for j in range(n1):
            for k in range(n2):
                a[i, k, j] = out[i, k] if n1 == n2 else a[i, j, k]
    return out
# case: plane_sums(np.arange(18.0).reshape(2, 3, 3))
# case: plane_sums(np.arange(24.0).reshape(2, 3, 4))


#pykernel export chained(float64[:,:])
def chained(m):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i][j] = m[i][j] + m[0][j]
            s += m[i][j]
    return s
# case: chained(np.arange(6.0).reshape(2, 3))
# case: chained(np.ones((3, 1)))


def axpy(alpha, x, y, n):
    for j in range(n):
        y[j] += alpha * x[j]


#pykernel export helper_axpy(float64[:], float64[:], int)
def helper_axpy(x, y, n):
    axpy(2.0, x, y, n)
    axpy(-1.0, y, x, n)
    return x, y
# case: helper_axpy(np.arange(4.0), np.ones(4), 4)
# case: helper_axpy((b := np.arange(4.0)), b, 3)
# case: helper_axpy(np.arange(4.0), np.ones(4), 5)


#pykernel export stencil_swap(float64[:,:], int)
def stencil_swap(u, iters):
    n, m = u.shape
    a = u.copy()
    b = u.copy()
    for t in range(iters):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
        a, b = b, a
    return a
# case: stencil_swap(np.arange(20.0).reshape(4, 5), 3)
# case: stencil_swap(np.arange(4.0).reshape(2, 2), 2)


#pykernel export same_view_twice(float64[:])
def same_view_twice(a):
    b = a
    c = a[1:]
    for j in range(len(c)):
        b[j] = c[j] + b[j]
    return a
# case: same_view_twice(np.arange(6.0))


def weight(x, k):
    return x * (k + 1) if x > 0 else -x


#pykernel export weighted(float64[:], complex128[:])
def weighted(a, z):
    acc = z[0] * 0.0
    t = 0.0
    for j in range(len(a)):
        t += weight(a[j], j)
        acc += z[j] * a[j]
    return complex(acc), float(t)
# case: weighted(np.array([1.0, -2.0, 0.5]), np.array([1j, 2.0 - 1j, -0.5j]))
# case: weighted(np.array([1.0, -2.0]), np.array([1j, 2.0, 3.0]))
# case: weighted(np.array([1.0, -2.0, 4.0]), np.array([1j, 2.0]))


#pykernel export shift_rows(float64[:,:], float64[::], int, int)
def shift_rows(m, v, dst, src):
    # With dst == src (or v a view of row dst) each step reads what the previous one
    # wrote: the rows overlap, so the loop must not run on slices.
    for j in range(m.shape[1] - 1):
        m[dst, j + 1] = m[src, j] * 2.0 + v[j]
    return m
# case: shift_rows(np.arange(24.0).reshape(2, 12), np.zeros(12), 0, 0)
# case: shift_rows(np.arange(24.0).reshape(2, 12), np.zeros(12), 0, 1)
# case: shift_rows((x := np.arange(24.0).reshape(2, 12)), x[0], 0, 1)
# case: shift_rows((x := np.arange(24.0).reshape(2, 12)), x[0][::-1], 0, 1)
# case: shift_rows(np.arange(24.0).reshape(2, 12), np.zeros(12), -1, 1)
# case: shift_rows(np.arange(24.0).reshape(2, 12), np.zeros(5), 0, 1)


#pykernel export neighbours(float64[:])
def neighbours(a):
    # A reduction: one lane serves a[j - 1], a[j] and a[j + 1] at their offsets.
    s = 0.0
    for j in range(1, len(a) - 1):
        s += a[j - 1] * a[j + 1] - a[j] * 0.5
    return float(s)
# case: neighbours(np.arange(12.0) ** 1.5)
# case: neighbours(np.arange(2.0))
# case: neighbours(np.array([1.0, -2.0, 3.0, nan, 5.0, 6.0, 7.0, 8.0, 9.0]))
