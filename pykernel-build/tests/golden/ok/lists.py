#pykernel export sieve(int)
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    if n >= 1:
        is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]

#pykernel export stats(float list)
def stats(xs):
    s = sum(xs)
    xs.append(s)
    out = []
    for i, x in enumerate(xs):
        out.append(x * i)
    return out, min(xs), max(xs), sorted(xs, reverse=True), len(xs)

#pykernel export z(int list, float list)
def z(a, b):
    t = 0.0
    for x, y in zip(a, b):
        t += x * y
    a[0] += 5
    b.pop()
    return t, 3 in a, [x for x in reversed(a)]
