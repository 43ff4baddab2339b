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
