"""Reductions along axes (`axis=` as an integer, a negative one, a tuple, `None`;
`keepdims=`), function and method forms, and the reductions with no fused form:
`var`/`std` (`ddof=`), `ptp`, `argmin`/`argmax`, `cumsum`/`cumprod`. Float sums follow
NumPy's order (pairwise along the fast axis, row by row along the slow ones), so
results are compared bit for bit."""
import numpy as np


#pykernel export sum_axes(float64[::,::])
def sum_axes(a):
    return np.sum(a, axis=0), np.sum(a, axis=1), a.sum(-1), np.sum(a, 0), a.sum(axis=None)
# case: sum_axes(np.linspace(0, 1, 3000).reshape(30, 100) ** 1.7)
# case: sum_axes(np.linspace(0, 1, 3000).reshape(100, 30) ** 1.7)
# case: sum_axes(np.asfortranarray(np.linspace(0, 1, 3000).reshape(30, 100) ** 1.7))
# case: sum_axes((np.linspace(0, 1, 3000).reshape(100, 30) ** 1.7).T)
# case: sum_axes((np.linspace(0, 1, 6000).reshape(60, 100) ** 1.7)[::-2, ::3])
# case: sum_axes(np.ones((0, 4)))
# case: sum_axes(np.ones((3, 0)))
# case: sum_axes(np.ones((1, 1)))


#pykernel export sum_keep(float64[::,::,::])
def sum_keep(a):
    return (np.sum(a, axis=(0, 2)), a.sum(axis=(1, 2), keepdims=True), np.sum(a, axis=1, keepdims=True),
            np.sum(a, axis=(-1, 0)), a.sum(axis=(0, 1, 2)))
# case: sum_keep(np.linspace(0, 1, 2400).reshape(4, 20, 30) ** 1.3)
# case: sum_keep(np.linspace(0, 1, 2400).reshape(30, 20, 4).T ** 1.3)
# case: sum_keep(np.zeros((2, 0, 3)))


#pykernel export int_axes(int32[::,::], int64)
def int_axes(a, k):
    return (a.sum(axis=0), np.prod(a % 5 + 1, axis=1), a.max(axis=k), np.min(a, axis=-1),
            np.mean(a, axis=0), a.mean(axis=1), np.any(a > 3, axis=0), np.all(a > -3, axis=1),
            np.count_nonzero(a, axis=0), np.amax(a, 1), np.amin(a, axis=0))
# case: int_axes(np.arange(-12, 12, dtype=np.int32).reshape(4, 6), 0)
# case: int_axes(np.arange(-12, 12, dtype=np.int32).reshape(6, 4)[::-1].T, 1)
# case: int_axes(np.arange(-12, 12, dtype=np.int32).reshape(4, 6), -1)
# case: int_axes(np.arange(-12, 12, dtype=np.int32).reshape(4, 6), 2)
# case: int_axes(np.zeros((0, 3), dtype=np.int32), 1)


#pykernel export fused_axis(float64[:,:], float64[:,:])
def fused_axis(x, y):
    return np.sum(np.abs(x[:, None, :] - y), axis=-1)
# case: fused_axis(np.linspace(0, 1, 60).reshape(6, 10) ** 1.5, np.linspace(0, 2, 80).reshape(8, 10))
# case: fused_axis(np.linspace(0, 1, 60).reshape(6, 10), np.linspace(0, 2, 70).reshape(7, 10))


#pykernel export pairwise(float64[:,:])
def pairwise(pts):
    return np.sum((pts[None, :] - pts[:, None]) ** 2, -1) ** 0.5
# case: pairwise(np.linspace(0, 10, 2000).reshape(20, 100))


#pykernel export multiple_sum(float64[:,:])
def multiple_sum(array):
    rows = array.shape[0]
    cols = array.shape[1]
    out = np.zeros((rows, cols))
    for row in range(0, rows):
        out[row, :] = np.sum(array - array[row, :], 0)
    return out
# case: multiple_sum(np.linspace(0, 1, 120).reshape(10, 12) ** 1.5)


#pykernel export l2norm(float64[:,:])
def l2norm(x):
    return np.sqrt(np.sum(np.abs(x) ** 2, 1))
# case: l2norm(np.linspace(-1, 1, 300).reshape(20, 15))


#pykernel export var_std(float64[::,::], int64)
def var_std(a, d):
    return (a.var(), np.var(a, axis=0), a.var(axis=1, ddof=1), np.std(a), a.std(axis=0, ddof=d),
            np.std(a, axis=-1, keepdims=True), np.var(a, ddof=d))
# case: var_std(np.linspace(0, 1, 300).reshape(20, 15) ** 1.5, 1)
# case: var_std(np.asfortranarray(np.linspace(0, 1, 300).reshape(20, 15) ** 1.5), 0)
# case: var_std(np.linspace(0, 1, 300).reshape(20, 15)[::-1] ** 1.5, 40)


#pykernel export cronbach(float64[:,:])
def cronbach(itemscores):
    itemvars = itemscores.var(axis=1, ddof=1)
    tscores = itemscores.sum(axis=0)
    nitems = len(itemscores)
    return nitems / (nitems - 1) * (1 - itemvars.sum() / tscores.var(ddof=1))
# case: cronbach(np.linspace(0, 1, 400).reshape(20, 20) ** 1.3)


#pykernel export var_kinds(int64[:], float32[:,:], complex128[:])
def var_kinds(a, b, z):
    return np.var(a), a.std(), np.var(b, axis=1), b.std(), np.var(z), np.std(z, ddof=1), np.mean(z)
# case: var_kinds(np.arange(-7, 30) ** 2, np.linspace(0, 1, 60, dtype=np.float32).reshape(6, 10), np.linspace(0, 1, 9) + 1j * np.linspace(2, -1, 9))


#pykernel export args(float64[::,::])
def args(a):
    return (np.argmax(a), np.argmin(a), a.argmax(axis=0), np.argmin(a, axis=1), a.argmax(-1),
            np.ptp(a), np.ptp(a, axis=0))
# case: args(np.array([[1.0, 5.0, 5.0], [0.0, -2.0, 7.0]]))
# case: args(np.array([[1.0, np.nan, 5.0], [np.nan, -2.0, 7.0]]))
# case: args(np.array([[3.0, 3.0], [3.0, 3.0]]).T)
# case: args(np.zeros((0, 2)))


#pykernel export make_decision(complex128[:], complex128[:])
def make_decision(E, symbols):
    L = E.shape[0]
    syms_out = np.zeros(L, dtype=E.dtype)
    for i in range(L):
        im = np.argmin(abs(E[i] - symbols) ** 2)
        syms_out[i] = symbols[im]
    return syms_out
# case: make_decision(np.linspace(-1, 1, 50) + 1j * np.linspace(1, -1, 50) ** 3, np.array([1 + 1j, -1 + 1j, 1 - 1j, -1 - 1j]))


#pykernel export scans(float64[::,::], int32[:])
def scans(a, b):
    return (np.cumsum(a), np.cumsum(a, axis=0), a.cumsum(axis=1), np.cumprod(a, 0), a.cumprod(),
            np.cumsum(b), b.cumprod(), np.cumsum(b > 0))
# case: scans(np.linspace(0.5, 1.5, 12).reshape(3, 4), np.arange(-3, 5, dtype=np.int32))
# case: scans(np.linspace(0.5, 1.5, 12).reshape(4, 3).T, np.zeros(0, dtype=np.int32))


#pykernel export reverse_cumsum(float64[:])
def reverse_cumsum(x):
    return np.cumsum(x[::-1])[::-1]
# case: reverse_cumsum(np.linspace(0, 1, 1000) ** 1.5)


#pykernel export keep_args(float64[:,:])
def keep_args(a):
    return np.max(a, axis=0, keepdims=True), a.argmax(axis=1, keepdims=True), np.mean(a, axis=(0, 1), keepdims=True)
# case: keep_args(np.linspace(0, 1, 12).reshape(3, 4) ** 2)


#pykernel export axis_errors(float64[:,:], int64)
def axis_errors(a, k):
    return np.sum(a, axis=k)
# case: axis_errors(np.ones((2, 3)), 2)
# case: axis_errors(np.ones((2, 3)), -3)
# case: axis_errors(np.ones((2, 3)), -2)


#pykernel export empty_errors(float64[:,:], int64)
def empty_errors(a, k):
    return np.max(a, axis=k)
# case: empty_errors(np.ones((0, 3)), 0)
# case: empty_errors(np.ones((0, 3)), 1)
# case: empty_errors(np.ones((3, 0)), 1)


#pykernel export fused_kinds(float64[::,::], int64[::,::], float32[:,:,:])
def fused_kinds(a, b, c):
    return (np.max(a * 2.0 - 1.0, axis=0), np.min(np.sqrt(a + 1.0), axis=-1), np.mean(b * 3, axis=1),
            np.mean(b - 1, axis=0), np.any(b > 2, axis=1), np.count_nonzero(b % 3, axis=0),
            np.prod(b % 4 + 1, axis=-1), np.sum(c * c, axis=(1, 2)), np.sum(c + 1, axis=(0, 1)),
            np.sum(c - 0.5, axis=(0, 2)), np.max(c * 2, axis=(0, 2), keepdims=True), np.sum(a + 1, axis=None, keepdims=True))
# case: fused_kinds(np.linspace(0, 1, 35).reshape(5, 7) ** 1.5, np.arange(-10, 25).reshape(7, 5), np.linspace(0, 1, 60, dtype=np.float32).reshape(3, 4, 5) ** np.float32(1.3))
# case: fused_kinds(np.asfortranarray(np.linspace(0, 1, 35).reshape(5, 7) ** 1.5), np.arange(-10, 25).reshape(5, 7).T, np.linspace(0, 1, 60, dtype=np.float32).reshape(3, 4, 5))
# case: fused_kinds(np.linspace(0, 1, 35).reshape(5, 7)[::-1, ::-2], np.arange(-10, 25).reshape(7, 5)[:, ::-1], np.ones((3, 1, 5), dtype=np.float32))
# case: fused_kinds(np.ones((0, 3)), np.zeros((2, 0), dtype=np.int64), np.ones((0, 2, 2), dtype=np.float32))


#pykernel export nan_reductions(float64[::,::], complex128[:], int32[:])
def nan_reductions(a, z, b):
    return (np.nansum(a), np.nansum(a, axis=0), np.nanmean(a, axis=1), np.nanmean(a), np.nanmin(a),
            np.nanmax(a, axis=0), np.nanmin(a * 2, axis=-1), np.nansum(z), np.nanmean(z),
            np.nansum(b), np.nanmean(b), np.nanmax(b))
# case: nan_reductions(np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, 0.5]]), np.array([1 + 1j, complex(np.nan, 1), 2j]), np.array([3, -1, 4], dtype=np.int32))
# case: nan_reductions(np.linspace(0, 1, 12).reshape(3, 4) ** 1.5, np.array([1 + 1j]), np.array([7], dtype=np.int32))
# case: nan_reductions(np.linspace(0, 1, 12).reshape(4, 3).T, np.zeros(0, dtype=complex), np.array([7], dtype=np.int32))


#pykernel export norms(float64[::,::], float64[:], complex128[:], int64[:])
def norms(m, v, z, k):
    return (np.linalg.norm(m), np.linalg.norm(m, axis=1), np.linalg.norm(m, axis=0, keepdims=True),
            np.linalg.norm(m, 1), np.linalg.norm(m, np.inf), np.linalg.norm(m, -np.inf), np.linalg.norm(m, 'fro'),
            np.linalg.norm(v), np.linalg.norm(v, 1), np.linalg.norm(v, ord=np.inf), np.linalg.norm(v, -np.inf),
            np.linalg.norm(v, 0), np.linalg.norm(v, 2), np.linalg.norm(z), np.linalg.norm(k), np.linalg.norm(m - 1, ord=None, axis=-1),
            np.linalg.norm(m, 1, axis=1), np.linalg.norm(m, axis=(0, 1)))
# case: norms(np.arange(12.0).reshape(3, 4) - 5, np.array([3.0, -4.0, 0.0]), np.array([3 + 4j, -1j]), np.array([1, 2, 2]))
# case: norms(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.array([-2.0]), np.zeros(0, dtype=complex), np.zeros(0, dtype=np.int64))
# case: norms((np.arange(12.0).reshape(4, 3) - 6).T[::-1], np.zeros(4), np.array([1j]), np.array([-7]))
