"""A tuple of numbers as an operand of a ufunc or an operator next to an array: NumPy
converts it with `np.asarray` (bool when every item is a bool, int64 for Python ints,
float64 when any item is a float) and broadcasts it as a 1-D array. Shapes that do not
broadcast raise `ValueError`."""
import numpy as np


#pykernel export check_mask(bool[:,:])
def check_mask(db, mask=(1, 0, 1)):
    out = np.zeros(db.shape[0], dtype=bool)
    for idx, line in enumerate(db):
        target, vector = line[0], line[1:]
        if (mask == np.bitwise_and(mask, vector)).all():
            if target == 1:
                out[idx] = 1
    return out
# case: check_mask(np.array([[1, 1, 0, 1], [0, 1, 1, 1], [1, 0, 0, 0], [1, 1, 1, 1]], dtype=bool))
# case: check_mask(np.zeros((0, 4), dtype=bool))
# case: check_mask(np.ones((3, 5), dtype=bool))


#pykernel export int_ops(int64[:,:])
def int_ops(a):
    t = (1, -2, 3)
    return a + t, t * a, a - (4, 5, 6), (7, 0, 1) == a, a < t, np.maximum(t, a), a // (1, 2, 3)
# case: int_ops(np.arange(-6, 6).reshape(4, 3))
# case: int_ops(np.zeros((0, 3), dtype=np.int64))
# case: int_ops(np.arange(6).reshape(3, 2))
# case: int_ops(np.arange(3).reshape(3, 1))


#pykernel export float_tuple(int32[:], float32[:])
def float_tuple(a, b):
    t = (1, 2.5, -3)
    return a * t, b + t, b * (1, 2, 3), np.add(a, (True, False, True)), np.sqrt((4, 9, 16)) + b
# case: float_tuple(np.array([1, 2, 3], dtype=np.int32), np.array([0.5, 1.5, 2.5], dtype=np.float32))
# case: float_tuple(np.array([1], dtype=np.int32), np.array([0.5], dtype=np.float32))
# case: float_tuple(np.array([1, 2], dtype=np.int32), np.array([0.5, 1.5], dtype=np.float32))


#pykernel export bool_tuple(bool[:,:])
def bool_tuple(m):
    t = (True, False)
    return m & t, m | (False, True), t == m, np.logical_xor(m, t), m ^ (True, True)
# case: bool_tuple(np.array([[True, False], [False, False], [True, True]]))
# case: bool_tuple(np.ones((2, 3), dtype=bool))


#pykernel export inplace(float64[:,:], int64)
def inplace(a, k):
    a += (1.0, 2.0)
    a *= (k, 2)
    return a
# case: inplace(np.linspace(0, 1, 6).reshape(3, 2), 3)
# case: inplace(np.linspace(0, 1, 6).reshape(2, 3), 3)


#pykernel export one_item(float64[:,:,:])
def one_item(a):
    return a - (2,), (0.5,) * a, np.minimum(a, (1.5,))
# case: one_item(np.linspace(0, 3, 24).reshape(2, 3, 4))
# case: one_item(np.zeros((0, 2, 1)))


#pykernel export ints_in_floats(float64[:])
def ints_in_floats(a):
    n = len(a)
    return a / (n, 2 * n), a ** (2, 3), (n, 1) > a
# case: ints_in_floats(np.array([1.0, 2.0]))
# case: ints_in_floats(np.array([1.0, 2.0, 3.0]))
