class Oops(Exception):
    pass


#pykernel export f(int)
def f(k):
    if k == 0:
        raise Oops("custom class")
    if k == 1:
        raise ValueError("bad value %d" % k)
    if k == 2:
        raise
    return k
