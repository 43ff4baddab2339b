# Lists: construction (`[x] * n`, literals, append), len, indexing (negative indices,
# IndexError), element assignment and augmented assignment, iteration, reference
# semantics (aliases, helpers that mutate), pop/insert/extend/reverse/sort, `in`,
# index/count, `+` and `==`.


#pykernel export repeat_zero(int)
def repeat_zero(n):
    a = [0] * n
    return a
# case: repeat_zero(3)
# case: repeat_zero(1)
# case: repeat_zero(0)
# case: repeat_zero(-2)


#pykernel export repeat_value(float, int)
def repeat_value(x, n):
    a = [x] * n
    b = n * [x + 1.0]
    return a + b
# case: repeat_value(1.5, 3)
# case: repeat_value(-0.0, 2)
# case: repeat_value(nan, 2)
# case: repeat_value(2.0, 0)
# case: repeat_value(2.0, -1)
# case: repeat_value(-inf, -100)


#pykernel export repeat_pattern(int)
def repeat_pattern(n):
    a = [1, -2, 3] * n
    return len(a), a
# case: repeat_pattern(2)
# case: repeat_pattern(0)
# case: repeat_pattern(-3)


#pykernel export literal_index(int)
def literal_index(k):
    a = [3, 1, 4, 1, 5, 9, 2, 6]
    return a[k]
# case: literal_index(0)
# case: literal_index(7)
# case: literal_index(-1)
# case: literal_index(-8)
# case: literal_index(8)
# case: literal_index(-9)
# case: literal_index(2**62)
# case: literal_index(-2**63)


#pykernel export literal_float_index(int)
def literal_float_index(k):
    # int and float items: the list is a float list (SPEC 6); `/ 2` gives a float on
    # both sides whatever CPython holds.
    a = [1, 2.5, -3]
    return a[k] / 2
# case: literal_float_index(0)
# case: literal_float_index(1)
# case: literal_float_index(-1)
# case: literal_float_index(3)


#pykernel export build_squares(int)
def build_squares(n):
    a = []
    for i in range(n):
        a.append(i * i)
    return a
# case: build_squares(6)
# case: build_squares(0)
# case: build_squares(-4)


#pykernel export append_len(int)
def append_len(n):
    a = [1, 2, 3]
    for i in range(n):
        a.append(i)
        a.append(-i)
    return len(a)
# case: append_len(0)
# case: append_len(5)


#pykernel export set_item(int, int)
def set_item(i, v):
    a = [10, 20, 30, 40]
    a[i] = v
    return a
# case: set_item(0, 5)
# case: set_item(-1, 7)
# case: set_item(-4, 1)
# case: set_item(3, -2**63)
# case: set_item(4, 0)
# case: set_item(-5, 0)
# case: set_item(2**62, 0)


#pykernel export aug_item(int)
def aug_item(n):
    a = [0] * 3
    for i in range(n):
        a[i % 3] += i
        a[-1] -= 1
        a[0] *= 2
    return a
# case: aug_item(0)
# case: aug_item(1)
# case: aug_item(7)


#pykernel export aug_float_item(int)
def aug_float_item(n):
    a = [0.5, -0.0]
    for i in range(n):
        a[i % 2] *= 1.5
        a[-1] += 0.25
    return a
# case: aug_float_item(0)
# case: aug_float_item(5)


#pykernel export aug_item_index_error(int)
def aug_item_index_error(i):
    a = [1, 2, 3]
    a[i] += 10
    return a[i]
# case: aug_item_index_error(1)
# case: aug_item_index_error(-3)
# case: aug_item_index_error(3)
# case: aug_item_index_error(-4)


#pykernel export iterate_sum(float)
def iterate_sum(x):
    a = [1.5, -2.0, 0.25]
    s = 0.0
    for v in a:
        s += v * x
    return s
# case: iterate_sum(2.0)
# case: iterate_sum(-0.0)
# case: iterate_sum(inf)


#pykernel export grow_in_range(int)
def grow_in_range(n):
    # range(len(a) * n) is evaluated once; a grows meanwhile
    a = [1, 2]
    for i in range(len(a) * n):
        a.append(a[i] + a[i + 1])
    return a
# case: grow_in_range(0)
# case: grow_in_range(1)
# case: grow_in_range(4)


#pykernel export alias_append(int)
def alias_append(n):
    a = [1, 2, 3]
    b = a
    for i in range(n):
        b.append(i)
    b[0] = 100
    return len(a) * 1000 + a[0]
# case: alias_append(0)
# case: alias_append(4)


#pykernel export rebind_not_alias(int)
def rebind_not_alias(n):
    a = [1, 2, 3]
    b = a
    b = [0] * n  # rebinding b leaves a alone
    b.append(5)
    return len(a) * 100 + len(b)
# case: rebind_not_alias(2)
# case: rebind_not_alias(0)


def fill(a, v):
    for i in range(len(a)):
        a[i] = v


def push_squares(a, n):
    for i in range(n):
        a.append(i * i)


#pykernel export helper_mutates(int)
def helper_mutates(n):
    a = [0] * 3
    fill(a, n)
    push_squares(a, n)
    return a
# case: helper_mutates(0)
# case: helper_mutates(4)


def make_steps(n, step):
    out = []
    i = 0
    while i < n:
        out.append(i)
        i += step
    return out


#pykernel export helper_returns(int)
def helper_returns(n):
    a = make_steps(n, 3)
    b = make_steps(n, 2)
    b.append(-1)  # a fresh list each call
    return len(a) * 100 + len(b), a
# case: helper_returns(10)
# case: helper_returns(0)
# case: helper_returns(1)


#pykernel export pop_last(int)
def pop_last(n):
    a = []
    for i in range(n):
        a.append(i * 10)
    x = a.pop()
    return x, a
# case: pop_last(3)
# case: pop_last(1)
# case: pop_last(0)


#pykernel export pop_at(int, int)
def pop_at(n, i):
    a = []
    for k in range(n):
        a.append(k + 1)
    x = a.pop(i)
    return x, a
# case: pop_at(5, 0)
# case: pop_at(5, 2)
# case: pop_at(5, -1)
# case: pop_at(5, -5)
# case: pop_at(5, 5)
# case: pop_at(5, -6)
# case: pop_at(0, 0)
# case: pop_at(0, -1)
# case: pop_at(3, -2**63)


#pykernel export pop_float(int)
def pop_float(n):
    a = [0.5] * n
    s = 0.0
    while len(a) > 1:
        s += a.pop() * len(a)
    return s, a
# case: pop_float(4)
# case: pop_float(1)
# case: pop_float(0)


#pykernel export insert_at(int, int)
def insert_at(i, v):
    a = [1, 2, 3]
    a.insert(i, v)
    return a
# case: insert_at(0, 9)
# case: insert_at(1, 9)
# case: insert_at(3, 9)
# case: insert_at(100, 9)
# case: insert_at(-1, 9)
# case: insert_at(-3, 9)
# case: insert_at(-100, 9)
# case: insert_at(2**63 - 1, 9)
# case: insert_at(-2**63, 9)


#pykernel export insert_empty(int)
def insert_empty(i):
    a = []
    a.insert(i, 1.5)
    a.insert(i, -0.0)
    return a
# case: insert_empty(0)
# case: insert_empty(5)
# case: insert_empty(-5)


#pykernel export extend_list(int)
def extend_list(n):
    a = [1, 2]
    b = [3] * n
    a.extend(b)
    b.append(7)  # a got copies of b's items, not b
    a.extend([])
    return a
# case: extend_list(0)
# case: extend_list(3)


#pykernel export reverse_list(int)
def reverse_list(n):
    a = []
    for i in range(n):
        a.append((i * 7) % 5 - 2)
    a.reverse()
    return a
# case: reverse_list(0)
# case: reverse_list(1)
# case: reverse_list(6)


#pykernel export sort_ints(int)
def sort_ints(n):
    a = []
    for i in range(n):
        a.append((i * 37) % 11 - 5)
    a.sort()
    return a
# case: sort_ints(0)
# case: sort_ints(1)
# case: sort_ints(20)


#pykernel export sort_floats(float)
def sort_floats(x):
    # equal items keep their order (a stable sort): 0.0, -0.0 and 0.0 compare equal
    a = [x, 0.0, -0.0, 2.5, -1.0, x * 2.0, 0.0, -0.0]
    a.sort()
    return a
# case: sort_floats(1.0)
# case: sort_floats(-0.0)
# case: sort_floats(0.0)
# case: sort_floats(-inf)


#pykernel export sort_reverse(float)
def sort_reverse(x):
    # reverse=True is not sort-then-reverse: equal items keep their original order
    a = [0.0, x, -0.0, 1.0, -0.0, 0.0]
    a.sort(reverse=True)
    return a
# case: sort_reverse(0.5)
# case: sort_reverse(-0.0)
# case: sort_reverse(0.0)


#pykernel export membership(float)
def membership(x):
    a = [1.5, -0.0, 3.0]
    r = 0
    if x in a:
        r += 1
    if x not in a:
        r += 10
    if 3 in a:
        r += 100
    return r
# case: membership(1.5)
# case: membership(0.0)
# case: membership(2.0)
# case: membership(nan)


#pykernel export int_membership(int)
def int_membership(x):
    a = [5, -3, 0, 7]
    return x in a, x not in a
# case: int_membership(7)
# case: int_membership(1)


#pykernel export index_count(int)
def index_count(x):
    a = [4, 1, 4, 2, 4, 1]
    return a.index(x), a.count(x)
# case: index_count(4)
# case: index_count(1)
# case: index_count(2)
# case: index_count(3)


#pykernel export float_count(float)
def float_count(x):
    a = [0.0, -0.0, 1.0, 0.0]
    return a.count(x), a.index(x)
# case: float_count(0.0)
# case: float_count(-0.0)
# case: float_count(1.0)
# case: float_count(2.0)


#pykernel export concat_eq(int)
def concat_eq(n):
    a = [1, 2]
    b = [3] * n
    c = a + b
    d = [1, 2, 3]
    return c == d, c != d, len(c), c
# case: concat_eq(1)
# case: concat_eq(0)
# case: concat_eq(2)


#pykernel export float_eq(float)
def float_eq(x):
    a = [x, 1.0]
    b = [0.0, 1.0]
    return a == b, a != b, [] == [0.0] * 0
# case: float_eq(0.0)
# case: float_eq(-0.0)
# case: float_eq(1.0)
