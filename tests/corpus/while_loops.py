# while loops.

#pykernel export collatz_steps(int)
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
# case: collatz_steps(1)
# case: collatz_steps(6)
# case: collatz_steps(27)
# case: collatz_steps(837799)


#pykernel export gcd(int, int)
def gcd(a, b):
    while b:
        t = a % b
        a = b
        b = t
    return a
# case: gcd(48, 18)
# case: gcd(17, 5)
# case: gcd(0, 9)
# case: gcd(-48, 18)
# case: gcd(48, -18)


#pykernel export isqrt(int)
def isqrt(n):
    x = 0
    while (x + 1) * (x + 1) <= n:
        x += 1
    return x
# case: isqrt(0)
# case: isqrt(15)
# case: isqrt(16)
# case: isqrt(99999)


#pykernel export digit_sum(int)
def digit_sum(n):
    if n < 0:
        n = -n
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s
# case: digit_sum(0)
# case: digit_sum(12345)
# case: digit_sum(-987)
# case: digit_sum(9223372036854775807)


#pykernel export bisect_sqrt2(int)
def bisect_sqrt2(iters):
    lo = 1.0
    hi = 2.0
    k = 0
    while k < iters:
        mid = (lo + hi) / 2.0
        if mid * mid < 2.0:
            lo = mid
        else:
            hi = mid
        k += 1
    return lo
# case: bisect_sqrt2(0)
# case: bisect_sqrt2(10)
# case: bisect_sqrt2(60)


#pykernel export halve_until(float, float)
def halve_until(x, eps):
    n = 0
    while x > eps:
        x /= 2.0
        n += 1
    return n
# case: halve_until(1.0, 0.001)
# case: halve_until(1e300, 1e-300)
