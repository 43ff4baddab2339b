import numpy as np


#pykernel export pad_modes(float64[:,:], int)
def pad_modes(a, k):
    return np.pad(a, 1, k), np.pad(a, 1, 'mean'), np.pad(a, 1, mode='foo'), np.pad(a, 1, 'edge', constant_values=3), np.pad(a, 2, 'reflect', reflect_type='odd')


#pykernel export pad_keywords(float64[:,:])
def pad_keywords(a):
    return np.pad(a, 1, stat_length=2), np.pad(a, 1, 'wrap', reflect_type='even')


#pykernel export pad_widths(float64[:,:], int list)
def pad_widths(a, w):
    return np.pad(a, (1, 2, 3)), np.pad(a, 1.5), np.pad(a, ((1, 2), (3,))), np.pad(a, w), np.pad(a, ((1, 2), (3, 4), (5, 6)))


#pykernel export pad_widths_more(float64[:,:], uint8)
def pad_widths_more(a, w):
    return np.pad(a, ()), np.pad(a, ((1,), (2,), (3,))), np.pad(a, [[[1, 2]]]), np.pad(a, (w, w))


#pykernel export pad_values(float64[:], int32[:])
def pad_values(a, b):
    return np.pad(a, 1, constant_values=(1, 2, 3)), np.pad(b, 1, constant_values=1j), np.pad(a, 1, constant_values=())
