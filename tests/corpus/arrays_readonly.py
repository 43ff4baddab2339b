"""Read-only arrays are accepted by a kernel file that never writes to an array (this
file): `readonly(...)` and broadcast views (zero strides, read-only) through `::`."""
import numpy as np


#pykernel export r_total(float64[:])
def r_total(a):
    s = 0.0
    for x in a:
        s += x
    return s
# case: r_total(readonly(np.array([1.0, 2.0, 4.5])))
# case: r_total(np.frombuffer(b"\0" + np.arange(4.0).tobytes(), dtype=np.float64, offset=1))


#pykernel export r_weighted(float64[::,::])
def r_weighted(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j] * (10 * i + j + 1)
    return s
# case: r_weighted(readonly(np.arange(6.0).reshape(2, 3)))
# case: r_weighted(np.broadcast_to(np.arange(3.0), (4, 3)))
# case: r_weighted(np.broadcast_to(np.arange(4.0).reshape(4, 1), (4, 3)))


#pykernel export r_same(int32[:,:])
def r_same(a):
    return a
# case: r_same(readonly(np.arange(6, dtype=np.int32).reshape(3, 2)))


#pykernel export r_new(float64[:])
def r_new(a):
    b = a.copy()
    return b, len(a)
# case: r_new(readonly(np.array([3.0, -1.0])))
