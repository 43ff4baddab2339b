"""np.round/np.around (decimals positive, zero, negative; ties to even), a.round(),
np.angle (radians and degrees), np.real and np.imag, on arrays and numbers."""
import numpy as np


#pykernel export rounding(float64[:], float32[:], int32[:], complex128[:])
def rounding(x, y, k, z):
    return (np.round(x), np.round(x, 2), np.around(x, -1), x.round(1), y.round(),
            np.round(k, -1), np.round(k, 1), np.round(z, 1), np.round(x * 10.0, decimals=1))
# case: rounding(np.linspace(-2.5, 2.5, 11) * 1.37, np.linspace(-2.5, 2.5, 11, dtype=np.float32), np.arange(-25, 30, 5, dtype=np.int32), np.linspace(-1, 1, 5) * (1.2345 + 2.5j))


#pykernel export round_numbers(float, int)
def round_numbers(a, n):
    return np.round(a, 3), np.round(2.5), np.round(n, -1), np.around(a)
# case: round_numbers(3.14159, 1234)
# case: round_numbers(-0.5, -15)


#pykernel export angles(complex64[:], float64[:], int64[:])
def angles(z, x, k):
    return np.angle(z), np.angle(z, True), np.angle(x), np.angle(x, deg=True), np.angle(k)
# case: angles(np.array([1+1j, -1+0j, -1-0j, 0j, 1j], dtype=np.complex64), np.array([-1.0, 0.0, -0.0, 2.0, np.nan]), np.arange(-2, 3))  # ulp4


#pykernel export parts(complex128[:], float32[:])
def parts(z, x):
    return np.real(z) * 2.0, np.imag(z) - 1.0, np.real(x) + 1.0, np.imag(x), np.real(3 + 4j), np.imag(2.5)
# case: parts(np.linspace(-1, 1, 5) * (1 + 2j), np.linspace(0, 1, 3, dtype=np.float32))
