"""Matrix constructors and diagonals: `np.eye`, `np.identity`, `np.tri` (every dtype,
`dtype=a.dtype`, negative and large `k`, empty and negative extents), `np.diag` (a new
matrix of a vector; a read-only view of a matrix's diagonal), `np.diagonal` /
`a.diagonal` (offsets, axes, N-D), `np.triu` / `np.tril` (1-D to 3-D, NumPy's memory
order) and `np.indices`, and NumPy's errors."""
import numpy as np


#pykernel export eye1(int, int, int)
def eye1(n, m, k):
    return np.eye(n), np.eye(n, m), np.eye(n, m, k), np.eye(n, k=k), np.eye(n, M=m, k=-k), np.eye(n, None, k)
# case: eye1(3, 3, 0)
# case: eye1(3, 4, 1)
# case: eye1(4, 2, -1)
# case: eye1(3, 5, 7)
# case: eye1(3, 2, -7)
# case: eye1(0, 0, 0)
# case: eye1(1, 0, 0)
# case: eye1(2, -1, 0)
# case: eye1(-1, 2, 0)


#pykernel export eye_dtypes(int)
def eye_dtypes(n):
    return (np.eye(n, dtype=np.int32), np.eye(n, 3, 1, np.uint8), np.eye(n, dtype=bool),
            np.eye(n, dtype=np.complex64), np.eye(n, dtype=complex), np.eye(n, dtype=np.float32),
            np.eye(n, dtype=None), np.identity(n), np.identity(n, np.int8), np.identity(n, dtype=np.uint64))
# case: eye_dtypes(3)
# case: eye_dtypes(0)


#pykernel export eye_like(int16[:,:])
#pykernel export eye_like(complex128[:,:])
def eye_like(a):
    n = a.shape[0]
    return np.eye(n, a.shape[1], dtype=a.dtype) * a, np.identity(n, dtype=a.dtype), np.tri(n, dtype=a.dtype)
# case: eye_like(np.arange(6, dtype=np.int16).reshape(2, 3))
# case: eye_like(np.arange(6).reshape(3, 2) * (1 + 1j))


#pykernel export tri1(int, int, int)
def tri1(n, m, k):
    return np.tri(n), np.tri(n, m), np.tri(n, m, k), np.tri(n, k=-k), np.tri(n, m, k, dtype=int), np.tri(n, m, k, bool), np.tri(n, dtype=np.complex128)
# case: tri1(3, 3, 0)
# case: tri1(3, 5, 2)
# case: tri1(4, 2, -1)
# case: tri1(3, 2, 9)
# case: tri1(3, 2, -9)
# case: tri1(0, 3, 0)
# case: tri1(-2, 3, 0)
# case: tri1(3, -2, 1)


#pykernel export diag1(float64[::], int)
#pykernel export diag1(int8[::], int)
#pykernel export diag1(bool[::], int)
#pykernel export diag1(complex64[::], int)
def diag1(v, k):
    return np.diag(v), np.diag(v, k), np.diag(v, -k), np.diag(v, k=k)
# case: diag1(np.array([1.0, 2.0, 3.0]), 1)
# case: diag1(np.array([1.0, 2.0, 3.0]), -2)
# case: diag1(np.arange(10.0)[::-3], 0)
# case: diag1(np.zeros(0), 2)
# case: diag1(np.array([5.0]), 0)
# case: diag1(np.array([-1, 2, 127], dtype=np.int8), 1)
# case: diag1(np.array([True, False, True]), -1)
# case: diag1(np.array([1 + 2j, -3j], dtype=np.complex64), 1)


#pykernel export diag2(float64[::,::], int)
#pykernel export diag2(uint16[::,::], int)
def diag2(a, k):
    return np.diag(a), np.diag(a, k), np.diag(a, -k)
# case: diag2(np.arange(12.0).reshape(3, 4), 1)
# case: diag2(np.arange(12.0).reshape(3, 4), 2)
# case: diag2(np.arange(12.0).reshape(3, 4), 3)
# case: diag2(np.arange(12.0).reshape(3, 4), 4)
# case: diag2(np.arange(12.0).reshape(3, 4), 5)
# case: diag2(np.arange(12.0).reshape(4, 3).T, 1)
# case: diag2(np.asfortranarray(np.arange(12.0).reshape(3, 4)), -1)
# case: diag2(np.arange(30.0).reshape(5, 6)[::-2, 1::2], 1)
# case: diag2(readonly(np.arange(9.0).reshape(3, 3)), 0)
# case: diag2(np.zeros((0, 3)), 0)
# case: diag2(np.arange(12, dtype=np.uint16).reshape(3, 4), -2)


#pykernel export diag_created(int)
def diag_created(n):
    m = np.arange(n * n).reshape(n, n) * 2
    d = np.diag(m)
    m[0, 0] = 99
    return d, np.diag(m, 1), m.diagonal(-1), d[::-1], d.sum()
# case: diag_created(3)
# case: diag_created(1)
# case: diag_created(0)


#pykernel export diagonal_nd(float64[::,::,::], int)
#pykernel export diagonal_nd(int32[::,::,::], int)
def diagonal_nd(a, k):
    return np.diagonal(a), np.diagonal(a, k, 1, 2), a.diagonal(k, -1, 0), np.diagonal(a, offset=-k, axis1=2, axis2=1), a.diagonal(axis1=1, axis2=0)
# case: diagonal_nd(np.arange(24.0).reshape(2, 3, 4), 1)
# case: diagonal_nd(np.arange(24.0).reshape(4, 3, 2).T, 0)
# case: diagonal_nd(np.arange(24, dtype=np.int32).reshape(2, 3, 4), -1)
# case: diagonal_nd(np.zeros((2, 0, 3)), 1)


#pykernel export diagonal_axes(float64[:,:], int, int)
def diagonal_axes(a, x, y):
    return np.diagonal(a, 0, x, y)
# case: diagonal_axes(np.arange(6.0).reshape(2, 3), 1, 0)
# case: diagonal_axes(np.arange(6.0).reshape(2, 3), 0, 2)
# case: diagonal_axes(np.arange(6.0).reshape(2, 3), -3, 1)
# case: diagonal_axes(np.arange(6.0).reshape(2, 3), 1, -1)


#pykernel export diagonal_trace(float64[:,:])
def diagonal_trace(a):
    s = 0.0
    for x in np.diagonal(a):
        s += x
    return s, np.diagonal(a).sum() == np.trace(a), np.diag(np.diag(a)) @ a
# case: diagonal_trace(np.arange(9.0).reshape(3, 3))


#pykernel export tri_parts(float64[::,::], int)
#pykernel export tri_parts(bool[::,::], int)
#pykernel export tri_parts(complex128[::,::], int)
#pykernel export tri_parts(uint8[::,::], int)
def tri_parts(m, k):
    return np.triu(m), np.tril(m), np.triu(m, k), np.tril(m, k=-k), np.triu(m, -k) + np.tril(m, k)
# case: tri_parts(np.arange(12.0).reshape(3, 4), 1)
# case: tri_parts(np.arange(12.0).reshape(4, 3), 2)
# case: tri_parts(np.arange(12.0).reshape(4, 3).T, 0)
# case: tri_parts(np.asfortranarray(np.arange(12.0).reshape(3, 4)), -1)
# case: tri_parts(np.arange(30.0).reshape(5, 6)[::-2, ::2], 1)
# case: tri_parts(np.zeros((0, 3)), 1)
# case: tri_parts(np.ones((3, 3), dtype=bool), 0)
# case: tri_parts(np.arange(9).reshape(3, 3) * (1 - 1j), 1)
# case: tri_parts(np.arange(9, dtype=np.uint8).reshape(3, 3), 5)


#pykernel export tri_vec(int64[::], int)
def tri_vec(v, k):
    return np.triu(v), np.tril(v, k), np.triu(v[::-1], -k)
# case: tri_vec(np.arange(1, 5), 1)
# case: tri_vec(np.zeros(0, dtype=np.int64), 0)


#pykernel export tri_3d(float32[::,::,::], int)
def tri_3d(m, k):
    return np.triu(m, k), np.tril(m, k)
# case: tri_3d(np.arange(24, dtype=np.float32).reshape(2, 3, 4), 0)
# case: tri_3d(np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)), 1)
# case: tri_3d(np.arange(24, dtype=np.float32).reshape(4, 3, 2).T, -1)
# case: tri_3d(np.asfortranarray(np.arange(12, dtype=np.float32).reshape(1, 3, 4)), 0)
# case: tri_3d(np.asfortranarray(np.arange(12, dtype=np.float32).reshape(3, 1, 4)), 0)
# case: tri_3d(np.arange(12, dtype=np.float32).reshape(4, 1, 3).T, 0)
# case: tri_3d(np.arange(48, dtype=np.float32).reshape(4, 3, 4).transpose(1, 0, 2)[:, ::-2], 1)


#pykernel export grid(int, int)
def grid(n, m):
    return np.indices((n, m)), np.indices((n,)), np.indices([m, n, 2], dtype=np.float32), np.indices((n, m), dtype=np.int8), np.indices((n, m))[1].sum()
# case: grid(2, 3)
# case: grid(0, 3)
# case: grid(1, 1)
# case: grid(-1, 2)


#pykernel export grid_bool(int)
def grid_bool(n):
    return np.indices((n, 2), dtype=bool)
# case: grid_bool(2)


#pykernel export grid_shape(float64[:,:])
def grid_shape(a):
    i, j = np.indices(a.shape)
    return a[i, j] - a, i * a.shape[1] + j, np.indices(a.shape, a.dtype)
# case: grid_shape(np.arange(6.0).reshape(2, 3))


#pykernel export of_expressions(float64[:,:], float64[:])
def of_expressions(a, v):
    g0, g1 = np.gradient(a ** 2)
    parts = np.split(a * 2, 2, axis=1)
    return (np.diag(a @ a.T), np.diag(v * 2, 1), np.triu(a.T + 1), np.pad(v - 1, 1, 'reflect'),
            parts[1], g0 + g1, np.correlate(v + 1, v, 'same'), np.diagonal(a[::-1] + 0.5) * 2,
            np.eye(a.shape[0]) @ a + np.tri(a.shape[0], a.shape[1]))
# case: of_expressions(np.arange(8.0).reshape(2, 4), np.arange(4.0))


#pykernel export diag_of_readonly(float64[:], float64[:,:])
def diag_of_readonly(v, m):
    d = np.diag(v)
    d[0, 0] = -1.0
    e = np.diag(m).copy()
    e[0] = -2.0
    return d, e, m
# case: diag_of_readonly(readonly(np.arange(3.0)), readonly(np.arange(4.0).reshape(2, 2)))
