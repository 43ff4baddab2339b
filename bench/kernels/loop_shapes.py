"""Loop kernels written the way people write them, not the way an optimiser likes them.

Plain Python over NumPy arrays (runs unchanged under CPython). Each kernel indexes in a
different style: reversed and mirrored indices, `for v in x`, `zip`, `enumerate`,
triangular loops, `while` loops with the update at the top, stepped and negative-step
ranges, index arithmetic in locals and in helper functions, `%` wrap-around, clamps,
`int()` binning. The benchmark (`bench/run_shapes.sh`) runs them compiled by pykernel
(bounds checks on, as shipped), by pykernel with `Config::bounds_checks(false)`, and by
Pythran, side by side.
"""
import numpy as np


#pythran export conv_reversed(float64[:], float64[:], float64[:])
def conv_reversed(s, k, out):
    """Valid-mode convolution, reading the kernel reversed."""
    n = len(s)
    m = len(k)
    for i in range(n - m + 1):
        acc = 0.0
        for j in range(m):
            acc += s[i + j] * k[m - 1 - j]
        out[i] = acc
    return out[0]


#pythran export hist_foreach(float64[:], int, float64, float64)
def hist_foreach(x, nbins, lo, hi):
    """Histogram iterating over the values, binning with int()."""
    counts = [0] * nbins
    width = (hi - lo) / nbins
    for v in x:
        if v >= lo and v < hi:
            b = int((v - lo) / width)
            if b >= nbins:
                b = nbins - 1
            counts[b] += 1
    total = 0
    for i in range(nbins):
        total += counts[i] * (i + 1)
    return total


def wrap(i, n):
    return i % n


#pythran export wrap_stencil(float64[:], int)
def wrap_stencil(x, sweeps):
    """Periodic 3-point smoothing, indices through a helper with %."""
    n = len(x)
    a = x.copy()
    b = x.copy()
    for _ in range(sweeps):
        for i in range(n):
            b[i] = (a[wrap(i - 1, n)] + a[i] + a[wrap(i + 1, n)]) / 3.0
        a, b = b, a
    return a[0] + a[n // 2]


#pythran export decimate(float64[:], int)
def decimate(x, f):
    """Average of neighbouring samples at every f-th position, index in a local."""
    m = (len(x) - 1) // f
    s = 0.0
    for k in range(m):
        i = k * f
        s += (x[i] + x[i + 1]) * 0.5
    return s


#pythran export zip_dot(float64[:], float64[:])
def zip_dot(x, y):
    """Dot product over zip."""
    s = 0.0
    for a, b in zip(x, y):
        s += a * b
    return s


#pythran export forward_subst(float64[:,:], float64[:])
def forward_subst(L, b):
    """Lower-triangular solve: a triangular loop nest."""
    n = len(b)
    x = b.copy()
    for i in range(n):
        s = b[i]
        for j in range(i):
            s -= L[i, j] * x[j]
        x[i] = s / L[i, i]
    return x


#pythran export while_top(float64[:], float64[:])
def while_top(x, out):
    """Prefix maximum in a while loop whose counter moves first."""
    i = -1
    n = len(x)
    best = x[0]
    while i < n - 1:
        i += 1
        if x[i] > best:
            best = x[i]
        out[i] = best
    return best


#pythran export pair_sums(float64[:], float64[:])
def pair_sums(x, out):
    """Sums of pairs through a stepped range, written at i // 2."""
    for i in range(0, len(x) - 1, 2):
        out[i // 2] = x[i] + x[i + 1]
    return out[0]


#pythran export mirror_smooth(float64[:], float64[:])
def mirror_smooth(x, out):
    """Second difference and a mirrored average: i - 1, i + 1 and n - 1 - i."""
    n = len(x)
    for i in range(1, n - 1):
        out[i] = 0.25 * (x[i - 1] - 2.0 * x[i] + x[i + 1]) + 0.5 * x[n - 1 - i]
    return out[n // 2]


#pythran export enum_scale(float64[:], float64[:], float64[:])
def enum_scale(x, w, out):
    """Weighted copy over enumerate."""
    for i, v in enumerate(x):
        out[i] = v * w[i] + out[i]
    return out[-1]


#pythran export suffix_sums(float64[:], float64[:])
def suffix_sums(x, out):
    """Suffix sums over a reversed range."""
    n = len(x)
    out[n - 1] = x[n - 1]
    for i in reversed(range(n - 1)):
        out[i] = out[i + 1] + x[i]
    return out[0]


#pythran export clamp_gather(float64[:], int, float64[:])
def clamp_gather(x, d, out):
    """Shifted copy with clamped indices (edge padding)."""
    n = len(x)
    for i in range(n):
        out[i] = x[min(max(i + d, 0), n - 1)]
    return out[0] + out[n - 1]


#pythran export life_steps(int64[:,:], int)
def life_steps(g, steps):
    """Game of Life on a torus: neighbour indices wrap with %."""
    n = g.shape[0]
    m = g.shape[1]
    a = g.copy()
    b = g.copy()
    for _ in range(steps):
        for i in range(n):
            for j in range(m):
                c = 0
                for di in range(-1, 2):
                    for dj in range(-1, 2):
                        if di != 0 or dj != 0:
                            c += a[(i + di) % n, (j + dj) % m]
                if c == 3 or (c == 2 and a[i, j] == 1):
                    b[i, j] = 1
                else:
                    b[i, j] = 0
        # (not `a, b = b, a`: Pythran 0.19 returns wrong counts for that swap)
        for i in range(n):
            for j in range(m):
                a[i, j] = b[i, j]
    total = 0
    for i in range(n):
        for j in range(m):
            total += a[i, j]
    return total


#pythran export down_count(float64[:], float64)
def down_count(x, t):
    """Scan from the end with a while loop moving down by 1."""
    j = len(x) - 1
    s = 0.0
    while j >= 0:
        if x[j] > t:
            s += x[j]
        j -= 1
    return s


# Shapes added in session 19, written before looking at their generated code.

#pythran export rows_foreach(float64[:,:])
def rows_foreach(a):
    """Rows of a 2-D array, then their values: `for row in a: for v in row`."""
    s = 0.0
    for row in a:
        for v in row:
            s += v * v
    return s


#pythran export ema(float64[:], float64)
def ema(x, alpha):
    """A recurrence through the output array."""
    y = np.empty_like(x)
    if len(x) == 0:
        return y
    y[0] = x[0]
    for i in range(1, len(x)):
        y[i] = alpha * x[i] + (1.0 - alpha) * y[i - 1]
    return y


def at(u, i, j):
    n, m = u.shape
    return u[i % n, j % m]


#pythran export torus_blur(float64[:,:])
def torus_blur(u):
    """A periodic 2-D stencil through a helper taking the array and two indices."""
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            out[i, j] = 0.25 * (at(u, i - 1, j) + at(u, i + 1, j) + at(u, i, j - 1)
                                + at(u, i, j + 1))
    return out


#pythran export first_above(float64[:], float64)
def first_above(x, t):
    """A `while` scan that stops at the first match, the counter moved at the end."""
    i = 0
    n = x.shape[0]
    while i < n:
        if x[i] > t:
            break
        i += 1
    return i


#pythran export sym_dot(float64[:,:])
def sym_dot(a):
    """A triangular loop reading a row and a column."""
    n = a.shape[0]
    s = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            s += a[i, j] * a[j, i]
    return s


#pythran export bubble_pass(float64[:], int)
def bubble_pass(a, passes):
    """Neighbour swaps by tuple assignment."""
    n = len(a)
    for _ in range(passes):
        for j in range(n - 1):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a


#pythran export gather_sum(float64[:], int64[:])
def gather_sum(x, idx):
    """Indices read from data (their check stays)."""
    s = 0.0
    for k in idx:
        s += x[k]
    return s
