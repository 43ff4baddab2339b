//! Typing of sorting and searching (`Builtin::NpSort`) and of `a.sort()`.

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, SortFn};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, kind};

impl Typer<'_> {
    /// `numpy.<f>(...)` with the lowered argument list.
    pub(super) fn sort_type(
        &mut self,
        f: SortFn,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let Some(Ty::Array(d, n)) = tys.first().cloned() else {
            self.error(span, msg::np_argument(f.name(), "an array here"));
            return None;
        };
        if kind(d) == 3 {
            self.error(
                span,
                msg::np_argument(
                    f.name(),
                    "real numbers (complex ones are not supported yet)",
                ),
            );
            return None;
        }
        let int_arg = |t: Option<&Ty>| t.and_then(Ty::scalar).is_some_and(|s| s.dtype.is_int());
        let flat = args
            .get(1)
            .is_some_and(|a| matches!(a.kind, ExprKind::None));
        match f {
            SortFn::Sort | SortFn::Argsort | SortFn::Median => {
                if !flat && !int_arg(tys.get(1)) {
                    self.error(args[1].span, msg::bad_axis(f.name(), false));
                    return None;
                }
                let out = match f {
                    SortFn::Sort => d,
                    SortFn::Argsort => Dtype::Int64,
                    _ if kind(d) <= 1 => Dtype::Float64,
                    _ => d,
                };
                let rank = match (f, flat) {
                    (SortFn::Median, true) => 0,
                    (SortFn::Median, false) => n - 1,
                    (_, true) => 1,
                    _ => n,
                };
                Some(if rank == 0 {
                    Ty::Scalar(Scalar::np(out))
                } else {
                    Ty::Array(out, rank)
                })
            }
            SortFn::Searchsorted => {
                if n != 1 {
                    self.error(span, msg::np_argument(f.name(), "a 1-D sorted array"));
                    return None;
                }
                let vk = match tys.get(1) {
                    Some(Ty::Scalar(s)) => kind(s.dtype),
                    Some(Ty::Array(vd, _)) if *vd == d => kind(d),
                    _ => 9,
                };
                if vk > kind(d).max(1)
                    || (vk > kind(d) && !matches!(tys.get(1), Some(Ty::Scalar(s)) if s.py))
                {
                    self.error(
                        args[1].span,
                        msg::np_argument(f.name(), "values of the array's own type"),
                    );
                    return None;
                }
                Some(match tys.get(1) {
                    Some(Ty::Array(_, m)) => Ty::Array(Dtype::Int64, *m),
                    _ => Ty::Scalar(Scalar::np(Dtype::Int64)),
                })
            }
            SortFn::Unique => {
                let mut flags = Vec::new();
                for a in &args[1..] {
                    match a.kind {
                        ExprKind::Bool(b) => flags.push(b),
                        _ => {
                            self.error(
                                a.span,
                                msg::reduce_literal(
                                    f.name(),
                                    "return_index/return_inverse/return_counts",
                                ),
                            );
                            return None;
                        }
                    }
                }
                let vals = Ty::Array(d, 1);
                if !flags.iter().any(|b| *b) {
                    return Some(vals);
                }
                // The inverse has the input's shape (NumPy 2).
                let mut items = vec![vals];
                for (k, on) in flags.iter().enumerate() {
                    if *on {
                        items.push(Ty::Array(Dtype::Int64, if k == 1 { n } else { 1 }));
                    }
                }
                Some(Ty::Tuple(items))
            }
            SortFn::Bincount => {
                if n != 1 || !(d.is_int() || d == Dtype::Bool) || d == Dtype::UInt64 {
                    self.error(
                        span,
                        msg::np_argument(
                            f.name(),
                            "a 1-D array of non-negative integers (int64 at most)",
                        ),
                    );
                    return None;
                }
                if !int_arg(tys.get(2)) {
                    self.error(
                        args[2].span,
                        msg::np_argument(f.name(), "an integer `minlength`"),
                    );
                    return None;
                }
                match tys.get(1) {
                    Some(Ty::None) => Some(Ty::Array(Dtype::Int64, 1)),
                    Some(Ty::Array(w, 1)) if kind(*w) <= 2 => Some(Ty::Array(Dtype::Float64, 1)),
                    _ => {
                        self.error(
                            args[1].span,
                            msg::np_argument(f.name(), "1-D real `weights`"),
                        );
                        None
                    }
                }
            }
        }
    }
}
