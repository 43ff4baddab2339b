# Arrays inside tuples and lists of export arguments, and tuples/lists of arrays as
# results. The arrays in a container are views of the caller's arrays: in-place writes
# are seen by the caller, and the container keeps the same array objects.
import numpy as np


#pykernel export tuple_arg((float64[:], int))
def tuple_arg(t):
    a, k = t
    a[0] = a[0] + k
    return a[-1] * k
# case: tuple_arg((np.arange(3.0), 3))
# case: tuple_arg((np.arange(1.0, 2.0), -2))
# case: tuple_arg((np.zeros(0), 1))
# case: tuple_arg((np.ma.masked_array(np.arange(3.0), mask=[1, 0, 0]), 3))  # expect-error TypeError t


#pykernel export list_arg(float64[:] list)
def list_arg(arrays):
    total = 0.0
    for a in arrays:
        for i in range(len(a)):
            total += float(a[i])
        if len(a) > 0:
            a[0] = -1.0
    return total, len(arrays)
# case: list_arg([np.arange(3.0), np.ones(2)])
# case: list_arg([])
# case: list_arg([np.zeros(0)])
# case: list_arg([np.ones(2), readonly(np.ones(2))])  # expect-error TypeError arrays
# case: list_arg([np.ones(2), np.ma.ones(2)])  # expect-error TypeError arrays


#pykernel export list_sum(float64[:] list, (int64[:,:], float64))
def list_sum(arrays, pair):
    m, w = pair
    total = 0.0
    for a in arrays:
        for i in range(len(a)):
            total += a[i] * w
    return float(total) + float(m[0, 0])
# case: list_sum([readonly(np.arange(3.0)), np.ones(2)[::2]], (readonly(np.ones((2, 2), dtype=np.int64)), 2.0))
# case: list_sum([], (np.zeros((1, 1), dtype=np.int64), 1.0))
# case: list_sum([np.ones(2)], (np.matrix(np.ones((2, 2), dtype=np.int64)), 1.0))  # expect-error TypeError pair


#pykernel export list_helper_writes(float64[:] list)
def list_helper_writes(arrays):
    for a in arrays:
        bump(a)
    return len(arrays)


def bump(a):
    a[0] += 1.0
# case: list_helper_writes([np.ones(2)])
# case: list_helper_writes([readonly(np.ones(2))])  # expect-error TypeError arrays


#pykernel export pair_result(int)
def pair_result(n):
    a = np.zeros(n)
    b = np.arange(n)
    for i in range(n):
        a[i] = b[i] * 0.5
    return a, b
# case: pair_result(4)
# case: pair_result(0)


#pykernel export rows_as_list(int64[:,:])
def rows_as_list(m):
    out = []
    for r in m:
        out.append(r[0] + r[-1])
    return out
# case: rows_as_list(np.arange(6).reshape(3, 2))
