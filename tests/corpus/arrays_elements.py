"""Array elements in scalar code: copies (not views) of the element, math functions,
elements as indices and range bounds, int()/float() conversions that fail, shape
tuples, np.zeros(a.shape)."""
import math
import numpy as np


#pykernel export element_is_a_copy(float64[:])
def element_is_a_copy(a):
    x = a[0]
    x += 1.0
    y = a[1]
    a[1] = 100.0
    return x, y, a[0]
# case: element_is_a_copy(np.array([1.0, 2.0]))


#pykernel export math_on_elements(float64[:])
def math_on_elements(a):
    return math.sqrt(a[0]), math.exp(a[1]), math.floor(a[2]), abs(a[3]), a[0] ** 0.5
# case: math_on_elements(np.array([2.0, 1.0, -2.5, -3.0]))
# case: math_on_elements(np.array([-1.0, 1.0, -2.5, -3.0]))


#pykernel export gather(float64[:], int64[:])
def gather(src, idx):
    out = np.zeros(len(idx))
    for i in range(len(idx)):
        out[i] = src[idx[i]]
    return out
# case: gather(np.array([10.0, 20.0, 30.0]), np.array([2, 0, -1, 1]))
# case: gather(np.array([10.0, 20.0, 30.0]), np.array([3]))
# case: gather(np.array([10.0, 20.0, 30.0]), np.array([-4]))


#pykernel export gather_u8(int32[:], uint8[:])
def gather_u8(src, idx):
    t = 0
    for k in idx:
        t += int(src[k])
    return t
# case: gather_u8(np.array([1, 10, 100], dtype=np.int32), np.array([0, 2, 2, 1], dtype=np.uint8))
# case: gather_u8(np.array([1, 10, 100], dtype=np.int32), np.array([255], dtype=np.uint8))


#pykernel export range_of_elements(int64[:])
def range_of_elements(a):
    t = 0
    for i in range(a[0], a[1]):
        t += i
    return t
# case: range_of_elements(np.array([3, 7]))
# case: range_of_elements(np.array([5, -1]))


#pykernel export float_to_int(float64[:])
def float_to_int(a):
    return int(a[0])
# case: float_to_int(np.array([-2.75]))
# case: float_to_int(np.array([1e18]))
# case: float_to_int(np.array([nan]))
# case: float_to_int(np.array([inf]))


#pykernel export same_shape(float64[:,:], float64[:,:])
def same_shape(a, b):
    return a.shape[0] == b.shape[0] and a.shape[1] == b.shape[1], len(a.shape), a.shape[-1], a.size == 0
# case: same_shape(np.zeros((2, 3)), np.ones((2, 3)))
# case: same_shape(np.zeros((2, 3)), np.ones((3, 2)))
# case: same_shape(np.zeros((0, 3)), np.ones((3, 2)))


#pykernel export truthiness(float64[:], int64[:])
def truthiness(a, b):
    n = 0
    for x in a:
        if x:
            n += 1
    for y in b:
        if not y:
            n += 10
    return n
# case: truthiness(np.array([0.0, -0.0, nan, 1.0]), np.array([0, 3, 0]))


#pykernel export conditional_array(int)
def conditional_array(n):
    if n > 2:
        a = np.zeros(n)
    else:
        a = np.ones(2)
    a[0] = 5.0
    return a
# case: conditional_array(4)
# case: conditional_array(1)


#pykernel export while_scan(float64[:], float64)
def while_scan(a, limit):
    i = 0
    s = 0.0
    while i < len(a) and s + a[i] <= limit:
        s += a[i]
        i += 1
    return i
# case: while_scan(np.array([1.0, 2.0, 3.0, 4.0]), 6.5)
# case: while_scan(np.array([1.0, 2.0]), 100.0)


#pykernel export backwards(int64[:])
def backwards(a):
    out = np.zeros(len(a), dtype=np.int64)
    k = 0
    for i in range(len(a) - 1, -1, -1):
        out[k] = a[i]
        k += 1
    return out
# case: backwards(np.array([1, 2, 3]))
