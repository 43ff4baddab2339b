"""`np.inner`, `np.outer`, `np.vdot`, `np.trace` / `a.trace()`: shapes, views, dtypes,
errors."""
import numpy as np


#pykernel export inner_all(float64[::,::], float64[::,::], float64[::])
def inner_all(a, b, x):
    return np.inner(x, x), np.inner(a, x), np.inner(x, b), np.inner(a, b), np.inner(2.0, x)
# case: inner_all(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(4, 3) - 4, np.array([1.0, -1.0, 2.0]))
# case: inner_all(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.arange(12.0).reshape(3, 4).T, np.arange(6.0)[::-2])
# case: inner_all(np.zeros((0, 3)), np.zeros((2, 3)), np.ones(3))


#pykernel export inner_err(float64[:,:], float64[:,:])
def inner_err(a, b):
    return np.inner(a, b)
# case: inner_err(np.ones((2, 3)), np.ones((4, 5)))
# case: inner_err(np.ones((2, 3)), np.ones((4, 3)))


#pykernel export inner_ints(int32[:], int8[:,:])
def inner_ints(x, m):
    return np.inner(x, m), np.inner(m, m)
# case: inner_ints(np.array([1, -2], dtype=np.int32), np.array([[100, 100], [-128, 1], [0, 3]], dtype=np.int8))
# case: inner_ints(np.array([1, 2, 3], dtype=np.int32), np.array([[1, 2]], dtype=np.int8))


#pykernel export outer_all(float64[::], int32[::], float64[::,::])
def outer_all(x, k, m):
    return np.outer(x, k), np.outer(k, k), np.outer(m, x), np.outer(x, 2.0), np.outer(x + 1, x[::-1])
# case: outer_all(np.array([1.0, -2.0, 0.5]), np.array([3, 4], dtype=np.int32), np.arange(4.0).reshape(2, 2))
# case: outer_all(np.zeros(0), np.array([1], dtype=np.int32), np.arange(6.0).reshape(2, 3).T)


#pykernel export outer_bool(bool[:], bool[:])
def outer_bool(a, b):
    return np.outer(a, b)
# case: outer_bool(np.array([True, False]), np.array([False, True, True]))


#pykernel export vdot_all(complex128[::], complex128[::,::], float64[::,::])
def vdot_all(z, m, r):
    return np.vdot(z, z), np.vdot(m, m), np.vdot(r, r), np.vdot(r, m), np.vdot(m.T, r)
# case: vdot_all(np.array([1 + 2j, 3 - 1j]), np.array([[1j, 2], [3, -1 - 1j]]), np.arange(4.0).reshape(2, 2) - 1)
# case: vdot_all(np.array([1 + 2j, 3 - 1j, 2j, 5])[::2], np.array([[1j, 2, 0.5j], [3, -1 - 1j, 1]])[:, ::2], np.asfortranarray(np.arange(4.0).reshape(2, 2)))
# case: vdot_all(np.zeros(0, dtype=complex), np.zeros((2, 3), dtype=complex), np.ones((3, 2)))


#pykernel export vdot_ints(int64[:], uint8[:,:], bool[:])
def vdot_ints(k, m, b):
    return np.vdot(k, m), np.vdot(m, m), np.vdot(b, b), np.vdot(3, 4)
# case: vdot_ints(np.array([1, 2, 3, 4]), np.array([[200, 100], [3, 250]], dtype=np.uint8), np.array([False, True]))
# case: vdot_ints(np.array([1, 2, 3]), np.array([[200, 100], [3, 250]], dtype=np.uint8), np.array([False, True]))


#pykernel export trace_all(float64[::,::], int32[::,::], bool[:,:], complex128[:,:], float32[:,:])
def trace_all(a, k, b, z, f):
    return np.trace(a), a.trace(), np.trace(k), k.T.trace(), np.trace(b), np.trace(z), f.trace(), np.trace(a @ a.T)
# case: trace_all(np.arange(12.0).reshape(3, 4), np.array([[2**31 - 1, 0], [5, 2**31 - 1]], dtype=np.int32), np.eye(3, dtype=bool), np.array([[1j, 2], [3, 4 - 1j]]), np.arange(4, dtype=np.float32).reshape(2, 2) * 0.5)
# case: trace_all(np.arange(12.0).reshape(4, 3)[::-1, ::2], np.zeros((0, 3), dtype=np.int32), np.zeros((2, 0), dtype=bool), np.zeros((0, 0), dtype=complex), np.ones((1, 5), dtype=np.float32))
# case: trace_all(np.asfortranarray(np.arange(9.0).reshape(3, 3)), np.arange(6, dtype=np.int32).reshape(2, 3), np.ones((2, 2), dtype=bool), np.ones((3, 3), dtype=complex), np.ones((2, 2), dtype=np.float32))


#pykernel export trace_u8(uint8[:,:])
def trace_u8(a):
    return np.trace(a)
# case: trace_u8(np.full((3, 3), 200, dtype=np.uint8))
