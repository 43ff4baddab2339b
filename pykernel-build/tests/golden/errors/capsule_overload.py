#pythran export capsule f(float64)
#pythran export capsule f(float32)
def f(x):
    return x

#pythran export capsule g(float64 or float32)
def g(x):
    return x
