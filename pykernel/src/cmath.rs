//! The `cmath` module with CPython 3.11's algorithms and errors (`Modules/cmathmodule.c`).
//!
//! Each function computes the C99 Annex G value (special-value tables for non-finite
//! arguments) and CPython's `errno`: `ValueError("math domain error")` where Annex G
//! signals divide-by-zero or invalid (`log(0)`, `atanh(1)`, `sin(inf j)`...),
//! `OverflowError("math range error")` where a finite argument overflows. The libm
//! functions are the ones CPython calls (glibc on Linux), so results match bit for bit.

mod special;

use crate::complex::{C64, py_abs, quot, sys};
use crate::error::{KResult, overflow_error, value_error};
use special::{Table, lookup};
use std::f64::consts::{LN_2, LN_10};

/// `cmath.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `cmath.e`.
pub const E: f64 = std::f64::consts::E;
/// `cmath.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `cmath.inf`.
pub const INF: f64 = f64::INFINITY;
/// `cmath.infj`.
pub const INFJ: C64 = C64 {
    re: 0.0,
    im: f64::INFINITY,
};
/// `cmath.nan`.
pub const NAN: f64 = f64::NAN;
/// `cmath.nanj`.
pub const NANJ: C64 = C64 {
    re: 0.0,
    im: f64::NAN,
};

/// CPython's `errno` after a `c_*` function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Errno {
    Ok,
    /// `EDOM`: `ValueError`.
    Dom,
    /// `ERANGE`: `OverflowError`.
    Range,
}

type Res = (C64, Errno);

const LARGE: f64 = f64::MAX / 4.0;
const SCALE_UP: i32 = 53; // 2*(DBL_MANT_DIG/2) + 1
const SCALE_DOWN: i32 = -27; // -(CM_SCALE_UP+1)/2

#[inline(always)]
fn c(re: f64, im: f64) -> C64 {
    C64 { re, im }
}

#[inline(always)]
fn finite(z: C64) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

#[inline(always)]
fn log_large() -> f64 {
    LARGE.ln()
}

/// `errno = ERANGE` when a part of `r` is infinite.
#[inline(always)]
fn range_check(r: C64) -> Res {
    let e = if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

#[inline(always)]
fn raise((z, e): Res) -> KResult<C64> {
    match e {
        Errno::Ok => Ok(z),
        Errno::Dom => Err(value_error("math domain error")),
        Errno::Range => Err(overflow_error("math range error")),
    }
}

/// The table value for a non-finite argument (`errno = 0`).
#[inline(always)]
fn special(table: &Table, z: C64) -> Option<Res> {
    (!finite(z)).then(|| (lookup(table, z), Errno::Ok))
}

/// `z * i`-style argument rotation used by `asin`, `atan`, `sin`, `cos`, `tan`.
#[inline(always)]
fn times_i(z: C64) -> C64 {
    c(-z.im, z.re)
}

/// The inverse rotation of a result: `(s.imag, -s.real)`.
#[inline(always)]
fn times_minus_i((s, e): Res) -> Res {
    (c(s.im, -s.re), e)
}

fn c_sqrt(z: C64) -> Res {
    if let Some(r) = special(&special::SQRT, z) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) may be subnormal: scale up to keep full precision.
        ax = libm::ldexp(ax, SCALE_UP);
        let t = (ax + ax.hypot(libm::ldexp(ay, SCALE_UP))).sqrt();
        libm::ldexp(t, SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

/// `log(hypot(x/2, y/2)) + 2 log 2`: `log|z| + log 2` without overflow.
#[inline(always)]
fn log_hypot_large(x: f64, y: f64) -> f64 {
    (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0
}

fn c_acos(z: C64) -> Res {
    if let Some(r) = special(&special::ACOS, z) {
        return r;
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(
            z.im.abs().atan2(z.re),
            -log_hypot_large(z.re, z.im).copysign(z.im),
        )
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * s1.re.atan2(s2.re),
            sys::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C64) -> Res {
    if let Some(r) = special(&special::ACOSH, z) {
        return r;
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(log_hypot_large(z.re, z.im), z.im.atan2(z.re))
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            sys::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C64) -> Res {
    if let Some(r) = special(&special::ASINH, z) {
        return r;
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = log_hypot_large(z.re, z.im);
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            sys::asinh(s1.re * s2.im - s2.re * s1.im),
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

fn c_atanh(z: C64) -> Res {
    if let Some(r) = special(&special::ATANH, z) {
        return r;
    }
    // atanh(z) = -atanh(-z): reduce to z.real >= 0.
    if z.re < 0.0 {
        let (r, e) = c_atanh(-z);
        return (-r, e);
    }
    let ay = z.im.abs();
    let sqrt_large = LARGE.sqrt();
    if z.re > sqrt_large || ay > sqrt_large {
        // |z| large: atanh(z) ~ 1/z +- i pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        (c(z.re / 4.0 / h / h, (PI / 2.0).copysign(z.im)), Errno::Ok)
    } else if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            (c(INF, z.im), Errno::Dom)
        } else {
            let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
            (c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Errno::Ok)
        }
    } else {
        let one_minus = 1.0 - z.re;
        let re = log1p(4.0 * z.re / (one_minus * one_minus + ay * ay)) / 4.0;
        let im = -(-2.0 * z.im).atan2(one_minus * (1.0 + z.re) - ay * ay) / 2.0;
        (c(re, im), Errno::Ok)
    }
}

/// CPython's `_Py_log1p`: keeps the sign of a zero argument.
#[inline(always)]
fn log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

/// The non-finite case that `cosh`, `sinh`, `exp` and `tanh` compute instead of reading
/// their table: an infinite real part with a finite nonzero imaginary part.
#[inline(always)]
fn inf_real_finite_imag(z: C64) -> bool {
    z.re.is_infinite() && z.im.is_finite() && z.im != 0.0
}

fn c_cosh(z: C64) -> Res {
    if !finite(z) {
        let r = if inf_real_finite_imag(z) {
            let (cy, sy) = (INF.copysign(z.im.cos()), INF.copysign(z.im.sin()));
            if z.re > 0.0 { c(cy, sy) } else { c(cy, -sy) }
        } else {
            lookup(&special::COSH, z)
        };
        let dom = z.im.is_infinite() && !z.re.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > log_large() {
        // cosh(z.real) overflows where cosh(z) need not.
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    range_check(r)
}

fn c_sinh(z: C64) -> Res {
    if !finite(z) {
        let r = if inf_real_finite_imag(z) {
            let (cy, sy) = (INF.copysign(z.im.cos()), INF.copysign(z.im.sin()));
            if z.re > 0.0 { c(cy, sy) } else { c(-cy, sy) }
        } else {
            lookup(&special::SINH, z)
        };
        let dom = z.im.is_infinite() && !z.re.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    range_check(r)
}

fn c_exp(z: C64) -> Res {
    if !finite(z) {
        let r = if inf_real_finite_imag(z) {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            lookup(&special::EXP, z)
        };
        let dom = z.im.is_infinite() && (z.re.is_finite() || z.re == INF);
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    range_check(r)
}

fn c_tanh(z: C64) -> Res {
    if !finite(z) {
        let r = if inf_real_finite_imag(z) {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            lookup(&special::TANH, z)
        };
        let dom = z.im.is_infinite() && z.re.is_finite();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > log_large() {
        let im = 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp();
        c(1.0f64.copysign(z.re), im)
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_log(z: C64) -> Res {
    if let Some(r) = special(&special::LOG, z) {
        return r;
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) may be subnormal: scale up by 2**53.
            let h = libm::ldexp(ax, 53).hypot(libm::ldexp(ay, 53));
            h.ln() - 53.0 * LN_2
        } else {
            return (c(-INF, z.im.atan2(z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

fn c_rect(r: f64, phi: f64) -> Res {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (cp, sp) = (INF.copysign(phi.cos()), INF.copysign(phi.sin()));
            if r > 0.0 { c(cp, sp) } else { c(-cp, -sp) }
        } else {
            lookup(&special::RECT, c(r, phi))
        };
        let dom = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if dom { Errno::Dom } else { Errno::Ok });
    }
    if phi == 0.0 {
        // CPython's workaround for phi = -0.0 (bpo-18513).
        return (c(r, r * phi), Errno::Ok);
    }
    (c(r * phi.cos(), r * phi.sin()), Errno::Ok)
}

/// glibc's `atan2`, which sets `errno = ERANGE` when the result underflows to 0 for a
/// nonzero `y` and finite `x`.
#[inline(always)]
fn atan2_errno(y: f64, x: f64) -> (f64, Errno) {
    let r = y.atan2(x);
    let underflow = r == 0.0 && y != 0.0 && x.is_finite();
    (r, if underflow { Errno::Range } else { Errno::Ok })
}

macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident => $f:expr;)*) => {$(
        $(#[$doc])*
        #[inline]
        pub fn $name(z: C64) -> KResult<C64> {
            let f: fn(C64) -> Res = $f;
            raise(f(z))
        }
    )*};
}

unary! {
    /// `cmath.sqrt`.
    sqrt => c_sqrt;
    /// `cmath.exp`.
    exp => c_exp;
    /// `cmath.log(z)`.
    log => c_log;
    /// `cmath.log10`.
    log10 => |z| {
        let (r, e) = c_log(z);
        (c(r.re / LN_10, r.im / LN_10), e)
    };
    /// `cmath.sinh`.
    sinh => c_sinh;
    /// `cmath.cosh`.
    cosh => c_cosh;
    /// `cmath.tanh`.
    tanh => c_tanh;
    /// `cmath.asinh`.
    asinh => c_asinh;
    /// `cmath.acosh`.
    acosh => c_acosh;
    /// `cmath.atanh`.
    atanh => c_atanh;
    /// `cmath.sin` (`-i sinh(iz)`).
    sin => |z| times_minus_i(c_sinh(times_i(z)));
    /// `cmath.cos` (`cosh(iz)`).
    cos => |z| c_cosh(times_i(z));
    /// `cmath.tan` (`-i tanh(iz)`).
    tan => |z| times_minus_i(c_tanh(times_i(z)));
    /// `cmath.asin` (`-i asinh(iz)`).
    asin => |z| times_minus_i(c_asinh(times_i(z)));
    /// `cmath.acos`.
    acos => c_acos;
    /// `cmath.atan` (`-i atanh(iz)`).
    atan => |z| times_minus_i(c_atanh(times_i(z)));
}

/// `cmath.log(z, base)`: `log(z) / log(base)` with CPython's errno quirk (only the
/// second logarithm's domain error survives; a base of 1 is a `ValueError`).
pub fn log_base(z: C64, base: C64) -> KResult<C64> {
    let x = c_log(z).0;
    let (y, e) = c_log(base);
    let (q, zero) = quot(x, y);
    raise((q, if zero { Errno::Dom } else { e }))
}

/// `cmath.phase` (glibc's `atan2` underflow is an `OverflowError` in CPython).
#[inline]
pub fn phase(z: C64) -> KResult<f64> {
    match atan2_errno(z.im, z.re) {
        (_, Errno::Range) => Err(overflow_error("math range error")),
        (phi, _) => Ok(phi),
    }
}

/// `cmath.polar`: `(abs(z), phase(z))`; `OverflowError` when `abs(z)` overflows.
#[inline]
pub fn polar(z: C64) -> KResult<(f64, f64)> {
    let phi = z.im.atan2(z.re);
    match py_abs(z) {
        (_, true) => Err(overflow_error("math range error")),
        (r, false) => Ok((r, phi)),
    }
}

/// `cmath.rect(r, phi)`.
#[inline]
pub fn rect(r: f64, phi: f64) -> KResult<C64> {
    raise(c_rect(r, phi))
}

/// `cmath.isfinite`.
#[inline(always)]
pub fn isfinite(z: C64) -> bool {
    finite(z)
}

/// `cmath.isnan`.
#[inline(always)]
pub fn isnan(z: C64) -> bool {
    z.re.is_nan() || z.im.is_nan()
}

/// `cmath.isinf`.
#[inline(always)]
pub fn isinf(z: C64) -> bool {
    z.re.is_infinite() || z.im.is_infinite()
}

/// `cmath.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)`; negative tolerances are a
/// `ValueError`.
pub fn isclose_tol(a: C64, b: C64, rel_tol: f64, abs_tol: f64) -> KResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(true);
    }
    if isinf(a) || isinf(b) {
        return Ok(false);
    }
    let diff = py_abs(c(a.re - b.re, a.im - b.im)).0;
    Ok(diff <= rel_tol * py_abs(b).0 || diff <= rel_tol * py_abs(a).0 || diff <= abs_tol)
}

/// `cmath.isclose(a, b)` with the default tolerances (`rel_tol=1e-09`, `abs_tol=0.0`).
#[inline]
pub fn isclose(a: C64, b: C64) -> bool {
    isclose_tol(a, b, 1e-09, 0.0).unwrap_or(false)
}

#[cfg(test)]
mod tests;
