from numpy.ctypeslib import as_array
#pythran export capsule g(float64*, int32, float64)
def g(p, n, a):
    v = as_array(p, (n,))
    v[:] += a
    v[1:] *= 2.0
    _ = 3
    return v[0] + _
