import numpy as np


#pykernel export f(float64[:], float64[:,:], float64[:,:,:,:], bool[:], float32[:,:,:])
def f(v, m, q, b, s):
    a = np.linalg.det(v)
    c = np.linalg.inv(2.0)
    d = np.linalg.solve(m, 1.0)
    e = np.linalg.inv(q)
    g = np.linalg.solve(s, q)
    h = np.cross(v, 2.0)
    i = np.cross(b, b)
    j = np.linalg.det(m, m)
    return np.linalg.solve(m)
