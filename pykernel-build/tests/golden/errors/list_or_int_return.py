# A function that returns a list on one path and an int on another.
#pykernel export first_or_all(int list, bool)
def first_or_all(xs, whole):
    if whole:
        return xs
    return xs[0]
