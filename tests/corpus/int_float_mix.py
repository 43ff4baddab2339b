# int and float mixing: promotion, a variable assigned an int then a float is a float.

#pykernel export promote(int, float)
def promote(n, x):
    return n + x
# case: promote(1, 0.5)
# case: promote(-3, 3.0)
# case: promote(2**53 + 1, 0.0)


#pykernel export int_then_float(int)
def int_then_float(n):
    acc = 0
    acc = acc + n
    acc = acc / 2
    return acc
# case: int_then_float(7)
# case: int_then_float(-8)


#pykernel export mean_of_range(int)
def mean_of_range(n):
    s = 0
    for i in range(n):
        s = s + i * 1.0
    return s / n
# case: mean_of_range(10)
# case: mean_of_range(1)


#pykernel export branch_float(int)
def branch_float(n):
    y = 1
    if n > 0:
        y = n * 0.5
    else:
        y = -1.5
    return y
# case: branch_float(4)
# case: branch_float(-4)


#pykernel export mixed_ops(int, float)
def mixed_ops(i, x):
    return i * x - i // 2 + x // 1 + i % 3 * x
# case: mixed_ops(7, 2.5)
# case: mixed_ops(-7, -2.5)


#pykernel export int_literal_float_param(float)
def int_literal_float_param(x):
    return 2 * x + 1
# case: int_literal_float_param(0.25)
# case: int_literal_float_param(-3.0)
