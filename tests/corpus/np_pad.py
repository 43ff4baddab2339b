"""`np.pad`: modes constant (`constant_values` as a number, a pair, pairs per axis;
corners from the last axis), edge, wrap, reflect and symmetric (pads wider than the
array repeat as NumPy's), `pad_width` as an int, a pair, pairs per axis and `((b, a),)`;
1-D to 3-D, F-ordered (a Fortran-ordered result, as NumPy's), strided and reversed
inputs, every dtype, empty axes, and NumPy's errors."""
import numpy as np


#pykernel export pad1(float64[::], int, int)
#pykernel export pad1(int32[::], int, int)
#pykernel export pad1(bool[::], int, int)
#pykernel export pad1(complex128[::], int, int)
#pykernel export pad1(uint8[::], int, int)
def pad1(a, b, e):
    return (np.pad(a, b), np.pad(a, (b, e)), np.pad(a, (b, e), 'edge'), np.pad(a, (b, e), 'wrap'),
            np.pad(a, (b, e), mode='reflect'), np.pad(a, (b, e), mode='symmetric'),
            np.pad(a, [b, e], constant_values=1), np.pad(a, ((b, e),), 'constant', constant_values=(0, 1)))
# case: pad1(np.array([1.0, 2.0, 3.0]), 2, 1)
# case: pad1(np.array([1.0, 2.0, 3.0]), 5, 4)
# case: pad1(np.array([1.0, 2.0, 3.0]), 0, 0)
# case: pad1(np.array([1.0, 2.0, 3.0]), 0, 7)
# case: pad1(np.arange(10.0)[::-3], 6, 2)
# case: pad1(np.array([4.0]), 2, 3)
# case: pad1(np.array([4.0, 5.0]), 5, 5)
# case: pad1(np.arange(-3, 4, dtype=np.int32), 9, 10)
# case: pad1(np.array([True, False]), 3, 2)
# case: pad1(np.array([1 + 1j, 2 - 3j, 4j]), 4, 1)
# case: pad1(np.array([200, 7], dtype=np.uint8), 1, 3)
# case: pad1(np.array([1.0, 2.0, 3.0]), -1, 1)
# case: pad1(np.array([1.0, 2.0, 3.0]), 1, -2)


#pykernel export pad_empty(float64[::], int)
def pad_empty(a, w):
    return np.pad(a, w, constant_values=7.5)
# case: pad_empty(np.zeros(0), 2)
# case: pad_empty(np.zeros(0), 0)


#pykernel export pad_empty_edge(float64[:,:], int)
def pad_empty_edge(a, w):
    return np.pad(a, ((0, 0), (w, w)), 'edge'), np.pad(a, w, 'wrap')
# case: pad_empty_edge(np.zeros((0, 3)), 1)
# case: pad_empty_edge(np.zeros((2, 0)), 1)
# case: pad_empty_edge(np.zeros((0, 3)), 0)


#pykernel export pad2(float64[::,::], int, int)
#pykernel export pad2(int8[::,::], int, int)
#pykernel export pad2(complex64[::,::], int, int)
def pad2(a, b, e):
    return (np.pad(a, b), np.pad(a, (b, e)), np.pad(a, ((b, e), (e, b)), 'edge'),
            np.pad(a, ((b, e), (1, 0)), 'wrap'), np.pad(a, ((e, b),), 'reflect'),
            np.pad(a, ((b,), (e,)), 'symmetric'),
            np.pad(a, ((1, 2), (3, 0)), constant_values=((5, 6), (7, 8))),
            np.pad(a, 1, constant_values=((9,), (10,))), np.pad(a, (b, e), constant_values=((3, 4),)))
# case: pad2(np.arange(6.0).reshape(2, 3), 1, 2)
# case: pad2(np.arange(6.0).reshape(2, 3), 4, 5)
# case: pad2(np.asfortranarray(np.arange(6.0).reshape(2, 3)), 2, 1)
# case: pad2(np.arange(6.0).reshape(3, 2).T, 1, 3)
# case: pad2(np.arange(30.0).reshape(5, 6)[::-2, 1::2], 2, 2)
# case: pad2(np.arange(3.0).reshape(1, 3), 2, 1)
# case: pad2(np.arange(3.0).reshape(3, 1), 2, 1)
# case: pad2(np.arange(-6, 6, dtype=np.int8).reshape(3, 4), 2, 3)
# case: pad2(np.arange(6).reshape(2, 3).astype(np.complex64) * (1 - 1j), 1, 2)


#pykernel export pad3(float32[::,::,::], int)
def pad3(a, w):
    return np.pad(a, w, 'reflect'), np.pad(a, ((0, 0), (w, 0), (1, w)), constant_values=((1, 2), (3, 4), (5, 6))), np.pad(a, (1, w), 'wrap')
# case: pad3(np.arange(24, dtype=np.float32).reshape(2, 3, 4), 2)
# case: pad3(np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)), 3)
# case: pad3(np.arange(24, dtype=np.float32).reshape(4, 3, 2).T, 1)


#pykernel export pad_values(int16[:], float, int)
def pad_values(a, x, k):
    return np.pad(a, 1, constant_values=x), np.pad(a, (1, 2), constant_values=(k, x)), np.pad(a.astype(np.float32), 2, constant_values=x)
# case: pad_values(np.arange(3, dtype=np.int16), 2.7, -1)
# case: pad_values(np.arange(3, dtype=np.int16), -2.7, 5)
# case: pad_values(np.arange(3, dtype=np.int16), 1.5, 40000)
# case: pad_values(np.arange(3, dtype=np.int16), nan, 0)
# case: pad_values(np.arange(3, dtype=np.int16), 0.1, 1)


#pykernel export pad_tuple_value(float64[:,:], int)
def pad_tuple_value(a, w):
    t = (w, w + 1)
    pairs = ((1, 0), t)
    return np.pad(a, t), np.pad(a, pairs, 'symmetric'), np.pad(a, a.shape)
# case: pad_tuple_value(np.arange(6.0).reshape(2, 3), 1)


#pykernel export pad_stencil(float64[:,:], int)
def pad_stencil(u, steps):
    for _ in range(steps):
        p = np.pad(u, 1, mode='edge')
        u = 0.25 * (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:])
    return u
# case: pad_stencil(np.arange(20.0).reshape(4, 5) ** 2, 3)
