"""`a.dtype`: as the `dtype=` of NumPy's constructors (new arrays of the argument's
dtype) and in `==`/`!=` comparisons with NumPy types or another array's dtype, one
kernel serving several dtypes through overloads."""
import numpy as np


#pykernel export like_zeros(float32[:] or int16[:] or float64[:,:])
def like_zeros(a):
    out = np.zeros(a.shape, dtype=a.dtype)
    out[:] = a
    return out
# case: like_zeros(np.array([1.5, -2.0], dtype=np.float32))
# case: like_zeros(np.array([7, -3, 300], dtype=np.int16))
# case: like_zeros(readonly(np.arange(6.0).reshape(2, 3)))


#pykernel export filled(uint8[:] or complex128[:], int)
def filled(a, n):
    return np.full(n, 3, dtype=a.dtype), np.ones((n, 2), a.dtype)
# case: filled(np.zeros(2, dtype=np.uint8), 3)
# case: filled(np.zeros(1, dtype=np.complex128), 2)
# case: filled(np.zeros(1, dtype=np.complex128), 0)


#pykernel export cast_list(int32[:] or float64[:])
def cast_list(a):
    return np.array([1, 2, 7], dtype=a.dtype)
# case: cast_list(np.zeros(1, dtype=np.int32))
# case: cast_list(np.zeros(1))


#pykernel export kind_of(float64[:] or float32[:] or int64[:] or bool[:])
def kind_of(a):
    if a.dtype == np.float64:
        return 1
    if np.float32 == a.dtype:
        return 2
    if a.dtype != int and a.dtype == bool:
        return 3
    if a.dtype == int:
        return 4
    return 0
# case: kind_of(np.zeros(1))
# case: kind_of(np.zeros(1, dtype=np.float32))
# case: kind_of(np.zeros(1, dtype=np.int64))
# case: kind_of(np.zeros(1, dtype=bool))


#pykernel export same_dtype(float64[:] or int32[:], float64[:] or int32[:])
def same_dtype(a, b):
    return a.dtype == b.dtype, a.dtype != b.dtype
# case: same_dtype(np.zeros(1), np.zeros(2))
# case: same_dtype(np.zeros(1), np.zeros(2, dtype=np.int32))
# case: same_dtype(np.zeros(1, dtype=np.int32), np.zeros(2, dtype=np.int32))


#pykernel export scaled_copy(float32[:] or float64[:], float64)
def scaled_copy(a, c):
    out = np.empty_like(a, dtype=a.dtype)
    for i in range(len(a)):
        out[i] = a[i] * c
    return out
# case: scaled_copy(np.array([1.0, 2.5], dtype=np.float32), 0.1)
# case: scaled_copy(np.array([1.0, 2.5]), 0.1)
