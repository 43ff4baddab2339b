"""`raise E` / `raise E("message")` with builtin exceptions, and chained assignments
(`a = b = value`: the value computed once, targets assigned left to right)."""
import numpy as np


#pykernel export checked_sqrt(float)
def checked_sqrt(x):
    """The square root of `x`.

        Raises ValueError for a negative `x`.
    """
    if x < 0:
        raise ValueError("negative input")
    return x ** 0.5
# case: checked_sqrt(4.0)
# case: checked_sqrt(-1.0)


#pykernel export find(int64[:], int64)
def find(a, v):
    for i in range(len(a)):
        if a[i] == v:
            return i
    raise IndexError("not found")
# case: find(np.arange(10), 7)
# case: find(np.arange(10), 70)


#pykernel export kinds(int)
def kinds(k):
    if k == 0:
        raise ValueError
    elif k == 1:
        raise RuntimeError("did not converge")
    elif k == 2:
        raise ZeroDivisionError()
    elif k == 3:
        raise OverflowError("too big")
    elif k == 4:
        raise Exception("generic")
    elif k == 5:
        raise AssertionError("assert")
    return k
# case: kinds(0)
# case: kinds(1)
# case: kinds(2)
# case: kinds(3)
# case: kinds(4)
# case: kinds(5)
# case: kinds(6)


#pykernel export partial_writes(float64[:])
def partial_writes(a):
    for i in range(len(a)):
        if a[i] < 0:
            raise ValueError("negative element")
        a[i] = a[i] * 2
    return a.sum()
# case: partial_writes(np.array([1.0, 2.0, -3.0, 4.0]))
# case: partial_writes(np.array([1.0, 2.0]))


#pykernel export sieve(int)
def sieve(n):
    a = np.ones(n, dtype=np.bool_)
    a[0] = a[1] = False
    for i in range(2, n):
        if a[i]:
            for j in range(2 * i, n, i):
                a[j] = False
    return np.count_nonzero(a)
# case: sieve(100)
# case: sieve(2)


#pykernel export chains(int)
def chains(n):
    x = y = n * 2
    lst = [0, 0, 0]
    lst[0] = lst[2] = x + 1
    a = b = np.zeros(3)
    a[0] = 5.0
    i = j = k = 0
    i += 1
    return x, y, lst, b[0], i, j, k
# case: chains(3)


#pykernel export count_calls(float64[:])
def count_calls(a):
    a[0] = a[1] = bump(a)
    return a
def bump(a):
    a[2] += 1.0
    return a[2]
# case: count_calls(np.zeros(4))


#pykernel export unpack_rows(float64[::,::])
def unpack_rows(pts):
    x, y = pts.T
    a, b = pts[0] - pts[1]
    first, second = pts[:2]
    return x + y, a * b, first - second
# case: unpack_rows(np.linspace(0, 1, 10).reshape(5, 2) ** 1.5)
# case: unpack_rows(np.linspace(0, 1, 10).reshape(2, 5).T)
# case: unpack_rows(np.linspace(0, 1, 6).reshape(3, 2))


#pykernel export unpack_errors(float64[:])
def unpack_errors(v):
    a, b = v
    return a - b
# case: unpack_errors(np.array([1.0, 2.0]))
# case: unpack_errors(np.array([1.0, 2.0, 3.0]))
# case: unpack_errors(np.array([1.0]))


#pykernel export local_import(float64[:])
def local_import(x):
    import numpy as npl
    from math import sqrt as root
    if len(x) > 2:
        import math
        return npl.sum(x) + math.pi + root(2.0)
    return npl.max(x) + root(4.0)
# case: local_import(np.arange(5.0))
# case: local_import(np.arange(2.0))


#pykernel export tuple_rows(int)
def tuple_rows(n):
    force = np.ones((n, 2))
    force[0] = force[-1] = 0, 0
    force[1] = (2.5, -1)
    force[2, :] = 7, 8
    force[1:3, 0] = (9, 10)
    k = np.zeros((2, 3), dtype=np.int32)
    k[1] = (1, 2, 3)
    k[0, 1:] = True, 5
    return force, k
# case: tuple_rows(4)
# case: tuple_rows(3)


#pykernel export tuple_row_mismatch(int)
def tuple_row_mismatch(n):
    a = np.zeros((2, n))
    a[0] = (1.0, 2.0, 3.0)
    return a
# case: tuple_row_mismatch(3)
# case: tuple_row_mismatch(2)
# case: tuple_row_mismatch(1)


#pykernel export alloc_keywords(int)
def alloc_keywords(n):
    a = np.empty(shape=(n, 2), dtype=np.float64)
    a.fill(1.5)
    b = np.full(shape=n, fill_value=3, dtype=np.int32)
    c = np.zeros(shape=(2,))
    return a, b, c
# case: alloc_keywords(3)


#pykernel export var_positional(float64[:,:])
def var_positional(items):
    return items.var(1, None, None, 1), items.sum(0, None, None, True), np.mean(items, 0, None, None, False)
# case: var_positional(np.arange(12.0).reshape(3, 4) ** 1.5)


#pykernel export arrays_from(float64[::,::], int64[:])
def arrays_from(X, v):
    d = np.array([[np.sum((x - y) ** 2) for x in X] for y in X])
    c = np.array(X[::-1])
    e = np.array(v, dtype=np.float32)
    rows = np.array([v, v * 2, -v])
    lst = [[1, 2], [3, 4], [5, 6]]
    return d, c, e, rows, np.array(lst), np.array(lst, dtype=float)
# case: arrays_from(np.arange(6.0).reshape(3, 2), np.array([1, 2, 3]))
# case: arrays_from(np.zeros((1, 0)), np.zeros(0, dtype=np.int64))


#pykernel export ragged(int)
def ragged(n):
    return np.array([[1.0] * n, [2.0, 3.0]])
# case: ragged(2)
# case: ragged(3)


#pykernel export copy_into(float64[:,:], float64[:,:], int32[:])
def copy_into(dst, src, k):
    np.copyto(dst, src * 2)
    np.copyto(dst[0], 1.5)
    np.copyto(k, k + 1)
    return dst.sum()
# case: copy_into(np.zeros((2, 3)), np.arange(6.0).reshape(2, 3), np.arange(3, dtype=np.int32))
# case: copy_into(np.zeros((2, 3)), np.arange(3.0).reshape(1, 3), np.arange(3, dtype=np.int32))
# case: copy_into(np.zeros((2, 3)), np.arange(4.0).reshape(2, 2), np.arange(3, dtype=np.int32))
