"""`np.interp` (NumPy's search and slope rules: ends, `left=`/`right=`, NaN, repeated
and unsorted sample points), `np.convolve` (modes full/same/valid, the shorter array
first, integer wraparound, booleans) and `np.append` (numbers, lists, `axis=`)."""
import numpy as np


#pykernel export interp1(float64[::], float64[:], float64[:])
#pykernel export interp1(int64[::], int32[:], float64[:])
def interp1(x, xp, fp):
    return np.interp(x, xp, fp), np.interp(x, xp, fp, left=-1.0, right=99), np.interp(x, xp, fp, -5, 5.5)
# case: interp1(np.array([-1.0, 0.0, 0.5, 1.0, 1.75, 2.0, 3.0, nan, inf, -inf]), np.array([0.0, 1.0, 2.0]), np.array([10.0, 20.0, -4.0]))
# case: interp1(np.linspace(-1, 11, 37)[::-2], np.arange(10.0), np.arange(10.0) ** 2)
# case: interp1(np.linspace(0, 1, 9), np.array([0.0, 0.5, 0.5, 1.0]), np.array([0.0, 1.0, 3.0, 4.0]))
# case: interp1(np.linspace(0, 3, 13), np.array([0.0, 2.0, 1.0, 3.0, 2.5, 0.5, 3.0]), np.arange(7.0))
# case: interp1(np.array([0.5, 1.0]), np.array([1.0]), np.array([7.0]))
# case: interp1(np.array([0.5, 1.0]), np.zeros(0), np.zeros(0))
# case: interp1(np.array([0.5, 1.0]), np.array([0.0, 1.0]), np.array([1.0]))
# case: interp1(np.array([0.0, 1.0, inf]), np.array([0.0, 1.0, inf]), np.array([0.0, 1.0, 2.0]))
# case: interp1(np.array([0.0, 1.5, 2.5]), np.array([0.0, 1.0, 2.0, 3.0]), np.array([0.0, inf, inf, 1.0]))
# case: interp1(np.arange(-2, 30, 3), np.arange(0, 25, 2, dtype=np.int32), np.linspace(0, 1, 13))
# case: interp1(np.zeros(0), np.array([0.0, 1.0]), np.array([0.0, 1.0]))


#pykernel export interp_scalar(float, float64[:], float64[:])
def interp_scalar(x, xp, fp):
    return np.interp(x, xp, fp), np.interp(2 * x, xp, fp, right=0.0)
# case: interp_scalar(0.25, np.array([0.0, 1.0]), np.array([1.0, 3.0]))
# case: interp_scalar(0.75, np.array([0.0, 1.0]), np.array([1.0, 3.0]))
# case: interp_scalar(-1.0, np.array([0.0, 1.0]), np.array([1.0, 3.0]))


#pykernel export interp2(float32[:,:], float64[:], float64[:])
def interp2(x, xp, fp):
    return np.interp(x, xp, fp)
# case: interp2(np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4), np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2)


#pykernel export conv(float64[::], float64[::])
#pykernel export conv(int32[::], int32[::])
#pykernel export conv(complex128[::], complex128[::])
#pykernel export conv(bool[::], bool[::])
def conv(a, v):
    return np.convolve(a, v), np.convolve(a, v, 'same'), np.convolve(a, v, mode='valid'), np.convolve(v, a, 'full')
# case: conv(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5]))
# case: conv(np.arange(10.0), np.array([1.0, -2.0, 1.0]))
# case: conv(np.arange(10.0)[::-2], np.array([0.25, 0.5, 0.25, 2.0]))
# case: conv(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0, 4.0]))
# case: conv(np.array([5.0]), np.array([2.0]))
# case: conv(np.array([1.0, 2.0]), np.zeros(0))
# case: conv(np.zeros(0), np.zeros(0))
# case: conv(np.arange(7, dtype=np.int32) * 100000, np.arange(5, dtype=np.int32) * 100000)
# case: conv(np.array([1 + 2j, 3j, -1]), np.array([2 - 1j, 0.5]))
# case: conv(np.array([True, False, False, True]), np.array([True, False]))


#pykernel export conv_mixed(int8[:], float32[:], uint8[:])
def conv_mixed(a, b, c):
    return np.convolve(a, b), np.convolve(a, c, 'same'), np.convolve(c, c)
# case: conv_mixed(np.array([1, -2, 3], dtype=np.int8), np.array([0.5, 2.0], dtype=np.float32), np.array([200, 100, 7], dtype=np.uint8))


#pykernel export smooth(float64[:], int)
def smooth(x, w):
    k = np.ones(w) / w
    y = np.convolve(x, k, 'same')
    for _ in range(2):
        y = np.convolve(y, np.array([0.25, 0.5, 0.25]), 'same')
    return y
# case: smooth(np.arange(16.0), 4)


#pykernel export append1(float32[::], int)
def append1(a, k):
    return np.append(a, k), np.append(a, 2.5), np.append(a, [1, 2]), np.append(a, a), np.append(a, True)
# case: append1(np.arange(3, dtype=np.float32), 7)
# case: append1(np.zeros(0, dtype=np.float32), -1)


#pykernel export append2(int64[::,::], int64[::,::], int)
def append2(a, b, ax):
    return np.append(a, b), np.append(a, b, axis=ax), np.append(a, np.full((1, 3), 9), axis=0), np.append(b, a, 1)
# case: append2(np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 3), 0)
# case: append2(np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 3), 1)
# case: append2(np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 3), -3)
# case: append2(np.arange(6).reshape(3, 2).T, np.arange(6, 12).reshape(2, 3), -1)


#pykernel export grow(int)
def grow(n):
    out = np.zeros(0, dtype=np.int64)
    for i in range(n):
        out = np.append(out, i * i)
    return out
# case: grow(6)
# case: grow(0)
