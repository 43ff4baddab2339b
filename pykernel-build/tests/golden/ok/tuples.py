#pykernel export divmod_(int, int)
def divmod_(a, b):
    return a // b, a % b

#pykernel export fib(int)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

#pykernel export mixed(float32, int)
def mixed(x, n):
    t = (x * 2.0, n)
    return t[0], t[-1], (n, 1.5)
