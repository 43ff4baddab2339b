# One helper called with int and with float arguments (one specialization each).

def twice(x):
    return x + x


def mad(a, b, c):
    return a * b + c


#pykernel export twice_both(int, float)
def twice_both(n, x):
    return twice(n) * 1.0 + twice(x)
# case: twice_both(3, 0.25)


#pykernel export twice_int(int)
def twice_int(n):
    return twice(n)
# case: twice_int(21)


#pykernel export mad_mixed(int, float)
def mad_mixed(n, x):
    return mad(n, n, n) + mad(x, n, 1)
# case: mad_mixed(3, 0.5)
# case: mad_mixed(-2, 1.25)
