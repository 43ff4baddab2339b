import numpy as np


#pykernel export bad_keepdims(float64[:,:], bool)
def bad_keepdims(a, k):
    return np.sum(a, axis=0, keepdims=k)


#pykernel export bad_axis_value(float64[:,:])
def bad_axis_value(a):
    return a.max(axis=2) + np.min(a, axis=-3)


#pykernel export bad_axis_kind(float64[:,:])
def bad_axis_kind(a):
    return np.argmax(a, axis=(0, 1)) + np.sum(a, axis=1.5)


#pykernel export unsupported_args(float64[:,:], float64[:])
def unsupported_args(a, out):
    return np.sum(a, 0, np.float32), a.mean(axis=0, where=a > 0), np.ptp(a > 0), np.var(a, ddof=0.5)
