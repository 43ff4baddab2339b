"""Dtypes passed to functions of the file (`model(h, w, dtype=np.float64)`): the callee
is compiled once per dtype it receives, as for functions passed as arguments."""
import numpy as np


def model(height, width, dtype):
    m = np.ones((height, width), dtype=dtype)
    m[0, 0] = 3
    return m


def convert(v, t):
    return t(v)


def zeros_of(n, dtype=np.int32):
    return np.zeros(n, dtype)


def cast_all(a, dtype):
    return a.astype(dtype) * 2


def pass_on(n, dtype):
    return model(n, n + 1, dtype)


#pythran export grid(int, int)
def grid(h, w):
    return model(h, w, dtype=np.float64), model(h, w, np.int8), model(h, w, bool)
# case: grid(2, 3)
# case: grid(0, 2)


#pythran export conversions(float)
def conversions(x):
    return convert(x, int), convert(x, np.float32), convert(x, float), convert(-x, np.int16)
# case: conversions(2.75)
# case: conversions(-1.5)


#pythran export defaults_and_through(int, float[:])
def defaults_and_through(n, a):
    return zeros_of(n), zeros_of(n, np.uint8), cast_all(a, np.int64), pass_on(n, np.complex128)
# case: defaults_and_through(3, np.array([1.5, -2.5, 3.0]))
