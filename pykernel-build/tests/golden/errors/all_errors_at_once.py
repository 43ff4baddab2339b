# Independent errors from every pass, all reported by one build: an export comment
# (PK01xx), binding (PK04xx), lowering (PK02xx), inference (PK03xx) and the capsule
# check. Exports and functions with errors are left out, the others still checked; a
# call into a function that has errors gives no echo in its caller.

#pythran export scale(float64*, int)
def scale(p, n):
    return p[0] * n

#pythran export typo(flot64)
def typo(x):
    return x

#pythran export mix(int)
def mix(n):
    x = 1.5
    if n > 0:
        x = [n]
    return len(x)

#pythran export uses_broken(int)
def uses_broken(n):
    y = broken(n)
    return y + 1

def broken(n):
    try:
        return n
    except ValueError:
        return 0

#pythran export capsule cb(float64)
def cb(x):
    return [x]

#pythran export other(int)
def other(n):
    return n + None
