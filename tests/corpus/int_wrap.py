# int64 wraparound: compiled code wraps like NumPy int64 in debug and release builds.
# `# expect-wrap`: the expected value is CPython's exact result reduced mod 2**64 as a
# signed int64 (valid here: only + - * on the overflowing path).

#pykernel export mul_big(int, int)
def mul_big(a, b):
    return a * b
# case: mul_big(2**62, 4)  # expect-wrap
# case: mul_big(2**40, 2**40)  # expect-wrap
# case: mul_big(-3037000500, 3037000500)  # expect-wrap
# case: mul_big(2**63 - 1, 2**63 - 1)  # expect-wrap


#pykernel export add_big(int, int)
def add_big(a, b):
    return a + b
# case: add_big(2**63 - 1, 1)  # expect-wrap
# case: add_big(-2**63, -1)  # expect-wrap


#pykernel export neg_min(int)
def neg_min(a):
    return -a
# case: neg_min(-2**63)  # expect-wrap


#pykernel export factorial_iter(int)
def factorial_iter(n):
    acc = 1
    for i in range(2, n + 1):
        acc *= i
    return acc
# case: factorial_iter(20)
# case: factorial_iter(21)  # expect-wrap
# case: factorial_iter(30)  # expect-wrap


#pykernel export lcg(int, int)
def lcg(seed, steps):
    # Knuth's MMIX LCG: relies on mod 2**64 wraparound of the multiply-add
    x = seed
    for _ in range(steps):
        x = x * 6364136223846793005 + 1442695040888963407
    return x
# case: lcg(1, 1)
# case: lcg(42, 10)  # expect-wrap
# case: lcg(0, 0)
