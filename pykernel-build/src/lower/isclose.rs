//! `np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)` and `np.allclose(...)`,
//! lowered to the elementwise expression NumPy evaluates:
//! `(|a - y| <= atol + rtol * |y|) & isfinite(y) | (a == y)` with `y = b * 1.0` (NumPy
//! converts `b` to `result_type(b, 1.0)` first), `| isnan(a) & isnan(y)` with
//! `equal_nan=True`; `allclose` is `bool(np.all(isclose(...)))`. The operands are
//! lowered once per use (they are expressions without effects on what they read, or
//! names).

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, Expr, ExprKind, Reduce, Ufunc};
use crate::messages::kernel as msg;

impl FnLowerer<'_, '_> {
    /// `np.isclose` (`all`: `np.allclose`).
    pub(super) fn isclose(&mut self, c: &ast::ExprCall, all: bool, span: Span) -> Option<Expr> {
        let name = if all {
            "numpy.allclose"
        } else {
            "numpy.isclose"
        };
        let params = ["a", "b", "rtol", "atol", "equal_nan"];
        let given = self.match_params(name, &params, 0, &c.args, &c.keywords, span)?;
        let (Some(a), Some(b)) = (given[0], given[1]) else {
            self.error(span, msg::call_arity(name, 2, c.args.len()));
            return None;
        };
        let equal_nan = match given[4] {
            None => false,
            Some(ast::Expr::Constant(k)) => matches!(k.value, ast::Constant::Bool(true)),
            Some(other) => {
                self.error(
                    span_of(other),
                    crate::messages::numpy::reduce_literal(&name["numpy.".len()..], "equal_nan"),
                );
                return None;
            }
        };
        let u = |this: &mut Self, f: Ufunc, args: Vec<Expr>| {
            this.mk(span, ExprKind::CallBuiltin(Builtin::Ufunc(f), args))
        };
        let y = |this: &mut Self| -> Option<Expr> {
            let b = this.expr(b)?;
            let one = this.mk(span, ExprKind::Float(1.0));
            Some(u(this, Ufunc::Multiply, vec![b, one]))
        };
        let tol = |this: &mut Self, k: usize, default: f64| -> Option<Expr> {
            match given[k] {
                Some(e) => this.expr(e),
                None => Some(this.mk(span, ExprKind::Float(default))),
            }
        };
        // |a - y| <= atol + rtol * |y|
        let (a1, y1) = (self.expr(a)?, y(self)?);
        let diff = u(self, Ufunc::Subtract, vec![a1, y1]);
        let lhs = u(self, Ufunc::Absolute, vec![diff]);
        let y2 = y(self)?;
        let ay = u(self, Ufunc::Absolute, vec![y2]);
        let (rtol, atol) = (tol(self, 2, 1e-5)?, tol(self, 3, 1e-8)?);
        let scaled = u(self, Ufunc::Multiply, vec![rtol, ay]);
        let rhs = u(self, Ufunc::Add, vec![atol, scaled]);
        let near = u(self, Ufunc::LessEqual, vec![lhs, rhs]);
        let y3 = y(self)?;
        let finite = u(self, Ufunc::Isfinite, vec![y3]);
        let near = u(self, Ufunc::BitwiseAnd, vec![near, finite]);
        let (a2, y4) = (self.expr(a)?, y(self)?);
        let same = u(self, Ufunc::Equal, vec![a2, y4]);
        let mut res = u(self, Ufunc::BitwiseOr, vec![near, same]);
        if equal_nan {
            let (a3, y5) = (self.expr(a)?, y(self)?);
            let (na, ny) = (
                u(self, Ufunc::Isnan, vec![a3]),
                u(self, Ufunc::Isnan, vec![y5]),
            );
            let both = u(self, Ufunc::BitwiseAnd, vec![na, ny]);
            res = u(self, Ufunc::BitwiseOr, vec![res, both]);
        }
        if all {
            let every = self.mk(
                span,
                ExprKind::CallBuiltin(Builtin::NpReduce(Reduce::All), vec![res]),
            );
            return Some(self.mk(span, ExprKind::CallBuiltin(Builtin::Bool, vec![every])));
        }
        Some(res)
    }

    /// `np.array_equal(a1, a2, equal_nan=False)` (`equiv`: `np.array_equiv(a1, a2)`):
    /// `Builtin::NpArrayEqual` with `bool(np.all(a1 == a2))` (with
    /// `| (a1 != a1) & (a2 != a2)` for `equal_nan=True`: NaN in both places), checked
    /// only when the shapes allow it.
    pub(super) fn array_equal(
        &mut self,
        c: &ast::ExprCall,
        equiv: bool,
        span: Span,
    ) -> Option<Expr> {
        let name = if equiv {
            "numpy.array_equiv"
        } else {
            "numpy.array_equal"
        };
        let params: &[&str] = if equiv {
            &["a1", "a2"]
        } else {
            &["a1", "a2", "equal_nan"]
        };
        let given = self.match_params(name, params, 0, &c.args, &c.keywords, span)?;
        let (Some(a), Some(b)) = (given[0], given[1]) else {
            self.error(span, msg::call_arity(name, 2, c.args.len()));
            return None;
        };
        let equal_nan = match given.get(2).copied().flatten() {
            None => false,
            Some(ast::Expr::Constant(k)) if matches!(k.value, ast::Constant::Bool(_)) => {
                matches!(k.value, ast::Constant::Bool(true))
            }
            Some(other) => {
                self.error(
                    span_of(other),
                    crate::messages::numpy::reduce_literal(&name["numpy.".len()..], "equal_nan"),
                );
                return None;
            }
        };
        let u = |this: &mut Self, f: Ufunc, args: Vec<Expr>| {
            this.mk(span, ExprKind::CallBuiltin(Builtin::Ufunc(f), args))
        };
        let (a1, b1) = (self.expr(a)?, self.expr(b)?);
        let mut same = u(self, Ufunc::Equal, vec![a1, b1]);
        if equal_nan {
            // `x != x`: NaN (never for integers and bools, as NumPy skips `isnan` then).
            let (a2, a3, b2, b3) = (self.expr(a)?, self.expr(a)?, self.expr(b)?, self.expr(b)?);
            let na = u(self, Ufunc::NotEqual, vec![a2, a3]);
            let nb = u(self, Ufunc::NotEqual, vec![b2, b3]);
            let both = u(self, Ufunc::BitwiseAnd, vec![na, nb]);
            same = u(self, Ufunc::BitwiseOr, vec![same, both]);
        }
        let every = self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpReduce(Reduce::All), vec![same]),
        );
        let every = self.mk(span, ExprKind::CallBuiltin(Builtin::Bool, vec![every]));
        let (x, y) = (self.expr(a)?, self.expr(b)?);
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpArrayEqual { equiv }, vec![x, y, every]),
        ))
    }
}
