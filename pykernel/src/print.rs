//! `print(...)` in kernels: values formatted as CPython formats them (`str()` of each
//! argument: floats as `repr`, the shortest text that reads back to the same float,
//! NumPy scalars as NumPy 2's `str`, tuples with `repr` of their items), and the text
//! written to Python's `sys.stdout` when a Python interpreter is running (so that it
//! interleaves with Python's own prints and `redirect_stdout`/pytest's `capsys` see it),
//! to the process's standard output otherwise (kernels called from Rust).

use std::fmt::Write as _;

use crate::complex::{C32, C64};
use crate::error::KResult;

/// The shortest round-trip digits of a float and its decimal exponent, from Rust's
/// `{:e}` (`1.2345e-7` gives `("12345", -7)`): the value is `d.ddd × 10^exp`.
fn digits(text: &str) -> (String, i32) {
    let (mant, exp) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `repr`-style text of a finite, non-negative float given its shortest digits:
/// positional when `lo_exp <= exp < hi_exp`, scientific (`1e+16`, `1.5e-05`) otherwise;
/// `dot0` adds `.0` to integral positional values (Python's `repr`, not `complex`'s).
fn layout(out: &mut String, ds: &str, exp: i32, lo_exp: i32, hi_exp: i32, dot0: bool) {
    if exp < lo_exp || exp >= hi_exp {
        out.push_str(&ds[..1]);
        if ds.len() > 1 {
            out.push('.');
            out.push_str(&ds[1..]);
        }
        let sign = if exp < 0 { '-' } else { '+' };
        let _ = write!(out, "e{sign}{:02}", exp.abs());
        return;
    }
    if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(ds);
        return;
    }
    let int_len = exp as usize + 1;
    if ds.len() <= int_len {
        out.push_str(ds);
        for _ in ds.len()..int_len {
            out.push('0');
        }
        if dot0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&ds[..int_len]);
        out.push('.');
        out.push_str(&ds[int_len..]);
    }
}

/// What a float is, for its text: the sign and the values written without digits.
struct Special {
    nan: bool,
    negative: bool,
    infinite: bool,
    zero: bool,
}

impl Special {
    /// What `x` is.
    fn of(x: f64) -> Self {
        Special {
            nan: x.is_nan(),
            negative: x.is_sign_negative(),
            infinite: x.is_infinite(),
            zero: x == 0.0,
        }
    }

    /// Writes the sign (`+` too with `plus`, inside complex numbers) and a value without
    /// digits (`nan`, `inf`, `0.0` or `0` without `dot0`); `true` when that was the whole
    /// text.
    fn write(&self, out: &mut String, dot0: bool, plus: bool) -> bool {
        if self.nan {
            out.push_str(if plus { "+nan" } else { "nan" });
            return true;
        }
        if self.negative {
            out.push('-');
        } else if plus {
            out.push('+');
        }
        if self.infinite {
            out.push_str("inf");
        } else if self.zero {
            out.push_str(if dot0 { "0.0" } else { "0" });
        }
        self.infinite || self.zero
    }
}

/// A float64 as Python's `repr` (and `str`) writes it: `1.0`, `0.1`, `1e+16`, `1e-05`,
/// `-0.0`, `inf`, `nan`. `dot0: false` is the form inside complex numbers (`1`).
fn f64_text(out: &mut String, x: f64, dot0: bool, plus: bool) {
    if Special::of(x).write(out, dot0, plus) {
        return;
    }
    let a = x.abs();
    let (ds, exp) = digits(&format!("{a:e}"));
    layout(out, &ds, exp, -4, 16, dot0);
}

/// A float32 as NumPy 2's `str(np.float32(x))`: shortest float32 digits, positional
/// for `1e-4 <= |x| < 1e6` (NumPy's threshold for float32), scientific otherwise.
fn f32_text(out: &mut String, x: f32, dot0: bool, plus: bool) {
    // Widening keeps NaN, the sign, infinities and zeros.
    if Special::of(f64::from(x)).write(out, dot0, plus) {
        return;
    }
    let a = x.abs();
    let (ds, exp) = digits(&format!("{a:e}"));
    let wide = f64::from(a);
    if (1e-4..1e6).contains(&wide) {
        layout(out, &ds, exp, i32::MIN, i32::MAX, dot0);
    } else {
        layout(out, &ds, exp, i32::MAX, i32::MAX, dot0);
    }
}

/// Appends `str()` of a Python `float` (or `numpy.float64`).
pub fn fmt_f64(out: &mut String, x: f64) {
    f64_text(out, x, true, false);
}

/// Appends `str()` of a `numpy.float32`.
pub fn fmt_f32(out: &mut String, x: f32) {
    f32_text(out, x, true, false);
}

/// Appends `str()` of an integer (Python `int` or any NumPy integer).
pub fn fmt_int<T: std::fmt::Display>(out: &mut String, x: T) {
    let _ = write!(out, "{x}");
}

/// Appends `str()` of a bool (`True`/`False`).
pub fn fmt_bool(out: &mut String, x: bool) {
    out.push_str(if x { "True" } else { "False" });
}

/// Appends `str()` of a Python `complex` (or `numpy.complex128`): `(1+2j)`, `2j`,
/// `(-0+1j)`, `(1+nanj)`: CPython's `complex_repr`.
pub fn fmt_c64(out: &mut String, z: C64) {
    if z.re == 0.0 && z.re.is_sign_positive() {
        f64_text(out, z.im, false, false);
        out.push('j');
        return;
    }
    out.push('(');
    f64_text(out, z.re, false, false);
    f64_text(out, z.im, false, true);
    out.push_str("j)");
}

/// Appends `str()` of a `numpy.complex64` (float32 digits for each part).
pub fn fmt_c32(out: &mut String, z: C32) {
    if z.re == 0.0 && z.re.is_sign_positive() {
        f32_text(out, z.im, false, false);
        out.push('j');
        return;
    }
    out.push('(');
    f32_text(out, z.re, false, false);
    f32_text(out, z.im, false, true);
    out.push_str("j)");
}

/// Writes `text` as `print` does: to Python's `sys.stdout` when an interpreter runs in
/// this process (taking the GIL for the write), to standard output otherwise.
pub fn print_text(text: &str) -> KResult<()> {
    #[cfg(feature = "pyo3")]
    {
        // SAFETY: a plain query of the interpreter's state.
        if unsafe { pyo3::ffi::Py_IsInitialized() } != 0 {
            return python_write(text);
        }
    }
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            crate::error::KernelError::new(crate::error::ErrorKind::Exception, e.to_string())
        })
}

/// `sys.stdout.write(text)`, as `print` does (nothing when `sys.stdout` is `None`).
#[cfg(feature = "pyo3")]
fn python_write(text: &str) -> KResult<()> {
    use pyo3::prelude::*;
    Python::attach(|py| {
        let sys = py.import("sys")?;
        let stdout = sys.getattr("stdout")?;
        if stdout.is_none() {
            return Ok(());
        }
        stdout.call_method1("write", (text,)).map(|_| ())
    })
    .map_err(|e: PyErr| {
        crate::error::KernelError::new(crate::error::ErrorKind::Exception, e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> String {
        let mut s = String::new();
        fmt_f64(&mut s, x);
        s
    }

    fn g(x: f32) -> String {
        let mut s = String::new();
        fmt_f32(&mut s, x);
        s
    }

    fn c(re: f64, im: f64) -> String {
        let mut s = String::new();
        fmt_c64(&mut s, C64::new(re, im));
        s
    }

    #[test]
    fn floats_as_python_repr() {
        // Each against CPython 3.11's repr().
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e16, "1.5e+16"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.00012345, "0.00012345"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (2.5e-300, "2.5e-300"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (123.456, "123.456"),
            (-2.0 / 3.0, "-0.6666666666666666"),
        ];
        for (x, want) in cases {
            assert_eq!(f(x), want, "{x:e}");
        }
    }

    #[test]
    fn float32_as_numpy_str() {
        // Each against NumPy 2.4's str(np.float32(x)).
        let cases = [
            (0.1f32, "0.1"),
            (1e6, "1e+06"),
            (999999.9, "999999.9"),
            (1e-4, "1e-04"),
            (0.00010001, "0.00010001"),
            (16777216.0, "1.6777216e+07"),
            (123456.7, "123456.7"),
            (3e-5, "3e-05"),
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f32::NAN, "nan"),
            (f32::NEG_INFINITY, "-inf"),
        ];
        for (x, want) in cases {
            assert_eq!(g(x), want, "{x:e}");
        }
    }

    #[test]
    fn complex_as_python_repr() {
        assert_eq!(c(1.0, 2.0), "(1+2j)");
        assert_eq!(c(0.0, 2.0), "2j");
        assert_eq!(c(-0.0, 1.0), "(-0+1j)");
        assert_eq!(c(0.0, -0.0), "-0j");
        assert_eq!(c(-0.0, -0.0), "(-0-0j)");
        assert_eq!(c(1.0, f64::NAN), "(1+nanj)");
        assert_eq!(c(1e16, 1.0), "(1e+16+1j)");
        assert_eq!(c(f64::INFINITY, 0.0), "(inf+0j)");
        assert_eq!(c(1.5, -2.25), "(1.5-2.25j)");
    }
}
