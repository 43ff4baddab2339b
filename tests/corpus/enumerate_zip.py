# enumerate and zip in for loops: start values, over ranges and lists (also list
# arguments), unequal lengths (zip stops at the shortest), three-way zip, break/else,
# nested unpacking `for i, (x, y) in enumerate(zip(a, b))`, the pair as one value.


#pykernel export enum_sum(int)
def enum_sum(n):
    a = [4, -2, 7, 1] * n
    s = 0
    for i, x in enumerate(a):
        s += i * x
    return s
# case: enum_sum(0)
# case: enum_sum(1)
# case: enum_sum(3)


#pykernel export enum_start(int, int)
def enum_start(n, start):
    a = [1.5, -0.5, 2.0][:n]
    s = 0.0
    last = 0
    for i, x in enumerate(a, start):
        s += i * x
        last = i
    return s, last
# case: enum_start(3, 1)
# case: enum_start(3, -5)
# case: enum_start(0, 10)
# case: enum_start(2, 2**62)


#pykernel export enum_range(int)
def enum_range(n):
    s = 0
    for i, k in enumerate(range(n, 0, -2)):
        s = s * 10 + i * k
    return s
# case: enum_range(0)
# case: enum_range(7)


#pykernel export enum_arg(float list)
def enum_arg(a):
    best = -1
    for i, x in enumerate(a):
        if best < 0 or x > a[best]:
            best = i
        a[i] = x * i  # writing the list being enumerated
    return best
# case: enum_arg([1.0, 3.5, -2.0, 3.5])
# case: enum_arg([])
# case: enum_arg([-0.0, 0.0])


#pykernel export enum_pair_value(int)
def enum_pair_value(n):
    s = 0
    for t in enumerate(range(10, 10 + n)):
        s += t[0] * t[1]
    return s
# case: enum_pair_value(4)
# case: enum_pair_value(0)


#pykernel export zip_unequal(int)
def zip_unequal(n):
    a = [1, 2, 3, 4]
    b = [10] * n
    count = 0
    s = 0
    for x, y in zip(a, b):
        count += 1
        s += x * y
    return count, s
# case: zip_unequal(0)
# case: zip_unequal(2)
# case: zip_unequal(4)
# case: zip_unequal(9)


#pykernel export zip_three(int)
def zip_three(n):
    a = [1.0, 2.0, 3.0, 4.0, 5.0]
    b = list(range(n))
    c = [True, False, True]
    s = 0.0
    for x, k, flag in zip(a, b, c):
        if flag:
            s += x * k
        else:
            s -= x
    return s
# case: zip_three(0)
# case: zip_three(2)
# case: zip_three(10)


#pykernel export zip_range_list(int)
def zip_range_list(n):
    a = [0.5, 0.25, 0.125]
    s = 0.0
    for i, x in zip(range(n), a):
        s += i * x
    return s
# case: zip_range_list(2)
# case: zip_range_list(10)
# case: zip_range_list(0)


#pykernel export zip_ranges(int)
def zip_ranges(n):
    s = 0
    for i, j in zip(range(n), range(100, 0, -7)):
        s += i * j
    return s
# case: zip_ranges(5)
# case: zip_ranges(50)


#pykernel export zip_args(int list, float list)
def zip_args(a, b):
    out = []
    for x, y in zip(a, b):
        out.append(x * y)
    return out
# case: zip_args([1, 2, 3], [0.5, -1.0])
# case: zip_args([], [1.0])
# case: zip_args([4], [2])


#pykernel export enum_break(int, int)
def enum_break(n, target):
    a = [5, 3, 8, 3, 1] * n
    found = -1
    for i, x in enumerate(a):
        if x == target:
            found = i
            break
    else:
        found = -2
    return found
# case: enum_break(1, 3)
# case: enum_break(1, 1)
# case: enum_break(1, 7)
# case: enum_break(0, 3)


#pykernel export zip_else(int, int)
def zip_else(n, limit):
    a = [1, 2, 3, 4, 5]
    b = [2, 2, 2] * n
    s = 0
    for x, y in zip(a, b):
        s += x * y
        if s > limit:
            break
    else:
        s = -s
    return s
# case: zip_else(1, 100)
# case: zip_else(1, 5)
# case: zip_else(0, 0)
# case: zip_else(5, 100)


#pykernel export enum_zip(int)
def enum_zip(n):
    a = [1, 2, 3, 4]
    b = [0.5, 1.5, -2.0]
    s = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        if i >= n:
            continue
        s += i * x + y
    return s
# case: enum_zip(0)
# case: enum_zip(2)
# case: enum_zip(10)


#pykernel export zip_enum(int)
def zip_enum(n):
    a = [7, 8, 9]
    s = 0
    for (i, x), k in zip(enumerate(a, n), range(10, 0, -1)):
        s = s * 100 + i * x - k
    return s
# case: zip_enum(0)
# case: zip_enum(3)


#pykernel export enum_nested(int)
def enum_nested(n):
    total = 0
    for i, row in enumerate([[1, 2], [3], [4, 5, 6]][:n]):
        for j, v in enumerate(row, 1):
            total += i * 100 + j * 10 + v
    return total
# case: enum_nested(0)
# case: enum_nested(3)
