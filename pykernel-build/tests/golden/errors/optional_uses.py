def safe_div(a, b):
    if b == 0.0:
        return None
    return a / b

def total(x):
    return x + 1.0

#pykernel export arithmetic(float, float)
def arithmetic(a, b):
    r = safe_div(a, b)
    return r * 2.0

#pykernel export direct(float, float)
def direct(a, b):
    return safe_div(a, b) + 1.0

#pykernel export truthiness(float, float)
def truthiness(a, b):
    r = safe_div(a, b)
    if r > 0.5:
        return 1
    return 0

#pykernel export lost_in_loop(float, int)
def lost_in_loop(a, n):
    r = safe_div(a, 1.0)
    if r is None:
        return 0.0
    for i in range(n):
        s = r + i
        r = safe_div(s, i)
    return 0.0

#pykernel export wrong_branch(float, float)
def wrong_branch(a, b):
    r = safe_div(a, b)
    if r is None:
        s = r + 1.0
    else:
        s = 0.0
    return s

#pykernel export passed_on(float, float)
def passed_on(a, b):
    return total(safe_div(a, b))

#pykernel export augmented(float, float)
def augmented(a, b):
    r = safe_div(a, b)
    r += 1.0
    return 0.0

#pykernel export identity(int, int)
def identity(a, b):
    return a is b
