//! Typing of complex numbers: `complex(...)`, `.real`, `.imag`, `.conjugate()`, `cmath`.

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{CmathFn, Expr};
use crate::messages::kernel as msg;
use crate::types::{Scalar, Ty, kind};

/// The real type of a complex scalar's parts (`abs`, `.real`): float64 for complex128
/// (a Python float for a Python complex), float32 for complex64.
pub(crate) fn complex_part(s: Scalar) -> Scalar {
    match s.dtype {
        Dtype::Complex64 => Scalar::np(Dtype::Float32),
        _ => Scalar {
            dtype: Dtype::Float64,
            py: s.py,
        },
    }
}

impl Typer<'_> {
    /// `x.real`, `x.imag` (numbers only).
    pub(super) fn attr_type(&mut self, e: &Expr, t: &Ty, name: &str) -> Option<Ty> {
        match (t.scalar(), name) {
            (Some(s), "real" | "imag") if kind(s.dtype) == 3 => Some(Ty::Scalar(complex_part(s))),
            // `x.real` of a real number is the number (a bool gives an int, as in Python).
            (Some(s), "real" | "imag") => Some(Ty::Scalar(if s.dtype == Dtype::Bool && s.py {
                Scalar::INT
            } else {
                s
            })),
            _ => {
                self.error(e.span, msg::unknown_method(&t.to_string(), name));
                None
            }
        }
    }

    /// Methods of numbers: `z.conjugate()`.
    pub(super) fn number_method(&mut self, e: &Expr, t: &Ty, name: &str, n: usize) -> Option<Ty> {
        match (t.scalar(), name) {
            (Some(s), "conjugate") if n == 0 => {
                Some(Ty::Scalar(if s.dtype == Dtype::Bool && s.py {
                    Scalar::INT
                } else {
                    s
                }))
            }
            _ => {
                self.error(e.span, msg::unknown_method(&t.to_string(), name));
                None
            }
        }
    }

    /// `complex()`, `complex(re)`, `complex(re, im)`.
    pub(super) fn complex_call(&mut self, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        if args.len() > 2 {
            self.error(span, msg::builtin_arity("complex", "0 to 2", args.len()));
            return None;
        }
        for (t, a) in tys.iter().zip(args) {
            if !matches!(t.scalar(), Some(s) if kind(s.dtype) <= 3) {
                self.error(
                    a.span,
                    msg::bad_argument("complex", &t.to_string(), "a number"),
                );
                return None;
            }
        }
        Some(Ty::COMPLEX)
    }

    /// `cmath.f(...)`: numbers in (converted to complex), Python complex/float/bool out.
    pub(super) fn cmath_call(
        &mut self,
        f: CmathFn,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        use CmathFn::*;
        let name = format!("cmath.{}", f.name());
        let ok_arity = match f {
            Rect | Isclose => args.len() == 2,
            Log => matches!(args.len(), 1 | 2),
            _ => args.len() == 1,
        };
        if !ok_arity {
            let expected = match f {
                Rect | Isclose => "2",
                Log => "1 or 2",
                _ => "1",
            };
            self.error(span, msg::builtin_arity(&name, expected, args.len()));
            return None;
        }
        for (t, a) in tys.iter().zip(args) {
            let max_kind = if f == Rect { 2 } else { 3 };
            if !matches!(t.scalar(), Some(s) if kind(s.dtype) <= max_kind) {
                let expected = if f == Rect {
                    "a real number"
                } else {
                    "a number"
                };
                self.error(a.span, msg::bad_argument(&name, &t.to_string(), expected));
                return None;
            }
        }
        Some(match f {
            Phase => Ty::FLOAT,
            Polar => Ty::Tuple(vec![Ty::FLOAT, Ty::FLOAT]),
            Isnan | Isinf | Isfinite | Isclose => Ty::BOOL,
            _ => Ty::COMPLEX,
        })
    }
}
