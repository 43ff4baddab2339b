"""Array methods and attributes: `a.fill(v)` (stores like `a[...] = v`: casts, NaN into
an integer array raises, a read-only argument is refused), `a.transpose()` (a view),
`a.flatten()` (a new 1-D array in C order), `a.itemsize`, `a.nbytes`."""
import numpy as np


#pykernel export fill_rows(float64[:,:], float64)
def fill_rows(m, v):
    m[0].fill(v)
    m.T[1].fill(v * 2)
    return m
# case: fill_rows(np.zeros((2, 3)), 1.5)
# case: fill_rows(np.zeros((1, 1)), 1.5)
# case: fill_rows(readonly(np.zeros((2, 3))), 1.5)  # expect-error ValueError m


#pykernel export fill_int(int32[:], float64)
def fill_int(a, v):
    a.fill(v)
    return a
# case: fill_int(np.zeros(3, dtype=np.int32), 2.7)
# case: fill_int(np.zeros(3, dtype=np.int32), -2.7)
# case: fill_int(np.zeros(3, dtype=np.int32), nan)


#pykernel export fill_new(int, int)
def fill_new(n, v):
    a = np.empty(n, dtype=np.uint8)
    a.fill(v)
    return a
# case: fill_new(3, 7)
# case: fill_new(0, 7)
# case: fill_new(2, 300)


#pykernel export flat_sum(int64[::,::])
def flat_sum(m):
    f = m.flatten()
    f[0] = 100
    s = 0
    for k in range(len(f)):
        s += f[k] * (k + 1)
    return int(s), f, m.transpose()
# case: flat_sum(np.arange(6).reshape(2, 3))
# case: flat_sum(np.arange(6).reshape(2, 3).T)
# case: flat_sum(np.zeros((0, 3), dtype=np.int64))


#pykernel export sizes(complex64[:,:] or int16[:] or bool[:])
def sizes(a):
    return a.itemsize, a.nbytes, a.size
# case: sizes(np.zeros((2, 3), dtype=np.complex64))
# case: sizes(np.zeros(5, dtype=np.int16))
# case: sizes(np.zeros(0, dtype=bool))
