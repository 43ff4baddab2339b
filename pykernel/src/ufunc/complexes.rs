//! The complex64 and complex128 loops: one module per dtype, one function per ufunc.
//!
//! Arithmetic follows NumPy's loops: `multiply` and `square` are the fused
//! multiply-adds of NumPy's SIMD loops (AVX2/AVX-512/NEON CPUs), `divide` is Smith's
//! method, `absolute` is NumPy's SIMD `max * sqrt(1 + (min/max)**2)`. Comparisons are
//! lexicographic (real part first) with NumPy's NaN rules. The functions are the C
//! library's C99 complex functions (`csqrt`, `cexp`, ...), as NumPy's npymath calls them,
//! and NumPy's own formulas for `log1p`, `expm1`, `exp2`, `log2`, `log10`.

macro_rules! complex_loops {
    ($m:ident, $f:ident, $name:literal, $fname:literal, $div:path, $pow:path, $abs_simd:path,
     $mul_fma:path, $round:path,
     sqrt: $csqrt:path, exp: $cexp:path, log: $clog:path, sin: $csin:path, cos: $ccos:path,
     tan: $ctan:path, sinh: $csinh:path, cosh: $ccosh:path, tanh: $ctanh:path,
     asin: $casin:path, acos: $cacos:path, atan: $catan:path, asinh: $casinh:path,
     acosh: $cacosh:path, atanh: $catanh:path,
     ln2: $ln2:expr, log2e: $log2e:expr, log10e: $log10e:expr) => {
        #[doc = concat!("The `", $name, "` loops.")]
        pub mod $m {
            use num_complex::Complex;
            type C = Complex<$f>;

            #[inline(always)]
            fn c(re: $f, im: $f) -> C {
                Complex::new(re, im)
            }

            /// NumPy's lexicographic `>` (`CGT`): a NaN imaginary part makes the
            /// real-part comparison false.
            #[inline(always)]
            fn cgt(a: C, b: C) -> bool {
                (a.re > b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im > b.im)
            }
            /// `CGE`.
            #[inline(always)]
            fn cge(a: C, b: C) -> bool {
                (a.re > b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im >= b.im)
            }
            /// `CLT`.
            #[inline(always)]
            fn clt(a: C, b: C) -> bool {
                (a.re < b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im < b.im)
            }
            /// `CLE`.
            #[inline(always)]
            fn cle(a: C, b: C) -> bool {
                (a.re < b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im <= b.im)
            }
            #[inline(always)]
            fn has_nan(a: C) -> bool {
                a.re.is_nan() || a.im.is_nan()
            }
            #[inline(always)]
            fn truthy(a: C) -> bool {
                a.re != 0.0 || a.im != 0.0
            }

            /// `np.add`.
            #[inline(always)]
            pub fn add(a: C, b: C) -> C {
                c(a.re + b.re, a.im + b.im)
            }
            /// `np.subtract`.
            #[inline(always)]
            pub fn subtract(a: C, b: C) -> C {
                c(a.re - b.re, a.im - b.im)
            }
            /// `np.multiply` (NumPy's SIMD loop: fused multiply-adds).
            #[inline(always)]
            pub fn multiply(a: C, b: C) -> C {
                $mul_fma(a, b)
            }
            /// `np.divide` (Smith's method; inf/NaN for a zero divisor).
            #[inline(always)]
            pub fn divide(a: C, b: C) -> C {
                $div(a, b)
            }
            /// `np.power` (`npy_cpow`).
            #[inline(always)]
            pub fn power(a: C, b: C) -> C {
                $pow(a, b)
            }
            /// `np.square` (NumPy's SIMD loop: `multiply(a, a)`).
            #[inline(always)]
            pub fn square(a: C) -> C {
                $mul_fma(a, a)
            }
            /// `np.reciprocal` (NumPy's scaled formula).
            #[inline(always)]
            pub fn reciprocal(a: C) -> C {
                if a.im.abs() <= a.re.abs() {
                    let r = a.im / a.re;
                    let d = a.re + a.im * r;
                    c(1.0 / d, -r / d)
                } else {
                    let r = a.re / a.im;
                    let d = a.re * r + a.im;
                    c(r / d, -1.0 / d)
                }
            }
            /// `np.negative`.
            #[inline(always)]
            pub fn negative(a: C) -> C {
                c(-a.re, -a.im)
            }
            /// `np.positive`.
            #[inline(always)]
            pub fn positive(a: C) -> C {
                a
            }
            /// `np.conjugate`.
            #[inline(always)]
            pub fn conjugate(a: C) -> C {
                c(a.re, -a.im)
            }
            #[doc = concat!("`np.absolute`: a `", $fname, "` (NumPy's SIMD loop).")]
            #[inline(always)]
            pub fn absolute(a: C) -> $f {
                $abs_simd(a)
            }
            /// `np.sign` (NumPy 2): `a / |a|` with `hypot`, 0 for 0, NaN for NaN, the
            /// unit direction of an infinite part (NaN if both are infinite).
            #[inline(always)]
            pub fn sign(a: C) -> C {
                let abs = a.re.hypot(a.im);
                if abs.is_nan() {
                    c(<$f>::NAN, <$f>::NAN)
                } else if abs.is_infinite() {
                    let unit = |x: $f| if x > 0.0 { 1.0 } else { -1.0 };
                    if a.re.is_infinite() {
                        if a.im.is_infinite() {
                            c(<$f>::NAN, <$f>::NAN)
                        } else {
                            c(unit(a.re), 0.0)
                        }
                    } else {
                        c(0.0, unit(a.im))
                    }
                } else if abs == 0.0 {
                    c(0.0, 0.0)
                } else {
                    c(a.re / abs, a.im / abs)
                }
            }
            /// `np.rint` of both parts.
            #[inline(always)]
            pub fn rint(a: C) -> C {
                c(a.re.round_ties_even(), a.im.round_ties_even())
            }
            /// `np.round(a, decimals)`: both parts.
            #[inline(always)]
            pub fn round(a: C, decimals: i64) -> C {
                c($round(a.re, decimals), $round(a.im, decimals))
            }
            /// `np.sqrt` (C's `csqrt`).
            #[inline(always)]
            pub fn sqrt(a: C) -> C {
                $csqrt(a)
            }
            /// `np.exp` (C's `cexp`).
            #[inline(always)]
            pub fn exp(a: C) -> C {
                $cexp(a)
            }
            /// `np.exp2`: `cexp(a * ln 2)`.
            #[inline(always)]
            pub fn exp2(a: C) -> C {
                $cexp(c(a.re * $ln2, a.im * $ln2))
            }
            /// `np.expm1` (NumPy's formula with the real `expm1`, `exp`, `sin`, `cos`).
            #[inline(always)]
            pub fn expm1(a: C) -> C {
                let h = (a.im / 2.0).sin();
                c(
                    a.re.exp_m1() * a.im.cos() - 2.0 * h * h,
                    a.re.exp() * a.im.sin(),
                )
            }
            /// `np.log` (C's `clog`).
            #[inline(always)]
            pub fn log(a: C) -> C {
                $clog(a)
            }
            /// `np.log2`: `clog(a) * log2(e)`.
            #[inline(always)]
            pub fn log2(a: C) -> C {
                let l = $clog(a);
                c(l.re * $log2e, l.im * $log2e)
            }
            /// `np.log10`: `clog(a) * log10(e)`.
            #[inline(always)]
            pub fn log10(a: C) -> C {
                let l = $clog(a);
                c(l.re * $log10e, l.im * $log10e)
            }
            /// `np.log1p` (NumPy's formula: `log(hypot(re + 1, im))`,
            /// `atan2(im, re + 1)`).
            #[inline(always)]
            pub fn log1p(a: C) -> C {
                let l = (a.re + 1.0).hypot(a.im);
                c(l.ln(), a.im.atan2(a.re + 1.0))
            }
            /// `np.sin` (C's `csin`).
            #[inline(always)]
            pub fn sin(a: C) -> C {
                $csin(a)
            }
            /// `np.cos` (C's `ccos`).
            #[inline(always)]
            pub fn cos(a: C) -> C {
                $ccos(a)
            }
            /// `np.tan` (C's `ctan`).
            #[inline(always)]
            pub fn tan(a: C) -> C {
                $ctan(a)
            }
            /// `np.arcsin` (C's `casin`).
            #[inline(always)]
            pub fn arcsin(a: C) -> C {
                $casin(a)
            }
            /// `np.arccos` (C's `cacos`).
            #[inline(always)]
            pub fn arccos(a: C) -> C {
                $cacos(a)
            }
            /// `np.arctan` (C's `catan`).
            #[inline(always)]
            pub fn arctan(a: C) -> C {
                $catan(a)
            }
            /// `np.sinh` (C's `csinh`).
            #[inline(always)]
            pub fn sinh(a: C) -> C {
                $csinh(a)
            }
            /// `np.cosh` (C's `ccosh`).
            #[inline(always)]
            pub fn cosh(a: C) -> C {
                $ccosh(a)
            }
            /// `np.tanh` (C's `ctanh`).
            #[inline(always)]
            pub fn tanh(a: C) -> C {
                $ctanh(a)
            }
            /// `np.arcsinh` (C's `casinh`).
            #[inline(always)]
            pub fn arcsinh(a: C) -> C {
                $casinh(a)
            }
            /// `np.arccosh` (C's `cacosh`).
            #[inline(always)]
            pub fn arccosh(a: C) -> C {
                $cacosh(a)
            }
            /// `np.arctanh` (C's `catanh`).
            #[inline(always)]
            pub fn arctanh(a: C) -> C {
                $catanh(a)
            }
            /// `np.maximum`: `a` if it has a NaN or is `>=` `b` (lexicographically),
            /// else `b`.
            #[inline(always)]
            pub fn maximum(a: C, b: C) -> C {
                if has_nan(a) || cge(a, b) { a } else { b }
            }
            /// `np.minimum`: `a` if it has a NaN or is `<=` `b`, else `b`.
            #[inline(always)]
            pub fn minimum(a: C, b: C) -> C {
                if has_nan(a) || cle(a, b) { a } else { b }
            }
            /// `np.fmax`: `a` if `b` has a NaN or `a >= b`, else `b`.
            #[inline(always)]
            pub fn fmax(a: C, b: C) -> C {
                if has_nan(b) || cge(a, b) { a } else { b }
            }
            /// `np.fmin`: `a` if `b` has a NaN or `a <= b`, else `b`.
            #[inline(always)]
            pub fn fmin(a: C, b: C) -> C {
                if has_nan(b) || cle(a, b) { a } else { b }
            }
            /// `np.isnan`: either part.
            #[inline(always)]
            pub fn isnan(a: C) -> bool {
                has_nan(a)
            }
            /// `np.isinf`: either part.
            #[inline(always)]
            pub fn isinf(a: C) -> bool {
                a.re.is_infinite() || a.im.is_infinite()
            }
            /// `np.isfinite`: both parts.
            #[inline(always)]
            pub fn isfinite(a: C) -> bool {
                a.re.is_finite() && a.im.is_finite()
            }
            /// `np.logical_and`.
            #[inline(always)]
            pub fn logical_and(a: C, b: C) -> bool {
                truthy(a) && truthy(b)
            }
            /// `np.logical_or`.
            #[inline(always)]
            pub fn logical_or(a: C, b: C) -> bool {
                truthy(a) || truthy(b)
            }
            /// `np.logical_xor`.
            #[inline(always)]
            pub fn logical_xor(a: C, b: C) -> bool {
                truthy(a) != truthy(b)
            }
            /// `np.logical_not`.
            #[inline(always)]
            pub fn logical_not(a: C) -> bool {
                !truthy(a)
            }
            /// `np.greater` (lexicographic).
            #[inline(always)]
            pub fn greater(a: C, b: C) -> bool {
                cgt(a, b)
            }
            /// `np.greater_equal`.
            #[inline(always)]
            pub fn greater_equal(a: C, b: C) -> bool {
                cge(a, b)
            }
            /// `np.less`.
            #[inline(always)]
            pub fn less(a: C, b: C) -> bool {
                clt(a, b)
            }
            /// `np.less_equal`.
            #[inline(always)]
            pub fn less_equal(a: C, b: C) -> bool {
                cle(a, b)
            }
            /// `np.equal`.
            #[inline(always)]
            pub fn equal(a: C, b: C) -> bool {
                a.re == b.re && a.im == b.im
            }
            /// `np.not_equal`.
            #[inline(always)]
            pub fn not_equal(a: C, b: C) -> bool {
                a.re != b.re || a.im != b.im
            }
            /// `np.real`.
            #[inline(always)]
            pub fn real(a: C) -> $f {
                a.re
            }
            /// `np.imag`.
            #[inline(always)]
            pub fn imag(a: C) -> $f {
                a.im
            }
            /// `np.angle`: `arctan2(imag, real)`.
            #[inline(always)]
            pub fn angle(a: C) -> $f {
                a.im.atan2(a.re)
            }
            /// `np.angle(a, deg=True)`: `angle(a)` times the Python float `180 / pi` in
            /// this precision.
            #[inline(always)]
            pub fn angle_deg(a: C) -> $f {
                angle(a) * (57.29577951308232f64 as $f)
            }
        }
    };
}

complex_loops!(
    c64, f32, "complex64", "float32",
    crate::complex::np_c_div32, crate::complex::np_c_pow32, crate::complex::np_c_abs_simd32,
    crate::complex::np_c_mul_fma32, crate::ufunc::round::round_f32,
    sqrt: crate::ufunc::libm::csqrtf, exp: crate::ufunc::libm::cexpf,
    log: crate::ufunc::libm::clogf, sin: crate::ufunc::libm::csinf,
    cos: crate::ufunc::libm::ccosf, tan: crate::ufunc::libm::ctanf,
    sinh: crate::ufunc::libm::csinhf, cosh: crate::ufunc::libm::ccoshf,
    tanh: crate::ufunc::libm::ctanhf, asin: crate::ufunc::libm::casinf,
    acos: crate::ufunc::libm::cacosf, atan: crate::ufunc::libm::catanf,
    asinh: crate::ufunc::libm::casinhf, acosh: crate::ufunc::libm::cacoshf,
    atanh: crate::ufunc::libm::catanhf,
    ln2: ::core::f32::consts::LN_2, log2e: ::core::f32::consts::LOG2_E,
    log10e: ::core::f32::consts::LOG10_E
);
complex_loops!(
    c128, f64, "complex128", "float64",
    crate::complex::np_c_div, crate::complex::np_c_pow, crate::complex::np_c_abs_simd,
    crate::complex::np_c_mul_fma, crate::ufunc::round::round_f64,
    sqrt: crate::ufunc::libm::csqrt, exp: crate::ufunc::libm::cexp,
    log: crate::ufunc::libm::clog, sin: crate::ufunc::libm::csin,
    cos: crate::ufunc::libm::ccos, tan: crate::ufunc::libm::ctan,
    sinh: crate::ufunc::libm::csinh, cosh: crate::ufunc::libm::ccosh,
    tanh: crate::ufunc::libm::ctanh, asin: crate::ufunc::libm::casin,
    acos: crate::ufunc::libm::cacos, atan: crate::ufunc::libm::catan,
    asinh: crate::ufunc::libm::casinh, acosh: crate::ufunc::libm::cacosh,
    atanh: crate::ufunc::libm::catanh,
    ln2: ::core::f64::consts::LN_2, log2e: ::core::f64::consts::LOG2_E,
    log10e: ::core::f64::consts::LOG10_E
);
