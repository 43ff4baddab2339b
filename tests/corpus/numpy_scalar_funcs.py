# NumPy's functions on single numbers (np.sqrt(x) & co.): NumPy result types (float32
# stays float32, int16 gives float32, floor/ceil/trunc/abs keep integer types), no
# exceptions (NaN and inf instead), and NumPy scalar types used as conversions. (NumPy's
# exp/log/sin/... are its own code, not the C library's: kernels use math.* for those.)
import numpy as np


#pykernel export np_sqrt_abs(float, int)
def np_sqrt_abs(x, n):
    return np.sqrt(x), np.abs(x), np.abs(n), np.sqrt(n), np.floor(x), np.ceil(n), np.trunc(x)
# case: np_sqrt_abs(2.25, -9)
# case: np_sqrt_abs(-1.5, 4)
# case: np_sqrt_abs(-0.0, 0)


#pykernel export np_f32(float32[:], int16[:])
def np_f32(x, k):
    return np.sqrt(x[0]), np.abs(x[1]), np.sqrt(k[0]), np.floor(x[1]), np.abs(k[1])
# case: np_f32(np.array([2.0, -3.5], dtype=np.float32), np.array([4, -9], dtype=np.int16))
# case: np_f32(np.array([-1.0, 0.25], dtype=np.float32), np.array([-4, 9], dtype=np.int16))


#pykernel export np_predicates(float)
def np_predicates(x):
    return np.isnan(x), np.isinf(x), np.isfinite(x), np.isnan(3)
# case: np_predicates(nan)
# case: np_predicates(-inf)
# case: np_predicates(1.5)


#pykernel export np_casts(float, int)
def np_casts(x, n):
    return np.float32(x), np.int32(x), np.int64(n), np.float64(n), np.uint8(n)
# case: np_casts(2.7, 200)
# case: np_casts(-2.7, 5)
# case: np_casts(nan, 1)
# case: np_casts(1.0, 300)
