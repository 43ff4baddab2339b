def trace(x):
    print("x =", x)
    return x

#pythran export capsule f(float64)
def f(x):
    return trace(x) * 2.0
