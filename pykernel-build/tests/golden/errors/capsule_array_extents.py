#pythran export capsule f(int32, float64[:])
def f(n, x):
    return x[0]


#pythran export capsule g(float64[2,:], complex128[2])
def g(m, z):
    return m[0, 0]
