//! Typing of the array-building functions added with `np.pad`: the constructors
//! (`eye`, `identity`, `tri`, `indices`), diagonals (`diag`, `diagonal`, `triu`,
//! `tril`), `pad`, the `split` family (a list of views), `gradient` and `correlate`.
//!
//! What NumPy refuses whatever the values (a `pad_width` of a shape that does not
//! broadcast to `(ndim, 2)`, `vsplit` of a 1-D array, the spacings of `gradient`) is a
//! build error with NumPy's exception and message.

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Build, Expr, ExprKind, PadMode, Ufunc};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty, kind, promote_dtypes};

/// Is `t` an integer (Python `int` or a NumPy integer)?
fn int(t: &Ty) -> bool {
    t.scalar().is_some_and(|s| s.dtype.is_int())
}

/// The value of an integer literal (`3`, `-1`).
pub(crate) fn int_literal(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Int(v) => Some(*v),
        ExprKind::Unary(crate::ir::UnaryOp::Neg, x) => int_literal(x).map(|v| -v),
        _ => None,
    }
}

/// The shape NumPy's `asarray` gives a number or a (nested) tuple of numbers, and the
/// numbers' types in C order; `Err` with NumPy's message for ragged nests.
pub(crate) fn nest_shape(t: &Ty) -> Result<(Vec<usize>, Vec<Scalar>), String> {
    match t {
        Ty::Scalar(s) => Ok((Vec::new(), vec![*s])),
        Ty::Tuple(items) => {
            let mut inner: Option<Vec<usize>> = None;
            let mut leaves = Vec::new();
            for it in items {
                let (shape, mut l) = nest_shape(it)?;
                match &inner {
                    Some(s) if *s != shape => {
                        return Err(format!(
                            "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was ({},) + inhomogeneous part.",
                            items.len()
                        ));
                    }
                    _ => inner = Some(shape),
                }
                leaves.append(&mut l);
            }
            let mut shape = vec![items.len()];
            shape.extend(inner.unwrap_or_default());
            Ok((shape, leaves))
        }
        _ => Err(String::new()),
    }
}

/// NumPy's `_as_pairs(x, ndim)` of `np.pad` for an `x` of `shape` (C-ordered leaves):
/// per axis, the indices of its (before, after) values among the leaves; `Err` with
/// NumPy's broadcast error.
pub(crate) fn as_pairs(shape: &[usize], ndim: usize) -> Result<Vec<[usize; 2]>, String> {
    let size: usize = shape.iter().product();
    if shape.len() < 3 {
        if size == 1 {
            return Ok(vec![[0, 0]; ndim]);
        }
        if size == 2 && shape != [2, 1] {
            return Ok(vec![[0, 1]; ndim]);
        }
    }
    let show = |s: &[usize]| {
        let parts: Vec<String> = s.iter().map(|n| n.to_string()).collect();
        if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    };
    if shape.len() > 2 {
        return Err("input operand has more dimensions than allowed by the axis remapping".into());
    }
    let (rows, cols) = match shape {
        [m] => (1, *m),
        [k, m] => (*k, *m),
        _ => (1, 1),
    };
    if !(rows == 1 || rows == ndim) || !(cols == 1 || cols == 2) {
        return Err(format!(
            "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape ({ndim},2)",
            show(shape)
        ));
    }
    Ok((0..ndim)
        .map(|a| {
            let r = if rows == 1 { 0 } else { a };
            [0, 1].map(|c| r * cols + if cols == 1 { 0 } else { c })
        })
        .collect())
}

/// The dtype NumPy's `asarray` gives a nest of these numbers (a Python int is int64, a
/// Python float float64, ...).
fn nest_dtype(leaves: &[Scalar]) -> Dtype {
    leaves
        .iter()
        .map(|s| s.dtype)
        .reduce(promote_dtypes)
        .unwrap_or(Dtype::Float64)
}

impl Typer<'_> {
    /// The functions of this file (see `lower/building.rs` for the argument lists).
    pub(super) fn build_more_type(
        &mut self,
        f: Build,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let name = f.name();
        if let Some(dtype) = f.constructor_dtype() {
            return self.constructor_type(f, dtype, args, tys);
        }
        let Some(&Ty::Array(d, n)) = tys.first() else {
            self.error(span, msg::np_argument(name, "an array here"));
            return None;
        };
        let ints = |this: &mut Self, from: usize, what: &str| {
            for (e, t) in args[from..].iter().zip(&tys[from..]) {
                if !int(t) {
                    this.error(e.span, msg::np_argument(name, what));
                    return None;
                }
            }
            Some(())
        };
        match f {
            Build::Diag => {
                ints(self, 1, "an integer `k`")?;
                match n {
                    1 => Some(Ty::Array(d, 2)),
                    2 => Some(Ty::Array(d, 1)),
                    _ => {
                        self.error(
                            span,
                            msg::numpy_refuses("ValueError", "Input must be 1- or 2-d."),
                        );
                        None
                    }
                }
            }
            Build::Diagonal => {
                ints(self, 1, "integers as `offset`, `axis1` and `axis2`")?;
                if n < 2 {
                    self.error(
                        span,
                        msg::numpy_refuses(
                            "ValueError",
                            "diag requires an array of at least two dimensions",
                        ),
                    );
                    return None;
                }
                self.diagonal_axes(&args[2], &args[3], n)?;
                Some(Ty::Array(d, n - 1))
            }
            Build::Triu | Build::Tril => {
                ints(self, 1, "an integer `k`")?;
                Some(Ty::Array(d, n.max(2)))
            }
            Build::Pad { mode } => self.pad_type(mode, args, tys, d, n),
            Build::Correlate { .. } => match (n, &tys[1]) {
                (1, Ty::Array(e, 1)) => Some(Ty::Array(promote_dtypes(d, *e), 1)),
                _ => {
                    self.error(span, msg::np_argument(name, "two 1-D arrays here"));
                    None
                }
            },
            Build::Gradient => self.gradient_type(args, tys, d, n, span),
            _ => self.split_type(f, args, tys, d, n, span),
        }
    }

    /// `np.eye`, `np.identity`, `np.tri` (`[N, M, k]`) and `np.indices` (`[dims]`);
    /// `dtype` `None`: the dtype of the last argument.
    fn constructor_type(
        &mut self,
        f: Build,
        dtype: Option<Dtype>,
        args: &[Expr],
        tys: &[Ty],
    ) -> Option<Ty> {
        let name = f.name();
        let d = match dtype {
            Some(d) => d,
            None => match tys.last() {
                Some(Ty::Array(d, _)) => *d,
                _ => {
                    self.error(args[0].span, msg::np_argument(name, "an array's `dtype`"));
                    return None;
                }
            },
        };
        if let Build::Indices { .. } = f {
            let count = match &tys[0] {
                Ty::Tuple(items) if items.iter().all(int) => items.len(),
                _ => {
                    self.error(
                        args[0].span,
                        msg::rank_not_static("the result of `numpy.indices`"),
                    );
                    return None;
                }
            };
            if count > 4 {
                self.error(args[0].span, msg::too_many_dimensions(name));
                return None;
            }
            return Some(Ty::Array(d, count as u8 + 1));
        }
        for k in 0..3 {
            if !(int(&tys[k]) || (k == 1 && matches!(args[1].kind, ExprKind::None))) {
                self.error(
                    args[k].span,
                    msg::np_argument(name, "integers as `N`, `M` and `k`"),
                );
                return None;
            }
        }
        Some(Ty::Array(d, 2))
    }

    /// `axis1` and `axis2` of `np.diagonal`, when literals: NumPy's `AxisError` and
    /// `ValueError`.
    fn diagonal_axes(&mut self, a1: &Expr, a2: &Expr, n: u8) -> Option<()> {
        let norm = |v: i64| {
            if v >= -(n as i64) && v < n as i64 {
                Some(v.rem_euclid(n as i64))
            } else {
                None
            }
        };
        let mut seen = Vec::new();
        for (e, label) in [(a1, "axis1"), (a2, "axis2")] {
            let Some(v) = int_literal(e) else {
                return Some(());
            };
            let Some(k) = norm(v) else {
                let text = format!("{label}: axis {v} is out of bounds for array of dimension {n}");
                self.error(e.span, msg::numpy_refuses("AxisError", &text));
                return None;
            };
            seen.push(k);
        }
        if seen.len() == 2 && seen[0] == seen[1] {
            self.error(
                a2.span,
                msg::numpy_refuses("ValueError", "axis1 and axis2 cannot be the same"),
            );
            return None;
        }
        Some(())
    }

    /// `np.pad(array, pad_width, mode, constant_values)`.
    fn pad_type(
        &mut self,
        mode: PadMode,
        args: &[Expr],
        tys: &[Ty],
        d: Dtype,
        n: u8,
    ) -> Option<Ty> {
        let widths = nest_shape(&tys[1]).and_then(|(shape, leaves)| {
            let dt = nest_dtype(&leaves);
            if leaves.is_empty() || !dt.is_int() || dt.is_unsigned() {
                return Err("`pad_width` must be of integral type.".to_owned());
            }
            as_pairs(&shape, n as usize)
        });
        match widths {
            Ok(_) => {}
            Err(e) if e.is_empty() => {
                self.error(
                    args[1].span,
                    msg::np_argument(
                        "pad",
                        "an integer or a tuple of integers (or of pairs) as `pad_width`",
                    ),
                );
                return None;
            }
            Err(e) => {
                let exc = if e.starts_with('`') {
                    "TypeError"
                } else {
                    "ValueError"
                };
                self.error(args[1].span, msg::numpy_refuses(exc, &e));
                return None;
            }
        }
        if mode == PadMode::Constant {
            let values = nest_shape(&tys[2]).and_then(|(shape, leaves)| {
                if leaves.iter().any(|s| kind(s.dtype) == 3) && kind(d) < 3 {
                    // Stored as NumPy stores a complex into a real array: refused in
                    // kernels (PK0308), and here too.
                    return Err(String::new());
                }
                as_pairs(&shape, n as usize)
            });
            match values {
                Ok(_) => {}
                Err(e) if e.is_empty() => {
                    self.error(
                        args[2].span,
                        msg::np_argument(
                            "pad",
                            "a number or a tuple of numbers (or of pairs) of the array's kind as `constant_values`",
                        ),
                    );
                    return None;
                }
                Err(e) => {
                    self.error(args[2].span, msg::numpy_refuses("ValueError", &e));
                    return None;
                }
            }
        }
        Some(Ty::Array(d, n))
    }

    /// `np.split` & co.: a list of views of the array.
    fn split_type(
        &mut self,
        f: Build,
        args: &[Expr],
        tys: &[Ty],
        d: Dtype,
        n: u8,
        span: Span,
    ) -> Option<Ty> {
        let name = f.name();
        let need = match f {
            Build::Vsplit => 2,
            Build::Dsplit => 3,
            _ => 1,
        };
        if n < need {
            let text = format!("{name} only works on arrays of {need} or more dimensions");
            self.error(span, msg::numpy_refuses("ValueError", &text));
            return None;
        }
        let sections_ok = match &tys[1] {
            t if int(t) => true,
            Ty::Tuple(items) => items.iter().all(int),
            Ty::List(t) => int(t),
            Ty::Array(e, 1) => e.is_int(),
            _ => false,
        };
        if !sections_ok {
            self.error(
                args[1].span,
                msg::np_argument(
                    name,
                    "an integer or a sequence of integers as `indices_or_sections`",
                ),
            );
            return None;
        }
        if let Some(axis) = args.get(2) {
            if !int(&tys[2]) {
                self.error(axis.span, msg::bad_axis(name, false));
                return None;
            }
            if let Some(v) = int_literal(axis)
                && (v >= n as i64 || v < -(n as i64))
            {
                self.error(
                    axis.span,
                    msg::numpy_refuses("IndexError", "tuple index out of range"),
                );
                return None;
            }
        }
        Some(Ty::List(Box::new(Ty::Array(d, n))))
    }

    /// `np.gradient(f, *spacings, axis=None)`: one array per axis (a tuple of them,
    /// unless one axis), of `f`'s dtype (float64 for integers).
    fn gradient_type(
        &mut self,
        args: &[Expr],
        tys: &[Ty],
        d: Dtype,
        n: u8,
        span: Span,
    ) -> Option<Ty> {
        if d == Dtype::Bool {
            self.error(
                span,
                msg::numpy_refuses(
                    "TypeError",
                    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
                ),
            );
            return None;
        }
        let axes = self.gradient_axes(&args[1], n)?;
        let spacings = &tys[2..];
        if !(spacings.len() <= 1 || spacings.len() == axes.len()) {
            self.error(
                span,
                msg::numpy_refuses("TypeError", "invalid number of arguments"),
            );
            return None;
        }
        let otype = if kind(d) >= 2 { d } else { Dtype::Float64 };
        for (e, t) in args[2..].iter().zip(spacings) {
            let Some(s) = t.scalar() else {
                self.error(
                    e.span,
                    msg::gradient_form("spacings given as arrays (coordinates)"),
                );
                return None;
            };
            // The loops NumPy runs: `(f[2:] - f[:-2]) / (2. * dx)` and `(f[1] - f[0]) / dx`.
            let two_dx = crate::types::promote(Scalar::FLOAT, s);
            for divisor in [two_dx, s] {
                if let Err(m) =
                    super::ufunc_types::resolve(Ufunc::TrueDivide, &[Scalar::np(otype), divisor])
                {
                    self.error(e.span, msg::ufunc_types(&m));
                    return None;
                }
            }
        }
        let one = Ty::Array(otype, n);
        Some(if axes.len() == 1 {
            one
        } else {
            Ty::Tuple(vec![one; axes.len()])
        })
    }

    /// The axes of `np.gradient` (`axis` `None`, or literals): NumPy's
    /// `normalize_axis_tuple` errors.
    pub(crate) fn gradient_axes(&mut self, axis: &Expr, n: u8) -> Option<Vec<usize>> {
        let items: Vec<&Expr> = match &axis.kind {
            ExprKind::None => return Some((0..n as usize).collect()),
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![axis],
        };
        let mut axes = Vec::new();
        for it in items {
            let Some(v) = int_literal(it) else {
                self.error(
                    it.span,
                    msg::gradient_form("an `axis` that is not a literal"),
                );
                return None;
            };
            if v >= n as i64 || v < -(n as i64) {
                self.error(it.span, msg::axis_out_of_range(v, n));
                return None;
            }
            let k = v.rem_euclid(n as i64) as usize;
            if axes.contains(&k) {
                self.error(it.span, msg::numpy_refuses("ValueError", "repeated axis"));
                return None;
            }
            axes.push(k);
        }
        Some(axes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_broadcast_as_numpy() {
        assert_eq!(as_pairs(&[], 2).unwrap(), vec![[0, 0], [0, 0]]);
        assert_eq!(as_pairs(&[2], 3).unwrap(), vec![[0, 1]; 3]);
        assert_eq!(as_pairs(&[1, 2], 2).unwrap(), vec![[0, 1]; 2]);
        assert_eq!(as_pairs(&[2, 1], 2).unwrap(), vec![[0, 0], [1, 1]]);
        assert_eq!(as_pairs(&[3, 2], 3).unwrap(), vec![[0, 1], [2, 3], [4, 5]]);
        assert_eq!(
            as_pairs(&[3], 2).unwrap_err(),
            "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (2,2)"
        );
        assert!(as_pairs(&[2, 1], 3).is_err());
        assert!(as_pairs(&[1, 1, 2], 2).is_err());
    }
}
