def scaled(x, factor=2.0):
    return x * factor

#pykernel export f(float)
def f(x):
    a = scaled(x, fator=3.0)
    b = scaled(x, 2.0, factor=3.0)
    c = scaled()
    return a + b + c
