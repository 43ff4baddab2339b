# Loops over tuples: literals, tuple values, mixed int/float items (the loop variable
# unifies to float), break/else, nesting.

#pykernel export weighted(float)
def weighted(x):
    s = 0.0
    for w in (1, 2.5, -3):
        s += w * x
    return s
# case: weighted(2.0)
# case: weighted(-0.5)


#pykernel export first_over(int)
def first_over(n):
    pair = (n, n * 2, n * 3)
    for v in pair:
        if v > 10:
            break
    else:
        v = -1
    return v
# case: first_over(2)
# case: first_over(4)
# case: first_over(11)


#pykernel export grid(int)
def grid(n):
    count = 0
    for a in (1, 2, 3):
        for b in (n, -n):
            count = count * 3 + a * b
    return count
# case: grid(1)
# case: grid(5)


#pykernel export ints_only(int, int)
def ints_only(a, b):
    t = (a, b, a + b)
    m = 0
    for k in t:
        m = max(m, k % 7)
    return m
# case: ints_only(10, 4)
# case: ints_only(-3, 6)
