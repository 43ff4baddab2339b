from numpy.ctypeslib import as_array

# A read that may see either assignment needs one type (assigned in turn, with no read
# in common, the two values are two variables and compile).
#pythran export capsule f(int32, float64*)
def f(n, x):
    v = x[0]
    if n > 1:
        v = as_array(x, (n,))
    w = v
    return 0.0
