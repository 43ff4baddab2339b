# Lists as export arguments and results: in-place writes, appends and pops visible to
# the caller, returning the argument itself, empty lists, new lists, `int list list`
# (a matrix as a list of rows: reads, element writes, a row alias), `(int, float)
# list`, `bool list`. The harness compares every list argument after the call too.


#pykernel export double_in_place(float list)
def double_in_place(a):
    for i in range(len(a)):
        a[i] *= 2.0
    return len(a)
# case: double_in_place([1.0, -2.5, 0.0])
# case: double_in_place([])
# case: double_in_place([1, 2])
# case: double_in_place([-0.0, nan, inf, 1e308])


#pykernel export append_to_arg(int list, int)
def append_to_arg(a, n):
    for i in range(n):
        a.append(i * i)
    return len(a)
# case: append_to_arg([], 3)
# case: append_to_arg([7, 8], 0)
# case: append_to_arg([-1], 4)


#pykernel export return_arg(int list)
def return_arg(a):
    a.append(len(a))
    return a
# case: return_arg([])
# case: return_arg([5, 6])


#pykernel export pop_from_arg(float list)
def pop_from_arg(a):
    s = 0.0
    while len(a) > 0 and a[-1] < 0.0:
        s += a.pop()
    return s
# case: pop_from_arg([1.0, -2.0, -0.5])
# case: pop_from_arg([-1.0])
# case: pop_from_arg([])
# case: pop_from_arg([2.5, 1.0])


#pykernel export pop_empty_arg(int list)
def pop_empty_arg(a):
    x = a.pop(0)
    return x * 10 + len(a)
# case: pop_empty_arg([4, 5, 6])
# case: pop_empty_arg([])


#pykernel export new_list(float list)
def new_list(a):
    out = []
    for x in a:
        out.append(x * x)
    a.append(-1.0)  # the caller's list, not out
    return out
# case: new_list([1.5, -2.0])
# case: new_list([])
# case: new_list([3])


#pykernel export sort_arg(int list)
def sort_arg(a):
    a.sort()
    return a[0], a[-1]
# case: sort_arg([3, -1, 2, -1])
# case: sort_arg([5])
# case: sort_arg([])


#pykernel export sort_float_arg(float list)
def sort_float_arg(a):
    a.sort(reverse=True)
    a.insert(0, 9.5)
    return len(a)
# case: sort_float_arg([0.0, -0.0, 1.5, -0.0, 0.0])
# case: sort_float_arg([2, 3, 1])


#pykernel export arg_slice(int list, int)
def arg_slice(a, k):
    b = a[k:]
    b.append(0)
    a.reverse()
    return b
# case: arg_slice([1, 2, 3, 4], 1)
# case: arg_slice([1, 2, 3, 4], -1)
# case: arg_slice([], 2)


#pykernel export arg_index_error(int list, int)
def arg_index_error(a, i):
    a[0] = 99  # before the error: CPython raised, so the argument is not compared
    return a[i]
# case: arg_index_error([1, 2, 3], 2)
# case: arg_index_error([1, 2, 3], -3)
# case: arg_index_error([1, 2, 3], 3)
# case: arg_index_error([], 0)


#pykernel export matrix_trace(int list list)
def matrix_trace(m):
    t = 0
    for i in range(len(m)):
        t += m[i][i]
    return t
# case: matrix_trace([[1, 2], [3, 4]])
# case: matrix_trace([])
# case: matrix_trace([[5]])
# case: matrix_trace([[1, 2], [3]])


#pykernel export matrix_write(int list list, int)
def matrix_write(m, v):
    for i in range(len(m)):
        for j in range(len(m[i])):
            m[i][j] = m[i][j] * v + i
    if len(m) > 0:
        m[-1].append(-1)
    m.append([v])
    return len(m)
# case: matrix_write([[1, 2], [3, 4]], 10)
# case: matrix_write([], 3)
# case: matrix_write([[1], [], [2, 3, 4]], -1)


#pykernel export matrix_transpose(float list list)
def matrix_transpose(m):
    rows = len(m)
    cols = len(m[0]) if rows > 0 else 0
    t = []
    for j in range(cols):
        row = []
        for i in range(rows):
            row.append(m[i][j])
        t.append(row)
    return t
# case: matrix_transpose([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])
# case: matrix_transpose([[1, 2]])
# case: matrix_transpose([])
# case: matrix_transpose([[1.0, 2.0], [3.0]])


#pykernel export row_alias(int list list)
def row_alias(m):
    row = m[0]
    row.append(99)  # the row is the caller's inner list
    m[0][0] = -m[0][0]
    return len(m[0]), row[0]
# case: row_alias([[1, 2], [3]])
# case: row_alias([[]])
# case: row_alias([])


#pykernel export pairs_sum((int, float) list)
def pairs_sum(ps):
    s = 0.0
    k = 0
    for p in ps:
        k += p[0]
        s += p[1] * p[0]
    return k, s
# case: pairs_sum([(1, 0.5), (2, -1.25)])
# case: pairs_sum([])
# case: pairs_sum([(3, 2)])


#pykernel export pairs_update((int, float) list, int)
def pairs_update(ps, n):
    for i in range(len(ps)):
        k, v = ps[i]
        ps[i] = (k + n, v * 2.0)
    ps.append((n, n * 0.5))
    return len(ps)
# case: pairs_update([(1, 0.5), (2, -1.25)], 3)
# case: pairs_update([], -1)


#pykernel export bool_flags(bool list)
def bool_flags(flags):
    c = 0
    for f in flags:
        if f:
            c += 1
    flags.append(c > 1)
    if len(flags) > 1:
        flags[0] = not flags[0]
    return c
# case: bool_flags([True, False, True])
# case: bool_flags([])
# case: bool_flags([False])


#pykernel export int_list_stats(int list)
def int_list_stats(a):
    lo = a[0]
    hi = a[0]
    total = 0
    for x in a:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
        total += x
    return lo, hi, total
# case: int_list_stats([3, -7, 12, 0])
# case: int_list_stats([-2**63, 2**63 - 1])
# case: int_list_stats([])
