# math domain / range errors raise like CPython (ValueError, OverflowError).
import math

#pykernel export sqrt_of(float)
def sqrt_of(x):
    return math.sqrt(x)
# case: sqrt_of(4.0)
# case: sqrt_of(-1.0)
# case: sqrt_of(-0.0)


#pykernel export log_of(float)
def log_of(x):
    return math.log(x)
# case: log_of(1.0)
# case: log_of(0.0)
# case: log_of(-2.0)


#pykernel export exp_of(float)
def exp_of(x):
    return math.exp(x)
# case: exp_of(1.0)
# case: exp_of(1000.0)
# case: exp_of(-1000.0)


#pykernel export floor_of(float)
def floor_of(x):
    return math.floor(x)
# case: floor_of(2.5)
# case: floor_of(nan)
# case: floor_of(inf)


#pykernel export float_pow_errors(float, float)
def float_pow_errors(a, b):
    return a ** b
# case: float_pow_errors(0.0, -1.0)
# case: float_pow_errors(10.0, 400.0)
