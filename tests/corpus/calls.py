# Calls between functions of the same file (helpers need not be exported).
import math


def square(x):
    return x * x


def is_even(n):
    return n % 2 == 0


def dist2(x1, y1, x2, y2):
    return square(x2 - x1) + square(y2 - y1)


def clip(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


#pykernel export distance(float, float, float, float)
def distance(x1, y1, x2, y2):
    return math.sqrt(dist2(x1, y1, x2, y2))
# case: distance(0.0, 0.0, 3.0, 4.0)
# case: distance(1.5, -2.0, -0.5, 7.25)


#pykernel export count_even(int)
def count_even(n):
    c = 0
    for i in range(n):
        if is_even(i):
            c += 1
    return c
# case: count_even(10)
# case: count_even(0)


#pykernel export clipped_sum(int, int, int)
def clipped_sum(n, lo, hi):
    s = 0
    for i in range(-n, n):
        s += clip(i * 3, lo, hi)
    return s
# case: clipped_sum(10, -5, 7)
# case: clipped_sum(3, 0, 0)


#pykernel export exported_callee(int)
def exported_callee(n):
    return n * 3 + 1
# case: exported_callee(4)


#pykernel export call_exported(int)
def call_exported(n):
    # calling another exported function
    return exported_callee(exported_callee(n)) - 1
# case: call_exported(4)
# case: call_exported(-2)


#pykernel export helper_raises(int)
def helper_raises(n):
    # ZeroDivisionError raised in a helper propagates
    return modulo_helper(100, n) + 1


def modulo_helper(a, b):
    return a % b
# case: helper_raises(7)
# case: helper_raises(0)


def bump(x):
    x += 1
    return x


#pykernel export pass_by_value(int)
def pass_by_value(n):
    m = bump(n)
    return n * 100 + m
# case: pass_by_value(5)


def first_multiple(n, k):
    i = 1
    while True:
        for j in range(k):
            if (i + j) % n == 0:
                return i + j
        i += k


#pykernel export call_with_inner_return(int, int)
def call_with_inner_return(n, k):
    return first_multiple(n, k) * 10 + first_multiple(k, n)
# case: call_with_inner_return(7, 3)
# case: call_with_inner_return(1, 1)
