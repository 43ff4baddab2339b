"""Scalar/loop kernels for the issue-3 benchmark: pykernel vs hand-written Rust vs Pythran.

Plain Python (runs unchanged under CPython): int/float scalars, `for ... in range`,
`while`, if/else, `//`, `%`, `**`, bit operations, `math`, calls between functions of
this file, tuple assignment, and (`sieve_count`, `coin_ways`) Python lists: `[x] * n`,
indexing, item assignment, `for x in list`. No arrays.
Integer values stay below 2**63 (hashes are masked to 32 bits), so CPython's unbounded
ints, pykernel's wrapping int64 and Pythran's C++ `long` all give the same results.
"""
import math

MASK32 = 0xFFFFFFFF
FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def collatz_len(x):
    k = 1
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        k += 1
    return k


#pythran export collatz_longest(int)
def collatz_longest(n):
    """Start below n (>= 1) of the longest Collatz chain (the first one on ties)."""
    best = 1
    best_len = 1
    for s in range(1, n):
        k = collatz_len(s)
        if k > best_len:
            best_len = k
            best = s
    return best


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


#pythran export gcd_sum(int)
def gcd_sum(n):
    """Sum of gcd(i, j) for 1 <= i, j < n, Euclid's algorithm."""
    s = 0
    for i in range(1, n):
        for j in range(1, n):
            s += gcd(i, j)
    return s


def newton_sqrt(x):
    # From above: the iterates decrease until rounding stops them.
    y = x if x > 1.0 else 1.0
    while True:
        z = 0.5 * (y + x / y)
        if z >= y:
            return y
        y = z


#pythran export newton_sqrt_sum(int)
def newton_sqrt_sum(n):
    """Number of x = 0.37 * i (1 <= i < n) where Newton's sqrt equals math.sqrt."""
    exact = 0
    for i in range(1, n):
        x = 0.37 * i
        if newton_sqrt(x) == math.sqrt(x):
            exact += 1
    return exact


#pythran export int_hash(int)
def int_hash(n):
    """FNV-1a (32-bit) over the 4 low bytes of 0..n-1, each step followed by xorshift32."""
    h = FNV_OFFSET
    for i in range(n):
        x = i
        for _ in range(4):
            h = ((h ^ (x & 0xFF)) * FNV_PRIME) & MASK32
            x >>= 8
        h ^= (h << 13) & MASK32
        h ^= h >> 17
        h ^= (h << 5) & MASK32
    return h


def is_prime(m):
    if m < 2:
        return False
    if m % 2 == 0:
        return m == 2
    d = 3
    while d * d <= m:
        if m % d == 0:
            return False
        d += 2
    return True


#pythran export prime_count(int)
def prime_count(n):
    """Number of primes below n, by trial division."""
    c = 0
    for m in range(n):
        if is_prime(m):
            c += 1
    return c


#pythran export pi_leibniz(int)
def pi_leibniz(n):
    """4 * sum((-1)**k / (2k + 1)) for k < n."""
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * s


def num_digits(m):
    k = 1
    while m >= 10:
        m //= 10
        k += 1
    return k


#pythran export armstrong_count(int)
def armstrong_count(n):
    """Numbers 1 <= i < n equal to the sum of their digits each to the power of the
    number of digits (runtime-exponent `**`)."""
    c = 0
    for i in range(1, n):
        k = num_digits(i)
        s = 0
        m = i
        while m > 0:
            s += (m % 10) ** k
            m //= 10
        if s == i:
            c += 1
    return c


#pythran export mandel_count(int)
def mandel_count(n):
    """Points of an n x n grid over [-2, 1] x [-1.5, 1.5] still bounded after 100
    iterations of z = z**2 + c."""
    c = 0
    for py in range(n):
        ci = -1.5 + 3.0 * py / n
        for px in range(n):
            cr = -2.0 + 3.0 * px / n
            zr = 0.0
            zi = 0.0
            k = 0
            while k < 100 and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            if k == 100:
                c += 1
    return c


#pythran export sieve_count(int)
def sieve_count(n):
    """Number of primes <= n (n >= 2), sieve of Eratosthenes over a list of bools."""
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    count = 0
    for b in is_p:
        if b:
            count += 1
    return count


#pythran export coin_ways(int)
def coin_ways(n):
    """Ways to make n (>= 0) from the coins 1, 2, 5, 10, 20, 50, 100, 200, modulo
    2**31 - 1 (dynamic programming over a list of ints)."""
    coins = [1, 2, 5, 10, 20, 50, 100, 200]
    ways = [0] * (n + 1)
    ways[0] = 1
    for c in coins:
        for a in range(c, n + 1):
            ways[a] = (ways[a] + ways[a - c]) % 2147483647
    return ways[n]
