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


#pykernel export capsule many_args(float64, int64, float64, int64, float64, int64, float64, int64, float64, int64, float64, int32, float64, int32, float64, int64, float64*)
def many_args(a, i, b, j, c, k, d, l, e, m, f, n, g, o, h, p, out):
    # more arguments than registers: the rest go on the stack
    out[0] = a + 2.0 * b + 3.0 * c + 4.0 * d + 5.0 * e + 6.0 * f + 7.0 * g + 8.0 * h
    return i + 10 * j + 100 * k + 1000 * l + 10000 * m + 100000 * n + 1000000 * o + 10000000 * p
# case: many_args(1.0, 1, 2.0, 2, 3.0, 3, 4.0, 4, 5.0, 5, 6.0, 6, 7.0, 7, 8.0, 8, [0.0])
# case: many_args(-1.5, -1, 0.25, 9, 1e10, -7, 0.0, 0, 2.0, 2, -3.0, -3, 0.5, -5, 1.0, 1, [9.0])


#pykernel export capsule widen_f32(float32*, float64*, int64)
def widen_f32(src, dst, n):
    for i in range(n):
        dst[i] = src[i]
    return n
# case: widen_f32([1.5, -0.25, 3.0e38, 1.0e-40], [0.0, 0.0, 0.0, 0.0], 4)


#pykernel export capsule signed_i32(int32, int32)
def signed_i32(a, b):
    return a // b * 1000 + a % b
# case: signed_i32(-7, 2)
# case: signed_i32(7, -2)
# case: signed_i32(-2147483647, 3)
