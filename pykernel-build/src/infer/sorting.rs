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
        match f {
            SortFn::Digitize => return self.digitize_type(args, tys, span),
            SortFn::Histogram => return self.histogram_type(args, tys, span),
            _ => {}
        }
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
            SortFn::Partition | SortFn::Argpartition => {
                self.partition_type(f, d, &args[1], &tys[1], &args[2], &tys[2])?;
                let flat = matches!(args[2].kind, ExprKind::None);
                let out = if f == SortFn::Partition {
                    d
                } else {
                    Dtype::Int64
                };
                Some(Ty::Array(out, if flat { 1 } else { n }))
            }
            SortFn::Digitize | SortFn::Histogram => None,
            SortFn::Sort | SortFn::Argsort | SortFn::Median | SortFn::NanMedian => {
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
                let median = matches!(f, SortFn::Median | SortFn::NanMedian);
                let rank = match (median, flat) {
                    (true, true) => 0,
                    (true, false) => n - 1,
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

    /// Checks `kth` (an integer or a tuple of integers) and `axis` of
    /// `np.partition`/`np.argpartition`; refuses one `kth` for the dtypes NumPy selects
    /// with SIMD code (their order depends on the CPU).
    pub(super) fn partition_type(
        &mut self,
        f: SortFn,
        d: Dtype,
        kth: &Expr,
        kth_ty: &Ty,
        axis: &Expr,
        axis_ty: &Ty,
    ) -> Option<()> {
        let is_int = |t: &Ty| t.scalar().is_some_and(|s| s.dtype.is_int());
        // An empty tuple is NumPy's `TypeError` (a float64 array of `kth`).
        let count = match kth_ty {
            t if is_int(t) => 1,
            Ty::Tuple(items) if !items.is_empty() && items.iter().all(is_int) => items.len(),
            _ => {
                self.error(
                    kth.span,
                    msg::np_argument(f.name(), "`kth` as an integer or a tuple of integers"),
                );
                return None;
            }
        };
        if !matches!(axis.kind, ExprKind::None) && !is_int(axis_ty) {
            self.error(axis.span, msg::bad_axis(f.name(), false));
            return None;
        }
        // NumPy's introselect runs for these dtypes with one `kth`; the others use SIMD
        // selections (x86-simd-sort), whose order depends on the CPU.
        let introselect = match f {
            SortFn::Partition => matches!(d, Dtype::Bool | Dtype::Int8 | Dtype::UInt8),
            _ => matches!(
                d,
                Dtype::Bool | Dtype::Int8 | Dtype::UInt8 | Dtype::Int16 | Dtype::UInt16
            ),
        };
        if count == 1 && !introselect {
            self.error(kth.span, msg::partition_order(f.name(), d.numpy_name()));
            return None;
        }
        Some(())
    }

    /// `np.digitize(x, bins, right)`: `x` a real array (an int64 array of its shape) or
    /// number (an int64), `bins` a 1-D real array.
    fn digitize_type(&mut self, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        let name = SortFn::Digitize.name();
        let out = match &tys[0] {
            Ty::Array(d, n) if kind(*d) <= 2 => Ty::Array(Dtype::Int64, *n),
            Ty::Scalar(s) if s.kind() <= 2 => Ty::Scalar(Scalar::np(Dtype::Int64)),
            Ty::Array(..) | Ty::Scalar(_) => {
                self.error(
                    args[0].span,
                    msg::np_argument(name, "real `x` (NumPy: x may not be complex)"),
                );
                return None;
            }
            _ => {
                self.error(span, msg::np_argument(name, "an array or a number `x`"));
                return None;
            }
        };
        match &tys[1] {
            Ty::Array(b, 1) if kind(*b) <= 2 => {}
            Ty::Array(_, n) if *n > 1 => {
                self.error(
                    args[1].span,
                    msg::rank_needed("object too deep for desired array"),
                );
                return None;
            }
            Ty::Scalar(_) => {
                self.error(
                    args[1].span,
                    msg::rank_needed("object of too small depth for desired array"),
                );
                return None;
            }
            _ => {
                self.error(
                    args[1].span,
                    msg::np_argument(name, "a 1-D real array of `bins`"),
                );
                return None;
            }
        }
        if tys[2].scalar().is_none_or(|s| s.kind() > 1) {
            self.error(args[2].span, msg::np_argument(name, "a bool `right`"));
            return None;
        }
        Some(out)
    }
}
