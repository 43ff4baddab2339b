"""Integer-array ("fancy") indexing (SPEC 9): `a[idx]` with an integer array or list
(the result has idx's shape plus the axes left), negative and repeated indices,
`a[i_arr, j_arr]` (index arrays broadcast together), `a[idx, :]`, `a[:, idx]`,
`a[0, :, idx]` (NumPy's placement of the index arrays' axes), stores `a[idx] = v` (the
last of repeated indices wins) and in-place operators (`a[[0, 0]] += 1` adds once),
`np.take` (flattened, `axis=`), `np.put`; out-of-range indices raise NumPy's
`IndexError`. Results are new arrays."""
import numpy as np


#pykernel export gather(float64[::], int64[::])
#pykernel export gather(int32[::], int64[::])
#pykernel export gather(int64[::], int32[::])
#pykernel export gather(uint8[::], uint8[::])
#pykernel export gather(float32[::], int64[::])
#pykernel export gather(complex128[::], int64[::])
#pykernel export gather(bool[::], int64[::])
def gather(a, idx):
    return a[idx]
# case: gather(np.arange(5.0) * 1.5, np.array([4, 0, -1, 2, 2, -5]))
# case: gather(np.arange(10.0)[::-3], np.array([0, 3, 1]))
# case: gather(np.arange(5, dtype=np.int32), np.array([], dtype=np.int64))
# case: gather(np.arange(5), np.array([1, 1, 1], dtype=np.int32))
# case: gather(np.arange(200, 256, 10, dtype=np.uint8), np.array([5, 0, 3], dtype=np.uint8))
# case: gather(np.arange(4, dtype=np.float32) / 3, np.array([3, -4]))
# case: gather(np.arange(4) * (1 - 1j), np.array([3, 0]))
# case: gather(np.array([True, False]), np.array([1, 0, 1]))
# case: gather(np.arange(3.0), np.array([3]))
# case: gather(np.arange(3.0), np.array([0, -4]))
# case: gather(np.zeros((0,)), np.array([0]))
# case: gather(np.zeros((0,)), np.zeros((0,), dtype=np.int64))
# case: gather(readonly(np.arange(3.0)), readonly(np.array([2, 0])))


#pykernel export gather2d(float64[:], int64[:,:])
def gather2d(a, idx):
    r = a[idx]
    return r, r.shape
# case: gather2d(np.arange(6.0), np.array([[0, 1, 2], [5, 4, -1]]))
# case: gather2d(np.arange(6.0), np.zeros((2, 0), dtype=np.int64))


#pykernel export rows_of(int64[::,::], int64[:])
def rows_of(a, idx):
    return a[idx], a[idx, :], a[:, idx], a[idx][:, 0], a[idx, 1:], a[::-1, idx]
# case: rows_of(np.arange(12).reshape(3, 4), np.array([2, 0, 2]))
# case: rows_of(np.arange(12).reshape(4, 3).T, np.array([-1, 1]))
# case: rows_of(np.asfortranarray(np.arange(12).reshape(3, 4)), np.array([0]))
# case: rows_of(np.arange(12).reshape(3, 4), np.array([3]))
# case: rows_of(np.arange(12).reshape(3, 4), np.zeros((0,), dtype=np.int64))


#pykernel export pairs(float64[:,:], int64[:], int64[:])
def pairs(a, i, j):
    return a[i, j], a[i, 0], a[-1, j]
# case: pairs(np.arange(12.0).reshape(3, 4), np.array([0, 1, 2]), np.array([3, 2, 1]))
# case: pairs(np.arange(12.0).reshape(3, 4), np.array([0, 1]), np.array([3, 2, 1]))
# case: pairs(np.arange(12.0).reshape(3, 4), np.array([0]), np.array([3, 2, 1]))
# case: pairs(np.arange(12.0).reshape(3, 4), np.array([0, 1, 2]), np.array([4, 2, 1]))


#pykernel export grid(float64[:,:], int64[:,:], int64[:,:])
def grid(a, i, j):
    return a[i, j]
# case: grid(np.arange(12.0).reshape(3, 4), np.array([[0], [2]]), np.array([[1, 2, 3]]))
# case: grid(np.arange(12.0).reshape(3, 4), np.array([[0, 1]]), np.array([[1, 2, 3]]))


#pykernel export three(int32[:,:,:], int64[:], int64[:])
def three(a, i, j):
    return a[:, i, j], a[0, :, j], a[i, :, j], a[:, :, j], a[..., j], a[i, ...], a[:, i]
# case: three(np.arange(24, dtype=np.int32).reshape(2, 3, 4), np.array([1, 0]), np.array([1, 2]))
# case: three(np.arange(24, dtype=np.int32).reshape(2, 3, 4), np.array([1, 0]), np.array([3, 3]))


#pykernel export lists(float64[:,:])
def lists(a):
    return a[[0, 2]], a[:, [1, -1]], a[[1, 1], [0, 2]], a[[0, 2], 1:]
# case: lists(np.arange(12.0).reshape(3, 4))
# case: lists(np.arange(12.0).reshape(4, 3))
# case: lists(np.arange(12.0).reshape(2, 6))


#pykernel export store(float64[::], int64[::], float64)
#pykernel export store(int32[::], int64[::], float64)
#pykernel export store(uint8[::], int32[::], float64)
#pykernel export store(complex128[::], int64[::], float64)
def store(a, idx, v):
    a[idx] = v
    return a
# case: store(np.zeros(5), np.array([0, 2, -1]), 1.5)
# case: store(np.arange(10.0)[::2], np.array([1, 1]), -2.0)
# case: store(np.zeros(5, dtype=np.int32), np.array([4]), 7.0)
# case: store(np.zeros(5, dtype=np.uint8), np.array([4, 0], dtype=np.int32), 200.0)
# case: store(np.zeros(3, dtype=complex), np.array([2]), 2.5)
# case: store(np.zeros(5), np.array([0, 5]), 1.0)
# case: store(np.zeros(5), np.zeros((0,), dtype=np.int64), 1.0)


#pykernel export store_array(float64[:], int64[:], float64[:])
#pykernel export store_array(int64[:], int64[:], int64[:])
def store_array(a, idx, v):
    a[idx] = v
# case: store_array(np.zeros(5), np.array([0, 2, 0]), np.array([1.0, 2.0, 3.0]))
# case: store_array(np.zeros(5), np.array([0, 2]), np.array([9.0]))
# case: store_array(np.zeros(5), np.array([0, 2]), np.array([1.0, 2.0, 3.0]))
# case: store_array(np.zeros(5), np.array([0, 7]), np.array([1.0, 2.0]))
# case: store_array(np.arange(5), np.array([-1, -2]), np.array([10, 20]))
# case: store_array((b := np.arange(6))[:5], np.array([0, 1, 2]), b[1:4])


#pykernel export store_rows(float64[:,:], int64[:])
def store_rows(a, idx):
    a[idx] = 1.0
    a[:, idx] = np.arange(idx.shape[0] * 1.0) + 10
    a[idx, 0] = -a[idx, 1]
    return a
# case: store_rows(np.zeros((3, 3)), np.array([0, 2]))
# case: store_rows(np.zeros((3, 3)), np.array([1, 1]))


#pykernel export no_accumulate(float64[:], int64[:], float64[:])
def no_accumulate(a, idx, v):
    a[idx] += 1
    a[[0, 0]] += 10
    a[idx] *= v
    a[idx] -= a[idx]
    a[idx] += 0.5
# case: no_accumulate(np.zeros(4), np.array([1, 1, 3]), np.array([2.0, 3.0, 4.0]))
# case: no_accumulate(np.zeros(4), np.array([1, 1, 3]), np.array([2.0]))
# case: no_accumulate(np.zeros(4), np.array([1, 3]), np.array([2.0, 3.0, 4.0]))


#pykernel export int_updates(int32[:], int64[:])
def int_updates(a, idx):
    a[idx] += 3
    a[idx] //= 2
    a[idx] %= 4
    a[-idx - 1] *= -1
    return a
# case: int_updates(np.arange(6, dtype=np.int32), np.array([0, 2, 2, 5]))
# case: int_updates(np.arange(6, dtype=np.int32), np.array([6]))


#pykernel export takes(float64[:,:], int64[:], int64)
def takes(a, idx, axis):
    return (np.take(a, idx), np.take(a, idx, axis=0), np.take(a, idx, axis), a.take(idx, axis=1),
            np.take(a, 3), np.take(a, [1, -1], -1), np.take(a, 0, axis=1))
# case: takes(np.arange(12.0).reshape(3, 4), np.array([0, 2, -1]), 1)
# case: takes(np.arange(12.0).reshape(3, 4), np.array([0, 2]), -2)
# case: takes(np.arange(12.0).reshape(3, 4), np.array([0, 2]), 2)
# case: takes(np.arange(12.0).reshape(3, 4), np.array([12]), 0)
# case: takes(np.arange(12.0).reshape(3, 4), np.array([0, 3]), 0)


#pykernel export take_scalar(int64[:], int64)
def take_scalar(a, i):
    return np.take(a, i), a.take(i, axis=0)
# case: take_scalar(np.arange(5) * 3, -2)
# case: take_scalar(np.arange(5) * 3, 5)


#pykernel export puts(float64[::,::], int64[:], float64[:])
def puts(a, idx, v):
    np.put(a, idx, v)
    np.put(a, 0, -1.0)
    a.put([1, -1], 9)
    return a
# case: puts(np.zeros((2, 3)), np.array([0, 2, 4, 5]), np.array([1.0, 2.0]))
# case: puts(np.zeros((2, 3)).T, np.array([1, 2]), np.array([1.0, 2.0, 3.0]))
# case: puts(np.zeros((2, 3)), np.array([1, 2]), np.zeros((0,)))
# case: puts(np.zeros((2, 3)), np.array([6]), np.array([1.0]))
# case: puts(readonly(np.zeros((2, 3))), np.array([1]), np.array([1.0]))


#pykernel export put_ints(int32[:], int64[:])
def put_ints(a, idx):
    np.put(a, idx, 7.9)
    np.put(a, [0], np.array([2.5, 3.5]))
    return a
# case: put_ints(np.zeros(5, dtype=np.int32), np.array([1, -1]))


#pykernel export perm_loop(float64[:], int64[:], int)
def perm_loop(a, p, n):
    acc = np.zeros(a.shape[0])
    for k in range(n):
        a = a[p]
        acc[p[:2]] += a[:2]
        acc += a[p] * 2
    return a, acc
# case: perm_loop(np.arange(5.0), np.array([1, 2, 3, 4, 0]), 7)
# case: perm_loop(np.arange(5.0), np.array([1, 2, 3, 4, 0]), 0)


#pykernel export index_expr(float64[:], int64[:])
def index_expr(a, idx):
    return a[idx % a.shape[0]] * 2 + a[idx[::-1] % 3], a[(idx + 1) % 3].sum()
# case: index_expr(np.array([3.0, 1.0, 2.0]), np.array([0, 4, 8, -1]))


#pykernel export sorted_by(float64[:], int64[:])
def sorted_by(keys, order):
    out = np.empty(order.shape[0])
    out[:] = keys[order]
    return out, keys[order[order >= 0]]
# case: sorted_by(np.array([0.5, 0.25, 0.125]), np.array([2, 0, -1, 1]))


#pykernel export tuple_index(float64[:,:], int64[:])
def tuple_index(a, j):
    t = (1, j)
    u = ([0, 1], [2, 0])
    return a[t], a[u], a[(j, j)]
# case: tuple_index(np.arange(12.0).reshape(3, 4), np.array([0, 3]))


#pykernel export small_dtypes(bool[:], float32[:], uint8[:], int64[:])
def small_dtypes(b, f, u, idx):
    b[idx] = True
    f[idx] += 1.5
    u[idx] += 250
    return b, f, u, b[idx[::-1]], f[idx[:1]], u[idx] // 2
# case: small_dtypes(np.zeros(4, dtype=bool), np.array([-1, 2, 0, 3], dtype=np.float32), np.arange(0, 40, 10, dtype=np.uint8), np.array([3, 1, 3]))
# case: small_dtypes(np.zeros(4, dtype=bool), np.zeros(4, dtype=np.float32), np.zeros(4, dtype=np.uint8), np.array([4]))


#pykernel export layouts(complex128[::,::], int32[:])
def layouts(z, idx):
    z[idx, 1:] *= 2j
    return z[idx], z[:, idx], z[idx][:, idx], z.T[idx]
# case: layouts(np.arange(12.0).reshape(3, 4) + 1j, np.array([2, 0], dtype=np.int32))
# case: layouts(np.asfortranarray(np.arange(12.0).reshape(4, 3)) - 1j, np.array([-1, 1, -1], dtype=np.int32))
# case: layouts((np.arange(24.0).reshape(4, 6) * 1j)[::-1, ::2], np.array([0, 2], dtype=np.int32))


#pykernel export layouts3(float64[::,::,::], int64[:], int64[:,:])
def layouts3(a, i, j):
    return a[:, i], a[:, :, i], a[:, i, :], a[..., j], a[:, j], a[i, :, i], a[:, i, 1:], a[1:, :, j]
# case: layouts3(np.arange(24.0).reshape(2, 3, 4), np.array([1, 0]), np.array([[0, 1], [1, 0]]))
# case: layouts3(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)), np.array([1, 0]), np.array([[0, 1], [1, 0]]))
# case: layouts3(np.arange(24.0).reshape(4, 3, 2).T, np.array([-1]), np.array([[0], [1], [0]]))
# case: layouts3(np.arange(96.0).reshape(4, 6, 4)[::-2, ::2, ::-1], np.array([1, 1, 0]), np.zeros((0, 2), dtype=np.int64))
# case: layouts3(np.arange(24.0).reshape(2, 3, 4).transpose(1, 0, 2), np.array([1, 0]), np.array([[0, 1]]))


#pykernel export tuple_values(float64[::,::], int64[:,:,:])
def tuple_values(x, k):
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            idx = min(i + 1, x.shape[0] - 1), j - 1
            out[idx] += x[idx] * 2
            out[i, j] -= x[idx]
            pos = (i, j)
            out[pos] = out[pos] + 0.5
    t = 0, 1, -1
    k[t] += 7
    k[t] = k[t] * 2
    last = x.shape[0] - 1, x.shape[1] - 1
    return out, x[last], k[t], k
# case: tuple_values(np.arange(12.0).reshape(3, 4), np.zeros((2, 2, 2), dtype=np.int64))
# case: tuple_values(np.arange(12.0).reshape(4, 3).T, np.ones((1, 2, 2), dtype=np.int64))
