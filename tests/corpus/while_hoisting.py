"""`while` loops with a counter (`while j >= lo and ...: ...; j -= 1`) whose array
checks are done once before the loop: same results as CPython, and the same
`IndexError` at the same step (with the writes before it done) when the range is not
in bounds, including negative indices that CPython accepts."""
import numpy as np


# Insertion sort itself is `insertion_sort` in arrays_algos.py.
#pykernel export sort_strict(int32[::])
def sort_strict(a):
    for i in range(1, len(a)):
        v = a[i]
        j = i
        while 0 < j and a[j - 1] > v:
            a[j] = a[j - 1]
            j -= 1
        a[j] = v
    return a
# case: sort_strict(np.array([4, -2, 7, 0, 7, 1], dtype=np.int32))
# case: sort_strict(np.array([9, 8, 7, 6, 5, 4], dtype=np.int32)[::2])
# case: sort_strict(np.array([9, 8, 7, 6, 5, 4], dtype=np.int32)[::-1])


#pykernel export scan_to(float64[:], float64, int)
def scan_to(a, x, n):
    i = 0
    while i < n and a[i] != x:
        i += 1
    return i
# case: scan_to(np.array([1.0, 2.0, 3.0]), 2.0, 3)
# case: scan_to(np.array([1.0, 2.0, 3.0]), 9.0, 3)
# case: scan_to(np.array([1.0, 2.0, 3.0]), 9.0, 5)
# case: scan_to(np.zeros(0), 1.0, 0)


#pykernel export back_scan(int64[:], int, int)
def back_scan(a, start, lo):
    j = start
    s = 0
    while j >= lo and a[j] > 0:
        s += a[j] * 10 + a[j - 1]
        j -= 2
    return int(s), j
# case: back_scan(np.array([1, 2, 3, 4, 5, 6]), 5, 0)
# case: back_scan(np.array([1, 2, 3, 4, 5, 6]), 5, 1)
# case: back_scan(np.array([1, 2, 3, 4, 5, 6]), 5, -3)
# case: back_scan(np.array([1, 2, 3, 4, 5, 6]), 7, 2)
# case: back_scan(np.array([1, 2, 3, 4, 5, 6]), 2, 5)
# case: back_scan(np.array([1, 2, -3, 4, 5, 6]), 4, 0)


#pykernel export fill_until(float64[:], int, int)
def fill_until(a, i, hi):
    while i <= hi:
        a[i] = i * 1.5
        i += 1
    else:
        a[0] = -1.0
    return a
# case: fill_until(np.zeros(5), 1, 3)
# case: fill_until(np.zeros(5), 2, 6)
# case: fill_until(np.zeros(5), -3, 1)
# case: fill_until(np.zeros(5), 4, 2)


#pykernel export rows_down(int64[:,:], int)
def rows_down(m, col):
    r = m.shape[0] - 1
    while r > 0 and m[r, col] >= m[r - 1, col]:
        m[r, col] -= m[r - 1, col]
        r -= 1
    return m, r
# case: rows_down(np.array([[1, 2], [3, 5], [4, 9]]), 1)
# case: rows_down(np.array([[1, 2], [3, 5], [4, 9]]), -2)
# case: rows_down(np.array([[1, 2], [3, 5], [4, 9]]), 2)


#pykernel export skip_odd(int64[:])
def skip_odd(a):
    j = len(a) - 1
    total = 0
    while j >= 0:
        if a[j] % 2 == 1:
            j -= 1
            continue
        total += a[j]
        j -= 1
    return total
# case: skip_odd(np.array([1, 2, 3, 4, 6]))


#pykernel export sorted_prefix(float64[:])
def sorted_prefix(a):
    i = 0
    while i < len(a) - 1 and a[i] <= a[i + 1]:
        i += 1
    return i
# case: sorted_prefix(np.array([1.0, 2.0, 2.0, 5.0, 3.0]))
# case: sorted_prefix(np.array([1.0, 2.0]))
# case: sorted_prefix(np.zeros(0))


#pykernel export shape_walk(int64[:,:])
def shape_walk(m):
    r = 0
    c = 0
    while r < m.shape[0] and m[r, c] >= 0:
        r += 1
    return r
# case: shape_walk(np.array([[1, -1], [2, 3], [-4, 0]]))
# case: shape_walk(np.zeros((0, 2), dtype=np.int64))
