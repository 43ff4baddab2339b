import numpy as np


#pykernel export not_literal(float64[:], float64[:])
def not_literal(a, b):
    t = (a, b)
    return np.concatenate(t)


#pykernel export bad_indexing(float64[:], float64[:], int)
def bad_indexing(x, y, k):
    return np.meshgrid(x, y, indexing='xyz')


#pykernel export join_ranks(float64[:,:], float64[:])
def join_ranks(a, v):
    return np.concatenate((a, v)), np.stack((a, v)), np.hstack((v, a))


#pykernel export join_number(float64[:])
def join_number(a):
    return np.concatenate((a, 1.5))


#pykernel export join_nothing(float64[:])
def join_nothing(a):
    return np.concatenate(()) + np.stack([])


#pykernel export missing(float64[:])
def missing(a):
    return np.roll(a), np.tile(a)


#pykernel export too_big(float64[:,:,:])
def too_big(a):
    return np.tile(a, (1, 1, 1, 1, 1, 2)), np.stack((a, a)) + np.stack((np.stack((a, a)), np.stack((a, a))))


#pykernel export fliplr_1d(float64[:])
def fliplr_1d(a):
    return np.fliplr(a)


#pykernel export literal_axes(float64[:,:])
def literal_axes(a):
    return np.roll(a, 1, axis=2), np.diff(a, axis=-3), np.concatenate((a, a), axis=2), np.flip(a, (0, 5))


#pykernel export reps_not_static(float64[:], int list)
def reps_not_static(a, reps):
    return np.tile(a, reps), np.roll(a, (1, 2), axis=(0, 0, 0)), np.repeat(a, 1.5)


#pykernel export unsupported_keywords(float64[:])
def unsupported_keywords(a):
    return np.diff(a, prepend=0), np.concatenate((a, a), dtype=np.float32), np.meshgrid(a, sparse=True)


#pykernel export rot90_bad(float64[:], float64[:,:], int)
def rot90_bad(v, m, k):
    return np.rot90(v), np.rot90(m, k, axes=(0, 1, 2)), np.rot90(m, 1.5), np.interp(v, m, v)
