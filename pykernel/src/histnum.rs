//! The numbers `np.histogram` computes its range and bin edges with: Python `int` and
//! `float` (weak in NumPy 2's promotion) and NumPy scalars, with NEP 50 promotion, the
//! comparisons NumPy makes and the texts Python prints for them.

use std::cmp::Ordering;

use crate::error::{KResult, overflow_error};

/// The NumPy dtypes of the histogram's numbers (bool arrays count as uint8).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum Dt {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
}

impl Dt {
    /// An integer type?
    pub fn is_int(self) -> bool {
        !matches!(self, Dt::F32 | Dt::F64)
    }

    fn signed(self) -> bool {
        matches!(self, Dt::I8 | Dt::I16 | Dt::I32 | Dt::I64)
    }

    fn bits(self) -> u32 {
        match self {
            Dt::I8 | Dt::U8 => 8,
            Dt::I16 | Dt::U16 => 16,
            Dt::I32 | Dt::U32 | Dt::F32 => 32,
            _ => 64,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Dt::I8 => "int8",
            Dt::I16 => "int16",
            Dt::I32 => "int32",
            Dt::I64 => "int64",
            Dt::U8 => "uint8",
            Dt::U16 => "uint16",
            Dt::U32 => "uint32",
            Dt::U64 => "uint64",
            Dt::F32 => "float32",
            Dt::F64 => "float64",
        }
    }

    /// The range of an integer type.
    fn int_range(self) -> (i128, i128) {
        let b = self.bits();
        if self.signed() {
            (-(1i128 << (b - 1)), (1i128 << (b - 1)) - 1)
        } else {
            (0, (1i128 << b) - 1)
        }
    }

    /// `i` wrapped into this integer type (C's conversion).
    fn wrap(self, i: i128) -> i128 {
        let b = self.bits();
        let m = i & ((1i128 << b) - 1);
        if self.signed() && m >= 1i128 << (b - 1) {
            m - (1i128 << b)
        } else {
            m
        }
    }

    fn unsigned(self) -> Dt {
        match self {
            Dt::I8 => Dt::U8,
            Dt::I16 => Dt::U16,
            Dt::I32 => Dt::U32,
            Dt::I64 => Dt::U64,
            d => d,
        }
    }
}

/// `numpy.result_type` of two dtypes.
pub fn promote_dt(a: Dt, b: Dt) -> Dt {
    if a == b {
        return a;
    }
    match (a.is_int(), b.is_int()) {
        (true, true) => {
            if a.signed() == b.signed() {
                return if a.bits() >= b.bits() { a } else { b };
            }
            let (s, u) = if a.signed() { (a, b) } else { (b, a) };
            match (u.bits(), s.bits()) {
                (ub, sb) if ub < sb => s,
                (8, _) => Dt::I16,
                (16, _) => Dt::I32,
                (32, _) => Dt::I64,
                _ => Dt::F64,
            }
        }
        (false, false) => Dt::F64,
        _ => {
            let i = if a.is_int() { a } else { b };
            if (a == Dt::F32 || b == Dt::F32) && i.bits() <= 16 {
                Dt::F32
            } else {
                Dt::F64
            }
        }
    }
}

/// A number: a Python `int` or `float` (`weak`), or a NumPy scalar of `dt`. Integers
/// are kept exactly in `i`, floats in `f` (a float32 value exactly).
#[derive(Clone, Copy, Debug)]
pub struct Num {
    /// The dtype (`I64` for a Python `int`, `F64` for a Python `float`).
    pub dt: Dt,
    /// A Python number (weak in promotion).
    pub weak: bool,
    i: i128,
    f: f64,
}

impl Num {
    /// A Python `int`.
    pub fn py_int(i: i64) -> Num {
        Num {
            dt: Dt::I64,
            weak: true,
            i: i as i128,
            f: i as f64,
        }
    }

    /// A Python `float`.
    pub fn py_float(f: f64) -> Num {
        Num {
            dt: Dt::F64,
            weak: true,
            i: 0,
            f,
        }
    }

    /// A NumPy integer scalar of `dt` (the value in range).
    pub fn np_int(dt: Dt, i: i128) -> Num {
        Num {
            dt,
            weak: false,
            i,
            f: i as f64,
        }
    }

    /// A NumPy float scalar of `dt` (a float32 value exactly, for `F32`).
    pub fn np_float(dt: Dt, f: f64) -> Num {
        Num {
            dt,
            weak: false,
            i: 0,
            f,
        }
    }

    /// The value as the float dtype `to` (a float32 as an exact float64).
    pub fn to_float(self, to: Dt) -> f64 {
        match (self.dt.is_int(), to) {
            (true, Dt::F32) => self.i as f32 as f64,
            (true, _) => self.i as f64,
            (false, Dt::F32) => self.f as f32 as f64,
            (false, _) => self.f,
        }
    }

    /// Exactly its integer value (integers only).
    pub fn int(self) -> i128 {
        self.i
    }

    /// `np.isfinite`.
    pub fn is_finite(self) -> bool {
        self.dt.is_int() || self.f.is_finite()
    }

    /// The type of `self op other` (NEP 50: a Python number takes the other's type when
    /// its kind allows).
    pub fn promote(self, other: Num) -> (Dt, bool) {
        match (self.weak, other.weak) {
            (true, true) => {
                if self.dt.is_int() && other.dt.is_int() {
                    (Dt::I64, true)
                } else {
                    (Dt::F64, true)
                }
            }
            (false, false) => (promote_dt(self.dt, other.dt), false),
            _ => {
                let (w, s) = if self.weak {
                    (self, other)
                } else {
                    (other, self)
                };
                if w.dt.is_int() || !s.dt.is_int() {
                    (s.dt, false)
                } else {
                    (Dt::F64, false)
                }
            }
        }
    }

    /// The dtype of an array of `a` combined with this number.
    pub fn with_array(self, a: Dt) -> Dt {
        if !self.weak {
            promote_dt(a, self.dt)
        } else if self.dt.is_int() || !a.is_int() {
            a
        } else {
            Dt::F64
        }
    }

    /// NumPy's comparison: integers exactly, otherwise in the promoted float type.
    pub fn compare(self, other: Num) -> Option<Ordering> {
        if self.dt.is_int() && other.dt.is_int() {
            return Some(self.i.cmp(&other.i));
        }
        let (d, _) = self.promote(other);
        self.to_float(d).partial_cmp(&other.to_float(d))
    }

    /// `self + x` with a Python float `x` (`first_edge - 0.5` in `np.histogram`).
    pub fn add_py_float(self, x: f64) -> Num {
        let (d, weak) = self.promote(Num::py_float(x));
        let v = if d == Dt::F32 {
            (self.to_float(d) as f32 + x as f32) as f64
        } else {
            self.to_float(d) + x
        };
        Num {
            dt: d,
            weak,
            i: 0,
            f: v,
        }
    }

    /// The value converted to the integer type `to` as `np.asarray(x, dtype=to)` does:
    /// a Python int must fit (NumPy's `OverflowError`), a NumPy scalar wraps.
    fn to_int(self, to: Dt) -> KResult<i128> {
        let (lo, hi) = to.int_range();
        if self.weak && !(lo..=hi).contains(&self.i) {
            return Err(overflow_error(format!(
                "Python integer {} out of bounds for {}",
                self.i,
                to.name()
            )));
        }
        Ok(to.wrap(self.i))
    }

    /// `_unsigned_subtract(self, other)` of `np.histogram`: the difference in the
    /// promoted type, in its unsigned variant for signed integers (a NumPy scalar).
    pub fn unsigned_sub(self, other: Num) -> KResult<Num> {
        let (d, _) = self.promote(other);
        if d.is_int() {
            let (a, b) = (self.to_int(d)?, other.to_int(d)?);
            let u = d.unsigned();
            return Ok(Num::np_int(u, u.wrap(a - b)));
        }
        let v = if d == Dt::F32 {
            (self.to_float(d) as f32 - other.to_float(d) as f32) as f64
        } else {
            self.to_float(d) - other.to_float(d)
        };
        Ok(Num::np_float(d, v))
    }

    /// What Python prints for the number (`repr` of a Python number, `str` of a NumPy
    /// scalar): `1`, `0.5`, `inf`, `1e+300`.
    pub fn text(self) -> String {
        match self.dt {
            d if d.is_int() => self.i.to_string(),
            Dt::F32 => float_text(format!("{:e}", self.f as f32)),
            _ => float_text(format!("{:e}", self.f)),
        }
    }
}

/// Python's `repr` of a float from Rust's shortest scientific form (`1.5e-7`):
/// positional from 1e-4 to 1e16, else `1.5e-07`.
fn float_text(sci: String) -> String {
    match sci.as_str() {
        "inf" | "-inf" => return sci,
        "NaN" => return "nan".into(),
        _ => {}
    }
    let (neg, body) = match sci.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", sci.as_str()),
    };
    let (mant, exp) = body.split_once('e').unwrap_or((body, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if digits.len() as i32 <= point {
            format!(
                "{}{}.0",
                digits,
                "0".repeat((point - digits.len() as i32) as usize)
            )
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{a}.{b}")
        };
        format!("{neg}{s}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{neg}{first}{frac}e{sign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_pythons() {
        let t = |f: f64| Num::py_float(f).text();
        assert_eq!(t(1.0), "1.0");
        assert_eq!(t(0.1), "0.1");
        assert_eq!(t(1e16), "1e+16");
        assert_eq!(t(1.5e-5), "1.5e-05");
        assert_eq!(t(0.0001), "0.0001");
        assert_eq!(t(123456789012345.6), "123456789012345.6");
        assert_eq!(t(-0.0), "-0.0");
        assert_eq!(t(f64::NEG_INFINITY), "-inf");
        assert_eq!(t(f64::NAN), "nan");
        assert_eq!(Num::np_float(Dt::F32, 0.1f32 as f64).text(), "0.1");
        assert_eq!(Num::py_int(-3).text(), "-3");
    }

    #[test]
    fn promotion_and_comparison_follow_nep50() {
        let f32s = Num::np_float(Dt::F32, 0.1f32 as f64);
        assert_eq!(f32s.promote(Num::py_float(0.1)), (Dt::F32, false));
        assert_eq!(f32s.compare(Num::py_float(0.1)), Some(Ordering::Equal));
        assert_eq!(
            Num::np_int(Dt::I8, 1).promote(Num::py_float(0.5)),
            (Dt::F64, false)
        );
        assert_eq!(promote_dt(Dt::I64, Dt::U64), Dt::F64);
        assert_eq!(promote_dt(Dt::U8, Dt::I8), Dt::I16);
        assert_eq!(promote_dt(Dt::I16, Dt::F32), Dt::F32);
        let d = Num::np_int(Dt::I8, 127)
            .unsigned_sub(Num::np_int(Dt::I8, -128))
            .unwrap();
        assert_eq!((d.dt, d.int()), (Dt::U8, 255));
        let e = Num::py_int(300).unsigned_sub(Num::np_int(Dt::U8, 1));
        assert_eq!(
            e.unwrap_err().message(),
            "Python integer 300 out of bounds for uint8"
        );
    }
}
