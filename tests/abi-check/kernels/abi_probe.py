# ABI probes: one capsule export per SciPy catalogue signature (and the accepted
# variants: typed user data in the last slot, int64 for intptr_t, int64* for
# intptr_t *). Every argument contributes to the result with its own weight, so a
# swapped, truncated or misread argument changes the result.
from numpy.ctypeslib import as_array


# double (double)
#pykernel export capsule pk_q1(float64)
def pk_q1(x):
    return x * 3.0 + 0.125


# double (double, void *), typed user data
#pykernel export capsule pk_q2(float64, float64*)
def pk_q2(x, user_data):
    return x * user_data[0] + user_data[1]


# double (double, void *), opaque user data
#pykernel export capsule pk_q2v(float64, void*)
def pk_q2v(x, user_data):
    return x - 0.25


# double (int, double *)
#pykernel export capsule pk_nq(int32, float64*)
def pk_nq(n, xx):
    s = 0.0
    for i in range(n):
        s += xx[i] * (i + 1)
    return n * 1000.0 + s


# double (int, double *, void *), typed user data
#pykernel export capsule pk_nqu(int32, float64*, float64*)
def pk_nqu(n, xx, user_data):
    return n * 1000.0 + xx[0] * 10.0 + xx[n - 1] + user_data[0] * 0.5


# double (int, double *, void *), opaque user data
#pykernel export capsule pk_nquv(int32, float64*, void*)
def pk_nquv(n, xx, user_data):
    return n * 1000.0 - xx[n - 1]


# int (double *, intptr_t, double *, void *)
#pykernel export capsule pk_gf(float64*, intp, float64*, float64*)
def pk_gf(buffer, filter_size, return_value, user_data):
    s = 0.0
    for i in range(filter_size):
        s += buffer[i] * (i + 1)
    return_value[0] = s * user_data[0] + filter_size * 1000.0
    return 1


# same, int64 for the intptr_t and an opaque user-data pointer
#pykernel export capsule pk_gf64(float64*, int64, float64*, void*)
def pk_gf64(buffer, filter_size, return_value, user_data):
    return_value[0] = buffer[filter_size - 1] - buffer[0] + filter_size * 1000.0
    return 1


# int (double *, intptr_t, double *, intptr_t, void *)
#pykernel export capsule pk_gf1d(float64*, intp, float64*, intp, float64*)
def pk_gf1d(input_line, input_length, output_line, output_length, user_data):
    size = input_length - output_length + 1
    for i in range(output_length):
        s = 0.0
        for j in range(size):
            s += input_line[i + j]
        output_line[i] = s * user_data[0] + input_length * 1000.0 + output_length * 1000000.0
    return 1


# same, with as_array views and an opaque user-data pointer
#pykernel export capsule pk_gf1dv(float64*, intp, float64*, intp, void*)
def pk_gf1dv(input_line, input_length, output_line, output_length, user_data):
    inp = as_array(input_line, (input_length,))
    out = as_array(output_line, (output_length,))
    out[:] = inp[input_length - output_length:] * 2.0 - inp[:output_length]
    return 1


# int (intptr_t *, double *, int, int, void *)
#pykernel export capsule pk_gt(intp*, float64*, int32, int32, float64*)
def pk_gt(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    for i in range(input_rank):
        input_coordinates[i] = output_coordinates[i] * 2.0 - user_data[0] + output_rank * 100.0 + input_rank * 10.0
    return 1


# the seed's spelling: int64* for the coordinates, as_array views
#pykernel export capsule pk_gt64(int64*, float64*, int32, int32, float64*)
def pk_gt64(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    shift = user_data[0]
    input_data = as_array(input_coordinates, (input_rank,))
    output_data = as_array(output_coordinates, (output_rank,))
    input_data[:] = output_data - shift
    return 1


# error paths: never unwind; int callbacks return 0, double callbacks NaN
#pykernel export capsule pk_gf_err(float64*, intp, float64*, void*)
def pk_gf_err(buffer, filter_size, return_value, user_data):
    k = 0
    if buffer[0] > 0.0:
        k = 1
    return_value[0] = 7 // k * 1.0
    return 1


#pykernel export capsule pk_q_err(float64)
def pk_q_err(x):
    k = 0
    if x > 0.0:
        k = 1
    return 7 % k + x


# width probes: the integer arguments are only used as numbers, so a C caller can
# pass values that need all 64 bits of an intptr_t
#pykernel export capsule pk_gf_width(float64*, intp, float64*, void*)
def pk_gf_width(buffer, filter_size, return_value, user_data):
    return_value[0] = filter_size * 1.0 + buffer[0]
    return 1


#pykernel export capsule pk_gf1d_width(float64*, intp, float64*, intp, void*)
def pk_gf1d_width(input_line, input_length, output_line, output_length, user_data):
    output_line[0] = input_length * 1.0
    output_line[1] = output_length * 1.0
    return 1


#pykernel export capsule pk_gt_ranks(intp*, float64*, int32, int32, void*)
def pk_gt_ranks(output_coordinates, input_coordinates, output_rank, input_rank, user_data):
    input_coordinates[0] = output_rank * 1.0
    input_coordinates[1] = input_rank * 1.0
    return 1
