# Regular exports returning tuples of scalars.

#pykernel export pydivmod(int, int)
def pydivmod(a, b):
    return a // b, a % b
# case: pydivmod(-7, 2)
# case: pydivmod(7, -2)
# case: pydivmod(7, 0)


#pykernel export minmax(float, float)
def minmax(a, b):
    if a < b:
        return (a, b)
    return (b, a)
# case: minmax(2.5, -1.0)
# case: minmax(-1.0, 2.5)


#pykernel export stats3(float, float, float)
def stats3(a, b, c):
    mean = (a + b + c) / 3.0
    var = ((a - mean) ** 2 + (b - mean) ** 2 + (c - mean) ** 2) / 3.0
    return mean, var, a > b
# case: stats3(1.0, 2.0, 4.0)
# case: stats3(5.0, 2.0, 4.0)
