# print(): ints, floats (repr's shortest digits and its switch to exponents: 1e+16,
# 1e-05), bools, complex, None, string literals, tuples and lists of those, NumPy scalars
# (str of np.float64/np.float32/np.int32/np.complex128, their repr inside tuples), sep=
# and end=; the text goes through sys.stdout, compared with CPython's exactly.
import numpy as np


#pykernel export floats(float)
def floats(x):
    print(x, x * 1e16, x * 1e-5, x / 3.0, -x, x * 0.0, -(x * 0.0))
    print(x * 1e15, x * 1e-4, x * 1.5e300, x * 1e308 * 10.0, 1e308 * 10.0 - 1e308 * 10.0)
    return x
# case: floats(1.0)
# case: floats(-2.5)
# case: floats(0.1)
# case: floats(123456789.0)


#pykernel export ints_and_bools(int, bool)
def ints_and_bools(n, b):
    print(n, -n, n * n, b, not b, n > 0, None)
    print()
    print(n, "items", sep="")
    print("n =", n, end=";\n")
    print("a", "b", "c", sep=", ", end="")
    print("")
    return n
# case: ints_and_bools(3, True)
# case: ints_and_bools(-2147483648, False)
# case: ints_and_bools(0, True)


#pykernel export complexes(float, float)
def complexes(a, b):
    z = complex(a, b)
    print(z, z * 2, complex(0.0, b), complex(-0.0, b), z.conjugate(), complex(a, -0.0))
    return z
# case: complexes(1.0, 2.0)
# case: complexes(0.0, -1.5)
# case: complexes(1e16, 1e-5)
# case: complexes(-0.0, 0.0)
# case: complexes(nan, inf)


#pykernel export tuples_and_lists(int, float)
def tuples_and_lists(n, x):
    t = (n, x, n > 1)
    print(t, (x,), (), (None, (n, x)))
    a = [x * i for i in range(n)]
    print(a, [i for i in range(n)], [(i, x) for i in range(2)])
    return n
# case: tuples_and_lists(3, 0.5)
# case: tuples_and_lists(0, 1e16)
# case: tuples_and_lists(1, -0.0)


#pykernel export numpy_scalars(float64[:], float32[:], int32[:], complex128[:])
def numpy_scalars(a, b, c, z):
    for i in range(a.shape[0]):
        print(i, a[i], b[i], c[i], z[i], a[i] > 0.5)
        print((a[i], b[i], c[i], z[i], a[i] > 0.5))
    print(a.sum(), c.sum())
    return a.shape[0]
# case: numpy_scalars(np.array([0.1, 1e16, -0.0]), np.array([0.1, 1e6, 123456.7], dtype=np.float32), np.array([1, -2, 3], dtype=np.int32), np.array([1+2j, 2j, -0.0+1j]))
# case: numpy_scalars(np.array([1e-5, np.inf, np.nan]), np.array([1e-4, 16777216.0, 3e-5], dtype=np.float32), np.array([0, 0, 0], dtype=np.int32), np.array([0j, 1e16+1j, np.nan * 1j]))


def report(i, x):
    print("step", i, x)
    return x * 2.0


#pykernel export from_helper(int)
def from_helper(n):
    # Pythran's empirical.py shape: a helper that prints while it searches.
    s = 0.0
    for i in range(n):
        s += report(i, i * 0.25)
        if s > 2.0:
            return i
    return -1
# case: from_helper(3)
# case: from_helper(10)


#pykernel export before_an_error(int)
def before_an_error(n):
    # The lines printed before an exception are kept, as in CPython.
    for i in range(n):
        print(i, 10 // (2 - i))
    return n
# case: before_an_error(2)
# case: before_an_error(4)
