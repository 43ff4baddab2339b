# A bool scalar as an array index is a 0-d mask in NumPy (a[True] adds an axis), not
# the index 1: refused, for reads and stores. Lists take it as an int, as Python does.
#pythran export read(float[:], bool)
def read(a, b):
    return a[b]


#pythran export store(float[:,:], bool)
def store(a, b):
    a[0, b] = 1.0
    return a


#pythran export list_ok(int list, bool)
def list_ok(x, b):
    return x[b]
