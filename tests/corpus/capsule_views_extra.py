# as_array views: strided slices and augmented assignment on views.
from numpy.ctypeslib import as_array


#pykernel export capsule every_other(float64*, int64)
def every_other(p, n):
    v = as_array(p, (n,))
    v[::2] = v[1::2] * 10.0
    return 0
# case: every_other([1.0, 2.0, 3.0, 4.0], 4)


#pykernel export capsule reverse_copy(float64*, float64*, int64)
def reverse_copy(src_p, dst_p, n):
    src = as_array(src_p, (n,))
    dst = as_array(dst_p, (n,))
    dst[:] = src[::-1]
    return 0
# case: reverse_copy([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], 3)


#pykernel export capsule aug_view(float64*, int64, float64)
def aug_view(p, n, a):
    v = as_array(p, (n,))
    v[:] += a
    v[1:] *= 2.0
    v[0] -= 1.0
    return v[-1]
# case: aug_view([1.0, 2.0, 3.0], 3, 0.5)
