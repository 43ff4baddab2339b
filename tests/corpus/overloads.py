# Several export lines for one function (overloads), `or` alternatives, several
# functions on one line, and an export spread over continuation lines.

#pykernel export double_it(int)
#pykernel export double_it(float)
def double_it(x):
    return x * 2
# case: double_it(21)
# case: double_it(1.25)


#pykernel export absval(int or float)
def absval(x):
    if x < 0:
        return -x
    return x
# case: absval(-5)
# case: absval(-2.5)
# case: absval(3)


#pykernel export first_of_line(int), second_of_line(float)
def first_of_line(n):
    return n + 1


def second_of_line(x):
    return x - 1.0
# case: first_of_line(1)
# case: second_of_line(1.5)


#pykernel export continued(int,
#                          float,
#                          int)
def continued(a, x, b):
    return a * x + b
# case: continued(2, 0.5, 3)
