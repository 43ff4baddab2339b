"""In-place effects and returned arguments: arguments are views of the caller's
memory, an argument returned is the same object, rows are views, `a.copy()` is not."""
import numpy as np


#pykernel export scale_inplace(float64[:,:], float64)
def scale_inplace(a, k):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] *= k
# case: scale_inplace(np.arange(6.0).reshape(2, 3), -1.5)
# case: scale_inplace(np.zeros((0, 4)), 2.0)


#pykernel export axpy(float64, float64[:], float64[:])
def axpy(alpha, x, y):
    for i in range(len(x)):
        y[i] += alpha * x[i]
    return y
# case: axpy(2.0, np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.25, -1.0]))
# case: axpy(0.5, np.zeros((0,)), np.zeros((0,)))
# case: axpy(1.0, np.array([1.0, 2.0, 3.0]), np.array([1.0]))


#pykernel export both(float64[:], int64[:])
def both(a, b):
    a[0] = 42.0
    b[-1] = -7
    return b, a
# case: both(np.array([1.0, 2.0]), np.array([5, 6, 7]))


#pykernel export pick(float64[:], float64[:], bool)
def pick(a, b, first):
    if first:
        return a
    return b
# case: pick(np.array([1.0]), np.array([2.0]), True)
# case: pick(np.array([1.0]), np.array([2.0]), False)


#pykernel export alias_local(float64[:])
def alias_local(a):
    b = a
    b[0] = 99.0
    return a
# case: alias_local(np.array([1.0, 2.0]))


#pykernel export alias_return_other_name(int32[:,:])
def alias_return_other_name(a):
    b = a
    b[1, 1] = 5
    c = b
    return c
# case: alias_return_other_name(np.zeros((2, 2), dtype=np.int32))


#pykernel export row_view_write(float64[:,:])
def row_view_write(a):
    r = a[1]
    r[0] = -1.0
    r[-1] += 100.0
    return a[1, 0] + a[1, 2]
# case: row_view_write(np.arange(6.0).reshape(2, 3))


#pykernel export rows_loop_write(int64[:,:])
def rows_loop_write(a):
    k = 0
    for r in a:
        r[0] = k
        k += 1
    return k
# case: rows_loop_write(np.full((3, 2), 9, dtype=np.int64))
# case: rows_loop_write(np.zeros((0, 2), dtype=np.int64))


#pykernel export nested_write(float64[:,:,:])
def nested_write(a):
    a[1][2][3] = 7.5
    plane = a[0]
    plane[1][0] = -2.0
    row = plane[2]
    row[1] = 3.0
    a[-1, 0, -1] += 1.0
# case: nested_write(np.zeros((2, 3, 4)))


#pykernel export copy_then_modify(float64[:])
def copy_then_modify(a):
    b = a.copy()
    b[0] = 7.0
    return b, a
# case: copy_then_modify(np.array([1.0, 2.0, 3.0]))


#pykernel export copy_2d(int16[::,::])
def copy_2d(a):
    b = a.copy()
    a[0, 0] = 1
    b[-1, -1] = 2
    return b
# case: copy_2d(np.zeros((2, 3), dtype=np.int16))
# case: copy_2d(np.asfortranarray(np.zeros((2, 3), dtype=np.int16)))


#pykernel export row_copy(float64[:,:])
def row_copy(a):
    r = a[0].copy()
    r[0] = 50.0
    return r
# case: row_copy(np.arange(4.0).reshape(2, 2))


#pykernel export reverse(int64[:])
def reverse(a):
    i = 0
    j = len(a) - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1
    return a
# case: reverse(np.array([1, 2, 3, 4, 5]))
# case: reverse(np.array([1, 2]))
# case: reverse(np.zeros((0,), dtype=np.int64))


#pykernel export swap_rows(float64[:,:], int, int)
def swap_rows(a, i, j):
    for k in range(a.shape[1]):
        a[i, k], a[j, k] = a[j, k], a[i, k]
# case: swap_rows(np.arange(6.0).reshape(3, 2), 0, 2)
# case: swap_rows(np.arange(6.0).reshape(3, 2), -1, 1)
# case: swap_rows(np.arange(6.0).reshape(3, 2), 0, 3)


#pykernel export clip_inplace(int32[:], int32, int32)
def clip_inplace(a, lo, hi):
    changed = 0
    for i in range(len(a)):
        if a[i] < lo:
            a[i] = lo
            changed += 1
        elif a[i] > hi:
            a[i] = hi
            changed += 1
    return changed
# case: clip_inplace(np.array([-5, 0, 5, 10, 15], dtype=np.int32), 0, 10)


#pykernel export partial_then_raise(float64[:])
def partial_then_raise(a):
    for i in range(len(a) + 1):
        a[i] = -a[i]
# case: partial_then_raise(np.array([1.0, 2.0, 3.0]))


#pykernel export float_augops(float64[:])
def float_augops(a):
    a[0] += 1.5
    a[1] -= 1.5
    a[2] *= 1.5
    a[3] /= 4.0
    a[4] //= 2.0
    a[5] %= 2.5
    a[6] **= 2
    return a
# case: float_augops(np.array([1.0, 2.0, 3.0, 5.0, 7.5, -7.0, 3.0]))


#pykernel export int_augops(int64[:,:])
def int_augops(a):
    a[0, 0] += 3
    a[0, 1] -= 3
    a[0, 2] *= 3
    a[1, 0] //= 2
    a[1, 1] %= 5
    a[1, 2] **= 2
    return a
# case: int_augops(np.array([[1, 2, 3], [-7, -7, 9]]))


#pykernel export div_by_zero_float(float64[:])
def div_by_zero_float(a):
    a[0] /= 0.0
    a[1] = a[1] / 0.0
    a[2] = a[2] % 0.0
    a[3] = a[3] // 0.0
    return a
# case: div_by_zero_float(np.array([1.0, -2.0, 3.0, 0.0]))


#pykernel export pick_second(float64[:], float64[:])
def pick_second(a, b):
    b[0] = -1.0
    return b
# case: pick_second(np.array([1.0, 2.0]), np.array([3.0]))
# case: pick_second((x := np.array([1.0, 2.0])), x)
# case: pick_second((x := np.array([1.0, 2.0])), x[:])
