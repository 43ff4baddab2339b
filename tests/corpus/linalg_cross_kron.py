"""`np.cross` (3-vectors, a 2-vector with a 3-vector, arrays of them along the last axis,
broadcast) and `np.kron` (1-D to 3-D, numbers): NumPy's formulas, dtypes (integers
wrap) and errors."""
import numpy as np


#pykernel export cross_f(float64[::], float64[::], float64[::,::])
def cross_f(a, b, m):
    return np.cross(a, b), np.cross(m, a), np.cross(a, m), np.cross(m, m[::-1])
# case: cross_f(np.array([1.0, 2.0, 3.0]), np.array([-4.0, 0.5, 6.0]), np.arange(12.0).reshape(4, 3))
# case: cross_f(np.array([1.0, 2.0]), np.array([-4.0, 0.5, 6.0]), np.arange(12.0).reshape(4, 3))
# case: cross_f(np.array([1.0, 2.0, 3.0]), np.array([-4.0, 0.5]), np.arange(12.0).reshape(4, 3)[:, ::-1])
# case: cross_f(np.array([0.0, 0.0, 1.0]), np.array([0.0, 0.0, -1.0]), np.zeros((0, 3)))
# case: cross_f(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 2.0, 3.0]), np.ones((2, 3)))
# case: cross_f(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0]), np.ones((2, 4)))
# case: cross_f(np.arange(9.0)[::3], np.arange(3.0)[::-1], np.asfortranarray(np.arange(6.0).reshape(2, 3)))


#pykernel export cross_pairs(float64[::,::], float64[::,::])
def cross_pairs(a, b):
    return np.cross(a, b)
# case: cross_pairs(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3)[::-1] + 1)
# case: cross_pairs(np.arange(6.0).reshape(2, 3), np.arange(9.0).reshape(3, 3))
# case: cross_pairs(np.arange(3.0).reshape(1, 3), np.arange(9.0).reshape(3, 3))
# case: cross_pairs(np.arange(6.0).reshape(3, 2), np.arange(9.0).reshape(3, 3))


#pykernel export cross_types(int32[::], uint8[::], complex128[::], float32[::])
def cross_types(i, u, z, f):
    return np.cross(i, i[::-1]), np.cross(u, u[::-1]), np.cross(z, i), np.cross(f, f + 1), np.cross(f, i), np.cross(i, u)
# case: cross_types(np.array([2**30, -5, 7], dtype=np.int32), np.array([200, 3, 250], dtype=np.uint8), np.array([1j, 2, 3 - 1j]), np.array([0.1, 0.2, 0.3], dtype=np.float32))


#pykernel export cross_nd(float64[::,::,::], float64[::])
def cross_nd(t, v):
    return np.cross(t, v), np.cross(t[:, None, 0], t)
# case: cross_nd(np.arange(24.0).reshape(2, 4, 3), np.array([1.0, -1.0, 2.0]))


#pykernel export kron_all(float64[::], int8[::,::], float64[::,::])
def kron_all(x, k, m):
    return np.kron(x, k), np.kron(k, x), np.kron(m, m), np.kron(k, k), np.kron(x, x), np.kron(m, 2.0), np.kron(3, x)
# case: kron_all(np.array([1.0, -2.0]), np.array([[1, 2], [3, 100]], dtype=np.int8), np.arange(6.0).reshape(2, 3))
# case: kron_all(np.zeros(0), np.array([[1, 2, 3]], dtype=np.int8), np.arange(6.0).reshape(3, 2).T[::-1])
# case: kron_all(np.arange(3.0)[::-1], np.zeros((2, 0), dtype=np.int8), np.ones((1, 1)))


#pykernel export kron_types(bool[::], uint8[::], complex64[::,::], float32[::])
def kron_types(b, u, z, f):
    return np.kron(b, b), np.kron(u, u), np.kron(z, u), np.kron(f, 2.0), np.kron(2, f), np.kron(z, f)
# case: kron_types(np.array([True, False]), np.array([200, 3], dtype=np.uint8), np.array([[1j, 2]], dtype=np.complex64), np.array([0.5, 1.5], dtype=np.float32))


#pykernel export kron_3d(float64[::,::,::], float64[::])
def kron_3d(t, v):
    return np.kron(t, v), np.kron(v, t)
# case: kron_3d(np.arange(8.0).reshape(2, 2, 2), np.array([1.0, 10.0]))
