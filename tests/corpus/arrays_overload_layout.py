"""Overloads that differ only in the memory layout of an array argument (C order,
`order(F)`, strided `::`): dispatch on the argument's layout."""
import numpy as np


#pykernel export layout_sum(float64[:,:])
#pykernel export layout_sum(float64[:,:] order(F))
#pykernel export layout_sum(float64[::,::])
def layout_sum(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j] * (10 * i + j + 1)
    return s
# case: layout_sum(np.arange(6.0).reshape(2, 3))
# case: layout_sum(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# case: layout_sum(np.arange(24.0).reshape(4, 6)[::2, ::-3])


#pykernel export c_or_f(float64[:,:])
#pykernel export c_or_f(float64[:,:] order(F))
def c_or_f(a):
    a[0, 1] = -1.0
    return a
# case: c_or_f(np.arange(6.0).reshape(2, 3))
# case: c_or_f(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# case: c_or_f(np.arange(24.0).reshape(4, 6)[::2, ::3])  # expect-error TypeError