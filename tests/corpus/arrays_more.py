# More array kernels: lists of arrays, tuple-unpacked rows, complex and bool arrays,
# helpers returning arrays, uint8 wraparound.
import numpy as np


#pykernel export r_list_of_arrays(int)
def r_list_of_arrays(n):
    rows = [np.zeros(3) for _ in range(n)]
    for i in range(n):
        rows[i][0] = i
    return rows, len(rows)
# case: r_list_of_arrays(3)


#pykernel export r_tuple_views(float64[:,:])
def r_tuple_views(m):
    top, bottom = m[0], m[-1]
    top[0] = bottom[0] + 1.0
    return m[0, 0]
# case: r_tuple_views(np.arange(6.0).reshape(3, 2))


#pykernel export r_complex_array(complex128[:])
def r_complex_array(z):
    s = 0j
    for x in z:
        s += x * x.conjugate()
    z[0] = s
    return s.real, abs(z[0])
# case: r_complex_array(np.array([1 + 2j, -1j]))


#pykernel export r_array_of_bools(bool[:])
def r_array_of_bools(b):
    c = 0
    for i in range(len(b)):
        if b[i]:
            c += 1
    b[0] = not b[0]
    return c
# case: r_array_of_bools(np.array([True, False, True]))


#pykernel export r_helper_returns_array(int)
def r_helper_returns_array(n):
    a = _make(n)
    b = _make(n + 1)
    return a.size + b.size, a
def _make(k):
    out = np.empty(k, dtype=np.int32)
    for i in range(k):
        out[i] = i * i
    return out
# case: r_helper_returns_array(4)


#pykernel export r_uint_ops(uint8[:], int)
def r_uint_ops(a, k):
    for i in range(len(a)):
        a[i] = a[i] * 3 + 1
    return a[0] // 2, a[-1] % 7, a[0] >> 1
# case: r_uint_ops(np.array([100, 200, 7], dtype=np.uint8), 1)
