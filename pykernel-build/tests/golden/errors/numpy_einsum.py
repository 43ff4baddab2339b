import numpy as np


#pykernel export f(float64[:,:], float64[:])
def f(m, v):
    a = np.einsum(m, m)
    b = np.einsum('ij,jk', m)
    c = np.einsum('ij,j', m, v, v)
    d = np.einsum('i2', v)
    e = np.einsum('ij->k', m)
    g = np.einsum('ij->ii', m)
    h = np.einsum('ij-ji', m)
    i = np.einsum('...i', v)
    j = np.einsum('ii->i', m)
    k = np.einsum('ij,jk,kl', m, m, m)
    p = np.einsum('ij', m, optimize=True)
    q = np.einsum()
    return np.einsum('abc,def->abcdef', m, m)
