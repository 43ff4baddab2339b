import numpy as np


#pykernel export diagonals(float64[:,:,:], float64[:], float64[:,:])
def diagonals(t, v, m):
    return np.diag(t), np.diagonal(v), np.diagonal(m, 0, 1, 1), m.diagonal(0, 0, 2), np.diag(m, 1.5)


#pykernel export splits(float64[:], float64[:,:], int)
def splits(v, m, k):
    return np.vsplit(v, 2), np.dsplit(m, 2), np.split(v, 2.0), np.split(m, 2, axis=2), np.hsplit(m, [1.5])


#pykernel export gradient_orders(float64[:,:])
def gradient_orders(m):
    return np.gradient(m, edge_order=2), np.gradient(m, edge_order=3)


#pykernel export gradients(bool[:], float64[:,:], float64[:], int)
def gradients(b, m, x, k):
    return np.gradient(b), np.gradient(m, 1.0, 2.0, 3.0), np.gradient(m, x, x), np.gradient(m, axis=k), np.gradient(m, axis=(0, 0)), np.gradient(m, axis=2)


#pykernel export modes_and_keywords(float64[:], int)
def modes_and_keywords(v, n):
    return np.correlate(v, v, 'f'), np.convolve(v, v, 3), np.tri(n, order='F'), np.indices((n,), sparse=True)


#pykernel export constructors(float64[:], float64[:,:], int list)
def constructors(v, m, dims):
    return np.correlate(m, v), np.indices(dims), np.indices((1, 2, 3, 4, 5)), np.eye(2.5), np.tri(3, 1.0)
