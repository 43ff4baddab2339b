# Float arithmetic and true division.

#pykernel export fadd(float, float)
def fadd(a, b):
    return a + b
# case: fadd(0.1, 0.2)
# case: fadd(1e308, 1e308)
# case: fadd(-0.0, 0.0)
# case: fadd(-0.0, -0.0)
# case: fadd(inf, -inf)


#pykernel export fmul_sub(float, float, float)
def fmul_sub(a, b, c):
    return a * b - c
# case: fmul_sub(0.1, 3.0, 0.3)
# case: fmul_sub(1e-200, 1e-200, 0.0)
# case: fmul_sub(-2.5, 4.0, -10.0)


#pykernel export truediv_int(int, int)
def truediv_int(a, b):
    return a / b
# case: truediv_int(7, 2)
# case: truediv_int(-7, 2)
# case: truediv_int(1, 3)
# case: truediv_int(6, 3)
# case: truediv_int(0, -5)


#pykernel export truediv_float(float, float)
def truediv_float(a, b):
    return a / b
# case: truediv_float(1.0, 3.0)
# case: truediv_float(-1.0, 3.0)
# case: truediv_float(1e-320, 1e10)


#pykernel export fneg(float)
def fneg(a):
    return -a
# case: fneg(0.0)
# case: fneg(-0.0)
# case: fneg(1.5)
# case: fneg(nan)


#pykernel export horner(float)
def horner(x):
    return ((((2.0 * x - 3.0) * x + 0.5) * x - 7.25) * x + 1.0) / (x * x + 1.0)
# case: horner(0.0)
# case: horner(1.1)
# case: horner(-3.75)
# case: horner(1e10)
