# Small numeric algorithms (the kind of kernels people write).
import math


#pykernel export simpson_sin(float, float, int)
def simpson_sin(a, b, n):
    h = (b - a) / n
    s = math.sin(a) + math.sin(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            s += 4.0 * math.sin(x)
        else:
            s += 2.0 * math.sin(x)
    return s * h / 3.0
# case: simpson_sin(0.0, 3.141592653589793, 100)
# case: simpson_sin(-1.0, 2.0, 10)


#pykernel export leibniz_pi(int)
def leibniz_pi(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * s
# case: leibniz_pi(1)
# case: leibniz_pi(100000)


#pykernel export kahan_harmonic(int)
def kahan_harmonic(n):
    s = 0.0
    c = 0.0
    for k in range(1, n + 1):
        y = 1.0 / k - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
# case: kahan_harmonic(10)
# case: kahan_harmonic(100000)


#pykernel export binomial(int, int)
def binomial(n, k):
    if k < 0 or k > n:
        return 0
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r
# case: binomial(10, 3)
# case: binomial(60, 30)
# case: binomial(5, 7)
# case: binomial(5, -1)


#pykernel export powmod(int, int, int)
def powmod(b, e, m):
    result = 1
    b = b % m
    while e > 0:
        if e % 2 == 1:
            result = result * b % m
        b = b * b % m
        e = e // 2
    return result
# case: powmod(2, 10, 1000)
# case: powmod(3, 200, 1000003)
# case: powmod(-7, 13, 97)
# case: powmod(5, 3, 0)


#pykernel export logistic_map(float, float, int)
def logistic_map(r, x, n):
    for _ in range(n):
        x = r * x * (1.0 - x)
    return x
# case: logistic_map(3.7, 0.5, 1000)
# case: logistic_map(2.5, 0.1, 50)


#pykernel export mandel_iter(float, float, int)
def mandel_iter(cr, ci, maxit):
    zr = 0.0
    zi = 0.0
    for it in range(maxit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return it
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return maxit
# case: mandel_iter(0.0, 0.0, 100)
# case: mandel_iter(-0.75, 0.1, 1000)
# case: mandel_iter(1.0, 1.0, 100)


#pykernel export count_primes(int)
def count_primes(n):
    count = 0
    for k in range(2, n):
        p = True
        d = 2
        while d * d <= k:
            if k % d == 0:
                p = False
                break
            d += 1
        if p:
            count += 1
    return count
# case: count_primes(100)
# case: count_primes(2)


#pykernel export day_of_week(int, int, int)
def day_of_week(y, m, d):
    # Zeller-like formula with floor division of negatives
    if m < 3:
        m += 12
        y -= 1
    k = y % 100
    j = y // 100
    h = (d + (13 * (m + 1)) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7
# case: day_of_week(2024, 2, 29)
# case: day_of_week(1970, 1, 1)
# case: day_of_week(-44, 3, 15)
