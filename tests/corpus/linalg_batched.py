"""Batched `@` / `np.matmul` with 3-D operands (stacks of matrices): 3-D·3-D, 3-D·2-D,
2-D·3-D, 3-D·1-D, 1-D·3-D, a stack of one broadcast, views, dtypes, NumPy's errors."""
import numpy as np


#pykernel export bmm(float64[::,::,::], float64[::,::,::])
def bmm(a, b):
    return a @ b
# case: bmm(np.arange(24.0).reshape(2, 3, 4), np.arange(40.0).reshape(2, 4, 5) % 7 - 3)
# case: bmm(np.arange(24.0).reshape(2, 3, 4), np.arange(20.0).reshape(1, 4, 5))
# case: bmm(np.arange(12.0).reshape(1, 3, 4), np.arange(40.0).reshape(2, 4, 5))
# case: bmm(np.arange(24.0).reshape(4, 3, 2).transpose(2, 1, 0), np.arange(48.0).reshape(2, 4, 6)[:, ::-1, ::2])
# case: bmm(np.zeros((0, 3, 4)), np.ones((1, 4, 2)))
# case: bmm(np.zeros((2, 3, 0)), np.ones((2, 0, 2)))
# case: bmm(np.ones((2, 3, 4)), np.ones((3, 4, 5)))
# case: bmm(np.ones((2, 3, 4)), np.ones((2, 3, 5)))
# case: bmm(np.ones((0, 3, 4)), np.ones((2, 4, 5)))


#pykernel export bmm_mixed(float64[::,::,::], float64[::,::], float64[::])
def bmm_mixed(a, m, x):
    return a @ m, np.matmul(m.T, a), a @ x, np.matmul(x[:3], a)
# case: bmm_mixed(np.arange(24.0).reshape(2, 3, 4), np.arange(12.0).reshape(4, 3) - 6, np.arange(4.0) - 1)
# case: bmm_mixed(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)), np.ones((4, 3)), np.ones(4))
# case: bmm_mixed(np.ones((2, 3, 4)), np.ones((5, 3)), np.ones(4))


#pykernel export bmm_ints(int32[:,:,:], int8[:,:,:], bool[:,:,:])
def bmm_ints(a, b, c):
    return a @ b, b @ b, c @ c
# case: bmm_ints(np.arange(18, dtype=np.int32).reshape(2, 3, 3) * 100000000, np.arange(18, dtype=np.int8).reshape(2, 3, 3) * 9, np.arange(18).reshape(2, 3, 3) % 3 == 0)


#pykernel export bmm_complex(complex128[:,:,:], float32[:,:])
def bmm_complex(z, f):
    return z @ f, f @ z
# case: bmm_complex(np.arange(8).reshape(2, 2, 2) * (1 - 2j), np.array([[1.0, -0.5], [2.0, 0.25]], dtype=np.float32))


#pykernel export bmm_expr(float64[:,:,:])
def bmm_expr(a):
    return (a + 1) @ a.transpose(0, 2, 1) * 2
# case: bmm_expr(np.arange(12.0).reshape(2, 2, 3))
