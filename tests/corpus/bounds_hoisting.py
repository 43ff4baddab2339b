# Loops whose bounds checks are hoisted (one check before the loop, then an unchecked
# body) must behave exactly like the checked ones: same results, same IndexError at the
# same iteration, with the writes before it done.
import numpy as np


#pykernel export fill_prefix(float64[:], int)
def fill_prefix(a, n):
    for i in range(n):
        a[i] = i * 0.5
    return a[0]
# case: fill_prefix(np.zeros(5), 3)
# case: fill_prefix(np.zeros(5), 5)
# case: fill_prefix(np.zeros(5), 7)
# case: fill_prefix(np.zeros(0), 0)


#pykernel export shifted_sum(float64[:], int, int)
def shifted_sum(a, lo, off):
    s = 0.0
    for i in range(lo, len(a)):
        s += a[i + off] * 2.0
    return s
# case: shifted_sum(np.arange(6.0), 0, 0)
# case: shifted_sum(np.arange(6.0), 1, -1)
# case: shifted_sum(np.arange(6.0), 0, -1)
# case: shifted_sum(np.arange(6.0), 2, 1)


#pykernel export strided_marks(int, int)
def strided_marks(n, step):
    marks = [0] * n
    for j in range(1, n + 2, step):
        marks[j] = 1
    return sum(marks)
# case: strided_marks(10, 3)
# case: strided_marks(10, 11)
# case: strided_marks(10, 2)
# case: strided_marks(10, 0)
# case: strided_marks(10, -1)


#pykernel export list_dp(int, int)
def list_dp(n, c):
    ways = [0] * (n + 1)
    ways[0] = 1
    for a in range(c, n + 1):
        ways[a] = (ways[a] + ways[a - c]) % 1000003
    return ways[n]
# case: list_dp(20, 3)
# case: list_dp(0, 1)
# case: list_dp(5, 0)
# case: list_dp(5, -2)


#pykernel export grows_while_looping(int)
def grows_while_looping(n):
    xs = [1, 2]
    total = 0
    for i in range(n):
        total += xs[i]
        xs.append(i)
    return total, len(xs)
# case: grows_while_looping(5)
# case: grows_while_looping(0)


#pykernel export row_sums(int64[:,:], int)
def row_sums(m, row):
    s = 0
    for j in range(m.shape[1]):
        s += m[row, j]
    return s
# case: row_sums(np.arange(6).reshape(2, 3), 1)
# case: row_sums(np.arange(6).reshape(2, 3), -1)
# case: row_sums(np.arange(6).reshape(2, 3), 2)


#pykernel export enum_scale(float64[:], float64[:], int)
def enum_scale(a, out, off):
    for i, x in enumerate(a):
        out[i + off] = x * 2.0
    return out
# case: enum_scale(np.arange(3.0), np.zeros(3), 0)
# case: enum_scale(np.arange(3.0), np.zeros(3), 1)
# case: enum_scale(np.arange(3.0), np.zeros(5), -3)
# case: enum_scale(np.zeros(0), np.zeros(0), 4)


#pykernel export enum_start(int64[:], int64[:])
def enum_start(a, out):
    for i, x in enumerate(a, 1):
        out[i] += x
        out[i - 1] -= x
    return out
# case: enum_start(np.array([1, 2, 3]), np.zeros(4, dtype=np.int64))
# case: enum_start(np.array([1, 2, 3]), np.zeros(3, dtype=np.int64))


#pykernel export scatter(int64[:], int64[:])
def scatter(idx, out):
    for i, x in enumerate(idx):
        out[x] += i
    return out
# case: scatter(np.array([0, 2, 2, -1]), np.zeros(3, dtype=np.int64))
# case: scatter(np.array([1, 5, 0]), np.zeros(3, dtype=np.int64))


#pykernel export same_name(int64[:], int64[:])
def same_name(idx, out):
    for i, i in enumerate(idx):
        out[i] += 1
    return out
# case: same_name(np.array([2, 2, 0]), np.zeros(3, dtype=np.int64))
# case: same_name(np.array([2, 7]), np.zeros(3, dtype=np.int64))
