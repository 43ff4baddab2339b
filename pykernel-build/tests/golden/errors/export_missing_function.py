#pythran export capsule integrnd(float64)
def integrand(x):
    return x * x
