"""`np.partition`/`np.argpartition`/`a.partition()` (NumPy's introselect: every element
where NumPy puts it), `np.digitize` (both directions, mixed dtypes, NaN) and
`np.histogram` (values on edges, ranges of Python and NumPy numbers, weights of every
kind, density, edges given, blocks of 65536 values, NumPy's errors)."""
import numpy as np


#pykernel export parts(int8[::], uint8[::,::], int64)
def parts(a, b, k):
    return (np.partition(a, 3), np.partition(a, -1), np.argpartition(a, k), a.argpartition(0),
            np.partition(b, 1, axis=0), np.partition(b, 0, axis=None), np.argpartition(b, -1))
# case: parts(np.array([5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3, dtype=np.int8), np.array([[3, 1], [1, 1], [0, 9]], dtype=np.uint8), 7)
# case: parts(np.array([5, 3, 9, 1, 7, 2, 8, 6], dtype=np.int8)[::-1], np.array([[3, 1, 4], [1, 1, 0]], dtype=np.uint8).T, -2)
# case: parts(np.array([5, 3, 9, 1, 7, 2, 8, 6], dtype=np.int8), np.array([[3, 1, 4], [1, 1, 0]], dtype=np.uint8).T, 8)


#pykernel export multi(float64[::], int32[::,::])
def multi(x, m):
    y = x.copy()
    y.partition([2, 5])
    return (np.partition(x, (1, 4)), np.argpartition(x, [0, -1]), y,
            np.partition(m, (0, 1), axis=1), np.argpartition(m, [1, 2], axis=0))
# case: multi(np.array([3.0, np.nan, 1.0, 7.0, 2.0, -1.0, 0.5, 4.0, np.inf]), np.array([[5, 1, 3], [2, 9, 0], [7, 7, 7]], dtype=np.int32))
# case: multi(np.cos(np.arange(40.0)), np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::-1])


#pykernel export digit(float64[::], float64[::], int64[::])
def digit(x, bins, ib):
    return (np.digitize(x, bins), np.digitize(x, bins, right=True), np.digitize(x, bins[::-1]),
            np.digitize(2.5, bins), np.digitize(x, ib), np.digitize(ib, bins, True), np.digitize(x, [0.0, 1.0]))
# case: digit(np.array([0.0, 1.0, 1.5, 4.0, np.nan, -np.inf]), np.array([0.0, 1.0, 2.5, 4.0]), np.array([1, 2, 2, 5]))
# case: digit(np.array([0.0, 1.0]), np.array([1.0, 3.0, 2.0]), np.array([1, 2]))
# case: digit(np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int64))


#pykernel export hist(float64[::], int64)
def hist(a, n):
    h, e = np.histogram(a, n)
    return h, e, np.histogram(a), np.histogram(a, 4, range=(0, 1)), np.histogram(a, [0.0, 0.5, 1.0]), np.histogram(a, 3, density=True)
# case: hist(np.array([0.0, 0.1, 0.2, 0.3, 0.7, 1.0]), 10)
# case: hist(np.array([0.5, 0.5]), 3)
# case: hist(np.array([1.0, np.nan]), 3)
# case: hist(np.zeros(0), 0)


#pykernel export hist_w(float32[::,::], float32[::,::], int8[::,::], float64[::])
def hist_w(a, w, iw, edges):
    return (np.histogram(a, 5, weights=w), np.histogram(a, 5, weights=iw, range=(0.0, 2.0)),
            np.histogram(a, edges, weights=w), np.histogram(a, edges, weights=iw, density=True),
            np.histogram(a, bins=edges))
# case: hist_w(np.array([[0.1, 0.5], [1.0, 1.5]], dtype=np.float32), np.array([[1.5, 2.0], [0.5, -1.0]], dtype=np.float32), np.array([[100, 100], [1, 3]], dtype=np.int8), np.array([0.0, 0.5, 1.0, 1.5]))
# case: hist_w(np.array([[0.1, 0.5], [1.0, 1.5]], dtype=np.float32), np.array([[1.5, 2.0]], dtype=np.float32), np.array([[100, 100], [1, 3]], dtype=np.int8), np.array([0.0, 0.5, 1.0, 1.5]))
# case: hist_w(np.array([[0.1, 0.5], [1.0, 1.5]], dtype=np.float32), np.array([[1.5, 2.0], [0.5, -1.0]], dtype=np.float32), np.array([[100, 100], [1, 3]], dtype=np.int8), np.array([0.0, 1.5, 1.0]))


#pykernel export parts_3d(bool[:,:,:], uint16[::,::,::], int64)
def parts_3d(b, u, k):
    c = u.copy()
    c.partition([k, 1], axis=1)
    return (np.partition(b, 1, axis=0), np.argpartition(b, -1, axis=2), np.argpartition(u, k, axis=-2),
            np.argpartition(u, 0, axis=None), c, np.partition(u, (k, 0), axis=None), np.partition(b, (0, -1)))
# case: parts_3d(np.arange(24).reshape(2, 3, 4) % 3 == 1, (np.arange(60, dtype=np.uint16).reshape(3, 4, 5) * 37) % 11, 2)
# case: parts_3d(np.zeros((2, 0, 3), dtype=bool), np.zeros((3, 4, 5), dtype=np.uint16)[:, ::-1, ::2], -1)
# case: parts_3d(np.ones((1, 1, 1), dtype=bool), np.zeros((3, 4, 5), dtype=np.uint16), 4)
# case: parts_3d(np.ones((2, 2, 2), dtype=bool), np.zeros((3, 4, 5), dtype=np.uint16), -5)


#pykernel export parts_float(float32[::], float64[::,::], int64)
def parts_float(f, d, k):
    return (np.partition(f, [k, k]), np.argpartition(f, (0, -1, k)), np.partition(d, (1, 2), axis=0),
            np.argpartition(d, [0, 1], axis=None), np.partition(f * 2, (k, 2 * k)))
# case: parts_float(np.array([3.0, np.nan, -0.0, 0.0, 7.0, 2.0, np.inf, -1.0, 0.5, 4.0], dtype=np.float32), np.cos(np.arange(30.0)).reshape(5, 6), 3)
# case: parts_float(np.sin(np.arange(200, dtype=np.float32)), np.cos(np.arange(300.0)).reshape(100, 3)[::-1], 50)
# case: parts_float(np.zeros(3, dtype=np.float32), np.zeros((3, 2)), 3)


#pykernel export digit_types(int8[:], uint64[:], float32[:], int64[:], float32)
def digit_types(i8, u64, f32, i64, s):
    return (np.digitize(i8, f32), np.digitize(f32, i8.astype(np.float64)), np.digitize(u64, i64),
            np.digitize(i64, u64), np.digitize(s, f32), np.digitize(0.1, f32), np.digitize(300, i8),
            np.digitize(i8 > 0, [False, True]), np.digitize(f32, f32, right=True), np.digitize(u64, [3, 1]))
# case: digit_types(np.array([-3, 0, 1, 5], dtype=np.int8), np.array([0, 2, 2**63 + 1], dtype=np.uint64), np.array([0.1, 0.5, 1.5], dtype=np.float32), np.array([-1, 2, 3]), np.float32(0.1))
# case: digit_types(np.array([-3, 0, 1, 5], dtype=np.int8), np.array([0, 2, 7], dtype=np.uint64), np.array([1.5, 0.5, 0.1], dtype=np.float32), np.array([5, 2, 2]), np.float32(0.5))
# case: digit_types(np.array([-3, 0, 1, 5], dtype=np.int8), np.array([0, 2, 7], dtype=np.uint64), np.array([1.5, 0.5, 3.0], dtype=np.float32), np.array([1, 2, 3]), np.float32(0.5))


#pykernel export hist_types(int8[:], uint64[:], bool[:], float32[::], int64)
def hist_types(i8, u64, b, f, n):
    return (np.histogram(i8), np.histogram(i8, n, range=(-128, 127)), np.histogram(u64, 3),
            np.histogram(b, 2), np.histogram(b, [0, 1, 2]), np.histogram(f, n, range=(0.1, 0.7)),
            np.histogram(f), np.histogram(i8, 2, range=(5, 5)),
            np.histogram(u64, [0.5, 1e19, 2e19]), np.histogram(f, np.array([0, 1, 2], dtype=np.int8)),
            np.histogram(i8, 3, range=[-1, 1.5]))
# case: hist_types(np.array([-128, 0, 127, 3, 3], dtype=np.int8), np.array([0, 2**63, 2**64 - 1], dtype=np.uint64), np.array([True, False, True]), np.array([0.1, 0.7, 0.3, 0.5, 0.2], dtype=np.float32), 7)
# case: hist_types(np.array([5], dtype=np.int8), np.array([3], dtype=np.uint64), np.array([True]), np.array([0.25, 0.25, np.nan], dtype=np.float32)[:2], 1)
# case: hist_types(np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=bool), np.zeros(0, dtype=np.float32), 3)


#pykernel export hist_strong_range(float32[::], int16[::], float)
def hist_strong_range(f, i, w):
    return (np.histogram(f, 3, range=(f[0], f[1])), np.histogram(i, 4, range=(i[0], i[-1])),
            np.histogram(i, 3, range=(np.float32(w), 2.5)), np.histogram(f, 2, range=(f[0], w)),
            np.histogram(i, 5, weights=i > 0))
# case: hist_strong_range(np.array([0.25, 0.75, 0.5], dtype=np.float32), np.array([-3, 0, 7, 2], dtype=np.int16), 0.5)
# case: hist_strong_range(np.array([0.25, 0.25], dtype=np.float32), np.array([7, 0, 7], dtype=np.int16), 0.5)
# case: hist_strong_range(np.array([0.75, 0.25], dtype=np.float32), np.array([7, 0, 7], dtype=np.int16), 0.5)
# case: hist_strong_range(np.array([0.25, 0.5], dtype=np.float32), np.array([7, 0, 7], dtype=np.int16), 2.5)


#pykernel export hist_weights(float64[::,::], complex128[::,::], bool[::,::], uint16[::,::], float64)
def hist_weights(a, zw, bw, uw, hi):
    r = (0.0, hi)
    return (np.histogram(a, 4, r, weights=zw), np.histogram(a, 4, r, True, zw), np.histogram(a, 3, weights=bw),
            np.histogram(a, 3, weights=uw, density=True), np.histogram(a, [0.0, 1.0, hi], weights=uw),
            np.histogram(a, 2, range=r, density=True), np.histogram(a.T, [0.0, 1.0, hi], weights=zw.T, density=True))
# case: hist_weights(np.array([[0.5, 1.0], [1.5, 2.0]]), np.array([[1 + 2j, 0.5j], [3, -1j]]), np.array([[True, False], [True, True]]), np.array([[1, 2], [3, 65535]], dtype=np.uint16), 2.0)
# case: hist_weights(np.array([[0.5, 1.0], [1.5, 2.0]]), np.array([[1 + 2j, 0.5j], [3, -1j]]), np.array([[True, False], [True, True]]), np.array([[1, 2], [3, 65535]], dtype=np.uint16), np.inf)
# case: hist_weights(np.array([[0.5, 1.0], [1.5, 2.0]]), np.array([[1 + 2j, 0.5j], [3, -1j]]), np.array([[True, False], [True, True]]), np.array([[1, 2], [3, 65535]], dtype=np.uint16), 0.5)
# case: hist_weights(np.array([[0.5, 1.0], [1.5, 2.0]]), np.array([[1 + 2j, 0.5j], [3, -1j]]), np.array([[True, False], [True, True]]), np.array([[1, 2], [3, 65535]], dtype=np.uint16), -1.0)


#pykernel export hist_edges_errors(float64[::], float64[::], int64)
def hist_edges_errors(a, e, n):
    return np.histogram(a, e), np.histogram(a, n, range=(0.0, 1e-323))
# case: hist_edges_errors(np.array([0.5, np.nan, 2.0]), np.array([0.0, 1.0, 1.0, 3.0]), 1)
# case: hist_edges_errors(np.array([0.5, 2.0]), np.array([0.0, 2.0, 1.0]), 1)
# case: hist_edges_errors(np.array([0.5, 2.0]), np.array([0.0, np.nan, 1.0]), 1)
# case: hist_edges_errors(np.array([0.5, 2.0]), np.array([3.0]), 1)
# case: hist_edges_errors(np.array([0.5, 2.0]), np.zeros(0), 10)


#pykernel export hist_big(float64[::], float64[::])
def hist_big(a, w):
    return np.histogram(a, 37, weights=w), np.histogram(a, np.linspace(-3, 3, 11), weights=w), np.histogram(a, 5, density=True)
# case: hist_big(np.sin(np.arange(150000.0)) * 3, np.cos(np.arange(150000.0)))



#pykernel export part_view(int8[:,:], uint8[:])
def part_view(m, v):
    m[::2, ::-1].partition(1)
    v[1::2].partition([0, -1])
    return m, v
# case: part_view(np.array([[5, 3, 9, 1], [7, 2, 8, 6], [4, 0, -3, 2]], dtype=np.int8), np.array([9, 8, 7, 6, 5, 4, 3, 2, 1], dtype=np.uint8))
# case: part_view(np.zeros((1, 1), dtype=np.int8), np.zeros(2, dtype=np.uint8))
