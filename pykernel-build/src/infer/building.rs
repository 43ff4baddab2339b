//! Typing of NumPy's array-building functions (`Builtin::NpBuild`): the result's rank
//! follows from the ranks of the arrays and the lengths of tuple arguments (known when
//! compiling); the dtype of a join is NumPy's `result_type` of the arrays' dtypes.

use super::Typer;
use crate::diagnostics::Span;
use crate::ir::{Build, Expr, ExprKind};
use crate::messages::numpy as msg;
use crate::types::{Ty, promote_dtypes};

/// Is `t` an integer (Python `int` or a NumPy integer)?
fn int(t: &Ty) -> bool {
    t.scalar().is_some_and(|s| s.dtype.is_int())
}

/// The number of integers of an int-or-tuple argument (`shift`, `reps`, `axis`).
fn int_count(t: &Ty) -> Option<usize> {
    match t {
        Ty::Tuple(items) if items.iter().all(int) => Some(items.len()),
        t if int(t) => Some(1),
        _ => None,
    }
}

impl Typer<'_> {
    /// `numpy.<f>(...)` with the lowered argument list (see `lower/building.rs`).
    pub(super) fn build_type(
        &mut self,
        f: Build,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let name = f.name();
        if f.is_newer() {
            return self.build_more_type(f, args, tys, span);
        }
        if f.is_join() {
            return self.join_type(f, args, tys, span);
        }
        if f == Build::Interp {
            return self.interp_type(args, tys, span);
        }
        let Some(&Ty::Array(d, n)) = tys.first() else {
            self.error(span, msg::np_argument(name, "an array here"));
            return None;
        };
        match f {
            Build::Roll => {
                let (shift, axis) = (&tys[1], &args[2]);
                let Some(shifts) = int_count(shift) else {
                    self.error(
                        args[1].span,
                        msg::np_argument(name, "an integer or a tuple of integers as `shift`"),
                    );
                    return None;
                };
                match &axis.kind {
                    // The flattened array, shifted by the sum of the shifts.
                    ExprKind::None => {}
                    _ => {
                        let axes = self.axes(name, axis, &tys[2], n)?;
                        if shifts != axes && shifts != 1 && axes != 1 {
                            self.error(
                                span,
                                msg::rank_needed(&format!(
                                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ({shifts},) and arg 1 with shape ({axes},)."
                                )),
                            );
                            return None;
                        }
                    }
                }
                Some(Ty::Array(d, n))
            }
            Build::Tile => {
                let Some(k) = int_count(&tys[1]) else {
                    self.error(
                        args[1].span,
                        msg::rank_not_static("the result of `numpy.tile`"),
                    );
                    return None;
                };
                let r = (n as usize).max(k);
                if r > 5 {
                    self.error(span, msg::too_many_dimensions(name));
                    return None;
                }
                Some(Ty::Array(d, r as u8))
            }
            Build::Repeat => {
                match &tys[1] {
                    t if int(t) => {}
                    Ty::Array(c, 1) if c.is_int() => {}
                    _ => {
                        self.error(
                            args[1].span,
                            msg::np_argument(name, "an integer or a 1-D integer array of counts"),
                        );
                        return None;
                    }
                }
                if let ExprKind::None = args[2].kind {
                    return Some(Ty::Array(d, 1));
                }
                if !int(&tys[2]) {
                    self.error(args[2].span, msg::bad_axis(name, false));
                    return None;
                }
                self.literal_axis(&args[2], n)?;
                Some(Ty::Array(d, n))
            }
            Build::Diff => {
                if !int(&tys[1]) {
                    self.error(args[1].span, msg::np_argument(name, "an integer `n`"));
                    return None;
                }
                if !int(&tys[2]) {
                    self.error(args[2].span, msg::bad_axis(name, false));
                    return None;
                }
                self.literal_axis(&args[2], n)?;
                Some(Ty::Array(d, n))
            }
            Build::Flip => {
                if !matches!(args[1].kind, ExprKind::None) {
                    self.axes(name, &args[1], &tys[1], n)?;
                }
                Some(Ty::Array(d, n))
            }
            Build::Convolve { .. } => match (n, &tys[1]) {
                (1, Ty::Array(e, 1)) => Some(Ty::Array(promote_dtypes(d, *e), 1)),
                _ => {
                    self.error(span, msg::np_argument(name, "two 1-D arrays here"));
                    None
                }
            },
            Build::Rot90 => {
                if !int(&tys[1]) {
                    self.error(args[1].span, msg::np_argument(name, "an integer `k`"));
                    return None;
                }
                if int_count(&tys[2]) != Some(2) || !matches!(tys[2], Ty::Tuple(_)) {
                    self.error(
                        args[2].span,
                        msg::np_argument(name, "a tuple of two integers as `axes`"),
                    );
                    return None;
                }
                if n < 2 {
                    self.error(span, msg::rank_needed("Axes must be different."));
                    return None;
                }
                Some(Ty::Array(d, n))
            }
            Build::Fliplr if n < 2 => {
                self.error(span, msg::rank_needed("Input must be >= 2-d."));
                None
            }
            _ => Some(Ty::Array(d, n)),
        }
    }

    /// An `axis` argument of an integer or a tuple of integers, each literal one checked
    /// against the rank: the number of axes.
    fn axes(&mut self, name: &str, axis: &Expr, t: &Ty, rank: u8) -> Option<usize> {
        let Some(k) = int_count(t) else {
            self.error(axis.span, msg::bad_axis(name, true));
            return None;
        };
        match &axis.kind {
            ExprKind::Tuple(items) => {
                for it in items {
                    self.literal_axis(it, rank)?;
                }
            }
            _ => self.literal_axis(axis, rank)?,
        }
        Some(k)
    }

    /// The functions of a sequence of arrays: `concatenate`, `stack`, `vstack`,
    /// `hstack`, `column_stack`, `meshgrid`.
    fn join_type(&mut self, f: Build, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        let name = f.name();
        let skip = usize::from(matches!(
            f,
            Build::Concatenate | Build::Stack | Build::Append
        ));
        let (items, item_tys) = (&args[skip..], &tys[skip..]);
        let mut arrays = Vec::with_capacity(items.len());
        for (e, t) in items.iter().zip(item_tys) {
            match t {
                Ty::Array(d, n) => arrays.push((*d, *n)),
                // `np.append(a, 5)`: the number as an array of its dtype.
                Ty::Scalar(s) if f == Build::Append => arrays.push((s.dtype, 0)),
                Ty::Scalar(_) if !matches!(f, Build::Meshgrid { .. }) => {
                    self.error(e.span, msg::zero_dim_join(name));
                    return None;
                }
                _ => {
                    self.error(e.span, msg::np_argument(name, "arrays"));
                    return None;
                }
            }
        }
        if arrays.is_empty() {
            if matches!(f, Build::Meshgrid { .. }) {
                self.error(span, msg::np_argument(name, "at least one array here"));
            } else {
                self.error(span, msg::nothing_to_join(name));
            }
            return None;
        }
        let dtype = arrays
            .iter()
            .map(|a| a.0)
            .reduce(promote_dtypes)
            .unwrap_or(crate::exports::Dtype::Float64);
        if let Build::Meshgrid { .. } = f {
            if arrays.len() > 5 {
                self.error(span, msg::too_many_dimensions(name));
                return None;
            }
            let n = arrays.len() as u8;
            return Some(Ty::Tuple(
                arrays.iter().map(|&(d, _)| Ty::Array(d, n)).collect(),
            ));
        }
        if matches!(f, Build::Concatenate | Build::Append) && matches!(args[0].kind, ExprKind::None)
        {
            return Some(Ty::Array(dtype, 1));
        }
        // The ranks the arrays are joined at (`vstack` makes 1-D arrays rows, ...).
        let ranks: Vec<u8> = arrays
            .iter()
            .map(|&(_, n)| match f {
                Build::Vstack => n.max(2),
                Build::ColumnStack if n == 1 => 2,
                Build::Dstack => n.max(3),
                _ => n,
            })
            .collect();
        let first = ranks[0];
        if let Some(k) = ranks.iter().position(|&r| r != first) {
            if f == Build::Stack {
                self.error(
                    items[k].span,
                    msg::rank_needed("all input arrays must have the same shape"),
                );
            } else {
                self.error(items[k].span, msg::join_ranks(first, k, ranks[k]));
            }
            return None;
        }
        let rank = if f == Build::Stack { first + 1 } else { first };
        if rank > 5 {
            self.error(span, msg::too_many_dimensions(name));
            return None;
        }
        if skip == 1 {
            if !int(&tys[0]) {
                self.error(args[0].span, msg::bad_axis(name, false));
                return None;
            }
            self.literal_axis(&args[0], rank)?;
        }
        Some(Ty::Array(dtype, rank))
    }
}

impl Typer<'_> {
    /// `np.interp(x, xp, fp, left, right)`: float64, a NumPy scalar for a number `x`.
    fn interp_type(&mut self, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        let real = |t: &Ty| match t {
            Ty::Array(d, 1) => crate::types::kind(*d) <= 2,
            _ => false,
        };
        if !real(&tys[1]) || !real(&tys[2]) {
            self.error(
                span,
                msg::np_argument(
                    "interp",
                    "1-D arrays of real numbers as `xp` and `fp` (complex `fp` is not supported yet)",
                ),
            );
            return None;
        }
        for k in [3, 4] {
            let ok = matches!(args[k].kind, ExprKind::None)
                || tys[k]
                    .scalar()
                    .is_some_and(|s| crate::types::kind(s.dtype) <= 2);
            if !ok {
                self.error(
                    args[k].span,
                    msg::np_argument("interp", "a real number or `None` as `left` and `right`"),
                );
                return None;
            }
        }
        match &tys[0] {
            Ty::Scalar(s) if crate::types::kind(s.dtype) <= 2 => Some(Ty::Scalar(
                crate::types::Scalar::np(crate::exports::Dtype::Float64),
            )),
            Ty::Array(d, n) if crate::types::kind(*d) <= 2 => {
                Some(Ty::Array(crate::exports::Dtype::Float64, *n))
            }
            _ => {
                self.error(
                    args[0].span,
                    msg::np_argument("interp", "a real number or an array of them as `x`"),
                );
                None
            }
        }
    }
}
