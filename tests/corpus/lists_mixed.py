# Mixed list kernels: sorting tuples, nested comprehensions, complex lists, rows of
# arrays as lists, bool arrays, min of an empty array, enumerate/zip over arrays, lists
# of list arguments, reversed lists. (Empty float sums are left out: CPython's int 0 vs
# the static float type.)
import numpy as np
import math


#pykernel export p_sort_pairs(int)
def p_sort_pairs(n):
    pairs = [(i % 3, -i) for i in range(n)]
    s = sorted(pairs)
    best = max(pairs)
    return s[0], s[-1], best, len(s)
# case: p_sort_pairs(7)
# case: p_sort_pairs(1)


#pykernel export p_nested_comp(int)
def p_nested_comp(n):
    m = [[i * j for j in range(i)] for i in range(n)]
    flat = [x for row in m for x in row if x % 2 == 0]
    return sum(flat), len(m[-1]) if n > 0 else 0, [len(r) for r in m]
# case: p_nested_comp(5)
# case: p_nested_comp(0)


#pykernel export p_complex_list(int)
def p_complex_list(n):
    zs = [complex(i, -i) for i in range(n)]
    t = sum(zs)
    return t, abs(t), zs[-1].conjugate() if n > 0 else 0j
# case: p_complex_list(4)


#pykernel export p_rows(float64[:,:])
def p_rows(a):
    out = []
    for row in a:
        s = 0.0
        for x in row:
            s += float(x)
        out.append(s)
    return out, len(a.shape), a.shape == (a.shape[0], a.shape[1])
# case: p_rows(np.arange(6.0).reshape(2, 3))
# case: p_rows(np.zeros((0, 3)))


#pykernel export p_bool_array(int)
def p_bool_array(n):
    flags = np.zeros(n, dtype=bool)
    for i in range(0, n, 3):
        flags[i] = True
    c = 0
    for f in flags:
        if f:
            c += 1
    return c, flags
# case: p_bool_array(10)
# case: p_bool_array(0)


#pykernel export p_min_empty(float64[:])
def p_min_empty(a):
    return min(a)
# case: p_min_empty(np.array([3.0, -1.0, 2.0]))
# case: p_min_empty(np.zeros(0))


#pykernel export p_enumerate_array(int64[:])
def p_enumerate_array(a):
    s = 0
    for i, x in enumerate(a):
        s += i * x
    for x, y in zip(a, a[1:]):
        s -= x * y
    return s
# case: p_enumerate_array(np.arange(5))


#pykernel export p_list_of_lists_arg(int list list)
def p_list_of_lists_arg(m):
    for row in m:
        row.append(len(row))
    m.append([])
    return len(m)
# case: p_list_of_lists_arg([[1, 2], [3]])
# case: p_list_of_lists_arg([])


#pykernel export p_reversed_list(int)
def p_reversed_list(n):
    xs = list(range(n))
    out = []
    for x in reversed(xs):
        out.append(x * 2)
    return out, xs[::-2], xs[-2:] if n > 1 else xs
# case: p_reversed_list(5)
# case: p_reversed_list(0)


#pykernel export p_math_list(int)
def p_math_list(n):
    xs = [math.sqrt(i) for i in range(n)]
    return round(sum(xs), 6), max(xs) if xs else -1.0, sorted(xs, reverse=True)[:2]
# case: p_math_list(5)
