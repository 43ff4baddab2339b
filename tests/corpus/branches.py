# if / elif / else, nested conditions.

#pykernel export sign(int)
def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0
# case: sign(5)
# case: sign(-3)
# case: sign(0)


#pykernel export grade(float)
def grade(score):
    if score >= 90.0:
        g = 4
    elif score >= 80.0:
        g = 3
    elif score >= 70.0:
        g = 2
    elif score >= 60.0:
        g = 1
    else:
        g = 0
    return g
# case: grade(95.0)
# case: grade(80.0)
# case: grade(79.999)
# case: grade(61.0)
# case: grade(-1.0)
# case: grade(nan)


#pykernel export clamp(float, float, float)
def clamp(x, lo, hi):
    if x < lo:
        x = lo
    if x > hi:
        x = hi
    return x
# case: clamp(0.5, 0.0, 1.0)
# case: clamp(-2.0, 0.0, 1.0)
# case: clamp(7.0, 0.0, 1.0)


#pykernel export quadrant(float, float)
def quadrant(x, y):
    if x >= 0.0:
        if y >= 0.0:
            q = 1
        else:
            q = 4
    else:
        if y >= 0.0:
            q = 2
        else:
            q = 3
    return q
# case: quadrant(1.0, 1.0)
# case: quadrant(-1.0, 1.0)
# case: quadrant(-1.0, -1.0)
# case: quadrant(1.0, -1.0)


#pykernel export max3(int, int, int)
def max3(a, b, c):
    m = a
    if b > m:
        m = b
    if c > m:
        m = c
    return m
# case: max3(1, 2, 3)
# case: max3(3, 2, 1)
# case: max3(-5, -9, -7)
