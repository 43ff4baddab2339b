#pykernel export g(float64[:])
def g(a):
    if a.dtype == "float64":
        return 1
    return 0
