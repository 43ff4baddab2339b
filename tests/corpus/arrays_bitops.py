"""Bitwise operators and shifts on integer array elements, plain and augmented."""
import numpy as np


#pykernel export bit_augops(int64[:])
def bit_augops(a):
    a[0] <<= 2
    a[1] >>= 1
    a[2] &= 6
    a[3] |= 1
    a[4] ^= 5
    return a
# case: bit_augops(np.array([3, -7, 13, 8, 12]))


#pykernel export bit_ops_u8(uint8[:])
def bit_ops_u8(a):
    return a[0] & a[1], a[0] | a[1], a[0] ^ a[1], ~a[0], a[0] << 1, a[1] >> 2
# case: bit_ops_u8(np.array([200, 15], dtype=np.uint8))


#pykernel export bit_ops_i16(int16[:,:])
def bit_ops_i16(a):
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] ^= i + j
            a[i, j] <<= 1
    return a
# case: bit_ops_i16(np.array([[1, 2, 3], [-4, 20000, 7]], dtype=np.int16))
