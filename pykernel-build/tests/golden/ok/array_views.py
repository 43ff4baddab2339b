import numpy as np

#pykernel export views(float64[:,:])
def views(a):
    s = 0.0
    inner = a[1:-1, 1:-1]
    for i in range(inner.shape[0]):
        for j in range(inner.shape[1]):
            s += inner[i, j]
    col = a[:, 0]
    rev = a[::-1, 0]
    t = a.T
    return s, col[0] + rev[0], t[0, 1], len(a[1:]), a[0, ::2].size

#pykernel export fill(float64[:,:])
def fill(a):
    a[0, :] = 7.0
    a[1:, 1] = -1.0
    a[-1] = a[0]
    return a

#pykernel export ranges(int)
def ranges(n):
    x = np.arange(n)
    y = np.arange(1.0, 2.0, 0.1)
    z = np.linspace(0.0, 1.0, n)
    w = np.array([1, 2, 3])
    v = np.array((1.5, 2.5), dtype=np.float32)
    return x, y, z, w, v

#pykernel export rev1(int64[::])
def rev1(a):
    b = a[::-1].copy()
    a[1:3] = b[0:2]
    return b
