# One element type per list: ints and floats unify to float, tuples do not join numbers.
#pykernel export pairs(int)
def pairs(n):
    out = [0] * n
    out.append((n, n))
    mixed = [1, (2, 3)]
    return len(out) + len(mixed)
