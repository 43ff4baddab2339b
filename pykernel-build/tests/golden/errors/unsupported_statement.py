#pythran export f(float)
def f(x):
    try:
        return x
    except ValueError:
        return 0.0
