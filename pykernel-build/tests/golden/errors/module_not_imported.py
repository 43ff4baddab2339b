# A module used without its import is Python's NameError, not a missing feature.
#pythran export f(float64[:])
def f(x):
    y = np.empty_like(x)
    return math.sqrt(y[0]) + foo.bar
