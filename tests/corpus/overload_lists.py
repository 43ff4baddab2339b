"""Overloads on list element types: a list of ints picks the int signature, a list of
floats the float one (the strict pass checks every item)."""


#pykernel export total(float list list)
#pykernel export total(int list list)
def total(rows):
    s = rows[0][0] * 0
    for r in rows:
        for v in r:
            s += v
    return s
# case: total([[1, 2], [3]])
# case: total([[1.5], [2.5]])
# case: total([[], []])
