//! Typing of NumPy programs: whole-array operators and ufuncs (with broadcasting and
//! NEP 50 promotion), reductions, shape functions, `np.where`/`np.clip`, in-place
//! operators and stores of arrays.
//!
//! An array-valued expression has the type `Ty::Array(dtype, rank)` like an array
//! variable; whether it becomes a loop, a temporary or a view is decided later
//! (`crate::arrayexpr`).

use super::Typer;
use super::ufunc_types::{binop_ufunc, compare_ufunc, resolve, unary_ufunc};
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{BinOp, CmpOp, Expr, ExprKind, Reduce, ShapeFn, SortFn, Ufunc, UnaryOp};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, kind};

/// An operand of an elementwise operation: its element scalar type and rank (0 for a
/// number).
pub(crate) fn operand(t: &Ty) -> Option<(Scalar, u8)> {
    match t {
        Ty::Array(d, n) => Some((Scalar::np(*d), *n)),
        Ty::Scalar(s) => Some((*s, 0)),
        _ => None,
    }
}

/// The dtype `np.asarray` gives a tuple of numbers (a 1-D array): the promotion of the
/// items' dtypes, a Python bool, int, float or complex counting as bool, int64, float64
/// or complex128 (array creation does not treat them as weak); float64 for `()`. `None`
/// for other tuples (nested, holding arrays or lists).
pub(crate) fn tuple_dtype(t: &Ty) -> Option<Dtype> {
    let Ty::Tuple(items) = t else { return None };
    let scalars: Vec<Scalar> = items.iter().map(Ty::scalar).collect::<Option<_>>()?;
    scalars
        .iter()
        .map(|s| s.dtype)
        .reduce(crate::types::promote_dtypes)
        .or(Some(Dtype::Float64))
}

/// [`operand`], where a tuple of numbers is the 1-D array `np.asarray` makes of it (as
/// NumPy's ufuncs and operators convert it).
pub(crate) fn ufunc_operand(t: &Ty) -> Option<(Scalar, u8)> {
    operand(t).or_else(|| tuple_dtype(t).map(|d| (Scalar::np(d), 1)))
}

/// NumPy's result dtype of a reduction of elements of dtype `d`.
pub(crate) fn reduce_dtype(r: Reduce, d: Dtype) -> Dtype {
    use Dtype::*;
    match r {
        Reduce::Sum
        | Reduce::Prod
        | Reduce::Cumsum
        | Reduce::Cumprod
        | Reduce::NanSum
        | Reduce::NanProd
        | Reduce::NanCumsum
        | Reduce::NanCumprod => match d {
            Bool | Int8 | Int16 | Int32 => Int64,
            UInt8 | UInt16 | UInt32 => UInt64,
            other => other,
        },
        Reduce::Mean | Reduce::Average | Reduce::NanMean => match d {
            Float32 | Float64 | Complex64 | Complex128 => d,
            _ => Float64,
        },
        Reduce::Min | Reduce::Max | Reduce::Ptp | Reduce::NanMin | Reduce::NanMax => d,
        Reduce::Any | Reduce::All => Bool,
        Reduce::CountNonzero
        | Reduce::Argmin
        | Reduce::Argmax
        | Reduce::NanArgmin
        | Reduce::NanArgmax => Int64,
        Reduce::Var | Reduce::Std | Reduce::NanVar | Reduce::NanStd | Reduce::Norm(_) => match d {
            Float32 | Complex64 => Float32,
            _ => Float64,
        },
    }
}

/// Can NumPy cast `from` to `to` with `casting='same_kind'`?
pub(crate) fn same_kind(from: Dtype, to: Dtype) -> bool {
    let order = |d: Dtype| match d {
        Dtype::Bool => 0,
        _ if d.is_unsigned() => 1,
        _ if d.is_int() => 2,
        _ => kind(d) + 1,
    };
    order(from) <= order(to)
}

impl Typer<'_> {
    /// The result of ufunc `u` on operands of these types (arrays broadcast; numbers
    /// give a NumPy scalar).
    pub(super) fn ufunc_type(&mut self, u: Ufunc, tys: &[Ty], span: Span) -> Option<Ty> {
        let mut scalars = Vec::new();
        let mut rank = 0u8;
        for t in tys {
            let Some((s, n)) = ufunc_operand(t) else {
                let names: Vec<String> = tys.iter().map(ToString::to_string).collect();
                self.error(
                    span,
                    crate::messages::kernel::bad_operands(
                        u.name(),
                        &names[0],
                        names.last().map_or("", |s| s.as_str()),
                    ),
                );
                return None;
            };
            scalars.push(s);
            rank = rank.max(n);
        }
        match resolve(u, &scalars) {
            Ok(l) if rank == 0 => Some(Ty::Scalar(Scalar::np(l.output))),
            Ok(l) => Some(Ty::Array(l.output, rank)),
            Err(text) => {
                self.error(span, msg::ufunc_types(&text));
                None
            }
        }
    }

    /// `l op r` with an array operand.
    pub(super) fn array_binary(&mut self, op: BinOp, l: &Ty, r: &Ty, span: Span) -> Option<Ty> {
        self.ufunc_type(binop_ufunc(op), &[l.clone(), r.clone()], span)
    }

    /// `op a` of an array.
    pub(super) fn array_unary(&mut self, op: UnaryOp, t: &Ty, span: Span) -> Option<Ty> {
        match unary_ufunc(op) {
            Some(u) => self.ufunc_type(u, std::slice::from_ref(t), span),
            None => {
                self.error(span, msg::array_truth());
                None
            }
        }
    }

    /// `a < b` with an array operand.
    pub(super) fn array_compare(
        &mut self,
        ops: &[(CmpOp, Option<Ty>)],
        first: &Ty,
        span: Span,
    ) -> Option<Ty> {
        let [(op, Some(r))] = ops else {
            self.error(span, msg::chained_array_compare());
            return None;
        };
        let Some(u) = compare_ufunc(*op) else {
            self.error(
                span,
                crate::messages::kernel::bad_operands("in", &first.to_string(), &r.to_string()),
            );
            return None;
        };
        self.ufunc_type(u, &[first.clone(), r.clone()], span)
    }

    /// A NumPy reduction of a whole array (or number).
    pub(super) fn reduce_type(&mut self, r: Reduce, t: &Ty, span: Span) -> Option<Ty> {
        let Some((s, _)) = operand(t) else {
            self.error(span, msg::np_argument(r.name(), "an array or a number"));
            return None;
        };
        if matches!(r, Reduce::Min | Reduce::Max) && kind(s.dtype) == 3 {
            self.error(span, msg::complex_extreme(r.name()));
            return None;
        }
        let d = reduce_dtype(r, s.dtype);
        // NumPy 2 gives a NumPy scalar for every one of them (`count_nonzero`: intp).
        Some(Ty::Scalar(Scalar::np(d)))
    }

    /// `a op= v` with `a` an array (or a view of one): computed in place, NumPy's
    /// `same_kind` casting back into `a`'s dtype.
    pub(super) fn array_aug_assign(&mut self, a: &Ty, op: BinOp, v: &Ty, span: Span) {
        let Ty::Array(d, n) = a else { return };
        let Some(r) = self.array_binary(op, a, v, span) else {
            return;
        };
        if let Some((_, m)) = ufunc_operand(v)
            && m > *n
        {
            self.error(span, msg::store_rank(m, *n));
            return;
        }
        let out = match r {
            Ty::Array(o, _) => o,
            _ => return,
        };
        if !same_kind(out, *d) {
            self.error(
                span,
                msg::inplace_cast(binop_ufunc(op).name(), out.numpy_name(), d.numpy_name()),
            );
        }
    }

    /// The rank of `np.reshape`'s shape argument(s): a tuple literal or value, or
    /// integers.
    fn shape_rank(&mut self, args: &[Expr], tys: &[Ty], what: &str, span: Span) -> Option<u8> {
        let rank = match (args, tys) {
            ([a], [Ty::Tuple(items)]) => {
                let _ = a;
                items.len()
            }
            (_, tys)
                if tys
                    .iter()
                    .all(|t| t.scalar().is_some_and(|s| s.dtype.is_int())) =>
            {
                tys.len()
            }
            _ => {
                self.error(span, msg::rank_not_static(what));
                return None;
            }
        };
        if rank == 0 || rank > 5 {
            self.error(span, msg::rank_not_static(what));
            return None;
        }
        Some(rank as u8)
    }

    /// A shape function of an array: `np.reshape(a, shape)`, `a.reshape(...)`, ...
    /// (`args`/`tys` without the array).
    pub(super) fn shape_fn_type(
        &mut self,
        f: ShapeFn,
        a: &Ty,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let Ty::Array(d, n) = *a else {
            self.error(span, msg::np_argument(f.name(), "an array"));
            return None;
        };
        let int_arg = |k: usize| -> Option<i64> {
            match args.get(k).map(|e| &e.kind) {
                Some(ExprKind::Int(v)) => Some(*v),
                Some(ExprKind::Unary(UnaryOp::Neg, x)) => match x.kind {
                    ExprKind::Int(v) => Some(-v),
                    _ => None,
                },
                _ => None,
            }
        };
        match f {
            ShapeFn::Reshape => {
                let r = self.shape_rank(args, tys, "this reshape", span)?;
                Some(Ty::Array(d, r))
            }
            ShapeFn::BroadcastTo => {
                let r = self.shape_rank(args, tys, "this broadcast", span)?;
                Some(Ty::Array(d, r))
            }
            ShapeFn::Ravel => Some(Ty::Array(d, 1)),
            ShapeFn::Transpose => {
                if !args.is_empty() {
                    self.shape_rank(args, tys, "these axes", span)?;
                }
                Some(Ty::Array(d, n))
            }
            ShapeFn::Swapaxes if args.len() == 2 => Some(Ty::Array(d, n)),
            ShapeFn::ExpandDims if args.len() == 1 && int_arg(0).is_some() && n < 5 => {
                Some(Ty::Array(d, n + 1))
            }
            ShapeFn::Squeeze if args.len() == 1 && int_arg(0).is_some() && n > 1 => {
                Some(Ty::Array(d, n - 1))
            }
            ShapeFn::Squeeze if args.is_empty() => {
                self.error(span, msg::rank_not_static("`squeeze()` without `axis`"));
                None
            }
            ShapeFn::AsContiguous | ShapeFn::AsArray | ShapeFn::Copy if args.is_empty() => {
                Some(Ty::Array(d, n))
            }
            _ => {
                self.error(
                    span,
                    msg::np_argument(f.name(), "these arguments (not supported yet)"),
                );
                None
            }
        }
    }

    /// `np.where(c, a, b)`: `a` and `b` promoted, broadcast with `c`.
    pub(super) fn where_type(&mut self, tys: &[Ty], span: Span) -> Option<Ty> {
        let [c, a, b] = tys else {
            self.error(
                span,
                msg::np_argument("where", "three arguments (condition, x, y)"),
            );
            return None;
        };
        let (Some((_, rc)), Some((sa, ra)), Some((sb, rb))) = (operand(c), operand(a), operand(b))
        else {
            self.error(span, msg::np_argument("where", "arrays or numbers"));
            return None;
        };
        let d = crate::types::promote(sa, sb);
        let rank = rc.max(ra).max(rb);
        Some(if rank == 0 {
            Ty::Scalar(Scalar::np(d.dtype))
        } else {
            Ty::Array(d.dtype, rank)
        })
    }

    /// `np.clip(a, lo, hi)` (= `minimum(maximum(a, lo), hi)`).
    pub(super) fn clip_type(&mut self, tys: &[Ty], span: Span) -> Option<Ty> {
        let [a, lo, hi] = tys else {
            self.error(
                span,
                msg::np_argument("clip", "three arguments (a, a_min, a_max)"),
            );
            return None;
        };
        let m = self.ufunc_type(Ufunc::Maximum, &[a.clone(), lo.clone()], span)?;
        self.ufunc_type(Ufunc::Minimum, &[m, hi.clone()], span)
    }

    /// Methods of arrays beyond `copy`/`fill`: reductions (`a.sum()`), `reshape`,
    /// `ravel`, `astype`, `conj`, `clip`, `transpose(axes)`, `swapaxes`, `squeeze`.
    pub(super) fn array_method(
        &mut self,
        a: &Ty,
        name: &str,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Option<Ty>> {
        if let Some(r) = Reduce::from_name(name).filter(|r| r.is_method() && r.fusable()) {
            if !args.is_empty() {
                self.error(
                    span,
                    msg::np_argument(r.name(), "no arguments here (`axis=` is not supported yet)"),
                );
                return Some(None);
            }
            return Some(self.reduce_type(r, a, span));
        }
        let f = match name {
            "reshape" => Some(ShapeFn::Reshape),
            "ravel" => Some(ShapeFn::Ravel),
            "swapaxes" => Some(ShapeFn::Swapaxes),
            "squeeze" => Some(ShapeFn::Squeeze),
            "transpose" if !args.is_empty() => Some(ShapeFn::Transpose),
            _ => None,
        };
        if let Some(f) = f {
            return Some(self.shape_fn_type(f, a, args, tys, span));
        }
        match (name, tys) {
            // `a.sort()`, `a.sort(axis)`: in place.
            ("sort", []) => Some(Some(Ty::None)),
            ("sort", [t]) if t.scalar().is_some_and(|s| s.dtype.is_int()) => {
                if let Ty::Array(d, _) = a
                    && kind(*d) == 3
                {
                    self.error(
                        span,
                        msg::np_argument(
                            "sort",
                            "real numbers (complex ones are not supported yet)",
                        ),
                    );
                    return Some(None);
                }
                Some(Some(Ty::None))
            }
            // `a.tolist()`: nested lists of Python numbers.
            ("tolist", []) => {
                let Ty::Array(d, n) = a else { return None };
                let mut t = Ty::Scalar(py_scalar(*d));
                for _ in 0..*n {
                    t = Ty::list(t);
                }
                Some(Some(t))
            }
            // `a.item()`, `a.item(i)` (flat), `a.item(i, j, ...)` (one index per axis).
            ("item", ts) => {
                let Ty::Array(d, n) = a else { return None };
                if let Some(k) = ts
                    .iter()
                    .position(|t| !t.scalar().is_some_and(|s| s.dtype.is_int()))
                {
                    self.error(
                        args[k].span,
                        msg::np_argument("ndarray.item", "integer indices"),
                    );
                    return Some(None);
                }
                if ts.len() > 1 && ts.len() != *n as usize {
                    self.error(
                        span,
                        msg::rank_needed("incorrect number of indices for array"),
                    );
                    return Some(None);
                }
                Some(Some(Ty::Scalar(py_scalar(*d))))
            }
            // `a.partition(kth, axis)`: in place.
            ("partition", [_, t]) => {
                let Ty::Array(d, _) = a else { return None };
                if kind(*d) == 3 {
                    self.error(
                        span,
                        msg::np_argument(
                            "partition",
                            "real numbers (complex ones are not supported yet)",
                        ),
                    );
                    return Some(None);
                }
                if !t.scalar().is_some_and(|s| s.dtype.is_int()) {
                    self.error(args[1].span, msg::bad_axis("ndarray.partition", false));
                    return Some(None);
                }
                Some(
                    self.partition_type(SortFn::Partition, *d, &args[0], &tys[0], &args[1], t)
                        .map(|()| Ty::None),
                )
            }
            ("conj" | "conjugate", []) => {
                Some(self.ufunc_type(Ufunc::Conjugate, std::slice::from_ref(a), span))
            }
            ("clip", [lo, hi]) => Some(self.clip_type(&[a.clone(), lo.clone(), hi.clone()], span)),
            ("round", []) => Some(self.ufunc_type(Ufunc::Round, &[a.clone(), Ty::INT], span)),
            ("round", [d]) => Some(self.ufunc_type(Ufunc::Round, &[a.clone(), d.clone()], span)),
            _ => None,
        }
    }
}

/// The Python number an element of `d` becomes (`a.item()`, `a.tolist()`).
pub(crate) fn py_scalar(d: Dtype) -> Scalar {
    match kind(d) {
        0 => Scalar::BOOL,
        1 => Scalar::INT,
        2 => Scalar::FLOAT,
        _ => Scalar::COMPLEX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_operands_take_np_asarray_dtypes() {
        let t = |items: Vec<Ty>| tuple_dtype(&Ty::Tuple(items));
        assert_eq!(t(vec![Ty::BOOL, Ty::BOOL]), Some(Dtype::Bool));
        assert_eq!(t(vec![Ty::INT, Ty::BOOL]), Some(Dtype::Int64));
        assert_eq!(t(vec![Ty::INT, Ty::FLOAT]), Some(Dtype::Float64));
        assert_eq!(t(vec![Ty::COMPLEX, Ty::INT]), Some(Dtype::Complex128));
        assert_eq!(t(vec![]), Some(Dtype::Float64));
        let f32 = Ty::Scalar(Scalar::np(Dtype::Float32));
        assert_eq!(t(vec![f32.clone(), f32.clone()]), Some(Dtype::Float32));
        // Python ints are int64 in array creation (not weak): float32 and int64 give float64.
        assert_eq!(t(vec![f32, Ty::INT]), Some(Dtype::Float64));
        assert_eq!(t(vec![Ty::INT, Ty::Tuple(vec![Ty::INT])]), None);
        assert_eq!(
            ufunc_operand(&Ty::Tuple(vec![Ty::INT])),
            Some((Scalar::np(Dtype::Int64), 1))
        );
    }
}
