# Truth values of lists and tuples: empty is false (`if xs`, `while xs`, `not xs`).


#pykernel export drain(int)
def drain(n):
    xs = list(range(n))
    total = 0
    while xs:
        total += xs.pop()
    return total, not xs
# case: drain(5)
# case: drain(0)


#pykernel export pick(int list)
def pick(xs):
    if xs:
        return xs[0]
    return -1
# case: pick([4, 5])
# case: pick([])


#pykernel export tuple_truth(int)
def tuple_truth(n):
    t = (n, n + 1)
    e = ()
    return 1 if t else 0, 1 if e else 0, not e
# case: tuple_truth(3)
