"""Stores and in-place operators whose operands include the target itself (read where
the element is written), next to operands that overlap it otherwise."""
import numpy as np


#pykernel export gs_step(float64[::,::], float64[::,::], float)
def gs_step(U, V, F):
    u, v = U[1:-1, 1:-1], V[1:-1, 1:-1]
    Lu = U[0:-2, 1:-1] + U[1:-1, 0:-2] - 4 * U[1:-1, 1:-1] + U[1:-1, 2:] + U[2:, 1:-1]
    uvv = u * v * v
    u += 0.16 * Lu - uvv + F * (1 - u)
    v += uvv - (F + 0.06) * v
    return U, V
# case: gs_step(np.linspace(0, 1, 42).reshape(6, 7) ** 1.3, np.linspace(1, 2, 42).reshape(6, 7), 0.04)
# case: gs_step(np.linspace(0, 1, 42).reshape(7, 6).T ** 1.3, np.linspace(1, 2, 42).reshape(6, 7), 0.04)


#pykernel export slice_self(float64[:], int32[:,:])
def slice_self(a, m):
    a[1:-1] = a[1:-1] * 2.0 + a[:-2]
    a[::2] += a[::2] ** 2
    m[1] -= m[1] // 2 + m[0]
    m[:, 0] = m[:, 0] * 3 - 1
    a[::-1] *= a[::-1] + 1.0
    return a, m
# case: slice_self(np.linspace(0, 1, 9), np.arange(12, dtype=np.int32).reshape(3, 4))
# case: slice_self(np.linspace(0, 1, 1), np.arange(4, dtype=np.int32).reshape(2, 2))


#pykernel export whole_self(float32[::,::], float)
def whole_self(a, k):
    a += a * k
    a *= 1.5
    a -= a.T
    return a
# case: whole_self(np.linspace(0, 1, 16, dtype=np.float32).reshape(4, 4), 0.5)
# case: whole_self(np.linspace(0, 1, 16, dtype=np.float32).reshape(4, 4).T, 0.5)
# case: whole_self(np.linspace(0, 1, 32, dtype=np.float32).reshape(4, 8)[:, ::2], 0.5)
