"""A scientist's loop kernels on NumPy arrays: matrix products, stencils, convolution,
histograms, sorting, prefix sums, shortest paths."""
import numpy as np


#pykernel export matmul(float64[:,:], float64[:,:])
def matmul(a, b):
    n, p = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for k in range(p):
            aik = a[i, k]
            for j in range(m):
                c[i, j] += aik * b[k, j]
    return c
# case: matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) - 5.5)
# case: matmul(np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[1e-3, 7.0], [-3.0, 1e10]]))
# case: matmul(np.zeros((0, 3)), np.zeros((3, 2)))
# case: matmul(np.ones((2, 3)), np.ones((2, 2)))


#pykernel export matvec(float64[:,:], float64[:])
def matvec(a, x):
    n, m = a.shape
    y = np.empty(n)
    for i in range(n):
        s = 0.0
        for j in range(m):
            s += a[i, j] * x[j]
        y[i] = s
    return y
# case: matvec(np.arange(12.0).reshape(3, 4) / 7.0, np.array([0.5, -1.0, 2.0, 1e-3]))
# case: matvec(np.arange(6.0).reshape(3, 2), np.array([1.0]))


#pykernel export dot(float64[:], float64[:])
def dot(x, y):
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s
# case: dot(np.array([0.1, 0.2, 0.3]), np.array([3.0, -2.0, 1.0]))
# case: dot(np.array([1.0, 2.0]), np.array([1.0]))


#pykernel export floyd_warshall(float64[:,:])
def floyd_warshall(d):
    n = d.shape[0]
    for k in range(n):
        for i in range(n):
            dik = d[i, k]
            for j in range(n):
                d[i, j] = min(d[i, j], dik + d[k, j])
    return d
# case: floyd_warshall(np.array([[0.0, 3.0, inf, 7.0], [8.0, 0.0, 2.0, inf], [5.0, inf, 0.0, 1.0], [2.0, inf, inf, 0.0]]))
# case: floyd_warshall(np.zeros((0, 0)))
# case: floyd_warshall(np.array([[0.0, -1.0], [4.0, 0.0]]))
# case: floyd_warshall(np.array([[1.0, 2.0, 3.0], [0.5, -2.0, 1.0], [nan, 1.0, 0.0]]))


#pykernel export floyd_int(int64[:,:])
def floyd_int(d):
    n = len(d)
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if d[i, k] + d[k, j] < d[i, j]:
                    d[i, j] = d[i, k] + d[k, j]
# case: floyd_int(np.array([[0, 4, 100], [100, 0, 1], [2, 100, 0]]))


#pykernel export stencil5(float64[:,:], int)
def stencil5(u, iters):
    n, m = u.shape
    a = np.empty((n, m))
    b = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = u[i, j]
            b[i, j] = u[i, j]
    for t in range(iters):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                b[i, j] = 0.2 * (a[i, j] + a[i - 1, j] + a[i + 1, j]
                                 + a[i, j - 1] + a[i, j + 1])
        a, b = b, a
    return a
# case: stencil5(np.arange(20.0).reshape(4, 5) ** 1.5, 3)
# case: stencil5(np.ones((2, 2)), 4)


#pykernel export heat1d(float64[:], float64, int)
def heat1d(u, r, steps):
    n = len(u)
    for s in range(steps):
        prev = u[0]
        for i in range(1, n - 1):
            cur = u[i]
            u[i] = cur + r * (prev - 2.0 * cur + u[i + 1])
            prev = cur
    return u
# case: heat1d(np.array([0.0, 0.0, 1.0, 0.0, 0.0, 0.3]), 0.25, 5)


#pykernel export conv1d(float64[:], float64[:])
def conv1d(x, w):
    n = len(x)
    m = len(w)
    y = np.zeros(n - m + 1)
    for i in range(n - m + 1):
        s = 0.0
        for k in range(m):
            s += x[i + k] * w[k]
        y[i] = s
    return y
# case: conv1d(np.arange(8.0) * 0.3, np.array([0.25, 0.5, 0.25]))
# case: conv1d(np.arange(3.0), np.arange(3.0))
# case: conv1d(np.arange(2.0), np.arange(4.0))


#pykernel export conv2d(float64[:,:], float64[:,:])
def conv2d(img, k):
    n, m = img.shape
    p, q = k.shape
    out = np.zeros((n - p + 1, m - q + 1))
    for i in range(n - p + 1):
        for j in range(m - q + 1):
            s = 0.0
            for a in range(p):
                for b in range(q):
                    s += img[i + a, j + b] * k[a, b]
            out[i, j] = s
    return out
# case: conv2d(np.arange(30.0).reshape(5, 6) / 3.0, np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]))


#pykernel export histogram(float64[:], int, float64, float64)
def histogram(x, nbins, lo, hi):
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for i in range(len(x)):
        k = int((x[i] - lo) / width)
        k = min(max(k, 0), nbins - 1)
        counts[k] += 1
    return counts
# case: histogram(np.array([0.1, 0.5, 0.55, 0.9, -3.0, 7.0, 0.25]), 4, 0.0, 1.0)
# case: histogram(np.zeros((0,)), 3, 0.0, 1.0)


#pykernel export int_histogram(int32[:], int)
def int_histogram(xs, nb):
    h = np.zeros(nb, dtype=np.int64)
    for x in xs:
        h[x % nb] += 1
    return h
# case: int_histogram(np.array([1, 5, -3, 7, 0, 12], dtype=np.int32), 4)


#pykernel export insertion_sort(float64[:])
def insertion_sort(a):
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v
# case: insertion_sort(np.array([3.0, -1.0, 2.5, 2.5, -inf, 10.0, 0.0]))
# case: insertion_sort(np.zeros((0,)))
# case: insertion_sort(np.array([1.0]))
# case: insertion_sort(np.array([5.0, 4.0, 3.0, 2.0, 1.0]))
# case: insertion_sort(np.array([nan, 1.0, nan, -1.0]))
# case: insertion_sort(np.arange(10.0)[::-2])  # expect-error ValueError a


#pykernel export bubble_sort_i16(int16[:])
def bubble_sort_i16(a):
    n = len(a)
    swaps = 0
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
    return swaps
# case: bubble_sort_i16(np.array([5, -3, 32767, -32768, 0, 5], dtype=np.int16))


#pykernel export cumsum(float64[:])
def cumsum(a):
    out = np.empty_like(a)
    s = 0.0
    for i in range(len(a)):
        s += a[i]
        out[i] = s
    return out
# case: cumsum(np.array([0.5, 0.25, -1.0, 4.0]))
# case: cumsum(np.zeros((0,)))


#pykernel export cumsum_int_inplace(int64[:])
def cumsum_int_inplace(a):
    for i in range(1, len(a)):
        a[i] += a[i - 1]
    return a
# case: cumsum_int_inplace(np.array([1, 2, 3, 4, -10]))


#pykernel export prefix_max(float64[:])
def prefix_max(a):
    out = np.zeros(len(a))
    if len(a) == 0:
        return out
    m = a[0]
    for i in range(len(a)):
        m = max(m, a[i])
        out[i] = m
    return out
# case: prefix_max(np.array([1.0, 3.0, 2.0, 5.0, -1.0, 5.5]))
# case: prefix_max(np.zeros((0,)))


#pykernel export outer(float64[:], float64[:])
def outer(x, y):
    out = np.zeros((len(x), len(y)))
    for i in range(len(x)):
        for j in range(len(y)):
            out[i, j] = x[i] * y[j]
    return out
# case: outer(np.array([1.0, -2.0]), np.array([0.5, 3.0, 0.1]))


#pykernel export pascal(int)
def pascal(n):
    t = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        t[i, 0] = 1
        for j in range(1, i + 1):
            t[i, j] = t[i - 1, j - 1] + t[i - 1, j]
    return t
# case: pascal(6)
# case: pascal(0)


#pykernel export life_step(uint8[:,:])
def life_step(g):
    n, m = g.shape
    out = np.zeros((n, m), dtype=np.uint8)
    for i in range(n):
        for j in range(m):
            c = 0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    if di != 0 or dj != 0:
                        ii = i + di
                        jj = j + dj
                        if 0 <= ii < n and 0 <= jj < m:
                            c += int(g[ii, jj])
            if c == 3 or (c == 2 and g[i, j] == 1):
                out[i, j] = 1
    return out
# case: life_step(np.array([[0, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]], dtype=np.uint8))


#pykernel export sieve(int)
def sieve(n):
    is_p = np.ones(n + 1, dtype=bool)
    is_p[0] = False
    if n >= 1:
        is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    count = 0
    for x in is_p:
        if x:
            count += 1
    return count, is_p
# case: sieve(30)
# case: sieve(1)


#pykernel export lu_solve(float64[:,:], float64[:])
def lu_solve(a, b):
    n = len(b)
    for k in range(n):
        for i in range(k + 1, n):
            f = a[i, k] / a[k, k]
            for j in range(k, n):
                a[i, j] -= f * a[k, j]
            b[i] -= f * b[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        s = b[i]
        for j in range(i + 1, n):
            s -= a[i, j] * x[j]
        x[i] = s / a[i, i]
    return x
# case: lu_solve(np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 1.0], [2.0, 1.0, 6.0]]), np.array([1.0, 2.0, 3.0]))
# case: lu_solve(np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([1.0, 2.0]))


#pykernel export moving_average(float64[:], int)
def moving_average(x, w):
    n = len(x)
    out = np.zeros(n - w + 1)
    s = 0.0
    for i in range(w):
        s += x[i]
    out[0] = s / w
    for i in range(w, n):
        s += x[i] - x[i - w]
        out[i - w + 1] = s / w
    return out
# case: moving_average(np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0]), 3)
