"""NumPy scalar arithmetic on array elements: IEEE results of float and int true
division by zero, powers (negative int exponents raise ValueError, overflow wraps),
negative bases to fractional powers give nan, Python's sign rules for `//` and `%`,
round(), divmod()."""
import numpy as np


#pykernel export true_div(int32[:], float32[:])
def true_div(a, f):
    return a[0] / a[1], f[0] / f[1], f[0] / 0
# case: true_div(np.array([7, 2], dtype=np.int32), np.array([1.0, 4.0], dtype=np.float32))
# case: true_div(np.array([7, 0], dtype=np.int32), np.array([-1.0, 0.0], dtype=np.float32))
# case: true_div(np.array([0, 0], dtype=np.int32), np.array([0.0, -0.0], dtype=np.float32))


#pykernel export int_pow(int64[:])
def int_pow(a):
    return a[0] ** a[1]
# case: int_pow(np.array([3, 4]))
# case: int_pow(np.array([2, 70]))
# case: int_pow(np.array([-3, 3]))
# case: int_pow(np.array([2, -1]))


#pykernel export small_pow(int8[:])
def small_pow(a):
    return a[0] ** a[1]
# case: small_pow(np.array([3, 5], dtype=np.int8))


#pykernel export float_pow(float64[:])
def float_pow(a):
    return a[0] ** a[1], a[0] ** 2, a[1] ** 0.5
# case: float_pow(np.array([2.0, 0.5]))
# case: float_pow(np.array([-8.0, 1.0 / 3.0]))
# case: float_pow(np.array([0.0, -1.0]))


#pykernel export float_floor_mod(float64[:])
def float_floor_mod(a):
    return a[0] // a[1], a[0] % a[1]
# case: float_floor_mod(np.array([-7.0, 2.0]))
# case: float_floor_mod(np.array([7.0, -2.0]))
# case: float_floor_mod(np.array([5.5, -0.0]))
# case: float_floor_mod(np.array([-0.0, 3.0]))
# case: float_floor_mod(np.array([1.0, inf]))


#pykernel export int_floor_mod(int16[:])
def int_floor_mod(a):
    return a[0] // a[1], a[0] % a[1]
# case: int_floor_mod(np.array([-7, 2], dtype=np.int16))
# case: int_floor_mod(np.array([7, -2], dtype=np.int16))
# case: int_floor_mod(np.array([-32768, -1], dtype=np.int16))


#pykernel export rounding(float64[:])
def rounding(a):
    return round(a[0]), round(a[1], 2)
# case: rounding(np.array([2.5, 2.567]))
# case: rounding(np.array([-3.5, -0.125]))
# case: rounding(np.array([0.5, -7.335]))
# case: rounding(np.array([1.5, 4.135]))


#pykernel export div_mod(int64[:])
def div_mod(a):
    return divmod(a[0], a[1])
# case: div_mod(np.array([-7, 2]))


#pykernel export int64_min(int64[:])
def int64_min(a):
    return abs(a[0]), -a[0]
# case: int64_min(np.array([-2**63]))


#pykernel export signed_zero(float64[:])
def signed_zero(a):
    return 1.0 / a[0], a[0] * -1.0, -a[0]
# case: signed_zero(np.array([-0.0]))
# case: signed_zero(np.array([0.0]))
