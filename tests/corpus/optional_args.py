# Trailing optional export arguments (`T?`): a call may leave them out and gets the
# Python default. One optional, two optionals (give none, one, both), an int default
# -1 used as a sentinel, an int default for a float parameter (the compiled function
# sees 2.0: only cases whose result does not depend on it being an int), a bool
# optional, a default read from a module constant, defaults of helpers.

LIMIT = 100


#pykernel export scale(float, float?)
def scale(x, k=2.0):
    return x * k
# case: scale(1.5)
# case: scale(1.5, -3.0)
# case: scale(-0.0)
# case: scale(1, 3)
# case: scale(inf, 0.0)


#pykernel export clamp(int, int?, int?)
def clamp(v, lo=0, hi=LIMIT):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v
# case: clamp(150)
# case: clamp(-5)
# case: clamp(42)
# case: clamp(5, 10)
# case: clamp(-5, -10)
# case: clamp(150, 0, 10)
# case: clamp(7, 0, -1)


#pykernel export find_from(int, int?)
def find_from(target, start=-1):
    # -1 is a sentinel meaning "from the middle"
    data = (4, 8, 15, 16, 23, 42)
    if start == -1:
        start = 3
    for i in range(start, 6):
        if data[i] == target:
            return i
    return -1
# case: find_from(23)
# case: find_from(8)
# case: find_from(8, 0)
# case: find_from(42, -1)
# case: find_from(4, 5)


#pykernel export halve(float, float?)
def halve(x, d=2):
    # the default is an int in Python, a float for the compiled function: x / d is a
    # float either way
    return x / d
# case: halve(3.0)
# case: halve(-1.0, 4.0)
# case: halve(1.0, 0.0)


#pykernel export signed(float, bool?)
def signed(x, negate=False):
    if negate:
        return -x
    return x
# case: signed(2.5)
# case: signed(2.5, True)
# case: signed(0.0, True)
# case: signed(-1.0, False)


#pykernel export poly(float, float?, float?, float?)
def poly(x, a=1.0, b=0.0, c=0.0):
    return (a * x + b) * x + c
# case: poly(2.0)
# case: poly(2.0, 3.0)
# case: poly(2.0, 3.0, -1.0)
# case: poly(2.0, 3.0, -1.0, 0.5)
# case: poly(nan)


#pykernel export count_steps(int, int?, int?)
def count_steps(stop, start=0, step=1):
    n = 0
    for _ in range(start, stop, step):
        n += 1
    return n
# case: count_steps(10)
# case: count_steps(10, 4)
# case: count_steps(-10, 0, -3)
# case: count_steps(10, 0, 0)
# case: count_steps(0)


def weighted_sum(a, b, wa=1, wb=2):
    return a * wa + b * wb


#pykernel export weighted_default(int, int, int?)
def weighted_default(a, b, w=3):
    return weighted_sum(a, b) + weighted_sum(a, b, w) + weighted_sum(a, b, w, w)
# case: weighted_default(1, 1)
# case: weighted_default(2, -5, 0)


#pykernel export optional_only(int?)
def optional_only(n=7):
    return n * n
# case: optional_only()
# case: optional_only(-3)
