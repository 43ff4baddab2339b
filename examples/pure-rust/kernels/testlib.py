# testlib.py -- the seed's kernels, plus three regular (non-capsule) exports that Rust
# calls with Rust types. CPython runs this file unchanged.
import math

import numpy as np
from numpy.ctypeslib import as_array

#pythran export capsule f(int32, float64*, float64* )
def f(n, x, cp):
    c = cp[0]
    return c + x[0] - x[1] * x[2]


#pythran export capsule transform(int64*, float64*, int32, int32, float64*)
#pythran export capsule transform_basic(int64*, float64*, int32, int32, float64*)
def transform(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    shift = user_data[0]
    input_data = as_array(input_coordinates, input_rank)
    output_data = as_array(output_coordinates, output_rank)
    input_data[:] = output_data - shift
    return 1

def transform_basic(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    shift = user_data[0]
    for i in range(input_rank):
        input_coordinates[i] = output_coordinates[i] - shift;
    return 1


#pykernel export hypot2(float, float)
def hypot2(x, y):
    """Euclidean norm of (x, y)."""
    return math.sqrt(x * x + y * y)


#pykernel export floor_div(int, int)
def floor_div(a, b):
    """Python's //: floors toward -inf; ZeroDivisionError when b == 0."""
    return a // b


#pykernel export moving_average(float64[:], int)
def moving_average(x, w):
    """Means of the `w` consecutive values starting at each index."""
    out = np.zeros(len(x) - w + 1)
    for i in range(len(out)):
        out[i] = np.mean(x[i:i + w])
    return out
