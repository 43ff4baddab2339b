"""Integer overflow of array elements wraps, as NumPy's fixed-width scalars do
(int8, uint8, int16, int32, int64, uint64)."""
import numpy as np


#pykernel export add_i8(int8[:], int8[:])
def add_i8(a, b):
    c = np.zeros(len(a), dtype=np.int8)
    for i in range(len(a)):
        c[i] = a[i] + b[i]
    return c
# case: add_i8(np.array([100, -100, 127, -128, 5], dtype=np.int8), np.array([100, -100, 1, -1, -5], dtype=np.int8))


#pykernel export inc_u8(uint8[:])
def inc_u8(a):
    for i in range(len(a)):
        a[i] += 1
    return a
# case: inc_u8(np.array([0, 254, 255], dtype=np.uint8))


#pykernel export dec_u8(uint8[:])
def dec_u8(a):
    for i in range(len(a)):
        a[i] -= 1
    return a
# case: dec_u8(np.array([0, 1, 255], dtype=np.uint8))


#pykernel export neg_u8(uint8[:])
def neg_u8(a):
    for i in range(len(a)):
        a[i] = -a[i]
    return a
# case: neg_u8(np.array([0, 1, 128, 255], dtype=np.uint8))


#pykernel export sub_u8(uint8[:], uint8[:])
def sub_u8(a, b):
    return a[0] - b[0], b[0] - a[0]
# case: sub_u8(np.array([3], dtype=np.uint8), np.array([5], dtype=np.uint8))


#pykernel export mul_i8(int8[:])
def mul_i8(a):
    s = a[0]
    for i in range(1, len(a)):
        s *= a[i]
    return s
# case: mul_i8(np.array([16, 16], dtype=np.int8))
# case: mul_i8(np.array([-128, -1], dtype=np.int8))
# case: mul_i8(np.array([3, 5, 7], dtype=np.int8))


#pykernel export sum_i8(int8[:])
def sum_i8(a):
    s = a[0]
    for i in range(1, len(a)):
        s += a[i]
    return s
# case: sum_i8(np.array([100, 100, 100], dtype=np.int8))
# case: sum_i8(np.array([-128, -128], dtype=np.int8))


#pykernel export abs_neg_i8(int8[:])
def abs_neg_i8(a):
    return abs(a[0]), -a[0], -a[1]
# case: abs_neg_i8(np.array([-128, 5], dtype=np.int8))


#pykernel export pow_i8(int8[:])
def pow_i8(a):
    return a[0] ** 2, a[0] * a[0] * a[0]
# case: pow_i8(np.array([12], dtype=np.int8))


#pykernel export to_python_int(int8[:])
def to_python_int(a):
    t = 0
    for x in a:
        t += int(x) * 1000
    return t
# case: to_python_int(np.array([127, 127, -128], dtype=np.int8))


#pykernel export wrap_i16(int16[:])
def wrap_i16(a):
    a[0] += 1
    a[1] -= 1
    a[2] *= 2
    return a
# case: wrap_i16(np.array([32767, -32768, 20000], dtype=np.int16))


#pykernel export wrap_i32(int32[:])
def wrap_i32(a):
    a[0] += 1
    a[1] -= 1
    a[2] *= a[2]
    return a
# case: wrap_i32(np.array([2**31 - 1, -2**31, 65536], dtype=np.int32))


#pykernel export wrap_i64(int64[:])
def wrap_i64(a):
    return a[0] + a[1], a[0] * a[0], a[2] - a[0]
# case: wrap_i64(np.array([2**62, 2**62, -2**63]))


#pykernel export wrap_u64(uint64[:])
def wrap_u64(a):
    return a[0] + a[1], a[1] - a[0], a[0] * a[0]
# case: wrap_u64(np.array([2**64 - 1, 1], dtype=np.uint64))


#pykernel export wrap_u16_u32(uint16[:], uint32[:])
def wrap_u16_u32(a, b):
    a[0] += a[0]
    b[0] *= b[0]
    return a[0], b[0]
# case: wrap_u16_u32(np.array([40000], dtype=np.uint16), np.array([70000], dtype=np.uint32))
