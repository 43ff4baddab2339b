//! Complex arithmetic: Python's `complex` with CPython's algorithms
//! (`Objects/complexobject.c`, 3.11), and NumPy's `complex128`/`complex64` where NumPy
//! computes differently.
//!
//! Values are `num_complex::Complex<f64>` ([`C64`], Python `complex` and `complex128`) and
//! `Complex<f32>` ([`C32`], `complex64`), the element types of rust-numpy.
//!
//! `+`, `-` and `*` are componentwise and unfused in CPython (`_Py_c_sum`, `_Py_c_diff`,
//! `_Py_c_prod`) and in num-complex's operators, so both agree bit for bit. Division and
//! powers must go through the functions here, never num-complex's `/`, `powc`, `norm`.
//!
//! NumPy caveat: on CPUs where NumPy dispatches FMA SIMD kernels (x86-64 with AVX2+FMA or
//! AVX-512, aarch64), the *array* loops of `multiply`, `square` and `absolute` use fused
//! multiply-adds: [`np_c_mul_fma`] and [`np_c_abs_simd`] reproduce those, while NumPy
//! scalars (and arrays on CPUs without FMA) use the plain formulas ([`c_mul`], [`np_c_abs`]).

use crate::error::{KResult, overflow_error, zero_division};
use num_complex::Complex;

/// Python `complex` and `numpy.complex128`.
pub type C64 = Complex<f64>;
/// `numpy.complex64`.
pub type C32 = Complex<f32>;

/// The C library functions CPython and NumPy call whose Rust `std` versions differ
/// (`f64::asinh` is computed in Rust) or do not exist (`cpow`).
pub(crate) mod sys {
    use super::{C32, C64};

    // `double complex` / `float complex` are passed and returned exactly like a
    // `#[repr(C)]` struct of two floats (x86-64 SysV and aarch64 AAPCS), which
    // `num_complex::Complex` is.
    unsafe extern "C" {
        /// C99 `asinh` from the platform libm.
        pub(crate) safe fn asinh(x: f64) -> f64;
        /// C99 `acosh` from the platform libm (what CPython's `math.acosh` calls).
        pub(crate) safe fn acosh(x: f64) -> f64;
        /// C99 `atanh` from the platform libm (what CPython's `math.atanh` calls).
        pub(crate) safe fn atanh(x: f64) -> f64;
        /// C99 `cpow` from the platform libm (what NumPy's `npy_cpow` calls).
        pub(crate) safe fn cpow(x: C64, y: C64) -> C64;
        /// C99 `cpowf` from the platform libm (what NumPy's `npy_cpowf` calls).
        pub(crate) safe fn cpowf(x: C32, y: C32) -> C32;
    }
}

/// `complex(re, im)`.
#[inline(always)]
pub fn complex_from(re: f64, im: f64) -> C64 {
    Complex::new(re, im)
}

/// `a + b` (`_Py_c_sum`).
#[inline(always)]
pub fn c_add(a: C64, b: C64) -> C64 {
    Complex::new(a.re + b.re, a.im + b.im)
}

/// `a - b` (`_Py_c_diff`).
#[inline(always)]
pub fn c_sub(a: C64, b: C64) -> C64 {
    Complex::new(a.re - b.re, a.im - b.im)
}

/// `a * b` (`_Py_c_prod`: `(ac - bd, ad + bc)`, no fused multiply-add).
#[inline(always)]
pub fn c_mul(a: C64, b: C64) -> C64 {
    Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `-a`.
#[inline(always)]
pub fn c_neg(a: C64) -> C64 {
    Complex::new(-a.re, -a.im)
}

/// `a.conjugate()`.
#[inline(always)]
pub fn c_conj(a: C64) -> C64 {
    Complex::new(a.re, -a.im)
}

/// `a == b` (componentwise IEEE equality: NaN is unequal to everything).
#[inline(always)]
pub fn c_eq(a: C64, b: C64) -> bool {
    a.re == b.re && a.im == b.im
}

/// `a != b`.
#[inline(always)]
pub fn c_ne(a: C64, b: C64) -> bool {
    !c_eq(a, b)
}

/// `bool(a)`: true unless both parts are zero (NaN is true).
#[inline(always)]
pub fn c_bool(a: C64) -> bool {
    a.re != 0.0 || a.im != 0.0
}

/// `_Py_c_quot`: the quotient, and `true` where CPython sets `errno = EDOM` (zero divisor).
pub(crate) fn quot(a: C64, b: C64) -> (C64, bool) {
    let abs_br = if b.re < 0.0 { -b.re } else { b.re };
    let abs_bi = if b.im < 0.0 { -b.im } else { b.im };
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return (Complex::new(0.0, 0.0), true);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        let r = Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom);
        (r, false)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        let r = Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom);
        (r, false)
    } else {
        // At least one part of the divisor is a NaN.
        (Complex::new(f64::NAN, f64::NAN), false)
    }
}

/// `a / b` (`complex.__truediv__`); `ZeroDivisionError` when `b == 0`.
#[inline(always)]
pub fn c_div(a: C64, b: C64) -> KResult<C64> {
    match quot(a, b) {
        (_, true) => Err(zero_division("complex division by zero")),
        (r, false) => Ok(r),
    }
}

/// `c_powu`: `x ** n` for `n >= 0` by binary powering.
fn powu(x: C64, n: i64) -> C64 {
    let mut r = Complex::new(1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_mul(r, p);
        }
        mask <<= 1;
        p = c_mul(p, p);
    }
    r
}

/// `c_powi` (3.11): the result and whether `errno == EDOM`.
fn powi(x: C64, n: i64) -> (C64, bool) {
    if n > 0 {
        (powu(x, n), false)
    } else {
        quot(Complex::new(1.0, 0.0), powu(x, -n))
    }
}

/// `_Py_c_pow`: the result and whether `errno == EDOM` (glibc's `cos`/`sin` set it for an
/// infinite phase; a zero base with a negative or complex exponent sets it too).
fn py_pow(a: C64, b: C64) -> (C64, bool) {
    if b.re == 0.0 && b.im == 0.0 {
        return (Complex::new(1.0, 0.0), false);
    }
    if a.re == 0.0 && a.im == 0.0 {
        return (Complex::new(0.0, 0.0), b.im != 0.0 || b.re < 0.0);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    let r = Complex::new(len * phase.cos(), len * phase.sin());
    (r, phase.is_infinite())
}

/// `a ** b` (`complex.__pow__`, 3.11): repeated multiplication for integral exponents
/// with `|b| <= 100`, else polar form. `ZeroDivisionError("0.0 to a negative or complex
/// power")` for a zero base (or a zero `a ** -n`, or an infinite phase, as glibc's errno);
/// `OverflowError("complex exponentiation")` when a part of the result is infinite.
pub fn c_pow(a: C64, b: C64) -> KResult<C64> {
    let (p, edom) = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        powi(a, b.re as i64)
    } else {
        py_pow(a, b)
    };
    if edom {
        return Err(zero_division("0.0 to a negative or complex power"));
    }
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(p)
}

/// `a ** n` for an int `n` (CPython converts `n` to float first).
#[inline(always)]
pub fn c_pow_int(a: C64, n: i64) -> KResult<C64> {
    c_pow(a, Complex::new(n as f64, 0.0))
}

/// `_Py_c_abs`: `|z|`, and whether CPython sets `errno = ERANGE` (overflow).
pub(crate) fn py_abs(z: C64) -> (f64, bool) {
    if !z.re.is_finite() || !z.im.is_finite() {
        // C99: an infinite part gives inf even when the other part is a NaN.
        if z.re.is_infinite() {
            return (z.re.abs(), false);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), false);
        }
        return (f64::NAN, false);
    }
    let r = z.re.hypot(z.im);
    (r, !r.is_finite())
}

/// `abs(z)`; `OverflowError("absolute value too large")` when finite parts overflow.
#[inline(always)]
pub fn c_abs(z: C64) -> KResult<f64> {
    match py_abs(z) {
        (_, true) => Err(overflow_error("absolute value too large")),
        (r, false) => Ok(r),
    }
}

macro_rules! numpy_complex {
    ($t:ty, $div:ident, $pow:ident, $abs:ident, $abs_simd:ident,
     $mul_fma:ident, $cpow:path, $name:literal) => {
        #[doc = concat!("`a / b` for `numpy.", $name, "` (the ufunc loop: Smith's method with")]
        /// a reciprocal scale; a zero divisor gives inf/NaN as NumPy, which only warns).
        #[inline(always)]
        pub fn $div(a: Complex<$t>, b: Complex<$t>) -> Complex<$t> {
            let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
            if abs_br >= abs_bi {
                if abs_br == 0.0 && abs_bi == 0.0 {
                    return Complex::new(a.re / abs_br, a.im / abs_bi);
                }
                let rat = b.im / b.re;
                let scl = 1.0 / (b.re + b.im * rat);
                Complex::new((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl)
            } else {
                let rat = b.re / b.im;
                let scl = 1.0 / (b.im + b.re * rat);
                Complex::new((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl)
            }
        }

        #[doc = concat!("`a ** b` for `numpy.", $name, "` (`npy_cpow`): 1 for a zero exponent,")]
        /// 0 or NaN for a zero base, repeated multiplication for integral exponents in
        /// (-100, 100), else the C library's `cpow` as NumPy calls it. Never raises.
        pub fn $pow(a: Complex<$t>, b: Complex<$t>) -> Complex<$t> {
            let (br, bi) = (b.re, b.im);
            if br == 0.0 && bi == 0.0 {
                return Complex::new(1.0, 0.0);
            }
            if a.re == 0.0 && a.im == 0.0 {
                return if br > 0.0 {
                    Complex::new(0.0, 0.0)
                } else {
                    Complex::new(<$t>::NAN, <$t>::NAN)
                };
            }
            if bi == 0.0 && br > -100.0 && br < 100.0 && (br as i64) as $t == br {
                // npymath's `cmul`: (ac - bd, ad + bc), unfused.
                let mul = |x: Complex<$t>, y: Complex<$t>| {
                    Complex::new(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re)
                };
                let n = br as i64;
                match n {
                    1 => return a,
                    2 => return mul(a, a),
                    3 => return mul(a, mul(a, a)),
                    _ => {}
                }
                let n = n.abs();
                let mut aa = Complex::new(1.0, 0.0);
                let mut p = a;
                let mut mask: i64 = 1;
                loop {
                    if n & mask != 0 {
                        aa = mul(aa, p);
                    }
                    mask <<= 1;
                    if n < mask {
                        break;
                    }
                    p = mul(p, p);
                }
                // npymath's `cdiv` (NumPy 2.4) is the loop's division, with no C11
                // Annex G recovery of infinities from NaN + NaN j.
                return if br < 0.0 {
                    $div(Complex::new(1.0, 0.0), aa)
                } else {
                    aa
                };
            }
            $cpow(a, b)
        }

        #[doc = concat!("`abs(z)` for a `numpy.", $name, "` scalar (C `hypot`); never raises.")]
        #[inline(always)]
        pub fn $abs(z: Complex<$t>) -> $t {
            z.re.hypot(z.im)
        }

        #[doc = concat!("`numpy.absolute` of a `", $name, "` array on FMA SIMD CPUs:")]
        /// `max * sqrt(fma(min/max, min/max, 1))`, with infinities and NaNs handled first.
        #[inline(always)]
        pub fn $abs_simd(z: Complex<$t>) -> $t {
            let inf = <$t>::INFINITY;
            let (mut re, mut im) = (z.re.abs(), z.im.abs());
            let (re_inf, im_inf) = (re == inf, im == inf);
            if re_inf {
                im = inf;
            }
            if im_inf {
                re = inf;
            }
            let (re_nan, im_nan) = (re.is_nan(), im.is_nan());
            if re_nan {
                im = <$t>::NAN;
            }
            if im_nan {
                re = <$t>::NAN;
            }
            let larger = if re > im { re } else { im };
            let smaller = if im < re { im } else { re };
            let ratio = if larger == 0.0 || smaller == inf {
                0.0
            } else {
                smaller / larger
            };
            ratio.mul_add(ratio, 1.0).sqrt() * larger
        }

        #[doc = concat!("`numpy.multiply` of `", $name, "` arrays on FMA SIMD CPUs:")]
        /// `(fma(ar, br, -(ai*bi)), fma(ar, bi, ai*br))`.
        #[inline(always)]
        pub fn $mul_fma(a: Complex<$t>, b: Complex<$t>) -> Complex<$t> {
            Complex::new(
                a.re.mul_add(b.re, -(a.im * b.im)),
                a.re.mul_add(b.im, a.im * b.re),
            )
        }
    };
}

numpy_complex!(
    f64,
    np_c_div,
    np_c_pow,
    np_c_abs,
    np_c_abs_simd,
    np_c_mul_fma,
    sys::cpow,
    "complex128"
);
numpy_complex!(
    f32,
    np_c_div32,
    np_c_pow32,
    np_c_abs32,
    np_c_abs_simd32,
    np_c_mul_fma32,
    sys::cpowf,
    "complex64"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn c(re: f64, im: f64) -> C64 {
        complex_from(re, im)
    }

    #[test]
    fn python_arithmetic() {
        assert_eq!(c_mul(c(1.0, 2.0), c(3.0, 4.0)), c(-5.0, 10.0));
        assert_eq!(c_div(c(1.0, 2.0), c(3.0, 4.0)), Ok(c(0.44, 0.08)));
        assert_eq!(c_div(c(-5.0, 10.0), c(1.0, 2.0)), Ok(c(3.0, 4.0)));
        let e = c_div(c(1.0, 0.0), c(0.0, -0.0)).unwrap_err();
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::ZeroDivision, "complex division by zero")
        );
        let q = c_div(c(1.0, 1.0), c(f64::NAN, 0.0)).unwrap();
        assert!(q.re.is_nan() && q.im.is_nan());
        assert!(c_bool(c(0.0, f64::NAN)) && !c_bool(c(-0.0, 0.0)));
        assert!(c_eq(c(-0.0, 0.0), c(0.0, -0.0)) && c_ne(c(f64::NAN, 0.0), c(f64::NAN, 0.0)));
        assert_eq!(c_neg(c(1.0, -2.0)), c(-1.0, 2.0));
        assert_eq!(c_conj(c(1.0, -2.0)), c(1.0, 2.0));
        assert_eq!(
            c_add(c(1.0, 2.0), c_sub(c(1.0, 1.0), c(0.5, 3.0))),
            c(1.5, 0.0)
        );
    }

    #[test]
    fn python_powers() {
        assert_eq!(c_pow(c(0.0, 1.0), c(2.0, 0.0)), Ok(c(-1.0, 0.0)));
        assert_eq!(c_pow_int(c(1.0, 1.0), 3), Ok(c(-2.0, 2.0)));
        assert_eq!(c_pow_int(c(2.0, 0.0), -2), Ok(c(0.25, 0.0)));
        assert_eq!(c_pow(c(5.0, 7.0), c(0.0, 0.0)), Ok(c(1.0, 0.0)));
        assert_eq!(c_pow(c(0.0, 0.0), c(2.5, 0.0)), Ok(c(0.0, 0.0)));
        for (a, b) in [(c(0.0, 0.0), c(-1.0, 0.0)), (c(0.0, 0.0), c(1.0, 1.0))] {
            let e = c_pow(a, b).unwrap_err();
            assert_eq!(e.message(), "0.0 to a negative or complex power");
        }
        // 1e-200 ** -2 underflows to a zero divisor in c_powi.
        assert_eq!(
            c_pow_int(c(1e-200, 0.0), -2).unwrap_err().kind(),
            ErrorKind::ZeroDivision
        );
        let e = c_pow(c(1e300, 0.0), c(2.5, 0.0)).unwrap_err();
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::Overflow, "complex exponentiation")
        );
        // inf * inf - 0 * 0 is inf, but the imaginary part is NaN: no error.
        let p = c_pow_int(c(f64::INFINITY, 0.0), 2).unwrap();
        assert!(p.re.is_nan() && p.im.is_nan());
    }

    #[test]
    fn python_abs() {
        assert_eq!(c_abs(c(3.0, -4.0)), Ok(5.0));
        assert_eq!(c_abs(c(f64::NAN, f64::NEG_INFINITY)), Ok(f64::INFINITY));
        assert!(c_abs(c(f64::NAN, 1.0)).unwrap().is_nan());
        let e = c_abs(c(1.5e308, 1.5e308)).unwrap_err();
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::Overflow, "absolute value too large")
        );
    }

    #[test]
    fn numpy_ops() {
        let inf = f64::INFINITY;
        let q = np_c_div(c(1.0, 0.0), c(0.0, -0.0));
        assert!(q.re == inf && q.im.is_nan());
        assert_eq!(np_c_div(c(1.0, 1.0), c(-0.0, 0.0)), c(inf, inf));
        assert_eq!(np_c_div(c(-5.0, 10.0), c(1.0, 2.0)), c(3.0, 4.0));
        assert_eq!(np_c_pow(c(0.0, 0.0), c(1.0, 1.0)), c(0.0, 0.0));
        assert!(np_c_pow(c(0.0, 0.0), c(-1.0, 0.0)).re.is_nan());
        assert_eq!(np_c_pow(c(0.0, 1.0), c(2.0, 0.0)), c(-1.0, 0.0));
        assert_eq!(np_c_pow(c(2.0, 0.0), c(-2.0, 0.0)), c(0.25, 0.0));
        assert_eq!(np_c_pow(c(4.0, 0.0), c(0.5, 0.0)), c(2.0, 0.0));
        assert_eq!(
            np_c_pow32(C32::new(4.0, 0.0), C32::new(0.5, 0.0)),
            C32::new(2.0, 0.0)
        );
        assert_eq!(np_c_abs(c(3.0, 4.0)), 5.0);
        assert_eq!(np_c_abs_simd(c(-3.0, 4.0)), 5.0);
        assert_eq!(np_c_abs_simd(c(f64::NAN, inf)), inf);
        assert!(np_c_abs_simd(c(f64::NAN, 1.0)).is_nan());
        assert_eq!(np_c_mul_fma(c(1.0, 2.0), c(3.0, 4.0)), c(-5.0, 10.0));
        assert_eq!(
            np_c_div32(C32::new(-5.0, 10.0), C32::new(1.0, 2.0)),
            C32::new(3.0, 4.0)
        );
    }
}
