# Floor division and modulo of ints: Python's flooring semantics, ZeroDivisionError.

#pykernel export floordiv(int, int)
def floordiv(a, b):
    return a // b
# case: floordiv(7, 2)
# case: floordiv(-7, 2)
# case: floordiv(7, -2)
# case: floordiv(-7, -2)
# case: floordiv(-6, 3)
# case: floordiv(0, -3)
# case: floordiv(-1, 10)
# case: floordiv(-2**63, 1)
# case: floordiv(-2**63, 2)
# case: floordiv(-2**63, 2**63 - 1)
# case: floordiv(2**63 - 1, -1)
# case: floordiv(2**63 - 1, -2**63)
# case: floordiv(1, 0)
# case: floordiv(0, 0)
# case: floordiv(-2**63, -1)  # expect-wrap


#pykernel export modulo(int, int)
def modulo(a, b):
    return a % b
# case: modulo(7, 3)
# case: modulo(-7, 3)
# case: modulo(7, -3)
# case: modulo(-7, -3)
# case: modulo(6, -3)
# case: modulo(-6, 3)
# case: modulo(-1, 2**63 - 1)
# case: modulo(-2**63, 7)
# case: modulo(-2**63, -1)
# case: modulo(-2**63, 2**63 - 1)
# case: modulo(2**63 - 1, -2**63)
# case: modulo(5, 0)
# case: modulo(-5, 0)


#pykernel export divmod_sum(int, int)
def divmod_sum(a, b):
    q = a // b
    r = a % b
    # Python's invariant: q * b + r == a, and r has the sign of b
    ok = q * b + r == a
    if ok:
        return q * 1000 + r
    return -1
# case: divmod_sum(-17, 5)
# case: divmod_sum(17, -5)
# case: divmod_sum(-17, -5)
# case: divmod_sum(17, 0)


#pykernel export zero_div_in_loop(int)
def zero_div_in_loop(n):
    total = 0
    for i in range(n, -1, -1):
        total += 100 // i
    return total
# case: zero_div_in_loop(0)
# case: zero_div_in_loop(3)
# case: zero_div_in_loop(-1)
