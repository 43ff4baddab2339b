# break and continue in for and while loops.

#pykernel export smallest_divisor(int)
def smallest_divisor(n):
    d = n
    for k in range(2, n):
        if n % k == 0:
            d = k
            break
    return d
# case: smallest_divisor(91)
# case: smallest_divisor(97)
# case: smallest_divisor(2)


#pykernel export sum_odd(int)
def sum_odd(n):
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        s += i
    return s
# case: sum_odd(10)
# case: sum_odd(1)


#pykernel export nested_break(int)
def nested_break(n):
    # break leaves only the inner loop
    count = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            count += 1
    return count
# case: nested_break(5)
# case: nested_break(0)


#pykernel export while_break(int)
def while_break(limit):
    i = 0
    total = 0
    while True:
        i += 1
        if i % 3 == 0:
            continue
        if total > limit:
            break
        total += i
    return total * 1000 + i
# case: while_break(0)
# case: while_break(50)


#pykernel export continue_in_while(int)
def continue_in_while(n):
    s = 0
    k = n
    while k > 0:
        k -= 1
        if k % 4 == 1:
            continue
        s += k
    return s
# case: continue_in_while(10)
# case: continue_in_while(0)
