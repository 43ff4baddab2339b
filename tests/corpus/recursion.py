# Recursive functions.

#pykernel export fact(int)
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
# case: fact(0)
# case: fact(10)
# case: fact(20)


#pykernel export fib(int)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
# case: fib(0)
# case: fib(1)
# case: fib(20)


#pykernel export gcd_rec(int, int)
def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)
# case: gcd_rec(1071, 462)
# case: gcd_rec(-12, 18)


#pykernel export power_rec(float, int)
def power_rec(x, n):
    if n == 0:
        return 1.0
    half = power_rec(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x
# case: power_rec(1.5, 10)
# case: power_rec(2.0, 0)
# case: power_rec(1.5, -1)  # recursion-error


# Depth limits (SPEC 6: CPython's RecursionError, never a crash). CPython counts every
# frame on the stack (the test harness's too), so the depths are far from the limit of
# 1000 on both sides.
#pykernel export count_down(int)
def count_down(n):
    if n == 0:
        return 0
    return count_down(n - 1) + 1
# case: count_down(0)
# case: count_down(500)
# case: count_down(5000)  # recursion-error
# case: count_down(-1)  # recursion-error


# Mutual recursion: every function of the cycle counts.
#pykernel export is_even(int)
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
# case: is_even(500)
# case: is_even(501)
# case: is_even(5000)  # recursion-error


# A cycle through a helper that looks non-recursive on its own, entered through a
# non-recursive function; the float recursion makes big Rust frames.
def step_down(n, x, y, z):
    a = x * 0.5 + y * 0.25
    b = y * 0.5 - z * 0.25
    c = z * 0.5 + a * b * 0.125
    t = (a, b, c, a + b, b + c, a - c)
    return descend(n - 1, t[0], t[4], t[5]) + t[1] * 0.0


def descend(n, x, y, z):
    if n <= 0:
        return x + y + z
    return step_down(n, x, y, z)


#pykernel export through_helper(int)
def through_helper(n):
    return descend(n, 0.5, 0.25, 0.125) * 0.0 + n
# case: through_helper(3)
# case: through_helper(200)
# case: through_helper(20000)  # recursion-error


# Nested cycles: a recursive function that reaches another cycle through a
# non-recursive helper; their frames add up (1200 in the second case), as in CPython.
def via_helper(n):
    return count_down(n)


#pykernel export nested_cycles(int, int)
def nested_cycles(outer, inner):
    if outer == 0:
        return via_helper(inner)
    return nested_cycles(outer - 1, inner) + 1
# case: nested_cycles(300, 300)
# case: nested_cycles(600, 600)  # recursion-error
# case: nested_cycles(5000, 0)  # recursion-error


# A recursive function called in a loop: each call starts from the caller's depth.
#pykernel export sum_of_depths(int, int)
def sum_of_depths(times, depth):
    total = 0
    for _ in range(times):
        total += count_down(depth)
    return total
# case: sum_of_depths(50, 400)
# case: sum_of_depths(3, 1500)  # recursion-error


# Through a capsule: a double-returning capsule returns NaN, an int-returning one 0 with
# RecursionError set (SPEC 5).
#pykernel export capsule depth_capsule(float64)
def depth_capsule(x):
    return count_down(int(x)) * 0.5
# case: depth_capsule(10.0)
# case: depth_capsule(500.0)
# case: depth_capsule(5000.0)


#pykernel export capsule depth_filter(float64*, intp, float64*, void*)
def depth_filter(buffer, filter_size, return_value, user_data):
    m = 0.0
    for i in range(filter_size):
        if buffer[i] > m:
            m = buffer[i]
    return_value[0] = is_even(int(m)) * 1.0
    return 1
# case: depth_filter([3.0, 400.0, 1.0], 3, [0.0], None)
# case: depth_filter([3.0, 40000.0, 1.0], 3, [0.0], None)
