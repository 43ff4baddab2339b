# Operations lists do not have, iterating a number, and an empty list nothing types.
#pykernel export misuse(int list, int)
def misuse(xs, n):
    xs.push(n)
    total = 0
    for x in n:
        total += x
    ys = xs - xs
    e = []
    return total + len(e) + xs[1.5]
