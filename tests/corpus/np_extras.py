"""`a.tolist()`, `a.item()`, `np.iinfo`/`np.finfo` constants, `np.array_equal`/`np.array_equiv`
and the `nan` reductions (`nanprod`, `nancumsum`, `nanvar`, `nanargmax`, `nanmedian`, ...)."""
import numpy as np


#pykernel export lists(float32[:], int16[::,::], bool[:,:])
def lists(a, m, b):
    return a.tolist(), m.tolist(), b.tolist(), m.T.tolist(), (a * 2).tolist()
# case: lists(np.array([1.5, -0.25], dtype=np.float32), np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16), np.array([[True, False]]))
# case: lists(np.zeros(0, dtype=np.float32), np.zeros((2, 0), dtype=np.int16), np.zeros((0, 3), dtype=bool))


#pykernel export items(float64[::,::], uint8[:], complex64[:], int64)
def items(a, u, z, i):
    return a.item(i), a.item(1, -1), u.item(0), z.item(), a[:1, :1].item(), u.item(-1) + 1
# case: items(np.arange(6.0).reshape(2, 3), np.array([255, 7], dtype=np.uint8), np.array([1 + 2j], dtype=np.complex64), -2)
# case: items(np.arange(6.0).reshape(2, 3).T, np.array([3], dtype=np.uint8), np.array([1j], dtype=np.complex64), 5)
# case: items(np.arange(6.0).reshape(2, 3), np.array([3], dtype=np.uint8), np.array([1j], dtype=np.complex64), 6)
# case: items(np.arange(6.0).reshape(3, 2), np.array([3], dtype=np.uint8), np.array([1j], dtype=np.complex64), 0)
# case: items(np.arange(6.0).reshape(2, 3), np.array([3], dtype=np.uint8), np.array([1j, 2j], dtype=np.complex64), 0)


#pykernel export infos(float32[:], int8[:])
def infos(x, k):
    big = np.iinfo(np.int32).max
    return (big, np.iinfo(np.int8).min, np.iinfo(np.uint32).max, np.iinfo(k.dtype).max, np.iinfo(np.int64).bits,
            np.finfo(np.float32).eps, np.finfo(x.dtype).tiny, np.finfo(float).max, np.finfo(np.float64).min,
            np.finfo(np.float32).resolution, np.finfo(np.complex64).eps, np.finfo(np.float64).precision,
            x + np.finfo(x.dtype).eps, k + np.iinfo(np.int8).max, np.finfo(np.float32).smallest_subnormal)
# case: infos(np.array([1.0, 2.0], dtype=np.float32), np.array([0, -1], dtype=np.int8))


#pykernel export equal(float64[::], float64[::], int64[::], float64[:,:])
def equal(a, b, i, m):
    return (np.array_equal(a, b), np.array_equal(a, b, equal_nan=True), np.array_equal(a, i),
            np.array_equal(a, m), np.array_equiv(a, m), np.array_equiv(a, b), np.array_equal(i, i, equal_nan=True),
            np.array_equal(2.0, 2), np.array_equiv(m, 1.0), np.array_equal(a * 2, b + b))
# case: equal(np.array([1.0, np.nan]), np.array([1.0, np.nan]), np.array([1, 2]), np.array([[1.0, np.nan]]))
# case: equal(np.array([1.0, 2.0]), np.array([1.0, 2.0]), np.array([1, 2]), np.array([[1.0, 2.0], [1.0, 2.0]]))
# case: equal(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]), np.array([1, 2]), np.ones((3, 1)))
# case: equal(np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros((0, 0)))


#pykernel export nans(float64[::,::], float32[:], int32[::,::])
def nans(a, f, i):
    return (np.nanprod(a), np.nanprod(a, axis=0), np.nancumsum(a), np.nancumsum(a, axis=1), np.nancumprod(f),
            np.nanvar(a), np.nanvar(a, axis=1, ddof=1), np.nanstd(f), np.nanstd(a, 0, keepdims=True),
            np.nanargmin(f), np.nanargmax(a, axis=1), np.nanvar(i), np.nanargmax(i, 0), np.nanprod(i, 1), np.nancumsum(i))
# case: nans(np.array([[1.0, np.nan, 3.0], [np.nan, 2.0, 0.5]]), np.array([np.nan, 2.0, -1.0], dtype=np.float32), np.array([[1, 2], [3, 4]], dtype=np.int32))
# case: nans(np.cos(np.arange(12.0)).reshape(3, 4).T, np.array([1.5, 2.0, -1.0], dtype=np.float32), np.array([[1, 2], [3, 4]], dtype=np.int32)[::-1])
# case: nans(np.array([[np.nan, np.nan, 3.0], [np.nan, 2.0, 0.5]]), np.array([np.nan, 2.0, -1.0], dtype=np.float32), np.array([[1, 2], [3, 4]], dtype=np.int32))
# case: nans(np.array([[1.0, np.nan], [np.nan, 2.0]]), np.array([np.nan], dtype=np.float32), np.array([[1, 2], [3, 4]], dtype=np.int32))


#pykernel export nanmed(float64[::,::], float32[:], int64[::,::])
def nanmed(a, f, i):
    return np.nanmedian(a), np.nanmedian(a, axis=0), np.nanmedian(a, axis=1), np.nanmedian(f), np.nanmedian(i, axis=0)
# case: nanmed(np.array([[1.0, np.nan, 3.0, 4.0], [np.nan, np.nan, np.nan, np.nan], [2.0, 1e308, 1.7e308, 0.0]]), np.array([np.nan, 2.0, -1.0], dtype=np.float32), np.array([[1, 2], [3, 4]]))
# case: nanmed(np.zeros((0, 3)), np.zeros(0, dtype=np.float32), np.zeros((2, 0), dtype=np.int64))


#pykernel export nans_complex(complex128[::,::], complex64[:])
def nans_complex(z, c):
    return (np.nanprod(z), np.nanprod(z, axis=1), np.nancumsum(z, axis=0), np.nancumprod(c), np.nanvar(z),
            np.nanvar(z, axis=0, ddof=1), np.nanstd(c), np.nanmean(c), np.nanvar(c, keepdims=True))
# case: nans_complex(np.array([[1 + 2j, complex(np.nan, 1), 3], [2j, 0.5 - 1j, complex(1, np.nan)]]), np.array([1 + 1j, complex(np.nan, 0), 2 - 1j], dtype=np.complex64))
# case: nans_complex(np.zeros((0, 2), dtype=complex), np.zeros(0, dtype=np.complex64))


#pykernel export nans_3d(float32[::,::,::], int64)
def nans_3d(a, ax):
    return (np.nanvar(a, axis=(0, 2)), np.nanstd(a, axis=ax, ddof=2), np.nanargmin(a, axis=ax),
            np.nancumprod(a, axis=ax), np.nanprod(a, axis=(1, 2), keepdims=True), np.nanmedian(a, axis=ax))
# case: nans_3d(np.where(np.arange(24) % 5 == 0, np.nan, np.cos(np.arange(24.0))).astype(np.float32).reshape(2, 3, 4), 1)
# case: nans_3d(np.where(np.arange(24) % 5 == 0, np.nan, np.cos(np.arange(24.0))).astype(np.float32).reshape(2, 3, 4).transpose(2, 0, 1), -1)
# case: nans_3d(np.ones((2, 3, 4), dtype=np.float32), 3)


#pykernel export equal_types(bool[:], bool[:], complex128[:], float32[:])
def equal_types(a, b, z, f):
    return (np.array_equal(a, b), np.array_equal(a, b, equal_nan=True), np.array_equal(z, z, equal_nan=True),
            np.array_equal(z, z), np.array_equal(f, z), np.array_equiv(f, f[:1]), np.array_equal(f, f.astype(np.float64)))
# case: equal_types(np.array([True, False]), np.array([True, False]), np.array([1j, complex(np.nan, 0)]), np.array([0.1, 0.2], dtype=np.float32))
# case: equal_types(np.array([True, False]), np.array([True, True]), np.array([1j, 2]), np.array([0.1, 0.1], dtype=np.float32))


#pykernel export item_types(uint64[:], bool[:,:], int8[::])
def item_types(u, b, i):
    return u.item(0), b.item(0, 1), b.tolist(), i.tolist(), i[::-1].item(0), i.item() if len(i) == 1 else -1
# case: item_types(np.array([7, 2**63 - 1], dtype=np.uint64), np.array([[False, True]]), np.array([-128, 127], dtype=np.int8))
# case: item_types(np.array([7, 2**63 - 1], dtype=np.uint64), np.array([[False, True]]), np.array([5], dtype=np.int8))
