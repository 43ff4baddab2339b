"""`np.einsum` with literal subscripts: explicit and implied outputs, products (GEMM,
matrix-vector, dot), sums, traces, transposes (views, as in NumPy), batched products,
broadcast extents of 1, every dtype family (sums in the operands' common dtype:
integers wrap, bools `or` their `and`s), strided and transposed operands, NumPy's
errors. Inexact float sums are compared normwise (`# linalg`)."""
import numpy as np


#pykernel export es_products(float64[::,::], float64[::,::], float64[::])
def es_products(a, b, x):
    return (np.einsum('ij,j->i', a, x), np.einsum('ij,jk->ik', a, b), np.einsum('i,i->', x, x),
            np.einsum('ij,jk', a, b), np.einsum('ij,j', a, x), np.einsum('i,i', x, x),
            np.einsum('j,ij->i', x, a), np.einsum('ij,kj->ik', a, a), np.einsum('ji,jk->ik', b, b),
            np.einsum('ij,jk->ki', a, b), np.einsum('i,ij->j', x, b))
# case: es_products(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) - 5, np.array([1.0, -2.0, 0.5]))
# case: es_products(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.arange(12.0).reshape(4, 3).T[:, ::-1], np.arange(6.0)[::2])
# case: es_products(np.zeros((0, 3)), np.zeros((3, 0)), np.ones(3))
# case: es_products(np.ones((2, 0)), np.ones((0, 2)), np.ones(0))
# case: es_products(np.sin(np.arange(400.0)).reshape(20, 20), np.cos(np.arange(400.0)).reshape(20, 20), np.sin(np.arange(20.0)))  # linalg


#pykernel export es_errors(float64[::,::], float64[::,::], float64[::])
def es_errors(a, b, x):
    return np.einsum('ij,jk->ik', a, b), np.einsum('ij,j->i', a, x)
# case: es_errors(np.ones((2, 3)), np.ones((4, 2)), np.ones(3))
# case: es_errors(np.ones((2, 3)), np.ones((3, 2)), np.ones(4))
# case: es_errors(np.ones((2, 3)), np.ones((1, 5)), np.ones(1))


#pykernel export es_single(float64[::,::], float64[::])
def es_single(a, x):
    return (np.einsum('ij->', a), np.einsum('ij->i', a), np.einsum('ij->j', a), np.einsum('ii->', a),
            np.einsum('ii', a), np.einsum('i->', x), np.einsum('ij', a) * 1, np.einsum('i', x) + 0)
# case: es_single(np.arange(9.0).reshape(3, 3) - 4, np.array([0.5, 1.5]))
# case: es_single(np.arange(16.0).reshape(4, 4).T[::-1], np.arange(10.0)[::-3])
# case: es_single(np.zeros((0, 0)), np.zeros(0))
# case: es_single(np.ones((2, 3)), np.ones(1))


#pykernel export es_views(float64[:,:])
def es_views(a):
    t = np.einsum('ij->ji', a)
    u = np.einsum('ji', a)
    v = np.einsum('ij', a)
    t[0, 1] = -1.0
    return a, t.shape, u.shape, v[0, 1], t
# case: es_views(np.arange(6.0).reshape(2, 3))


#pykernel export es_outer(float64[::], int32[::], float64[::,::])
def es_outer(x, k, m):
    return (np.einsum('i,j->ij', x, k), np.einsum('i,j', x, k), np.einsum('i,j->ji', x, k),
            np.einsum('ij,ij->', m, m), np.einsum('ij,ij', m, m), np.einsum('ij,ij->ij', m, m),
            np.einsum('ij,ji->', m, m.T), np.einsum('ij,i->ij', m, x[:2]))
# case: es_outer(np.array([1.0, -2.0]), np.array([3, 4, 5], dtype=np.int32), np.arange(6.0).reshape(2, 3))
# case: es_outer(np.zeros(0), np.array([1], dtype=np.int32), np.arange(6.0).reshape(3, 2).T)
# case: es_outer(np.arange(4.0), np.zeros(0, dtype=np.int32), np.arange(12.0).reshape(4, 3)[::2])


#pykernel export es_batched(float64[::,::,::], float64[::,::,::])
def es_batched(a, b):
    return np.einsum('ijk,ikl->ijl', a, b), np.einsum('ijk,ikl', a, b), np.einsum('ijk->ikj', a)
# case: es_batched(np.arange(24.0).reshape(2, 3, 4), np.arange(40.0).reshape(2, 4, 5) - 10)
# case: es_batched(np.arange(24.0).reshape(2, 3, 4), np.arange(20.0).reshape(1, 4, 5))
# case: es_batched(np.arange(24.0).reshape(2, 3, 4), np.arange(60.0).reshape(3, 4, 5))
# case: es_batched(np.arange(24.0).reshape(4, 3, 2).transpose(2, 1, 0), np.arange(40.0).reshape(5, 4, 2).T)


#pykernel export es_ints(int32[::,::], int8[::], uint8[::,::])
def es_ints(a, x, u):
    return (np.einsum('ij,j->i', a, x), np.einsum('ii', a), np.einsum('ij->', a),
            np.einsum('i,i', x, x), np.einsum('ij,jk', u, u), np.einsum('ij->i', u))
# case: es_ints(np.array([[2**30, 2**30], [-3, 4]], dtype=np.int32), np.array([3, -128], dtype=np.int8), np.full((2, 2), 200, dtype=np.uint8))
# case: es_ints(np.arange(4, dtype=np.int32).reshape(2, 2).T, np.array([127, 127], dtype=np.int8), np.arange(4, dtype=np.uint8).reshape(2, 2))


#pykernel export es_bool(bool[::,::], bool[::])
def es_bool(m, v):
    return np.einsum('ij,j->i', m, v), np.einsum('i,i', v, v), np.einsum('ij->', m), np.einsum('ii', m)
# case: es_bool(np.array([[True, False], [False, False]]), np.array([False, True]))
# case: es_bool(np.zeros((2, 2), dtype=bool), np.zeros(2, dtype=bool))


#pykernel export es_complex(complex128[::,::], complex64[::], float32[::])
def es_complex(z, w, f):
    return np.einsum('ij,j->i', z, w), np.einsum('i,i', w, w), np.einsum('i,i', f, w), np.einsum('ii', z), np.einsum('i,i', f, f)
# case: es_complex(np.array([[1j, 2], [3, -1j]]), np.array([1 + 1j, 2], dtype=np.complex64), np.array([0.5, 4.0], dtype=np.float32))


#pykernel export es_expr(float64[:,:], float64[:])
def es_expr(a, x):
    """Operands that are expressions (computed first) and results used in expressions."""
    y = np.einsum('ij,j->i', a * 2 + 1, x - 1) + 1
    return y, np.sum(np.einsum('ij,kj->ik', a, a)), np.einsum('ij->ji', a + 1)
# case: es_expr(np.arange(6.0).reshape(2, 3), np.array([1.0, 2.0, 3.0]))
