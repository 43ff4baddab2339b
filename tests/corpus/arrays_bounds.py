"""Bounds checks in loops (the translator hoists them when indices are provably in
range): out-of-range indices still raise IndexError at the same iteration as CPython,
after the same partial writes, also when the array variable changes in the loop."""
import numpy as np


#pykernel export next_diff(float64[:])
def next_diff(a):
    for i in range(len(a)):
        a[i] = a[i + 1] - a[i]
    return a
# case: next_diff(np.array([1.0, 4.0, 9.0]))


#pykernel export prev_diff(int64[:])
def prev_diff(a):
    out = np.zeros(len(a), dtype=np.int64)
    for i in range(len(a)):
        out[i] = a[i] - a[i - 1]
    return out
# case: prev_diff(np.array([1, 4, 9, 16]))


#pykernel export count_down(float64[:], int)
def count_down(a, n):
    s = 0
    for i in range(n, -1, -1):
        a[i] = s
        s += 1
    return s
# case: count_down(np.zeros(4), 3)
# case: count_down(np.zeros(4), 4)
# case: count_down(np.zeros(4), -1)


#pykernel export shrink(int)
def shrink(n):
    a = np.zeros(n)
    for i in range(n):
        a[i] = 1.0
        if i == 1:
            a = np.zeros(2)
    return a
# case: shrink(2)
# case: shrink(4)


#pykernel export swap_axes_loop(float64[:,:])
def swap_axes_loop(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[j, i]
    return s
# case: swap_axes_loop(np.arange(9.0).reshape(3, 3))
# case: swap_axes_loop(np.arange(6.0).reshape(2, 3))
# case: swap_axes_loop(np.arange(6.0).reshape(3, 2))


#pykernel export stride_loop(int32[:], int)
def stride_loop(a, step):
    k = 0
    for i in range(0, 10, step):
        a[i] = k
        k += 1
    return k
# case: stride_loop(np.zeros(10, dtype=np.int32), 3)
# case: stride_loop(np.zeros(5, dtype=np.int32), 2)


#pykernel export other_array_len(float64[:], float64[:])
def other_array_len(a, b):
    for i in range(len(a)):
        b[i] = a[i] * 2.0
    return b
# case: other_array_len(np.array([1.0, 2.0]), np.zeros(3))
# case: other_array_len(np.array([1.0, 2.0, 3.0]), np.zeros(2))


#pykernel export rows_loop(float64[:,:])
def rows_loop(a):
    n = len(a)
    for i in range(n):
        r = a[i]
        for j in range(len(r) + 1):
            r[j] = i + j
    return a
# case: rows_loop(np.zeros((2, 3)))


#pykernel export reassigned_bound(float64[:])
def reassigned_bound(a):
    n = len(a)
    t = 0.0
    for i in range(n):
        t += a[i]
        n = 100
    return t, n
# case: reassigned_bound(np.array([1.0, 2.0, 3.0]))


#pykernel export while_index(int64[:])
def while_index(a):
    i = 0
    while a[i] != 0:
        i += 1
    return i
# case: while_index(np.array([3, 2, 0, 5]))
# case: while_index(np.array([3, 2]))
