//! `np.iinfo(T).max`, `np.finfo(np.float32).eps`, `np.finfo(a.dtype).tiny`: NumPy's
//! constants of a dtype. With the type written out they are constants here (a Python
//! int, or `np.float32(...)` of the exact value); with `a.dtype`, `Builtin::NpInfo`
//! waits for `a`'s type.

use rustpython_parser::ast;

use super::expr::Resolved;
use super::names::Imported;
use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, DtypeArg, Expr, ExprKind};
use crate::messages::kernel as msg;
use crate::numpy::info::{InfoValue, attr_error, info};

/// The attributes lowered here (`NpInfo` keeps a `&'static str`).
const ATTRS: &[&str] = &[
    "min",
    "max",
    "bits",
    "eps",
    "epsneg",
    "tiny",
    "smallest_normal",
    "smallest_subnormal",
    "resolution",
    "precision",
    "maxexp",
    "minexp",
    "nmant",
    "nexp",
    "machep",
    "negep",
    "iexp",
];

impl FnLowerer<'_, '_> {
    /// `Some(true)` for a call of `np.iinfo`, `Some(false)` of `np.finfo`.
    pub(super) fn info_call(&self, e: &ast::Expr) -> Option<bool> {
        let ast::Expr::Call(c) = e else { return None };
        match self.resolve(&c.func)? {
            Resolved::Import(Imported::Other(p)) if p == "numpy.iinfo" => Some(true),
            Resolved::Import(Imported::Other(p)) if p == "numpy.finfo" => Some(false),
            _ => None,
        }
    }

    /// `np.iinfo(T).attr` / `np.finfo(T).attr`.
    pub(super) fn info_attr(&mut self, a: &ast::ExprAttribute, span: Span) -> Option<Expr> {
        let int = self.info_call(&a.value)?;
        let func = if int { "iinfo" } else { "finfo" };
        let ast::Expr::Call(c) = a.value.as_ref() else {
            return None;
        };
        let ([arg], true) = (c.args.as_slice(), c.keywords.is_empty()) else {
            self.error(
                span,
                msg::call_arity(&format!("numpy.{func}"), 1, c.args.len()),
            );
            return None;
        };
        let (d, source) = self.dtype_arg(arg)?;
        let attr = a.attr.as_str();
        let Some(&attr) = ATTRS.iter().find(|n| **n == attr) else {
            self.error(span, attr_error(int, attr));
            return None;
        };
        let d = match d {
            DtypeArg::Fixed(d) => d,
            DtypeArg::OfLastArg => {
                let args = source.into_iter().collect();
                return Some(self.mk(
                    span,
                    ExprKind::CallBuiltin(Builtin::NpInfo { int, attr }, args),
                ));
            }
        };
        match info(int, d, attr) {
            Ok(InfoValue::Int(v)) => Some(self.mk(span, ExprKind::Int(v))),
            Ok(InfoValue::Float(f, v)) => {
                let lit = self.mk(span, ExprKind::Float(v));
                Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpCast(f), vec![lit])))
            }
            Err(m) => {
                self.error(span_of(a), m);
                None
            }
        }
    }
}
