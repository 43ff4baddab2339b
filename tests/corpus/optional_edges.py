# Optional results, nastier: a narrowed list a helper widens to floats (shared), recursion
# that tests its own result, `while r is not None`, unpacking a narrowed tuple, `None if c
# else x`, stores into a narrowed array, comprehensions over narrowed values, a best-so-far
# tuple that starts as None, int and float joined with None, truth tests of `T | None`
# (None is false; `if x:` narrows too).
import numpy as np


def mk(n):
    if n < 0:
        return None
    return [0] * n


def fill(u):
    for i in range(len(u)):
        u[i] = i / 2


#pykernel export shared_list(int)
def shared_list(n):
    r = mk(n)
    if r is None:
        return [-1.0]
    fill(r)
    return r
# case: shared_list(3)
# case: shared_list(-1)


def down(n):
    if n == 0:
        return None
    r = down(n - 1)
    if r is None:
        return 1
    return r + 1


#pykernel export recursive(int)
def recursive(n):
    return down(n)
# case: recursive(0)
# case: recursive(4)


def step(x):
    if x > 100:
        return None
    return x * 2


#pykernel export while_narrow(int)
def while_narrow(x):
    r = step(x)
    k = 0
    while r is not None:
        k += 1
        r = step(r)
    return k
# case: while_narrow(1)
# case: while_narrow(200)


def pair(a):
    if a < 0:
        return None
    return (a, a * 0.5)


#pykernel export unpack(int)
def unpack(a):
    c = pair(a)
    if c is not None:
        x, y = c
        return x + y
    return 0.0
# case: unpack(3)
# case: unpack(-3)


#pykernel export ternary(float)
def ternary(x):
    return None if x < 0 else x
# case: ternary(1.5)
# case: ternary(-1.5)


def neg(a):
    for i in range(a.shape[0]):
        if a[i] < 0:
            return a
    return None


#pykernel export array_store(float[:])
def array_store(a):
    r = neg(a)
    if r is None:
        return 0.0
    r[0] = 5.0
    b = [r[i] * 2 for i in range(r.shape[0])]
    return float(sum(b) + r.sum())
# case: array_store(np.array([1.0, -2.0]))
# case: array_store(np.array([1.0, 2.0]))


#pykernel export list_comp(int)
def list_comp(n):
    r = step(n)
    if r is None:
        return [0]
    return [r + i for i in range(3)]
# case: list_comp(3)
# case: list_comp(300)


#pykernel export nested_tuple_none(int)
def nested_tuple_none(n):
    best = None
    for i in range(n):
        c = pair(i - 2)
        if c is None:
            continue
        if best is None or c[1] > best[1]:
            best = c
    return best
# case: nested_tuple_none(5)
# case: nested_tuple_none(2)


#pykernel export int_float_mix(int)
def int_float_mix(n):
    v = None
    if n > 0:
        v = n * 1.0
    if n > 5:
        v = n * 0.5
    return v
# case: int_float_mix(0)
# case: int_float_mix(3)
# case: int_float_mix(8)


def first_true(cc):
    # Pythran's comp_unrolling.py: falls off its end when `cc` is empty.
    for a in cc:
        if a:
            return True
        return False


#pykernel export truthiness(int list list)
def truthiness(cc):
    r = first_true(cc)
    out = [i for i in range(3) if first_true(cc)]
    if r:
        return len(out) + 10
    if r is None:
        return -1
    return len(out)
# case: truthiness([[1]])
# case: truthiness([[]])
# case: truthiness([])


#pykernel export truthy_values(int)
def truthy_values(n):
    f = step(n * 1.0 - 1.0)
    lst = mk(n - 1)
    k = 0
    if f:
        k += 1
    if lst:
        k += 10
        k += len(lst)
    if not (f is None):
        k += 100
    if not f:
        k += 1000
    if not lst:
        k += 10000
    return k
# case: truthy_values(1)
# case: truthy_values(3)
# case: truthy_values(0)
# case: truthy_values(500)
