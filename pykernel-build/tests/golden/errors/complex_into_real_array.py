import numpy as np


#pykernel export f(float64[:], complex128[:])
def f(a, z):
    a[0] = 1j
    a[1:] = complex(1.0, 2.0)
    a.fill(2j)
    z[0] = 1j
    a[0] = z[0]
    return 0
