# Complex numbers (complex128): literals, complex(a, b), .real/.imag/.conjugate(),
# abs (hypot; OverflowError when the modulus overflows), + - * / (CPython's formulas:
# the textbook product, so inf * finite can give nan parts; Smith's division, so tiny
# and huge divisors do not overflow; ZeroDivisionError for a zero divisor, also 0.0
# and 0), ** (integer exponents up to 100 by repeated squaring, others through
# polar form; OverflowError when the result overflows to inf; ZeroDivisionError for
# 0 to a negative or complex power), comparisons, mixing with int and float (the
# real is converted to complex first: complex(1, inf) * 2 has a nan real part),
# truthiness, complex in loops and in lists.
#
# CPython 3.11's rules; 3.14 changed mixed real/complex arithmetic.


#pykernel export c_add(complex, complex)
def c_add(a, b):
    return a + b, a - b
# case: c_add(1+2j, 3-4j)
# case: c_add(complex(-0.0, -0.0), complex(0.0, -0.0))
# case: c_add(complex(inf, 1), complex(-inf, 1))
# case: c_add(complex(nan, 0), 1j)
# case: c_add(1.5, 2)


#pykernel export c_mul(complex, complex)
def c_mul(a, b):
    return a * b
# case: c_mul(1+2j, 3-4j)
# case: c_mul(1j, 1j)
# case: c_mul(complex(inf, 0), complex(inf, 0))
# case: c_mul(complex(1e200, 1e200), complex(1e200, -1e200))
# case: c_mul(complex(-0.0, 0.0), complex(0.0, -0.0))
# case: c_mul(complex(nan, 0), 0j)
# case: c_mul(complex(1, inf), 2)


#pykernel export c_div(complex, complex)
def c_div(a, b):
    return a / b
# case: c_div(1+2j, 3-4j)
# case: c_div(1+1j, complex(1e-300, 1e-300))
# case: c_div(complex(1e300, 1e300), complex(1e300, 1e300))
# case: c_div(complex(1e308, 1e308), complex(1e-308, 1e-308))
# case: c_div(complex(1e-320, 1), complex(1e-310, 1e300))
# case: c_div(1+1j, 0j)
# case: c_div(0j, 0j)
# case: c_div(1+1j, complex(-0.0, -0.0))
# case: c_div(1+1j, complex(0.0, nan))
# case: c_div(1+1j, complex(nan, 0.0))
# case: c_div(1+1j, complex(inf, 1))
# case: c_div(complex(inf, inf), complex(inf, 1))
# case: c_div(complex(-0.0, 0.0), 1+0j)
# case: c_div(3, 2)


#pykernel export c_div_real(complex, float)
def c_div_real(a, x):
    return a / x, x / a
# case: c_div_real(1+2j, 2.0)
# case: c_div_real(1+2j, 0.0)
# case: c_div_real(0j, 1.0)
# case: c_div_real(complex(inf, 1), inf)


#pykernel export c_div_int(complex, int)
def c_div_int(a, n):
    return a / n
# case: c_div_int(4+2j, 2)
# case: c_div_int(4+2j, 0)
# case: c_div_int(complex(1, 1), -2**53 - 1)


#pykernel export c_pow_int(complex, int)
def c_pow_int(z, n):
    return z ** n
# case: c_pow_int(1+2j, 0)
# case: c_pow_int(1+2j, 1)
# case: c_pow_int(1+2j, 2)
# case: c_pow_int(1+2j, -3)
# case: c_pow_int(1+2j, 100)
# case: c_pow_int(1+2j, 101)
# case: c_pow_int(1+2j, -100)
# case: c_pow_int(1+2j, -101)
# case: c_pow_int(0.5+0.5j, 7)
# case: c_pow_int(1j, 4)
# case: c_pow_int(1j, 2**62)
# case: c_pow_int(0j, 0)
# case: c_pow_int(0j, 3)
# case: c_pow_int(0j, -1)
# case: c_pow_int(complex(-0.0, 0.0), 2)
# case: c_pow_int(complex(1e200, 0), 2)
# case: c_pow_int(complex(inf, 0), 2)
# case: c_pow_int(complex(1e300, 1e300), 2)
# case: c_pow_int(complex(nan, 0), 1)
# case: c_pow_int(complex(nan, 0), 0)
# case: c_pow_int(complex(2, 0), 1024)
# case: c_pow_int(complex(2, 0), 1023)
# case: c_pow_int(complex(0.5, 0), -2000)


#pykernel export c_pow_complex(complex, complex)
def c_pow_complex(z, w):
    return z ** w
# case: c_pow_complex(1j, 1j)
# case: c_pow_complex(1+2j, 0.5+0j)
# case: c_pow_complex(1+2j, 100+0j)
# case: c_pow_complex(1+2j, 100.5+0j)
# case: c_pow_complex(-8+0j, complex(1 / 3, 0))
# case: c_pow_complex(0j, 0j)
# case: c_pow_complex(0j, 1j)
# case: c_pow_complex(0j, -1+0j)
# case: c_pow_complex(0j, 2.5+0j)
# case: c_pow_complex(2+0j, complex(1100, 0))
# case: c_pow_complex(complex(1e300, 1e300), 2+0j)


#pykernel export c_pow_mixed(float, complex)
def c_pow_mixed(x, w):
    return x ** w, 2 ** w, w ** 2.0, w ** 0.5
# case: c_pow_mixed(2.0, 1j)
# case: c_pow_mixed(-1.0, 0.5+0j)
# case: c_pow_mixed(0.0, 1+0j)


#pykernel export c_parts(complex)
def c_parts(z):
    return z.real, z.imag, z.conjugate(), abs(z)
# case: c_parts(3+4j)
# case: c_parts(complex(-0.0, -0.0))
# case: c_parts(complex(inf, nan))
# case: c_parts(complex(nan, -inf))
# case: c_parts(complex(nan, 1))
# case: c_parts(complex(1e308, 1e308))
# case: c_parts(complex(1.7e308, 1.7e308))
# case: c_parts(complex(5e-324, 5e-324))
# case: c_parts(2.5)


#pykernel export c_make(float, float)
def c_make(a, b):
    z = complex(a, b)
    w = a + b * 1j
    return z, w, z == w, complex(a)
# case: c_make(1.5, -2.0)
# case: c_make(0.0, -0.0)
# case: c_make(-0.0, 0.0)
# case: c_make(1.0, inf)
# case: c_make(nan, 1.0)


#pykernel export c_make_int(int, int)
def c_make_int(a, b):
    return complex(a, b), complex(a), a + b * 1j
# case: c_make_int(3, -4)
# case: c_make_int(0, 0)
# case: c_make_int(2**53 + 1, -2**62)


#pykernel export c_literals(float)
def c_literals(x):
    z = 1j
    w = x * 2.5j + 2 - 3.5j
    v = (1 + 2j) * x
    return z * z, w, v, 0j * x, -z
# case: c_literals(1.0)
# case: c_literals(-0.0)
# case: c_literals(inf)


#pykernel export c_unary(complex)
def c_unary(z):
    return -z, +z, -(-z)
# case: c_unary(1-2j)
# case: c_unary(0j)
# case: c_unary(complex(-0.0, nan))


#pykernel export c_compare(complex, complex)
def c_compare(a, b):
    return a == b, a != b, a == 1.0, a != 0, b == 1j
# case: c_compare(1+2j, 1+2j)
# case: c_compare(1+0j, 1-0j)
# case: c_compare(complex(1.0, -0.0), 1j)
# case: c_compare(complex(nan, 0), complex(nan, 0))
# case: c_compare(0j, complex(0.0, 1.0))


#pykernel export c_mix(complex, int, float)
def c_mix(z, n, x):
    return z + n, z * x, n - z, x / z, z * n + x
# case: c_mix(1+2j, 3, 0.5)
# case: c_mix(complex(1, inf), 2, 2.0)
# case: c_mix(complex(inf, 1), 0, 0.0)
# case: c_mix(1j, -1, -0.0)
# case: c_mix(0j, 1, 1.0)


#pykernel export c_truth(complex)
def c_truth(z):
    if z:
        r = 1
    else:
        r = 0
    if not z:
        r += 10
    return r, bool(z)
# case: c_truth(0j)
# case: c_truth(complex(-0.0, -0.0))
# case: c_truth(complex(0.0, 1e-300))
# case: c_truth(complex(nan, 0))


#pykernel export mandelbrot(complex, int)
def mandelbrot(c, maxit):
    z = 0j
    for i in range(maxit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return maxit
# case: mandelbrot(0j, 100)
# case: mandelbrot(1+1j, 100)
# case: mandelbrot(-0.75+0.1j, 1000)
# case: mandelbrot(-2+0j, 50)
# case: mandelbrot(0.25+0.0001j, 1000)
# case: mandelbrot(complex(nan, 0), 10)


#pykernel export mandel_grid(int, int)
def mandel_grid(n, maxit):
    inside = 0
    total = 0
    for i in range(n):
        for j in range(n):
            c = complex(-2.0 + 2.5 * i / n, -1.25 + 2.5 * j / n)
            z = complex(0.0, 0.0)
            k = 0
            while k < maxit and z.real * z.real + z.imag * z.imag <= 4.0:
                z = z * z + c
                k += 1
            total += k
            if k == maxit:
                inside += 1
    return inside, total
# case: mandel_grid(0, 10)
# case: mandel_grid(16, 50)


#pykernel export c_tuple(complex)
def c_tuple(z):
    w = z * z
    return (z, w.real), w
# case: c_tuple(1+1j)
# case: c_tuple(complex(-0.0, 1))


#pykernel export c_augassign(complex, int)
def c_augassign(z, n):
    acc = 1 + 0j
    for k in range(n):
        acc *= z
        acc += k
        acc -= 0.5j
        acc /= 2
    return acc
# case: c_augassign(1+1j, 0)
# case: c_augassign(1+1j, 5)
# case: c_augassign(0.5-2j, 10)


#pykernel export c_list(complex list)
def c_list(zs):
    s = 0j
    out = []
    for z in zs:
        s += z
        out.append(z.conjugate() * 2)
    zs.append(s)
    return s, out
# case: c_list([1+2j, -3j, 0.5])
# case: c_list([])
# case: c_list([complex(inf, 0), complex(-inf, 0)])


#pykernel export c_roots_of_unity(int)
def c_roots_of_unity(n):
    w = complex(0.5, 0.5) / abs(complex(0.5, 0.5))
    z = 1 + 0j
    pts = []
    for k in range(n):
        pts.append(z)
        z = z * w
    return pts
# case: c_roots_of_unity(0)
# case: c_roots_of_unity(9)
