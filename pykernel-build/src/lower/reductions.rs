//! Lowering of NumPy reductions with arguments: `np.sum(a, axis=1)`, `np.sum(a, 0)`,
//! `a.max(axis=(0, 2), keepdims=True)`, `a.var(ddof=1)`, `np.argmax(a)`,
//! `np.cumsum(a, axis=0)`. Each becomes `Builtin::NpReduceAxis(r)` with the arguments
//! `[a, axis, keepdims, ddof]`; a plain whole-array reduction (`np.sum(a)`) stays
//! `Builtin::NpReduce`, which fuses into the loop that computes its operand.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, Expr, ExprKind, NormOrd, Reduce};
use crate::messages::kernel as msg;

/// The positional parameters of `numpy.<r>` after the array (NumPy 2's signatures):
/// only `axis` is supported positionally.
fn positional(r: Reduce) -> &'static [&'static str] {
    match r {
        Reduce::Sum
        | Reduce::Prod
        | Reduce::Mean
        | Reduce::Cumsum
        | Reduce::Cumprod
        | Reduce::NanSum
        | Reduce::NanMean
        | Reduce::NanProd => &["axis", "dtype", "out", "keepdims"],
        Reduce::NanCumsum | Reduce::NanCumprod => &["axis", "dtype", "out"],
        Reduce::Var | Reduce::Std | Reduce::NanVar | Reduce::NanStd => {
            &["axis", "dtype", "out", "ddof", "keepdims"]
        }
        Reduce::Average => &["axis", "weights", "returned", "keepdims"],
        Reduce::CountNonzero => &["axis"],
        Reduce::Norm(_) => &["ord", "axis", "keepdims"],
        _ => &["axis", "out", "keepdims"],
    }
}

/// Does `numpy.<r>` take `ddof`?
fn has_ddof(r: Reduce) -> bool {
    matches!(
        r,
        Reduce::Var | Reduce::Std | Reduce::NanVar | Reduce::NanStd
    )
}

impl FnLowerer<'_, '_> {
    /// `ord=` of `np.linalg.norm`: a literal `None`, `0`, `1`, `2`, `inf`, `-inf` or
    /// `'fro'`.
    fn norm_ord(&mut self, e: &ast::Expr) -> Option<NormOrd> {
        if let ast::Expr::Constant(c) = e {
            match &c.value {
                ast::Constant::None => return Some(NormOrd::Default),
                ast::Constant::Str(s) if s == "fro" => return Some(NormOrd::Fro),
                _ => {}
            }
        }
        let v = self.expr(e)?;
        let ord = match &v.kind {
            ExprKind::Int(0) => Some(NormOrd::Zero),
            ExprKind::Int(1) => Some(NormOrd::One),
            ExprKind::Int(2) => Some(NormOrd::Two),
            ExprKind::Float(f) if *f == f64::INFINITY => Some(NormOrd::Inf),
            ExprKind::Unary(crate::ir::UnaryOp::Neg, x) => match x.kind {
                ExprKind::Float(f) if f == f64::INFINITY => Some(NormOrd::NegInf),
                _ => None,
            },
            _ => None,
        };
        if ord.is_none() {
            self.error(
                span_of(e),
                crate::messages::numpy::np_argument(
                    "linalg.norm",
                    "`ord` as a literal `None`, `0`, `1`, `2`, `inf`, `-inf` or `'fro'` here",
                ),
            );
        }
        ord
    }

    /// `numpy.<r>(a, ...)` (function form, `with_recv` false) or `a.<r>(...)` (the
    /// receiver already lowered and given).
    pub(super) fn reduction(
        &mut self,
        r: Reduce,
        recv: Option<Expr>,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<Expr> {
        let mut pos = c.args.iter();
        let a = match recv {
            Some(a) => a,
            None => {
                let Some(first) = pos.next() else {
                    self.error(span, msg::call_arity(r.name(), 1, 0));
                    return None;
                };
                self.expr(first)?
            }
        };
        let none = |this: &mut Self| this.mk(span, ExprKind::None);
        let (mut axis, mut keepdims, mut ddof) = (None, None, None);
        let names = positional(r);
        // `dtype=None`, `out=None` (positional too: `a.var(1, None, None, 1)`) are the
        // defaults.
        let is_none = |e: &ast::Expr| matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None));
        let mut r = r;
        let mut ord_arg: Option<&ast::Expr> = None;
        for (k, p) in pos.enumerate() {
            match names.get(k) {
                Some(&"ord") => ord_arg = Some(p),
                Some(&"axis") => axis = Some(self.expr(p)?),
                Some(&("dtype" | "out")) if is_none(p) => {}
                Some(&"ddof") if has_ddof(r) => ddof = Some(self.expr(p)?),
                Some(&"keepdims") => keepdims = Some(self.expr(p)?),
                Some(other) => {
                    self.error(span_of(p), msg::unsupported_keyword(other));
                    return None;
                }
                None => {
                    self.error(
                        span,
                        msg::call_arity(r.name(), names.len() + 1, c.args.len()),
                    );
                    return None;
                }
            }
        }
        for kw in &c.keywords {
            let v = &kw.value;
            match kw.arg.as_deref() {
                Some("ord") if matches!(r, Reduce::Norm(_)) && ord_arg.is_none() => {
                    ord_arg = Some(v)
                }
                Some("dtype" | "out") if is_none(v) => {}
                Some("axis") if axis.is_none() => axis = Some(self.expr(v)?),
                Some("keepdims") if !r.is_scan() && r != Reduce::CountNonzero => {
                    keepdims = Some(self.expr(v)?)
                }
                Some("ddof") if has_ddof(r) => ddof = Some(self.expr(v)?),
                other => {
                    self.error(span_of(kw), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        if let Some(o) = ord_arg {
            r = Reduce::Norm(self.norm_ord(o)?);
        }
        let plain = axis
            .as_ref()
            .is_none_or(|e| matches!(e.kind, ExprKind::None))
            && keepdims
                .as_ref()
                .is_none_or(|e| matches!(e.kind, ExprKind::Bool(false)))
            && ddof.is_none()
            && r.fusable();
        if plain {
            return Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpReduce(r), vec![a])));
        }
        let axis = axis.unwrap_or_else(|| none(self));
        let keepdims = keepdims.unwrap_or_else(|| self.mk(span, ExprKind::Bool(false)));
        let ddof = ddof.unwrap_or_else(|| self.mk(span, ExprKind::Int(0)));
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpReduceAxis(r), vec![a, axis, keepdims, ddof]),
        ))
    }
}
