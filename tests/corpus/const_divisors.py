# Division and modulo by positive constants (compiled to shifts/masks for powers of two,
# div_euclid/rem_euclid otherwise): Python's floor semantics for negative operands,
# in every integer width.

#pykernel export by_consts(int)
def by_consts(x):
    return x // 2, x % 2, x // 8, x % 8, x // 10, x % 10, x // 1, x % 1, x // 7, x % 7
# case: by_consts(13)
# case: by_consts(-13)
# case: by_consts(0)
# case: by_consts(-1)
# case: by_consts(-9223372036854775808)
# case: by_consts(9223372036854775807)


#pykernel export narrow_consts(int8, int16, int32)
def narrow_consts(a, b, c):
    return a // 4, a % 4, b // 256, b % 256, c // 1024, c % 1000
# case: narrow_consts(-128, -32768, -2147483648)
# case: narrow_consts(127, 32767, 2147483647)
# case: narrow_consts(-5, -300, -70000)


#pykernel export unsigned_consts(uint8, uint64)
def unsigned_consts(a, b):
    return a // 4, a % 4, b // 16, b % 16, b % 10
# case: unsigned_consts(255, 18446744073709551615)
# case: unsigned_consts(7, 12345)


#pykernel export aug_consts(int)
def aug_consts(x):
    y = x
    y //= 4
    z = x
    z %= 16
    return y, z
# case: aug_consts(-37)
# case: aug_consts(37)
