//! Division and modulo by a divisor that may be zero: the one place that decides whether
//! a `/`, `//`, `%` or `divmod` checks its divisor.
//!
//! SPEC 6: on Python ints and floats, division by zero raises `ZeroDivisionError` with
//! CPython's message; on NumPy scalars it gives NumPy's values (inf/nan for floats, 0
//! for integers). The check is a comparison and a cold branch (the runtime's
//! `py_truediv` & co. build the error out of line).
//!
//! [`FnEmitter::division_mode`] says, per divisor, whether the check can be left out:
//! for non-zero literals, and for divisors the bounds analysis (`crate::analysis`)
//! proved non-zero (a float fixed before the loop) or positive (an integer it can bound)
//! with one check before the loop. Every division by it (`l / d`, `l // d`, `l % d`,
//! `x /= d`, `divmod(l, d)`) then emits the unchecked form; integer `//` and `%` by a
//! positive divisor also skip the sign fix-up when the dividend is non-negative.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::expr::Mode;
use crate::analysis::Fact;
use crate::ir::{BinOp, Expr, ExprKind, UnaryOp};
use crate::types::{Scalar, kind};

impl FnEmitter<'_> {
    /// How a division (or modulo) by `divisor` in scalar code is emitted: checked for
    /// zero ([`Mode::Python`]) unless the divisor is known to be non-zero.
    pub(crate) fn division_mode(&self, divisor: &Expr) -> Mode {
        if self.proven.contains(&Fact::Positive(divisor.id)) {
            Mode::PythonPositiveDivisor
        } else if is_nonzero_literal(divisor) || self.proven.contains(&Fact::NonZero(divisor.id)) {
            Mode::PythonNonZeroDivisor
        } else {
            Mode::Python
        }
    }
}

/// A number literal other than zero (`2`, `0.5`, `-3.0`).
fn is_nonzero_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(k) => *k != 0,
        ExprKind::Float(x) => *x != 0.0,
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos, a) => is_nonzero_literal(a),
        _ => false,
    }
}

/// Python `l op r` (`/`, `//`, `%`) with a float result and Python scalar operands
/// (`ls`, `rs`), operands already converted to float64: `ZeroDivisionError` for a zero
/// divisor with CPython's message (`/` of two ints says "division by zero", of floats
/// "float division by zero"), unless `mode` says the divisor is non-zero. `None` for
/// other operators.
pub(crate) fn python_float_division(
    op: BinOp,
    l: &TokenStream,
    ls: Scalar,
    r: &TokenStream,
    rs: Scalar,
    mode: Mode,
) -> Option<TokenStream> {
    let p = quote!(::pykernel::__private);
    let checked = mode == Mode::Python;
    Some(match op {
        BinOp::Div if !checked => quote!((#l / #r)),
        BinOp::Div if kind(ls.dtype) <= 1 && kind(rs.dtype) <= 1 => {
            quote!(#p::py_int_truediv(#l, #r)?)
        }
        BinOp::Div => quote!(#p::py_truediv(#l, #r)?),
        BinOp::FloorDiv if !checked => quote!(#p::ffloordiv(#l, #r)),
        BinOp::FloorDiv => quote!(#p::py_ffloordiv(#l, #r)?),
        BinOp::Mod if !checked => quote!(#p::fmod(#l, #r)),
        BinOp::Mod => quote!(#p::py_fmod(#l, #r)?),
        _ => return None,
    })
}

/// `divmod(a, b)` with both operands converted to `res`: CPython's errors for Python
/// numbers, NumPy's values (inf/nan, 0 for integers) for NumPy scalars.
pub(crate) fn divmod(a: TokenStream, b: TokenStream, res: Scalar, mode: Mode) -> TokenStream {
    let p = quote!(::pykernel::__private);
    let float = kind(res.dtype) == 2;
    let python = res.py && mode != Mode::NumPyElementwise;
    let pair = match (float, python) {
        (true, true) if mode == Mode::Python => {
            return quote!({ let (__pk_a, __pk_b) = (#a, #b); #p::py_fdivmod(__pk_a, __pk_b)? });
        }
        (true, _) => quote!((#p::ffloordiv(__pk_a, __pk_b), #p::fmod(__pk_a, __pk_b))),
        (false, true) if mode == Mode::PythonPositiveDivisor => {
            quote!((#p::floordiv_pos(__pk_a, __pk_b), #p::mod_pos(__pk_a, __pk_b)))
        }
        (false, true) => {
            quote!((#p::floordiv(__pk_a, __pk_b)?, #p::modulo(__pk_a, __pk_b)?))
        }
        (false, false) => quote!((#p::np_floordiv(__pk_a, __pk_b), #p::np_mod(__pk_a, __pk_b))),
    };
    quote!({ let (__pk_a, __pk_b) = (#a, #b); #pair })
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(src: &str) -> String {
        match crate::pipeline::generate(src, "t.py", &Config::new()) {
            Ok(c) => c,
            Err(d) => panic!("{d}"),
        }
    }

    /// The compiled kernel function `name` in the generated code (up to the next item).
    fn body<'a>(c: &'a str, name: &str) -> &'a str {
        let start = c
            .find(&format!("fn __pk_{name}_"))
            .unwrap_or_else(|| panic!("no kernel function {name} in {c}"));
        let rest = &c[start..];
        let end = rest[1..].find(" fn ").map_or(rest.len(), |e| e + 1);
        &rest[..end]
    }

    #[test]
    fn python_numbers_check_their_divisor_with_cpythons_messages() {
        let c = code(
            "#pykernel export f(float, float)\ndef f(a, b):\n    return a / b, a // b, a % b, divmod(a, b)\n\
             #pykernel export g(int, int)\ndef g(a, b):\n    return a / b\n\
             #pykernel export h(float, int)\ndef h(x, n):\n    x /= n\n    return x\n",
        );
        let f = body(&c, "f");
        for call in ["py_truediv(", "py_ffloordiv(", "py_fmod(", "py_fdivmod("] {
            assert!(f.contains(call), "{call} missing in {f}");
        }
        assert!(body(&c, "g").contains("py_int_truediv("), "{c}");
        assert!(body(&c, "h").contains("py_truediv("), "{c}");
    }

    #[test]
    fn numpy_scalars_and_elements_give_numpys_values() {
        let c = code(
            "#pykernel export f(float64, float64)\ndef f(a, b):\n    return a / b, a // b, a % b, divmod(a, b)\n\
             #pykernel export g(int32, int32)\ndef g(a, b):\n    return a // b, a % b, divmod(a, b)\n\
             #pykernel export h(float, float64[:])\ndef h(x, a):\n    return x / a[0]\n",
        );
        for name in ["f", "g", "h"] {
            let b = body(&c, name);
            assert!(!b.contains("py_"), "NumPy semantics expected in {b}");
            assert!(!b.contains("floordiv(__pk_a, __pk_b)?"), "{b}");
        }
        assert!(body(&c, "f").contains("::ffloordiv("), "{c}");
        assert!(body(&c, "h").contains(" / "), "{c}");
        assert!(body(&c, "g").contains("np_floordiv("), "{c}");
        assert!(body(&c, "g").contains("np_mod("), "{c}");
    }

    #[test]
    fn a_nonzero_literal_divisor_needs_no_check() {
        let c = code(
            "#pykernel export f(float)\ndef f(x):\n    y = x / 2.0 + x // -0.5 + x % 3\n    y /= 4\n    return y, divmod(x, 1.5)\n\
             #pykernel export g(float)\ndef g(x):\n    return x / 0.0\n",
        );
        let f = body(&c, "f");
        assert!(!f.contains("py_") && f.contains("::ffloordiv("), "{c}");
        assert!(
            body(&c, "g").contains("py_truediv("),
            "a zero literal is checked: {c}"
        );
    }
}
