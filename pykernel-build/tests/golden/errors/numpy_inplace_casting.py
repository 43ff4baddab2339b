import numpy as np


#pykernel export f(int64[:], bool[:], float32[:,:], complex128[:])
def f(a, b, c, z):
    a += 1.5
    a[1:] += 1.5
    b[0:2] += 1
    c[0] *= 1j
    c[1:] += 2.0
    return np.max(z) + z.min()


#pykernel export g(complex128[:])
def g(z):
    z.real[0] = 1.0
    z.imag[1:] += 2.0
    return z
