# Augmented assignment with every arithmetic operator.

#pykernel export aug_int(int, int)
def aug_int(a, b):
    x = a
    x += b
    x -= 3
    x *= b
    x //= 4
    x %= 1000
    x **= 2
    return x
# case: aug_int(10, 3)
# case: aug_int(-10, 7)
# case: aug_int(5, -9)
# case: aug_int(0, 0)


#pykernel export aug_float(float, float)
def aug_float(a, b):
    x = a
    x += b
    x -= 0.25
    x *= b
    x /= 3.0
    x //= 0.5
    x %= 7.0
    x **= 1.5
    return x
# case: aug_float(10.0, 3.0)
# case: aug_float(-10.0, 2.5)
# case: aug_float(1.5, -0.5)


#pykernel export aug_mixed(int)
def aug_mixed(n):
    # an int variable that receives a float becomes a float (int and float unify)
    x = n
    x += 0.5
    x *= 2
    return x
# case: aug_mixed(3)
# case: aug_mixed(-3)


#pykernel export aug_true_div(int, int)
def aug_true_div(a, b):
    x = a
    x /= b
    return x
# case: aug_true_div(7, 2)
# case: aug_true_div(-9, 3)


#pykernel export aug_zero(int, int)
def aug_zero(a, b):
    x = a
    x //= b
    return x
# case: aug_zero(5, 0)
# case: aug_zero(-5, 2)
