"""New arrays whose shape is a tuple value rather than a tuple display:
`np.zeros(a.shape)`, a tuple variable, `np.full(a.shape, v)`."""
import numpy as np


#pykernel export zeros_of_shape(int32[:,:])
def zeros_of_shape(a):
    b = np.zeros(a.shape)
    c = np.ones(a.shape, dtype=np.int32)
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            b[i, j] = a[i, j] * 0.5
            c[i, j] += a[i, j]
    return b, c
# case: zeros_of_shape(np.arange(6, dtype=np.int32).reshape(2, 3))


#pykernel export zeros_of_tuple_var(int, int)
def zeros_of_tuple_var(n, m):
    s = (n, m)
    a = np.zeros(s, dtype=np.int64)
    b = np.full(s, 2.5)
    return a, b
# case: zeros_of_tuple_var(2, 3)


#pykernel export ones_of_shape_1d(float64[:])
def ones_of_shape_1d(a):
    return np.ones(a.shape, dtype=np.uint8)
# case: ones_of_shape_1d(np.zeros(4))
