# Sized complex parameters (NumPy scalars, SPEC 4): complex64 arithmetic stays in
# complex64; mixing follows NumPy 2 promotion (complex64 with float32 -> complex64,
# with float64 / complex128 / int32 -> complex128; Python int/float/complex literals
# are weak and keep complex64). .real/.imag/abs of complex64 are float32. Values are
# chosen to be exact in complex64 (see the "sized dtypes" rule in tests/README.md).


#pykernel export c64_add(complex64, complex64)
def c64_add(a, b):
    return a + b, a - b
# case: c64_add(1.5+2j, -0.5+0.25j)
# case: c64_add(complex(-0.0, 0.0), complex(-0.0, -0.0))


#pykernel export c64_mul(complex64, complex64)
def c64_mul(a, b):
    return a * b
# case: c64_mul(1+2j, 3-4j)
# case: c64_mul(0.5j, 0.5j)


#pykernel export c64_div(complex64, complex64)
def c64_div(a, b):
    return a / b
# case: c64_div(4+2j, 1+1j)
# case: c64_div(1+0j, 0.5j)


#pykernel export c64_literals(complex64)
def c64_literals(a):
    return a * 2, a + 1j, a - 0.5
# case: c64_literals(1+1j)
# case: c64_literals(-2.5+0.75j)


#pykernel export c64_f32(complex64, float32)
def c64_f32(a, x):
    return a * x, x - a
# case: c64_f32(1.5+2j, 2.0)
# case: c64_f32(1+1j, -0.5)


#pykernel export c64_f64(complex64, float64)
def c64_f64(a, x):
    return a * x
# case: c64_f64(1.5+2j, 2.0)
# case: c64_f64(1+1j, 0.25)


#pykernel export c64_c128(complex64, complex128)
def c64_c128(a, b):
    return a + b, b * a
# case: c64_c128(1+1j, 0.5-0.5j)


#pykernel export c64_i32(complex64, int32)
def c64_i32(a, n):
    return a * n
# case: c64_i32(1.5+2j, 3)
# case: c64_i32(1+1j, -4)


#pykernel export c64_parts(complex64)
def c64_parts(a):
    return a.real, a.imag, a.conjugate(), abs(a)
# case: c64_parts(3+4j)
# case: c64_parts(complex(-0.0, 0.5))


#pykernel export c64_loop(complex64, int)
def c64_loop(a, n):
    acc = a
    for _ in range(n):
        acc = acc * a
    return acc
# case: c64_loop(1+1j, 0)
# case: c64_loop(1+1j, 5)
# case: c64_loop(0.5j, 3)


#pykernel export c128_ops(complex128, complex128)
def c128_ops(a, b):
    return a + b, a * b, a / b, a.real, abs(b)
# case: c128_ops(1+2j, 3-4j)
# case: c128_ops(0.1+0.2j, 0.3j)


#pykernel export c128_f32(complex128, float32)
def c128_f32(a, x):
    return a * x
# case: c128_f32(1+2j, 0.5)
