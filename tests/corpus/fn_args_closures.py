"""Functions that read their enclosing function's locals (nested `def`s, named lambdas,
lambdas written as arguments) passed to other functions: the callee is specialized for
the function and receives the captured values with it."""
import numpy as np


def count_if(x, pred):
    c = 0
    for v in x:
        if pred(v):
            c += 1
    return c


def find_first(seq, pred):
    for i, x in enumerate(seq):
        if pred(x):
            return i
    return -1


def apply_twice(f, v):
    return f(f(v))


def count_twice(x, pred):
    # passes the function it received on
    return count_if(x, pred) + count_if(x[::-1], pred)


#pythran export nested_def_capture(float[:], float)
def nested_def_capture(x, k):
    def above(u):
        return u > k

    return count_if(x, above)
# case: nested_def_capture(np.array([0.5, 2.0, 3.5, -1.0]), 1.0)
# case: nested_def_capture(np.zeros(0), 1.0)


#pythran export inline_lambda(float[:], float, float)
def inline_lambda(ds, alpha, x):
    t = np.cumsum(np.sort(ds) ** alpha)
    t /= t[-1]
    return find_first(t, lambda u: x < u)
# case: inline_lambda(np.arange(3.0, 10.0), 3.0, 0.5)
# case: inline_lambda(np.arange(3.0, 10.0), 1.0, 2.0)


#pythran export lambda_keyword(int[:], int)
def lambda_keyword(a, m):
    return count_if(pred=lambda v: v % m == 0, x=a)
# case: lambda_keyword(np.arange(20), 3)
# case: lambda_keyword(np.arange(-7, 7), 2)


#pythran export named_lambda_capture(int, int)
def named_lambda_capture(n, step):
    inc = lambda v: v + step
    return apply_twice(inc, n)
# case: named_lambda_capture(5, 3)
# case: named_lambda_capture(-5, 10)


#pythran export passed_on(float[:], float)
def passed_on(x, lo):
    return count_twice(x, lambda v: v >= lo)
# case: passed_on(np.array([1.0, 2.0, 3.0]), 2.0)


#pythran export late_binding(int)
def late_binding(n):
    k = 1
    f = lambda v: v * k
    a = apply_twice(f, n)
    k = 3
    b = apply_twice(f, n)
    return a, b
# case: late_binding(2)


#pythran export two_captures(float[:], float, float)
def two_captures(x, lo, hi):
    return count_if(x, lambda v: lo <= v < hi) + find_first(x, lambda v: v > hi)
# case: two_captures(np.linspace(0.0, 1.0, 11), 0.25, 0.75)
