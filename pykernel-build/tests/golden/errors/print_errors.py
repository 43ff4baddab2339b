import numpy as np

#pykernel export arrays(float[:])
def arrays(a):
    print(a)
    print(a.shape, [a])
    return 0

#pykernel export keywords(int)
def keywords(n):
    print(n, file=None)
    return n

#pykernel export formatted(int)
def formatted(n):
    print(f"n = {n}")
    return n

#pykernel export separator(int)
def separator(n):
    s = ", "
    print(n, n, sep=s)
    return n

#pykernel export starred(int)
def starred(n):
    t = (n, n)
    print(*t)
    return n
