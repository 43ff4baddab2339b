"""Array loop kernels for the issue-3 benchmark: pykernel vs hand-written Rust vs Pythran.

Plain Python (runs unchanged under CPython and compiles with Pythran), written as explicit
loops over NumPy arrays: element indexing `a[i, j]` / `a[i]`, `a.shape`, `len`, `range`,
`np.zeros` / `np.empty` / `np.zeros_like` for new arrays, scalar arithmetic, `min`/`max`,
`int(...)` and tuple assignment. No vectorized NumPy expressions, no slices.

Every kernel does the same floating-point operations in the same order as its
hand-written Rust counterpart (`bench/rust-arrays/src/lib.rs`), so all implementations
give bit-identical results.
"""
import numpy as np


#pythran export matmul(float64[:,:], float64[:,:])
def matmul(a, b):
    """a @ b by three loops, in i-k-j order (the inner loop runs along rows of b and c)."""
    n, p = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for k in range(p):
            aik = a[i, k]
            for j in range(m):
                c[i, j] += aik * b[k, j]
    return c


#pythran export floyd_warshall(float64[:,:])
def floyd_warshall(d):
    """All-pairs shortest paths, in place: d[i, j] is the length of the edge i -> j
    (inf if none, 0 on the diagonal); afterwards the shortest distance."""
    n = d.shape[0]
    for k in range(n):
        for i in range(n):
            dik = d[i, k]
            for j in range(n):
                d[i, j] = min(d[i, j], dik + d[k, j])
    return d


#pythran export stencil5(float64[:,:], int)
def stencil5(u, iters):
    """`iters` Jacobi sweeps of the 5-point average over the interior of u (the boundary
    stays fixed), with two buffers swapped after each sweep; returns a new array."""
    n, m = u.shape
    a = np.empty((n, m))
    b = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = u[i, j]
            b[i, j] = u[i, j]
    for t in range(iters):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                b[i, j] = 0.2 * (a[i, j] + a[i - 1, j] + a[i + 1, j]
                                 + a[i, j - 1] + a[i, j + 1])
        a, b = b, a
    return a


#pythran export conv1d(float64[:], float64[:])
def conv1d(x, w):
    """'Valid' sliding dot product: y[i] = sum(x[i + k] * w[k] for k < len(w)),
    for 0 <= i <= len(x) - len(w) (a correlation, as in signal and ML libraries)."""
    n = len(x)
    m = len(w)
    y = np.zeros(n - m + 1)
    for i in range(n - m + 1):
        s = 0.0
        for k in range(m):
            s += x[i + k] * w[k]
        y[i] = s
    return y


#pythran export histogram(float64[:], int, float64, float64)
def histogram(x, nbins, lo, hi):
    """Counts of x in nbins equal bins over [lo, hi); values outside go to the first or
    last bin. Returns an int64 array."""
    counts = np.zeros(nbins, dtype=np.int64)
    width = (hi - lo) / nbins
    for i in range(len(x)):
        k = int((x[i] - lo) / width)
        k = min(max(k, 0), nbins - 1)
        counts[k] += 1
    return counts


#pythran export insertion_sort(float64[:])
def insertion_sort(a):
    """Sorts a in place (ascending), by insertion."""
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v


#pythran export trivial(float64[:])
def trivial(a):
    """a[0]: for the Python call overhead (bench/call_overhead.py)."""
    return a[0]
