# Kernels for every entry of SciPy's LowLevelCallable catalogue (SPEC section 5).
# tests/python/test_scipy.py runs them through SciPy with LowLevelCallable(capsule)
# and no signature=; tests/python/test_corpus.py calls them directly as well.
import math
from numpy.ctypeslib import as_array


# ---- integrate.quad: double (double) ------------------------------------------------
#pykernel export capsule q_gauss(float64)
def q_gauss(x):
    return math.exp(-x * x) * math.cos(3.0 * x)
# case: q_gauss(0.0)
# case: q_gauss(0.75)


# ---- integrate.quad: double (double, void *), typed user data --------------------
#pykernel export capsule q_scaled(float64, float64*)
def q_scaled(x, user_data):
    return user_data[0] * math.sin(user_data[1] * x)
# case: q_scaled(0.3, [2.0, 3.0])


# ---- integrate.quad: double (double, void *), opaque user data -------------------
#pykernel export capsule q_opaque(float64, void*)
def q_opaque(x, user_data):
    return x * x - 1.0 / (1.0 + x)
# case: q_opaque(2.0, None)


# ---- quad error path: a double callback that fails returns NaN -----------------------
#pykernel export capsule q_fail(float64)
def q_fail(x):
    k = 0
    if x > 2.0:
        k = 1
    return x + 1 // k
# case: q_fail(3.0)
# case: q_fail(0.5)


# ---- nquad: double (int, double *) ---------------------------------------------------
#pykernel export capsule nq_poly(int32, float64*)
def nq_poly(n, xx):
    s = 0.0
    for i in range(n):
        s += (i + 1) * xx[i] * xx[i]
    return s + xx[0] * xx[n - 1]
# case: nq_poly(3, [1.0, 2.0, 3.0])
# case: nq_poly(1, [0.5])


#pykernel export capsule nq_block(int32, float64[3])
def nq_block(n, xx):
    # The same C signature with the point as an array of fixed extent.
    return xx[0] * xx[1] + xx[-1] * n
# case: nq_block(3, [1.0, 2.0, 3.0])


# ---- nquad: double (int, double *, void *): the seed's f -----------------------------
#pythran export capsule f(int32, float64*, float64* )
def f(n, x, cp):
    c = cp[0]
    return c + x[0] - x[1] * x[2]
# case: f(3, [1.0, 2.0, 3.0], [1.0])


# ---- nquad: double (int, double *, void *), opaque user data ---------------------------
#pykernel export capsule nq_opaque(int32, float64*, void*)
def nq_opaque(n, x, user_data):
    return math.cos(x[0]) * x[n - 1] + n
# case: nq_opaque(2, [0.5, 2.0], None)


# ---- ndimage.generic_filter: int (double *, intptr_t, double *, void *) ------------
#pykernel export capsule gf_mean(float64*, intp, float64*, void*)
def gf_mean(buffer, filter_size, return_value, user_data):
    s = 0.0
    for i in range(filter_size):
        s += buffer[i]
    return_value[0] = s / filter_size
    return 1
# case: gf_mean([1.0, 2.0, 4.0], 3, [0.0], None)


# int64 where SciPy says intptr_t, typed user data in the last slot
#pykernel export capsule gf_weighted_max(float64*, int64, float64*, float64*)
def gf_weighted_max(buffer, filter_size, return_value, user_data):
    w = user_data[0]
    m = buffer[0]
    for i in range(1, filter_size):
        if buffer[i] > m:
            m = buffer[i]
    return_value[0] = m * w
    return 1
# case: gf_weighted_max([1.0, 7.0, 4.0], 3, [0.0], [0.5])


# the as_array version
#pykernel export capsule gf_range_view(float64*, intp, float64*, void*)
def gf_range_view(buffer, filter_size, return_value, user_data):
    v = as_array(buffer, (filter_size,))
    lo = v[0]
    hi = v[0]
    for i in range(1, filter_size):
        if v[i] < lo:
            lo = v[i]
        if v[i] > hi:
            hi = v[i]
    return_value[0] = hi - lo + v[-1] * 0.001
    return 1
# case: gf_range_view([3.0, -1.0, 2.0, 8.0], 4, [0.0], None)


# error path: integer division by zero -> 0 returned with ZeroDivisionError set
#pykernel export capsule gf_intdiv(float64*, intp, float64*, void*)
def gf_intdiv(buffer, filter_size, return_value, user_data):
    count = 0
    for i in range(filter_size):
        if buffer[i] > 10.0:
            count += 1
    return_value[0] = 100 // (filter_size - count) * 1.0
    return 1
# case: gf_intdiv([1.0, 20.0, 3.0], 3, [0.0], None)
# case: gf_intdiv([11.0, 20.0, 30.0], 3, [0.0], None)


# error path: out-of-bounds index on a view the kernel made -> IndexError
#pykernel export capsule gf_oob(float64*, intp, float64*, void*)
def gf_oob(buffer, filter_size, return_value, user_data):
    v = as_array(buffer, (filter_size,))
    k = 0
    if v[0] > 20.0:
        k = filter_size
    elif v[0] < -20.0:
        k = -filter_size - 1
    return_value[0] = v[k]
    return 1
# case: gf_oob([1.0, 2.0], 2, [0.0], None)
# case: gf_oob([21.0, 2.0], 2, [0.0], None)
# case: gf_oob([-21.0, 2.0], 2, [0.0], None)


# error path: shapes that do not broadcast in a slice assignment -> ValueError
#pykernel export capsule gf_shape_err(float64*, intp, float64*, void*)
def gf_shape_err(buffer, filter_size, return_value, user_data):
    v = as_array(buffer, (filter_size,))
    out = as_array(return_value, (1,))
    out[:] = v[1:] * 2.0
    return 1
# case: gf_shape_err([1.0, 2.0], 2, [0.0], None)
# case: gf_shape_err([1.0, 2.0, 3.0], 3, [0.0], None)


# ---- recursion too deep: RecursionError through both error paths ---------------------
def nest(n):
    if n <= 0:
        return 0.0
    return nest(n - 1) + 1.0


# a double callback: NaN
#pykernel export capsule q_deep(float64)
def q_deep(x):
    return nest(int(x)) * 0.001 + x
# case: q_deep(3.5)
# case: q_deep(5000.5)


# an ndimage callback: 0 with RecursionError set
#pykernel export capsule gf_deep(float64*, intp, float64*, void*)
def gf_deep(buffer, filter_size, return_value, user_data):
    m = 0.0
    for i in range(filter_size):
        if buffer[i] > m:
            m = buffer[i]
    return_value[0] = nest(int(m))
    return 1
# case: gf_deep([1.0, 30.0, 2.0], 3, [0.0], None)
# case: gf_deep([1.0, 5000.0, 2.0], 3, [0.0], None)


# ---- ndimage.generic_filter1d: int (double *, intptr_t, double *, intptr_t, void *) ---
#pykernel export capsule gf1d_box(float64*, intp, float64*, intp, float64*)
def gf1d_box(input_line, input_length, output_line, output_length, user_data):
    size = input_length - output_length + 1
    w = user_data[0]
    for i in range(output_length):
        s = 0.0
        for j in range(size):
            s += input_line[i + j]
        output_line[i] = s * w
    return 1
# case: gf1d_box([1.0, 2.0, 3.0, 4.0, 5.0], 5, [0.0, 0.0, 0.0], 3, [0.5])


#pykernel export capsule gf1d_diff(float64*, intp, float64*, intp, void*)
def gf1d_diff(input_line, input_length, output_line, output_length, user_data):
    inp = as_array(input_line, (input_length,))
    out = as_array(output_line, (output_length,))
    out[:] = inp[2:] - inp[:-2]
    return 1
# case: gf1d_diff([1.0, 4.0, 9.0, 16.0, 25.0], 5, [0.0, 0.0, 0.0], 3, None)


# ---- ndimage.geometric_transform: int (intptr_t *, double *, int, int, void *) -------
#pykernel export capsule gt_shift(intp*, float64*, int32, int32, float64*)
def gt_shift(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    shift = user_data[0]
    for i in range(input_rank):
        input_coordinates[i] = output_coordinates[i] - shift
    return 1
# case: gt_shift([3, 4], [0.0, 0.0], 2, 2, [0.5])


# the seed's as_array transform, with int64* (named intptr_t *) and a tuple shape
#pythran export capsule gt_view(int64*, float64*, int32, int32, float64*)
def gt_view(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    shift = user_data[0]
    input_data = as_array(input_coordinates, (input_rank,))
    output_data = as_array(output_coordinates, (output_rank,))
    input_data[:] = output_data * 0.5 - shift
    return 1
# case: gt_view([3, 4], [0.0, 0.0], 2, 2, [0.25])


# transpose; an int stored into a double
#pykernel export capsule gt_transpose(intp*, float64*, int32, int32, void*)
def gt_transpose(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    input_coordinates[0] = output_coordinates[1]
    input_coordinates[1] = output_coordinates[0]
    return 1
# case: gt_transpose([3, 4], [0.0, 0.0], 2, 2, None)
