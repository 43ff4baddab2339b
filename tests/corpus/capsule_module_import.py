# `import numpy.ctypeslib` spelling of as_array.
import numpy.ctypeslib


#pykernel export capsule negate_all(float64*, int64)
def negate_all(p, n):
    v = numpy.ctypeslib.as_array(p, (n,))
    v[:] = -v
    return v[0]
# case: negate_all([1.0, -2.0, 0.0], 3)
