import numpy as np


#pykernel export f(float64[:,:], float64[:])
def f(m, v):
    l = np.einsum('ijk', m)
    n = np.einsum('i', m)
    o = np.einsum('i,i', v, 2.0)
    return np.einsum('ij,jk->ik', m, v)
