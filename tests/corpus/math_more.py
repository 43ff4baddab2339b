# The rest of the numeric math module: integer functions, float decomposition, IEEE
# remainder, ulp; CPython's ValueError/OverflowError on bad input.
import math
from math import isqrt, comb


#pykernel export ints(int, int)
def ints(n, k):
    return isqrt(n), comb(n, k), math.perm(n, k), math.perm(k)
# case: ints(10, 3)
# case: ints(0, 0)
# case: ints(5, 7)
# case: ints(60, 30)  # expect-wrap
# case: ints(-1, 2)
# case: ints(3, -1)


# comb() beyond int64 raises OverflowError in compiled code (CPython returns a big int;
# a quotient cannot wrap exactly): see pykernel's math unit tests.


#pykernel export decompose(float)
def decompose(x):
    m, e = math.frexp(x)
    f, i = math.modf(x)
    return m, e, f, i, math.ldexp(m, e) == x
# case: decompose(8.0)
# case: decompose(-3.5)
# case: decompose(0.0)
# case: decompose(1e-310)
# case: decompose(12345.678)


#pykernel export ieee(float, float)
def ieee(x, y):
    return math.remainder(x, y), math.nextafter(x, y), math.ulp(x)
# case: ieee(5.0, 2.0)
# case: ieee(-7.5, 2.0)
# case: ieee(1.0, 0.0)
# case: ieee(1e308, 1e-300)


#pykernel export big_ldexp(float, int)
def big_ldexp(x, e):
    return math.ldexp(x, e)
# case: big_ldexp(1.0, 10)
# case: big_ldexp(1.0, 5000)
# case: big_ldexp(1.0, -5000)
# case: big_ldexp(-0.0, 3)
