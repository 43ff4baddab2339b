# A list nested 17 deep: CPython runs it, rustc cannot compile its type.

#pythran export deep(int)
def deep(x):
    a = [[[[[[[[x]]]]]]]]
    return [[[[[[[[[a]]]]]]]]]
