#pykernel export f(int)
def f(n):
    a, b, c = divmod(n, 3)
    return a
