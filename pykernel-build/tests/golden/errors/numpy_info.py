import numpy as np


#pykernel export f(float64[:], int8[:])
def f(x, k):
    o = np.iinfo(np.float64).max
    p = np.finfo(np.int32).eps
    q = np.iinfo(np.uint64).max
    r = np.finfo(np.float32).dtype
    t = np.histogram(x, 3, density=len(x) > 2)
    u = np.partition(x, 2, kind='quicksort')
    return 0
