# Complex numbers are not ordered and have no floor division.
#pykernel export c(complex, complex)
def c(a, b):
    if a < b:
        return a // b
    return max(a, b)
