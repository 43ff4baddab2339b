import math

N = 10
TWO_PI = 2 * math.pi

#pykernel export floor_ops(int, int)
def floor_ops(a, b):
    return a // b + a % b * 1000

#pykernel export mixed(int, float)
def mixed(n, x):
    s = 0
    for i in range(n, 0, -2):
        s += i * x
        if s > N:
            break
    else:
        s = -1
    return s

#pykernel export chained(float, float, float)
def chained(lo, x, hi):
    return lo <= x < hi and not math.isnan(x)

#pykernel export helper_twice(int, float)
def helper_twice(n, x):
    return square(n) + square(x) + TWO_PI

def square(v):
    return v * v

#pykernel export narrow(int32, float32)
def narrow(a, x):
    return (a * 2 + 1) * x
