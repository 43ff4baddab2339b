# Lists whose aliasing is observable (own file: the hardest cases for a translator
# that copies lists or borrows them): mutation while iterating over the same list
# (`for x in a` sees items appended meanwhile and stops early after pops), extend by
# itself, `+=` on an alias (in place) vs `a = a + b` (a new list), the same list
# passed twice, lists of lists sharing a row.


#pykernel export grow_while_iterating(int)
def grow_while_iterating(n):
    a = [n]
    count = 0
    for x in a:  # the loop sees the appended items
        count += 1
        if x > 0:
            a.append(x - 1)
            if x % 3 == 0:
                a.append(x // 3)
    return count, a
# case: grow_while_iterating(0)
# case: grow_while_iterating(1)
# case: grow_while_iterating(7)


#pykernel export pop_while_iterating(int)
def pop_while_iterating(n):
    a = []
    for i in range(n):
        a.append(i)
    seen = 0
    for x in a:  # the iterator's index passes the shrinking end early
        seen += 1
        a.pop()
    return seen, a
# case: pop_while_iterating(0)
# case: pop_while_iterating(1)
# case: pop_while_iterating(6)
# case: pop_while_iterating(7)


#pykernel export write_ahead_while_iterating(int)
def write_ahead_while_iterating(n):
    a = [1] * n
    s = 0
    for i in range(len(a)):
        if i + 1 < len(a):
            a[i + 1] += a[i]
    for x in a:
        s += x
    return s, a
# case: write_ahead_while_iterating(0)
# case: write_ahead_while_iterating(5)


#pykernel export extend_by_itself(int)
def extend_by_itself(n):
    a = [1, 2]
    for i in range(n):
        a.extend(a)
    return len(a), a
# case: extend_by_itself(0)
# case: extend_by_itself(3)


#pykernel export iadd_alias(int)
def iadd_alias(n):
    a = [1, 2]
    b = a
    b += [n]  # in place: a sees it
    c = a
    c = c + [n, n]  # a new list: a does not
    return len(a), len(b), len(c), a
# case: iadd_alias(5)


#pykernel export iadd_self(int)
def iadd_self(n):
    a = [n, -n]
    a += a
    return a
# case: iadd_self(3)
# case: iadd_self(0)


def add_into(dst, src):
    for i in range(len(src)):  # len(src) read once: stops even when dst is src
        dst.append(src[i] * 2)


#pykernel export same_list_twice(int)
def same_list_twice(n):
    a = [1, 2, 3]
    for _ in range(n):
        add_into(a, a)
    b = [1, 2]
    c = [5]
    add_into(b, c)
    return a, b
# case: same_list_twice(0)
# case: same_list_twice(2)


def swap_ends(a, b):
    t = a[0]
    a[0] = b[-1]
    b[-1] = t


#pykernel export swap_same(int)
def swap_same(n):
    a = [n, 2, 3]
    swap_ends(a, a)
    b = [n, 2, 3]
    c = [7, 8]
    swap_ends(b, c)
    return a, b, c
# case: swap_same(1)
# case: swap_same(9)


#pykernel export shared_rows(int)
def shared_rows(n):
    row = [0] * n
    m = [row, row]  # two references to one row
    m[0].append(1)
    m[1][0] = 5 if n > 0 else 0
    return len(row), m
# case: shared_rows(2)
# case: shared_rows(0)


#pykernel export repeat_nested(int)
def repeat_nested(n):
    m = [[0] * 2] * n  # n references to one inner list
    if n > 0:
        m[0][1] = 7
    total = 0
    for r in m:
        total += r[1]
    return total, m
# case: repeat_nested(3)
# case: repeat_nested(0)
