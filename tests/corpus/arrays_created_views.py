"""Views of arrays the kernel creates, returned: slices (steps, negative steps, empty),
rows and columns of 2-D/3-D arrays, transposes, views of views, views returned from
helpers and inside tuples and lists. CPython returns NumPy views of the new array; so
does the compiled code (same shape, strides and memory position, and two results that
share memory in CPython share it in the compiled result)."""
import numpy as np


#pykernel export first_k(int64[:], int)
def first_k(a, k):
    out = np.zeros(len(a), dtype=np.int64)
    for i in range(k):
        out[i] = a[i] * 2
    return out[:k]
# case: first_k(np.arange(6), 3)
# case: first_k(np.arange(6), 0)
# case: first_k(np.arange(6), 6)
# case: first_k(np.arange(6), 7)


#pykernel export positives(float64[:])
def positives(a):
    out = np.empty(len(a))
    k = 0
    for x in a:
        if x > 0:
            out[k] = x
            k += 1
    return out[:k]
# case: positives(np.array([1.5, -2.0, 3.0, 0.0, 4.25]))
# case: positives(np.array([-1.0]))
# case: positives(np.zeros(0))


#pykernel export steps(int)
def steps(n):
    out = np.arange(n)
    return out[::2], out[1::3], out[::-1], out[n - 1:0:-2]
# case: steps(10)
# case: steps(1)


#pykernel export both(int, int)
def both(n, k):
    out = np.zeros(n)
    for i in range(n):
        out[i] = i + 0.5
    return out, out[:k]
# case: both(5, 2)
# case: both(5, 5)
# case: both(0, 0)


#pykernel export both_reversed(int, int)
def both_reversed(n, k):
    out = np.ones(n, dtype=np.int32)
    return out[k:], out
# case: both_reversed(4, 1)


#pykernel export halves(int)
def halves(n):
    out = np.arange(float(n))
    return [out[:n // 2], out[n // 2:], out[::2]]
# case: halves(6)
# case: halves(1)


#pykernel export rows_cols(int, int)
def rows_cols(n, m):
    g = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            g[i, j] = 10 * i + j
    return g[1], g[:, 2], g[-1, ::-1], g[1:, ::2], g[::-1, ::-1]
# case: rows_cols(3, 4)


#pykernel export transposed(int, int)
def transposed(n, m):
    g = np.zeros((n, m), dtype=np.int16)
    for i in range(n):
        for j in range(m):
            g[i, j] = 10 * i + j
    return g.T, g.T[1], g.T[::2, 1:], g
# case: transposed(2, 3)
# case: transposed(3, 1)


#pykernel export cube(int)
def cube(n):
    t = np.zeros((2, 3, n), dtype=np.complex128)
    for i in range(2):
        for j in range(3):
            for k in range(n):
                t[i, j, k] = complex(i, j * n + k)
    return t[1], t[:, 1], t[1, 2], t.T, t[:, :, ::-1]
# case: cube(4)


#pykernel export view_of_view(int)
def view_of_view(n):
    out = np.full(n, 3, dtype=np.uint8)
    a = out[1:]
    b = a[::2]
    b[0] = 7
    return b[1:]
# case: view_of_view(9)
# case: view_of_view(2)


#pykernel export empties(int)
def empties(n):
    out = np.zeros((n, 3))
    return out[n:], out[:, 3:], out[1:1], out[:, ::-1][:, 3:]
# case: empties(2)


def head(a, k):
    return a[:k]


def make_tail(n):
    out = np.zeros(n, dtype=bool)
    for i in range(0, n, 2):
        out[i] = True
    return out[1:]


#pykernel export from_helpers(int, int)
def from_helpers(n, k):
    out = np.linspace(0.0, 1.0, n)
    return head(out, k), make_tail(n)
# case: from_helpers(5, 3)


#pykernel export others(float64[:])
def others(a):
    c = a.copy()
    z = np.zeros_like(a)
    f = a.flatten()
    l = np.linspace(0.0, 1.0, 5)
    r = np.arange(10)
    return c[1:], z[::2], f[::-1], l[1:], r[2:5]
# case: others(np.array([1.0, 2.0, 3.0]))


#pykernel export fortran_like(float64[:,:] order(F))
def fortran_like(a):
    z = np.zeros_like(a)
    z[0, 0] = 1.0
    return z[1:], z.T, z[:, 1]
# case: fortran_like(np.asfortranarray(np.arange(6.0).reshape(2, 3)))


#pykernel export view_with_scalar(int)
def view_with_scalar(n):
    out = np.zeros((n, n))
    for i in range(n):
        out[i, i] = 1.0
    return (out[1], n), out[0, 1:]
# case: view_with_scalar(3)


#pykernel export twice(int)
def twice(n):
    out = np.full((n, 2), 1.5)
    return out, out
# case: twice(3)


#pykernel export appended_and_viewed(float64[:] list, int)
def appended_and_viewed(arrs, n):
    out = np.zeros(n)
    arrs.append(out)
    out[0] = 1.0
    return out[1:]
# case: appended_and_viewed([np.ones(2)], 3)


#pykernel export through_tuple(int)
def through_tuple(n):
    pair = (np.arange(n), n)
    return pair[0][1:], pair[1]
# case: through_tuple(4)


#pykernel export cube_slices(int)
def cube_slices(n):
    t = np.ones((3, n, 2), dtype=np.float32)
    return t[1, :, ::-1], t[::2, 1:, 1]
# case: cube_slices(3)
