#pythran export f(double, long)
def f(x, n):
    return x * n

#pykernel export g(flot64)
def g(y):
    return y
