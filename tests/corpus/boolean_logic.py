# and / or / not on bools, short-circuit evaluation, truthiness of numbers.

#pykernel export both(bool, bool)
def both(a, b):
    return a and b
# case: both(True, True)
# case: both(True, False)
# case: both(False, True)


#pykernel export either(bool, bool)
def either(a, b):
    return a or b
# case: either(False, False)
# case: either(False, True)


#pykernel export negation(bool)
def negation(a):
    return not a
# case: negation(True)
# case: negation(False)


#pykernel export xor_logic(bool, bool)
def xor_logic(a, b):
    return (a or b) and not (a and b)
# case: xor_logic(True, True)
# case: xor_logic(True, False)
# case: xor_logic(False, False)


#pykernel export safe_ratio_big(int, int)
def safe_ratio_big(a, b):
    # short-circuit: b == 0 must not evaluate a // b
    return b != 0 and a // b > 1
# case: safe_ratio_big(10, 0)
# case: safe_ratio_big(10, 3)
# case: safe_ratio_big(3, 10)


#pykernel export guard_or(int, int)
def guard_or(a, b):
    return b == 0 or a % b == 0
# case: guard_or(10, 0)
# case: guard_or(10, 5)
# case: guard_or(10, 3)


#pykernel export not_number(int, float)
def not_number(i, x):
    r = 0
    if not i:
        r += 1
    if not x:
        r += 2
    if i:
        r += 4
    if x:
        r += 8
    return r
# case: not_number(0, 0.0)
# case: not_number(3, -0.0)
# case: not_number(-1, 0.5)
# case: not_number(0, nan)


#pykernel export complex_cond(int, int, int)
def complex_cond(a, b, c):
    if (a > 0 and b > 0) or (not c > 0 and a != b):
        return 1
    elif a > 0 or b > 0 and c > 0:
        return 2
    return 3
# case: complex_cond(1, 1, 1)
# case: complex_cond(1, 2, -1)
# case: complex_cond(-1, 2, 3)
# case: complex_cond(-1, -1, 1)
# case: complex_cond(1, -1, 5)


#pykernel export bool_arith(bool, int)
def bool_arith(flag, n):
    return flag + n
# case: bool_arith(True, 1)
# case: bool_arith(False, 41)
