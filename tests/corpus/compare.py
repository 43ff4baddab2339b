# Comparisons return bool, chains evaluate like Python, int/float compare mixed.

#pykernel export less(int, int)
def less(a, b):
    return a < b
# case: less(1, 2)
# case: less(2, 1)
# case: less(-2**63, 2**63 - 1)


#pykernel export all_cmp(float, float)
def all_cmp(a, b):
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 2
    if a > b:
        r += 4
    if a >= b:
        r += 8
    if a == b:
        r += 16
    if a != b:
        r += 32
    return r
# case: all_cmp(1.0, 2.0)
# case: all_cmp(2.0, 1.0)
# case: all_cmp(1.5, 1.5)
# case: all_cmp(-0.0, 0.0)
# case: all_cmp(nan, 1.0)
# case: all_cmp(nan, nan)
# case: all_cmp(inf, inf)


#pykernel export in_range(int, int, int)
def in_range(lo, x, hi):
    return lo <= x < hi
# case: in_range(0, 5, 10)
# case: in_range(0, 10, 10)
# case: in_range(0, -1, 10)
# case: in_range(5, 5, 5)


#pykernel export chain3(float, float, float, float)
def chain3(a, b, c, d):
    return a < b <= c < d
# case: chain3(1.0, 2.0, 2.0, 3.0)
# case: chain3(1.0, 2.0, 2.0, 2.0)
# case: chain3(3.0, 2.0, 5.0, 6.0)


#pykernel export zigzag(int, int, int)
def zigzag(a, b, c):
    return a < b > c
# case: zigzag(1, 5, 2)
# case: zigzag(1, 5, 7)


#pykernel export eq_chain(int, int, int)
def eq_chain(a, b, c):
    return a == b == c
# case: eq_chain(3, 3, 3)
# case: eq_chain(3, 3, 4)
# case: eq_chain(4, 3, 3)


#pykernel export ne_chain(int, int, int)
def ne_chain(a, b, c):
    return a != b != c
# case: ne_chain(1, 2, 1)
# case: ne_chain(1, 1, 2)


#pykernel export mixed_cmp(int, float)
def mixed_cmp(i, x):
    return (i < x) + 2 * (i == x) + 4 * (x <= i)
# case: mixed_cmp(1, 1.5)
# case: mixed_cmp(2, 2.0)
# case: mixed_cmp(3, 2.5)
# case: mixed_cmp(-1, -0.5)


#pykernel export count_in_window(int, float, float)
def count_in_window(n, lo, hi):
    c = 0
    for i in range(n):
        x = i * 0.5
        if lo < x <= hi:
            c += 1
    return c
# case: count_in_window(10, 1.0, 3.0)
# case: count_in_window(10, 3.0, 1.0)
