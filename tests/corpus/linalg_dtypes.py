"""Products of every dtype family with NumPy's result dtypes: both operands are
converted to `np.result_type` first (Python numbers as their default dtypes, not weak),
integers wrap, a bool product is the `or` of `and`s, complex products."""
import numpy as np


#pykernel export dot_i32(int32[::], int32[::])
def dot_i32(a, b):
    return np.dot(a, b), a @ b
# case: dot_i32(np.arange(5, dtype=np.int32), np.arange(5, dtype=np.int32) - 7)
# case: dot_i32(np.full(3, 2**30, dtype=np.int32), np.full(3, 3, dtype=np.int32))
# case: dot_i32(np.arange(12, dtype=np.int32)[::-3], np.arange(4, dtype=np.int32))
# case: dot_i32(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))


#pykernel export mm_i64(int64[::,::], int64[::,::])
def mm_i64(a, b):
    return np.dot(a, b), a @ b.T.T
# case: mm_i64(np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4) - 6)
# case: mm_i64(np.full((2, 2), 2**62), np.full((2, 2), 3))
# case: mm_i64(np.asfortranarray(np.arange(6).reshape(2, 3)), np.asfortranarray(np.arange(12).reshape(3, 4)))
# case: mm_i64(np.arange(6).reshape(3, 2).T, np.arange(12).reshape(4, 3).T[::-1])
# case: mm_i64(np.arange(5).reshape(1, 5), np.arange(15).reshape(5, 3)[:, ::-1])
# case: mm_i64(np.arange(15).reshape(3, 5), np.arange(5).reshape(5, 1))
# case: mm_i64(np.zeros((3, 0), dtype=np.int64), np.zeros((0, 2), dtype=np.int64))
# case: mm_i64(np.ones((2, 3), dtype=np.int64), np.ones((2, 3), dtype=np.int64))


#pykernel export mv_u8(uint8[::,::], uint8[::])
def mv_u8(a, x):
    return np.dot(a, x), x @ a.T, np.dot(a, a.T)
# case: mv_u8(np.arange(200, 212, dtype=np.uint8).reshape(3, 4), np.array([1, 2, 3, 250], dtype=np.uint8))
# case: mv_u8(np.asfortranarray(np.arange(12, dtype=np.uint8).reshape(3, 4)), np.arange(4, dtype=np.uint8))


#pykernel export dot_bool(bool[::], bool[::])
def dot_bool(a, b):
    return np.dot(a, b)
# case: dot_bool(np.array([True, False, True]), np.array([False, False, True]))
# case: dot_bool(np.array([True, False, True]), np.array([False, True, False]))
# case: dot_bool(np.zeros(0, dtype=bool), np.zeros(0, dtype=bool))


#pykernel export mm_bool(bool[::,::], bool[::,::])
def mm_bool(a, b):
    return a @ b, np.dot(a, b[:, 0]), np.dot(b.T, a.T)
# case: mm_bool(np.array([[True, False], [False, False], [True, True]]), np.array([[False, True, True], [True, False, False]]))
# case: mm_bool(np.asfortranarray(np.eye(3, dtype=bool)), np.array([[True, False], [False, False], [False, True]]))


#pykernel export mixed_ints(int8[:], uint8[:], int64[:], uint64[:])
def mixed_ints(a, b, c, d):
    return np.dot(a, b), np.dot(a, c), np.dot(c, d), np.dot(b, d)
# case: mixed_ints(np.array([100, -100, 7], dtype=np.int8), np.array([200, 3, 255], dtype=np.uint8), np.array([1, 2, 3]), np.array([4, 5, 6], dtype=np.uint64))


#pykernel export f32_products(float32[::,::], float32[::], int32[::])
def f32_products(a, x, k):
    return a @ x, np.dot(x, x), np.dot(a, k), np.dot(k, x), np.dot(a.T, a)
# case: f32_products(np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5, np.array([1.0, -2.0, 0.25], dtype=np.float32), np.array([1, 2, 3], dtype=np.int32))
# case: f32_products(np.asfortranarray(np.arange(6, dtype=np.float32).reshape(3, 2)).T, np.arange(3, dtype=np.float32), np.zeros(3, dtype=np.int32))


#pykernel export complex_products(complex128[::,::], complex128[::], float64[::])
def complex_products(a, z, r):
    return a @ z, np.dot(z, z), np.dot(z, r), np.dot(a, a.T), r @ a.T, np.dot(r, r)
# case: complex_products(np.array([[1 + 2j, -1j, 3], [0.5, 2 - 1j, -2 + 0.5j]]), np.array([1j, 2, -1 - 1j]), np.array([1.0, -0.5, 2.0]))
# case: complex_products(np.asfortranarray(np.arange(9).reshape(3, 3) * (1 - 1j)), np.array([1 + 1j, 0, 2j])[::-1], np.arange(6.0)[::2])


#pykernel export c64_products(complex64[::,::], float32[::])
def c64_products(a, r):
    return a @ r, np.dot(a, a), np.dot(r, a)
# case: c64_products(np.array([[1 + 2j, -1j], [0.5, 2 - 1j]], dtype=np.complex64), np.array([2.0, -1.0], dtype=np.float32))


#pykernel export scalar_dots(float32[:], int32[:], float64, int)
def scalar_dots(a, k, s, n):
    return np.dot(s, a), np.dot(a, n), np.dot(k, n), np.dot(True, k), np.dot(n, n), np.dot(k, 2.5)
# case: scalar_dots(np.array([1.5, -2.0], dtype=np.float32), np.array([3, -4], dtype=np.int32), 0.5, 3)


#pykernel export scalar_matrix(int8[:,:], complex)
def scalar_matrix(a, z):
    return np.dot(a, 300), np.dot(z, a), np.dot(a.T, 2)
# case: scalar_matrix(np.array([[1, -2], [3, 127]], dtype=np.int8), 1 - 2j)
