#pykernel export sign(float)
def sign(x):
    if x > 0:
        return 1.0
    return [x]
