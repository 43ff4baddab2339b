# math functions whose last bit depends on the C library (CPython calls the platform
# libm): many inputs each, compared element by element.
import math


#pykernel export asinh_acosh_atanh(int)
def asinh_acosh_atanh(n):
    a = [math.asinh(i * 0.37 - 50.0) for i in range(n)]
    b = [math.acosh(1.0 + i * 0.731) for i in range(n)]
    c = [math.atanh(-0.999 + i * (1.998 / n)) for i in range(n)]
    return a, b, c
# case: asinh_acosh_atanh(300)
# case: asinh_acosh_atanh(7)


#pykernel export hyperbolic_tiny(int)
def hyperbolic_tiny(n):
    out = []
    x = 1e-300
    for i in range(n):
        out.append((math.asinh(x), math.atanh(x), math.acosh(1.0 + x)))
        x *= 7.3
    return out
# case: hyperbolic_tiny(120)
