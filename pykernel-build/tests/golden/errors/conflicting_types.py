from numpy.ctypeslib import as_array

#pythran export capsule f(int32, float64*)
def f(n, x):
    v = x[0]
    v = as_array(x, (n,))
    return 0.0
