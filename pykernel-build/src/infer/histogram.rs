//! Typing of `np.histogram(a, bins, range, density, weights)`: the counts (int64, the
//! weights' dtype, or float64/complex128 with `density=True`) and the edges (the dtype
//! NumPy's `np.linspace` gives them for equal bins, the bins array's own otherwise).

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, default_of_kind, kind, promote_dtypes};

const NAME: &str = "histogram";

impl Typer<'_> {
    /// `numpy.histogram` with the lowered arguments `[a, bins, range, density, weights]`.
    pub(super) fn histogram_type(&mut self, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        let Ty::Array(d, n) = tys[0] else {
            self.error(span, msg::np_argument(NAME, "an array here"));
            return None;
        };
        if kind(d) == 3 {
            self.error(
                args[0].span,
                msg::np_argument(NAME, "real numbers (complex ones are not supported yet)"),
            );
            return None;
        }
        // NumPy converts a bool array to uint8 first.
        let a = if d == Dtype::Bool { Dtype::UInt8 } else { d };
        let ntype = match &tys[4] {
            Ty::None => Dtype::Int64,
            Ty::Array(w, m) if *m == n => *w,
            Ty::Array(..) => {
                self.error(
                    args[4].span,
                    msg::rank_needed("weights should have the same shape as a."),
                );
                return None;
            }
            _ => {
                self.error(
                    args[4].span,
                    msg::np_argument(NAME, "`weights` as an array"),
                );
                return None;
            }
        };
        let edges = match &tys[1] {
            Ty::Scalar(s) if s.kind() <= 1 => self.histogram_bin_type(a, &args[2], &tys[2])?,
            // NumPy adds the weights' int64 running sums back into bool counts.
            Ty::Array(e, 1) if kind(*e) <= 2 && ntype == Dtype::Bool => {
                self.error(
                    args[4].span,
                    msg::np_argument(
                        NAME,
                        "numeric `weights` with bin edges (NumPy: Cannot cast ufunc 'add' \
                         output from dtype('int64') to dtype('bool') with casting rule \
                         'same_kind')",
                    ),
                );
                return None;
            }
            Ty::Array(e, 1) if kind(*e) <= 2 => *e,
            Ty::Array(_, 1) => {
                self.error(
                    args[1].span,
                    msg::np_argument(NAME, "real bin edges (complex ones are not supported)"),
                );
                return None;
            }
            Ty::Array(..) => {
                self.error(
                    args[1].span,
                    msg::rank_needed("`bins` must be 1d, when an array"),
                );
                return None;
            }
            _ => {
                self.error(
                    args[1].span,
                    msg::np_argument(NAME, "`bins` as an integer or a 1-D array of edges"),
                );
                return None;
            }
        };
        let counts = match args[3].kind {
            ExprKind::Bool(true) if kind(ntype) == 3 => Dtype::Complex128,
            ExprKind::Bool(true) => Dtype::Float64,
            _ => ntype,
        };
        Some(Ty::Tuple(vec![Ty::Array(counts, 1), Ty::Array(edges, 1)]))
    }

    /// The dtype of equal bins' edges: `result_type(first, last, a)` (float64 for
    /// integers). Refused when it would change with the values (NumPy widens an empty
    /// range by 0.5, which turns NumPy integers into float64).
    fn histogram_bin_type(&mut self, a: Dtype, range: &Expr, rt: &Ty) -> Option<Dtype> {
        // `np.result_type(first, last, a)`: the NumPy types promoted together, then the
        // Python numbers (of their default dtype when their kind is higher).
        let bin_type = |f: Scalar, l: Scalar| {
            let mut strong = a;
            let mut weak = 0;
            for s in [f, l] {
                if s.py {
                    weak = weak.max(s.kind());
                } else {
                    strong = promote_dtypes(strong, s.dtype);
                }
            }
            if weak > kind(strong) {
                strong = promote_dtypes(strong, default_of_kind(weak));
            }
            if kind(strong) <= 1 {
                Dtype::Float64
            } else {
                strong
            }
        };
        // `x - 0.5` of the range's ends.
        let widened = |s: Scalar| match (s.kind(), s.py) {
            (1, true) => Scalar::FLOAT,
            (1, false) => Scalar::np(Dtype::Float64),
            _ => s,
        };
        let real = |t: &Ty| t.scalar().filter(|s| matches!(s.kind(), 1 | 2));
        let arr = Scalar::np(a);
        let (f, l) = match rt {
            Ty::None => (arr, arr),
            Ty::Tuple(items) if items.len() == 2 => match (real(&items[0]), real(&items[1])) {
                (Some(f), Some(l)) => (f, l),
                _ => {
                    self.error(
                        range.span,
                        msg::np_argument(NAME, "`range` as a pair of real numbers"),
                    );
                    return None;
                }
            },
            _ => {
                self.error(
                    range.span,
                    msg::np_argument(NAME, "`range` as `None` or a pair of numbers"),
                );
                return None;
            }
        };
        let b = bin_type(f, l);
        if bin_type(widened(f), widened(l)) != b {
            self.error(range.span, msg::histogram_edge_dtype());
            return None;
        }
        Some(b)
    }
}
