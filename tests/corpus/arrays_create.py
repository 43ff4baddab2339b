"""New arrays: np.zeros / ones / empty / full with an int or tuple shape and a dtype
(`np.float64`, `np.int32`, `float`, `int`, `bool`, ...), the `_like` variants, and
arrays in result tuples."""
import numpy as np


#pykernel export zeros1(int)
def zeros1(n):
    a = np.zeros(n)
    for i in range(n):
        a[i] = i * 0.5
    return a
# case: zeros1(4)
# case: zeros1(0)
# case: zeros1(-1)


#pykernel export zeros2(int, int)
def zeros2(n, m):
    a = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = i * m + j
    return a
# case: zeros2(2, 3)
# case: zeros2(0, 3)
# case: zeros2(3, 0)
# case: zeros2(2, -3)


#pykernel export zeros3_i32(int)
def zeros3_i32(n):
    a = np.zeros((n, 2, 3), dtype=np.int32)
    for i in range(n):
        a[i, 1, 2] = i + 1
    return a
# case: zeros3_i32(2)


#pykernel export zeros_tuple1(int)
def zeros_tuple1(n):
    return np.zeros((n,), dtype=np.int64)
# case: zeros_tuple1(3)


#pykernel export ones_kinds(int)
def ones_kinds(n):
    return (np.ones(n), np.ones(n, dtype=np.int32), np.ones((n, 2), dtype=bool),
            np.ones(n, dtype=np.uint8), np.ones(n, dtype=np.float32))
# case: ones_kinds(3)
# case: ones_kinds(0)


#pykernel export python_dtypes(int)
def python_dtypes(n):
    a = np.zeros(n, dtype=float)
    b = np.zeros(n, dtype=int)
    c = np.zeros(n, dtype=bool)
    if n > 0:
        a[0] = 1.5
        b[0] = -3
        c[0] = True
    return a, b, c
# case: python_dtypes(2)
# case: python_dtypes(0)


#pykernel export sized_dtypes(int)
def sized_dtypes(n):
    return (np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int16),
            np.zeros(n, dtype=np.uint16), np.zeros(n, dtype=np.uint32),
            np.zeros(n, dtype=np.uint64), np.zeros(n, dtype=np.float64),
            np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.bool_))
# case: sized_dtypes(2)


#pykernel export full_values(int)
def full_values(n):
    return (np.full(n, 2.5), np.full((n, 2), 7, dtype=np.int16),
            np.full(n, -1, dtype=np.int64), np.full(n, True, dtype=bool),
            np.full((2, n), 0.75, dtype=np.float32), np.full(n, 200, dtype=np.uint8))
# case: full_values(3)
# case: full_values(0)


#pykernel export full_param(int, float)
def full_param(n, v):
    return np.full((n, n), v)
# case: full_param(2, -0.0)
# case: full_param(1, nan)
# case: full_param(-2, 1.0)


#pykernel export empty_filled(int)
def empty_filled(n):
    a = np.empty(n, dtype=np.int64)
    b = np.empty((n, 2))
    for i in range(n):
        a[i] = i * i
        b[i, 0] = 1.0
        b[i, 1] = -1.0
    return a, b
# case: empty_filled(4)


#pykernel export likes(float64[:,:])
def likes(a):
    z = np.zeros_like(a)
    o = np.ones_like(a)
    f = np.full_like(a, 2.5)
    e = np.empty_like(a)
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            e[i, j] = a[i, j] + 1.0
            z[i, j] += a[i, j]
    return z, o, f, e
# case: likes(np.arange(6.0).reshape(2, 3))
# case: likes(np.asfortranarray(np.arange(6.0).reshape(2, 3)))  # expect-error ValueError a
# case: likes(np.zeros((0, 2)))


#pykernel export likes_f(float64[:,:] order(F))
def likes_f(a):
    z = np.zeros_like(a)
    e = np.empty_like(a)
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            z[i, j] = a[i, j] * 2.0
            e[i, j] = -a[i, j]
    return z, e, np.ones_like(a), np.full_like(a, -0.5), a.copy()
# case: likes_f(np.asfortranarray(np.arange(6.0).reshape(2, 3)))


#pykernel export likes_int(int32[:])
def likes_int(a):
    z = np.zeros_like(a)
    f = np.full_like(a, 7)
    for i in range(len(a)):
        z[i] = a[i] * 2
    return z, f, np.ones_like(a)
# case: likes_int(np.array([1, -2, 3], dtype=np.int32))


#pykernel export likes_bool(bool[:])
def likes_bool(a):
    z = np.zeros_like(a)
    for i in range(len(a)):
        z[i] = not a[i]
    return z, np.ones_like(a)
# case: likes_bool(np.array([True, False]))


#pykernel export likes_strided(float64[::])
def likes_strided(a):
    z = np.zeros_like(a)
    for i in range(len(a)):
        z[i] = a[i] * 2.0
    return z
# case: likes_strided(np.arange(10.0)[::3])


#pykernel export identity(int)
def identity(n):
    a = np.zeros((n, n))
    for i in range(n):
        a[i, i] = 1.0
    return a
# case: identity(3)
# case: identity(0)


#pykernel export split_signs(float64[:])
def split_signs(a):
    npos = 0
    for x in a:
        if x >= 0.0:
            npos += 1
    pos = np.zeros(npos)
    neg = np.zeros(len(a) - npos)
    i = 0
    j = 0
    for x in a:
        if x >= 0.0:
            pos[i] = x
            i += 1
        else:
            neg[j] = x
            j += 1
    return pos, neg, npos
# case: split_signs(np.array([1.0, -2.0, 3.0, -0.5, 0.0]))
# case: split_signs(np.zeros((0,)))


#pykernel export same_twice(int)
def same_twice(n):
    a = np.zeros(n)
    return a, a
# case: same_twice(2)


#pykernel export new_then_copy(int)
def new_then_copy(n):
    a = np.ones(n, dtype=np.int64)
    b = a.copy()
    b[0] = 5
    return a, b
# case: new_then_copy(3)


#pykernel export reassign(int)
def reassign(n):
    a = np.zeros(n)
    a = np.ones(n + 1)
    a[0] = 3.0
    return a
# case: reassign(2)


#pykernel export row_of_new(int)
def row_of_new(n):
    a = np.zeros((n, 3))
    for i in range(n):
        for j in range(3):
            a[i, j] = 10 * i + j
    return a[n - 1], a
# case: row_of_new(2)
# case: row_of_new(0)

