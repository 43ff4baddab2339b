# Lambdas bound to a name: module level, inside functions (reading the function's
# locals when called: late binding), with defaults, used at several types.
import math

square = lambda x: x * x
hyp = lambda a, b=4.0: math.sqrt(square(a) + square(b))


#pykernel export module_lambdas(int, float)
def module_lambdas(n, x):
    return square(n), square(x), hyp(3.0), hyp(x, b=x)
# case: module_lambdas(3, 1.5)
# case: module_lambdas(-4, 0.0)


#pykernel export closure(float, int)
def closure(a, n):
    scale = lambda t: a * t + shift
    shift = 1.0
    s = 0.0
    for i in range(n):
        s += scale(i)
    shift = 100.0        # late binding: later calls see the new value
    return s, scale(1)
# case: closure(2.0, 4)
# case: closure(-0.5, 0)


#pykernel export nested_use(int)
def nested_use(n):
    inc = lambda v, by=1: v + by
    total = 0
    k = 0
    while k < n:
        total = inc(total, by=k)
        k = inc(k)
    return total
# case: nested_use(5)
# case: nested_use(0)
