//! The float32 and float64 loops: one module per dtype, one function per ufunc.
//!
//! Arithmetic, comparisons, rounding, `sqrt`, `minimum`/`maximum` and the rest of the
//! non-transcendental loops are NumPy's element semantics bit for bit (NaN propagation
//! and signed zeros included). `exp`, `log` and `arctan2` are the vectorizable versions
//! of `ufunc::vmath` (within 1 ULP of the C library, the same on every CPU); their
//! `*_libm` twins and the other transcendental functions call the
//! platform libm (`std`'s `f64::tan` & co. are glibc's on Linux), which is what NumPy
//! calls for non-contiguous data. For contiguous data NumPy uses its own SIMD code or
//! Intel's SVML on AVX-512 CPUs; all agree within a few ULP (`scripts/check_ufuncs.py`
//! measures it; `docs/guide.md` has the table).

macro_rules! float_loops {
    ($m:ident, $t:ty, $name:literal, $pi:expr, $asinh:path, $acosh:path, $atanh:path,
     $round:path, exp: $exp:path, log: $log:path, atan2: $atan2:path, powi: $powi:path) => {
        #[doc = concat!("The `", $name, "` loops.")]
        pub mod $m {
            /// `np.add`.
            #[inline(always)]
            pub fn add(a: $t, b: $t) -> $t {
                a + b
            }
            /// `np.subtract`.
            #[inline(always)]
            pub fn subtract(a: $t, b: $t) -> $t {
                a - b
            }
            /// `np.multiply`.
            #[inline(always)]
            pub fn multiply(a: $t, b: $t) -> $t {
                a * b
            }
            /// `np.divide` (`/`): IEEE (inf/NaN for a zero divisor).
            #[inline(always)]
            pub fn divide(a: $t, b: $t) -> $t {
                a / b
            }
            /// `np.floor_divide` (`npy_floor_divide`): `a / b` for a zero divisor, else
            /// the floor of the quotient computed from `fmod` as Python does.
            #[inline(always)]
            pub fn floor_divide(a: $t, b: $t) -> $t {
                crate::ops::ffloordiv(a, b)
            }
            /// `np.remainder` (`npy_remainder`): the sign of the divisor; NaN for a zero
            /// divisor.
            #[inline(always)]
            pub fn remainder(a: $t, b: $t) -> $t {
                crate::ops::fmod(a, b)
            }
            /// `np.fmod`: C's `fmod` (the sign of the dividend).
            #[inline(always)]
            pub fn fmod(a: $t, b: $t) -> $t {
                a % b
            }
            /// `np.power` with NumPy's shortcuts for an exponent that is the same for a
            /// whole inner loop (a scalar or broadcast exponent): `-1` is `1 / a`, `0` is
            /// 1, `0.5` is `sqrt(a)`, `1` is `a`, `2` is `a * a`; else `pow`. Use
            /// [`power_varying`] when the exponent changes along the innermost loop.
            #[inline(always)]
            pub fn power(a: $t, b: $t) -> $t {
                if b == -1.0 {
                    1.0 / a
                } else if b == 0.0 {
                    1.0
                } else if b == 0.5 {
                    a.sqrt()
                } else if b == 1.0 {
                    a
                } else if b == 2.0 {
                    a * a
                } else {
                    a.powf(b)
                }
            }
            /// `np.power(a, k)` for a literal integer `k` in `1..=9`: a product, within
            /// 1 ULP of `pow` (see `ufunc::powi`).
            #[inline(always)]
            pub fn power_int(a: $t, k: u32) -> $t {
                $powi(a, k)
            }
            /// `np.power` where the exponent varies along the innermost loop: C's `pow`
            /// for every exponent (`pow(-0.0, 0.5)` is `+0.0`, where the shortcut's
            /// `sqrt` gives `-0.0`).
            #[inline(always)]
            pub fn power_varying(a: $t, b: $t) -> $t {
                a.powf(b)
            }
            /// `np.square`.
            #[inline(always)]
            pub fn square(a: $t) -> $t {
                a * a
            }
            /// `np.reciprocal`.
            #[inline(always)]
            pub fn reciprocal(a: $t) -> $t {
                1.0 / a
            }
            /// `np.negative`.
            #[inline(always)]
            pub fn negative(a: $t) -> $t {
                -a
            }
            /// `np.positive`.
            #[inline(always)]
            pub fn positive(a: $t) -> $t {
                a
            }
            /// `np.conjugate`: the value itself.
            #[inline(always)]
            pub fn conjugate(a: $t) -> $t {
                a
            }
            /// `np.absolute`.
            #[inline(always)]
            pub fn absolute(a: $t) -> $t {
                a.abs()
            }
            /// `np.fabs`.
            #[inline(always)]
            pub fn fabs(a: $t) -> $t {
                a.abs()
            }
            /// `np.sign`: 1, -1, 0 for both zeros, and NaN itself.
            #[inline(always)]
            pub fn sign(a: $t) -> $t {
                if a > 0.0 {
                    1.0
                } else if a < 0.0 {
                    -1.0
                } else if a == 0.0 {
                    0.0
                } else {
                    a
                }
            }
            /// `np.floor`.
            #[inline(always)]
            pub fn floor(a: $t) -> $t {
                a.floor()
            }
            /// `np.ceil`.
            #[inline(always)]
            pub fn ceil(a: $t) -> $t {
                a.ceil()
            }
            /// `np.trunc`.
            #[inline(always)]
            pub fn trunc(a: $t) -> $t {
                a.trunc()
            }
            /// `np.rint`: to nearest, ties to even.
            #[inline(always)]
            pub fn rint(a: $t) -> $t {
                a.round_ties_even()
            }
            /// `np.round(a, decimals)` (NumPy's multiply, `rint`, divide).
            #[inline(always)]
            pub fn round(a: $t, decimals: i64) -> $t {
                $round(a, decimals)
            }
            /// `np.sqrt` (correctly rounded).
            #[inline(always)]
            pub fn sqrt(a: $t) -> $t {
                a.sqrt()
            }
            /// `np.exp`: the vectorizable version (`ufunc::vmath`; within 1 ULP of the C
            /// library's, the same on every CPU).
            #[inline(always)]
            pub fn exp(a: $t) -> $t {
                $exp(a)
            }
            /// `np.exp` by the C library (what NumPy calls for non-contiguous data).
            #[inline(always)]
            pub fn exp_libm(a: $t) -> $t {
                a.exp()
            }
            /// `np.exp2`.
            #[inline(always)]
            pub fn exp2(a: $t) -> $t {
                a.exp2()
            }
            /// `np.expm1`.
            #[inline(always)]
            pub fn expm1(a: $t) -> $t {
                a.exp_m1()
            }
            /// `np.log`: the vectorizable version (`ufunc::vmath`; within 1 ULP of the C
            /// library's, the same on every CPU).
            #[inline(always)]
            pub fn log(a: $t) -> $t {
                $log(a)
            }
            /// `np.log` by the C library (what NumPy calls for non-contiguous data).
            #[inline(always)]
            pub fn log_libm(a: $t) -> $t {
                a.ln()
            }
            /// `np.log2`.
            #[inline(always)]
            pub fn log2(a: $t) -> $t {
                a.log2()
            }
            /// `np.log10`.
            #[inline(always)]
            pub fn log10(a: $t) -> $t {
                a.log10()
            }
            /// `np.log1p`.
            #[inline(always)]
            pub fn log1p(a: $t) -> $t {
                a.ln_1p()
            }
            /// `np.sin` (the C library's; NumPy calls it too for float64).
            #[inline(always)]
            pub fn sin(a: $t) -> $t {
                a.sin()
            }
            /// `np.cos` (the C library's; NumPy calls it too for float64).
            #[inline(always)]
            pub fn cos(a: $t) -> $t {
                a.cos()
            }
            /// `np.tan`.
            #[inline(always)]
            pub fn tan(a: $t) -> $t {
                a.tan()
            }
            /// `np.arcsin`.
            #[inline(always)]
            pub fn arcsin(a: $t) -> $t {
                a.asin()
            }
            /// `np.arccos`.
            #[inline(always)]
            pub fn arccos(a: $t) -> $t {
                a.acos()
            }
            /// `np.arctan`.
            #[inline(always)]
            pub fn arctan(a: $t) -> $t {
                a.atan()
            }
            /// `np.arctan2(y, x)`: the vectorizable version (`ufunc::vmath`).
            #[inline(always)]
            pub fn arctan2(y: $t, x: $t) -> $t {
                $atan2(y, x)
            }
            /// `np.arctan2(y, x)` by the C library.
            #[inline(always)]
            pub fn arctan2_libm(y: $t, x: $t) -> $t {
                y.atan2(x)
            }
            /// `np.sinh`.
            #[inline(always)]
            pub fn sinh(a: $t) -> $t {
                a.sinh()
            }
            /// `np.cosh`.
            #[inline(always)]
            pub fn cosh(a: $t) -> $t {
                a.cosh()
            }
            /// `np.tanh`.
            #[inline(always)]
            pub fn tanh(a: $t) -> $t {
                a.tanh()
            }
            /// `np.arcsinh` (the C library's: `std` computes its own).
            #[inline(always)]
            pub fn arcsinh(a: $t) -> $t {
                $asinh(a)
            }
            /// `np.arccosh`.
            #[inline(always)]
            pub fn arccosh(a: $t) -> $t {
                $acosh(a)
            }
            /// `np.arctanh`.
            #[inline(always)]
            pub fn arctanh(a: $t) -> $t {
                $atanh(a)
            }
            /// `np.hypot` (C's `hypot`).
            #[inline(always)]
            pub fn hypot(a: $t, b: $t) -> $t {
                a.hypot(b)
            }
            /// `np.copysign`.
            #[inline(always)]
            pub fn copysign(a: $t, b: $t) -> $t {
                a.copysign(b)
            }
            /// `np.deg2rad`: `a * (pi / 180)`, the constant in this precision.
            #[inline(always)]
            pub fn deg2rad(a: $t) -> $t {
                a * ($pi / 180.0)
            }
            /// `np.radians`: as `deg2rad`.
            #[inline(always)]
            pub fn radians(a: $t) -> $t {
                deg2rad(a)
            }
            /// `np.rad2deg`: `a * (180 / pi)`, the constant in this precision.
            #[inline(always)]
            pub fn rad2deg(a: $t) -> $t {
                a * (180.0 / $pi)
            }
            /// `np.degrees`: as `rad2deg`.
            #[inline(always)]
            pub fn degrees(a: $t) -> $t {
                rad2deg(a)
            }
            /// `np.maximum`: NaN if `a` is NaN, else `a > b ? a : b` (so NaN in `b`
            /// propagates too, and `maximum(-0.0, 0.0)` is `b`), as NumPy's SIMD loop.
            #[inline(always)]
            pub fn maximum(a: $t, b: $t) -> $t {
                if a.is_nan() || a > b { a } else { b }
            }
            /// `np.minimum`: NaN if `a` is NaN, else `a < b ? a : b`.
            #[inline(always)]
            pub fn minimum(a: $t, b: $t) -> $t {
                if a.is_nan() || a < b { a } else { b }
            }
            /// `np.fmax`: ignores a NaN: `a` if `b` is NaN, else `a > b ? a : b`.
            #[inline(always)]
            pub fn fmax(a: $t, b: $t) -> $t {
                if b.is_nan() || a > b { a } else { b }
            }
            /// `np.fmin`: `a` if `b` is NaN, else `a < b ? a : b`.
            #[inline(always)]
            pub fn fmin(a: $t, b: $t) -> $t {
                if b.is_nan() || a < b { a } else { b }
            }
            /// `np.isnan`.
            #[inline(always)]
            pub fn isnan(a: $t) -> bool {
                a.is_nan()
            }
            /// `np.isinf`.
            #[inline(always)]
            pub fn isinf(a: $t) -> bool {
                a.is_infinite()
            }
            /// `np.isfinite`.
            #[inline(always)]
            pub fn isfinite(a: $t) -> bool {
                a.is_finite()
            }
            /// `np.logical_and` (NaN is true, as in C).
            #[inline(always)]
            pub fn logical_and(a: $t, b: $t) -> bool {
                a != 0.0 && b != 0.0
            }
            /// `np.logical_or`.
            #[inline(always)]
            pub fn logical_or(a: $t, b: $t) -> bool {
                a != 0.0 || b != 0.0
            }
            /// `np.logical_xor`.
            #[inline(always)]
            pub fn logical_xor(a: $t, b: $t) -> bool {
                (a != 0.0) != (b != 0.0)
            }
            /// `np.logical_not`.
            #[inline(always)]
            pub fn logical_not(a: $t) -> bool {
                a == 0.0
            }
            /// `np.greater`.
            #[inline(always)]
            pub fn greater(a: $t, b: $t) -> bool {
                a > b
            }
            /// `np.greater_equal`.
            #[inline(always)]
            pub fn greater_equal(a: $t, b: $t) -> bool {
                a >= b
            }
            /// `np.less`.
            #[inline(always)]
            pub fn less(a: $t, b: $t) -> bool {
                a < b
            }
            /// `np.less_equal`.
            #[inline(always)]
            pub fn less_equal(a: $t, b: $t) -> bool {
                a <= b
            }
            /// `np.equal`.
            #[inline(always)]
            pub fn equal(a: $t, b: $t) -> bool {
                a == b
            }
            /// `np.not_equal`.
            #[inline(always)]
            pub fn not_equal(a: $t, b: $t) -> bool {
                a != b
            }
            /// `np.angle(a)` of a real number: `arctan2(0, a)` (0, pi, or NaN; the sign
            /// of a zero `a` picks 0 or pi).
            #[inline(always)]
            pub fn angle(a: $t) -> $t {
                arctan2(0.0, a)
            }
            /// `np.angle(a, deg=True)`: `angle(a)` times the Python float `180 / pi` in
            /// this precision.
            #[inline(always)]
            pub fn angle_deg(a: $t) -> $t {
                angle(a) * (57.29577951308232f64 as $t)
            }
        }
    };
}

float_loops!(
    f32,
    f32,
    "float32",
    ::core::f32::consts::PI,
    crate::ufunc::libm::asinhf,
    crate::ufunc::libm::acoshf,
    crate::ufunc::libm::atanhf,
    crate::ufunc::round::round_f32,
    exp: crate::ufunc::vmath::exp_f32,
    log: crate::ufunc::vmath::log_f32,
    atan2: crate::ufunc::vmath::atan2_f32,
    powi: crate::ufunc::powi::powi_f32
);
float_loops!(
    f64,
    f64,
    "float64",
    ::core::f64::consts::PI,
    crate::complex::sys::asinh,
    crate::complex::sys::acosh,
    crate::complex::sys::atanh,
    crate::ufunc::round::round_f64,
    exp: crate::ufunc::vmath::exp,
    log: crate::ufunc::vmath::log,
    atan2: crate::ufunc::vmath::atan2,
    powi: crate::ufunc::powi::powi_f64
);
