"""Arithmetic on elements of complex arrays (NumPy complex scalars), and new complex
arrays from np.zeros / np.ones."""
import numpy as np


#pykernel export c_sum(complex128[:])
def c_sum(a):
    s = a[0]
    for i in range(1, len(a)):
        s += a[i]
    return s
# case: c_sum(np.array([1 + 2j, -0.5j, 3.0]))


#pykernel export c_mul(complex64[:], complex64[:])
def c_mul(a, b):
    out = np.zeros(len(a), dtype=np.complex64)
    for i in range(len(a)):
        out[i] = a[i] * b[i]
    return out
# case: c_mul(np.array([1 + 2j, 0.5j], dtype=np.complex64), np.array([2 - 1j, 4.0], dtype=np.complex64))


#pykernel export c_abs_re_im(complex128[:])
def c_abs_re_im(a):
    return abs(a[0]), a[0].real, a[0].imag
# case: c_abs_re_im(np.array([3 + 4j]))


#pykernel export complex_zeros(int)
def complex_zeros(n):
    a = np.zeros(n, dtype=np.complex128)
    b = np.ones((n, 2), dtype=np.complex64)
    if n > 0:
        a[0] = 1.5 - 2.0j
        b[0, 1] = 0.5j
    return a, b
# case: complex_zeros(2)
