# One element type per list, unified across every function and place a list reaches
# (SPEC 6: int and float unify to float): a helper that stores floats into a list makes
# the caller's list a float list (issue 9, item 2). Every case here returns and leaves
# lists whose elements CPython also holds as one type (tests/README.md).


def relax(u):
    for i in range(1, len(u) - 1):
        u[i] = (u[i - 1] + u[i + 1]) / 2


#pykernel export grid(int)
def grid(n):
    # `u` starts as an int list; `relax` stores floats into it.
    u = [0] * n
    u[0] = 1
    relax(u)
    return u[1:-1], sum(u)
# case: grid(3)
# case: grid(6)


#pykernel export grid_loop(int, int)
def grid_loop(n, steps):
    # The call inside a loop, and the list read between calls.
    u = [0] * n
    u[-1] = 8
    total = 0.0
    for _ in range(steps):
        relax(u)
        total += u[n // 2]
    return total, u[1:-1]
# case: grid_loop(5, 3)
# case: grid_loop(3, 1)


def halve_all(u):
    for i in range(len(u)):
        u[i] = u[i] / 2


#pykernel export halve_arg(int list)
def halve_arg(a):
    # The caller's int list gets floats, as in CPython.
    halve_all(a)
    return len(a)
# case: halve_arg([1, 2, 3])
# case: halve_arg([])
# case: halve_arg([-7])


def set_first(u, x):
    u[0] = x


#pykernel export set_first_arg(int list, float)
def set_first_arg(a, x):
    # Only the first element changes: the others stay the caller's ints (a mixed list:
    # see test_calls.py).
    set_first(a, x)
    return a[0]
# case: set_first_arg([4], -1.5)
# case: set_first_arg([], 2.0)


def ident(u):
    return u


#pykernel export through_ident(int)
def through_ident(n):
    # `b` is `a`: the float stores through `b` are seen through `a`.
    a = [0] * n
    b = ident(a)
    for i in range(n):
        b[i] = i / 2
    return a
# case: through_ident(3)
# case: through_ident(0)


def make(n):
    return [0] * n


#pykernel export fresh_and_widened(int)
def fresh_and_widened(n):
    # Two results of one helper: only the one that gets floats is a float list.
    a = make(n)
    b = make(n)
    for i in range(n):
        b[i] = i * 0.5
        a[i] = i
    return a, b
# case: fresh_and_widened(3)
# case: fresh_and_widened(0)


def fill_rows(m):
    for row in m:
        for j in range(len(row)):
            row[j] = j * 0.5


#pykernel export rows_through_helper(int)
def rows_through_helper(n):
    # Lists inside lists: the rows become float lists, in the caller too.
    m = [[0] * n for _ in range(2)]
    fill_rows(m)
    return m
# case: rows_through_helper(3)
# case: rows_through_helper(0)


#pykernel export rows_by_iteration(int)
def rows_by_iteration(n):
    m = [[0] * n for _ in range(3)]
    for row in m:
        for j in range(n):
            row[j] = j + 0.25
    return m
# case: rows_by_iteration(2)


#pykernel export rows_by_enumerate(int)
def rows_by_enumerate(n):
    m = [[0] * n for _ in range(3)]
    for i, row in enumerate(m):
        for j in range(n):
            row[j] = i + j / 4
    return m
# case: rows_by_enumerate(2)


#pykernel export appended_row(int)
def appended_row(n):
    # `r` goes into `m` next to a float list: it is a float list, and writes to `r`
    # after the append are seen through `m`.
    m = []
    r = [0] * n
    m.append(r)
    m.append([0.5] * n)
    for j in range(n):
        r[j] = j / 4
    return m
# case: appended_row(3)
# case: appended_row(1)


#pykernel export literal_rows(int)
def literal_rows(n):
    a = [0] * n
    b = [0.5] * n
    m = [a, b]
    for j in range(n):
        a[j] = j * 1.5
    return m
# case: literal_rows(2)


#pykernel export unpacked_alias(int)
def unpacked_alias(n):
    a = [0] * n
    t = (a, 1)
    x, y = t
    for j in range(n):
        x[j] = j / 8
    return a, y
# case: unpacked_alias(3)


#pykernel export ifexp_alias(int, bool)
def ifexp_alias(n, c):
    a = [0] * n
    b = [1] * n
    x = a if c else b
    for j in range(n):
        x[j] = j + 0.5
    return sum(a) + sum(b)
# case: ifexp_alias(3, True)
# case: ifexp_alias(3, False)


#pykernel export popped_row(int)
def popped_row(n):
    m = [[0] * n for _ in range(2)]
    r = m.pop()
    m.append(r)
    for j in range(n):
        r[j] = j * 0.5
    for j in range(n):
        m[0][j] = -1.5
    return m
# case: popped_row(2)


def fill_tail(u, k):
    # Recursive, and widening its argument.
    if k < len(u):
        u[k] = k / 3
        fill_tail(u, k + 1)


#pykernel export recursive_fill(int)
def recursive_fill(n):
    u = [0] * n
    fill_tail(u, 0)
    return u
# case: recursive_fill(4)
# case: recursive_fill(0)


def pair(n):
    return [0] * n, n


#pykernel export tuple_result(int)
def tuple_result(n):
    # A tuple result whose list the caller widens; the int stays an int.
    u, k = pair(n)
    for i in range(k):
        u[i] = i * 0.75
    return u, k
# case: tuple_result(3)


def scale(u, f):
    for i in range(len(u)):
        u[i] = u[i] * f
    return u


#pykernel export chain_of_helpers(int)
def chain_of_helpers(n):
    # Two helpers and a float argument in the middle.
    u = list(range(n))
    v = scale(scale(u, 2), 0.5)
    v.append(9.5)
    return u
# case: chain_of_helpers(4)
