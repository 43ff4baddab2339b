# Capsules that call helper functions, passing pointers and views.
from numpy.ctypeslib import as_array


def ptr_sum(p, n):
    s = 0.0
    for i in range(n):
        s += p[i]
    return s


def ptr_fill(p, n, value):
    for i in range(n):
        p[i] = value


def view_dot(a, b, n):
    s = 0.0
    for i in range(n):
        s += a[i] * b[i]
    return s


def checked_ratio(a, b):
    return a // b


#pykernel export capsule helper_pointer(float64*, float64*, int64)
def helper_pointer(src, dst, n):
    total = ptr_sum(src, n)
    ptr_fill(dst, n, total)
    return total
# case: helper_pointer([1.0, 2.0, 3.5], [0.0, 0.0, 0.0], 3)


#pykernel export capsule helper_view(float64*, float64*, int64)
def helper_view(a_p, b_p, n):
    a = as_array(a_p, (n,))
    b = as_array(b_p, (n,))
    return view_dot(a, b, n)
# case: helper_view([1.0, 2.0, 3.0], [4.0, -5.0, 6.0], 3)


#pykernel export capsule helper_raises(float64*, intp, float64*, void*)
def helper_raises(buffer, filter_size, return_value, user_data):
    return_value[0] = checked_ratio(10, filter_size - 2) * 1.0
    return 1
# case: helper_raises([1.0, 2.0, 3.0], 3, [0.0], None)
# case: helper_raises([1.0, 2.0], 2, [0.0], None)


#pykernel export capsule helper_raises_double(float64)
def helper_raises_double(x):
    k = 0
    if x > 1.0:
        k = 1
    return checked_ratio(7, k) + x
# case: helper_raises_double(2.0)
# case: helper_raises_double(0.5)
