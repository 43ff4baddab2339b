"""Arrays passed to and returned from the kernel's own (non-exported) functions:
helpers see the same memory, create arrays, recurse (in-place quicksort)."""
import numpy as np


def _swap(a, i, j):
    t = a[i]
    a[i] = a[j]
    a[j] = t


def _partition(a, lo, hi):
    p = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] < p:
            _swap(a, i, j)
            i += 1
    _swap(a, i, hi)
    return i


def _quicksort(a, lo, hi):
    if lo < hi:
        p = _partition(a, lo, hi)
        _quicksort(a, lo, p - 1)
        _quicksort(a, p + 1, hi)


#pykernel export quicksort(float64[:])
def quicksort(a):
    _quicksort(a, 0, len(a) - 1)
    return a
# case: quicksort(np.array([3.0, -1.0, 2.5, 2.5, -inf, 10.0, 0.0, 7.0]))
# case: quicksort(np.zeros((0,)))


#pykernel export quicksort_i32(int32[:])
def quicksort_i32(a):
    _quicksort(a, 0, len(a) - 1)
# case: quicksort_i32(np.array([5, 3, -8, 3, 0, 2**31 - 1, -2**31], dtype=np.int32))


def _norm2(v):
    s = 0.0
    for x in v:
        s += x * x
    return s


#pykernel export row_norms(float64[:,:])
def row_norms(a):
    out = np.zeros(len(a))
    for i in range(len(a)):
        out[i] = _norm2(a[i])
    return out
# case: row_norms(np.arange(6.0).reshape(3, 2))


def _make(n, v):
    a = np.full(n, v)
    return a


def _fill_diag(m, v):
    for i in range(min(m.shape[0], m.shape[1])):
        m[i, i] = v


#pykernel export helpers_make(int)
def helpers_make(n):
    a = _make(n, 1.5)
    m = np.zeros((n, n + 1))
    _fill_diag(m, -2.0)
    return a, m
# case: helpers_make(3)


def _scale(a, k):
    for i in range(len(a)):
        a[i] *= k
    return a


#pykernel export scale_twice(float64[:])
def scale_twice(a):
    b = _scale(a, 2.0)
    c = _scale(b, 3.0)
    return c
# case: scale_twice(np.array([1.0, -0.5]))


#pykernel export scale_rows(float64[:,:])
def scale_rows(a):
    for i in range(len(a)):
        _scale(a[i], i + 1.0)
    return a
# case: scale_rows(np.ones((3, 2)))
