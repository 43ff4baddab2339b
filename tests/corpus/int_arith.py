# Integer scalar arithmetic: + - * unary, precedence. `int` is int64.

#pykernel export add(int, int)
def add(a, b):
    return a + b
# case: add(1, 2)
# case: add(-5, 3)
# case: add(0, 0)
# case: add(2**62, 2**62 - 1)
# case: add(-2**63, 2**63 - 1)


#pykernel export sub(int, int)
def sub(a, b):
    return a - b
# case: sub(3, 10)
# case: sub(-2**63 + 1, 1)
# case: sub(7, -7)


#pykernel export mul(int, int)
def mul(a, b):
    return a * b
# case: mul(6, 7)
# case: mul(-6, 7)
# case: mul(-6, -7)
# case: mul(0, -5)
# case: mul(3037000499, 3037000499)


#pykernel export negate(int)
def negate(a):
    b = -a
    return +b
# case: negate(5)
# case: negate(-5)
# case: negate(0)
# case: negate(2**63 - 1)


#pykernel export poly(int)
def poly(x):
    return 3 * x * x - 2 * x + 7 - (x - 1) * (x + 1)
# case: poly(0)
# case: poly(-4)
# case: poly(1000)


#pykernel export precedence(int, int, int)
def precedence(a, b, c):
    return a + b * c - a * (b - c) + -a * -b
# case: precedence(1, 2, 3)
# case: precedence(-4, 5, -6)
