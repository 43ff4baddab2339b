//! Values checked against CPython 3.11's `cmath` (bit patterns from `float.hex`).

use super::*;
use crate::error::ErrorKind;
use std::f64::consts::FRAC_PI_2;

fn z(re: f64, im: f64) -> C64 {
    C64 { re, im }
}

/// Asserts bit equality of both parts (so the sign of zero counts), NaN equal to NaN.
fn same(got: C64, want: C64) {
    let eq = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits();
    assert!(
        eq(got.re, want.re) && eq(got.im, want.im),
        "{got:?} != {want:?}"
    );
}

fn kind(r: KResult<C64>) -> ErrorKind {
    r.unwrap_err().kind()
}

#[test]
fn constants_match_cpython_literals() {
    assert_eq!("0.6931471805599453094".parse::<f64>(), Ok(LN_2));
    assert_eq!("2.302585092994045684".parse::<f64>(), Ok(LN_10));
    assert_eq!(special::special_type(-0.0), 2);
    assert_eq!(special::special_type(f64::NEG_INFINITY), 0);
    assert!(INFJ.im.is_infinite() && NANJ.im.is_nan() && TAU == 2.0 * PI);
}

#[test]
fn finite_values() {
    same(sqrt(z(-4.0, 0.0)).unwrap(), z(0.0, 2.0));
    same(sqrt(z(-4.0, -0.0)).unwrap(), z(0.0, -2.0));
    same(sqrt(z(3.0, 4.0)).unwrap(), z(2.0, 1.0));
    same(exp(z(0.0, PI)).unwrap(), z(-1.0, 1.2246467991473532e-16));
    same(log(z(-1.0, 0.0)).unwrap(), z(0.0, PI));
    same(log10(z(100.0, 0.0)).unwrap(), z(2.0, 0.0));
    same(log_base(z(8.0, 0.0), z(2.0, 0.0)).unwrap(), z(3.0, 0.0));
    same(acos(z(2.0, 0.0)).unwrap(), z(0.0, -1.3169578969248166));
    same(asin(z(2.0, 0.0)).unwrap(), z(FRAC_PI_2, 1.3169578969248166));
    same(atan(z(0.0, 0.5)).unwrap(), z(0.0, 0.5493061443340549));
    same(atanh(z(0.5, 0.0)).unwrap(), z(0.5493061443340549, 0.0));
    same(
        asinh(z(1.0, 1.0)).unwrap(),
        z(1.0612750619050357, 0.6662394324925153),
    );
    same(acosh(z(-1.0, 0.0)).unwrap(), z(0.0, PI));
    same(
        sin(z(1.0, 1.0)).unwrap(),
        z(1.2984575814159773, 0.6349639147847361),
    );
    same(
        cos(z(1.0, 1.0)).unwrap(),
        z(0.8337300251311491, -0.9888977057628651),
    );
    same(
        tan(z(1.0, 1.0)).unwrap(),
        z(0.2717525853195118, 1.0839233273386946),
    );
    same(
        tanh(z(1.0, 1.0)).unwrap(),
        z(1.0839233273386946, 0.2717525853195118),
    );
    same(
        cosh(z(1.0, 1.0)).unwrap(),
        z(0.8337300251311491, 0.9888977057628651),
    );
    same(
        exp(z(1.0, 1.0)).unwrap(),
        z(1.4686939399158851, 2.2873552871788423),
    );
    same(rect(2.0, PI / 2.0).unwrap(), z(1.2246467991473532e-16, 2.0));
    assert_eq!(polar(z(0.0, 1.0)), Ok((1.0, PI / 2.0)));
}

#[test]
fn special_values_and_errors() {
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    same(sqrt(z(inf, nan)).unwrap(), z(inf, nan));
    same(exp(z(-inf, nan)).unwrap(), z(0.0, 0.0));
    same(tanh(z(0.0, nan)).unwrap(), z(nan, nan)); // 3.11's table
    same(log_base(z(0.0, 0.0), z(2.0, 0.0)).unwrap(), z(-inf, nan));
    assert_eq!(kind(log(z(0.0, 0.0))), ErrorKind::Value);
    assert_eq!(kind(log_base(z(2.0, 0.0), z(1.0, 0.0))), ErrorKind::Value);
    assert_eq!(kind(atanh(z(1.0, 0.0))), ErrorKind::Value);
    assert_eq!(kind(sin(z(inf, 0.0))), ErrorKind::Value);
    assert_eq!(kind(tanh(z(0.0, inf))), ErrorKind::Value);
    assert_eq!(kind(exp(z(1000.0, 1.0))), ErrorKind::Overflow);
    assert_eq!(kind(cosh(z(1000.0, 0.0))), ErrorKind::Overflow);
    assert_eq!(kind(rect(1.0, inf)), ErrorKind::Value);
    let e = exp(z(1000.0, 1.0)).unwrap_err();
    assert_eq!(e.message(), "math range error");
    // glibc's atan2 underflow sets ERANGE, which CPython reports.
    assert_eq!(
        phase(z(1e300, 5e-324)).unwrap_err().kind(),
        ErrorKind::Overflow
    );
    assert_eq!(
        polar(z(1.5e308, -1.5e308)).unwrap_err().kind(),
        ErrorKind::Overflow
    );
}

#[test]
fn predicates() {
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    assert!(isnan(z(1.0, nan)) && !isnan(z(inf, 1.0)));
    assert!(isinf(z(nan, -inf)) && !isinf(z(nan, 1.0)));
    assert!(isfinite(z(1.0, -0.0)) && !isfinite(z(1.0, nan)));
    assert!(isclose(z(1.0, 1.0), z(1.0, 1.0 + 1e-10)));
    assert!(!isclose(z(1.0, 1.0), z(1.0, 1.0001)));
    assert!(isclose(z(inf, 0.0), z(inf, 0.0)) && !isclose(z(inf, 0.0), z(-inf, 0.0)));
    assert!(!isclose(z(nan, 0.0), z(nan, 0.0)));
    assert_eq!(isclose_tol(z(0.0, 0.0), z(1e-3, 0.0), 0.0, 1e-2), Ok(true));
    assert!(isclose_tol(z(0.0, 0.0), z(0.0, 0.0), -1.0, 0.0).is_err());
}
