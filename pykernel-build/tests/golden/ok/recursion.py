# Recursive functions (on a cycle of the call graph) count their depth: an entry for
# calls from outside the cycle, a body taking the budget for calls inside it.
# Non-recursive functions (`twice`, `plain`) are emitted as without recursion.

#pykernel export fact(int)
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1) and twice(n) > 0


def twice(n):
    # a non-recursive helper that enters another cycle
    return fact(n) * 2


#pykernel export parity(int)
def parity(n):
    return is_even(n)


#pykernel export plain(int)
def plain(n):
    return n + 1
