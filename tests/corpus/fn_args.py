"""Functions passed as arguments and as default values: the callee is compiled once per
function it receives (as Pythran does)."""
import numpy as np


def wrap(pos, offset, bound):
    return (pos + offset) % bound


def clamp(pos, offset, bound):
    return min(bound - 1, max(0, pos + offset))


#pykernel export local_max(float64[:])
#pykernel export local_max(float64[:], int)
def local_max(data, k=0):
    if k == 0:
        return maxima(data, wrap)
    return maxima(data, clamp)


def maxima(data, mode=wrap):
    n = len(data)
    out = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        v = data[i]
        out[i] = v >= data[mode(i, -1, n)] and v >= data[mode(i, 1, n)]
    return out
# case: local_max(np.array([1.0, 3.0, 2.0, 5.0, 0.5]))
# case: local_max(np.array([1.0, 3.0, 2.0, 5.0, 0.5]), 1)
# case: local_max(np.array([4.0]), 1)


#pykernel export default_mode(float64[:])
def default_mode(data, mode=clamp):
    return maxima(data, mode)
# case: default_mode(np.array([1.0, 3.0, 2.0, 5.0, 0.5]))


#pykernel export apply_twice(int)
def apply_twice(x):
    return twice(inc, x) + twice(dbl, x) + twice(f=dbl, x=1)


def inc(v):
    return v + 1


def dbl(v):
    return 2 * v


def twice(f, x):
    return f(f(x))
# case: apply_twice(5)


#pykernel export close(float64[::], float64[::], int64[:], float32[:])
def close(a, b, k, f):
    return (np.isclose(a, b), np.allclose(a, b), np.isclose(a, b, rtol=1e-3), np.isclose(a, b, atol=0.5, equal_nan=True),
            np.allclose(k, k + 1e-9), np.isclose(f, f * 2), np.isclose(1.0, 1.0 + 1e-9), np.allclose(a[0], b, 1e-2, 1e-3))
# case: close(np.array([1.0, np.nan, np.inf, 2.0, -np.inf]), np.array([1.0 + 1e-6, np.nan, np.inf, 2.5, np.inf]), np.array([1, 2]), np.array([0.0, 1.0], dtype=np.float32))
# case: close(np.linspace(0, 1, 7)[::-1], np.linspace(0, 1, 7) ** 1.0001, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))


#pykernel export summation(float32[:,:], float32[:], float32[:,:])
def summation(pos, weights, points):
    n_points = len(points)
    n_weights = len(weights)
    sum_array3d = np.zeros((n_points, 3))

    def compute(i):
        pxi = points[i, 0]
        total = 0.0
        for j in range(n_weights):
            dx = pxi - pos[j, 0]
            dr = 1.0 / np.sqrt(dx * dx + 1.0)
            total += weights[j] * dr
            sum_array3d[i, 0] += weights[j] * dx
        return total
    sum_array = np.array([compute(i) for i in range(n_points)])
    return sum_array, sum_array3d
# case: summation(np.arange(1, 13, dtype=np.float32).reshape(4, 3), np.ones(4, dtype=np.float32), np.arange(12, dtype=np.float32).reshape(4, 3))


#pykernel export montecarlo(float, float, int)
def montecarlo(xmin, xmax, n):
    scale = 2.0

    def f(x):
        return math_sin(x) * scale
    ymin = f(xmin)
    ymax = ymin
    for i in range(n):
        x = xmin + (xmax - xmin) * float(i) / n
        y = f(x)
        if y < ymin:
            ymin = y
        scale = 1.0 + i / n
        if y > ymax:
            ymax = y
    return ymin, ymax


def math_sin(x):
    return x - x * x * x / 6.0
# case: montecarlo(1.0, 10.0, 100)
