"""Argument validation of array exports (compiled side only: `# expect-error`):
wrong dtype / rank / not an ndarray / None -> TypeError, non-contiguous where a
contiguous layout is required, read-only arrays for a file that writes to arrays,
wrong fixed extents, unaligned memory the kernel writes -> ValueError (unaligned
memory it only reads is copied); wrong argument counts -> TypeError; `np.matrix` (whose
rows stay matrices) and masked arrays (whose mask the kernel would ignore) -> TypeError.
Also integer `//` and `%` by zero of array elements: 0, as NumPy's scalars give (SPEC 6)."""
import numpy as np


#pykernel export vsum(float64[:])
def vsum(a):
    s = 0.0
    for x in a:
        s += x
    return s
# case: vsum(np.array([1.0, 2.5]))
# case: vsum(np.arange(3))  # expect-error TypeError a
# case: vsum(np.ma.masked_array([1.0, 2.0], mask=[False, True]))  # expect-error TypeError a
# case: vsum(np.arange(3.0, dtype=np.float32))  # expect-error TypeError a
# case: vsum(np.array([1 + 0j]))  # expect-error TypeError a
# case: vsum(np.array([True]))  # expect-error TypeError a
# case: vsum(np.zeros((2, 2)))  # expect-error TypeError a
# case: vsum(np.array(1.0))  # expect-error TypeError a
# case: vsum([1.0, 2.0])  # expect-error TypeError a
# case: vsum((1.0, 2.0))  # expect-error TypeError a
# case: vsum(None)  # expect-error TypeError a
# case: vsum(1.0)  # expect-error TypeError a
# case: vsum(np.float64(1.0))  # expect-error TypeError a
# case: vsum(np.arange(6.0)[::2])  # expect-error ValueError a
# case: vsum(np.arange(6.0)[::-1])  # expect-error ValueError a
# case: vsum(np.array([1.0, 2.0], dtype=">f8"))  # expect-error TypeError a
# case: vsum(np.frombuffer(bytearray(b"\0" + np.arange(3.0).tobytes()), dtype=np.uint8)[1:].view(np.float64))
# case: vsum(np.array([1.0, 2.0], dtype=object))  # expect-error TypeError a
# case: vsum()  # expect-error TypeError
# case: vsum(np.zeros(2), np.zeros(2))  # expect-error TypeError


#pykernel export msum(int32[:,:])
def msum(a):
    t = 0
    for r in a:
        for x in r:
            t += int(x)
    return t
# case: msum(np.arange(6, dtype=np.int32).reshape(2, 3))
# case: msum(np.ones((3, 1), dtype=np.int32).T)
# case: msum(np.arange(6, dtype=np.int32).reshape(2, 3).T)  # expect-error ValueError a
# case: msum(np.asfortranarray(np.ones((2, 3), dtype=np.int32)))  # expect-error ValueError a
# case: msum(np.ones((4, 6), dtype=np.int32)[::2, :])  # expect-error ValueError a
# case: msum(np.ones((2, 3), dtype=np.int64))  # expect-error TypeError a
# case: msum(np.ones((2, 3), dtype=np.uint32))  # expect-error TypeError a
# case: msum(np.ones(3, dtype=np.int32))  # expect-error TypeError a
# case: msum(np.ones((2, 3, 1), dtype=np.int32))  # expect-error TypeError a
# case: msum([[1, 2], [3, 4]])  # expect-error TypeError a
# case: msum(np.matrix(np.ones((2, 3), dtype=np.int32)))  # expect-error TypeError a
# case: msum(np.ma.masked_array(np.ones((2, 3), dtype=np.int32), mask=[[0, 1, 0], [0, 0, 0]]))  # expect-error TypeError a
# case: msum(np.ma.ones((2, 3), dtype=np.int32))  # expect-error TypeError a


#pykernel export fsum(float64[:,:] order(F))
def fsum(a):
    n, m = a.shape
    s = 0.0
    for i in range(n):
        for j in range(m):
            s += a[i, j]
    return s
# case: fsum(np.asfortranarray(np.ones((2, 3))))
# case: fsum(np.ones((2, 3)))  # expect-error ValueError a
# case: fsum(np.asfortranarray(np.ones((4, 3)))[::2, :])  # expect-error ValueError a


#pykernel export axpy(float64, float64[:], float64[:])
def axpy(alpha, x, y):
    for i in range(len(x)):
        y[i] += alpha * x[i]
# case: axpy(2.0, np.ones(2), np.ones(2))
# case: axpy(2.0, np.ones(2), np.ones(2, dtype=np.int32))  # expect-error TypeError y
# case: axpy(2.0, np.ones((2, 1)), np.ones(2))  # expect-error TypeError x
# case: axpy(2.0, np.ones(2), readonly(np.ones(2)))  # expect-error ValueError y
# case: axpy(2.0, readonly(np.ones(2)), np.ones(2))
# case: axpy(2.0, np.frombuffer(bytearray(17), dtype=np.uint8)[1:].view(np.float64), np.ones(2))
# case: axpy(2.0, np.ones(2), np.frombuffer(bytearray(17), dtype=np.uint8)[1:].view(np.float64))  # expect-error ValueError y
# case: axpy(np.ones(2), np.ones(2), np.ones(2))  # expect-error TypeError
# case: axpy(2.0, np.ones(2))  # expect-error TypeError


#pykernel export strided_fill(int64[::], int64)
def strided_fill(a, v):
    for i in range(len(a)):
        a[i] = v
# case: strided_fill(np.zeros(6, dtype=np.int64)[::2], 5)
# case: strided_fill(readonly(np.zeros(6, dtype=np.int64)[::2]), 5)  # expect-error ValueError a
# case: strided_fill(np.zeros((2, 3), dtype=np.int64), 5)  # expect-error TypeError a
# case: strided_fill(np.zeros(6, dtype=np.int32)[::2], 5)  # expect-error TypeError a
# case: strided_fill(np.zeros(3, dtype=[("v", "i8"), ("pad", "i1")])["v"], 5)  # expect-error ValueError a


#pykernel export points(float64[:,3])
def points(p):
    return p.shape[0] * 3
# case: points(np.zeros((4, 3)))
# case: points(np.zeros((4, 2)))  # expect-error ValueError p
# case: points(np.zeros((3, 4)))  # expect-error ValueError p
# case: points(np.zeros((0, 4)))  # expect-error ValueError p
# case: points(np.zeros((3, 3)).T[:, :2])  # expect-error ValueError p


#pykernel export ifloordiv(int64[:], int64[:])
def ifloordiv(a, b):
    return a[0] // b[0]
# case: ifloordiv(np.array([7]), np.array([-2]))
# case: ifloordiv(np.array([7]), np.array([0]))


#pykernel export imod_u8(uint8[:], uint8[:])
def imod_u8(a, b):
    return a[0] % b[0]
# case: imod_u8(np.array([7], dtype=np.uint8), np.array([3], dtype=np.uint8))
# case: imod_u8(np.array([7], dtype=np.uint8), np.array([0], dtype=np.uint8))


#pykernel export iaug_div(int32[:])
def iaug_div(a):
    a[0] //= a[1]
    return a
# case: iaug_div(np.array([9, 2], dtype=np.int32))
# case: iaug_div(np.array([9, 0], dtype=np.int32))
