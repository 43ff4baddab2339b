# for over range with 1, 2 and 3 arguments, negative steps, empty ranges.

#pykernel export sum_to(int)
def sum_to(n):
    s = 0
    for i in range(n):
        s += i
    return s
# case: sum_to(10)
# case: sum_to(0)
# case: sum_to(-5)
# case: sum_to(100000)


#pykernel export sum_between(int, int)
def sum_between(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s
# case: sum_between(3, 7)
# case: sum_between(-5, 5)
# case: sum_between(7, 3)
# case: sum_between(4, 4)


#pykernel export sum_step(int, int, int)
def sum_step(a, b, step):
    s = 0
    count = 0
    for i in range(a, b, step):
        s += i
        count += 1
    return s * 1000 + count
# case: sum_step(0, 10, 3)
# case: sum_step(10, 0, -3)
# case: sum_step(10, 0, -1)
# case: sum_step(0, 10, -1)
# case: sum_step(10, 0, 1)
# case: sum_step(-10, 10, 7)
# case: sum_step(5, -5, -2)
# case: sum_step(0, 10, 100)
# case: sum_step(0, 1, -100)
# case: sum_step(0, 10, 0)


#pykernel export last_index(int)
def last_index(n):
    # the loop variable keeps its last value after the loop
    i = -1
    for i in range(n):
        pass
    return i
# case: last_index(5)
# case: last_index(0)


#pykernel export range_evaluated_once(int)
def range_evaluated_once(n):
    count = 0
    for i in range(n):
        n = n - 1
        count += 1
    return count * 100 + n
# case: range_evaluated_once(5)


#pykernel export rebind_loop_var(int)
def rebind_loop_var(n):
    total = 0
    for i in range(n):
        total += i
        i = 100
    return total
# case: rebind_loop_var(5)


#pykernel export nested_ranges(int, int)
def nested_ranges(n, m):
    s = 0
    for i in range(n):
        for j in range(i, m, 2):
            s += i * j
    return s
# case: nested_ranges(4, 7)
# case: nested_ranges(0, 7)
# case: nested_ranges(5, 0)


#pykernel export float_accumulate(int)
def float_accumulate(n):
    s = 0.0
    for k in range(1, n + 1):
        s += 1.0 / (k * k)
    return s
# case: float_accumulate(1)
# case: float_accumulate(1000)


#pykernel export countdown(int)
def countdown(n):
    r = 0
    for i in range(n, 0, -1):
        r = r * 10 + i
    return r
# case: countdown(5)
# case: countdown(0)


#pykernel export extreme_range(int)
def extreme_range(k):
    # bounds near the int64 limits must not overflow the loop counter
    c = 0
    for i in range(2**63 - 1 - k, 2**63 - 1):
        c += 1
    for i in range(-2**63 + k, -2**63, -1):
        c += 1
    for i in range(2**63 - 1 - k, 2**63 - 1, 2**62):
        c += 10
    for i in range(-2**63 + k, -2**63, -2**62):
        c += 100
    return c
# case: extreme_range(3)
# case: extreme_range(0)


#pykernel export rebind_then_return(int)
def rebind_then_return(n):
    i = -1
    for i in range(n):
        i = i * 10
    return i
# case: rebind_then_return(3)
# case: rebind_then_return(1)


#pykernel export index_after_break(int, int)
def index_after_break(n, stop):
    i = -1
    for i in range(n):
        if i == stop:
            break
    return i
# case: index_after_break(10, 3)
# case: index_after_break(10, 30)
