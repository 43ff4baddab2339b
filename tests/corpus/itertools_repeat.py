# `for x in itertools.repeat(value, times)` (Pythran's descent.py): the value computed
# once, `times=` as a keyword, zero and negative counts, break/else, `from itertools
# import repeat`, and the gradient-descent shape with arrays.
import itertools as it
from itertools import repeat

import numpy as np


#pykernel export count_none(int)
def count_none(n):
    k = 0
    for _ in it.repeat(None, n):
        k += 1
    return k
# case: count_none(5)
# case: count_none(0)
# case: count_none(-3)


#pykernel export sum_value(float, int)
def sum_value(x, n):
    s = 0.0
    for v in repeat(x * 2.0, times=n):
        s += v
    return s
# case: sum_value(1.25, 4)
# case: sum_value(-0.5, 1)


#pykernel export evaluated_once(int list, int)
def evaluated_once(a, n):
    total = 0
    for v in repeat(a.pop(), n):
        total += v
    return total, a
# case: evaluated_once([1, 2, 3], 3)
# case: evaluated_once([7], 0)


#pykernel export break_and_else(int, int)
def break_and_else(n, stop):
    i = 0
    for t in it.repeat((1, 2.5), n):
        i += t[0]
        if i == stop:
            break
    else:
        i = -i
    return i
# case: break_and_else(5, 3)
# case: break_and_else(5, 10)


#pykernel export descent(float[:], float[:], float, int)
def descent(x, d, mu, epochs):
    n = len(x)
    f = 2 / n
    y = np.zeros(n)
    err = np.zeros(n)
    w = np.zeros(2)
    grad = np.empty(2)
    for _ in it.repeat(None, epochs):
        err[:] = d - y
        grad[:] = f * np.sum(err), f * (np.dot(err, x))
        w += mu * grad
        y = w[0] + w[1] * x
    return w
# case: descent(np.linspace(0.0, 2.0, 50), 3.0 + 2.0 * np.linspace(0.0, 2.0, 50), 0.01, 100)


#pykernel export forever(int)
def forever(n):
    # `repeat(value)` without a count: until `break`.
    i = 0
    for z in repeat(0):
        i += 1 + z
        if i >= n:
            break
    return i
# case: forever(4)
# case: forever(-1)
