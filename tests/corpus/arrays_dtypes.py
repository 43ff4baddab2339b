"""Every array dtype an export can name (bool, int8..int64, uint8..uint64, float32,
float64) through 1-D exports: element reads give NumPy scalars of the array's dtype,
element writes store the dtype, `+=` with a scalar parameter of the same dtype."""
import numpy as np


#pykernel export bump_bool(bool[:])
def bump_bool(a):
    n = 0
    for i in range(len(a)):
        a[i] = not a[i]
        if a[i]:
            n += 1
    return n, a[0]
# case: bump_bool(np.array([True, False, False, True, False]))
# case: bump_bool(np.array([False]))


#pykernel export bump_i8(int8[:], int8)
def bump_i8(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_i8(np.array([1, -2, 100], dtype=np.int8), 3)
# case: bump_i8(np.array([-128, 127], dtype=np.int8), -1)


#pykernel export bump_i16(int16[:], int16)
def bump_i16(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_i16(np.array([1000, -2000, 30000], dtype=np.int16), 7)
# case: bump_i16(np.array([-32768], dtype=np.int16), 32767)


#pykernel export bump_i32(int32[:], int32)
def bump_i32(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_i32(np.array([1, -2, 2**30], dtype=np.int32), -5)
# case: bump_i32(np.array([-2**31], dtype=np.int32), 2**31 - 1)


#pykernel export bump_i64(int64[:], int64)
def bump_i64(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_i64(np.array([1, -2, 2**62], dtype=np.int64), 2**40)
# case: bump_i64(np.array([-2**63], dtype=np.int64), 2**63 - 1)


#pykernel export bump_u8(uint8[:], uint8)
def bump_u8(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_u8(np.array([0, 17, 200], dtype=np.uint8), 5)
# case: bump_u8(np.array([0], dtype=np.uint8), 255)


#pykernel export bump_u16(uint16[:], uint16)
def bump_u16(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_u16(np.array([0, 1000, 60000], dtype=np.uint16), 500)
# case: bump_u16(np.array([1], dtype=np.uint16), 65534)


#pykernel export bump_u32(uint32[:], uint32)
def bump_u32(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_u32(np.array([0, 7, 4000000000], dtype=np.uint32), 9)
# case: bump_u32(np.array([2**32 - 2], dtype=np.uint32), 1)


#pykernel export bump_u64(uint64[:], uint64)
def bump_u64(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_u64(np.array([0, 7, 2**63], dtype=np.uint64), 2**62)
# case: bump_u64(np.array([2**64 - 2], dtype=np.uint64), 1)


#pykernel export bump_f32(float32[:], float32)
def bump_f32(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_f32(np.array([0.5, -1.25, 3e38], dtype=np.float32), 0.25)
# case: bump_f32(np.array([1.0], dtype=np.float32), -0.5)


#pykernel export bump_f64(float64[:], float64)
def bump_f64(a, k):
    for i in range(len(a)):
        a[i] += k
    return a[0], a[-1]
# case: bump_f64(np.array([0.5, -1.25, 1e300]), 0.1)
# case: bump_f64(np.array([-0.0]), 0.0)


#pykernel export get_u64(uint64[:], int)
def get_u64(a, i):
    return a[i], a[i] > a[0]
# case: get_u64(np.array([1, 2**64 - 1, 2**63], dtype=np.uint64), 1)
# case: get_u64(np.array([1, 2**64 - 1, 2**63], dtype=np.uint64), -1)
# case: get_u64(np.array([1, 2**64 - 1, 2**63], dtype=np.uint64), 3)


#pykernel export maxmin_i16(int16[:])
def maxmin_i16(a):
    return max(a), min(a)
# case: maxmin_i16(np.array([3, -32768, 32767, 0], dtype=np.int16))


#pykernel export maxmin_u32(uint32[:])
def maxmin_u32(a):
    return max(a), min(a)
# case: maxmin_u32(np.array([3, 2**32 - 1, 0, 17], dtype=np.uint32))


#pykernel export sum_f32(float32[:])
def sum_f32(a):
    s = a[0]
    for i in range(1, len(a)):
        s += a[i]
    return s
# case: sum_f32(np.array([0.5, 0.25, 1.0, 1024.0], dtype=np.float32))
# case: sum_f32(np.array([16777216.0, 1.0], dtype=np.float32))
# case: sum_f32(np.array([3e38, 3e38], dtype=np.float32))


#pykernel export any_all(bool[:])
def any_all(a):
    some = False
    every = True
    for x in a:
        if x:
            some = True
        else:
            every = False
    return some, every
# case: any_all(np.array([False, True, False]))
# case: any_all(np.array([True, True]))
# case: any_all(np.zeros((0,), dtype=bool))


#pykernel export fill_index_u16(uint16[:])
def fill_index_u16(a):
    for i in range(len(a)):
        a[i] = i * 1000
    return a
# case: fill_index_u16(np.zeros(5, dtype=np.uint16))


#pykernel export fill_index_i8(int8[:])
def fill_index_i8(a):
    for i in range(len(a)):
        a[i] = 10 * i - 50
    return a
# case: fill_index_i8(np.zeros(11, dtype=np.int8))


#pykernel export fill_index_u32(uint32[:])
def fill_index_u32(a):
    for i in range(len(a)):
        a[i] = i * 1000000000
    return a
# case: fill_index_u32(np.zeros(4, dtype=np.uint32))
