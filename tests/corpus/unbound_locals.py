# Reads of locals that some path reaches before any assignment (issue 9, item 8): the
# build warns (PK0312), and the compiled code raises UnboundLocalError, with CPython's
# message, exactly when the read runs on such a path; otherwise it returns CPython's
# value. Only those reads are checked.
import numpy as np


#pykernel export last_of_range(int)
def last_of_range(n):
    for i in range(n):
        x = i * 2
    return x
# case: last_of_range(3)
# case: last_of_range(1)
# case: last_of_range(0)
# case: last_of_range(-2)


#pykernel export guarded(int)
def guarded(n):
    # `y` is only read when it was assigned (`and` short-circuits).
    if n > 0:
        y = 1.5 * n
    if n > 0 and y > 1:
        return y
    return -1.0
# case: guarded(2)
# case: guarded(0)
# case: guarded(-1)


#pykernel export unguarded(int)
def unguarded(n):
    if n > 0:
        y = 1.5 * n
    if n > 5 or y > 1:
        return y
    return -1.0
# case: unguarded(2)
# case: unguarded(6)
# case: unguarded(0)


#pykernel export aug_in_loop(int)
def aug_in_loop(n):
    # `s += i` reads `s` first.
    if n > 2:
        s = 0
    for i in range(n):
        s += i
    return s
# case: aug_in_loop(4)
# case: aug_in_loop(0)
# case: aug_in_loop(2)


#pykernel export previous_item(float64[:])
def previous_item(a):
    # Assigned at the end of one iteration, read in the next one.
    total = 0.0
    for i in range(len(a)):
        if i > 0:
            total += float(a[i]) - prev
        prev = float(a[i])
    return total
# case: previous_item(np.array([1.0, 4.0, 2.5]))
# case: previous_item(np.array([3.0]))
# case: previous_item(np.zeros(0))


#pykernel export found_by_then(float64[:], int)
def found_by_then(a, k):
    # Raises in the middle of the loop, after writes to `a` that the caller sees.
    for i in range(len(a)):
        if a[i] < 0:
            found = i
        a[i] = 2.0 * a[i]
        if i == k:
            return found
    return -1
# case: found_by_then(np.array([1.0, -1.0, 3.0]), 2)
# case: found_by_then(np.array([1.0, 2.0, 3.0]), 2)
# case: found_by_then(np.array([1.0, 2.0, 3.0]), 5)


#pykernel export while_counter(int)
def while_counter(n):
    k = 0
    while k < n:
        last = k * k
        k += 1
    return last + k
# case: while_counter(3)
# case: while_counter(0)


#pykernel export array_maybe(int, float64[:])
def array_maybe(n, a):
    # An array and an index that may be unassigned, read in a loop over `a`.
    if n > 0:
        b = np.ones(3)
        b[1] = n
    if n > 1:
        k = 1
    t = 0.0
    for i in range(len(a)):
        t += float(a[i] * b[i % 3])
    for i in range(len(a) - 1):
        t += float(a[i + k])
    return t
# case: array_maybe(2, np.array([1.0, 2.0, 3.0]))
# case: array_maybe(1, np.array([1.0, 2.0, 3.0]))
# case: array_maybe(0, np.array([1.0, 2.0, 3.0]))
# case: array_maybe(0, np.zeros(0))
# case: array_maybe(1, np.array([5.0]))


#pykernel export list_maybe(int)
def list_maybe(n):
    if n > 0:
        l = [1, 2]
    l.append(3)
    return l
# case: list_maybe(1)
# case: list_maybe(0)


#pykernel export tuple_target(int)
def tuple_target(n):
    for i in range(n):
        a, b = i, i * 0.5
    return b - a
# case: tuple_target(3)
# case: tuple_target(0)


#pythran export capsule maybe_capsule(float64)
def maybe_capsule(x):
    if x > 0.0:
        r = x * 2.0
    return r
# case: maybe_capsule(1.5)
# case: maybe_capsule(-1.0)


#pykernel export shift_while(int, float64[:])
def shift_while(n, a):
    # A counter `while` loop over an index that may be unassigned.
    if n > 0:
        j = len(a) - 1
    while j > 0 and a[j - 1] > 0.5:
        a[j] = a[j - 1]
        j -= 1
    return j
# case: shift_while(1, np.array([1.0, 0.7, 0.9]))
# case: shift_while(0, np.array([1.0, 0.7, 0.9]))


#pykernel export in_comprehension(int)
def in_comprehension(n):
    # Inside a comprehension CPython 3.11 raises NameError (a free variable there).
    if n > 1:
        k = 3
    return [i * k for i in range(n) if i < k]
# case: in_comprehension(3)
# case: in_comprehension(1)
# case: in_comprehension(0)


#pykernel export in_generator(int)
def in_generator(n):
    if n > 1:
        k = 2
    return sum(i * k for i in range(n))
# case: in_generator(3)
# case: in_generator(1)
# case: in_generator(0)


#pykernel export first_iterable(int)
def first_iterable(n):
    # ... but its first iterable runs in the function: UnboundLocalError.
    if n > 1:
        k = 2
    return [i + j for i in range(k) for j in range(k)]
# case: first_iterable(3)
# case: first_iterable(1)


#pykernel export enumerate_offset(int, float64[:])
def enumerate_offset(n, a):
    if n:
        off = 1.0
    for i, x in enumerate(a):
        a[i] = x + off
    return a
# case: enumerate_offset(1, np.array([1.0, 2.0]))
# case: enumerate_offset(0, np.array([1.0, 2.0]))
# case: enumerate_offset(0, np.zeros(0))


#pykernel export range_bound(int)
def range_bound(n):
    if n > 0:
        k = n
    s = 0
    for i in range(k):
        s += i
    return s
# case: range_bound(3)
# case: range_bound(0)


#pykernel export slice_store(int)
def slice_store(n):
    if n > 0:
        l = [0] * 5
    l[1:3] = [7, 8]
    return l
# case: slice_store(1)
# case: slice_store(0)


#pykernel export unpack_maybe(int)
def unpack_maybe(n):
    if n > 0:
        t = (1, 2.5)
    a, b = t
    return a + b
# case: unpack_maybe(1)
# case: unpack_maybe(0)


#pykernel export nested_loops(int)
def nested_loops(n):
    for i in range(n):
        for j in range(n):
            if i == j:
                d = i
        e = d
    return e
# case: nested_loops(2)
# case: nested_loops(1)
# case: nested_loops(0)


#pykernel export row_maybe(int, float64[:,:])
def row_maybe(n, m):
    if n > 0:
        row = m[0]
    for j in range(m.shape[1]):
        m[1, j] += row[j]
    return m
# case: row_maybe(1, np.ones((2, 3)))
# case: row_maybe(0, np.ones((2, 3)))
# case: row_maybe(0, np.ones((2, 0)))


#pythran export capsule fill_maybe(int32, float64*)
def fill_maybe(n, p):
    if n > 1:
        v = p[0]
    for i in range(n):
        p[i] = v
    return 0.0
# case: fill_maybe(2, [1.5, 2.0])
# case: fill_maybe(1, [1.5])
# case: fill_maybe(0, [1.5])
