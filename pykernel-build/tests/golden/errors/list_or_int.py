# A variable that is sometimes a list and sometimes an int where it is read cannot have
# one static type.
#pykernel export f(int)
def f(n):
    acc = [0] * n
    if n > 3:
        acc = n
    return acc
