# Float division by zero follows IEEE / NumPy (SPEC 6): inf and nan, no exception.
# CPython raises ZeroDivisionError here, so these cases carry `# expect-ieee`: the
# expected value is CPython running the same function with NumPy scalar arguments
# (numpy.float64 / numpy.int64). `/` of two ints is true division, which SPEC 6 and
# the translator treat as a float division (NumPy: int64 / int64 -> float64): IEEE as
# well. Only `//` and `%` of ints raise ZeroDivisionError (int_division.py).

#pykernel export fdiv(float, float)
def fdiv(a, b):
    return a / b
# case: fdiv(1.0, 0.0)  # expect-ieee
# case: fdiv(-1.0, 0.0)  # expect-ieee
# case: fdiv(1.0, -0.0)  # expect-ieee
# case: fdiv(0.0, 0.0)  # expect-ieee
# case: fdiv(3.0, 2.0)


#pykernel export ffloordiv0(float, float)
def ffloordiv0(a, b):
    return a // b
# case: ffloordiv0(1.0, 0.0)  # expect-ieee
# case: ffloordiv0(-1.0, 0.0)  # expect-ieee


#pykernel export fmod0(float, float)
def fmod0(a, b):
    return a % b
# case: fmod0(1.0, 0.0)  # expect-ieee
# case: fmod0(-2.5, 0.0)  # expect-ieee


#pykernel export reciprocal_sum(float, int)
def reciprocal_sum(x, n):
    s = 0.0
    for i in range(n):
        s += 1.0 / (x - i)
    return s
# case: reciprocal_sum(0.5, 4)
# case: reciprocal_sum(2.0, 4)  # expect-ieee



#pykernel export int_truediv0(int, int)
def int_truediv0(a, b):
    return a / b
# case: int_truediv0(1, 0)  # expect-ieee
# case: int_truediv0(-3, 0)  # expect-ieee
# case: int_truediv0(0, 0)  # expect-ieee
# case: int_truediv0(7, 2)
