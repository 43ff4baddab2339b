# Mixed array kernels: helpers writing through views, comprehensions over rows, reversed
# views written, 3-D arrays, bools stored into floats, while-loop scans, element swaps.
import numpy as np


def _fill(a, v):
    for i in range(len(a)):
        a[i] = v


#pykernel export q_helper_writes(float64[:])
def q_helper_writes(a):
    _fill(a[::2], -1.0)
    return a[0] + a[1]
# case: q_helper_writes(np.arange(5.0))


#pykernel export q_rows_comp(int64[:,:])
def q_rows_comp(m):
    sums = [sum(r) for r in m]
    firsts = [r[0] for r in m if r[0] % 2 == 0]
    return sums, firsts
# case: q_rows_comp(np.arange(12).reshape(4, 3))


#pykernel export q_reverse_write(float64[:])
def q_reverse_write(a):
    r = a[::-1]
    for i in range(len(r)):
        r[i] = i
    return a[0], a[-1]
# case: q_reverse_write(np.zeros(4))


#pykernel export q_3d(float64[:,:,:])
def q_3d(t):
    s = 0.0
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            for k in range(t.shape[2]):
                s += t[i, j, k] * (i - j + k)
    plane = t[1]
    return s, plane[0, 1], t[-1, -1, -1], t[:, 0, 0].size
# case: q_3d(np.arange(24.0).reshape(2, 3, 4))


#pykernel export q_bool_store(float64[:])
def q_bool_store(a):
    out = np.zeros(len(a))
    for i in range(len(a)):
        out[i] = a[i] > 0
    return out
# case: q_bool_store(np.array([-1.0, 2.0, 0.0]))


#pykernel export q_while_scan(int64[:], int)
def q_while_scan(a, t):
    i = 0
    while i < len(a) and a[i] < t:
        i += 1
    return i
# case: q_while_scan(np.array([1, 3, 5, 7]), 5)
# case: q_while_scan(np.array([1, 3, 5, 7]), 100)


#pykernel export q_swap_rows(float64[:,:])
def q_swap_rows(m):
    n = m.shape[1]
    for j in range(n):
        m[0, j], m[1, j] = m[1, j], m[0, j]
    return m
# case: q_swap_rows(np.arange(6.0).reshape(2, 3))


#pykernel export q_cumsum(float64[:])
def q_cumsum(a):
    out = np.empty_like(a)
    s = 0.0
    for i, x in enumerate(a):
        s += float(x)
        out[i] = s
    return out
# case: q_cumsum(np.array([1.0, 2.5, -1.0]))
# case: q_cumsum(np.zeros(0))


#pykernel export q_int_div(int64[:], int)
def q_int_div(a, d):
    out = np.zeros_like(a)
    for i in range(len(a)):
        out[i] = a[i] // d + a[i] % d
    return out
# case: q_int_div(np.array([-7, 7, 0]), 3)
# case: q_int_div(np.array([-7, 7, 0]), -3)
