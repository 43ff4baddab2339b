"""Reductions of elementwise expressions, computed without a temporary: the order of
NumPy's pairwise sum over the temporary it would have made (C, F, reversed, strided,
broadcast operands), integer and bool folds, extremes with NaN, empty results."""
import numpy as np


#pykernel export sum_sq_diff(float64[::], float64[::])
def sum_sq_diff(x, y):
    return np.sum((x - y) ** 2)
# case: sum_sq_diff(np.linspace(0, 1, 1001), np.linspace(1, 3, 1001) ** 1.3)
# case: sum_sq_diff(np.linspace(0, 1, 1001)[::-1], np.linspace(1, 3, 1001)[::3][:1001])
# case: sum_sq_diff(np.linspace(0, 1, 0), np.linspace(1, 3, 0))
# case: sum_sq_diff(np.linspace(0, 1, 5), np.linspace(1, 3, 4))


#pykernel export sum_2d(float64[::,::], float64[::,::])
def sum_2d(a, b):
    return (a * b + 1.5).sum()
# case: sum_2d(np.linspace(0, 1, 3000).reshape(60, 50) ** 1.1, np.linspace(1, 2, 3000).reshape(60, 50))
# case: sum_2d(np.asfortranarray(np.linspace(0, 1, 3000).reshape(60, 50) ** 1.1), np.asfortranarray(np.linspace(1, 2, 3000).reshape(60, 50)))
# case: sum_2d(np.linspace(0, 1, 3000).reshape(60, 50)[::-1, ::2] ** 1.1, np.linspace(1, 2, 3000).reshape(50, 60).T[::-1, ::2])
# case: sum_2d(np.linspace(0, 1, 6000).reshape(60, 100)[:, 1:-1] ** 1.1, np.linspace(1, 2, 60).reshape(60, 1))
# case: sum_2d(np.linspace(0, 1, 3000).reshape(60, 50), np.linspace(1, 2, 50)[::-1].reshape(1, 50))
# case: sum_2d(np.ones((0, 3)), np.ones((1, 3)))


#pykernel export outer_sum(float64[:], float64[:])
def outer_sum(x, y):
    return np.sum(np.sqrt(x[:, None] * y[None, :] + 0.25))
# case: outer_sum(np.linspace(0, 1, 300), np.linspace(0, 2, 77) ** 1.7)
# case: outer_sum(np.linspace(0, 1, 1), np.linspace(0, 2, 1))


#pykernel export mean_abs(float32[::,::])
def mean_abs(a):
    return np.mean(np.abs(a - 0.5))
# case: mean_abs(np.linspace(0, 1, 5000, dtype=np.float32).reshape(50, 100) ** np.float32(1.3))
# case: mean_abs(np.linspace(0, 1, 5000, dtype=np.float32).reshape(100, 50).T)


#pykernel export int_sums(int64[::], int32[::])
def int_sums(a, b):
    return np.sum(a * b - 3), (a // 3).prod(), np.mean(a + b), np.max(a - b), np.min(b % 7)
# case: int_sums(np.arange(-50, 50), np.arange(100, dtype=np.int32)[::-1])
# case: int_sums(np.arange(7) * 10**17, np.arange(7, dtype=np.int32))


#pykernel export bool_folds(float64[:], float64[:])
def bool_folds(a, b):
    return np.any(a > b), np.all(a >= 0.0), np.count_nonzero(a < b), (a == b).sum()
# case: bool_folds(np.linspace(0, 1, 11), np.linspace(1, 0, 11))
# case: bool_folds(np.linspace(0, 1, 0), np.linspace(1, 0, 0))
# case: bool_folds(np.array([0.0, np.nan, 2.0]), np.array([np.nan, 1.0, 2.0]))


#pykernel export extremes(float64[:,:])
def extremes(a):
    return np.max(a * 2.0 - 1.0), (a[:, ::-1] + a).min()
# case: extremes(np.linspace(-3, 3, 64).reshape(8, 8) ** 3)
# case: extremes(np.array([[1.0, np.nan], [3.0, -2.0]]))
# case: extremes(np.ones((0, 4)))


#pykernel export complex_sums(complex128[:], float64[:])
def complex_sums(z, x):
    return np.sum(z * x), np.mean(z - 1j * x)
# case: complex_sums(np.linspace(0, 1, 300) + 1j * np.linspace(2, 0, 300), np.linspace(-1, 1, 300) ** 3)
# case: complex_sums(np.zeros(0, dtype=complex), np.zeros(0))


#pykernel export sum_3d(float64[::,::,::])
def sum_3d(a):
    return np.sum(a[1:-1, 1:-1, :] * 0.5 + a[:-2, 2:, :] ** 2)
# case: sum_3d(np.linspace(0, 1, 7*9*40).reshape(7, 9, 40) ** 1.5)
# case: sum_3d(np.linspace(0, 1, 7*9*40).reshape(7, 9, 40).transpose(2, 0, 1).copy().transpose(1, 2, 0) ** 1.5)
# case: sum_3d(np.linspace(0, 1, 7*9*40).reshape(40, 9, 7).T ** 1.5)
