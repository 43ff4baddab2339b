"""1-D NumPy arrays through regular exports: element reads, negative indices,
IndexError, len/shape/ndim/size, iteration, enumerate, zip, sum/min/max."""
import numpy as np


#pykernel export total(float64[:])
def total(a):
    s = 0.0
    for x in a:
        s += x
    return s
# case: total(np.arange(5.0))
# case: total(np.array([0.5, -1.25, 3.0]))
# case: total(np.array([-0.0]))
# case: total(np.array([1e308, 1e308, -1e308]))
# case: total(np.array([1.0, nan, 2.0]))


#pykernel export sizes(float64[:])
def sizes(a):
    return len(a), a.size, a.ndim, a.shape, a.shape[0]
# case: sizes(np.arange(7.0))
# case: sizes(np.zeros((0,)))
# case: sizes(np.ones(1))


#pykernel export first_last(float64[:])
def first_last(a):
    return a[0], a[-1]
# case: first_last(np.array([1.5, 2.5, -3.5]))
# case: first_last(np.array([4.0]))
# case: first_last(np.zeros((0,)))


#pykernel export at(float64[:], int)
def at(a, i):
    return a[i]
# case: at(np.arange(5.0), 0)
# case: at(np.arange(5.0), 4)
# case: at(np.arange(5.0), -1)
# case: at(np.arange(5.0), -5)
# case: at(np.arange(5.0), 5)
# case: at(np.arange(5.0), -6)
# case: at(np.arange(5.0), 2**62)
# case: at(np.arange(5.0), -2**63)
# case: at(np.zeros((0,)), 0)
# case: at(np.zeros((0,)), -1)


#pykernel export stats(float64[:])
def stats(a):
    return sum(a), min(a), max(a)
# case: stats(np.array([3.0, -1.5, 8.25, 0.5]))
# case: stats(np.array([2.0]))
# case: stats(np.array([-0.0, 0.0]))
# case: stats(np.array([-0.0]))
# case: stats(np.zeros((0,)))


#pykernel export istats(int64[:])
def istats(a):
    return sum(a), min(a), max(a), len(a)
# case: istats(np.array([5, -3, 9, 0]))
# case: istats(np.array([-2**63, 2**63 - 1]))
# case: istats(np.array([7]))


#pykernel export count_positive(float64[:])
def count_positive(a):
    c = 0
    for x in a:
        if x > 0:
            c += 1
    return c
# case: count_positive(np.array([1.0, -2.0, 0.0, 3.5, nan, inf]))
# case: count_positive(np.zeros((0,)))


#pykernel export argmax(float64[:])
def argmax(a):
    best = -1
    for i, x in enumerate(a):
        if best < 0 or x > a[best]:
            best = i
    return best
# case: argmax(np.array([1.0, 7.0, -2.0, 7.0, 3.0]))
# case: argmax(np.array([-inf]))
# case: argmax(np.zeros((0,)))


#pykernel export dot(float64[:], float64[:])
def dot(a, b):
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s
# case: dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, -5.0, 6.0]))
# case: dot(np.array([1.0, 2.0, 3.0]), np.array([2.0]))
# case: dot(np.array([0.5]), np.array([0.25, 9.0, 9.0]))


#pykernel export find(int64[:], int)
def find(a, v):
    i = 0
    while i < len(a):
        if a[i] == v:
            return i
        i += 1
    return -1
# case: find(np.array([4, 8, 15, 16, 23, 42]), 16)
# case: find(np.array([4, 8, 15, 16, 23, 42]), 5)
# case: find(np.array([-1, -1]), -1)
# case: find(np.zeros((0,), dtype=np.int64), 0)


#pykernel export mean(float64[:])
def mean(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s / len(a)
# case: mean(np.array([1.0, 2.0, 4.0, 8.0]))
# case: mean(np.array([-3.0]))


#pykernel export elements_as_python(float64[:], int64[:])
def elements_as_python(a, b):
    return float(a[0]), int(b[0]), int(a[1]), float(b[1])
# case: elements_as_python(np.array([2.5, -7.75]), np.array([-3, 2**53 + 1]))


#pykernel export walk_back(int64[:])
def walk_back(a):
    out = 0
    for i in range(1, len(a) + 1):
        out = out * 10 + int(a[-i])
    return out
# case: walk_back(np.array([1, 2, 3, 4]))
# case: walk_back(np.array([9]))
# case: walk_back(np.zeros((0,), dtype=np.int64))


#pykernel export bracket_1d(int64[])
def bracket_1d(a):
    return a[len(a) - 1] - a[0]
# case: bracket_1d(np.array([3, 10, 20]))
# case: bracket_1d(np.array([-5]))
