//! Typing of NumPy's advanced indexing: boolean masks and integer arrays in an index
//! (`a[a > 0]`, `a[idx]`, `a[i_arr, j_arr]`, `a[m, :]`, `a[:, idx]`, `a[np.nonzero(m)]`),
//! and of the functions built on it (`Builtin::NpIndexFn`).
//!
//! Whether an index is advanced depends on the types of its items, so the decision is
//! made per instance: [`fancy_items`] classifies an index from the instance's types, and
//! typing, analyses and the emitter all ask it. The result is always a new array (NumPy
//! copies), of the rank [`fancy_rank`] computes with NumPy's rules.

use super::{Instance, Typer};
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, IndexFn};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, kind};

/// One item of an index that holds an array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IndexItem {
    /// An integer.
    Int,
    /// `lo:hi:st`.
    Slice,
    /// `None` / `np.newaxis`.
    NewAxis,
    /// `...`.
    Ellipsis,
    /// A boolean array (or list) of this rank.
    Mask(u8),
    /// An integer array (or list) of this rank.
    Ints(u8),
    /// An array of another dtype (NumPy's `IndexError`).
    Bad,
    /// Something else than an integer next to index arrays (a float, a bool, a tuple).
    BadScalar,
}

impl IndexItem {
    /// The item an index of type `t` is (`kind` the expression's form, when known).
    fn of(e: Option<&ExprKind>, t: &Ty) -> IndexItem {
        match (e, t) {
            (Some(ExprKind::SliceSpec(..)), _) => IndexItem::Slice,
            (Some(ExprKind::Ellipsis), _) => IndexItem::Ellipsis,
            (Some(ExprKind::None), _) | (_, Ty::None) => IndexItem::NewAxis,
            (_, Ty::Array(Dtype::Bool, r)) => IndexItem::Mask(*r),
            (_, Ty::Array(d, r)) if kind(*d) == 1 => IndexItem::Ints(*r),
            (_, Ty::List(item)) => match item.scalar() {
                Some(s) if s.dtype == Dtype::Bool => IndexItem::Mask(1),
                Some(s) if kind(s.dtype) == 1 => IndexItem::Ints(1),
                _ => IndexItem::Bad,
            },
            (_, Ty::Array(..)) => IndexItem::Bad,
            (_, t) if t.scalar().is_some_and(|s| kind(s.dtype) == 1) => IndexItem::Int,
            // Floats, bools (NumPy's 0-d masks), tuples, ... next to index arrays.
            _ => IndexItem::BadScalar,
        }
    }

    /// Is this item an array (a mask or integers, or one NumPy refuses)?
    fn is_array(self) -> bool {
        matches!(
            self,
            IndexItem::Mask(_) | IndexItem::Ints(_) | IndexItem::Bad
        )
    }
}

/// The items of `idx` (an index of an array) when one of them is an array: a mask or
/// integer-array index, typed in `inst`. `None`: a basic index (integers and slices), or
/// types not known yet.
pub(crate) fn fancy_items(inst: &Instance, idx: &Expr) -> Option<Vec<IndexItem>> {
    let ty = |e: &Expr| inst.exprs.get(e.id as usize).cloned().flatten();
    let items: Vec<IndexItem> = match &idx.kind {
        ExprKind::Tuple(items) => items
            .iter()
            .map(|e| Some(IndexItem::of(Some(&e.kind), &ty(e)?)))
            .collect::<Option<_>>()?,
        ExprKind::SliceSpec(..) | ExprKind::None | ExprKind::Ellipsis => return None,
        _ => match ty(idx)? {
            // A tuple value (`a[np.nonzero(m)]`): its items.
            Ty::Tuple(ts) => ts.iter().map(|t| IndexItem::of(None, t)).collect(),
            t => vec![IndexItem::of(Some(&idx.kind), &t)],
        },
    };
    items.iter().any(|i| i.is_array()).then_some(items)
}

/// `a[t]` with `t` a tuple value of integers, not written as a tuple (`idx = i, j`
/// then `a[idx]`): its length. NumPy reads it as `a[t[0], t[1]]`.
pub(crate) fn tuple_value_index(inst: &Instance, idx: &Expr) -> Option<usize> {
    if matches!(
        idx.kind,
        ExprKind::Tuple(_) | ExprKind::SliceSpec(..) | ExprKind::None | ExprKind::Ellipsis
    ) {
        return None;
    }
    match inst.exprs.get(idx.id as usize).cloned().flatten()? {
        Ty::Tuple(items)
            if !items.is_empty()
                && items
                    .iter()
                    .all(|t| t.scalar().is_some_and(|s| kind(s.dtype) == 1)) =>
        {
            Some(items.len())
        }
        _ => None,
    }
}

/// Is `base[idx]` an index the emitter gives to `emit/fancy.rs` (in `inst`): a mask, an
/// integer array, or a tuple value of integers?
pub(crate) fn is_fancy(inst: &Instance, base: &Expr, idx: &Expr) -> bool {
    matches!(
        inst.exprs.get(base.id as usize).cloned().flatten(),
        Some(Ty::Array(..))
    ) && (fancy_items(inst, idx).is_some() || tuple_value_index(inst, idx).is_some())
}

/// Why an index cannot be typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FancyError {
    /// An array of floats (or another dtype) in the index.
    Dtype,
    /// More axes indexed than the array has (`(rank, indexed)`).
    TooMany(u8, usize),
    /// More than 5 dimensions in the result.
    Rank(usize),
}

/// The rank of `a[items]` for an array of rank `n` (NumPy: a mask of rank `k` stands
/// for `k` index arrays of rank 1; integers next to arrays are index arrays of rank 0;
/// the index arrays broadcast together).
pub(crate) fn fancy_rank(n: u8, items: &[IndexItem]) -> Result<u8, FancyError> {
    let (mut consumed, mut kept, mut adv) = (0usize, 0usize, 0usize);
    for it in items {
        match *it {
            IndexItem::Int => consumed += 1,
            IndexItem::Slice => {
                consumed += 1;
                kept += 1;
            }
            IndexItem::NewAxis => kept += 1,
            IndexItem::Ellipsis => {}
            IndexItem::Mask(r) => {
                consumed += r as usize;
                adv = adv.max(1);
            }
            IndexItem::Ints(r) => {
                consumed += 1;
                adv = adv.max(r as usize);
            }
            IndexItem::Bad | IndexItem::BadScalar => return Err(FancyError::Dtype),
        }
    }
    if consumed > n as usize {
        return Err(FancyError::TooMany(n, consumed));
    }
    let rank = adv + kept + (n as usize - consumed);
    if !(1..=5).contains(&rank) {
        return Err(FancyError::Rank(rank));
    }
    Ok(rank as u8)
}

impl Typer<'_> {
    /// `a[idx]` of an array of dtype `d` and rank `n` when `idx` holds an array: the
    /// new array's type (`Some(None)`: an error was reported); `None`: not such an index.
    pub(super) fn fancy_index(&mut self, d: Dtype, n: u8, idx: &Expr) -> Option<Option<Ty>> {
        if let Some(k) = tuple_value_index(self.inst(), idx) {
            return Some(if k == n as usize {
                Some(Ty::Scalar(Scalar::np(d)))
            } else if k > n as usize {
                self.error(idx.span, msg::too_many_indices(n, k));
                None
            } else {
                self.error(idx.span, msg::tuple_value_index(k, n));
                None
            });
        }
        let items = fancy_items(self.inst(), idx)?;
        Some(match fancy_rank(n, &items) {
            Ok(r) => Some(Ty::Array(d, r)),
            Err(e) => {
                self.fancy_error(e, idx);
                None
            }
        })
    }

    fn fancy_error(&mut self, e: FancyError, idx: &Expr) {
        let m = match e {
            FancyError::Dtype => {
                let bad = match &idx.kind {
                    ExprKind::Tuple(items) => items.iter().find_map(|i| {
                        let t = self.inst().exprs[i.id as usize].clone()?;
                        let item = IndexItem::of(Some(&i.kind), &t);
                        matches!(item, IndexItem::Bad | IndexItem::BadScalar).then_some((i.span, t))
                    }),
                    _ => None,
                };
                let (span, t) = bad.unwrap_or_else(|| {
                    let t = self.inst().exprs[idx.id as usize]
                        .clone()
                        .unwrap_or(Ty::None);
                    (idx.span, t)
                });
                self.error(span, msg::index_dtype(&t.to_string()));
                return;
            }
            FancyError::TooMany(n, k) => msg::too_many_indices(n, k),
            FancyError::Rank(r) => msg::fancy_rank(r),
        };
        self.error(idx.span, m);
    }

    /// The rank of an index argument of `np.take` / `np.put` (0: an integer), or an error.
    fn index_arg(&mut self, f: IndexFn, e: &Expr, t: &Ty) -> Option<u8> {
        match IndexItem::of(Some(&e.kind), t) {
            IndexItem::Int if t.scalar().is_some_and(|s| kind(s.dtype) <= 1) => Some(0),
            IndexItem::Ints(r) => Some(r),
            _ => {
                self.error(
                    e.span,
                    msg::np_argument(f.name(), "integer indices (an int, an int array or list)"),
                );
                None
            }
        }
    }

    /// `numpy.<f>(args)` (the lowered argument list, see `lower/fancy.rs`).
    pub(super) fn index_fn_type(
        &mut self,
        f: IndexFn,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        // The array argument `k`.
        let array = |this: &mut Self, k: usize| -> Option<(Dtype, u8)> {
            match tys.get(k) {
                Some(Ty::Array(d, n)) => Some((*d, *n)),
                _ => {
                    let at = args.get(k).map_or(span, |a| a.span);
                    this.error(at, msg::np_argument(f.name(), "an array here"));
                    None
                }
            }
        };
        let axis_ok = |this: &mut Self, k: usize| -> Option<bool> {
            match (&args[k].kind, &tys[k]) {
                (ExprKind::None, _) => Some(false),
                (_, t) if t.scalar().is_some_and(|s| kind(s.dtype) == 1) => Some(true),
                _ => {
                    this.error(
                        args[k].span,
                        msg::np_argument(f.name(), "`axis=None` or an integer axis"),
                    );
                    None
                }
            }
        };
        match f {
            IndexFn::Nonzero => {
                let (_, n) = array(self, 0)?;
                Some(Ty::Tuple(vec![Ty::Array(Dtype::Int64, 1); n as usize]))
            }
            IndexFn::Flatnonzero => array(self, 0).map(|_| Ty::Array(Dtype::Int64, 1)),
            IndexFn::Argwhere => array(self, 0).map(|_| Ty::Array(Dtype::Int64, 2)),
            IndexFn::Extract => {
                array(self, 0)?;
                let (d, _) = array(self, 1)?;
                Some(Ty::Array(d, 1))
            }
            IndexFn::Compress => {
                match &tys[0] {
                    Ty::Array(_, 1) => {}
                    Ty::List(item) if item.scalar().is_some_and(|s| kind(s.dtype) <= 2) => {}
                    t @ Ty::Array(..) => {
                        self.error(args[0].span, msg::compress_condition(&t.to_string()));
                        return None;
                    }
                    _ => {
                        self.error(
                            args[0].span,
                            msg::np_argument(f.name(), "a 1-d array or list as condition"),
                        );
                        return None;
                    }
                }
                let (d, n) = array(self, 1)?;
                let along = axis_ok(self, 2)?;
                Some(Ty::Array(d, if along { n } else { 1 }))
            }
            IndexFn::Take => {
                let (d, n) = array(self, 0)?;
                let r = self.index_arg(f, &args[1], &tys[1])?;
                let along = axis_ok(self, 2)?;
                let rank = if along {
                    n as usize - 1 + r as usize
                } else {
                    r as usize
                };
                match rank {
                    0 => Some(Ty::Scalar(Scalar::np(d))),
                    1..=5 => Some(Ty::Array(d, rank as u8)),
                    _ => {
                        self.error(span, msg::fancy_rank(rank));
                        None
                    }
                }
            }
            IndexFn::Put => {
                let (d, _) = array(self, 0)?;
                self.index_arg(f, &args[1], &tys[1])?;
                let ok = match &tys[2] {
                    Ty::Array(e, _) => !(kind(*e) == 3 && kind(d) < 3),
                    Ty::List(item) => item
                        .scalar()
                        .is_some_and(|s| kind(s.dtype) <= kind(d).max(2)),
                    t => t.scalar().is_some_and(|s| {
                        kind(s.dtype) <= 3 && !(kind(s.dtype) == 3 && kind(d) < 3)
                    }),
                };
                if !ok {
                    self.error(
                        args[2].span,
                        msg::np_argument(f.name(), "values of the array's kind"),
                    );
                    return None;
                }
                Some(Ty::None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IndexItem::*;

    #[test]
    fn ranks_follow_numpy() {
        // a[mask] with a mask of the array's rank: 1-D.
        assert_eq!(fancy_rank(2, &[Mask(2)]), Ok(1));
        // A 1-D mask on rows keeps the other axes.
        assert_eq!(fancy_rank(2, &[Mask(1)]), Ok(2));
        assert_eq!(fancy_rank(2, &[Slice, Mask(1)]), Ok(2));
        // Index arrays: their (broadcast) rank plus the axes left.
        assert_eq!(fancy_rank(3, &[Ints(2)]), Ok(4));
        assert_eq!(fancy_rank(2, &[Ints(1), Ints(1)]), Ok(1));
        assert_eq!(fancy_rank(3, &[Int, Slice, Ints(1)]), Ok(2));
        assert_eq!(fancy_rank(2, &[Ints(1), NewAxis]), Ok(3));
        assert_eq!(
            fancy_rank(1, &[Ints(1), Int]),
            Err(FancyError::TooMany(1, 2))
        );
        assert_eq!(fancy_rank(2, &[Mask(3)]), Err(FancyError::TooMany(2, 3)));
        assert_eq!(
            fancy_rank(3, &[Ints(3), Slice, Slice, NewAxis]),
            Err(FancyError::Rank(6))
        );
        assert_eq!(fancy_rank(1, &[Bad]), Err(FancyError::Dtype));
    }
}
