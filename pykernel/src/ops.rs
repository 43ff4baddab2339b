//! Arithmetic with Python (and NumPy for fixed-width types) semantics.
//!
//! Integers wrap like NumPy's fixed-width integers; `//` and `%` floor like Python.
//! Floats follow CPython's float object for `//`, `%` and `**`. Division or modulo by
//! zero follows the type (SPEC 6): on Python ints and floats it is a
//! `ZeroDivisionError` with CPython's message ([`floordiv`], [`py_truediv`], ...); on
//! NumPy scalars it gives NumPy's values (inf/nan for floats, 0 for integers:
//! [`np_floordiv`], [`ffloordiv`], plain `/`).

use crate::error::{ErrorKind, KResult, KernelError, overflow_error, value_error, zero_division};

/// Fixed-width integers with Python-style floor division, modulo and power.
pub trait PyInt: Copy + PartialEq + PartialOrd {
    /// Python `a // b`.
    fn py_floordiv(self, b: Self) -> KResult<Self>;
    /// Python `a % b`.
    fn py_mod(self, b: Self) -> KResult<Self>;
    /// Python `a ** b` (wrapping); a negative exponent is a `ValueError` as in NumPy.
    fn py_pow(self, b: Self) -> KResult<Self>;
    /// NumPy's elementwise `a // b`: 0 when `b == 0` (NumPy warns, never raises).
    fn np_floordiv(self, b: Self) -> Self;
    /// NumPy's elementwise `a % b`: 0 when `b == 0`.
    fn np_mod(self, b: Self) -> Self;
    /// `a << b` as NumPy int64: counts at or past the width give 0; negative counts raise.
    fn py_shl(self, b: Self) -> KResult<Self>;
    /// `a >> b` (arithmetic for signed types).
    fn py_shr(self, b: Self) -> KResult<Self>;
}

/// The ops whose code is the same for signed and unsigned types.
macro_rules! numpy_and_shift_ops {
    ($t:ty) => {
        #[inline(always)]
        fn np_floordiv(self, b: Self) -> Self {
            self.py_floordiv(b).unwrap_or(0)
        }
        #[inline(always)]
        fn np_mod(self, b: Self) -> Self {
            self.py_mod(b).unwrap_or(0)
        }
        #[inline(always)]
        #[allow(unused_comparisons)]
        fn py_shl(self, b: Self) -> KResult<Self> {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            Ok(if (b as u64) >= <$t>::BITS as u64 {
                0
            } else {
                self << (b as u32)
            })
        }
        #[inline(always)]
        #[allow(unused_comparisons)]
        fn py_shr(self, b: Self) -> KResult<Self> {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            let n = (b as u64).min(<$t>::BITS as u64 - 1) as u32;
            Ok(if (b as u64) >= <$t>::BITS as u64 && self >= 0 {
                0
            } else {
                self >> n
            })
        }
    };
}

macro_rules! signed_int {
    ($($t:ty),*) => {$(
        impl PyInt for $t {
            #[inline(always)]
            fn py_floordiv(self, b: Self) -> KResult<Self> {
                // Fast path: both non-negative, where Python and Rust agree (no sign fix
                // on the critical path of loops like Euclid's).
                if self >= 0 && b > 0 {
                    return Ok(self / b);
                }
                if b == 0 {
                    return Err(zero_division("integer division or modulo by zero"));
                }
                let q = self.wrapping_div(b);
                let r = self.wrapping_rem(b);
                Ok(if r != 0 && ((r < 0) != (b < 0)) { q.wrapping_sub(1) } else { q })
            }
            #[inline(always)]
            fn py_mod(self, b: Self) -> KResult<Self> {
                if self >= 0 && b > 0 {
                    return Ok(self % b);
                }
                if b == 0 {
                    return Err(zero_division("integer modulo by zero"));
                }
                let r = self.wrapping_rem(b);
                Ok(if r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r })
            }
            #[inline(always)]
            fn py_pow(self, b: Self) -> KResult<Self> {
                if b < 0 {
                    return Err(value_error("Integers to negative integer powers are not allowed."));
                }
                // std's square-and-multiply stops early and multiplies only on set bits.
                Ok(match u32::try_from(b) {
                    Ok(e) => self.wrapping_pow(e),
                    Err(_) => wrapping_pow_u64!(self, b as u64),
                })
            }
            numpy_and_shift_ops!($t);
        }
    )*};
}

macro_rules! unsigned_int {
    ($($t:ty),*) => {$(
        impl PyInt for $t {
            #[inline(always)]
            fn py_floordiv(self, b: Self) -> KResult<Self> {
                if b == 0 {
                    return Err(zero_division("integer division or modulo by zero"));
                }
                Ok(self / b)
            }
            #[inline(always)]
            fn py_mod(self, b: Self) -> KResult<Self> {
                if b == 0 {
                    return Err(zero_division("integer modulo by zero"));
                }
                Ok(self % b)
            }
            #[inline(always)]
            fn py_pow(self, b: Self) -> KResult<Self> {
                Ok(match u32::try_from(b) {
                    Ok(e) => self.wrapping_pow(e),
                    Err(_) => wrapping_pow_u64!(self, b as u64),
                })
            }
            numpy_and_shift_ops!($t);
        }
    )*};
}

macro_rules! wrapping_pow_u64 {
    ($base:expr, $exp:expr) => {{
        let mut base = $base;
        let mut exp: u64 = $exp;
        let mut acc = 1;
        while exp > 0 {
            if exp & 1 == 1 {
                acc = base.wrapping_mul(acc);
            }
            exp >>= 1;
            if exp > 0 {
                base = base.wrapping_mul(base);
            }
        }
        acc
    }};
}

signed_int!(i8, i16, i32, i64);
unsigned_int!(u8, u16, u32, u64);

/// Floats with CPython's `//`, `%` and `**`.
pub trait PyFloat: Copy {
    /// `a // b` (CPython's float floor division; IEEE result when `b == 0`).
    fn py_floordiv(self, b: Self) -> Self;
    /// `a % b` (sign of the divisor; NaN when `b == 0`).
    fn py_mod(self, b: Self) -> Self;
    /// `a ** b` with CPython's float rules (errors for `0.0 ** -1`, overflow, and
    /// negative bases with fractional exponents, whose Python result is complex).
    fn py_pow(self, b: Self) -> KResult<Self>;
}

macro_rules! float_impl {
    ($($t:ty),*) => {$(
        impl PyFloat for $t {
            #[inline(always)]
            fn py_floordiv(self, b: Self) -> Self {
                if b == 0.0 {
                    return self / b;
                }
                float_divmod!($t, self, b).0
            }
            #[inline(always)]
            fn py_mod(self, b: Self) -> Self {
                if b == 0.0 {
                    return <$t>::NAN;
                }
                float_divmod!($t, self, b).1
            }
            fn py_pow(self, b: Self) -> KResult<Self> {
                if b == 0.0 || self == 1.0 {
                    return Ok(1.0);
                }
                if self.is_nan() || b.is_nan() {
                    return Ok(<$t>::NAN);
                }
                if self == 0.0 && b < 0.0 && b.is_finite() {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                if self < 0.0 && self.is_finite() && b.is_finite() && b.fract() != 0.0 {
                    return Err(value_error(
                        "negative number cannot be raised to a fractional power (the Python result is complex)",
                    ));
                }
                let r = self.powf(b);
                if r.is_infinite() && self.is_finite() && b.is_finite() {
                    return Err(overflow_error("(34, 'Numerical result out of range')"));
                }
                Ok(r)
            }
        }
    )*};
}

/// CPython's `float_divmod` (Objects/floatobject.c), for a non-zero divisor.
macro_rules! float_divmod {
    ($t:ty, $vx:expr, $wx:expr) => {{
        let (vx, wx): ($t, $t) = ($vx, $wx);
        let mut m = vx % wx;
        let mut div = (vx - m) / wx;
        if m != 0.0 {
            if (wx < 0.0) != (m < 0.0) {
                m += wx;
                div -= 1.0;
            }
        } else {
            m = (0.0 as $t).copysign(wx);
        }
        let floordiv = if div != 0.0 {
            let mut f = div.floor();
            if div - f > 0.5 {
                f += 1.0;
            }
            f
        } else {
            (0.0 as $t).copysign(vx / wx)
        };
        (floordiv, m)
    }};
}

float_impl!(f32, f64);

/// `a // b` for integers, Python semantics.
#[inline(always)]
pub fn floordiv<T: PyInt>(a: T, b: T) -> KResult<T> {
    a.py_floordiv(b)
}

/// `a % b` for integers, Python semantics.
#[inline(always)]
pub fn modulo<T: PyInt>(a: T, b: T) -> KResult<T> {
    a.py_mod(b)
}

/// Python `a // b` for a divisor known to be positive (checked before the loop): no
/// error path, and plain division for a non-negative dividend.
#[inline(always)]
pub fn floordiv_pos(a: i64, b: i64) -> i64 {
    if a >= 0 { a / b } else { a.div_euclid(b) }
}

/// Python `a % b` for a divisor known to be positive; see [`floordiv_pos`].
#[inline(always)]
pub fn mod_pos(a: i64, b: i64) -> i64 {
    if a >= 0 { a % b } else { a.rem_euclid(b) }
}

/// NumPy elementwise `a // b` for integers.
#[inline(always)]
pub fn np_floordiv<T: PyInt>(a: T, b: T) -> T {
    a.np_floordiv(b)
}

/// NumPy elementwise `a % b` for integers.
#[inline(always)]
pub fn np_mod<T: PyInt>(a: T, b: T) -> T {
    a.np_mod(b)
}

/// `a << b` for integers.
#[inline(always)]
pub fn shl<T: PyInt>(a: T, b: T) -> KResult<T> {
    a.py_shl(b)
}

/// `a >> b` for integers.
#[inline(always)]
pub fn shr<T: PyInt>(a: T, b: T) -> KResult<T> {
    a.py_shr(b)
}

/// `a ** b` for integers, wrapping.
#[inline(always)]
pub fn ipow<T: PyInt>(a: T, b: T) -> KResult<T> {
    a.py_pow(b)
}

/// `a // b` for floats.
#[inline(always)]
pub fn ffloordiv<T: PyFloat>(a: T, b: T) -> T {
    a.py_floordiv(b)
}

/// `a % b` for floats.
#[inline(always)]
pub fn fmod<T: PyFloat>(a: T, b: T) -> T {
    a.py_mod(b)
}

/// A `ZeroDivisionError` with CPython's message. A checked division carries only a
/// comparison and a branch that is never taken in practice (LLVM lays out `b == 0.0` as
/// the unlikely side). The error is built in place: a call to an out-of-line `#[cold]`
/// constructor would clobber the float registers, and LLVM then keeps a loop's values in
/// memory around it (`bench/kernels/loops.py`'s `newton_sqrt_sum`, whose `x / y` has a
/// loop-carried divisor: 43.4 ms with the call, 42.0 ms so, as hand-written Rust with
/// the same check, against 37.0 ms without any check).
#[inline(always)]
fn division_by_zero(msg: &'static str) -> KernelError {
    KernelError::new(ErrorKind::ZeroDivision, msg)
}

/// Python `a / b` where either operand is a Python float: `ZeroDivisionError` for a zero
/// divisor, as CPython (NumPy floats give inf/nan: plain `/`).
#[inline(always)]
pub fn py_truediv(a: f64, b: f64) -> KResult<f64> {
    if b == 0.0 {
        return Err(division_by_zero("float division by zero"));
    }
    Ok(a / b)
}

/// Python `a / b` of two Python ints (or bools), already converted to floats:
/// `ZeroDivisionError` for a zero divisor, with CPython's int message.
#[inline(always)]
pub fn py_int_truediv(a: f64, b: f64) -> KResult<f64> {
    if b == 0.0 {
        return Err(division_by_zero("division by zero"));
    }
    Ok(a / b)
}

/// Python float `a // b`: `ZeroDivisionError` for a zero divisor.
#[inline(always)]
pub fn py_ffloordiv(a: f64, b: f64) -> KResult<f64> {
    if b == 0.0 {
        return Err(division_by_zero("float floor division by zero"));
    }
    Ok(a.py_floordiv(b))
}

/// Python float `a % b`: `ZeroDivisionError` for a zero divisor.
#[inline(always)]
pub fn py_fmod(a: f64, b: f64) -> KResult<f64> {
    if b == 0.0 {
        return Err(division_by_zero("float modulo"));
    }
    Ok(a.py_mod(b))
}

/// Python `divmod(a, b)` on floats: `ZeroDivisionError` for a zero divisor.
#[inline(always)]
pub fn py_fdivmod(a: f64, b: f64) -> KResult<(f64, f64)> {
    if b == 0.0 {
        return Err(division_by_zero("float divmod()"));
    }
    Ok(float_divmod!(f64, a, b))
}

/// `a ** b` for Python floats.
#[inline(always)]
pub fn fpow<T: PyFloat>(a: T, b: T) -> KResult<T> {
    a.py_pow(b)
}

/// `round(x, n)` of a NumPy float scalar: NumPy's algorithm (`rint(x * 10**n) / 10**n`,
/// or `rint(x / 10**-n) * 10**-n`), in the scalar's own precision.
pub trait NpRound: Sized {
    /// The rounded value.
    fn np_round_digits(self, n: i64) -> Self;
}

impl NpRound for f64 {
    fn np_round_digits(self, n: i64) -> f64 {
        let f = 10f64.powi(n.unsigned_abs().min(400) as i32);
        if n >= 0 {
            (self * f).round_ties_even() / f
        } else {
            (self / f).round_ties_even() * f
        }
    }
}

impl NpRound for f32 {
    fn np_round_digits(self, n: i64) -> f32 {
        let f = 10f64.powi(n.unsigned_abs().min(400) as i32) as f32;
        if n >= 0 {
            (self * f).round_ties_even() / f
        } else {
            (self / f).round_ties_even() * f
        }
    }
}

/// A Python int meeting a NumPy integer of a narrower type (NEP 50): it must fit, or
/// NumPy raises `OverflowError` ("Python integer 1000 out of bounds for int8").
#[inline(always)]
pub fn weak_int<T: TryFrom<i64>>(v: i64, dtype: &'static str) -> KResult<T> {
    T::try_from(v).map_err(|_| weak_int_error(v, dtype))
}

/// A Python int bound of `np.clip` on integers of type `T`: saturated to `T`'s range
/// (NumPy clips with out-of-range bounds rather than raising).
#[inline]
pub fn saturate_int<T: TryFrom<i64> + Bounded>(v: i64) -> T {
    T::try_from(v).unwrap_or(if v < 0 { T::MIN } else { T::MAX })
}

/// The extreme values of an integer type.
pub trait Bounded {
    /// The smallest value.
    const MIN: Self;
    /// The largest value.
    const MAX: Self;
}

macro_rules! bounded {
    ($($t:ty),*) => {$(
        impl Bounded for $t {
            const MIN: Self = <$t>::MIN;
            const MAX: Self = <$t>::MAX;
        }
    )*};
}
bounded!(i8, i16, i32, i64, u8, u16, u32, u64);

#[cold]
fn weak_int_error(v: i64, dtype: &str) -> KernelError {
    overflow_error(format!("Python integer {v} out of bounds for {dtype}"))
}

/// `int(x)` for a float: truncation toward zero, with CPython's errors.
#[inline(always)]
pub fn float_to_int(x: f64) -> KResult<i64> {
    // -2**63 <= x < 2**63 (false for NaN and infinities): then trunc(x) fits in i64.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if (-LIMIT..LIMIT).contains(&x) {
        // SAFETY: checked just above: finite and in range after truncation.
        return Ok(unsafe { x.to_int_unchecked::<i64>() });
    }
    Err(float_to_int_error(x))
}

#[cold]
fn float_to_int_error(x: f64) -> KernelError {
    if x.is_nan() {
        value_error("cannot convert float NaN to integer")
    } else if x.is_infinite() {
        overflow_error("cannot convert float infinity to integer")
    } else {
        overflow_error("Python int too large to convert to int64")
    }
}

/// Do `na` elements of `T` from `a` and `nb` elements of `U` from `b` share no byte?
/// (Lane loops run on slices only when written lanes overlap nothing else.)
#[inline(always)]
pub fn lanes_disjoint<T, U>(a: *const T, na: usize, b: *const U, nb: usize) -> bool {
    let (a0, b0) = (a as usize, b as usize);
    let a1 = a0.wrapping_add(na.wrapping_mul(size_of::<T>()));
    let b1 = b0.wrapping_add(nb.wrapping_mul(size_of::<U>()));
    a1 <= b0 || b1 <= a0
}

/// `np.ndindex` of this shape: is it empty (a dimension is 0)? NumPy's `ValueError` for
/// a negative dimension.
pub fn ndindex_empty(shape: &[i64]) -> KResult<bool> {
    if shape.iter().any(|&d| d < 0) {
        return Err(value_error("negative dimensions are not allowed"));
    }
    Ok(shape.contains(&0))
}

/// Number of iterations of `range(start, stop, step)`; `step == 0` is a `ValueError`.
#[inline(always)]
pub fn range_len(start: i64, stop: i64, step: i64) -> KResult<u64> {
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    let (lo, hi, s) = if step > 0 {
        (start, stop, step)
    } else {
        (stop, start, step.wrapping_neg())
    };
    if lo >= hi {
        return Ok(0);
    }
    // Differences fit in u64 even for extreme i64 bounds.
    let diff = (hi as i128 - lo as i128) as u128;
    let s = (s as u64 as u128).max(1);
    Ok(((diff - 1) / s + 1) as u64)
}

/// Python's index normalisation: negative counts from the end; out of range is an `IndexError`.
#[inline(always)]
pub fn index(i: i64, len: usize) -> KResult<usize> {
    // The common case first: one unsigned comparison (a negative `i` is huge as a u64).
    if (i as u64) < len as u64 {
        return Ok(i as usize);
    }
    index_from_end(i, len)
}

/// The position of a negative index `i` counted from the end of `len` items, or `None`
/// when out of range. Inline, with the callers' errors out of line: a call that returns
/// into a loop (for every negative index) would make LLVM keep the loop's float
/// accumulators in memory, since calls clobber every vector register.
#[inline(always)]
pub(crate) fn negative_index(i: i64, len: usize) -> Option<usize> {
    let j = i.wrapping_add(len as i64);
    (i < 0 && j >= 0).then_some(j as usize)
}

#[inline(always)]
fn index_from_end(i: i64, len: usize) -> KResult<usize> {
    negative_index(i, len).ok_or_else(index_out_of_range)
}

#[cold]
#[inline(never)]
fn index_out_of_range() -> KernelError {
    KernelError::new(ErrorKind::Index, "index out of range")
}

/// Python's slice rules (`PySlice_AdjustIndices`): the first index, the step and the
/// number of elements of `seq[start:stop:step]` on a sequence of `len` elements.
#[inline(always)]
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> KResult<(i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(crate::error::value_error("slice step cannot be zero"));
    }
    let n = len as i64;
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(v) if v < 0 => (v.saturating_add(n)).max(lo),
        Some(v) => v.min(hi),
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0, 0, n), adjust(stop, n, 0, n))
    } else {
        (adjust(start, n - 1, -1, n - 1), adjust(stop, -1, -1, n - 1))
    };
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / -(step.max(-i64::MAX)) + 1
    } else {
        0
    };
    Ok((start, step, count as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_to_int_truncates_with_cpythons_errors() {
        assert_eq!(float_to_int(9.99), Ok(9));
        assert_eq!(float_to_int(-9.99), Ok(-9));
        assert_eq!(float_to_int(-0.5), Ok(0));
        assert_eq!(float_to_int(-9_223_372_036_854_775_808.0), Ok(i64::MIN));
        assert_eq!(
            float_to_int(9_223_372_036_854_774_784.0),
            Ok(9_223_372_036_854_774_784)
        );
        let e = |x: f64| float_to_int(x).unwrap_err().kind();
        assert_eq!(e(9_223_372_036_854_775_808.0), ErrorKind::Overflow);
        assert_eq!(e(-9_223_372_036_854_777_856.0), ErrorKind::Overflow);
        assert_eq!(e(f64::NAN), ErrorKind::Value);
        assert_eq!(e(f64::NEG_INFINITY), ErrorKind::Overflow);
    }

    #[test]
    fn int_floor_semantics() {
        assert_eq!(floordiv(-7i64, 2), Ok(-4));
        assert_eq!(modulo(-7i64, 3), Ok(2));
        assert_eq!(modulo(-7i64, -3), Ok(-1));
        assert_eq!(modulo(7i64, -3), Ok(-2));
        assert_eq!(floordiv(7i64, -2), Ok(-4));
        assert_eq!(floordiv(i64::MIN, -1), Ok(i64::MIN));
        assert_eq!(
            floordiv(1i64, 0).unwrap_err().kind(),
            ErrorKind::ZeroDivision
        );
        assert_eq!(floordiv(7u8, 2), Ok(3));
    }

    #[test]
    fn python_float_division_by_zero_raises_with_cpythons_messages() {
        let msg = |r: KResult<f64>| r.unwrap_err().message().to_owned();
        assert_eq!(msg(py_truediv(1.0, 0.0)), "float division by zero");
        assert_eq!(msg(py_truediv(1.0, -0.0)), "float division by zero");
        assert_eq!(msg(py_int_truediv(0.0, 0.0)), "division by zero");
        assert_eq!(msg(py_ffloordiv(-1.0, 0.0)), "float floor division by zero");
        assert_eq!(msg(py_fmod(f64::NAN, 0.0)), "float modulo");
        let e = py_fdivmod(1.0, 0.0).unwrap_err();
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::ZeroDivision, "float divmod()")
        );
        assert_eq!(py_truediv(1.0, 4.0), Ok(0.25));
        assert!(py_truediv(1.0, f64::NAN).unwrap().is_nan());
        assert_eq!(py_ffloordiv(-7.5, 2.0), Ok(-4.0));
        assert_eq!(py_fmod(-7.5, 2.0), Ok(0.5));
        assert_eq!(py_fdivmod(-7.5, 2.0), Ok((-4.0, 0.5)));
        assert_eq!(py_fdivmod(-0.0, 5.0), Ok((-0.0, 0.0)));
        // NumPy's scalars: inf/nan, and 0 for integers.
        assert_eq!(ffloordiv(-1.0f64, 0.0), f64::NEG_INFINITY);
        assert!(fmod(1.0f32, 0.0).is_nan());
        assert_eq!(np_floordiv(7i32, 0), 0);
        assert_eq!(np_mod(7u8, 0), 0);
    }

    #[test]
    fn float_floor_semantics() {
        assert_eq!(fmod(-7.5f64, 2.0), 0.5);
        assert_eq!(ffloordiv(-7.5f64, 2.0), -4.0);
        assert_eq!(fmod(7.5f64, -2.0), -0.5);
        assert!(fmod(1.0f64, 0.0).is_nan());
        assert_eq!(ffloordiv(1.0f64, 0.0), f64::INFINITY);
        assert!(fmod(-0.0f64, 2.0).is_sign_positive());
    }

    #[test]
    fn powers() {
        assert_eq!(ipow(3i64, 4), Ok(81));
        assert_eq!(ipow(2i64, 64), Ok(0));
        assert!(ipow(2i64, -1).is_err());
        assert_eq!(fpow(2.0f64, -1.0), Ok(0.5));
        assert_eq!(
            fpow(0.0f64, -1.0).unwrap_err().kind(),
            ErrorKind::ZeroDivision
        );
        assert_eq!(
            fpow(-8.0f64, 1.0 / 3.0).unwrap_err().kind(),
            ErrorKind::Value
        );
        assert_eq!(
            fpow(10.0f64, 400.0).unwrap_err().kind(),
            ErrorKind::Overflow
        );
    }

    #[test]
    fn ndindex_shapes() {
        assert_eq!(ndindex_empty(&[]), Ok(false));
        assert_eq!(ndindex_empty(&[2, 3]), Ok(false));
        assert_eq!(ndindex_empty(&[2, 0, 3]), Ok(true));
        assert!(ndindex_empty(&[0, -1]).is_err());
    }

    #[test]
    fn shifts_and_numpy_division() {
        assert_eq!(shl(1i64, 70), Ok(0));
        assert_eq!(shr(-8i64, 100), Ok(-1));
        assert_eq!(shr(-8i64, 1), Ok(-4));
        assert!(shl(1i64, -1).is_err());
        assert_eq!(np_floordiv(7i64, 0), 0);
        assert_eq!(np_mod(-7i32, 3), 2);
    }

    #[test]
    fn ranges() {
        assert_eq!(range_len(0, 10, 1), Ok(10));
        assert_eq!(range_len(10, 0, -3), Ok(4));
        assert_eq!(range_len(0, 0, 1), Ok(0));
        assert_eq!(range_len(5, 0, 1), Ok(0));
        assert!(range_len(0, 1, 0).is_err());
        assert_eq!(range_len(i64::MIN, i64::MAX, 1), Ok(u64::MAX));
    }

    #[test]
    fn indices() {
        assert_eq!(index(-1, 3), Ok(2));
        assert!(index(3, 3).is_err());
        assert!(index(-4, 3).is_err());
        assert_eq!(float_to_int(-2.7), Ok(-2));
        assert!(float_to_int(f64::NAN).is_err());
        assert!(float_to_int(1e19).is_err());
    }
}

/// `pow(a, b, m)` for ints: modular power with Python's sign rules (the result has
/// the sign of `m`); a negative `b` uses the modular inverse, as Python 3.8+.
pub fn pow_mod(a: i64, b: i64, m: i64) -> KResult<i64> {
    if m == 0 {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let mm = (m as i128).abs();
    let mut base = (a as i128).rem_euclid(mm);
    if b < 0 {
        base = mod_inverse(base, mm)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
    }
    let mut e = (b as i128).unsigned_abs();
    let mut acc: i128 = 1 % mm;
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * base % mm;
        }
        base = base * base % mm;
        e >>= 1;
    }
    // Python: the result takes the sign of the modulus.
    Ok(if m < 0 && acc != 0 {
        (acc - mm) as i64
    } else {
        acc as i64
    })
}

fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a, m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    (old_r == 1).then(|| old_s.rem_euclid(m))
}

/// `round(x)` for a float: to the nearest int, ties to even (Python 3).
#[inline(always)]
pub fn round_float(x: f64) -> KResult<i64> {
    float_to_int(x.round_ties_even())
}

/// `round(x, n)` for a float: correctly rounded to `n` decimals, as CPython (which
/// rounds the exact binary value, ties to even).
pub fn round_float_digits(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n >= 0 {
        // Past 17 significant decimals every double is already exact at that precision.
        if n > 330 {
            return x;
        }
        // Rust's `{:.n}` is exact decimal rounding of the binary value, ties to even.
        return format!("{:.*}", n as usize, x).parse::<f64>().unwrap_or(x);
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    let p = 10f64.powi((-n) as i32);
    let y = (x / p).round_ties_even() * p;
    if y.is_infinite() { x } else { y }
}

/// `round(x, n)` for an int: unchanged for `n >= 0`, else to a multiple of `10**-n`,
/// ties to even.
pub fn round_int_digits(x: i64, n: i64) -> i64 {
    if n >= 0 {
        return x;
    }
    if n < -18 {
        return 0;
    }
    let p = 10i64.pow((-n) as u32);
    let r = x.rem_euclid(p);
    let down = x - r;
    let twice = 2 * (r as i128);
    if twice > p as i128 || (twice == p as i128 && (down / p) % 2 != 0) {
        down.wrapping_add(p)
    } else {
        down
    }
}

#[cfg(test)]
mod round_tests {
    use super::*;

    #[test]
    fn rounding_like_python() {
        assert_eq!(round_float(2.5), Ok(2));
        assert_eq!(round_float(-0.5), Ok(0));
        assert_eq!(round_float(3.5), Ok(4));
        assert_eq!(round_float_digits(0.125, 2), 0.12);
        assert_eq!(round_float_digits(2.675, 2), 2.67);
        assert_eq!(round_float_digits(1234.5, -1), 1230.0);
        assert_eq!(round_int_digits(1250, -2), 1200);
        assert_eq!(round_int_digits(1350, -2), 1400);
        assert_eq!(round_int_digits(-1250, -2), -1200);
        assert_eq!(round_int_digits(15, -1), 20);
    }

    #[test]
    fn modular_powers_like_python() {
        assert_eq!(pow_mod(3, 4, 5), Ok(1));
        assert_eq!(pow_mod(-3, 3, 7), Ok(1)); // -27 % 7
        assert_eq!(pow_mod(3, 3, -7), Ok(-1)); // 27 % -7
        assert_eq!(pow_mod(3, -1, 7), Ok(5));
        assert!(pow_mod(2, -1, 4).is_err());
        assert!(pow_mod(2, 3, 0).is_err());
        assert_eq!(pow_mod(5, 0, 1), Ok(0));
    }
}
