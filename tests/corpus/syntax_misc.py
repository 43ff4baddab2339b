# Everyday syntax around the kernel language: docstrings, pass, semicolons,
# annotations, comments, locals shadowing module names, module-level constants.
import math
from math import pi, sqrt

SCALE = 2.5
OFFSET = -3


def square(x):
    return x * x


#pykernel export documented(float)
def documented(x):
    """A docstring is not code."""
    pass
    y = x + 1.0; z = y * 2.0
    # a comment
    return z  # trailing comment
# case: documented(1.25)


#pykernel export annotated(float, int)
def annotated(x: float, n: int) -> float:
    y: float = 0.0
    for i in range(n):
        y += x
    return y
# case: annotated(1.5, 3)
# case: annotated(-0.5, 0)


#pykernel export shadow_pi(float)
def shadow_pi(x):
    pi = 3.0
    return pi * x
# case: shadow_pi(2.0)


#pykernel export shadow_function(float)
def shadow_function(square):
    return square * 2.0
# case: shadow_function(3.5)


#pykernel export shadow_sqrt_after_use(float)
def shadow_sqrt_after_use(x):
    r = sqrt(x)
    return r + pi
# case: shadow_sqrt_after_use(16.0)


#pykernel export module_constants(float, int)
def module_constants(x, n):
    return x * SCALE + n * OFFSET
# case: module_constants(2.0, 4)


#pykernel export parenthesized(int, int)
def parenthesized(a,
                  b):
    total = (a +
             b) * \
        2
    return total
# case: parenthesized(3, 4)
