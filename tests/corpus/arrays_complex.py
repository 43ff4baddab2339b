"""complex64 / complex128 arrays: element reads and writes (no arithmetic here, see
arrays_complex_arith.py)."""
import numpy as np


#pykernel export c_get(complex128[:], int)
def c_get(a, i):
    return a[i]
# case: c_get(np.array([1 + 2j, -0.5j, complex(inf, nan)]), 1)
# case: c_get(np.array([1 + 2j, -0.5j, complex(inf, nan)]), -1)
# case: c_get(np.array([1 + 2j]), 1)


#pykernel export c_get64(complex64[:,:], int, int)
def c_get64(a, i, j):
    return a[i, j]
# case: c_get64(np.array([[1 + 2j, 3j], [-1.5, 0.25 - 0.5j]], dtype=np.complex64), 1, 1)
# case: c_get64(np.array([[1 + 2j, 3j], [-1.5, 0.25 - 0.5j]], dtype=np.complex64), 0, -1)


#pykernel export c_set(complex128[:], int, complex)
def c_set(a, i, v):
    a[i] = v
    return a
# case: c_set(np.zeros(3, dtype=np.complex128), 1, 2.5 - 1j)
# case: c_set(np.zeros(3, dtype=np.complex128), -1, complex(-0.0, nan))
# case: c_set(np.zeros(3, dtype=np.complex128), 3, 1j)


#pykernel export c_set64(complex64[:], int, complex64)
def c_set64(a, i, v):
    a[i] = v
# case: c_set64(np.zeros(2, dtype=np.complex64), 0, 0.5 + 0.25j)


#pykernel export c_reverse(complex128[::])
def c_reverse(a):
    n = len(a)
    for i in range(n // 2):
        t = a[i]
        a[i] = a[n - 1 - i]
        a[n - 1 - i] = t
    return a
# case: c_reverse(np.array([1 + 1j, 2 - 2j, 3j, -4.0]))
# case: c_reverse(np.array([1 + 1j, 2 - 2j, 3j, -4.0, 5j, 6.0])[::2])


#pykernel export c_copy_rows(complex64[:,:], complex64[:,:])
def c_copy_rows(src, dst):
    n, m = src.shape
    for i in range(n):
        for j in range(m):
            dst[n - 1 - i, j] = src[i, j]
    return dst
# case: c_copy_rows(np.array([[1j, 2.0], [3.0, -4j]], dtype=np.complex64), np.zeros((2, 2), dtype=np.complex64))


#pykernel export c_iter(complex128[:])
def c_iter(a):
    n = 0
    for x in a:
        n += 1
    return n, a.shape, a.size
# case: c_iter(np.array([1j, 2j, 3j]))
# case: c_iter(np.zeros((0,), dtype=np.complex128))
