//! NumPy 2.4.6's values for the edge cases of each loop family (each checked against
//! NumPy; `scripts/check_ufuncs.py` compares every loop on millions of values).

use num_complex::Complex;

use super::*;

fn bits64(x: ::core::primitive::f64) -> ::core::primitive::u64 {
    x.to_bits()
}

#[test]
fn float_minimum_maximum_propagate_nan_fmin_fmax_ignore_it() {
    let nan = ::core::primitive::f64::NAN;
    assert!(f64::maximum(1.0, nan).is_nan() && f64::maximum(nan, 1.0).is_nan());
    assert_eq!((f64::fmax(1.0, nan), f64::fmax(nan, 1.0)), (1.0, 1.0));
    assert!(f64::fmax(nan, nan).is_nan());
    // NumPy's SIMD loops return the second operand for equal zeros.
    assert_eq!(bits64(f64::maximum(-0.0, 0.0)), bits64(0.0));
    assert_eq!(bits64(f64::maximum(0.0, -0.0)), bits64(-0.0));
    assert_eq!(bits64(f64::fmax(-0.0, 0.0)), bits64(0.0));
    assert_eq!(f32::minimum(2.0, -3.0), -3.0);
}

#[test]
fn float_sign_rounding_and_division() {
    assert_eq!(bits64(f64::sign(-0.0)), bits64(0.0));
    assert!(f64::sign(::core::primitive::f64::NAN).is_nan());
    assert_eq!(f64::sign(-3.0), -1.0);
    assert_eq!(f64::rint(2.5), 2.0);
    assert_eq!(f64::round(1234.5, -1), 1230.0);
    assert_eq!(f32::round(0.125, 2), 0.12);
    assert!(f64::remainder(-7.5, 0.0).is_nan());
    assert_eq!(
        f64::floor_divide(-7.5, 0.0),
        ::core::primitive::f64::NEG_INFINITY
    );
    assert_eq!(
        f64::floor_divide(-1.0, ::core::primitive::f64::INFINITY),
        -1.0
    );
    assert_eq!(
        f64::remainder(-1.0, ::core::primitive::f64::INFINITY),
        ::core::primitive::f64::INFINITY
    );
    assert_eq!(
        (f64::remainder(-7.5, 2.0), f64::fmod(-7.5, 2.0)),
        (0.5, -1.5)
    );
    // float32 constants are computed in float32: deg2rad(180) is pi as a float32.
    assert_eq!(f32::deg2rad(180.0), ::core::f32::consts::PI);
}

#[test]
fn float_power_shortcuts_for_a_constant_exponent() {
    let inf = ::core::primitive::f64::INFINITY;
    assert_eq!(bits64(f64::power(-0.0, 0.5)), bits64(-0.0)); // sqrt
    assert!(f64::power(-inf, 0.5).is_nan());
    assert_eq!(bits64(f64::power_varying(-0.0, 0.5)), bits64(0.0)); // pow
    assert_eq!(f64::power_varying(-inf, 0.5), inf);
    assert_eq!(f64::power(3.0, 2.0), 9.0);
}

#[test]
fn integer_edges() {
    assert_eq!(i32::floor_divide(7, 0), 0);
    assert_eq!(
        i32::floor_divide(::core::primitive::i32::MIN, -1),
        ::core::primitive::i32::MIN
    );
    assert_eq!(i32::remainder(::core::primitive::i32::MIN, -1), 0);
    assert_eq!((i8::fmod(-7, 3), i8::remainder(-7, 3)), (-1, 2));
    assert_eq!(i8::absolute(-128), -128);
    assert_eq!(u8::negative(1), 255);
    assert_eq!(i64::left_shift(1, -1), 0);
    assert_eq!(i64::right_shift(-5, -1), -1);
    assert_eq!(i32::right_shift(-5, 3), -1);
    assert_eq!(u8::left_shift(1, 8), 0);
    assert_eq!(
        [
            i64::reciprocal(0),
            i64::reciprocal(1),
            i64::reciprocal(-1),
            i64::reciprocal(2)
        ],
        [::core::primitive::i64::MIN, 1, -1, 0]
    );
    assert_eq!(i8::reciprocal(0), 0);
    assert_eq!([u16::reciprocal(0), u16::reciprocal(1)], [0, 1]);
    assert_eq!(i8::round(127, -1), -126); // 130.0 cast back to int8 wraps
    assert_eq!(i16::round(-155, -1), -160);
    assert_eq!(i8::power(2, 7), Ok(-128));
    assert!(i8::power(2, -1).is_err());
    assert_eq!(u8::power(3, 5), 243);
}

#[test]
fn mixed_integer_comparisons_are_exact() {
    assert!(i64_u64::less(-1, ::core::primitive::u64::MAX));
    assert!(!u64_i64::equal(1 << 63, ::core::primitive::i64::MIN));
    assert!(u64_i64::greater(1 << 63, ::core::primitive::i64::MAX));
}

#[test]
fn complex_order_sign_and_functions() {
    let c = Complex::new;
    let nan = ::core::primitive::f64::NAN;
    let inf = ::core::primitive::f64::INFINITY;
    // Lexicographic, a NaN imaginary part makes the real-part test false.
    assert!(!c128::less(c(1.0, nan), c(2.0, 0.0)));
    assert!(c128::less(c(1.0, 0.0), c(1.0, 1.0)));
    assert!(c128::maximum(c(1.0, 0.0), c(nan, 0.0)).re.is_nan());
    assert_eq!(c128::sign(c(inf, 1.0)), c(1.0, 0.0));
    assert_eq!(c128::sign(c(3.0, 4.0)), c(0.6, 0.8));
    assert_eq!(c128::sign(c(0.0, -inf)), c(0.0, -1.0));
    assert!(c128::sign(c(inf, inf)).re.is_nan());
    assert_eq!(c128::absolute(c(3.0, 4.0)), 5.0);
    assert_eq!(
        c64::absolute(Complex::new(
            ::core::primitive::f32::INFINITY,
            ::core::primitive::f32::NAN
        )),
        ::core::primitive::f32::INFINITY
    );
    assert_eq!(c128::sqrt(c(-4.0, 0.0)), c(0.0, 2.0));
    assert_eq!(c128::sqrt(c(-4.0, -0.0)), c(0.0, -2.0));
    assert_eq!(c128::angle(c(-1.0, 0.0)), ::core::f64::consts::PI);
    assert_eq!(
        (c128::real(c(1.0, 2.0)), c128::imag(c(1.0, 2.0))),
        (1.0, 2.0)
    );
}

#[test]
fn bool_loops_are_logical() {
    assert!(bool::add(true, true));
    assert!(!bool::multiply(true, false));
    assert!(!bool::invert(true));
    assert!(bool::greater(true, false) && !bool::greater(true, true));
}
