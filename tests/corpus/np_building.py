"""Array-building functions: `np.roll` (flattened, along axes, tuple shifts), `np.tile`,
`np.repeat` / `a.repeat` (counts and axes), `np.diff` (`n=`, `axis=`),
`np.concatenate` (tuples and lists of arrays, lists of numbers, `axis=None`, mixed
dtypes: `np.result_type`), `np.stack`, `np.vstack`, `np.hstack`, `np.column_stack`,
`np.dstack`, `np.flip` / `np.fliplr` / `np.flipud` / `np.rot90` (views) and
`np.meshgrid`; their results in
expressions and loops, and NumPy's errors."""
import numpy as np


#pykernel export roll1(float64[::], int)
#pykernel export roll1(int32[::], int)
#pykernel export roll1(bool[::], int)
#pykernel export roll1(complex128[::], int)
def roll1(a, k):
    return np.roll(a, k), np.roll(a, -k, axis=0), np.roll(a, k, 0)
# case: roll1(np.arange(7.0), 2)
# case: roll1(np.arange(7.0), -3)
# case: roll1(np.arange(7.0), 100)
# case: roll1(np.arange(7.0), -100)
# case: roll1(np.arange(7.0), 0)
# case: roll1(np.arange(14.0)[::-2], 3)
# case: roll1(np.arange(-5, 5, dtype=np.int32), 4)
# case: roll1(np.array([True, False, False, True, True]), 1)
# case: roll1(np.arange(5) * (1 + 2j), -2)
# case: roll1(np.zeros(0), 3)
# case: roll1(np.ones(1), -9)


#pykernel export roll2(float64[::,::], int, int)
#pykernel export roll2(int64[::,::], int, int)
def roll2(a, k, ax):
    return np.roll(a, k), np.roll(a, k, axis=ax), np.roll(a, (k, 1), axis=(0, 1)), np.roll(a, k, axis=(0, -1)), np.roll(a, (k, 2))
# case: roll2(np.arange(12.0).reshape(3, 4), 1, 0)
# case: roll2(np.arange(12.0).reshape(3, 4), -5, 1)
# case: roll2(np.arange(12.0).reshape(3, 4), 13, -1)
# case: roll2(np.arange(12.0).reshape(3, 4).T, 2, -2)
# case: roll2(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 1, 1)
# case: roll2(np.arange(24.0).reshape(4, 6)[::-2, 1::2], 1, 1)
# case: roll2(np.arange(12).reshape(3, 4), 7, 0)
# case: roll2(np.arange(12).reshape(3, 4), 1, 2)
# case: roll2(np.arange(12).reshape(3, 4), 1, -3)
# case: roll2(np.zeros((0, 3)), 2, 0)


#pykernel export roll3(float32[::,::,::], int)
def roll3(a, k):
    return np.roll(a, k, axis=1), np.roll(a, k, axis=-1), np.roll(a, (1, -1), axis=(2, 2)), np.roll(a, k)
# case: roll3(np.arange(24, dtype=np.float32).reshape(2, 3, 4), 1)
# case: roll3(np.arange(24, dtype=np.float32).reshape(4, 3, 2).T, -7)


#pykernel export laplacian(float64[:,:])
def laplacian(grid):
    return np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
# case: laplacian(np.linspace(0, 1, 30).reshape(5, 6) ** 2)


#pykernel export evolve(float64[][], float)
def evolve(grid, dt, D=1):
    return grid + dt * D * laplacian(grid)
# case: evolve(np.where((np.arange(100) // 10 == 4) & (np.arange(100) % 10 == 4), 0.005, 0.0).reshape(10, 10), 0.1)
# case: evolve(np.linspace(0, 1, 64).reshape(8, 8) ** 3, 0.25)


#pykernel export heat(float64[:], int)
def heat(u, steps):
    for _ in range(steps):
        u = u + 0.25 * (np.roll(u, 1) + np.roll(u, -1) - 2 * u)
    return u
# case: heat(np.linspace(0, 1, 11) ** 2, 5)
# case: heat(np.zeros(0), 3)


#pykernel export tile1(float64[::], int)
#pykernel export tile1(int8[::], int)
#pykernel export tile1(bool[::], int)
def tile1(x, n):
    return np.tile(x, n), np.tile(x, (n, 1)), np.tile(x, (2, n)), np.tile(x, (1, 2, n))
# case: tile1(np.arange(3.0), 2)
# case: tile1(np.arange(6.0)[::-2], 3)
# case: tile1(np.arange(3.0), 0)
# case: tile1(np.zeros(0), 4)
# case: tile1(np.arange(3, dtype=np.int8), 1)
# case: tile1(np.array([True, False]), 2)
# case: tile1(np.arange(3.0), -1)


#pykernel export tile2(complex128[::,::], int)
def tile2(a, n):
    return np.tile(a, n), np.tile(a, (n, 2)), np.tile(a, (2, 1, 2))
# case: tile2(np.arange(6).reshape(2, 3) * 1j + 1, 2)
# case: tile2((np.arange(6).reshape(2, 3) * 1j + 1).T, 3)


#pykernel export periodic_dist(float [], float[], float[], int, bool, bool, bool)
def periodic_dist(x, y, z, L, periodicX, periodicY, periodicZ):
    N = len(x)
    xtemp = np.tile(x, (N, 1))
    dx = xtemp - xtemp.T
    ytemp = np.tile(y, (N, 1))
    dy = ytemp - ytemp.T
    ztemp = np.tile(z, (N, 1))
    dz = ztemp - ztemp.T
    d = np.sqrt(dx**2 + dy**2 + dz**2)
    return d, dx, dy, dz
# case: periodic_dist(np.arange(0., 2, 0.1), np.arange(0., 2, 0.1), np.arange(0., 2, 0.1), 4, True, True, True)


#pykernel export repeat1(float64[::], int)
#pykernel export repeat1(uint16[::], int)
def repeat1(x, k):
    return np.repeat(x, k), x.repeat(k), np.repeat(x, k, axis=0), np.repeat(x, 2, -1)
# case: repeat1(np.arange(4.0), 3)
# case: repeat1(np.arange(8.0)[::-3], 2)
# case: repeat1(np.arange(4.0), 0)
# case: repeat1(np.zeros(0), 5)
# case: repeat1(np.arange(4, dtype=np.uint16), 1)
# case: repeat1(np.arange(4.0), -1)


#pykernel export repeat2(int64[::,::], int)
def repeat2(a, k):
    return np.repeat(a, k), np.repeat(a, k, axis=0), a.repeat(k, axis=1), np.repeat(a, k, axis=-2)
# case: repeat2(np.arange(6).reshape(2, 3), 2)
# case: repeat2(np.arange(6).reshape(3, 2).T, 3)
# case: repeat2(np.zeros((2, 0), dtype=np.int64), 3)


#pykernel export repeat_counts(float64[::], int64[:])
#pykernel export repeat_counts(float64[::], int32[:])
def repeat_counts(x, c):
    return np.repeat(x, c)
# case: repeat_counts(np.arange(4.0), np.array([1, 0, 3, 2]))
# case: repeat_counts(np.arange(4.0), np.array([2], dtype=np.int32))
# case: repeat_counts(np.arange(4.0), np.array([1, 2]))
# case: repeat_counts(np.arange(3.0), np.array([1, -1, 2]))


#pykernel export repeat_rows(float32[:,:], int64[:])
def repeat_rows(a, c):
    return np.repeat(a, c, axis=0), np.repeat(a, c, axis=1) if a.shape[0] == a.shape[1] else a
# case: repeat_rows(np.arange(9, dtype=np.float32).reshape(3, 3), np.array([0, 2, 1]))
# case: repeat_rows(np.arange(6, dtype=np.float32).reshape(3, 2), np.array([1, 1, 3]))


#pykernel export repeating(float[], int)
def repeating(x, nvar_y):
    nvar_x = x.shape[0]
    y = np.empty(nvar_x * (1 + nvar_y))
    y[0:nvar_x] = x[0:nvar_x]
    y[nvar_x:] = np.repeat(x, nvar_y)
    return y
# case: repeating(np.linspace(0, 1, 10) ** 2, 3)
# case: repeating(np.linspace(0, 1, 10), 0)


#pykernel export diff1(float64[::], int)
#pykernel export diff1(uint32[::], int)
#pykernel export diff1(int8[::], int)
#pykernel export diff1(bool[::], int)
#pykernel export diff1(complex128[::], int)
def diff1(a, n):
    return np.diff(a), np.diff(a, n), np.diff(a, n=n, axis=0), np.diff(a, axis=-1)
# case: diff1(np.array([1.0, 4.0, 9.0, 16.0, 25.0]), 2)
# case: diff1(np.array([1.0, 4.0, 9.0, 16.0, 25.0]), 0)
# case: diff1(np.array([1.0, 4.0, 9.0]), 7)
# case: diff1(np.array([1.0, 4.0, 9.0]), -1)
# case: diff1(np.arange(20.0)[::-3] ** 2, 3)
# case: diff1(np.array([5, 1, 7, 0], dtype=np.uint32), 1)
# case: diff1(np.array([100, -100, 27, 0], dtype=np.int8), 2)
# case: diff1(np.array([True, False, False, True]), 2)
# case: diff1(np.array([1 + 2j, 3 - 1j, 0.5j]), 1)
# case: diff1(np.zeros(0), 1)


#pykernel export diff2(float64[::,::], int)
#pykernel export diff2(int32[::,::], int)
def diff2(a, ax):
    return np.diff(a, axis=ax), np.diff(a), np.diff(a, 2, 0), np.diff(a, n=1, axis=-2)
# case: diff2(np.arange(20.0).reshape(4, 5) ** 2, 0)
# case: diff2(np.arange(20.0).reshape(4, 5) ** 2, 1)
# case: diff2((np.arange(20.0).reshape(5, 4) ** 2).T, -1)
# case: diff2(np.arange(20, dtype=np.int32).reshape(4, 5) ** 2, -2)
# case: diff2(np.arange(20.0).reshape(4, 5), 2)
# case: diff2(np.zeros((1, 3)), 0)


#pykernel export diff3(float64[:,:,:])
def diff3(a):
    return np.diff(a, axis=1), np.diff(a, 3, axis=2)
# case: diff3(np.arange(60.0).reshape(3, 4, 5) ** 2)


#pykernel export concat1(float64[::], float64[::])
#pykernel export concat1(int32[::], int32[::])
#pykernel export concat1(bool[::], bool[::])
def concat1(a, b):
    return np.concatenate((a, b)), np.concatenate([b, a, b]), np.concatenate((a,)), np.concatenate((a, b), axis=0)
# case: concat1(np.arange(3.0), np.arange(4.0, 6.0))
# case: concat1(np.arange(6.0)[::-2], np.zeros(0))
# case: concat1(np.zeros(0), np.zeros(0))
# case: concat1(np.arange(3, dtype=np.int32), np.arange(2, dtype=np.int32))
# case: concat1(np.array([True]), np.array([False, True]))


#pykernel export concat_mixed(int32[::], float32[::], uint8[::], int64[::], bool[::], complex128[::])
def concat_mixed(i32, f32, u8, i64, b, c):
    return (np.concatenate((i32, f32)), np.concatenate((u8, i64)), np.concatenate((b, u8)),
            np.concatenate((i32, u8)), np.concatenate((f32, i64)), np.concatenate((c, b, f32)),
            np.concatenate(([1], u8)), np.concatenate(([1.5, 2], f32)), np.concatenate((u8, [True])))
# case: concat_mixed(np.array([1, -2], dtype=np.int32), np.array([0.5], dtype=np.float32), np.array([255, 7], dtype=np.uint8), np.array([-1]), np.array([True, False]), np.array([1j]))


#pykernel export concat_u64(uint64[:], int64[:])
def concat_u64(a, b):
    return np.concatenate((a, b))
# case: concat_u64(np.array([2**63], dtype=np.uint64), np.array([-1]))


#pykernel export concat2(float64[::,::], float64[::,::], int)
def concat2(a, b, ax):
    return np.concatenate((a, b), axis=ax), np.concatenate((a, b), axis=None), np.concatenate((a, a, b))
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3), 0)
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3), 1)
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3), -1)
# case: concat2(np.arange(6.0).reshape(2, 3).T, np.arange(6.0, 12.0).reshape(2, 3).T, 1)
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 9.0).reshape(1, 3), 0)
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 9.0).reshape(1, 3), 1)
# case: concat2(np.arange(6.0).reshape(2, 3), np.arange(6.0, 12.0).reshape(2, 3), 2)
# case: concat2(np.arange(6.0).reshape(2, 3), np.zeros((0, 3)), 0)


#pykernel export concat_flat(float64[::,::], float64[::])
def concat_flat(a, v):
    return np.concatenate((a, v), axis=None), np.concatenate([v, a.T], axis=None)
# case: concat_flat(np.arange(6.0).reshape(2, 3), np.arange(3.0))


#pykernel export concat3(int16[:,:,:], int16[:,:,:])
def concat3(a, b):
    return np.concatenate((a, b), axis=2), np.concatenate((a, b), axis=1), np.concatenate((a, b), axis=-3)
# case: concat3(np.arange(24, dtype=np.int16).reshape(2, 3, 4), np.arange(24, dtype=np.int16).reshape(2, 3, 4) * 2)
# case: concat3(np.arange(24, dtype=np.int16).reshape(2, 3, 4), np.arange(12, dtype=np.int16).reshape(2, 3, 2))


#pykernel export grouping_diff(uint32[:])
def grouping_diff(values):
    diff = np.concatenate(([1], np.diff(values)))
    return diff, np.concatenate((diff, [len(values)]))
# case: grouping_diff(np.array([1, 1, 2, 2, 2, 5, 9, 9], dtype=np.uint32))
# case: grouping_diff(np.array([3], dtype=np.uint32))


#pykernel export stack1(float64[::], float64[::], int)
#pykernel export stack1(int64[::], int64[::], int)
def stack1(a, b, ax):
    return np.stack((a, b)), np.stack([a, b], axis=1), np.stack((a, b, a), ax), np.vstack((a, b)), np.hstack((a, b)), np.column_stack((a, b))
# case: stack1(np.arange(3.0), np.arange(3.0, 6.0), 0)
# case: stack1(np.arange(3.0), np.arange(3.0, 6.0), -1)
# case: stack1(np.arange(6.0)[::-2], np.arange(3.0, 6.0), 1)
# case: stack1(np.arange(3.0), np.arange(3.0, 6.0), 2)
# case: stack1(np.arange(3.0), np.arange(3.0, 5.0), 0)
# case: stack1(np.arange(3), np.arange(3), -2)
# case: stack1(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 1)


#pykernel export stack2(float32[::,::], float32[::,::])
def stack2(a, b):
    return np.stack((a, b), axis=2), np.vstack((a, b)), np.hstack((a, b)), np.column_stack((a, b)), np.stack((a, b), -2)
# case: stack2(np.arange(6, dtype=np.float32).reshape(2, 3), np.ones((2, 3), dtype=np.float32))
# case: stack2(np.arange(6, dtype=np.float32).reshape(3, 2).T, np.ones((2, 3), dtype=np.float32))
# case: stack2(np.arange(6, dtype=np.float32).reshape(2, 3), np.ones((3, 3), dtype=np.float32))
# case: stack2(np.arange(6, dtype=np.float32).reshape(2, 3), np.ones((2, 2), dtype=np.float32))


#pykernel export stack_mixed(float64[:], int64[:,:], bool[:])
def stack_mixed(v, m, b):
    return np.vstack((v, m)), np.column_stack((b, m, v)), np.hstack((v, b)), np.stack((v, b))
# case: stack_mixed(np.arange(3.0), np.arange(6).reshape(2, 3), np.array([True, False, True]))
# case: stack_mixed(np.arange(2.0), np.arange(6).reshape(3, 2), np.array([True, False]))


#pykernel export flips(float64[::,::])
#pykernel export flips(complex64[::,::])
def flips(a):
    return np.flip(a), np.flip(a, 0), np.flip(a, axis=1), np.flip(a, (0, 1)), np.fliplr(a), np.flipud(a), np.flip(a, -1)
# case: flips(np.arange(6.0).reshape(2, 3))
# case: flips(np.arange(6.0).reshape(3, 2).T)
# case: flips(np.asfortranarray(np.arange(12.0).reshape(3, 4))[::2, ::-1])
# case: flips(np.zeros((0, 3)))
# case: flips((np.arange(6) * 1j).astype(np.complex64).reshape(2, 3))


#pykernel export flip_write(int64[:,:])
def flip_write(a):
    b = np.flipud(a)
    b[0, 0] = 100
    c = np.flip(a)
    c[0, 1] += 7
    return b, np.fliplr(a)[0, 0]
# case: flip_write(np.arange(6).reshape(2, 3))


#pykernel export flip_bad(float64[:], int)
def flip_bad(a, k):
    return np.flip(a, k)
# case: flip_bad(np.arange(3.0), 0)
# case: flip_bad(np.arange(3.0), -1)
# case: flip_bad(np.arange(3.0), 1)


#pykernel export flip_new(int)
def flip_new(n):
    a = np.zeros((n, 2))
    for i in range(n):
        a[i, 0] = i
        a[i, 1] = -i
    f = np.flipud(a)
    return f, f[1:], np.flip(a, 1).T
# case: flip_new(4)


#pykernel export mesh(float64[::], int32[::])
def mesh(x, y):
    X, Y = np.meshgrid(x, y)
    I, J = np.meshgrid(x, y, indexing='ij')
    return X, Y, I, J, X * Y + 1
# case: mesh(np.arange(3.0), np.arange(4, dtype=np.int32))
# case: mesh(np.arange(6.0)[::-2], np.arange(2, dtype=np.int32))
# case: mesh(np.zeros(0), np.arange(2, dtype=np.int32))


#pykernel export mesh3(float64[:], float64[:], float64[:,:])
def mesh3(x, y, z):
    a, b, c = np.meshgrid(x, y, z)
    d, e, f = np.meshgrid(x, y, z, indexing='ij')
    (g,) = np.meshgrid(z)
    return a, b, c, d, e, f, g
# case: mesh3(np.arange(2.0), np.arange(3.0), np.arange(4.0).reshape(2, 2))


#pykernel export loop_concat(int)
def loop_concat(n):
    acc = np.zeros(0)
    for i in range(n):
        acc = np.concatenate((acc, np.full(i, float(i))))
    return acc, np.sum(np.diff(acc))
# case: loop_concat(5)
# case: loop_concat(0)


#pykernel export in_expr(float64[:], float64[:])
def in_expr(a, b):
    s = np.concatenate((a, b)) * 2 + np.tile(a, 2).sum()
    t = np.roll(np.repeat(a, 2), 1) - np.repeat(a, 2)
    return s, t, np.diff(np.roll(b, 1)) ** 2, np.flip(a) + a
# case: in_expr(np.arange(4.0) ** 2, np.arange(3.0) + 0.5)


#pykernel export roll_readonly(float64[:], int)
def roll_readonly(a, k):
    b = np.roll(a, k)
    b[0] = -1.0
    c = np.concatenate((a, a))
    c[1] = -2.0
    return b, c, a
# case: roll_readonly(readonly(np.arange(4.0)), 1)
# case: roll_readonly(np.broadcast_to(np.arange(3.0), (3,)), 5)


#pykernel export flip_readonly(float64[:])
def flip_readonly(a):
    b = np.flip(a)
    b[0] = 7.0
    return a
# case: flip_readonly(np.arange(3.0))
# case: flip_readonly(readonly(np.arange(3.0)))  # expect-error ValueError a


#pykernel export evolve_steps(float64[:,:], int)
def evolve_steps(grid, n):
    for _ in range(n):
        grid = evolve(grid, 0.1)
    return grid
# case: evolve_steps(np.where((np.arange(4096) // 64 - 30) ** 2 + (np.arange(4096) % 64 - 30) ** 2 < 40, 0.005, 0.0).reshape(64, 64), 5)


#pykernel export tile3(int32[::,::,::])
def tile3(a):
    return np.tile(a, 2), np.tile(a, (2, 1, 1)), np.tile(a, (2, 2, 1, 1)), np.repeat(a, 2, axis=1), np.diff(a, axis=0)
# case: tile3(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
# case: tile3(np.arange(24, dtype=np.int32).reshape(4, 3, 2).T)
# case: tile3(np.zeros((0, 2, 2), dtype=np.int32))


#pykernel export empty_tuples(float64[::,::])
def empty_tuples(a):
    return np.flip(a, ()), np.roll(a, ()), np.roll(a, (), axis=()), np.roll(a, (1,), axis=()), np.tile(a, ())
# case: empty_tuples(np.arange(6.0).reshape(2, 3))


#pykernel export rot(float64[::,::], int)
#pykernel export rot(bool[::,::], int)
def rot(m, k):
    return np.rot90(m), np.rot90(m, k), np.rot90(m, k, (1, 0)), np.rot90(m, k=k, axes=(0, -1)), np.rot90(m, 2) + 0
# case: rot(np.arange(6.0).reshape(2, 3), 1)
# case: rot(np.arange(6.0).reshape(2, 3), 2)
# case: rot(np.arange(6.0).reshape(2, 3), 3)
# case: rot(np.arange(6.0).reshape(2, 3), -1)
# case: rot(np.arange(6.0).reshape(2, 3), 0)
# case: rot(np.arange(6.0).reshape(2, 3), 9)
# case: rot(np.arange(12.0).reshape(4, 3)[::-2, ::2], 1)
# case: rot(np.asfortranarray(np.arange(6.0).reshape(2, 3)), 3)
# case: rot(np.array([[True, False], [False, False]]), 1)


#pykernel export rot3(int64[:,:,:], int, int)
def rot3(m, i, j):
    r = np.rot90(m, 1, (i, j))
    r[0, 0, 0] = -1
    return r, np.rot90(m, 3, axes=(2, 0))
# case: rot3(np.arange(24).reshape(2, 3, 4), 0, 2)
# case: rot3(np.arange(24).reshape(2, 3, 4), 2, -2)
# case: rot3(np.arange(24).reshape(2, 3, 4), 1, 1)
# case: rot3(np.arange(24).reshape(2, 3, 4), 0, -3)
# case: rot3(np.arange(24).reshape(2, 3, 4), 0, 3)


#pykernel export dstacks(float64[::], float64[::,::], int32[:,:,:])
def dstacks(v, m, c):
    return np.dstack((v, v)), np.dstack([m, m, m]), np.dstack((c, c)), np.dstack((m, c[0]))
# case: dstacks(np.arange(3.0), np.arange(6.0).reshape(2, 3), np.arange(12, dtype=np.int32).reshape(2, 3, 2))
# case: dstacks(np.arange(3.0), np.arange(6.0).reshape(3, 2).T, np.arange(12, dtype=np.int32).reshape(3, 2, 2))
