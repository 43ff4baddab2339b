#pythran export capsule f(int32, float64[], float32[])
def f(n, x, cp):
    return x[0]
