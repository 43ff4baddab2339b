"""`np.dot`, `a.dot(b)`, `a @ b` and `np.matmul` of 1-D and 2-D float64 arrays: every
shape combination, C/F order, transposed, reversed and strided views, empty and size-1
dimensions, NumPy's shape errors (`dot` and `matmul` have different messages). Values
are small integers and halves, so every summation order gives NumPy's bits."""
import numpy as np


#pykernel export dot_vv(float64[::], float64[::])
def dot_vv(a, b):
    return np.dot(a, b)
# case: dot_vv(np.arange(5.0), np.arange(5.0) - 2)
# case: dot_vv(np.arange(37.0) * 0.5, np.arange(37.0) % 5 - 2)
# case: dot_vv(np.arange(20.0)[::2], np.arange(30.0)[::-3])
# case: dot_vv(np.ones(1), np.full(1, -3.0))
# case: dot_vv(np.zeros(0), np.zeros(0))
# case: dot_vv(np.arange(3.0), np.arange(4.0))
# case: dot_vv(np.array([1.0, np.inf]), np.array([0.0, 1.0]))


#pykernel export dot_mv(float64[::,::], float64[::])
def dot_mv(a, x):
    return np.dot(a, x)
# case: dot_mv(np.arange(12.0).reshape(3, 4), np.array([1.0, -1.0, 0.5, 2.0]))
# case: dot_mv(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.array([1.0, -1.0, 0.5, 2.0]))
# case: dot_mv(np.arange(12.0).reshape(4, 3).T, np.arange(4.0))
# case: dot_mv(np.arange(12.0).reshape(3, 4)[::-1, ::-1], np.arange(8.0)[::2])
# case: dot_mv(np.arange(60.0).reshape(6, 10)[1::2, ::3], np.arange(4.0) - 1)
# case: dot_mv(np.arange(300.0).reshape(12, 25) % 7, np.arange(25.0) % 3 - 1)
# case: dot_mv(np.zeros((0, 3)), np.ones(3))
# case: dot_mv(np.zeros((2, 0)), np.ones(0))
# case: dot_mv(np.ones((1, 1)), np.full(1, 2.5))
# case: dot_mv(np.ones((2, 3)), np.ones(4))


#pykernel export dot_vm(float64[::], float64[::,::])
def dot_vm(x, a):
    return x.dot(a)
# case: dot_vm(np.array([1.0, -2.0, 0.5]), np.arange(12.0).reshape(3, 4))
# case: dot_vm(np.arange(3.0), np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# case: dot_vm(np.arange(4.0)[::-1], np.arange(12.0).reshape(3, 4).T)
# case: dot_vm(np.zeros(0), np.zeros((0, 5)))
# case: dot_vm(np.ones(3), np.zeros((3, 0)))
# case: dot_vm(np.ones(4), np.ones((2, 3)))


#pykernel export dot_mm(float64[::,::], float64[::,::])
def dot_mm(a, b):
    return np.dot(a, b)
# case: dot_mm(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) - 5)
# case: dot_mm(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.arange(12.0).reshape(3, 4))
# case: dot_mm(np.arange(6.0).reshape(3, 2).T, np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# case: dot_mm(np.arange(6.0).reshape(2, 3)[::-1], np.arange(12.0).reshape(3, 4)[:, ::-1])
# case: dot_mm(np.arange(100.0).reshape(10, 10)[::3, 1::2], np.arange(100.0).reshape(10, 10)[2:7, ::4])
# case: dot_mm(np.arange(6300.0).reshape(70, 90) % 7 - 3, np.arange(5850.0).reshape(90, 65) % 5 * 0.5)
# case: dot_mm(np.asfortranarray(np.arange(6300.0).reshape(70, 90) % 9), (np.arange(5850.0).reshape(65, 90) % 4).T)
# case: dot_mm(np.arange(20.0).reshape(1, 20), (np.arange(180.0).reshape(9, 20) % 7).T)
# case: dot_mm(np.arange(120.0).reshape(20, 6).T % 5, np.arange(60.0)[::-3].reshape(20, 1))
# case: dot_mm(np.ones((1, 0)), np.ones((0, 1)))
# case: dot_mm(np.zeros((0, 3)), np.zeros((3, 0)))
# case: dot_mm(np.zeros((2, 0)), np.zeros((0, 3)))
# case: dot_mm(np.zeros((0, 4)), np.ones((4, 2)))
# case: dot_mm(np.ones((1, 1)), np.full((1, 1), 7.0))
# case: dot_mm(np.ones((2, 3)), np.ones((2, 3)))
# case: dot_mm(np.array([[np.nan, 1.0]]), np.array([[0.0], [2.0]]))


#pykernel export matmul_mm(float64[::,::], float64[::,::])
def matmul_mm(a, b):
    return a @ b
# case: matmul_mm(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) - 5)
# case: matmul_mm(np.arange(6.0).reshape(3, 2).T, np.arange(6.0).reshape(2, 3).T)
# case: matmul_mm(np.zeros((2, 0)), np.zeros((0, 2)))
# case: matmul_mm(np.ones((2, 3)), np.ones((2, 3)))


#pykernel export matmul_mixed(float64[::,::], float64[::])
def matmul_mixed(a, x):
    return np.matmul(a, x), x @ a.T, np.matmul(x, x)
# case: matmul_mixed(np.arange(12.0).reshape(3, 4), np.arange(4.0) - 1)
# case: matmul_mixed(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(8.0)[::-2])
# case: matmul_mixed(np.zeros((0, 2)), np.ones(2))
# case: matmul_mixed(np.ones((2, 3)), np.ones(4))


#pykernel export matmul_vm(float64[::], float64[::,::])
def matmul_vm(x, a):
    return x @ a
# case: matmul_vm(np.arange(3.0), np.arange(12.0).reshape(3, 4))
# case: matmul_vm(np.ones(4), np.ones((2, 3)))
# case: matmul_vm(np.ones(2), np.ones((2, 3)).T)


#pykernel export matmul_vv(float64[:], float64[:])
def matmul_vv(a, b):
    return a @ b
# case: matmul_vv(np.arange(4.0), np.arange(4.0) + 1)
# case: matmul_vv(np.arange(3.0), np.arange(4.0))


#pykernel export dot_f(float64[:,:] order(F), float64[:,:] order(F))
def dot_f(a, b):
    return a.dot(b), b.T.dot(a.T)
# case: dot_f(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.asfortranarray(np.arange(12.0).reshape(3, 4)))


#pykernel export dot_exprs(float64[:,:], float64[:,:])
def dot_exprs(a, b):
    c = np.dot(a + 1, b.T)
    d = (a * 2) @ (b - 1).T + 1
    e = np.dot(a, b.T).T
    return c, d, e, np.dot(c, c.T)[0]
# case: dot_exprs(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(4, 3) % 5)
# case: dot_exprs(np.ones((2, 3)), np.ones((4, 2)))


#pykernel export dot_in_loop(float64[:,:], float64[:])
def dot_in_loop(a, x):
    n = a.shape[0]
    total = 0.0
    y = x
    for i in range(n):
        total += np.dot(a[i], x)
        y = a @ y - y
    return total, y
# case: dot_in_loop(np.arange(9.0).reshape(3, 3) % 4 - 1, np.array([1.0, 0.0, -1.0]))


#pykernel export dot_scalars(float64[:], float64)
def dot_scalars(a, s):
    return np.dot(s, a), np.dot(a, 2), np.dot(s, 3.0), np.dot(a[0], a[1])
# case: dot_scalars(np.array([1.5, -2.0, 4.0]), 0.5)


#pykernel export rows_times(float64[:,:], float64[:,:])
def rows_times(a, b):
    out = np.zeros((a.shape[0], b.shape[1]))
    for i in range(a.shape[0]):
        out[i] = a[i] @ b
    return out
# case: rows_times(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) % 3)


#pykernel export matmul_inplace(float64[:,:], float64[:,:])
def matmul_inplace(a, b):
    row = a[0]
    a @= b
    return a, row
# case: matmul_inplace(np.arange(6.0).reshape(2, 3), np.arange(9.0).reshape(3, 3) - 4)
# case: matmul_inplace(np.arange(4.0).reshape(2, 2), np.arange(4.0).reshape(2, 2))
# case: matmul_inplace(np.zeros((0, 3)), np.ones((3, 3)))
# case: matmul_inplace(np.ones((2, 3)), np.ones((3, 4)))
# case: matmul_inplace(np.ones((2, 3)), np.ones((4, 3)))


#pykernel export matmul_inplace_mixed(float64[::], int32[::,::], float32[:,:,:], float32[:,:])
def matmul_inplace_mixed(x, k, t, f):
    y = x.copy()
    y @= k
    t @= f
    u = t.copy()
    u @= t
    return y, t, u
# case: matmul_inplace_mixed(np.arange(3.0), np.arange(9, dtype=np.int32).reshape(3, 3) - 4, np.arange(12, dtype=np.float32).reshape(3, 2, 2), np.array([[1, -1], [0.5, 2]], dtype=np.float32))
# case: matmul_inplace_mixed(np.arange(3.0), np.ones((3, 4), dtype=np.int32), np.ones((3, 2, 2), dtype=np.float32), np.ones((2, 2), dtype=np.float32))
# case: matmul_inplace_mixed(np.arange(2.0), np.ones((2, 2), dtype=np.int32), np.ones((3, 2, 2), dtype=np.float32), np.ones((2, 3), dtype=np.float32))
