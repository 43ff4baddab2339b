//! Lowering of the NumPy functions of masks and index arrays (`Builtin::NpIndexFn`):
//! `np.nonzero(a)`, `np.where(c)` (one argument), `a.nonzero()`, `np.take(a, idx,
//! axis=1)`, `a.take(idx)`, `np.compress(c, a, axis=0)`, `a.compress(c)`, `np.put(a,
//! idx, v)`, `a.put(idx, v)`, `np.extract(c, a)`, `np.flatnonzero(a)`,
//! `np.argwhere(a)`. The arguments become NumPy's positional order, with an omitted
//! `axis` as `None`.

use rustpython_parser::ast;

use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{Builtin, Expr, ExprKind, IndexFn};
use crate::messages::kernel as msg;

impl FnLowerer<'_, '_> {
    /// `numpy.<f>(...)`; `recv`: the array of the method form, which takes the place
    /// of NumPy's `a` parameter.
    pub(super) fn index_fn(
        &mut self,
        f: IndexFn,
        recv: Option<Expr>,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<Expr> {
        let (names, has_axis) = f.params();
        let mut all: Vec<&str> = names.to_vec();
        if has_axis {
            all.push("axis");
        }
        // The position of `a` (the receiver of the method form).
        let recv_at = all.iter().position(|n| *n == "a");
        let mut slots: Vec<Option<Expr>> = (0..all.len()).map(|_| None).collect();
        let method = recv.is_some();
        if let (Some(r), Some(k)) = (recv, recv_at) {
            slots[k] = Some(r);
        }
        let mut free = (0..all.len()).filter(|&k| !method || Some(k) != recv_at);
        for a in &c.args {
            let Some(k) = free.next() else {
                self.error(span, msg::call_arity(f.name(), all.len(), c.args.len()));
                return None;
            };
            slots[k] = Some(self.expr(a)?);
        }
        for kw in &c.keywords {
            let k = kw
                .arg
                .as_deref()
                .and_then(|n| all.iter().position(|p| *p == n))
                .filter(|&k| slots[k].is_none());
            let Some(k) = k else {
                let name = kw.arg.as_deref().unwrap_or("**");
                self.error(span_of(kw), msg::unsupported_keyword(name));
                return None;
            };
            slots[k] = Some(self.expr(&kw.value)?);
        }
        let mut args = Vec::with_capacity(slots.len());
        for (k, s) in slots.into_iter().enumerate() {
            match s {
                Some(e) => args.push(e),
                None if has_axis && k == all.len() - 1 => args.push(self.mk(span, ExprKind::None)),
                None => {
                    let given = c.args.len() + c.keywords.len();
                    self.error(span, msg::call_arity(f.name(), names.len(), given));
                    return None;
                }
            }
        }
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpIndexFn(f), args)))
    }
}

/// The method of an array that is an index function (`a.nonzero()`, `a.take(idx)`,
/// `a.compress(c)`, `a.put(idx, v)`).
pub(super) fn index_method(name: &str) -> Option<IndexFn> {
    match name {
        "nonzero" => Some(IndexFn::Nonzero),
        "take" => Some(IndexFn::Take),
        "compress" => Some(IndexFn::Compress),
        "put" => Some(IndexFn::Put),
        _ => None,
    }
}
