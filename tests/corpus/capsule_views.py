# numpy.ctypeslib.as_array views on capsule pointers: slicing, slice assignment,
# elementwise arithmetic, negative indices. Shapes are tuples (CPython needs them).
from numpy.ctypeslib import as_array


#pykernel export capsule shift_copy(float64*, float64*, int64, float64)
def shift_copy(src_p, dst_p, n, shift):
    src = as_array(src_p, (n,))
    dst = as_array(dst_p, (n,))
    dst[:] = src - shift
    return 0
# case: shift_copy([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], 3, 0.5)
# case: shift_copy([1.0, 2.0, 3.0, 4.0], [9.0, 9.0, 9.0, 9.0], 2, -1.0)


#pykernel export capsule lag_double(float64*, float64*, int64)
def lag_double(src_p, dst_p, n):
    src = as_array(src_p, (n,))
    dst = as_array(dst_p, (n,))
    dst[1:] = src[:-1] * 2.0
    dst[0] = src[-1]
    return dst[-1]
# case: lag_double([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 4)
# case: lag_double([5.0], [0.0], 1)


#pykernel export capsule negative_index(float64*, int64)
def negative_index(p, n):
    v = as_array(p, (n,))
    v[-1] = v[0] + v[-2]
    v[-n] = 100.0
    return v[-1] * 10.0 + v[-n]
# case: negative_index([1.0, 2.0, 3.0], 3)
# case: negative_index([4.0, 8.0], 2)


#pykernel export capsule axpy(float64*, float64*, float64*, int64, float64)
def axpy(x_p, y_p, out_p, n, a):
    x = as_array(x_p, (n,))
    y = as_array(y_p, (n,))
    out = as_array(out_p, (n,))
    out[:] = a * x + y
    return 0
# case: axpy([1.0, 2.0, 3.0], [0.5, 0.25, 0.125], [0.0, 0.0, 0.0], 3, 2.0)


#pykernel export capsule elementwise_mix(float64*, float64*, float64*, int64)
def elementwise_mix(a_p, b_p, out_p, n):
    a = as_array(a_p, (n,))
    b = as_array(b_p, (n,))
    out = as_array(out_p, (n,))
    out[:] = (a - b) / 2.0 + a * b - 1.0
    return out[0]
# case: elementwise_mix([1.0, 2.0, -3.0], [0.5, -2.0, 4.0], [0.0, 0.0, 0.0], 3)


#pykernel export capsule fill_scalar(float64*, int64, float64)
def fill_scalar(p, n, value):
    v = as_array(p, (n,))
    v[:] = value
    v[0] = -value
    return 0
# case: fill_scalar([1.0, 2.0, 3.0], 3, 7.5)


#pykernel export capsule window_copy(float64*, float64*, int64)
def window_copy(src_p, dst_p, n):
    src = as_array(src_p, (n,))
    dst = as_array(dst_p, (n,))
    dst[:n - 1] = src[1:]
    dst[n - 1] = 0.0
    return 0
# case: window_copy([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 4)


#pykernel export capsule sub_slices(float64*, int64)
def sub_slices(p, n):
    v = as_array(p, (n,))
    v[2:5] = v[0:3] + 10.0
    return v[4]
# case: sub_slices([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 6)


#pykernel export capsule int32_view(int32*, float64*, int32)
def int32_view(ip, op, n):
    iv = as_array(ip, (n,))
    ov = as_array(op, (n,))
    ov[:] = iv * 0.5
    iv[:] = iv * 3
    return 0
# case: int32_view([1, -2, 7], [0.0, 0.0, 0.0], 3)


#pykernel export capsule int64_view_floor(int64*, int64, int64)
def int64_view_floor(ip, n, d):
    v = as_array(ip, (n,))
    v[:] = v // d
    return v[0]
# case: int64_view_floor([-7, 7, -1, 0], 4, 2)
# case: int64_view_floor([-7, 7, -1, 0], 4, -3)


#pykernel export capsule view_loop_sum(float64*, int64)
def view_loop_sum(p, n):
    v = as_array(p, (n,))
    s = 0.0
    for i in range(n):
        s += v[i] * v[n - 1 - i]
    return s
# case: view_loop_sum([1.0, 2.0, 3.0, 4.0], 4)


#pykernel export capsule shape_keyword(float64*, int64)
def shape_keyword(p, n):
    v = as_array(p, shape=(n,))
    v[:] = v * v
    return v[-1]
# case: shape_keyword([1.5, -2.0, 3.0], 3)


#pykernel export capsule clipped_slices(float64*, int64)
def clipped_slices(p, n):
    v = as_array(p, (n,))
    v[1:100] = v[0:n - 1] + 1.0
    v[-2:] = v[:2] * 3.0
    return v[-1]
# case: clipped_slices([1.0, 2.0, 3.0, 4.0], 4)
# case: clipped_slices([1.0, 2.0], 2)


#pykernel export capsule empty_view(float64*, int64)
def empty_view(p, n):
    v = as_array(p, (n,))
    v[:] = v * 2.0
    s = 0.0
    for i in range(n):
        s += v[i]
    return s
# case: empty_view([], 0)
# case: empty_view([1.5], 1)
