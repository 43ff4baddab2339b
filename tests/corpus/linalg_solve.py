"""`np.linalg.det`, `np.linalg.inv`, `np.linalg.solve`: NumPy's dtypes (computed in
float64/complex128; float32 and complex64 give theirs back, integers and bools
float64), 0×0 and 1×1 matrices, singular matrices (`LinAlgError`), strided,
transposed and Fortran-ordered operands, stacks, NumPy's shape errors. Inexact results
are compared normwise (`# linalg`): LU sums in another order than OpenBLAS's."""
import numpy as np


#pykernel export det_f64(float64[::,::])
def det_f64(a):
    return np.linalg.det(a)
# case: det_f64(np.array([[1.0, 2.0], [3.0, 4.0]]))  # linalg
# case: det_f64(np.zeros((0, 0)))
# case: det_f64(np.array([[-4.5]]))
# case: det_f64(np.array([[1.0, 2.0], [2.0, 4.0]]))
# case: det_f64(np.zeros((3, 3)))
# case: det_f64(np.array([[0.0, 1.0], [1.0, 0.0]]))
# case: det_f64(np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]]))  # linalg
# case: det_f64(np.arange(25.0).reshape(5, 5) ** 1.5 + 3 * np.eye(5))  # linalg
# case: det_f64(np.asfortranarray(np.arange(9.0).reshape(3, 3) + np.eye(3)))  # linalg
# case: det_f64((np.arange(36.0).reshape(6, 6) % 7 + np.eye(6))[::2, 1::2])  # linalg
# case: det_f64(np.arange(16.0).reshape(4, 4)[::-1, ::-1] + np.eye(4))  # linalg
# case: det_f64(np.ones((2, 3)))
# case: det_f64(np.ones((3, 2)).T)


#pykernel export det_types(float32[::,::] or int32[::,::] or uint8[::,::] or bool[::,::] or complex64[::,::] or complex128[::,::])
def det_types(a):
    return np.linalg.det(a)
# case: det_types(np.array([[1.0, 2.0], [3.0, 5.0]], dtype=np.float32))  # linalg
# case: det_types(np.array([[2, 1], [7, 4]], dtype=np.int32))  # linalg
# case: det_types(np.array([[200, 1], [3, 250]], dtype=np.uint8))  # linalg
# case: det_types(np.array([[True, False], [True, True]]))
# case: det_types(np.array([[True, True], [True, True]]))
# case: det_types(np.array([[1j, 2], [3, 4 - 1j]], dtype=np.complex64))  # linalg
# case: det_types(np.array([[1j, 2, 0], [3, 4 - 1j, 1], [0, 1j, 2]]))  # linalg
# case: det_types(np.zeros((2, 2), dtype=np.complex128))
# case: det_types(np.zeros((0, 0), dtype=np.int32))


#pykernel export det_stack(float64[::,::,::])
def det_stack(a):
    return np.linalg.det(a)
# case: det_stack(np.array([[[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [2.0, 4.0]], [[0.0, 3.0], [1.0, 0.0]]]))  # linalg
# case: det_stack(np.zeros((0, 3, 3)))
# case: det_stack(np.ones((2, 2, 3)))


#pykernel export inv_f64(float64[::,::])
def inv_f64(a):
    return np.linalg.inv(a)
# case: inv_f64(np.array([[4.0, 7.0], [2.0, 6.0]]))  # linalg
# case: inv_f64(np.zeros((0, 0)))
# case: inv_f64(np.array([[-0.5]]))
# case: inv_f64(np.array([[2.0, 0.0], [0.0, 4.0]]))
# case: inv_f64(np.array([[1.0, 2.0], [2.0, 4.0]]))
# case: inv_f64(np.zeros((1, 1)))
# case: inv_f64(np.array([[0.0, 1.0], [1.0, 0.0]]))
# case: inv_f64(np.arange(9.0).reshape(3, 3).T + 2 * np.eye(3))  # linalg
# case: inv_f64(np.asfortranarray(np.arange(16.0).reshape(4, 4) % 5 + np.eye(4)))  # linalg
# case: inv_f64((np.arange(100.0).reshape(10, 10) % 7 + 10 * np.eye(10))[::2, ::-2])  # linalg
# case: inv_f64(np.arange(6.0).reshape(2, 3))
# case: inv_f64(np.cos(np.arange(4900.0)).reshape(70, 70) + 20 * np.eye(70))  # linalg


#pykernel export inv_types(float32[::,::] or int64[::,::] or complex64[::,::] or complex128[::,::])
def inv_types(a):
    return np.linalg.inv(a)
# case: inv_types(np.array([[4.0, 7.0], [2.0, 6.0]], dtype=np.float32))  # linalg
# case: inv_types(np.array([[4, 7], [2, 6]]))  # linalg
# case: inv_types(np.array([[1, 2], [2, 4]]))
# case: inv_types(np.array([[1 + 1j, 2], [0.5j, 3]], dtype=np.complex64))  # linalg
# case: inv_types(np.array([[1 + 1j, 2, 0], [0.5j, 3, 1], [1, 1, 1j]]))  # linalg
# case: inv_types(np.zeros((0, 0), dtype=np.complex64))


#pykernel export inv_stack(float64[::,::,::])
def inv_stack(a):
    return np.linalg.inv(a)
# case: inv_stack(np.array([[[4.0, 7.0], [2.0, 6.0]], [[1.0, 0.0], [0.0, 2.0]]]))  # linalg
# case: inv_stack(np.array([[[4.0, 7.0], [2.0, 6.0]], [[1.0, 2.0], [2.0, 4.0]]]))
# case: inv_stack(np.zeros((0, 2, 2)))


#pykernel export solve_vec(float64[::,::], float64[::])
def solve_vec(a, b):
    return np.linalg.solve(a, b)
# case: solve_vec(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([9.0, 8.0]))  # linalg
# case: solve_vec(np.zeros((0, 0)), np.zeros(0))
# case: solve_vec(np.array([[2.0]]), np.array([3.0]))
# case: solve_vec(np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 2.0]))
# case: solve_vec(np.eye(3), np.ones(2))
# case: solve_vec(np.ones((2, 3)), np.ones(2))
# case: solve_vec(np.asfortranarray(np.arange(16.0).reshape(4, 4) % 5 + np.eye(4)), np.arange(8.0)[::2])  # linalg
# case: solve_vec(np.arange(16.0).reshape(4, 4).T[::-1] + 4 * np.eye(4), np.arange(4.0)[::-1])  # linalg
# case: solve_vec(np.sin(np.arange(3600.0)).reshape(60, 60) + 10 * np.eye(60), np.cos(np.arange(60.0)))  # linalg


#pykernel export solve_mat(float64[::,::], float64[::,::])
def solve_mat(a, b):
    return np.linalg.solve(a, b)
# case: solve_mat(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([[9.0, 1.0, 0.0], [8.0, 0.0, 1.0]]))  # linalg
# case: solve_mat(np.eye(3), np.ones((2, 4)))
# case: solve_mat(np.zeros((0, 0)), np.zeros((0, 3)))
# case: solve_mat(np.eye(2), np.zeros((2, 0)))
# case: solve_mat(np.arange(9.0).reshape(3, 3).T + 3 * np.eye(3), np.arange(6.0).reshape(2, 3).T)  # linalg
# case: solve_mat(np.cos(np.arange(10000.0)).reshape(100, 100) + 15 * np.eye(100), np.sin(np.arange(300.0)).reshape(100, 3))  # linalg


#pykernel export solve_types(int32[::,::] or float32[::,::] or complex64[::,::], float32[::] or int8[::] or complex128[::])
def solve_types(a, b):
    return np.linalg.solve(a, b)
# case: solve_types(np.array([[3, 1], [1, 2]], dtype=np.int32), np.array([9, 8], dtype=np.int8))  # linalg
# case: solve_types(np.array([[3, 1], [1, 2]], dtype=np.float32), np.array([9, 8], dtype=np.float32))  # linalg
# case: solve_types(np.array([[3, 1], [1, 2]], dtype=np.float32), np.array([9, 8], dtype=np.int8))  # linalg
# case: solve_types(np.array([[3j, 1], [1, 2]], dtype=np.complex64), np.array([9, 8], dtype=np.float32))  # linalg
# case: solve_types(np.array([[3, 1], [1, 2]], dtype=np.float32), np.array([9j, 8], dtype=np.complex128))  # linalg


#pykernel export solve_stacks(float64[::,::,::], float64[::], float64[::,::], float64[::,::,::])
def solve_stacks(a, v, m, s):
    return np.linalg.solve(a, v), np.linalg.solve(a, m), np.linalg.solve(a, s), np.linalg.solve(a[0], s)
# case: solve_stacks(np.array([[[3.0, 1.0], [1.0, 2.0]], [[1.0, 0.0], [0.0, 4.0]]]), np.array([1.0, 2.0]), np.array([[1.0, 0.0], [0.0, 1.0]]), np.arange(8.0).reshape(2, 2, 2))  # linalg
# case: solve_stacks(np.array([[[3.0, 1.0], [1.0, 2.0]], [[1.0, 0.0], [0.0, 4.0]]]), np.array([1.0, 2.0]), np.array([[1.0, 0.0], [0.0, 1.0]]), np.arange(4.0).reshape(1, 2, 2))  # linalg
# case: solve_stacks(np.array([[[3.0, 1.0], [1.0, 2.0]], [[1.0, 0.0], [0.0, 4.0]]]), np.array([1.0, 2.0]), np.array([[1.0, 0.0], [0.0, 1.0]]), np.arange(12.0).reshape(3, 2, 2))
# case: solve_stacks(np.array([[[3.0, 1.0], [1.0, 2.0]], [[1.0, 2.0], [2.0, 4.0]]]), np.array([1.0, 2.0]), np.eye(2), np.ones((2, 2, 1)))


#pykernel export solve_in_program(float64[:,:], float64[:])
def solve_in_program(a, b):
    """A residual: solve, then the product back (a kernel's usual use)."""
    x = np.linalg.solve(a.T @ a + 1.0, a.T @ b)
    r = b - a @ x
    return x, np.sum(r * r), np.linalg.det(a.T @ a), np.linalg.inv(a[:2, :2] + 1) @ b[:2]
# case: solve_in_program(np.arange(12.0).reshape(4, 3) % 5, np.array([1.0, 2.0, 0.5, -1.0]))  # linalg
