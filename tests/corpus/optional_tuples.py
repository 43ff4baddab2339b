"""`None` inside returned tuples: `return None, 0` on one path and `return x, 1` on
another give `(float | None, int)`; callers unpack and narrow the item."""


#pythran export split_sign(float)
def split_sign(x):
    if x > 0:
        return None, 0
    return x * 2, 1
# case: split_sign(1.5)
# case: split_sign(-2.25)
# case: split_sign(0.0)


#pythran export use_item(float)
def use_item(x):
    a, k = split_sign(x)
    if a is None:
        return -1.0 * k
    return a + k
# case: use_item(3.0)
# case: use_item(-3.0)


#pythran export first_negative(float list)
def first_negative(xs):
    for i in range(len(xs)):
        if xs[i] < 0:
            return i, xs[i]
    return None, None
# case: first_negative([1.0, 2.0, -3.5, -1.0])
# case: first_negative([1.0])
# case: first_negative([])


#pythran export nested(int)
def nested(n):
    if n % 3 == 0:
        return (None, n), None
    if n % 3 == 1:
        return (n * 1.5, n), n
    return (None, -n), n + 1
# case: nested(3)
# case: nested(4)
# case: nested(5)


def or_default(r, d):
    if r is None:
        return d
    return r


def maybe_half(x):
    if x < 0:
        return None
    return x / 2


#pythran export passed_on(float)
def passed_on(x):
    # A `T | None` passed to another function, which narrows it.
    return or_default(maybe_half(x), -1.0), or_default(None if x > 1 else x, 0.0)
# case: passed_on(3.0)
# case: passed_on(-3.0)
# case: passed_on(0.5)


def count_nones(a, b):
    n = 0
    if a is None:
        n += 1
    if b is None:
        n += 1
    return n


#pythran export through_two(int)
def through_two(k):
    a = None if k % 2 else k
    b = None if k % 3 else [k, k]
    return count_nones(a, b), count_nones(k, b)
# case: through_two(6)
# case: through_two(1)
# case: through_two(3)
# case: through_two(2)
