# List slicing: a[i:j], open bounds, negative and out-of-range bounds (clamped, never
# an IndexError), steps (positive, negative, huge, zero -> ValueError), empty results,
# slices of slices, and slices being copies.
import math


def digits(n):
    a = []
    for i in range(n):
        a.append(i)
    return a


#pykernel export slice_ij(int, int)
def slice_ij(i, j):
    a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    return a[i:j]
# case: slice_ij(2, 5)
# case: slice_ij(-3, -1)
# case: slice_ij(5, 2)
# case: slice_ij(0, -1)
# case: slice_ij(-100, 100)
# case: slice_ij(100, 200)
# case: slice_ij(-2, 100)
# case: slice_ij(-200, -100)
# case: slice_ij(-2**63, 2**63 - 1)
# case: slice_ij(2**63 - 1, -2**63)


#pykernel export slice_open(int)
def slice_open(k):
    a = [1.5, -0.0, 2.5, math.nan, 4.0]
    return a[k:], a[:k]
# case: slice_open(2)
# case: slice_open(0)
# case: slice_open(-1)
# case: slice_open(-10)
# case: slice_open(10)


#pykernel export slice_reversed(int)
def slice_reversed(n):
    a = digits(n)
    return a[::-1]
# case: slice_reversed(0)
# case: slice_reversed(1)
# case: slice_reversed(6)


#pykernel export slice_inner(int)
def slice_inner(n):
    a = digits(n)
    return a[1:-1]
# case: slice_inner(0)
# case: slice_inner(1)
# case: slice_inner(2)
# case: slice_inner(5)


#pykernel export slice_every_other(int)
def slice_every_other(n):
    a = digits(n)
    return a[::2], a[1::2]
# case: slice_every_other(0)
# case: slice_every_other(1)
# case: slice_every_other(7)


#pykernel export slice_step(int, int, int)
def slice_step(i, j, k):
    a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    return a[i:j:k]
# case: slice_step(0, 10, 2)
# case: slice_step(9, 0, -2)
# case: slice_step(-1, -11, -1)
# case: slice_step(-1, -12, -1)
# case: slice_step(8, 2, -3)
# case: slice_step(100, -100, -1)
# case: slice_step(-100, 100, 3)
# case: slice_step(2, 8, 100)
# case: slice_step(5, 5, 1)
# case: slice_step(5, 5, -1)
# case: slice_step(0, 10, -1)
# case: slice_step(9, 0, 1)
# case: slice_step(0, 10, 0)
# case: slice_step(0, 10, 2**63 - 1)
# case: slice_step(9, -100, -2**63)
# case: slice_step(0, 10, -2**63)
# case: slice_step(-2**63, 2**63 - 1, 4)
# case: slice_step(2**63 - 1, -2**63, -4)


#pykernel export slice_neg_step_open(int)
def slice_neg_step_open(k):
    a = [0, 1, 2, 3, 4, 5]
    return a[k::-1], a[:k:-1], a[k::-2]
# case: slice_neg_step_open(3)
# case: slice_neg_step_open(0)
# case: slice_neg_step_open(-1)
# case: slice_neg_step_open(-7)
# case: slice_neg_step_open(10)


#pykernel export slice_of_slice(int)
def slice_of_slice(n):
    a = digits(n)
    b = a[2:][::-1][1:3]
    return b, a[1:-1][1:-1][::2]
# case: slice_of_slice(0)
# case: slice_of_slice(3)
# case: slice_of_slice(4)
# case: slice_of_slice(10)


#pykernel export slice_is_copy(int)
def slice_is_copy(n):
    a = digits(n)
    b = a[:]
    b.append(100)
    c = a[1:]
    if len(c) > 0:
        c[0] = -1
    return len(a), len(b), a, c
# case: slice_is_copy(0)
# case: slice_is_copy(3)


#pykernel export slice_len(int, int)
def slice_len(i, j):
    a = [0.5] * 7
    return len(a[i:j]), len(a[j:i:-1])
# case: slice_len(1, 5)
# case: slice_len(5, 1)
# case: slice_len(-3, 100)
# case: slice_len(-100, -3)


#pykernel export slice_sum_window(int, int)
def slice_sum_window(n, w):
    a = digits(n)
    best = -1
    for i in range(len(a) - w + 1):
        s = 0
        for x in a[i:i + w]:
            s += x * (i % 3 - 1)
        if s > best:
            best = s
    return best
# case: slice_sum_window(10, 3)
# case: slice_sum_window(3, 5)
# case: slice_sum_window(6, 0)
