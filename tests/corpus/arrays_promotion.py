"""NEP 50 promotion of array elements (NumPy scalars) with each other and with Python
scalars, and conversions with int() / float()."""
import numpy as np


#pykernel export f32_with_python(float32[:])
def f32_with_python(a):
    return a[0] * 2.5, a[0] + 1, a[0] / 4
# case: f32_with_python(np.array([1.5], dtype=np.float32))


#pykernel export f32_f64(float32[:], float64[:])
def f32_f64(a, b):
    return a[0] + b[0], a[0] * a[0]
# case: f32_f64(np.array([0.5], dtype=np.float32), np.array([0.25]))


#pykernel export i32_i64(int32[:], int64[:])
def i32_i64(a, b):
    return a[0] + b[0], a[0] * a[0], b[0] - b[0]
# case: i32_i64(np.array([7], dtype=np.int32), np.array([-3]))


#pykernel export i8_u8(int8[:], uint8[:])
def i8_u8(a, b):
    return a[0] + b[0], b[0] * b[0]
# case: i8_u8(np.array([-100], dtype=np.int8), np.array([200], dtype=np.uint8))


#pykernel export u64_i64(uint64[:], int64[:])
def u64_i64(a, b):
    return a[0] + b[0]
# case: u64_i64(np.array([2**63], dtype=np.uint64), np.array([-1]))


#pykernel export int_true_div(int32[:])
def int_true_div(a):
    return a[0] / a[1], a[0] // a[1], a[0] % a[1]
# case: int_true_div(np.array([7, -2], dtype=np.int32))
# case: int_true_div(np.array([-7, 2], dtype=np.int32))


#pykernel export int_with_float(int16[:])
def int_with_float(a):
    return a[0] * 1.5, a[0] + 0.5
# case: int_with_float(np.array([3], dtype=np.int16))


#pykernel export compare(float64[:], int64[:])
def compare(a, b):
    return a[0] < a[1], b[0] == b[1], a[0] != a[0]
# case: compare(np.array([1.0, 2.0]), np.array([3, 3]))
# case: compare(np.array([nan, 2.0]), np.array([3, 4]))


#pykernel export conversions(float32[:], uint8[:], bool[:])
def conversions(a, b, c):
    return float(a[0]), int(a[0]), int(b[0]), float(b[0]), bool(c[0]), int(c[0])
# case: conversions(np.array([-2.75], dtype=np.float32), np.array([255], dtype=np.uint8), np.array([True]))


#pykernel export bool_elements(bool[:])
def bool_elements(a):
    return a[0] and a[1], a[0] or a[1], not a[0], a[0] == a[1]
# case: bool_elements(np.array([True, False]))
# case: bool_elements(np.array([False, False]))


#pykernel export elem_times_int(int8[:], int)
def elem_times_int(a, k):
    return a[0] * k
# case: elem_times_int(np.array([5], dtype=np.int8), 3)
# case: elem_times_int(np.array([100], dtype=np.int8), 3)
# case: elem_times_int(np.array([5], dtype=np.int8), 1000)


#pykernel export elem_plus_float(float32[:], float)
def elem_plus_float(a, x):
    return a[0] + x
# case: elem_plus_float(np.array([1.5], dtype=np.float32), 0.25)


#pykernel export f64_elem_plus_int(float64[:], int)
def f64_elem_plus_int(a, k):
    return a[0] + k, k * a[0]
# case: f64_elem_plus_int(np.array([0.5]), 3)


#pykernel export store_elements(float64[:], int64[:], float32[:])
def store_elements(f, i, s):
    f[0] = i[0]
    s[0] = f[1]
    i[1] = i[0] * 2
    return f, i, s
# case: store_elements(np.array([0.0, 0.1]), np.array([-3, 0]), np.array([0.0], dtype=np.float32))
