# Reads that some path reaches before any assignment compile with a warning (CPython
# runs them too, and raises UnboundLocalError only on such a path): only those reads
# check an "assigned" flag (`x` may still be unassigned after a loop of no steps);
# the reads of `n` and `i` stay plain.
#pykernel export f(int)
def f(n):
    for i in range(n):
        last = i
    return last


#pykernel export g(int, float64[:])
def g(n, a):
    if n > 0:
        x = 0.5
    for i in range(len(a)):
        x += a[i]
    return x + n
