#pythran export f(float) and more
def f(x):
    return x
