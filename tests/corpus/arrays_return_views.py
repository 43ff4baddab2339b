"""Views of part of an argument returned from a kernel are NumPy views of that argument
(sharing its memory, as in CPython), not copies: slices, rows, columns, transposes,
reversed and strided views, views inside tuples, and of read-only arguments."""
import numpy as np


#pykernel export tail(float64[:])
def tail(a):
    return a[1:]
# case: tail(np.arange(5.0))
# case: tail(readonly(np.arange(5.0)))
# case: tail(np.zeros(0))


#pykernel export row_and_col(int32[:,:], int)
def row_and_col(m, k):
    r = m[k]
    r[0] = 7
    return r, m[:, k], m.T
# case: row_and_col(np.arange(12, dtype=np.int32).reshape(3, 4), 1)
# case: row_and_col(np.arange(12, dtype=np.int32).reshape(3, 4), -1)


#pykernel export backwards(float64[::], int)
def backwards(a, step):
    v = a[::-1]
    v[0] = -1.0
    return v[::step]
# case: backwards(np.arange(8.0), 2)
# case: backwards(np.arange(16.0)[::3], 1)
# case: backwards(np.arange(8.0), -3)


#pykernel export inner_block(float64[:,:] order(F))
def inner_block(m):
    b = m[1:-1, 1:-1]
    b[0, 0] = 100.0
    return b, m.shape[0]
# case: inner_block(np.asfortranarray(np.arange(20.0).reshape(4, 5)))


#pykernel export pick(float64[:], float64[:], bool)
def pick(a, b, first):
    if first:
        return a[:2]
    return b[2:]
# case: pick(np.arange(4.0), np.arange(4.0) + 10.0, True)
# case: pick(np.arange(4.0), np.arange(4.0) + 10.0, False)
# case: pick((x := np.arange(6.0)), x[1:], False)
