import itertools

#pykernel export f(int)
def f(n):
    s = 0
    for v in itertools.repeat(1, n, 2):
        s += v
    return s
