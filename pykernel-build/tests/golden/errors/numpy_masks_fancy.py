import numpy as np


#pykernel export float_index(float64[:], float64[:])
def float_index(a, f):
    return a[f]


#pykernel export float_in_tuple(float64[:,:], float64[:])
def float_in_tuple(a, f):
    return a[0:1, f]


#pykernel export too_many(float64[:], bool[:,:], int64[:])
def too_many(a, m, i):
    return a[m] + a[i, i]


#pykernel export too_deep(float64[:,:,:], int64[:,:,:])
def too_deep(a, i):
    return a[i, :, :, None]


#pykernel export compress_2d(float64[:], bool[:,:])
def compress_2d(a, m):
    return np.compress(m, a)


#pykernel export bad_take(float64[:], float64[:])
def bad_take(a, f):
    return np.take(a, f) + np.take(a, [0], axis=1.5)


#pykernel export bad_args(float64[:])
def bad_args(a):
    return np.nonzero(a, 1), np.take(a, [0], mode="clip")


#pykernel export partial_tuple(float64[:,:], int)
def partial_tuple(a, i):
    t = (i,)
    return a[t]


#pykernel export float_next_to_array(float64[:,:], int64[:], float)
def float_next_to_array(a, i, x):
    return a[i, x]
