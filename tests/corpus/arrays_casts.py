"""Stores of another type into array elements, with NumPy's casts: ints into float
arrays, floats into int arrays (truncation toward zero), anything into bool arrays,
float64 into float32 (rounding), bools into int arrays; out-of-range Python ints and
NaN/inf into int arrays raise."""
import numpy as np


#pykernel export int_into_float(float64[:,:])
def int_into_float(a):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] = 0
        a[i, 0] = i
    return a
# case: int_into_float(np.ones((3, 2)))


#pykernel export float_into_int(int64[:], float64[:])
def float_into_int(out, x):
    for i in range(len(x)):
        out[i] = x[i]
    return out
# case: float_into_int(np.zeros(4, dtype=np.int64), np.array([3.7, -2.7, 0.5, -0.0]))
# case: float_into_int(np.zeros(1, dtype=np.int64), np.array([nan]))
# case: float_into_int(np.zeros(1, dtype=np.int64), np.array([inf]))


#pykernel export into_bool(bool[:])
def into_bool(a):
    a[0] = 5
    a[1] = 0.0
    a[2] = 0.5
    return a
# case: into_bool(np.zeros(3, dtype=bool))


#pykernel export f64_into_f32(float32[:], float64[:])
def f64_into_f32(out, x):
    for i in range(len(x)):
        out[i] = x[i]
    return out
# case: f64_into_f32(np.zeros(3, dtype=np.float32), np.array([0.1, 1e300, -1e-50]))


#pykernel export bool_into_int(int32[:], bool[:])
def bool_into_int(out, b):
    for i in range(len(b)):
        out[i] = b[i]
    out[0] += True
    return out
# case: bool_into_int(np.zeros(2, dtype=np.int32), np.array([True, False]))


#pykernel export big_int_into_i8(int8[:], int)
def big_int_into_i8(a, v):
    a[0] = v
    return a
# case: big_int_into_i8(np.zeros(1, dtype=np.int8), -128)
# case: big_int_into_i8(np.zeros(1, dtype=np.int8), 300)
# case: big_int_into_i8(np.zeros(1, dtype=np.int8), -129)


#pykernel export i64_into_u8(uint8[:], int64[:])
def i64_into_u8(out, x):
    for i in range(len(x)):
        out[i] = x[i]
    return out
# case: i64_into_u8(np.zeros(2, dtype=np.uint8), np.array([7, 255]))
