# ** as Python: int ** int (non-negative exponent) is an int, anything with a float is
# a float computed like C pow().
import math

#pykernel export ipow(int, int)
def ipow(a, b):
    return a ** b
# case: ipow(2, 10)
# case: ipow(-3, 3)
# case: ipow(-3, 4)
# case: ipow(0, 0)
# case: ipow(7, 0)
# case: ipow(0, 5)
# case: ipow(-1, 2**31 + 1)
# case: ipow(3, 39)
# case: ipow(2, 62)
# case: ipow(2, 63)  # expect-wrap
# case: ipow(3, 41)  # expect-wrap
# case: ipow(10, 30)  # expect-wrap


#pykernel export fpow(float, float)
def fpow(a, b):
    return a ** b
# case: fpow(2.0, 0.5)
# case: fpow(2.0, -2.0)
# case: fpow(-2.0, 3.0)
# case: fpow(-2.0, 2.0)
# case: fpow(1.1, 7.0)
# case: fpow(1.0000001, 1000.0)
# case: fpow(10.0, -300.0)
# case: fpow(0.0, 0.0)
# case: fpow(nan, 0.0)
# case: fpow(1.0, nan)
# case: fpow(0.5, inf)
# case: fpow(-1.0, inf)


#pykernel export fpow_int(float, int)
def fpow_int(a, n):
    return a ** n
# case: fpow_int(1.1, 7)
# case: fpow_int(2.5, 2)
# case: fpow_int(2.0, -2)
# case: fpow_int(-0.5, 3)
# case: fpow_int(1.0000001, 1000)
# case: fpow_int(3.0, 0)


#pykernel export int_pow_float(int, float)
def int_pow_float(n, e):
    return n ** e
# case: int_pow_float(2, 0.5)
# case: int_pow_float(10, -1.0)
# case: int_pow_float(4, 1.5)


#pykernel export pow_literals(float)
def pow_literals(x):
    return x ** 2 + x ** 3 - x ** 0.5 + 2 ** 3 - 2.0 ** -1
# case: pow_literals(1.3)
# case: pow_literals(7.0)


#pykernel export math_pow(float, float)
def math_pow(a, b):
    return math.pow(a, b)
# case: math_pow(2.0, 10.0)
# case: math_pow(1.1, 7.0)
# case: math_pow(-8.0, 3.0)
