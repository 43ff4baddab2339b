#pykernel export f(int)
def f(n):
    for i in range(n):
        last = i
    return last
