"""Lists indexed in loops that cannot change any list's length: the loop reads the list's
element buffer once (analysis/lists.rs). Same values, same errors, aliases see every
store."""
import numpy as np


#pythran export hist_each(float64[::], int, float64, float64)
def hist_each(x, nbins, lo, hi):
    counts = [0] * nbins
    width = (hi - lo) / nbins
    for v in x:
        if v >= lo and v < hi:
            b = int((v - lo) / width)
            if b >= nbins:
                b = nbins - 1
            counts[b] += 1
    return counts
# case: hist_each(np.linspace(-1.0, 1.0, 101), 7, -0.5, 0.75)
# case: hist_each(np.linspace(-1.0, 1.0, 5)[::-1], 3, -2.0, 2.0)
# case: hist_each(np.zeros(0), 4, 0.0, 1.0)


#pythran export negative_slots(int list, int)
def negative_slots(a, k):
    # Negative indices count from the end through the buffer too.
    for i in range(k):
        a[-1 - i % len(a)] += i
        a[i % len(a) - len(a)] = a[-1] - a[0]
    return a
# case: negative_slots([1, 2, 3, 4], 9)
# case: negative_slots([5], 3)


#pythran export raises_midway(int list, int)
def raises_midway(a, n):
    # The IndexError (and its message) comes from the same element as in CPython; the
    # stores before it are kept.
    for i in range(n):
        a[i * 2 - 3] = i
    return a
# case: raises_midway([0, 0, 0, 0, 0], 4)
# case: raises_midway([0, 0, 0, 0, 0], 5)
# case: raises_midway([7], 1)


#pythran export store_error(float list, int)
def store_error(a, n):
    i = 0
    while i < n:
        a[n - 2 * i] = 1.5 * i
        i += 1
    return a
# case: store_error([0.0, 1.0, 2.0], 2)
# case: store_error([0.0, 1.0, 2.0], 3)


#pythran export aliases(int)
def aliases(n):
    a = [0] * 4
    b = a
    for i in range(n):
        b[i % 4] += 1
        a[(i + 1) % 4] += b[i % 4] * 10
    b[0] = -1
    return a, b
# case: aliases(11)
# case: aliases(0)


#pythran export outer_grows(int)
def outer_grows(n):
    # The outer loop appends (no buffer there); the inner loop cannot resize: it takes
    # the buffer each time it starts, after the append.
    acc = []
    for i in range(n):
        acc.append(i)
        for j in range(len(acc)):
            acc[j] += j
    return acc
# case: outer_grows(6)


#pythran export rebound_inside(int)
def rebound_inside(n):
    a = [1, 2, 3]
    t = 0
    for i in range(n):
        t += a[i % 3]
        if i == 2:
            a = [10, 20, 30]
    return t, a
# case: rebound_inside(7)


#pythran export sorted_in_loop(float list, int)
def sorted_in_loop(a, n):
    # Sorting reorders the same buffer; no length changes.
    t = 0.0
    for k in range(n):
        a[k % len(a)] = -a[k % len(a)] * 1.5
        a.sort()
        t += a[0] - a[-1]
    return t, a
# case: sorted_in_loop([3.0, -1.0, 2.5, 0.0], 5)


#pythran export nested_rows(int)
def nested_rows(n):
    m = [[0] * 3 for _ in range(3)]
    d = [0, 0, 0]
    for i in range(n):
        for j in range(3):
            m[i % 3][j] += i * j
            d[j] = m[j][j] + d[(j + 1) % 3]
    return m, d
# case: nested_rows(5)


#pythran export mixed_kinds(int)
def mixed_kinds(n):
    flags = [False] * 3
    zs = [0j] * 3
    fs = [0.5] * 3
    for i in range(n):
        flags[i % 3] = not flags[i % 3]
        zs[i % 3] += complex(i, -i)
        fs[-(i % 3) - 1] *= 1.5
    return flags, zs, fs
# case: mixed_kinds(8)


#pythran export maybe_unbound(int, bool)
def maybe_unbound(n, make):
    if make:
        a = [1] * 3
    t = 0
    for i in range(n):
        t += a[i % 3]
    return t
# case: maybe_unbound(4, True)
# case: maybe_unbound(4, False)
# case: maybe_unbound(0, False)
