# The seed's pitfall 2: float32* where SciPy passes double *. The build warns.
#pythran export capsule f(int32, float32*, float64*)
def f(n, x, cp):
    return cp[0] + x[0]
