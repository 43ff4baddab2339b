# Conditional expressions `a if cond else b`.

#pykernel export absdiff(int, int)
def absdiff(a, b):
    return a - b if a > b else b - a
# case: absdiff(3, 10)
# case: absdiff(10, 3)


#pykernel export relu(float)
def relu(x):
    return x if x > 0.0 else 0.0
# case: relu(-2.5)
# case: relu(2.5)


#pykernel export pick_lazy(int, int)
def pick_lazy(a, b):
    # only the selected branch is evaluated
    return a // b if b != 0 else 0
# case: pick_lazy(7, 0)
# case: pick_lazy(-7, 2)
