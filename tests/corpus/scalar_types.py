# Regular exports with sized scalar types (values chosen to be exact in every dtype).

#pykernel export add_i32(int32, int32)
def add_i32(a, b):
    return a + b
# case: add_i32(1000, -2000)
# case: add_i32(2**30, 2**30 - 1)


#pykernel export floordiv_i32(int32, int32)
def floordiv_i32(a, b):
    return a // b
# case: floordiv_i32(-7, 2)
# case: floordiv_i32(7, 0)


#pykernel export scale_f32(float32)
def scale_f32(x):
    return x * 2.0 + 0.5
# case: scale_f32(1.5)
# case: scale_f32(-0.25)


#pykernel export add_i64(int64, int64)
def add_i64(a, b):
    return a - b
# case: add_i64(5, 9)


#pykernel export mul_f64(float64, float64)
def mul_f64(a, b):
    return a * b
# case: mul_f64(0.1, 3.0)


#pykernel export flag(bool)
def flag(b):
    if b:
        return 10
    return 20
# case: flag(True)
# case: flag(False)


#pykernel export mix_i32_f64(int32, float64)
def mix_i32_f64(a, x):
    return a * x
# case: mix_i32_f64(3, 0.1)


#pykernel export intp_index(intp)
def intp_index(i):
    return i * 2 - 1
# case: intp_index(21)


#pykernel export small_u8(uint8, uint8)
def small_u8(a, b):
    return a + b
# case: small_u8(3, 4)
