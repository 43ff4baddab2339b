//! Typing of N-dimensional arrays: indexing, `.shape`/`.ndim`/`.size`, `.copy()`, and
//! NumPy's constructors (`np.zeros`, `np.full`, `np.zeros_like`, ...).

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{AllocKind, DtypeArg, Expr, ExprKind};
use crate::messages::kernel as msg;
use crate::types::{Scalar, Ty, kind};

impl Typer<'_> {
    /// `a[i]`, `a[i, j]`: an element when every axis is indexed, else a sub-array;
    /// `None` (`np.newaxis`) adds an axis of one element, `...` stands for the axes not
    /// indexed.
    pub(super) fn array_index(&mut self, d: Dtype, n: u8, idx: &Expr) -> Option<Ty> {
        self.expr(idx)?;
        if let Some(t) = self.fancy_index(d, n, idx) {
            return t;
        }
        let items = index_items(idx);
        let (mut ints, mut nones, mut ellipses, mut slices) = (0usize, 0usize, 0usize, 0usize);
        for e in &items {
            match e.kind {
                ExprKind::SliceSpec(..) => slices += 1,
                ExprKind::None => nones += 1,
                ExprKind::Ellipsis => ellipses += 1,
                _ => {
                    let t = self.inst().exprs[e.id as usize].clone()?;
                    // NumPy reads a bool scalar as a 0-d mask (`a[True]` adds an axis,
                    // `a[False]` selects nothing), not as the index 0 or 1.
                    if matches!(t, Ty::Scalar(s) if s.dtype == Dtype::Bool) {
                        self.error(
                            e.span,
                            msg::bad_argument(
                                "array indexing",
                                &t.to_string(),
                                "an integer (NumPy reads a bool as a 0-d mask; write \
                                 `int(b)` for the index 0 or 1)",
                            ),
                        );
                        return None;
                    }
                    if !self.require_int(&t, e.span, "indexing") {
                        return None;
                    }
                    ints += 1;
                }
            }
        }
        if ellipses > 1 {
            self.error(
                idx.span,
                msg::bad_argument("indexing", "several `...`", "at most one `...`"),
            );
            return None;
        }
        let k = ints + slices;
        if k > n as usize || items.is_empty() {
            self.error(idx.span, crate::messages::numpy::too_many_indices(n, k));
            return None;
        }
        let rank = n as usize - ints + nones;
        if rank == 0 && (nones + ellipses + slices) == 0 {
            return Some(Ty::Scalar(Scalar::np(d)));
        }
        if rank == 0 || rank > 5 {
            self.error(
                idx.span,
                msg::bad_argument(
                    "indexing",
                    &format!("a {rank}-D result"),
                    "1 to 5 dimensions",
                ),
            );
            return None;
        }
        Some(Ty::Array(d, rank as u8))
    }

    /// `a[i] = v` of one element: NumPy refuses a Python `complex` in a real array.
    pub(super) fn array_element_store(&mut self, array: &Ty, vt: &Ty, span: Span) -> bool {
        if let (Ty::Scalar(s), Ty::Array(d, _)) = (vt, array)
            && python_complex_into_real(*s, *d)
        {
            self.error(span, msg::bad_store(&vt.to_string(), &array.to_string()));
            return false;
        }
        true
    }

    /// `a[i, :] = v`, `a[1:-1] = v`: a number, or an array of the same dtype and rank.
    pub(super) fn array_slice_store(&mut self, dest: &Ty, vt: &Ty, span: Span) {
        let ok = match (dest, vt) {
            (Ty::Array(d, _), Ty::Scalar(s)) => {
                kind(s.dtype) <= 3 && !python_complex_into_real(*s, *d)
            }
            // NumPy broadcasts the value to the destination and casts its elements.
            (Ty::Array(d, n), Ty::Array(e, m)) => m <= n && !(kind(*e) == 3 && kind(*d) < 3),
            // `row[...] = (x, y)`: a tuple of numbers is a 1-D array to NumPy.
            (Ty::Array(d, _), Ty::Tuple(items)) => {
                !items.is_empty()
                    && items.iter().all(|t| {
                        t.scalar()
                            .is_some_and(|s| kind(s.dtype) <= 3 && !python_complex_into_real(s, *d))
                    })
            }
            _ => false,
        };
        if !ok {
            self.error(span, msg::bad_store(&vt.to_string(), &dest.to_string()));
        }
    }

    /// `np.arange(...)`, `np.linspace(...)`, `np.array(...)`.
    pub(super) fn np_ranges(
        &mut self,
        b: crate::ir::Builtin,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        use crate::ir::Builtin;
        let num = |this: &mut Self, k: usize, name: &str| -> Option<Scalar> {
            match tys[k].scalar() {
                Some(s) if kind(s.dtype) <= 2 => Some(s),
                _ => {
                    this.error(
                        args[k].span,
                        msg::bad_argument(name, &tys[k].to_string(), "a real number"),
                    );
                    None
                }
            }
        };
        match b {
            Builtin::NpArange => {
                if !(1..=3).contains(&args.len()) {
                    self.error(
                        span,
                        msg::builtin_arity("numpy.arange", "1 to 3", args.len()),
                    );
                    return None;
                }
                let mut all_int = true;
                for k in 0..args.len() {
                    all_int &= kind(num(self, k, "numpy.arange")?.dtype) <= 1;
                }
                Some(Ty::Array(
                    if all_int {
                        Dtype::Int64
                    } else {
                        Dtype::Float64
                    },
                    1,
                ))
            }
            Builtin::NpLinspace => {
                if !(2..=3).contains(&args.len()) {
                    self.error(
                        span,
                        msg::builtin_arity("numpy.linspace", "2 or 3", args.len()),
                    );
                    return None;
                }
                num(self, 0, "numpy.linspace")?;
                num(self, 1, "numpy.linspace")?;
                if args.len() == 3 && !self.require_int(&tys[2], args[2].span, "numpy.linspace num")
                {
                    return None;
                }
                Some(Ty::Array(Dtype::Float64, 1))
            }
            _ => None,
        }
    }

    /// `np.array(list or tuple of numbers[, dtype=])`.
    pub(super) fn np_array(
        &mut self,
        dtype: Option<Dtype>,
        _args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let item = match tys.first() {
            Some(t @ (Ty::List(_) | Ty::Tuple(_))) => super::value_item(t),
            // `np.array(a)`: a copy (cast to `dtype=`).
            Some(Ty::Array(d, n)) => return Some(Ty::Array(dtype.unwrap_or(*d), *n)),
            _ => None,
        };
        // Rows: a list of lists of numbers, or a list of 1-D arrays (one shape, checked
        // when it runs).
        let row = match (tys.first(), &item) {
            (Some(Ty::List(_)), Some(Ty::List(inner))) => match inner.as_ref() {
                Ty::Scalar(s) => Some(s.dtype),
                _ => None,
            },
            (Some(Ty::List(_)), Some(Ty::Array(d, 1))) => Some(*d),
            _ => None,
        };
        if let Some(d) = row {
            return Some(Ty::Array(dtype.unwrap_or(d), 2));
        }
        let d = match item {
            Some(Ty::Scalar(s)) => s.dtype,
            Some(Ty::Unknown) => Dtype::Float64,
            _ => {
                let t = tys.first().map_or("nothing".into(), ToString::to_string);
                self.error(
                    span,
                    msg::bad_argument(
                        "numpy.array",
                        &t,
                        "an array, a list or tuple of numbers, or a list of lists or 1-D arrays",
                    ),
                );
                return None;
            }
        };
        Some(Ty::Array(dtype.unwrap_or(d), 1))
    }

    /// The dtype of a `dtype=` argument, and how many of the call's arguments are its
    /// own (`a.dtype` is passed as an extra last argument).
    pub(super) fn dtype_arg(
        &mut self,
        d: Option<DtypeArg>,
        args: &[Expr],
        tys: &[Ty],
    ) -> Option<(Option<Dtype>, usize)> {
        match d {
            None => Some((None, args.len())),
            Some(DtypeArg::Fixed(d)) => Some((Some(d), args.len())),
            Some(DtypeArg::OfLastArg) => match (args.last(), tys.last()) {
                (_, Some(Ty::Array(d, _))) => Some((Some(*d), args.len() - 1)),
                (Some(a), Some(t)) => {
                    self.error(
                        a.span,
                        msg::bad_argument(".dtype", &t.to_string(), "an array"),
                    );
                    None
                }
                _ => None,
            },
        }
    }

    /// `a.shape`, `a.ndim`, `a.size` of an array.
    pub(super) fn array_attr(&mut self, e: &Expr, d: Dtype, n: u8, name: &str) -> Option<Ty> {
        match name {
            "shape" => Some(Ty::Tuple(vec![Ty::INT; n as usize])),
            "ndim" | "size" | "itemsize" | "nbytes" => Some(Ty::INT),
            "T" => Some(Ty::Array(d, n)),
            // The parts of complex arrays (values; writing through them is not supported).
            "real" | "imag" => Some(Ty::Array(
                match d {
                    Dtype::Complex64 => Dtype::Float32,
                    Dtype::Complex128 => Dtype::Float64,
                    other => other,
                },
                n,
            )),
            "dtype" => {
                self.error(e.span, msg::dtype_use());
                None
            }
            _ => {
                self.error(
                    e.span,
                    msg::unknown_method(&Ty::Array(d, n).to_string(), name),
                );
                None
            }
        }
    }

    /// `np.zeros(shape, dtype=...)` & co.
    pub(super) fn np_alloc(
        &mut self,
        kind_: AllocKind,
        dtype: Option<Dtype>,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let name = format!("numpy.{}", kind_.name());
        let n_args = 1 + usize::from(kind_.takes_value());
        if args.len() != n_args {
            self.error(
                span,
                msg::builtin_arity(&name, &n_args.to_string(), args.len()),
            );
            return None;
        }
        let value_dtype = if kind_.takes_value() {
            match tys[1].scalar() {
                Some(s) if kind(s.dtype) <= 3 => Some(s.dtype),
                _ => {
                    self.error(
                        args[1].span,
                        msg::bad_argument(&name, &tys[1].to_string(), "a number"),
                    );
                    return None;
                }
            }
        } else {
            None
        };
        let (rank, like_dtype) = if kind_.like() {
            match &tys[0] {
                Ty::Array(d, n) => (*n, Some(*d)),
                other => {
                    self.error(
                        args[0].span,
                        msg::bad_argument(&name, &other.to_string(), "an array"),
                    );
                    return None;
                }
            }
        } else {
            match &tys[0] {
                Ty::Tuple(items) if !items.is_empty() && items.len() <= 5 => {
                    for (t, e) in items.iter().zip(index_items(&args[0])) {
                        self.require_int(t, e.span, &name);
                    }
                    (items.len() as u8, None)
                }
                t if t.scalar().is_some() => {
                    self.require_int(t, args[0].span, &name);
                    (1, None)
                }
                other => {
                    self.error(
                        args[0].span,
                        msg::bad_argument(
                            &name,
                            &other.to_string(),
                            "a shape: an int or a tuple of 1 to 5 ints",
                        ),
                    );
                    return None;
                }
            }
        };
        // NumPy: an explicit dtype wins; `_like` keeps the array's; `full` takes the
        // value's (a Python int gives int64); the others give float64.
        let d = dtype
            .or(like_dtype)
            .or(value_dtype)
            .unwrap_or(Dtype::Float64);
        Some(Ty::Array(d, rank))
    }
}

/// The expressions of a tuple index (`a[i, j]`), or the index itself.
fn index_items(idx: &Expr) -> Vec<&Expr> {
    match &idx.kind {
        ExprKind::Tuple(items) => items.iter().collect(),
        _ => vec![idx],
    }
}

/// A Python `complex` stored into a real array: `TypeError` in NumPy (a NumPy complex
/// scalar is cast with a warning instead, as the compiled code does).
fn python_complex_into_real(s: Scalar, d: Dtype) -> bool {
    s.py && kind(s.dtype) == 3 && kind(d) != 3
}
