"""Regression cases: np.clip with bounds outside the integer dtype (saturated, as NumPy),
in-place operators on slices follow NumPy's casting (checked at build time)."""
import numpy as np


#pykernel export clip_bounds(uint8[:], int8[:])
def clip_bounds(a, b):
    return np.clip(a, 0, 300), np.clip(a, -5, 100), a.clip(3, 1000), np.clip(b, -200, 50), np.clip(b, 3.5, 100)
# case: clip_bounds(np.array([0, 5, 250], dtype=np.uint8), np.array([-128, 0, 127], dtype=np.int8))


#pykernel export clip_scalars(int8[:])
def clip_scalars(b):
    x = b[0]
    return np.clip(x, -200, 200), np.clip(x, 3, 4), np.clip(7, -1, 3)
# case: clip_scalars(np.array([5, 1], dtype=np.int8))
# case: clip_scalars(np.array([-100, 1], dtype=np.int8))


#pykernel export slice_inplace(float32[:], int64[:])
def slice_inplace(c, a):
    c[1:] += 2.0
    c[::2] *= c[1::2]
    a[1:] += a[:-1]
    a[:2] //= 2
    return c, a
# case: slice_inplace(np.linspace(0, 1, 6, dtype=np.float32), np.arange(-3, 3))
