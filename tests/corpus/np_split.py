"""`np.split`, `np.array_split` (sections and indices, negative and out-of-range
indices, axes), `np.hsplit` / `np.vsplit` / `np.dsplit`: lists of views (of the
argument, or of an array the kernel made), with NumPy's errors; `np.gradient` (1-D to
3-D, spacings, `axis=`, dtypes), `np.correlate` (modes, the shorter array first,
complex conjugation) and `zeros_like` & co. with `dtype=`."""
import numpy as np


#pykernel export split1(float64[::], int)
#pykernel export split1(int8[::], int)
#pykernel export split1(bool[::], int)
def split1(a, k):
    return np.split(a, k), np.array_split(a, k), np.split(a, [1, 3]), np.array_split(a, (2, -1, 10, 1)), np.hsplit(a, k)
# case: split1(np.arange(6.0), 3)
# case: split1(np.arange(6.0), 1)
# case: split1(np.arange(6.0), 6)
# case: split1(np.arange(12.0)[::-2], 2)
# case: split1(np.arange(6.0), 4)
# case: split1(np.arange(6.0), 0)
# case: split1(np.arange(6.0), -2)
# case: split1(np.arange(6.0), -4)
# case: split1(np.arange(6.0), 7)
# case: split1(np.zeros(0), 2)
# case: split1(np.arange(4, dtype=np.int8), 2)
# case: split1(np.array([True, False]), 2)
# case: split1(readonly(np.arange(6.0)), 3)


#pykernel export array_split1(float64[::], int)
def array_split1(a, k):
    return np.array_split(a, k)
# case: array_split1(np.arange(7.0), 3)
# case: array_split1(np.arange(7.0), 10)
# case: array_split1(np.arange(7.0), 0)
# case: array_split1(np.zeros(0), 3)


#pykernel export split2(float64[::,::], int, int)
#pykernel export split2(complex128[::,::], int, int)
def split2(a, k, ax):
    return np.split(a, k, axis=ax), np.array_split(a, k, ax), np.split(a, [1], ax), np.array_split(a, [-1, 1], axis=ax)
# case: split2(np.arange(12.0).reshape(3, 4), 1, 0)
# case: split2(np.arange(12.0).reshape(4, 3), 2, 0)
# case: split2(np.arange(12.0).reshape(3, 4), 2, 1)
# case: split2(np.arange(12.0).reshape(3, 4), 2, -1)
# case: split2(np.arange(12.0).reshape(4, 3).T, 3, 0)
# case: split2(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 2, 1)
# case: split2(np.arange(12.0).reshape(3, 4), 2, 2)
# case: split2(np.arange(12.0).reshape(3, 4), 3, -3)
# case: split2(np.arange(12.0).reshape(3, 4) * 1j, 3, 0)


#pykernel export split_sections(float64[::], int list, int64[:])
def split_sections(a, idx, arr):
    return np.split(a, idx), np.array_split(a, arr)
# case: split_sections(np.arange(8.0), [2, 5], np.array([1, 1, 9]))
# case: split_sections(np.arange(8.0), [], np.array([], dtype=np.int64))


#pykernel export hvd(float64[::,::,::])
def hvd(a):
    return np.hsplit(a, 3), np.vsplit(a, [1]), np.dsplit(a, 2), np.hsplit(a, (1, 2))
# case: hvd(np.arange(24.0).reshape(2, 3, 4))
# case: hvd(np.arange(24.0).reshape(4, 3, 2).T)


#pykernel export split_created(int)
def split_created(n):
    a = np.arange(n * 3.0).reshape(n, 3)
    parts = np.split(a, n)
    parts[0][0, 0] = -1.0
    total = 0.0
    for p in np.array_split(a, 2, axis=1):
        total += p.sum()
    return parts, a, total, np.vsplit(a * 2, [1])
# case: split_created(2)
# case: split_created(1)


#pykernel export split_write(float64[::])
def split_write(a):
    left, right = np.split(a, 2)
    left[:] = 0.0
    right += 1.0
    return a
# case: split_write(np.arange(6.0))


#pykernel export split_unpack(float64[::,::], int, int list)
def split_unpack(a, k, sizes):
    top, bottom = np.array_split(a, k)
    n, m = sizes
    return top, bottom, n * m
# case: split_unpack(np.arange(12.0).reshape(4, 3), 2, [2, 5])
# case: split_unpack(np.arange(12.0).reshape(4, 3), 3, [2, 5])
# case: split_unpack(np.arange(12.0).reshape(4, 3), 1, [2, 5])
# case: split_unpack(np.arange(12.0).reshape(4, 3), 2, [2])


#pykernel export grad1(float64[::], float)
#pykernel export grad1(int32[::], float)
#pykernel export grad1(float32[::], float)
#pykernel export grad1(complex128[::], float)
#pykernel export grad1(uint8[::], float)
def grad1(f, dx):
    return np.gradient(f), np.gradient(f, dx), np.gradient(f, 2), np.gradient(f, axis=0), np.gradient(f, axis=-1)
# case: grad1(np.array([1.0, 2.0, 4.0, 7.0, 11.0, 16.0]), 0.5)
# case: grad1(np.array([1.0, 2.0, 4.0, 7.0, 11.0, 16.0]), 0.1)
# case: grad1(np.array([1.0, 2.0]), 3.0)
# case: grad1(np.array([1.0]), 3.0)
# case: grad1(np.zeros(0), 3.0)
# case: grad1(np.arange(20.0)[::-3] ** 2, 0.25)
# case: grad1(np.array([1.0, nan, inf, 2.0]), 1.0)
# case: grad1(np.array([1, 3, 7, -4], dtype=np.int32), 0.3)
# case: grad1(np.array([0.1, 0.7, 0.2], dtype=np.float32), 0.3)
# case: grad1(np.array([1 + 1j, 2 - 1j, 4j]), 0.5)
# case: grad1(np.array([0, 255, 3], dtype=np.uint8), 1.0)


#pykernel export grad_np_spacing(float32[::], float64[:], float32[:], int16[:])
def grad_np_spacing(f, d64, d32, i16):
    return np.gradient(f, d64[0]), np.gradient(f, d32[0]), np.gradient(f, i16[0]), np.gradient(f.astype(np.int16), d32[0])
# case: grad_np_spacing(np.array([0.1, 0.7, 0.2, 0.3], dtype=np.float32), np.array([0.3]), np.array([0.3], dtype=np.float32), np.array([3], dtype=np.int16))


#pykernel export grad2(float64[::,::], float, float)
#pykernel export grad2(int64[::,::], float, float)
def grad2(f, dx, dy):
    gy, gx = np.gradient(f)
    return gy, gx, np.gradient(f, dx), np.gradient(f, dx, dy), np.gradient(f, axis=1), np.gradient(f, dy, axis=0), np.gradient(f, dx, dy, axis=(1, 0)), np.gradient(f, axis=(-1,))
# case: grad2(np.arange(12.0).reshape(3, 4) ** 2, 0.5, 2.0)
# case: grad2(np.asfortranarray(np.arange(12.0).reshape(3, 4) ** 2), 0.1, 0.2)
# case: grad2(np.arange(12.0).reshape(4, 3).T ** 1.5, 1.0, 3.0)
# case: grad2(np.arange(12.0).reshape(2, 6), 1.0, 1.0)
# case: grad2(np.arange(12.0).reshape(6, 2)[::-2], 1.0, 1.0)
# case: grad2(np.arange(12.0).reshape(1, 12), 1.0, 1.0)
# case: grad2(np.arange(12).reshape(3, 4) ** 3, 0.5, 2.0)


#pykernel export grad3(float32[::,::,::])
def grad3(f):
    return np.gradient(f), np.gradient(f, axis=(2, 0))
# case: grad3(np.arange(24, dtype=np.float32).reshape(2, 3, 4) ** 2)
# case: grad3(np.arange(24, dtype=np.float32).reshape(4, 3, 2).T ** 2)


#pykernel export corr(float64[::], float64[::])
#pykernel export corr(int32[::], int32[::])
#pykernel export corr(complex128[::], complex128[::])
#pykernel export corr(bool[::], bool[::])
def corr(a, v):
    return np.correlate(a, v), np.correlate(a, v, 'same'), np.correlate(a, v, mode='full'), np.correlate(v, a, 'valid'), np.correlate(a, v, 2), np.convolve(a, v, 1)
# case: corr(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5]))
# case: corr(np.arange(10.0), np.array([1.0, -2.0, 1.0]))
# case: corr(np.arange(10.0)[::-2], np.array([0.25, 0.5, 0.25, 2.0]))
# case: corr(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0, 4.0]))
# case: corr(np.array([5.0]), np.array([2.0]))
# case: corr(np.array([1.0, 2.0]), np.zeros(0))
# case: corr(np.zeros(0), np.array([1.0, 2.0]))
# case: corr(np.arange(7, dtype=np.int32) * 100000, np.arange(5, dtype=np.int32) * 100000)
# case: corr(np.array([1 + 2j, 3j, -1]), np.array([2 - 1j, 0.5]))
# case: corr(np.array([1j, 2]), np.array([1, 2j, 3]))
# case: corr(np.array([True, False, False, True]), np.array([True, False]))


#pykernel export corr_mixed(int8[:], float32[:], uint8[:])
def corr_mixed(a, b, c):
    return np.correlate(a, b, 'full'), np.correlate(c, a, 'same'), np.correlate(c, c)
# case: corr_mixed(np.array([1, -2, 3], dtype=np.int8), np.array([0.5, 2.0], dtype=np.float32), np.array([200, 100, 7], dtype=np.uint8))


#pykernel export likes(float64[::,::], int8[:])
def likes(a, b):
    return (np.zeros_like(a, dtype=np.int32), np.ones_like(a, dtype=bool), np.full_like(a, 7, dtype=np.uint8),
            np.full_like(b, 2.5, dtype=np.float32), np.empty_like(a, dtype=np.complex64).shape,
            np.zeros_like(b, b.dtype), np.ones_like(b, dtype=a.dtype), np.full_like(a, 300, b.dtype))
# case: likes(np.arange(6.0).reshape(2, 3), np.arange(3, dtype=np.int8))
# case: likes(np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.zeros(0, dtype=np.int8))
