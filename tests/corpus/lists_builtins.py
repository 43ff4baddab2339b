# Builtins over lists: sum (with start), min/max (ValueError on an empty list; ties
# keep the first item, so -0.0 vs 0.0 depends on the order; NaN only "wins" in first
# position), sorted (a stable sort; reverse=True keeps equal items in order), len,
# list(range(...)), list(a) (a copy), abs in a comprehension.
#
# Float sums use values whose partial sums are exact: CPython >= 3.12 sums floats with
# compensation, 3.11 left to right; both agree on these cases.


def ramp(n, k):
    a = []
    for i in range(n):
        a.append((i * k) % 7 - 3)
    return a


#pykernel export sum_ints(int)
def sum_ints(n):
    a = ramp(n, 3)
    return sum(a)
# case: sum_ints(0)
# case: sum_ints(1)
# case: sum_ints(10)


#pykernel export sum_ints_wrap(int)
def sum_ints_wrap(n):
    a = [2**62] * n
    return sum(a)
# case: sum_ints_wrap(1)
# case: sum_ints_wrap(3)  # expect-wrap
# case: sum_ints_wrap(4)  # expect-wrap


#pykernel export sum_floats(float)
def sum_floats(x):
    a = [x, 0.5, -0.25, 1024.0]
    return sum(a), sum(a, 0.125)
# case: sum_floats(1.5)
# case: sum_floats(-1024.0)
# case: sum_floats(inf)
# case: sum_floats(nan)


#pykernel export sum_negative_zero(int)
def sum_negative_zero(n):
    # sum starts from the int 0: 0 + -0.0 is 0.0; with a float start -0.0 it stays -0.0
    a = [-0.0] * n
    return sum(a) + 0.0, sum(a, -0.0)
# case: sum_negative_zero(1)
# case: sum_negative_zero(3)


#pykernel export sum_empty_floats(int)
def sum_empty_floats(n):
    a = [1.5] * n
    # CPython's sum of an empty float list is the int 0; `* 1.0` makes it a float on
    # both sides
    return sum(a) * 1.0, sum(a, 2.5)
# case: sum_empty_floats(0)
# case: sum_empty_floats(2)


#pykernel export sum_start_int(int, int)
def sum_start_int(n, start):
    a = ramp(n, 5)
    return sum(a, start)
# case: sum_start_int(5, 100)
# case: sum_start_int(0, -7)


#pykernel export sum_bools(int)
def sum_bools(n):
    flags = []
    for i in range(n):
        flags.append(i % 3 == 0)
    return sum(flags), flags
# case: sum_bools(0)
# case: sum_bools(7)


#pykernel export min_max_ints(int)
def min_max_ints(n):
    a = ramp(n, 4)
    return min(a), max(a)
# case: min_max_ints(1)
# case: min_max_ints(9)
# case: min_max_ints(0)


#pykernel export min_empty(int)
def min_empty(n):
    a = [1.0] * n
    return min(a)
# case: min_empty(0)
# case: min_empty(2)


#pykernel export max_empty(int)
def max_empty(n):
    a = [1] * n
    return max(a)
# case: max_empty(0)
# case: max_empty(1)


#pykernel export min_max_zeros(float, float)
def min_max_zeros(x, y):
    a = [x, y]
    return min(a), max(a)
# case: min_max_zeros(0.0, -0.0)
# case: min_max_zeros(-0.0, 0.0)
# case: min_max_zeros(nan, 1.0)
# case: min_max_zeros(1.0, nan)
# case: min_max_zeros(-inf, inf)
# case: min_max_zeros(2.0, 2.0)


#pykernel export min_max_three(float, float, float)
def min_max_three(x, y, z):
    a = [x, y, z]
    return min(a), max(a)
# case: min_max_three(1.0, nan, 0.5)
# case: min_max_three(nan, 2.0, 0.5)
# case: min_max_three(0.0, -1.0, -0.0)
# case: min_max_three(-0.0, 0.0, 1.0)


#pykernel export sorted_copy(int)
def sorted_copy(n):
    a = ramp(n, 3)
    b = sorted(a)
    return a, b
# case: sorted_copy(0)
# case: sorted_copy(8)


#pykernel export sorted_floats(float)
def sorted_floats(x):
    a = [0.0, x, -0.0, -2.5, 0.0]
    return sorted(a), sorted(a, reverse=True)
# case: sorted_floats(1.0)
# case: sorted_floats(-0.0)
# case: sorted_floats(-inf)


#pykernel export sorted_reverse_ints(int)
def sorted_reverse_ints(n):
    a = ramp(n, 2)
    return sorted(a, reverse=True)
# case: sorted_reverse_ints(0)
# case: sorted_reverse_ints(9)


#pykernel export list_of_range(int, int, int)
def list_of_range(a, b, step):
    r = list(range(a, b, step))
    return len(r), r
# case: list_of_range(0, 5, 1)
# case: list_of_range(5, 0, -2)
# case: list_of_range(0, 0, 1)
# case: list_of_range(3, -3, -1)
# case: list_of_range(0, 10, 0)
# case: list_of_range(-2**63, -2**63 + 9, 3)
# case: list_of_range(2**63 - 1, 2**63 - 10, -4)


#pykernel export list_copy(int)
def list_copy(n):
    a = list(range(n))
    b = list(a)
    b.append(-1)
    return len(a), len(b), b
# case: list_copy(0)
# case: list_copy(3)


#pykernel export abs_elements(float)
def abs_elements(x):
    a = [x, -x, -0.0, -3.5]
    return [abs(v) for v in a]
# case: abs_elements(2.0)
# case: abs_elements(-inf)
# case: abs_elements(nan)


#pykernel export abs_ints(int)
def abs_ints(n):
    a = list(range(-n, n, 3))
    return [abs(v) for v in a], len(a)
# case: abs_ints(5)
# case: abs_ints(0)


#pykernel export len_of_lists(int)
def len_of_lists(n):
    a = [0] * n
    b = []
    for i in range(n):
        b.append([i] * i)
    total = 0
    for row in b:
        total += len(row)
    return len(a), len(b), total
# case: len_of_lists(0)
# case: len_of_lists(5)
