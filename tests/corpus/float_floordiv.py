# Float // and %: Python floors (the result of % has the sign of the divisor).

#pykernel export ffloordiv(float, float)
def ffloordiv(a, b):
    return a // b
# case: ffloordiv(7.5, 2.0)
# case: ffloordiv(-7.5, 2.0)
# case: ffloordiv(7.5, -2.0)
# case: ffloordiv(-7.5, -2.0)
# case: ffloordiv(0.1, 0.01)
# case: ffloordiv(1.0, 0.1)
# case: ffloordiv(-0.0, 1.0)
# case: ffloordiv(0.0, -1.0)
# case: ffloordiv(-1e-300, 1e300)
# case: ffloordiv(3.0, inf)
# case: ffloordiv(-3.0, inf)
# case: ffloordiv(1e308, 1e-308)
# case: ffloordiv(-1e308, 1e-308)
# case: ffloordiv(5e-324, 1e300)


#pykernel export fmodulo(float, float)
def fmodulo(a, b):
    return a % b
# case: fmodulo(-7.5, 2.0)
# case: fmodulo(7.5, -2.0)
# case: fmodulo(-7.5, -2.0)
# case: fmodulo(7.5, 2.0)
# case: fmodulo(-4.0, 2.0)
# case: fmodulo(4.0, -2.0)
# case: fmodulo(-0.0, 2.0)
# case: fmodulo(0.1, 0.01)
# case: fmodulo(-1e-300, 1.0)
# case: fmodulo(3.0, inf)
# case: fmodulo(-3.0, inf)
# case: fmodulo(inf, 3.0)
# case: fmodulo(nan, 3.0)
# case: fmodulo(1e308, 1e-308)
# case: fmodulo(-5e-324, 1e300)


#pykernel export mixed_floordiv(int, float)
def mixed_floordiv(a, b):
    return a // b + a % b
# case: mixed_floordiv(-7, 2.0)
# case: mixed_floordiv(7, -2.5)
# case: mixed_floordiv(5, 0.5)


#pykernel export int_by_float_mod(float, int)
def int_by_float_mod(a, n):
    return a % n
# case: int_by_float_mod(-7.5, 3)
# case: int_by_float_mod(7.25, -3)
