//! Typing of NumPy reductions along axes (`Builtin::NpReduceAxis`): the result's rank
//! follows from the number of axes (`None`: all of them), `keepdims` and, for scans,
//! whether the array is flattened; its dtype is NumPy's.

use super::Typer;
use super::numpy::reduce_dtype;
use crate::diagnostics::Span;
use crate::ir::{Expr, ExprKind, NormOrd, Reduce};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, kind};

impl Typer<'_> {
    /// `numpy.<r>(a, axis, keepdims, ddof)` (the lowered argument list).
    pub(super) fn reduce_axis_type(
        &mut self,
        r: Reduce,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let (Some(a), Some(axis), Some(keep), Some(ddof)) =
            (tys.first(), args.get(1), args.get(2), tys.get(3))
        else {
            return None;
        };
        let Ty::Array(d, n) = *a else {
            self.error(span, msg::np_argument(r.name(), "an array here"));
            return None;
        };
        let keepdims = match args[2].kind {
            ExprKind::Bool(b) => b,
            _ => {
                self.error(keep.span, msg::reduce_literal(r.name(), "keepdims"));
                return None;
            }
        };
        if !ddof.scalar().is_some_and(|s| s.dtype.is_int()) {
            self.error(
                args[3].span,
                msg::np_argument(r.name(), "an integer `ddof`"),
            );
            return None;
        }
        let complex = kind(d) == 3;
        if complex
            && matches!(
                r,
                Reduce::Min
                    | Reduce::Max
                    | Reduce::Ptp
                    | Reduce::Argmin
                    | Reduce::Argmax
                    | Reduce::NanMin
                    | Reduce::NanMax
                    | Reduce::NanArgmin
                    | Reduce::NanArgmax
            )
        {
            self.error(span, msg::complex_extreme(r.name()));
            return None;
        }
        if d == crate::exports::Dtype::Bool && r == Reduce::Ptp {
            self.error(
                span,
                msg::np_argument(r.name(), "numbers (NumPy cannot subtract booleans)"),
            );
            return None;
        }
        if let Reduce::Norm(o) = r {
            let flat = matches!(axis.kind, ExprKind::None);
            let refuse = match o {
                NormOrd::Default => None,
                _ if flat && n > 2 => {
                    Some("a vector or a matrix (NumPy: improper number of dimensions)")
                }
                NormOrd::Two if flat && n == 2 => {
                    Some("`ord=2` of vectors here (the matrix 2-norm needs an SVD)")
                }
                NormOrd::Zero if flat && n == 2 => {
                    Some("`ord=0` of vectors only (NumPy: invalid norm order for matrices)")
                }
                NormOrd::Fro if !(flat && n == 2) => {
                    Some("`'fro'` of matrices (a 2-D array, without `axis`) here")
                }
                _ if !flat && matches!(axis.kind, ExprKind::Tuple(_)) => {
                    Some("an `ord` with a tuple `axis` only as `None` here")
                }
                _ => None,
            };
            if let Some(what) = refuse {
                self.error(span, msg::np_argument(r.name(), what));
                return None;
            }
        }
        // The number of axes reduced (`None`: every one).
        let single_only = r.is_arg() || r.is_scan();
        let count = match (&axis.kind, &tys[1]) {
            (ExprKind::None, _) => None,
            (ExprKind::Tuple(items), Ty::Tuple(its)) if !single_only => {
                if !its
                    .iter()
                    .all(|t| t.scalar().is_some_and(|s| s.dtype.is_int()))
                {
                    self.error(axis.span, msg::bad_axis(r.name(), !single_only));
                    return None;
                }
                for it in items {
                    self.literal_axis(it, n)?;
                }
                Some(items.len() as u8)
            }
            (_, t) if t.scalar().is_some_and(|s| s.dtype.is_int()) => {
                self.literal_axis(axis, n)?;
                Some(1)
            }
            _ => {
                self.error(axis.span, msg::bad_axis(r.name(), !single_only));
                return None;
            }
        };
        let out = reduce_dtype(r, d);
        let rank = if r.is_scan() {
            if count.is_none() { 1 } else { n }
        } else if keepdims {
            n
        } else {
            n.saturating_sub(count.unwrap_or(n))
        };
        if rank == 0 {
            Some(Ty::Scalar(Scalar::np(out)))
        } else {
            Some(Ty::Array(out, rank))
        }
    }

    /// Checks a literal axis against the rank (NumPy's `AxisError` when compiling).
    pub(super) fn literal_axis(&mut self, e: &Expr, rank: u8) -> Option<()> {
        let v = match e.kind {
            ExprKind::Int(v) => v,
            ExprKind::Unary(crate::ir::UnaryOp::Neg, ref x) => match x.kind {
                ExprKind::Int(v) => -v,
                _ => return Some(()),
            },
            _ => return Some(()),
        };
        if v >= rank as i64 || v < -(rank as i64) {
            self.error(e.span, msg::axis_out_of_range(v, rank));
            return None;
        }
        Some(())
    }
}
