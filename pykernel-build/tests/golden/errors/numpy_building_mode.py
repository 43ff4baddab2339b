import numpy as np


#pykernel export conv_mode(float64[:], int)
def conv_mode(v, k):
    return np.convolve(v, v, mode=k) + np.convolve(v, v, 'middle')
