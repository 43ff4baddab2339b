"""Overload dispatch with arrays: several export lines or `or`, chosen by dtype, rank
and layout of the arguments."""
import numpy as np


#pykernel export running(float64[:])
#pykernel export running(int64[:])
#pykernel export running(uint8[:])
def running(a):
    s = a[0]
    for i in range(1, len(a)):
        s += a[i]
        a[i] = s
    return s
# case: running(np.array([1.5, 2.0, -0.25]))
# case: running(np.array([1, 2, 3, 2**62, 2**62]))
# case: running(np.array([200, 50, 10], dtype=np.uint8))
# case: running(np.zeros((0,)))
# case: running(np.array([1, 2], dtype=np.int32))  # expect-error TypeError
# case: running(np.array([1.0, 2.0], dtype=np.float32))  # expect-error TypeError
# case: running([1.0, 2.0])  # expect-error TypeError


#pykernel export describe(float32[:] or float64[:])
def describe(a):
    return a[0] * 2, len(a)
# case: describe(np.array([1.5, 2.0], dtype=np.float32))
# case: describe(np.array([1.5, 2.0]))
# case: describe(np.array([1, 2]))  # expect-error TypeError


#pykernel export size_of(float64[:])
#pykernel export size_of(float64[:,:])
#pykernel export size_of(float64[:,:,:])
def size_of(a):
    return a.size, a.ndim, a.shape[0]
# case: size_of(np.zeros(5))
# case: size_of(np.zeros((2, 3)))
# case: size_of(np.zeros((2, 3, 4)))
# case: size_of(np.zeros((2, 3, 4, 5)))  # expect-error TypeError


#pykernel export scaled(float64[:], float)
#pykernel export scaled(int64[:], int)
def scaled(a, k):
    out = np.zeros_like(a)
    for i in range(len(a)):
        out[i] = a[i] * k
    return out
# case: scaled(np.array([1.5, -2.0]), 2.0)
# case: scaled(np.array([3, -4]), 5)


#pykernel export pair(float64[:], float64[:])
#pykernel export pair(int32[:], int32[:])
def pair(a, b):
    return a[0] + b[0]
# case: pair(np.array([1.5]), np.array([2.25]))
# case: pair(np.array([1], dtype=np.int32), np.array([2], dtype=np.int32))
# case: pair(np.array([1.5]), np.array([2], dtype=np.int32))  # expect-error TypeError
