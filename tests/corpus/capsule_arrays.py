"""Capsule arguments of fixed extents (`float64[3]`, `int64[2,2] order(F)`): the C
function takes a pointer, the kernel sees an array of those extents (indexing with
negative indices and IndexError, loops, `len`, `.shape`), named like the pointer in the
SciPy catalogue."""
import numpy as np


#pythran export capsule quad3(int32, float64[3])
def quad3(n, x):
    # SciPy's `double (int, double *)` for nquad over three variables.
    return x[0] * x[1] - x[-1] + len(x) + n
# case: quad3(3, [1.0, 2.0, 3.0])
# case: quad3(3, [-0.5, 4.0, nan])


#pykernel export capsule norm2(float64[2,2], float64*)
def norm2(m, scale):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * m[i, j]
    return s * scale[0]
# case: norm2([[1.0, 2.0], [3.0, 4.0]], [0.5])


#pykernel export capsule col_major(int64[2,3] order(F), int64[3])
def col_major(m, out):
    for j in range(3):
        out[j] = m[0, j] * 10 + m[1, j]
    out[-1] += m[1, 2]
    return out[0]
# case: col_major([[1, 2, 3], [4, 5, 6]], [0, 0, 0])


#pykernel export capsule at(float64[4], int64)
def at(a, i):
    return a[i]
# case: at([1.0, 2.0, 3.0, 4.0], 2)
# case: at([1.0, 2.0, 3.0, 4.0], -4)
# case: at([1.0, 2.0, 3.0, 4.0], 4)


#pykernel export capsule bump(int32[3], float64*)
def bump(v, x):
    for j in range(len(v)):
        v[j] += int(x[j])
# case: bump([1, 2, 3], [0.5, 1.5, -2.5])
