# return from inside loops.

#pykernel export is_prime(int)
def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
# case: is_prime(1)
# case: is_prime(2)
# case: is_prime(91)
# case: is_prime(7919)
# case: is_prime(-7)


#pykernel export first_square_above(int)
def first_square_above(limit):
    for i in range(limit + 2):
        if i * i > limit:
            return i
    return -1
# case: first_square_above(10)
# case: first_square_above(0)
# case: first_square_above(-5)


#pykernel export find_pair(int, int)
def find_pair(n, target):
    for i in range(n):
        for j in range(i, n):
            if i * j == target:
                return i * 100 + j
    return -1
# case: find_pair(10, 12)
# case: find_pair(10, 97)
# case: find_pair(10, 0)


#pykernel export newton_sqrt(float)
def newton_sqrt(a):
    x = a
    for _ in range(100):
        nx = 0.5 * (x + a / x)
        if nx == x:
            return x
        x = nx
    return x
# case: newton_sqrt(2.0)
# case: newton_sqrt(1e10)
# case: newton_sqrt(0.25)
