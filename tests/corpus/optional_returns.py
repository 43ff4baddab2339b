# Functions that return None on some paths (`T | None`): bare `return`, `return None`,
# falling off the end, None from nested branches and from a loop that ends without
# finding anything; Optional tuples, lists and arrays returned to Python; callers that
# narrow with `is None` / `is not None` (early return, if/else, elif chains, inside
# `and`/`or` and conditional expressions); locals assigned None on one path; the shape
# of Pythran's pivot.py (mutate a list argument, return None early).
import numpy as np


#pykernel export bare_return(int, float)
def bare_return(n, x):
    if n <= 0:
        return
    return x * n
# case: bare_return(3, 1.5)
# case: bare_return(0, 1.5)
# case: bare_return(-1, 2.0)


#pykernel export nested_none(int, int)
def nested_none(a, b):
    if a > 0:
        if b > 0:
            return a + b
        elif b == 0:
            return None
        else:
            if a > 10:
                return a * 2
    else:
        return -1
# case: nested_none(1, 2)
# case: nested_none(1, 0)
# case: nested_none(1, -1)
# case: nested_none(11, -1)
# case: nested_none(-3, 5)


#pykernel export find_first(float list, float)
def find_first(xs, t):
    for i, x in enumerate(xs):
        if x > t:
            return i
# case: find_first([1.0, 2.0, 3.0], 1.5)
# case: find_first([1.0, 2.0, 3.0], 5.0)
# case: find_first([], 0.0)


#pykernel export find_while(int, int)
def find_while(n, k):
    i = 0
    while i < n:
        if i * i == k:
            return i
        i += 1
    return None
# case: find_while(10, 49)
# case: find_while(10, 50)
# case: find_while(0, 0)


#pykernel export optional_tuple(float, float)
def optional_tuple(a, b):
    d = a - b
    if d == 0.0:
        return None
    return (a / d, b / d, d)
# case: optional_tuple(3.0, 1.0)
# case: optional_tuple(2.0, 2.0)
# case: optional_tuple(-0.0, 0.0)


#pykernel export optional_array(float[:], float)
def optional_array(a, t):
    if a.shape[0] == 0:
        return None
    if a.max() < t:
        return
    return a * 2.0
# case: optional_array(np.array([1.0, 2.0, 3.0]), 2.0)
# case: optional_array(np.array([1.0, 2.0, 3.0]), 5.0)
# case: optional_array(np.zeros(0), 0.0)


#pykernel export optional_list(int)
def optional_list(n):
    if n < 0:
        return None
    return [i * i for i in range(n)]
# case: optional_list(4)
# case: optional_list(0)
# case: optional_list(-1)


def circumcircle(ax, ay, bx, by):
    d = ax * by - ay * bx
    if d == 0.0:
        return None
    return (ax / d, by / d)


def safe_div(a, b):
    if b == 0:
        return None
    return a / b


#pykernel export caller_early_return(float, float)
def caller_early_return(a, b):
    r = safe_div(a, b)
    if r is None:
        return -1.0
    return r * 2.0
# case: caller_early_return(3.0, 2.0)
# case: caller_early_return(3.0, 0.0)


#pykernel export caller_if_else(float, float)
def caller_if_else(a, b):
    r = safe_div(a, b)
    if r is not None:
        s = r + 1.0
    else:
        s = 0.0
    return s
# case: caller_if_else(1.0, 4.0)
# case: caller_if_else(1.0, 0.0)


#pykernel export caller_expression(float, float)
def caller_expression(a, b):
    r = safe_div(a, b)
    big = r is not None and r > 1.0
    small = r is None or r < -1.0
    v = 0.0 if r is None else r
    return big, small, v
# case: caller_expression(3.0, 1.0)
# case: caller_expression(-3.0, 1.0)
# case: caller_expression(3.0, 0.0)
# case: caller_expression(0.5, 1.0)


#pykernel export best_circle(float list, float list)
def best_circle(xs, ys):
    # Pythran's make_circle_two_points shape: a local that is None until a loop finds
    # something, tests inside `or`, and an elif chain that narrows both locals.
    left = None
    right = None
    for i in range(len(xs) - 1):
        c = circumcircle(xs[i], ys[i], xs[i + 1], ys[i + 1])
        if c is None:
            continue
        elif c[0] > 0.0 and (left is None or c[1] > left[1]):
            left = c
        elif c[0] <= 0.0 and (right is None or c[1] < right[1]):
            right = c
    if left is None and right is None:
        return (0.0, 0.0)
    elif left is None:
        return right
    elif right is None:
        return left
    else:
        return left if left[1] <= right[1] else right
# case: best_circle([1.0, 2.0, 4.0, -1.0], [3.0, 1.0, 5.0, 2.0])
# case: best_circle([1.0, 2.0], [2.0, 4.0])
# case: best_circle([1.0, -2.0, 3.0], [1.0, 1.0, -1.0])
# case: best_circle([], [])


#pykernel export none_local(int)
def none_local(n):
    best = None
    for i in range(n):
        v = (i * 7) % 5
        if best is None or v > best:
            best = v
    if best is None:
        return -1
    return best
# case: none_local(6)
# case: none_local(1)
# case: none_local(0)


#pykernel export optional_passthrough(float, float)
def optional_passthrough(a, b):
    # The callee's Optional result returned as it is: Optional here too.
    return safe_div(a, b)
# case: optional_passthrough(1.0, 2.0)
# case: optional_passthrough(1.0, 0.0)


def first_negative(a):
    for i in range(a.shape[0]):
        if a[i] < 0.0:
            return a[i:]
    return None


#pykernel export caller_array(float[:])
def caller_array(a):
    tail = first_negative(a)
    if tail is None:
        return 0.0
    return float(tail.sum() + tail[0])
# case: caller_array(np.array([1.0, -2.0, 3.0]))
# case: caller_array(np.array([1.0, 2.0]))


#pykernel export pivot(int, int, float list list, float list)
def pivot(n, i, a, b):
    i0 = i
    amp0 = abs(a[i - 1][i - 1])
    for j in range(i + 1, n + 1):
        amp = abs(a[i - 1][j - 1])
        if amp > amp0:
            i0 = j
            amp0 = amp
    if i == i0:
        return
    temp = b[i - 1]
    b[i - 1] = b[i0 - 1]
    b[i0 - 1] = temp
    for j in range(i, n + 1):
        temp = a[j - 1][i - 1]
        a[j - 1][i - 1] = a[j - 1][i0 - 1]
        a[j - 1][i0 - 1] = temp
    return a, b
# case: pivot(2, 1, [[1.5, 3.0], [10.2, -3.0]], [1.2, -4.3])
# case: pivot(2, 1, [[5.0, 3.0], [1.0, -3.0]], [1.2, -4.3])
# case: pivot(3, 2, [[1.0, 2.0, 3.0], [4.0, 5.0, 9.0], [7.0, 8.0, 9.0]], [1.0, 2.0, 3.0])


#pykernel export reassigned_after_test(int)
def reassigned_after_test(n):
    r = safe_div(1.0, n)
    if r is None:
        r = 100.0
    return r + 1.0
# case: reassigned_after_test(4)
# case: reassigned_after_test(0)
