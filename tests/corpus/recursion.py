# Recursive functions.

#pykernel export fact(int)
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
# case: fact(0)
# case: fact(10)
# case: fact(20)


#pykernel export fib(int)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
# case: fib(0)
# case: fib(1)
# case: fib(20)


#pykernel export gcd_rec(int, int)
def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)
# case: gcd_rec(1071, 462)
# case: gcd_rec(-12, 18)


#pykernel export power_rec(float, int)
def power_rec(x, n):
    if n == 0:
        return 1.0
    half = power_rec(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x
# case: power_rec(1.5, 10)
# case: power_rec(2.0, 0)
