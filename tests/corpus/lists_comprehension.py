# List comprehensions: over range (negative steps, empty), with `if` filters (several),
# nested `for`s in one comprehension, over lists, over enumerate/zip, using function
# locals and parameters, calling helpers, lists of tuples, lists of lists, and the
# comprehension variable not leaking into the function (Python 3 scoping).


#pykernel export squares(int)
def squares(n):
    return [i * i for i in range(n)]
# case: squares(0)
# case: squares(1)
# case: squares(6)
# case: squares(-3)


#pykernel export filtered(int)
def filtered(n):
    return [i for i in range(n) if i % 2 == 0 if i % 3 != 0]
# case: filtered(0)
# case: filtered(20)


#pykernel export filtered_and_mapped(int)
def filtered_and_mapped(n):
    return [i // 2 - 3 for i in range(-n, n) if i % 3 == 1 or i < -n + 2]
# case: filtered_and_mapped(5)
# case: filtered_and_mapped(1)


#pykernel export nested_for(int)
def nested_for(n):
    return [i * 10 + j for i in range(n) for j in range(i)]
# case: nested_for(0)
# case: nested_for(1)
# case: nested_for(4)


#pykernel export nested_for_filter(int)
def nested_for_filter(n):
    return [(i, j) for i in range(n) if i % 2 == 1 for j in range(i, n) if (i + j) % 3 == 0]
# case: nested_for_filter(7)
# case: nested_for_filter(2)


#pykernel export over_list(float)
def over_list(x):
    a = [1.5, -2.0, 3.25, 0.0]
    return [v * x for v in a if v >= 0.0]
# case: over_list(2.0)
# case: over_list(-0.0)
# case: over_list(nan)


#pykernel export negative_step(int)
def negative_step(n):
    return [i for i in range(n, -n, -3)]
# case: negative_step(7)
# case: negative_step(0)
# case: negative_step(-4)


#pykernel export over_enumerate(int)
def over_enumerate(n):
    a = [5, -1, 8] * n
    return [i * v for i, v in enumerate(a)]
# case: over_enumerate(0)
# case: over_enumerate(2)


#pykernel export over_zip(int)
def over_zip(n):
    a = [i * 1.5 for i in range(n)]
    b = [2.0, -1.0, 0.5]
    return [x - y for x, y in zip(a, b)]
# case: over_zip(0)
# case: over_zip(2)
# case: over_zip(5)


#pykernel export uses_locals(int, int)
def uses_locals(n, k):
    scale = k * 2
    offset = -1
    return [scale * i + offset for i in range(n) if i != k]
# case: uses_locals(5, 2)
# case: uses_locals(3, 7)


#pykernel export no_leak(int)
def no_leak(n):
    i = 100
    a = [i for i in range(n)]  # the comprehension's i is its own
    return i + len(a)
# case: no_leak(0)
# case: no_leak(5)


def cube(x):
    return x * x * x


#pykernel export calls_helper(int)
def calls_helper(n):
    return [cube(i) - cube(i - 1) for i in range(n)]
# case: calls_helper(5)


#pykernel export list_of_tuples(int)
def list_of_tuples(n):
    pairs = [(i, i * 0.5) for i in range(n)]
    s = 0.0
    for k, v in pairs:
        s += k * v
    return pairs, s
# case: list_of_tuples(0)
# case: list_of_tuples(4)


#pykernel export list_of_lists(int)
def list_of_lists(n):
    m = [[i * j for j in range(n)] for i in range(n)]
    return m, [row[-1] for row in m if len(row) > 0]
# case: list_of_lists(0)
# case: list_of_lists(1)
# case: list_of_lists(3)


#pykernel export comprehension_of_comprehension(int)
def comprehension_of_comprehension(n):
    inner = [i * i for i in range(n)]
    return sum([x for x in inner if x % 2 == 1]), [x + 1 for x in [y * 2 for y in inner]]
# case: comprehension_of_comprehension(6)
# case: comprehension_of_comprehension(0)


#pykernel export conditional_items(int)
def conditional_items(n):
    return [i if i % 2 == 0 else -i for i in range(n)]
# case: conditional_items(7)


#pykernel export float_items(int)
def float_items(n):
    return [i / 4 for i in range(n)], [1.0 * (i - 2) for i in range(n)]
# case: float_items(5)
# case: float_items(0)


#pykernel export bool_items(int)
def bool_items(n):
    return [i % 3 == 0 for i in range(n)]
# case: bool_items(5)


#pykernel export comprehension_raises(int)
def comprehension_raises(n):
    return [12 // (i - 3) for i in range(n)]
# case: comprehension_raises(3)
# case: comprehension_raises(5)
