//! The `math` module with CPython's error rules.
//!
//! CPython raises `ValueError("math domain error")` when a finite argument gives NaN or
//! hits a pole, and `OverflowError("math range error")` when a finite argument overflows.

use crate::error::{KResult, overflow_error, value_error};
use crate::ops::float_to_int;

#[inline(always)]
fn check(x: f64, r: f64, can_overflow: bool) -> KResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            overflow_error("math range error")
        } else {
            value_error("math domain error")
        });
    }
    Ok(r)
}

macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident => $f:expr, $ovf:expr;)*) => {$(
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(x: f64) -> KResult<f64> {
            let f: fn(f64) -> f64 = $f;
            check(x, f(x), $ovf)
        }
    )*};
}

unary! {
    /// `math.sqrt`.
    sqrt => f64::sqrt, false;
    /// `math.exp`.
    exp => f64::exp, true;
    /// `math.exp2`.
    exp2 => f64::exp2, true;
    /// `math.expm1`.
    expm1 => f64::exp_m1, true;
    /// `math.log2`.
    log2 => f64::log2, false;
    /// `math.log10`.
    log10 => f64::log10, false;
    /// `math.log1p`.
    log1p => f64::ln_1p, false;
    /// `math.sin`.
    sin => f64::sin, false;
    /// `math.cos`.
    cos => f64::cos, false;
    /// `math.tan`.
    tan => f64::tan, false;
    /// `math.asin`.
    asin => f64::asin, false;
    /// `math.acos`.
    acos => f64::acos, false;
    /// `math.atan`.
    atan => f64::atan, false;
    /// `math.sinh`.
    sinh => f64::sinh, true;
    /// `math.cosh`.
    cosh => f64::cosh, true;
    /// `math.tanh`.
    tanh => f64::tanh, false;
    /// `math.asinh`.
    // The platform libm, as CPython: Rust's `f64::asinh` & co. are computed in Rust and
    // differ in the last bit for many inputs.
    asinh => |x| crate::complex::sys::asinh(x), false;
    /// `math.acosh`.
    acosh => |x| crate::complex::sys::acosh(x), false;
    /// `math.atanh`.
    atanh => |x| crate::complex::sys::atanh(x), false;
    /// `math.erf`.
    erf => libm::erf, false;
    /// `math.erfc`.
    erfc => libm::erfc, false;
    /// `math.cbrt`.
    cbrt => f64::cbrt, false;
}

/// `math.sin` etc. of an infinity is a domain error in CPython (NaN from a non-NaN).
/// `check` covers it because the result is NaN.
/// `math.log(x)`.
#[inline(always)]
pub fn log(x: f64) -> KResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(x.ln())
}

/// `math.log(x, base)`.
#[inline(always)]
pub fn log_base(x: f64, base: f64) -> KResult<f64> {
    let num = log(x)?;
    let den = log(base)?;
    if den == 0.0 {
        return Err(crate::error::zero_division("float division by zero"));
    }
    Ok(num / den)
}

/// `math.fabs`.
#[inline(always)]
pub fn fabs(x: f64) -> f64 {
    x.abs()
}

/// `math.floor` (returns an int, as in Python 3).
#[inline(always)]
pub fn floor(x: f64) -> KResult<i64> {
    float_to_int(x.floor())
}

/// `math.ceil`.
#[inline(always)]
pub fn ceil(x: f64) -> KResult<i64> {
    float_to_int(x.ceil())
}

/// `math.trunc`.
#[inline(always)]
pub fn trunc(x: f64) -> KResult<i64> {
    float_to_int(x.trunc())
}

/// `math.atan2`.
#[inline(always)]
pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

/// `math.hypot` of two values.
#[inline(always)]
pub fn hypot(x: f64, y: f64) -> KResult<f64> {
    let r = x.hypot(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("math range error"));
    }
    Ok(r)
}

/// `math.copysign`.
#[inline(always)]
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.fmod` (C fmod: sign of the dividend).
#[inline(always)]
pub fn fmod(x: f64, y: f64) -> KResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    Ok(r)
}

/// `math.pow` (C pow with CPython's errors; unlike `**` it never returns complex).
#[inline(always)]
pub fn pow(x: f64, y: f64) -> KResult<f64> {
    if y == 0.0 || x == 1.0 {
        return Ok(1.0);
    }
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(value_error("math domain error"));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                value_error("math domain error")
            } else {
                overflow_error("math range error")
            });
        }
    }
    Ok(r)
}

/// `math.gamma` (CPython's own Lanczos implementation, bit for bit).
#[inline(always)]
pub fn gamma(x: f64) -> KResult<f64> {
    flagged(crate::gamma::tgamma(x))
}

/// `math.lgamma` (CPython's own implementation, bit for bit).
#[inline(always)]
pub fn lgamma(x: f64) -> KResult<f64> {
    flagged(crate::gamma::lgamma(x))
}

fn flagged((r, flag): (f64, crate::gamma::Flag)) -> KResult<f64> {
    match flag {
        crate::gamma::Flag::Ok => Ok(r),
        crate::gamma::Flag::Domain => Err(value_error("math domain error")),
        crate::gamma::Flag::Range => Err(overflow_error("math range error")),
    }
}

/// `math.degrees`.
#[inline(always)]
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / std::f64::consts::PI)
}

/// `math.radians`.
#[inline(always)]
pub fn radians(x: f64) -> f64 {
    x * (std::f64::consts::PI / 180.0)
}

/// `math.isclose` with the default tolerances.
#[inline(always)]
pub fn isclose(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= 1e-9 * b.abs() || diff <= 1e-9 * a.abs()
}

/// `math.gcd` of two ints (always non-negative).
#[inline(always)]
pub fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a as i64
}

/// `math.factorial` (wrapping beyond 20!, as int64).
#[inline(always)]
pub fn factorial(n: i64) -> KResult<i64> {
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let mut acc: i64 = 1;
    for k in 2..=n {
        acc = acc.wrapping_mul(k);
    }
    Ok(acc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn cpython_errors() {
        assert_eq!(sqrt(-1.0).unwrap_err().kind(), ErrorKind::Value);
        assert_eq!(log(0.0).unwrap_err().kind(), ErrorKind::Value);
        assert_eq!(exp(1000.0).unwrap_err().kind(), ErrorKind::Overflow);
        assert_eq!(sin(f64::INFINITY).unwrap_err().kind(), ErrorKind::Value);
        assert!(sqrt(f64::NAN).unwrap().is_nan());
        assert_eq!(floor(-2.5), Ok(-3));
        assert_eq!(gcd(-12, 18), 6);
        assert_eq!(gamma(5.0), Ok(24.0));
        assert_eq!(gamma(0.0).unwrap_err().kind(), ErrorKind::Value);
    }
}

/// `math.isqrt` (exact integer square root).
pub fn isqrt(n: i64) -> KResult<i64> {
    if n < 0 {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    let mut r = (n as f64).sqrt() as i64;
    // Fix the float estimate so that r*r <= n < (r+1)*(r+1).
    while (r as i128) * (r as i128) > n as i128 {
        r -= 1;
    }
    while ((r + 1) as i128) * ((r + 1) as i128) <= n as i128 {
        r += 1;
    }
    Ok(r)
}

/// CPython's checks of `comb`/`perm` arguments; `false` when `k > n` (the result is 0).
fn n_k_valid(n: i64, k: i64) -> KResult<bool> {
    if n < 0 {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k < 0 {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok(k <= n)
}

/// `math.comb`; a result beyond int64 is an `OverflowError` (CPython returns a big int).
pub fn comb(n: i64, k: i64) -> KResult<i64> {
    if !n_k_valid(n, k)? {
        return Ok(0);
    }
    let k = k.min(n - k);
    let mut acc: u128 = 1;
    for i in 0..k {
        // acc * (n - i) / (i + 1) is exact at every step.
        acc = acc
            .checked_mul((n - i) as u128)
            .ok_or_else(|| overflow_error("comb() result does not fit in int64"))?
            / (i + 1) as u128;
        if acc > i64::MAX as u128 {
            return Err(overflow_error("comb() result does not fit in int64"));
        }
    }
    Ok(acc as i64)
}

/// `math.perm(n, k)` (wrapping beyond int64, like `factorial`).
pub fn perm(n: i64, k: i64) -> KResult<i64> {
    if !n_k_valid(n, k)? {
        return Ok(0);
    }
    let mut acc: i64 = 1;
    for i in 0..k {
        acc = acc.wrapping_mul(n - i);
    }
    Ok(acc)
}

/// `math.ldexp`.
pub fn ldexp(x: f64, i: i64) -> KResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = i.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let r = libm::ldexp(x, e);
    if r.is_infinite() {
        return Err(overflow_error("math range error"));
    }
    Ok(r)
}

/// `math.frexp`: mantissa and exponent.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (m, e) = libm::frexp(x);
    (m, e as i64)
}

/// `math.modf`: fractional and integer parts, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// `math.remainder` (IEEE 754 remainder).
pub fn remainder(x: f64, y: f64) -> KResult<f64> {
    if x.is_nan() || y.is_nan() {
        return Ok(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(libm::remainder(x, y))
}

/// `math.nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    libm::nextafter(x, y)
}

/// `math.ulp`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return x.abs();
    }
    let x = x.abs();
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - libm::nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn integer_functions() {
        assert_eq!(isqrt(99), Ok(9));
        assert_eq!(isqrt(i64::MAX), Ok(3037000499));
        assert!(isqrt(-1).is_err());
        assert_eq!(comb(5, 2), Ok(10));
        assert_eq!(comb(5, 7), Ok(0));
        assert_eq!(comb(60, 30), Ok(118264581564861424));
        assert!(comb(100, 50).is_err());
        assert_eq!(perm(5, 2), Ok(20));
    }

    #[test]
    fn float_functions() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(modf(-3.5), (-0.5, -3.0));
        assert_eq!(remainder(5.0, 2.0), Ok(1.0));
        assert_eq!(ldexp(0.5, 4), Ok(8.0));
        assert!(ldexp(1.0, 5000).is_err());
        assert_eq!(ulp(1.0), f64::EPSILON);
    }
}
