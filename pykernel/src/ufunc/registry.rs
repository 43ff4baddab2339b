//! Every loop of this module by name, type-erased over contiguous buffers: what the
//! accuracy check (`tests/ufunc-check`, `scripts/check_ufuncs.py`) runs against NumPy,
//! and what the tests compare with the translator's list of runtime functions
//! (`loops.txt`). Compiled for tests and with the `ufunc-registry` feature only.

use num_complex::Complex;

use crate::error::KResult;

/// An element type of a loop, read from and written to raw contiguous buffers.
pub trait Elem: Copy {
    /// NumPy's name of the dtype.
    const DTYPE: &'static str;
    /// Element `i` of the buffer at `p`.
    ///
    /// # Safety
    /// `p` points to at least `i + 1` elements of this dtype.
    unsafe fn read(p: *const u8, i: usize) -> Self;
    /// Writes element `i` of the buffer at `p`.
    ///
    /// # Safety
    /// `p` points to at least `i + 1` writable elements of this dtype.
    unsafe fn write(p: *mut u8, i: usize, v: Self);
}

macro_rules! elem {
    ($($t:ty => $name:literal),*) => {$(
        impl Elem for $t {
            const DTYPE: &'static str = $name;
            unsafe fn read(p: *const u8, i: usize) -> Self {
                // SAFETY: the caller guarantees `i + 1` elements at `p`.
                unsafe { (p as *const $t).add(i).read_unaligned() }
            }
            unsafe fn write(p: *mut u8, i: usize, v: Self) {
                // SAFETY: as above.
                unsafe { (p as *mut $t).add(i).write_unaligned(v) }
            }
        }
    )*};
}
elem!(i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64", u8 => "uint8",
      u16 => "uint16", u32 => "uint32", u64 => "uint64", f32 => "float32",
      f64 => "float64", Complex<f32> => "complex64", Complex<f64> => "complex128");

impl Elem for bool {
    const DTYPE: &'static str = "bool";
    unsafe fn read(p: *const u8, i: usize) -> Self {
        // SAFETY: the caller guarantees `i + 1` bytes at `p`; any byte is read as u8.
        unsafe { p.add(i).read() != 0 }
    }
    unsafe fn write(p: *mut u8, i: usize, v: Self) {
        // SAFETY: as above.
        unsafe { p.add(i).write(v as u8) }
    }
}

/// Runs a loop over `n` elements: input buffers, output buffer.
pub type Apply = unsafe fn(ins: &[*const u8], out: *mut u8, n: usize) -> KResult<()>;

/// One loop.
pub struct Entry {
    /// `<types>::<ufunc>`, the path under `ufunc` (`"f32::sin"`).
    pub name: &'static str,
    /// NumPy names of the input dtypes.
    pub ins: &'static [&'static str],
    /// NumPy name of the output dtype.
    pub out: &'static str,
    /// The loop.
    pub apply: Apply,
}

/// Applies `f` elementwise.
///
/// # Safety
/// `ins[0]` and `out` point to `n` elements of their dtypes.
unsafe fn apply1<A: Elem, R: Elem>(
    f: impl Fn(A) -> KResult<R>,
    ins: &[*const u8],
    out: *mut u8,
    n: usize,
) -> KResult<()> {
    for i in 0..n {
        // SAFETY: the caller's contract.
        unsafe { R::write(out, i, f(A::read(ins[0], i))?) };
    }
    Ok(())
}

/// Applies `f` elementwise.
///
/// # Safety
/// `ins[0]`, `ins[1]` and `out` point to `n` elements of their dtypes.
unsafe fn apply2<A: Elem, B: Elem, R: Elem>(
    f: impl Fn(A, B) -> KResult<R>,
    ins: &[*const u8],
    out: *mut u8,
    n: usize,
) -> KResult<()> {
    for i in 0..n {
        // SAFETY: the caller's contract.
        unsafe { R::write(out, i, f(A::read(ins[0], i), B::read(ins[1], i))?) };
    }
    Ok(())
}

macro_rules! entry {
    // Binary, fallible.
    ($m:ident :: $f:ident ($a:ty, $b:ty) -> fallible $r:ty) => {
        Entry {
            name: concat!(stringify!($m), "::", stringify!($f)),
            ins: &[<$a as Elem>::DTYPE, <$b as Elem>::DTYPE],
            out: <$r as Elem>::DTYPE,
            apply: |ins, out, n| unsafe { apply2(|a: $a, b: $b| super::$m::$f(a, b), ins, out, n) },
        }
    };
    // Unary, infallible.
    ($m:ident :: $f:ident ($a:ty) -> $r:ty) => {
        Entry {
            name: concat!(stringify!($m), "::", stringify!($f)),
            ins: &[<$a as Elem>::DTYPE],
            out: <$r as Elem>::DTYPE,
            apply: |ins, out, n| unsafe {
                apply1(|a: $a| Ok::<$r, _>(super::$m::$f(a)), ins, out, n)
            },
        }
    };
    // Binary, infallible.
    ($m:ident :: $f:ident ($a:ty, $b:ty) -> $r:ty) => {
        Entry {
            name: concat!(stringify!($m), "::", stringify!($f)),
            ins: &[<$a as Elem>::DTYPE, <$b as Elem>::DTYPE],
            out: <$r as Elem>::DTYPE,
            apply: |ins, out, n| unsafe {
                apply2(|a: $a, b: $b| Ok::<$r, _>(super::$m::$f(a, b)), ins, out, n)
            },
        }
    };
}

macro_rules! int_entries {
    ($m:ident, $t:ty, power: $($q:tt)?) => {
        [
            entry!($m::add($t, $t) -> $t),
            entry!($m::subtract($t, $t) -> $t),
            entry!($m::multiply($t, $t) -> $t),
            entry!($m::floor_divide($t, $t) -> $t),
            entry!($m::remainder($t, $t) -> $t),
            entry!($m::fmod($t, $t) -> $t),
            entry!($m::power($t, $t) -> $($q)? $t),
            entry!($m::maximum($t, $t) -> $t),
            entry!($m::minimum($t, $t) -> $t),
            entry!($m::fmax($t, $t) -> $t),
            entry!($m::fmin($t, $t) -> $t),
            entry!($m::bitwise_and($t, $t) -> $t),
            entry!($m::bitwise_or($t, $t) -> $t),
            entry!($m::bitwise_xor($t, $t) -> $t),
            entry!($m::left_shift($t, $t) -> $t),
            entry!($m::right_shift($t, $t) -> $t),
            entry!($m::logical_and($t, $t) -> bool),
            entry!($m::logical_or($t, $t) -> bool),
            entry!($m::logical_xor($t, $t) -> bool),
            entry!($m::greater($t, $t) -> bool),
            entry!($m::greater_equal($t, $t) -> bool),
            entry!($m::less($t, $t) -> bool),
            entry!($m::less_equal($t, $t) -> bool),
            entry!($m::equal($t, $t) -> bool),
            entry!($m::not_equal($t, $t) -> bool),
            entry!($m::round($t, i64) -> $t),
            entry!($m::square($t) -> $t),
            entry!($m::reciprocal($t) -> $t),
            entry!($m::negative($t) -> $t),
            entry!($m::positive($t) -> $t),
            entry!($m::conjugate($t) -> $t),
            entry!($m::absolute($t) -> $t),
            entry!($m::sign($t) -> $t),
            entry!($m::floor($t) -> $t),
            entry!($m::ceil($t) -> $t),
            entry!($m::trunc($t) -> $t),
            entry!($m::invert($t) -> $t),
            entry!($m::isnan($t) -> bool),
            entry!($m::isinf($t) -> bool),
            entry!($m::isfinite($t) -> bool),
            entry!($m::logical_not($t) -> bool),
        ]
    };
}

macro_rules! float_entries {
    ($m:ident, $t:ty) => {
        [
            entry!($m::add($t, $t) -> $t),
            entry!($m::subtract($t, $t) -> $t),
            entry!($m::multiply($t, $t) -> $t),
            entry!($m::divide($t, $t) -> $t),
            entry!($m::floor_divide($t, $t) -> $t),
            entry!($m::remainder($t, $t) -> $t),
            entry!($m::fmod($t, $t) -> $t),
            entry!($m::power($t, $t) -> $t),
            entry!($m::power_varying($t, $t) -> $t),
            entry!($m::arctan2($t, $t) -> $t),
            entry!($m::hypot($t, $t) -> $t),
            entry!($m::copysign($t, $t) -> $t),
            entry!($m::maximum($t, $t) -> $t),
            entry!($m::minimum($t, $t) -> $t),
            entry!($m::fmax($t, $t) -> $t),
            entry!($m::fmin($t, $t) -> $t),
            entry!($m::logical_and($t, $t) -> bool),
            entry!($m::logical_or($t, $t) -> bool),
            entry!($m::logical_xor($t, $t) -> bool),
            entry!($m::greater($t, $t) -> bool),
            entry!($m::greater_equal($t, $t) -> bool),
            entry!($m::less($t, $t) -> bool),
            entry!($m::less_equal($t, $t) -> bool),
            entry!($m::equal($t, $t) -> bool),
            entry!($m::not_equal($t, $t) -> bool),
            entry!($m::round($t, i64) -> $t),
            entry!($m::square($t) -> $t),
            entry!($m::reciprocal($t) -> $t),
            entry!($m::negative($t) -> $t),
            entry!($m::positive($t) -> $t),
            entry!($m::conjugate($t) -> $t),
            entry!($m::absolute($t) -> $t),
            entry!($m::fabs($t) -> $t),
            entry!($m::sign($t) -> $t),
            entry!($m::floor($t) -> $t),
            entry!($m::ceil($t) -> $t),
            entry!($m::trunc($t) -> $t),
            entry!($m::rint($t) -> $t),
            entry!($m::sqrt($t) -> $t),
            entry!($m::exp($t) -> $t),
            entry!($m::exp_libm($t) -> $t),
            entry!($m::log_libm($t) -> $t),
            entry!($m::arctan2_libm($t, $t) -> $t),
            entry!($m::exp2($t) -> $t),
            entry!($m::expm1($t) -> $t),
            entry!($m::log($t) -> $t),
            entry!($m::log2($t) -> $t),
            entry!($m::log10($t) -> $t),
            entry!($m::log1p($t) -> $t),
            entry!($m::sin($t) -> $t),
            entry!($m::cos($t) -> $t),
            entry!($m::tan($t) -> $t),
            entry!($m::arcsin($t) -> $t),
            entry!($m::arccos($t) -> $t),
            entry!($m::arctan($t) -> $t),
            entry!($m::sinh($t) -> $t),
            entry!($m::cosh($t) -> $t),
            entry!($m::tanh($t) -> $t),
            entry!($m::arcsinh($t) -> $t),
            entry!($m::arccosh($t) -> $t),
            entry!($m::arctanh($t) -> $t),
            entry!($m::deg2rad($t) -> $t),
            entry!($m::radians($t) -> $t),
            entry!($m::rad2deg($t) -> $t),
            entry!($m::degrees($t) -> $t),
            entry!($m::isnan($t) -> bool),
            entry!($m::isinf($t) -> bool),
            entry!($m::isfinite($t) -> bool),
            entry!($m::logical_not($t) -> bool),
            entry!($m::angle($t) -> $t),
            entry!($m::angle_deg($t) -> $t),
        ]
    };
}

macro_rules! complex_entries {
    ($m:ident, $t:ty, $f:ty) => {
        [
            entry!($m::add($t, $t) -> $t),
            entry!($m::subtract($t, $t) -> $t),
            entry!($m::multiply($t, $t) -> $t),
            entry!($m::divide($t, $t) -> $t),
            entry!($m::power($t, $t) -> $t),
            entry!($m::maximum($t, $t) -> $t),
            entry!($m::minimum($t, $t) -> $t),
            entry!($m::fmax($t, $t) -> $t),
            entry!($m::fmin($t, $t) -> $t),
            entry!($m::logical_and($t, $t) -> bool),
            entry!($m::logical_or($t, $t) -> bool),
            entry!($m::logical_xor($t, $t) -> bool),
            entry!($m::greater($t, $t) -> bool),
            entry!($m::greater_equal($t, $t) -> bool),
            entry!($m::less($t, $t) -> bool),
            entry!($m::less_equal($t, $t) -> bool),
            entry!($m::equal($t, $t) -> bool),
            entry!($m::not_equal($t, $t) -> bool),
            entry!($m::round($t, i64) -> $t),
            entry!($m::square($t) -> $t),
            entry!($m::reciprocal($t) -> $t),
            entry!($m::negative($t) -> $t),
            entry!($m::positive($t) -> $t),
            entry!($m::conjugate($t) -> $t),
            entry!($m::absolute($t) -> $f),
            entry!($m::sign($t) -> $t),
            entry!($m::rint($t) -> $t),
            entry!($m::sqrt($t) -> $t),
            entry!($m::exp($t) -> $t),
            entry!($m::exp2($t) -> $t),
            entry!($m::expm1($t) -> $t),
            entry!($m::log($t) -> $t),
            entry!($m::log2($t) -> $t),
            entry!($m::log10($t) -> $t),
            entry!($m::log1p($t) -> $t),
            entry!($m::sin($t) -> $t),
            entry!($m::cos($t) -> $t),
            entry!($m::tan($t) -> $t),
            entry!($m::arcsin($t) -> $t),
            entry!($m::arccos($t) -> $t),
            entry!($m::arctan($t) -> $t),
            entry!($m::sinh($t) -> $t),
            entry!($m::cosh($t) -> $t),
            entry!($m::tanh($t) -> $t),
            entry!($m::arcsinh($t) -> $t),
            entry!($m::arccosh($t) -> $t),
            entry!($m::arctanh($t) -> $t),
            entry!($m::isnan($t) -> bool),
            entry!($m::isinf($t) -> bool),
            entry!($m::isfinite($t) -> bool),
            entry!($m::logical_not($t) -> bool),
            entry!($m::real($t) -> $f),
            entry!($m::imag($t) -> $f),
            entry!($m::angle($t) -> $f),
            entry!($m::angle_deg($t) -> $f),
        ]
    };
}

type C32 = Complex<f32>;
type C64 = Complex<f64>;

/// Every loop, grouped by its module.
pub static LOOPS: &[&[Entry]] = &[
    &int_entries!(i8, i8, power: fallible),
    &int_entries!(i16, i16, power: fallible),
    &int_entries!(i32, i32, power: fallible),
    &int_entries!(i64, i64, power: fallible),
    &int_entries!(u8, u8, power:),
    &int_entries!(u16, u16, power:),
    &int_entries!(u32, u32, power:),
    &int_entries!(u64, u64, power:),
    &float_entries!(f32, f32),
    &float_entries!(f64, f64),
    &complex_entries!(c64, C32, f32),
    &complex_entries!(c128, C64, f64),
    &[
        entry!(bool::add(bool, bool) -> bool),
        entry!(bool::multiply(bool, bool) -> bool),
        entry!(bool::maximum(bool, bool) -> bool),
        entry!(bool::minimum(bool, bool) -> bool),
        entry!(bool::fmax(bool, bool) -> bool),
        entry!(bool::fmin(bool, bool) -> bool),
        entry!(bool::logical_and(bool, bool) -> bool),
        entry!(bool::logical_or(bool, bool) -> bool),
        entry!(bool::logical_xor(bool, bool) -> bool),
        entry!(bool::bitwise_and(bool, bool) -> bool),
        entry!(bool::bitwise_or(bool, bool) -> bool),
        entry!(bool::bitwise_xor(bool, bool) -> bool),
        entry!(bool::greater(bool, bool) -> bool),
        entry!(bool::greater_equal(bool, bool) -> bool),
        entry!(bool::less(bool, bool) -> bool),
        entry!(bool::less_equal(bool, bool) -> bool),
        entry!(bool::equal(bool, bool) -> bool),
        entry!(bool::not_equal(bool, bool) -> bool),
        entry!(bool::absolute(bool) -> bool),
        entry!(bool::floor(bool) -> bool),
        entry!(bool::ceil(bool) -> bool),
        entry!(bool::trunc(bool) -> bool),
        entry!(bool::isnan(bool) -> bool),
        entry!(bool::isinf(bool) -> bool),
        entry!(bool::isfinite(bool) -> bool),
        entry!(bool::logical_not(bool) -> bool),
        entry!(bool::invert(bool) -> bool),
    ],
    &[
        entry!(vmath::sin_medium(f64) -> f64),
        entry!(vmath::cos_medium(f64) -> f64),
    ],
    &[
        entry!(i64_u64::greater(i64, u64) -> bool),
        entry!(i64_u64::greater_equal(i64, u64) -> bool),
        entry!(i64_u64::less(i64, u64) -> bool),
        entry!(i64_u64::less_equal(i64, u64) -> bool),
        entry!(i64_u64::equal(i64, u64) -> bool),
        entry!(i64_u64::not_equal(i64, u64) -> bool),
        entry!(u64_i64::greater(u64, i64) -> bool),
        entry!(u64_i64::greater_equal(u64, i64) -> bool),
        entry!(u64_i64::less(u64, i64) -> bool),
        entry!(u64_i64::less_equal(u64, i64) -> bool),
        entry!(u64_i64::equal(u64, i64) -> bool),
        entry!(u64_i64::not_equal(u64, i64) -> bool),
    ],
];

/// The loop called `name` (`"f32::sin"`).
pub fn find(name: &str) -> Option<&'static Entry> {
    LOOPS.iter().flat_map(|g| g.iter()).find(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The registry holds exactly the loops the translator can name (`loops.txt`, written
    /// by pykernel-build's tests from `numpy::resolve`), plus `power_varying`, which the
    /// emitter picks itself for exponents that vary along the innermost loop.
    #[test]
    fn every_loop_the_translator_names_exists() {
        let listed: Vec<&str> = include_str!("loops.txt").lines().collect();
        let mut have: Vec<&str> = LOOPS
            .iter()
            .flat_map(|g| g.iter())
            .map(|e| e.name)
            .collect();
        have.sort_unstable();
        let before = have.len();
        have.dedup();
        assert_eq!(before, have.len(), "duplicate registry entries");
        let extra: Vec<String> = ["f32", "f64"]
            .iter()
            .flat_map(|m| {
                ["power_varying", "exp_libm", "log_libm", "arctan2_libm"]
                    .map(|f| format!("{m}::{f}"))
            })
            .collect();
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let listed: Vec<&str> = listed.into_iter().collect();
        let have: Vec<&str> = have
            .into_iter()
            .filter(|n| !n.starts_with("vmath::"))
            .collect();
        let missing: Vec<_> = listed.iter().filter(|n| !have.contains(n)).collect();
        let unlisted: Vec<_> = have
            .iter()
            .filter(|n| !listed.contains(n) && !extra.contains(n))
            .collect();
        assert!(
            missing.is_empty(),
            "loops without a runtime function: {missing:?}"
        );
        assert!(
            unlisted.is_empty(),
            "runtime functions nobody names: {unlisted:?}"
        );
    }

    #[test]
    fn entries_apply_over_buffers() {
        let a = [1.0f64, 4.0, -0.0];
        let mut out = [0.0f64; 3];
        let e = find("f64::sqrt").unwrap();
        assert_eq!((e.ins, e.out), (&["float64"][..], "float64"));
        unsafe { (e.apply)(&[a.as_ptr() as *const u8], out.as_mut_ptr() as *mut u8, 3) }.unwrap();
        assert_eq!(out[..2], [1.0, 2.0]);
        assert!(out[2] == 0.0 && out[2].is_sign_negative());
        let (x, y) = ([2i8, 3], [3i8, -1]);
        let mut r = [0i8; 2];
        let p = find("i8::power").unwrap();
        let ins = [x.as_ptr() as *const u8, y.as_ptr() as *const u8];
        let err = unsafe { (p.apply)(&ins, r.as_mut_ptr() as *mut u8, 2) }.unwrap_err();
        assert_eq!(r[0], 8);
        assert_eq!(
            err.message(),
            "Integers to negative integer powers are not allowed."
        );
    }
}
