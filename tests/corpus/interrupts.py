# Loops of every kind that polls for Ctrl-C (pykernel-build/src/polls.rs). The cases run
# short forms; tests/python/test_interrupt.py runs the long forms (a negative count, a
# huge range) in a subprocess and interrupts them with SIGINT.

# A `while` loop: with a negative n it never ends (polls on every iteration).
#pykernel export spin_while(int)
def spin_while(n):
    count = 0
    while n != 0:
        n -= 1
        count += 1
    return count
# case: spin_while(0)
# case: spin_while(1000)


# A loop nest: the outer loop polls on every iteration, the inner one in chunks.
#pykernel export nested_sum(int)
def nested_sum(n):
    s = 0.0
    for i in range(n):
        for j in range(n):
            s += (i ^ j) * 0.5
    return s
# case: nested_sum(0)
# case: nested_sum(40)


# One innermost `range` loop: chunks of 65536 iterations, a poll between chunks.
#pykernel export single_range(int, int)
def single_range(start, n):
    s = 0
    for i in range(start, n):
        s += i
    return s
# case: single_range(0, 0)
# case: single_range(0, 65536)
# case: single_range(0, 65537)
# case: single_range(-70000, 200000)
# case: single_range(5, 3)
# case: single_range(-2**63, -2**63 + 131075)  # expect-wrap


# Literal and runtime steps, and reversed ranges, in chunks too.
#pykernel export stepped_ranges(int, int)
def stepped_ranges(n, k):
    s = 0
    for i in range(1, n, 3):
        s += i
    for i in range(n, 0, k):
        s -= i * 2
    for i in reversed(range(n)):
        s += i % 7
    return s
# case: stepped_ranges(10, -1)
# case: stepped_ranges(300000, -1)
# case: stepped_ranges(300000, -7)
# case: stepped_ranges(196608, -3)
# case: stepped_ranges(5, 0)


# An innermost loop over slices of rows (a lane loop) longer than a chunk, with an
# outer loop.
#pykernel export lane_dot(float64[:], float64[:], int)
def lane_dot(x, w, times):
    s = 0.0
    for t in range(times):
        for k in range(len(w)):
            s += x[k + 1] * w[k]
    return s
# case: lane_dot(np.arange(150001.0), np.ones(150000) * 0.5, 2)
# case: lane_dot(np.arange(3.0), np.ones(2), 1)


# A checked loop that raises IndexError after a chunk boundary: the writes before it
# are visible.
#pykernel export shift_left(int64[:], int)
def shift_left(a, last):
    for i in range(last):
        a[i] = a[i + 1]
    return a[0]
# case: shift_left(np.arange(100000), 99999)
# case: shift_left(np.arange(100000), 100000)


# A loop over a list that grows while it runs: polls on every iteration.
#pykernel export growing_list(int)
def growing_list(n):
    xs = [1, 2, 3]
    total = 0
    for x in xs:
        if len(xs) < n:
            xs.append(x + 1)
        total += x
    return total
# case: growing_list(0)
# case: growing_list(1000)


# Recursion without loops: polls on entry (a large n runs for minutes).
#pykernel export slow_fib(int)
def slow_fib(n):
    if n < 2:
        return n
    return slow_fib(n - 1) + slow_fib(n - 2)
# case: slow_fib(0)
# case: slow_fib(20)


# An outer loop around vectorised row loops, over an array it writes.
#pykernel export relax_rows(float64[:, :], int)
def relax_rows(a, times):
    for t in range(times):
        for i in range(a.shape[0]):
            for j in range(1, a.shape[1]):
                a[i, j] = a[i, j] * 0.5 + a[i, j - 1] * 0.25
    return a[0, 1]
# case: relax_rows(np.ones((3, 4)), 5)
# case: relax_rows(np.zeros((0, 4)), 5)


# A capsule with a long loop: capsules are never interrupted (SciPy holds the GIL).
#pykernel export capsule count_capsule(float64*, int64)
def count_capsule(out, n):
    s = 0.0
    for i in range(n):
        s += 1.0
    out[0] = s
    return s
# case: count_capsule([0.0], 100000)
