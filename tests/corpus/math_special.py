# math functions that CPython implements itself or wraps specially (gamma, lgamma,
# erf, erfc). The compiled code must still give CPython's result bit for bit.
import math

#pykernel export erf_sum(float)
def erf_sum(x):
    return math.erf(x) + math.erfc(x) * 2.0
# case: erf_sum(0.5)
# case: erf_sum(-1.75)
# case: erf_sum(3.0)


#pykernel export gammas(float)
def gammas(x):
    return math.gamma(x) + math.lgamma(x)
# case: gammas(0.5)
# case: gammas(3.0)
# case: gammas(7.25)
