# Division by zero follows the type (SPEC 6). On Python ints and floats, `/`, `//`, `%`
# and `divmod` by zero (also `/=`, `//=`, `%=`) raise ZeroDivisionError, as CPython
# does. On NumPy scalars (sized parameters such as `float64` or `int32`, array
# elements) they give NumPy's values: inf/nan for floats, 0 for integer `//` and `%`.
# A Python number meeting a NumPy scalar gives a NumPy result (NEP 50), so NumPy's
# values too. Cases with a sized parameter whose plain-Python run raises are compared
# with CPython running them on NumPy scalars (tests/README.md). Int `//` and `%` of
# Python ints: int_division.py.
import math

import numpy as np
from numpy.ctypeslib import as_array


# --- Python floats and ints: ZeroDivisionError ----------------------------------------

#pykernel export fdiv(float, float)
def fdiv(a, b):
    return a / b
# case: fdiv(1.0, 0.0)
# case: fdiv(-1.0, -0.0)
# case: fdiv(0.0, 0.0)
# case: fdiv(nan, 0.0)
# case: fdiv(inf, -0.0)
# case: fdiv(3.0, 2.0)
# case: fdiv(1.0, nan)
# case: fdiv(1.0, inf)


#pykernel export ffloordiv0(float, float)
def ffloordiv0(a, b):
    return a // b
# case: ffloordiv0(1.0, 0.0)
# case: ffloordiv0(-1.0, -0.0)
# case: ffloordiv0(nan, 0.0)
# case: ffloordiv0(-7.5, 2.0)


#pykernel export fmod0(float, float)
def fmod0(a, b):
    return a % b
# case: fmod0(1.0, 0.0)
# case: fmod0(-2.5, -0.0)
# case: fmod0(inf, 0.0)
# case: fmod0(-7.5, 2.0)


#pykernel export fdivmod0(float, float)
def fdivmod0(a, b):
    return divmod(a, b)
# case: fdivmod0(1.0, 0.0)
# case: fdivmod0(0.0, -0.0)
# case: fdivmod0(-7.5, 2.0)
# case: fdivmod0(-0.0, 5.0)


#pykernel export int_truediv0(int, int)
def int_truediv0(a, b):
    return a / b
# case: int_truediv0(1, 0)
# case: int_truediv0(-3, 0)
# case: int_truediv0(0, 0)
# case: int_truediv0(7, 2)


#pykernel export mixed_truediv0(float, int)
def mixed_truediv0(x, n):
    return x / n, n / x
# case: mixed_truediv0(1.5, 0)
# case: mixed_truediv0(0.0, 2)
# case: mixed_truediv0(1.5, 2)


#pykernel export float_ops_by_int(float, int)
def float_ops_by_int(x, n):
    return x // n + x % n
# case: float_ops_by_int(2.5, 0)
# case: float_ops_by_int(2.5, 2)


#pykernel export bool_div(bool, bool)
def bool_div(a, b):
    return a / b
# case: bool_div(True, False)
# case: bool_div(True, True)


#pykernel export bool_floordiv(bool, bool)
def bool_floordiv(a, b):
    return a // b, a % b
# case: bool_floordiv(False, False)
# case: bool_floordiv(True, True)


#pykernel export aug_div(float, float)
def aug_div(a, b):
    x = a
    x /= b
    return x
# case: aug_div(1.0, 0.0)
# case: aug_div(1.0, 4.0)


#pykernel export aug_floordiv_mod(float, float)
def aug_floordiv_mod(a, b):
    x = a
    x //= b
    y = a
    y %= b
    return x, y
# case: aug_floordiv_mod(5.0, 0.0)
# case: aug_floordiv_mod(5.0, -2.0)


#pykernel export step(float, int)
def step(span, n):
    return span / (n - 1)
# case: step(1.0, 1)
# case: step(1.0, 3)


#pykernel export reciprocal_sum(float, int)
def reciprocal_sum(x, n):
    s = 0.0
    for i in range(n):
        s += 1.0 / (x - i)
    return s
# case: reciprocal_sum(0.5, 4)
# case: reciprocal_sum(2.0, 4)


#pykernel export scaled_sum(float list, float)
def scaled_sum(xs, d):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] / d
        xs[i] = s
    return s
# case: scaled_sum([1.0, 2.0, 4.0], 2.0)
# case: scaled_sum([1.0, 2.0, 4.0], 0.0)
# case: scaled_sum([], 0.0)


#pykernel export list_elements(float list)
def list_elements(xs):
    t = 0.0
    for i in range(1, len(xs)):
        t += xs[i - 1] % xs[i]
        xs[i] //= xs[i - 1]
    return t
# case: list_elements([3.0, 2.0, 5.0])
# case: list_elements([3.0, 2.0, 0.0, 5.0])
# case: list_elements([0.0, 2.0])


#pykernel export halving_steps(float, float)
def halving_steps(x, d):
    k = 0
    while x > 1.0 and k < 100:
        x = x / d
        k += 1
    return k, x
# case: halving_steps(100.0, 2.0)
# case: halving_steps(100.0, 0.0)


#pykernel export float_of_elements(float64[:])
def float_of_elements(a):
    return float(a[0]) / float(a[1])
# case: float_of_elements(np.array([1.0, 0.0]))
# case: float_of_elements(np.array([1.0, 4.0]))


#pykernel export cdiv0(complex, complex)
def cdiv0(a, b):
    return a / b
# case: cdiv0(1 + 1j, 0j)
# case: cdiv0(1j, complex(0.0, -0.0))
# case: cdiv0(1 + 1j, 2j)


#pykernel export cdiv_real0(complex, float)
def cdiv_real0(z, x):
    return z / x
# case: cdiv_real0(1 + 1j, 0.0)


#pykernel export math_fmod0(float, float)
def math_fmod0(a, b):
    return math.fmod(a, b)
# case: math_fmod0(1.0, 0.0)
# case: math_fmod0(-7.5, 2.0)


#pykernel export math_remainder0(float, float)
def math_remainder0(a, b):
    return math.remainder(a, b)
# case: math_remainder0(1.0, 0.0)
# case: math_remainder0(7.5, 2.0)


# --- NumPy scalars: NumPy's values (inf/nan, 0 for integers) --------------------------

#pykernel export np_float_ops(float64, float64)
def np_float_ops(a, b):
    return a / b, a // b, a % b, divmod(a, b)
# case: np_float_ops(1.0, 0.0)
# case: np_float_ops(-1.0, 0.0)
# case: np_float_ops(0.0, -0.0)
# case: np_float_ops(-7.5, 2.0)


#pykernel export np_float32_ops(float32, float32)
def np_float32_ops(a, b):
    return a / b, a // b, a % b
# case: np_float32_ops(1.0, 0.0)
# case: np_float32_ops(-0.5, 0.0)


#pykernel export np_int_ops(int32, int32)
def np_int_ops(a, b):
    return a // b, a % b, divmod(a, b), a / b
# case: np_int_ops(7, 0)
# case: np_int_ops(-7, 0)
# case: np_int_ops(0, 0)
# case: np_int_ops(-7, 2)


#pykernel export np_int64_ops(int64, int64)
def np_int64_ops(a, b):
    q = a
    q //= b
    r = a
    r %= b
    return q, r, a // b + a % b
# case: np_int64_ops(9, 0)
# case: np_int64_ops(-9, 4)


#pykernel export np_uint8_ops(uint8, uint8)
def np_uint8_ops(a, b):
    return a // b, a % b
# case: np_uint8_ops(7, 0)
# case: np_uint8_ops(7, 3)


#pykernel export mixed_python_numpy(float, float64)
def mixed_python_numpy(x, y):
    return x / y, x // y, x % y, divmod(x, y), y / 0.0 if x > 100.0 else y / x
# case: mixed_python_numpy(1.0, 0.0)
# case: mixed_python_numpy(0.0, 2.0)
# case: mixed_python_numpy(1000.0, 2.0)


#pykernel export mixed_int_numpy(int, int32)
def mixed_int_numpy(n, k):
    return n // k, n % k, n / k
# case: mixed_int_numpy(7, 0)
# case: mixed_int_numpy(7, -2)


#pykernel export element_ops(float64[:], int64[:])
def element_ops(a, b):
    return a[0] / a[1], a[0] // a[1], a[0] % a[1], b[0] // b[1], b[0] % b[1], b[0] / b[1]
# case: element_ops(np.array([1.0, 0.0]), np.array([7, 0]))
# case: element_ops(np.array([-1.0, -0.0]), np.array([-7, 0]))
# case: element_ops(np.array([-7.5, 2.0]), np.array([-7, 2]))


#pykernel export element_by_python(float64[:], float)
def element_by_python(a, d):
    s = a[0] * 0.0
    for i in range(len(a)):
        s += a[i] / d
        a[i] = a[i] % d
    return s
# case: element_by_python(np.array([1.0, -2.0]), 0.0)
# case: element_by_python(np.array([1.0, -2.0]), 4.0)


#pykernel export python_by_element(float, float64[:])
def python_by_element(x, a):
    s = a[0] * 0.0
    for i in range(len(a)):
        s += x / a[i]
    return s
# case: python_by_element(1.0, np.array([2.0, 0.0, 4.0]))
# case: python_by_element(0.0, np.array([0.0]))


#pykernel export element_loop(float64[:], float64[:], int32[:])
def element_loop(a, b, k):
    out = np.zeros(len(a))
    for i in range(len(a)):
        out[i] = a[i] / b[i] + k[i] // k[0] + k[i] % k[0]
    return out
# case: element_loop(np.array([1.0, -1.0, 0.0]), np.array([0.0, 0.0, 0.0]), np.array([0, 3, -5], dtype=np.int32))
# case: element_loop(np.array([1.0, 3.0]), np.array([2.0, 4.0]), np.array([2, 5], dtype=np.int32))


#pykernel export element_augs(float64[:], int32[:])
def element_augs(a, k):
    a[0] /= a[1]
    a[2] //= a[1]
    a[3] %= a[1]
    k[0] //= k[1]
    k[2] %= k[1]
    return a, k
# case: element_augs(np.array([1.0, 0.0, -3.0, 2.0]), np.array([7, 0, -7], dtype=np.int32))
# case: element_augs(np.array([1.0, 2.0, -3.0, 5.0]), np.array([7, 2, -7], dtype=np.int32))


#pykernel export np_cdiv0(complex128, complex128)
def np_cdiv0(a, b):
    return a / b
# case: np_cdiv0(1 + 1j, 0j)
# case: np_cdiv0(1 + 1j, 2j)


# --- capsules: the error path of SPEC 5 (NaN, or 0 with the exception set) ------------

#pykernel export capsule cap_div(float64, float64)
def cap_div(a, b):
    return a / b
# case: cap_div(1.0, 0.0)
# case: cap_div(1.0, 4.0)


#pykernel export capsule cap_mod(float64)
def cap_mod(x):
    return x % (x - 1.0)
# case: cap_mod(1.0)
# case: cap_mod(3.5)


#pykernel export capsule gf_ratio_sum(float64*, intp, float64*, void*)
def gf_ratio_sum(buffer, filter_size, return_value, user_data):
    s = 0.0
    for i in range(filter_size - 1):
        s += buffer[i] / buffer[i + 1]
    return_value[0] = s
    return 1
# case: gf_ratio_sum([1.0, 2.0, 4.0], 3, [0.0], None)
# case: gf_ratio_sum([1.0, 0.0, 4.0], 3, [0.0], None)


#pykernel export capsule gf_floordiv(float64*, intp, float64*, void*)
def gf_floordiv(buffer, filter_size, return_value, user_data):
    return_value[0] = buffer[0] // buffer[filter_size - 1]
    buffer[0] %= buffer[1]
    return 1
# case: gf_floordiv([7.0, 2.0, 0.0], 3, [0.0], None)
# case: gf_floordiv([7.0, 0.0, 2.0], 3, [0.0], None)
# case: gf_floordiv([7.0, 2.0, 3.0], 3, [0.0], None)


#pykernel export capsule gf_view_ratio(float64*, intp, float64*, void*)
def gf_view_ratio(buffer, filter_size, return_value, user_data):
    v = as_array(buffer, (filter_size,))
    return_value[0] = v[0] / v[1] + v[0] % v[1]
    return 1
# case: gf_view_ratio([1.0, 0.0], 2, [0.0], None)
# case: gf_view_ratio([-1.0, 0.0], 2, [0.0], None)
