#pythran export f(float)
def f(x):
    return x +* 2
