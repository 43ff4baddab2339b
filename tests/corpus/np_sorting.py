"""Sorting and searching: `np.sort` (NaN last, any axis, flattened), `a.sort()` in place,
`np.argsort` (stable: NumPy's `kind='stable'` order), `np.searchsorted` (both sides, NaN
as the largest value), `np.unique` (NaNs as one; index, inverse, counts), `np.median`
and `np.bincount`."""
import numpy as np


#pykernel export sorts(float64[::,::])
def sorts(a):
    return np.sort(a), np.sort(a, axis=0), np.sort(a, axis=None), np.sort(a, -2), np.sort(a * 2 - 1, kind='stable')
# case: sorts(np.array([[3.0, np.nan, 1.0], [2.0, -1.0, 0.5]]))
# case: sorts(np.linspace(0, 1, 24).reshape(4, 6)[::-1, ::2] ** 0.7)
# case: sorts(np.asfortranarray(np.cos(np.arange(20.0)).reshape(4, 5)))
# case: sorts(np.zeros((0, 3)))


#pykernel export int_sorts(int32[:], uint8[::,::])
def int_sorts(a, b):
    return np.sort(a), np.argsort(a), np.argsort(a, kind='stable'), a.argsort(), np.sort(b, axis=0), np.argsort(b, axis=None)
# case: int_sorts(np.array([3, 1, 2, 1, 3, 0, -5], dtype=np.int32), np.array([[3, 1], [1, 1], [0, 9]], dtype=np.uint8))
# case: int_sorts(np.zeros(0, dtype=np.int32), np.zeros((2, 0), dtype=np.uint8))


#pykernel export sort_in_place(float64[::,::], int64[:])
def sort_in_place(a, b):
    a.sort()
    b.sort()
    a.sort(axis=0)
    return a[0, 0] + b[0]
# case: sort_in_place(np.cos(np.arange(12.0)).reshape(3, 4), np.array([5, -2, 7, 0]))
# case: sort_in_place(np.cos(np.arange(12.0)).reshape(4, 3).T, np.array([5]))


#pykernel export search(float64[:], float64, float64[::,::])
def search(a, x, xs):
    return (np.searchsorted(a, x), np.searchsorted(a, x, side='right'), a.searchsorted(xs),
            np.searchsorted(a, xs, 'right'), np.searchsorted(a, 2))
# case: search(np.array([1.0, 2.0, 2.0, 3.0, np.nan]), 2.0, np.array([[0.5, 2.0], [np.nan, 9.0]]))
# case: search(np.array([1.0, 2.0, 2.0, 3.0]), np.nan, np.zeros((0, 2)))
# case: search(np.zeros(0), 1.0, np.ones((1, 1)))


#pykernel export uniques(int64[::,::], float64[:])
def uniques(a, f):
    u, idx, inv, cnt = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    return u, idx, inv, cnt, np.unique(f), np.unique(f, return_counts=True), np.unique(a * 2 % 3)
# case: uniques(np.array([[3, 1, 2], [1, 3, 3]]), np.array([2.0, np.nan, 1.0, np.nan, 2.0]))
# case: uniques(np.zeros((0, 2), dtype=np.int64), np.zeros(0))


#pykernel export medians(float64[::,::], int32[:])
def medians(a, b):
    return np.median(a), np.median(a, axis=0), np.median(a, axis=-1), np.median(b), np.median(a + 1, 1)
# case: medians(np.cos(np.arange(12.0)).reshape(3, 4), np.array([4, 1, 3, 2], dtype=np.int32))
# case: medians(np.cos(np.arange(15.0)).reshape(5, 3).T, np.array([4, 1, 3], dtype=np.int32))
# case: medians(np.array([[1.0, np.nan], [2.0, 3.0]]), np.array([7], dtype=np.int32))


#pykernel export bincounts(int64[:], float64[:], int64)
def bincounts(x, w, m):
    return np.bincount(x), np.bincount(x, minlength=m), np.bincount(x, weights=w), np.bincount(x, w, m)
# case: bincounts(np.array([1, 3, 1, 0]), np.array([0.5, 1.0, 2.0, 0.25]), 7)
# case: bincounts(np.array([1, -3]), np.array([0.5, 1.0]), 2)
# case: bincounts(np.array([1, 3]), np.array([0.5, 1.0, 2.0]), 2)
# case: bincounts(np.array([1, 3]), np.array([0.5, 1.0]), -1)


#pykernel export bincount_empty(uint8[:], int64)
def bincount_empty(x, m):
    return np.bincount(x, minlength=m), np.bincount(x > 1)
# case: bincount_empty(np.zeros(0, dtype=np.uint8), 3)
# case: bincount_empty(np.array([4, 0, 4], dtype=np.uint8), 0)


#pykernel export projection_simplex(float64[:], float64)
def projection_simplex(v, z):
    n_features = v.shape[0]
    u = np.sort(v)[::-1]
    cssv = np.cumsum(u) - z
    ind = np.arange(n_features) + 1
    cond = u - cssv / ind > 0
    rho = np.count_nonzero(cond)
    theta = cssv[rho - 1] / float(rho)
    w = np.maximum(v - theta, 0)
    return w
# case: projection_simplex(np.cos(np.arange(10.0)), 1.0)
