# NumPy's exp/log/sin/... on numbers cannot be matched bit for bit: the error says to use math.
import numpy as np
#pykernel export f(float)
def f(x):
    return np.exp(x)
