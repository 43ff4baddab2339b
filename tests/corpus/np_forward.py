"""Named whole-array temporaries computed where they are used (forwarding), and the
shapes where they must not be: the array or a local the temporary reads changes in
between, the temporary is aliased, viewed, used in a loop or more than a few times."""
import numpy as np


#pykernel export single_use_reduction(float64[:])
def single_use_reduction(x):
    t0 = 100 * (x[1:] - x[:-1] ** 2) ** 2
    t1 = (1 - x[:-1]) ** 2
    return np.sum(t0 + t1)
# case: single_use_reduction(np.linspace(-1, 1, 1001))
# case: single_use_reduction(np.linspace(-1, 1, 1))


#pykernel export chained(float64[:], float, float)
def chained(data, mean, sigma):
    s = (data - mean) ** 2 / (2 * (sigma ** 2))
    pdfs = np.exp(- s)
    pdfs /= np.sqrt(2 * np.pi) * sigma
    return np.log(pdfs).sum()
# case: chained(np.linspace(0, 1, 1000), 0.1, 1.1)  # ulp4


#pykernel export cheap_reuse(float64[::,::])
def cheap_reuse(I):
    dx = I[1:, 1:] - I[:-1, 1:]
    dy = I[1:, 1:] - I[1:, :-1]
    A = dx * dx
    B = dy * dy
    C = dx * dy
    tr = A + B
    det = A * B - C * C
    return det - 0.05 * tr * tr
# case: cheap_reuse(np.linspace(0, 3, 42).reshape(6, 7) ** 1.5)
# case: cheap_reuse(np.linspace(0, 3, 42).reshape(7, 6).T ** 1.5)


#pykernel export store_between(float64[:])
def store_between(a):
    t = a * 2.0
    a[0] = 100.0
    return t + 1.0
# case: store_between(np.linspace(0, 1, 5))


#pykernel export inplace_between(float64[:])
def inplace_between(a):
    t = a * 2.0
    a += 1.0
    return t + a
# case: inplace_between(np.linspace(0, 1, 5))


#pykernel export rebound_between(float64[:], float64[:])
def rebound_between(a, b):
    t = a * 2.0
    a = b
    return t + a
# case: rebound_between(np.linspace(0, 1, 5), np.ones(5))


#pykernel export scalar_rebound(float64[:], float)
def scalar_rebound(a, k):
    t = a * k
    k = k + 1.0
    return np.sum(t) + k
# case: scalar_rebound(np.linspace(0, 1, 5), 3.0)


#pykernel export aliased(float64[:])
def aliased(a):
    t = a + 1.0
    u = t
    u[0] = 5.0
    return t
# case: aliased(np.linspace(0, 1, 5))


#pykernel export viewed(float64[:])
def viewed(a):
    t = a + 1.0
    return t[1:] * 2.0
# case: viewed(np.linspace(0, 1, 5))


#pykernel export in_loop(complex128[:], complex128[:], int)
def in_loop(z, c, n):
    for i in range(n):
        t = z * z + c
        z = t
    return z
# case: in_loop(np.linspace(-1, 1, 7) * 0.5j, np.linspace(-0.5, 0.5, 7) + 0j, 5)


#pykernel export expensive_reuse(float64[:])
def expensive_reuse(a):
    t = np.exp(a)
    return t + t * 2.0 - np.sqrt(t)
# case: expensive_reuse(np.linspace(-2, 2, 9))  # ulp4


#pykernel export many_reads(float64[:])
def many_reads(a):
    t = a * 3.0
    return t + t * t - t / (t + 1.0) + t
# case: many_reads(np.linspace(-2, 2, 9))


#pykernel export no_broadcast(float64[:], float64[:])
def no_broadcast(a, b):
    t = a + b
    return np.sum(t * 2.0)
# case: no_broadcast(np.ones(3), np.ones(4))
# case: no_broadcast(np.ones(3), np.ones(1))


#pykernel export helper_between(float64[:])
def helper_between(a):
    t = a * 2.0
    bump(a)
    return t + 0.0


def bump(a):
    a[0] += 10.0
# case: helper_between(np.linspace(0, 1, 4))


#pykernel export returned_whole(float64[:], float64[:])
def returned_whole(a, b):
    t = np.maximum(a, b) - np.minimum(a, b)
    return t
# case: returned_whole(np.linspace(0, 1, 4), np.linspace(1, 0, 4))


#pykernel export int_weak(int32[:], int8[:])
def int_weak(a, b):
    t = a * 3 + b
    u = t // 2 - 7
    return u * t, (t % 5).sum()
# case: int_weak(np.arange(-6, 6, dtype=np.int32), np.arange(12, dtype=np.int8))


#pykernel export in_branch(float64[:], bool)
def in_branch(a, flag):
    t = a * 2.0
    if flag:
        return t + 1.0
    return t - 1.0
# case: in_branch(np.linspace(0, 1, 3), True)
# case: in_branch(np.linspace(0, 1, 3), False)


#pykernel export into_stores(float64[:,:], float64[:,:])
def into_stores(A, B):
    k, m = A.shape
    D = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            w = (A[:, i] - B[:, j]) / (1.0 + B[:, i])
            D[i, j] = np.sqrt((w ** 2).sum())
    return D
# case: into_stores(np.linspace(0, 1, 12).reshape(4, 3), np.linspace(1, 3, 12).reshape(4, 3) ** 1.5)


#pykernel export overlapping_stores(float64[:])
def overlapping_stores(a):
    t = a[::-1] * 2.0
    a += t
    u = a[1:] + 1.0
    a[:-1] = u
    v = a[:-2] * a[2:]
    a[1:-1] *= v
    return a
# case: overlapping_stores(np.linspace(0, 1, 7))
# case: overlapping_stores(np.linspace(0, 1, 2))
