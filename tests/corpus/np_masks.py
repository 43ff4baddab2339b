"""Boolean masks (SPEC 9): `a[mask]` (a new 1-D array in C order, or rows for a 1-D mask
of a 2-D array), `a[mask] = v`, `a[mask] op= v`, masks of expressions (`a[a > t]`),
masks with slices (`a[m, :]`, `a[:, m]`), and `np.nonzero` / `np.where(c)` /
`a.nonzero()` / `np.flatnonzero` / `np.argwhere` / `np.extract` / `np.compress`; NumPy's
errors for masks of the wrong shape and values of the wrong size."""
import numpy as np


#pykernel export select_pos(float64[:])
def select_pos(a):
    return a[a > 0]
# case: select_pos(np.array([1.5, -2.0, 0.0, 3.25, -0.0, 7.0]))
# case: select_pos(np.array([-1.0, -2.0]))
# case: select_pos(np.array([1.0, 2.0]))
# case: select_pos(np.zeros((0,)))
# case: select_pos(np.array([np.nan, 1.0, -np.inf, np.inf]))


#pykernel export select_mask(float64[::], bool[::])
#pykernel export select_mask(int32[::], bool[::])
#pykernel export select_mask(int64[::], bool[::])
#pykernel export select_mask(uint8[::], bool[::])
#pykernel export select_mask(float32[::], bool[::])
#pykernel export select_mask(complex128[::], bool[::])
#pykernel export select_mask(bool[::], bool[::])
def select_mask(a, m):
    return a[m]
# case: select_mask(np.arange(6.0), np.array([True, False, True, True, False, False]))
# case: select_mask(np.arange(6.0)[::-2], np.array([True, False, True]))
# case: select_mask(np.arange(6, dtype=np.int32), np.arange(12)[::2] % 3 == 0)
# case: select_mask(np.arange(6), np.zeros(6, dtype=bool))
# case: select_mask(np.arange(250, 256, dtype=np.uint8), np.ones(6, dtype=bool))
# case: select_mask(np.arange(4, dtype=np.float32) / 3, np.array([False, True, False, True]))
# case: select_mask(np.arange(4) * (1 + 2j), np.array([False, True, False, True]))
# case: select_mask(np.array([True, False, True]), np.array([True, True, False]))
# case: select_mask(np.arange(3.0), np.array([True, False, True, True]))
# case: select_mask(np.arange(4.0), np.array([True, False]))
# case: select_mask(np.zeros((0,)), np.zeros((0,), dtype=bool))
# case: select_mask(readonly(np.arange(3.0)), readonly(np.array([False, True, True])))


#pykernel export select2(float64[::,::], bool[::,::])
#pykernel export select2(int32[::,::], bool[::,::])
#pykernel export select2(complex128[::,::], bool[::,::])
def select2(a, m):
    b = a[m]
    return b, b.shape[0]
# case: select2(np.arange(12.0).reshape(3, 4), np.arange(12).reshape(3, 4) % 3 == 1)
# case: select2(np.arange(12.0).reshape(3, 4).T, np.arange(12).reshape(4, 3) % 2 == 0)
# case: select2(np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.asfortranarray(np.arange(12).reshape(3, 4) > 5))
# case: select2(np.arange(24, dtype=np.int32).reshape(4, 6)[::-2, ::2], np.ones((2, 3), dtype=bool))
# case: select2(np.arange(12.0).reshape(3, 4) * 1j, np.eye(3, 4, dtype=bool))
# case: select2(np.arange(12.0).reshape(3, 4), np.ones((3, 3), dtype=bool))
# case: select2(np.arange(12.0).reshape(3, 4), np.ones((4, 4), dtype=bool))
# case: select2(np.zeros((0, 4)), np.zeros((0, 4), dtype=bool))


#pykernel export select3(int64[:,:,:], float64)
def select3(a, t):
    return a[a > t], a[a[:, :, 0] > t], a[0][a[1] < t]
# case: select3(np.arange(24).reshape(2, 3, 4), 10.0)
# case: select3(np.arange(24).reshape(2, 3, 4), 100.0)
# case: select3(np.arange(24).reshape(2, 3, 4), -1.0)


#pykernel export rows_cols(float64[:,:], bool[:], bool[:])
def rows_cols(a, r, c):
    return a[r], a[r, :], a[:, c], a[r, 1:], a[::-1, c], a[r][:, c]
# case: rows_cols(np.arange(12.0).reshape(3, 4), np.array([True, False, True]), np.array([False, True, True, False]))
# case: rows_cols(np.arange(12.0).reshape(3, 4), np.zeros(3, dtype=bool), np.ones(4, dtype=bool))
# case: rows_cols(np.arange(12.0).reshape(3, 4), np.ones(4, dtype=bool), np.ones(4, dtype=bool))
# case: rows_cols(np.arange(12.0).reshape(3, 4), np.ones(3, dtype=bool), np.ones(3, dtype=bool))


#pykernel export mask_list(float64[:])
def mask_list(a):
    return a[[True, False, True]]
# case: mask_list(np.array([1.0, 2.0, 3.0]))
# case: mask_list(np.array([1.0, 2.0]))


#pykernel export set_scalar(float64[::], float64)
#pykernel export set_scalar(int32[::], float64)
#pykernel export set_scalar(uint8[::], float64)
#pykernel export set_scalar(complex128[::], float64)
def set_scalar(a, t):
    a[a.real > t] = 0
    a[a.real < -t] = 7
    return a
# case: set_scalar(np.linspace(-3, 3, 13), 1.0)
# case: set_scalar(np.arange(-6, 7, dtype=np.int32)[::2], 2.0)
# case: set_scalar(np.arange(0, 250, 25, dtype=np.uint8), 120.0)
# case: set_scalar(np.linspace(-3, 3, 7) + 1j, 1.0)
# case: set_scalar(np.zeros((0,)), 1.0)
# case: set_scalar(readonly(np.zeros(3)), 1.0)  # expect-error TypeError


#pykernel export clamp2(float64[:,:], float64)
def clamp2(a, t):
    a[a > t] = t
    a[a < -t] *= 0.5
    return a.sum()
# case: clamp2(np.linspace(-4, 4, 20).reshape(4, 5), 1.5)
# case: clamp2(np.linspace(-4, 4, 20).reshape(4, 5), 10.0)


#pykernel export set_array(float64[::], bool[::], float64[::])
#pykernel export set_array(int64[::], bool[::], int64[::])
def set_array(a, m, v):
    a[m] = v
# case: set_array(np.zeros(5), np.array([True, False, True, False, True]), np.array([1.0, 2.0, 3.0]))
# case: set_array(np.zeros(5), np.array([True, False, True, False, True]), np.array([9.0]))
# case: set_array(np.zeros(5), np.array([True, False, True, False, True]), np.array([1.0, 2.0]))
# case: set_array(np.zeros(3), np.zeros(3, dtype=bool), np.array([1.0, 2.0]))
# case: set_array(np.zeros(3), np.zeros(3, dtype=bool), np.zeros((0,)))
# case: set_array(np.zeros(3), np.ones(4, dtype=bool), np.zeros((4,)))
# case: set_array(np.arange(10)[::2], np.array([True, True, False, False, True]), np.arange(100, 106)[::2])
# case: set_array((b := np.arange(6))[:4], np.array([True, True, True, False]), b[3:])


#pykernel export set_rows(float64[:,:], bool[:], float64[:])
def set_rows(a, m, v):
    a[m] = v
    a[:, m[:a.shape[1]]] += 100.0
    return a
# case: set_rows(np.zeros((3, 3)), np.array([True, False, True]), np.array([1.0, 2.0, 3.0]))
# case: set_rows(np.zeros((3, 3)), np.array([True, False, True]), np.array([1.0]))
# case: set_rows(np.zeros((3, 3)), np.array([True, False, True]), np.array([1.0, 2.0]))


#pykernel export set2_array(int32[:,:], float64[:])
def set2_array(a, v):
    a[a > 4] = v
    return a
# case: set2_array(np.arange(9, dtype=np.int32).reshape(3, 3), np.array([10.5, 20.5, 30.5, 40.5]))
# case: set2_array(np.arange(9, dtype=np.int32).reshape(3, 3), np.array([-1.0]))
# case: set2_array(np.arange(9, dtype=np.int32).reshape(3, 3), np.array([1.0, 2.0]))


#pykernel export aug_masks(float64[:], int64[:], complex128[:])
def aug_masks(x, k, z):
    x[x > 0] *= 2
    x[x < 0] += np.arange(3.0)[:1]
    k[k % 2 == 0] //= 2
    k[k > 3] -= 1
    z[z.imag > 0] *= 1j
    return x, k, z
# case: aug_masks(np.linspace(-2, 2, 9), np.arange(10), np.array([1 + 1j, 2 - 1j, 3j]))
# case: aug_masks(np.zeros((0,)), np.zeros((0,), dtype=np.int64), np.zeros((0,), dtype=complex))


#pykernel export aug_array(float64[:], bool[:], float64[:])
def aug_array(a, m, v):
    a[m] += v
    a[m] -= a[m]
# case: aug_array(np.arange(4.0), np.array([True, False, True, True]), np.array([1.0, 2.0, 3.0]))
# case: aug_array(np.arange(4.0), np.array([True, False, True, True]), np.array([5.0]))
# case: aug_array(np.arange(4.0), np.array([True, False, True, True]), np.array([1.0, 2.0]))


#pykernel export in_loop(float64[:,:], int)
def in_loop(z, n):
    c = z.copy()
    counts = np.zeros(z.shape, dtype=np.int64)
    total = 0.0
    for i in range(n):
        live = np.abs(z) <= 2.0
        z[live] = z[live] * z[live] + c[live]
        counts[live] += 1
        total += float(z[live].sum())
    return counts, total, z[np.abs(z) <= 2.0]
# case: in_loop(np.linspace(-2, 1, 30).reshape(5, 6), 6)
# case: in_loop(np.linspace(-2, 1, 30).reshape(5, 6), 0)


#pykernel export masked_expr(float64[:], float64[:])
def masked_expr(a, b):
    m = (a > 0) & (b < 2)
    return (a[m] + b[m]) * 2, np.sqrt(a[m]), a[~m].sum(), a[m].shape[0]
# case: masked_expr(np.linspace(-1, 3, 9), np.linspace(0, 4, 9))


#pykernel export nonzeros(float64[::,::])
#pykernel export nonzeros(int32[::,::])
#pykernel export nonzeros(bool[::,::])
#pykernel export nonzeros(complex128[::,::])
def nonzeros(a):
    r, c = np.nonzero(a)
    w = np.where(a)
    return r, c, w[0], w[1], a.nonzero()[1], np.flatnonzero(a), np.argwhere(a)
# case: nonzeros(np.array([[0.0, 1.5, 0.0], [-2.0, 0.0, np.nan]]))
# case: nonzeros(np.array([[0, 1, 0], [3, 0, 0]], dtype=np.int32).T)
# case: nonzeros(np.eye(3, dtype=bool)[::-1])
# case: nonzeros(np.array([[0j, 1j], [0.5 + 0j, 0j]]))
# case: nonzeros(np.zeros((2, 3)))
# case: nonzeros(np.zeros((0, 3)))


#pykernel export nonzero3(int64[:,:,:])
def nonzero3(a):
    i, j, k = np.nonzero(a % 3 == 0)
    return i, j, k, a[np.nonzero(a > 20)], a[np.where(a % 5 == 0)]
# case: nonzero3(np.arange(24).reshape(2, 3, 4))


#pykernel export nonzero1(uint8[:])
def nonzero1(a):
    (i,) = np.nonzero(a)
    return i, np.flatnonzero(a > 3), np.argwhere(a)
# case: nonzero1(np.array([0, 3, 0, 5, 7], dtype=np.uint8))
# case: nonzero1(np.zeros((0,), dtype=np.uint8))


#pykernel export extracts(float64[:,:], int32[:])
def extracts(a, c):
    return np.extract(a > 2, a), np.extract(c, a), np.extract(c % 2 == 0, c)
# case: extracts(np.arange(6.0).reshape(2, 3), np.array([1, 0, 1, 1], dtype=np.int32))
# case: extracts(np.arange(6.0).reshape(2, 3), np.array([1, 0, 0, 0, 0, 0, 0], dtype=np.int32))
# case: extracts(np.arange(6.0).reshape(2, 3), np.array([1, 0, 0, 0, 0, 0, 1], dtype=np.int32))
# case: extracts(np.arange(6.0).reshape(2, 3), np.zeros((0,), dtype=np.int32))


#pykernel export compresses(float64[:,:], bool[:], int)
def compresses(a, c, axis):
    return np.compress(c, a), np.compress(c, a, axis=0), np.compress(c, a, axis), a.compress(c, axis=1), np.compress([True, False], a, -1)
# case: compresses(np.arange(12.0).reshape(3, 4), np.array([True, False, True]), 1)
# case: compresses(np.arange(12.0).reshape(3, 4), np.array([False, True]), -2)
# case: compresses(np.arange(12.0).reshape(3, 4), np.array([True, False, True]), 2)
# case: compresses(np.arange(12.0).reshape(3, 4), np.array([True, False, True, True, True]), 1)
# case: compresses(np.arange(12.0).reshape(3, 4), np.array([False, False, False, False, True]), 0)


#pykernel export copy_then_write(float64[:], bool[:])
def copy_then_write(a, m):
    b = a[m]
    b[0] = -1.0
    c = np.extract(m, a)
    c[0] = -2.0
    return b, c, a
# case: copy_then_write(readonly(np.arange(3.0)), np.array([False, True, True]))
# case: copy_then_write(np.arange(3.0), np.array([False, True, True]))


#pykernel export small_dtypes(bool[:], float32[:], uint8[:], int32[:,:])
def small_dtypes(b, f, u, k):
    m = f > 0
    b[m] = True
    f[m] += 1.5
    f[~m] *= np.float32(2)
    u[u > 5] += 250
    k[k % 2 == 1] *= 3
    k[:, k[0] > 1] -= 1
    return b, f, u, k, f[m], u[u < 10]
# case: small_dtypes(np.zeros(4, dtype=bool), np.array([-1, 2, 0, 3], dtype=np.float32), np.arange(0, 40, 5, dtype=np.uint8), np.arange(12, dtype=np.int32).reshape(3, 4))
# case: small_dtypes(np.zeros(0, dtype=bool), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.uint8), np.zeros((0, 4), dtype=np.int32))


#pykernel export layouts(float64[::,::,::], bool[::,::,::])
def layouts(a, m):
    a[m] -= 100.0
    return a[m], a[m[:, :, 0]], a[:, m[0, :, 0], :], a[:, :, m[0, 0, :]]
# case: layouts(np.arange(24.0).reshape(2, 3, 4), np.arange(24).reshape(2, 3, 4) % 5 == 0)
# case: layouts(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)), np.asfortranarray(np.arange(24).reshape(2, 3, 4) % 2 == 0))
# case: layouts(np.arange(48.0).reshape(4, 3, 4)[::-2], (np.arange(48).reshape(4, 3, 4) > 20)[::2])
