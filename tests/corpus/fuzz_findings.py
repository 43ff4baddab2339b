# Kernels the translator fuzzer (scripts/fuzz-translator.sh) found mishandled, checked
# against CPython. pykernel-build/tests/fuzz_findings.rs has the other findings.


# Seed 7, input 356247: `list()` without an argument panicked the translator.
#pykernel export empty_lists(int)
def empty_lists(n):
    a = list()
    for i in range(n):
        a.append(i * 2)
    b = list()
    return a, len(b), len(list()) + sum(list())
# case: empty_lists(0)
# case: empty_lists(3)


# Found with the one above: `sum([])`, `any([])`, `all([])` (items of no type) did not
# compile.
#pykernel export empty_sums(int)
def empty_sums(n):
    return sum([]) + n, sum([], 2.5), sum(list()) + len([]), any([]), all(list())
# case: empty_sums(4)


# Seed 7, input 215544 (rustc E0308 "expected `List<u32>`, found `List<i64>`"): a helper
# given a `uint32` list and an `int` list stores items of each into the other, so both
# have one element type in every function (issue 9: list types unify across calls).
def swap_ends(a, b):
    t = a[0]
    a[0] = b[-1]
    b[-1] = t


#pykernel export swap_uint32_int(uint32)
def swap_uint32_int(n):
    b = [n, 2, 3]
    c = [7, 8]
    swap_ends(b, c)
    swap_ends(c, c)
    return [int(v) for v in b], [int(v) for v in c]
# case: swap_uint32_int(1)
# case: swap_uint32_int(4294967295)


# Seed 7, input 470470 (rustc E0308 "expected `List<Complex<f64>>`, found `List<i64>`"):
# a helper appending complex numbers to an int list, called with two lists and with one
# list twice. (CPython's list holds ints and complex numbers; `+ 0j` makes them all
# complex on both sides.)
def add_into(dst, src):
    for i in range(len(src)):  # len(src) read once: stops even when dst is src
        dst.append(src[i] * 3j)


#pykernel export append_complex(int)
def append_complex(n):
    b = [1, 2]
    c = [n]
    add_into(b, c)
    add_into(c, c)
    return [v + 0j for v in b], [v + 0j for v in c]
# case: append_complex(5)
# case: append_complex(-2)


# The same unification through lists inside lists, a returned row, a tuple and a helper
# that returns the list it grew.
def first_row(m):
    return m[0]


def put(pair):
    xs, k = pair
    xs.append(k * 0.5)


def grow(m, x):
    m.append([x])
    return m


#pykernel export unify_nested(int)
def unify_nested(n):
    m = [[1, 2], [n]]
    add_into(m[1], m[0])
    r = first_row(m)
    swap_ends(r, m[1])
    return [v + 0j for v in m[0]], [v + 0j for v in m[1]]
# case: unify_nested(4)


#pykernel export unify_in_tuple(int)
def unify_in_tuple(n):
    a = [n, 1]
    put((a, n))
    t = (a, 2)
    put(t)
    return [v * 1.0 for v in a]
# case: unify_in_tuple(3)


#pykernel export unify_rows(int)
def unify_rows(n):
    m = []
    for i in range(n):
        m.append([i])
    for row in m:
        add_into(row, row)
    return [[v + 0j for v in row] for row in m]
# case: unify_rows(0)
# case: unify_rows(3)


#pykernel export unify_returned(float)
def unify_returned(x):
    m = [[1], [2]]
    g = grow(m, x)
    k = [[3]]
    grow(k, 1)
    return [[v * 1.0 for v in r] for r in g], [[v * 1 for v in r] for r in k]
# case: unify_returned(2.5)


# Seed 7, input 475146 (rustc warning "identifier contains a non normalized (NFKC)
# character: 'ﬁ'"): CPython takes every identifier in its NFKC form, so `totalﬁ` and
# `totalfi` are one variable, the micro sign `µ` is the Greek `μ` and `math.ﬂoor` is
# `math.floor`. The generated Rust spells such names in ASCII, but for the keyword
# names of the Python-callable function (`nfkc_names(μs=[1.0])`, tests/python/test_calls.py).
import math


def ﬁx(x, ﬁrst=1.0):
    return x + first


#pykernel export nfkc_names(float list)
def nfkc_names(µs):
    totalﬁ = 0.0
    for x in μs:
        totalfi += ﬁx(x, first=0.5)
    µ = 2.0
    ℌ = fix(μ) + ﬁx(µ, ﬁrst=-1.0)
    х = H * 2  # a Cyrillic letter that looks like x
    return totalﬁ * μ, math.ﬂoor(totalfi), H, х
# case: nfkc_names([1.5, 2.0])
# case: nfkc_names([])


# Found with the one above: `Ｔrue` is the name `True` after normalization, so CPython
# reads the builtin constant, or a local variable where the function assigns it.
#pykernel export nfkc_constants(int)
def nfkc_constants(n):
    a = Ｔrue
    b = Ｆalse or n > 1
    Ｎone = n * 2  # a local variable named None
    return a, b, Ｎone
# case: nfkc_constants(1)
# case: nfkc_constants(5)
