# as_array views: aliasing, views of views, variable bounds, mixed dtypes, float32.
from numpy.ctypeslib import as_array


#pykernel export capsule view_of_view(float64*, int64)
def view_of_view(p, n):
    v = as_array(p, (n,))
    w = v[1:]
    w[0] = 5.0
    u = w[1:]
    u[:] = u * 10.0
    return v[1] + v[-1]
# case: view_of_view([1.0, 2.0, 3.0, 4.0], 4)


#pykernel export capsule alias_view(float64*, int64)
def alias_view(p, n):
    v = as_array(p, (n,))
    w = v
    w[0] = -1.0
    return v[0]
# case: alias_view([3.0, 4.0], 2)


#pykernel export capsule variable_bounds(float64*, int64, int64, int64)
def variable_bounds(p, n, lo, hi):
    v = as_array(p, (n,))
    v[lo:hi] = v[lo:hi] * 2.0
    return v[lo]
# case: variable_bounds([1.0, 2.0, 3.0, 4.0, 5.0], 5, 1, 3)
# case: variable_bounds([1.0, 2.0, 3.0, 4.0, 5.0], 5, -3, -1)
# case: variable_bounds([1.0, 2.0, 3.0, 4.0, 5.0], 5, 3, 1)
# case: variable_bounds([1.0, 2.0, 3.0, 4.0, 5.0], 5, -10, 10)


#pykernel export capsule mixed_dtype_views(float64*, int64*, int32*, float64*, int64)
def mixed_dtype_views(fp, ip, jp, op, n):
    f = as_array(fp, (n,))
    i = as_array(ip, (n,))
    j = as_array(jp, (n,))
    o = as_array(op, (n,))
    o[:] = f + i * j - i // 2 + j % 3
    return o[n - 1]
# case: mixed_dtype_views([0.5, -1.5, 2.25], [7, -7, 4], [3, -2, -5], [0.0, 0.0, 0.0], 3)


#pykernel export capsule float32_view(float32*, int64, float64)
def float32_view(p, n, a):
    v = as_array(p, (n,))
    v[:] = v * 0.1 + a
    return v[0]
# case: float32_view([1.0, 3.0, 7.0, 0.3, 1e-3, 16777217.0], 6, 1.0)
# case: float32_view([0.1, 0.2], 2, 0.7)


#pykernel export capsule int32_scale(int32*, int64, int64)
def int32_scale(p, n, k):
    v = as_array(p, (n,))
    v[:] = v * k - 1
    return v[0]
# case: int32_scale([1, -2, 3], 3, 5)


#pykernel export capsule view_compare_loop(float64*, float64*, int64)
def view_compare_loop(ap, bp, n):
    a = as_array(ap, (n,))
    b = as_array(bp, (n,))
    c = 0
    for i in range(n):
        if a[i] < b[i] <= a[i] * 2.0:
            c += 1
        elif a[-i - 1] == b[i]:
            c += 10
    return c
# case: view_compare_loop([1.0, 2.0, 3.0], [1.5, 1.0, 7.0], 3)


#pykernel export capsule view_pow_mod(float64*, float64*, int64)
def view_pow_mod(ap, op, n):
    a = as_array(ap, (n,))
    o = as_array(op, (n,))
    o[:] = a ** 2 + a % 1.5 - a // 0.75 + (-a) ** 3.0
    return o[0]
# case: view_pow_mod([-2.5, 0.0, 1.25, 7.0, -0.0], [0.0, 0.0, 0.0, 0.0, 0.0], 5)


#pykernel export capsule view_div_zero(float64*, float64*, int64)
def view_div_zero(ap, op, n):
    a = as_array(ap, (n,))
    o = as_array(op, (n,))
    o[:] = 1.0 / a
    return o[0]
# case: view_div_zero([0.0, -0.0, 2.0], [9.0, 9.0, 9.0], 3)


#pykernel export capsule float32_literals(float32*, int64)
def float32_literals(p, n):
    v = as_array(p, (n,))
    v[:] = v * 0.1 + 1.0
    return v[0]
# case: float32_literals([1.0, 3.0, 7.0, 0.3, 1e-3, 16777217.0], 6)
