# math module functions and constants (results as CPython computes them).
import math

#pykernel export hyp(float, float)
def hyp(x, y):
    return math.sqrt(x * x + y * y)
# case: hyp(3.0, 4.0)
# case: hyp(1.0, 1.0)
# case: hyp(1e-200, 1e-200)


#pykernel export transcendental(float)
def transcendental(x):
    return math.exp(x) + math.log(x) + math.sin(x) * math.cos(x) - math.tan(x) / 3.0
# case: transcendental(0.5)
# case: transcendental(2.0)
# case: transcendental(100.0)


#pykernel export logs(float)
def logs(x):
    return math.log2(x) * 1000.0 + math.log10(x) + math.log1p(x) / 7.0
# case: logs(8.0)
# case: logs(1000.0)
# case: logs(0.001)


#pykernel export log_base(float, float)
def log_base(x, b):
    return math.log(x, b)
# case: log_base(8.0, 2.0)
# case: log_base(1000.0, 10.0)
# case: log_base(7.0, 3.5)


#pykernel export inverse_trig(float)
def inverse_trig(x):
    return math.asin(x) + 2.0 * math.acos(x) + 3.0 * math.atan(x)
# case: inverse_trig(0.5)
# case: inverse_trig(-1.0)
# case: inverse_trig(0.0)


#pykernel export angle(float, float)
def angle(y, x):
    return math.degrees(math.atan2(y, x))
# case: angle(1.0, 1.0)
# case: angle(-1.0, -1.0)
# case: angle(0.0, -1.0)
# case: angle(-0.0, -1.0)


#pykernel export hyperbolic(float)
def hyperbolic(x):
    return math.sinh(x) - math.cosh(x) + math.tanh(x) + math.expm1(x)
# case: hyperbolic(0.1)
# case: hyperbolic(-3.0)


#pykernel export rounding(float)
def rounding(x):
    # floor/ceil/trunc return Python ints
    return math.floor(x) * 10000 + math.ceil(x) * 100 + math.trunc(x)
# case: rounding(2.5)
# case: rounding(-2.5)
# case: rounding(-0.5)
# case: rounding(7.0)


#pykernel export floor_type(float)
def floor_type(x):
    return math.floor(x)
# case: floor_type(-1.5)
# case: floor_type(1e15 + 0.5)


#pykernel export float_helpers(float, float)
def float_helpers(x, y):
    return math.fabs(x) + math.copysign(3.0, y) + math.fmod(x, 0.75) + math.hypot(x, y)
# case: float_helpers(-2.0, -0.0)
# case: float_helpers(5.5, 2.0)
# case: float_helpers(-7.25, 1e-3)


#pykernel export constants(int)
def constants(k):
    return math.pi * k + math.e - math.tau / 4.0 + math.radians(180.0)
# case: constants(0)
# case: constants(3)


#pykernel export classify(float)
def classify(x):
    r = 0
    if math.isnan(x):
        r += 1
    if math.isinf(x):
        r += 2
    if math.isfinite(x):
        r += 4
    return r
# case: classify(1.0)
# case: classify(nan)
# case: classify(-inf)


#pykernel export special_values(int)
def special_values(k):
    x = math.inf
    if k > 0:
        x = -math.inf
    y = math.nan
    if k > 1:
        x = x + y * 0.0
    return x
# case: special_values(0)
# case: special_values(1)
# case: special_values(2)


#pykernel export gaussian(float, float, float)
def gaussian(x, mu, sigma):
    z = (x - mu) / sigma
    return math.exp(-0.5 * z * z) / (sigma * math.sqrt(2.0 * math.pi))
# case: gaussian(0.0, 0.0, 1.0)
# case: gaussian(1.3, 0.2, 0.7)
