# divmod, pow, round, reversed(range), keyword arguments and defaults between kernel
# functions.
import math

SCALE = 3


#pykernel export divmods(int, int)
def divmods(a, b):
    q, r = divmod(a, b)
    return q, r, q * b + r == a
# case: divmods(7, 2)
# case: divmods(-7, 2)
# case: divmods(7, -2)
# case: divmods(-7, -2)
# case: divmods(0, 5)
# case: divmods(5, 0)


#pykernel export fdivmod(float, float)
def fdivmod(a, b):
    return divmod(a, b)
# case: fdivmod(7.5, 2.0)
# case: fdivmod(-7.5, 2.0)
# case: fdivmod(7.5, -2.0)
# case: fdivmod(-0.0, 3.0)


#pykernel export pows(int, int)
def pows(a, b):
    return pow(a, b), pow(a, 2), pow(float(a), 0.5)
# case: pows(3, 4)
# case: pows(2, 10)
# case: pows(9, 0)


#pykernel export powmod(int, int, int)
def powmod(a, b, m):
    return pow(a, b, m)
# case: powmod(3, 4, 5)
# case: powmod(-3, 3, 7)
# case: powmod(3, 3, -7)
# case: powmod(3, -1, 7)
# case: powmod(2, -1, 4)
# case: powmod(2, 10, 0)
# case: powmod(123456789, 987654321, 1000000007)


#pykernel export rounds(float)
def rounds(x):
    return round(x), round(x, 1), round(x, 2), round(x, -1)
# case: rounds(2.5)
# case: rounds(3.5)
# case: rounds(-2.5)
# case: rounds(2.675)
# case: rounds(0.125)
# case: rounds(1234.5678)
# case: rounds(-0.05)


#pykernel export round_ints(int)
def round_ints(n):
    return round(n), round(n, 2), round(n, -1), round(n, -2)
# case: round_ints(1250)
# case: round_ints(1350)
# case: round_ints(-1250)
# case: round_ints(15)
# case: round_ints(-15)


#pykernel export round_nan(float)
def round_nan(x):
    return round(x)
# case: round_nan(1.5)


#pykernel export countdown(int)
def countdown(n):
    s = 0
    for i in reversed(range(n)):
        s = s * 10 + i
    return s
# case: countdown(5)
# case: countdown(0)
# case: countdown(1)


#pykernel export rev_step(int, int, int)
def rev_step(a, b, c):
    s = 0
    last = -1
    for i in reversed(range(a, b, c)):
        s = s * 7 + i
        last = i
    return s, last
# case: rev_step(0, 10, 3)
# case: rev_step(10, 0, -3)
# case: rev_step(5, 5, 1)
# case: rev_step(-4, 9, 4)


def scaled(x, factor=SCALE, offset=0.5):
    return x * factor + offset


def weighted(a, b, wa=1, wb=1):
    return a * wa + b * wb


#pykernel export kwcalls(float)
def kwcalls(x):
    SCALE = 100  # a local with the same name must not change the default
    r1 = scaled(x)
    r2 = scaled(x, 2)
    r3 = scaled(x, offset=1.0)
    r4 = scaled(offset=-1.0, x=x, factor=SCALE)
    return r1, r2, r3, r4, weighted(1, 2, wb=10), weighted(b=3, a=4)
# case: kwcalls(1.0)
# case: kwcalls(-2.5)


#pykernel export hyp(float, float)
def hyp(a, b):
    return round(math.hypot(a, b), 3)
# case: hyp(3.0, 4.0)
# case: hyp(1.0, 1.0)
