# Capsule exports with raw pointer arguments: p[i] reads and writes.
# In the differential test, list arguments become ctypes arrays for the compiled
# capsule and ctypes POINTER objects for CPython; in-place effects are compared too.

#pykernel export capsule dot(float64*, float64*, int64)
def dot(x, y, n):
    s = 0.0
    for i in range(n):
        s += x[i] * y[i]
    return s
# case: dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0], 3)
# case: dot([0.1, 0.2], [0.3, -0.4], 2)
# case: dot([], [], 0)


#pykernel export capsule scale_inplace(float64*, int64, float64)
def scale_inplace(x, n, a):
    for i in range(n):
        x[i] *= a
    return n
# case: scale_inplace([1.0, -2.0, 3.5], 3, 0.5)
# case: scale_inplace([1.0, 2.0, 3.0, 4.0], 2, -1.0)


#pykernel export capsule prefix_sum_i64(int64*, int64)
def prefix_sum_i64(a, n):
    acc = 0
    for i in range(n):
        acc += a[i]
        a[i] = acc
    return acc
# case: prefix_sum_i64([1, 2, 3, 4, 5], 5)
# case: prefix_sum_i64([-7, 7, -7], 3)


#pykernel export capsule count_negative_i32(int32*, int32)
def count_negative_i32(a, n):
    c = 0
    for i in range(n):
        if a[i] < 0:
            c += 1
            a[i] = -a[i]
    return c
# case: count_negative_i32([3, -1, -5, 0, 8, -2], 6)


#pykernel export capsule gather(float64*, int64*, float64*, int64)
def gather(src, idx, dst, n):
    for i in range(n):
        dst[i] = src[idx[i]]
    return 0
# case: gather([10.0, 20.0, 30.0, 40.0], [3, 0, 2, 2], [0.0, 0.0, 0.0, 0.0], 4)


#pykernel export capsule int_to_float(int64*, float64*, int64)
def int_to_float(src, dst, n):
    for i in range(n):
        dst[i] = src[i] / 2
    return 1.5
# case: int_to_float([1, -3, 8], [0.0, 0.0, 0.0], 3)


#pykernel export capsule floor_mod_ptr(int64*, int64, int64)
def floor_mod_ptr(a, n, m):
    s = 0
    for i in range(n):
        a[i] = a[i] % m
        s += a[i] // 2
    return s
# case: floor_mod_ptr([-7, 7, -1, 12], 4, 5)
# case: floor_mod_ptr([-7, 7, -1, 12], 4, -5)


#pykernel export capsule poly_eval(float64*, int32, float64)
def poly_eval(coeffs, degree, x):
    # Horner with coefficients behind a pointer
    r = coeffs[degree]
    for k in range(degree - 1, -1, -1):
        r = r * x + coeffs[k]
    return r
# case: poly_eval([1.0, -2.0, 0.5, 3.0], 3, 1.7)
# case: poly_eval([4.0], 0, 100.0)
