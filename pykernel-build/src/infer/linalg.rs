//! Typing of NumPy's products: `np.dot`/`a.dot(b)`, `@`/`np.matmul`, `np.inner`,
//! `np.vdot`, `np.outer`, and `np.trace`/`a.trace()`.
//!
//! Unlike the ufuncs, these convert both operands to arrays first, so a Python number is
//! not weak: its dtype is NumPy's default for it (`np.dot(f32_array, 2.0)` is float64),
//! and the result dtype is `np.result_type` of the two (`multiply`'s loop for two
//! NumPy dtypes: `int8·uint8` is int16, bool·bool is bool).

use super::Typer;
use super::numpy::{operand, reduce_dtype, same_kind};
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Linalg, Reduce, Ufunc};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty};

/// The dtype both operands of a product are converted to (NumPy's `result_type`, with
/// Python numbers as their default dtypes).
pub(crate) fn product_dtype(a: Dtype, b: Dtype) -> Option<Dtype> {
    crate::infer::ufunc_types::resolve(Ufunc::Multiply, &[Scalar::np(a), Scalar::np(b)])
        .ok()
        .map(|l| l.output)
}

impl Typer<'_> {
    /// The type of `l(args)` (arguments already typed).
    pub(super) fn linalg_type(&mut self, l: Linalg, tys: &[Ty], span: Span) -> Option<Ty> {
        if matches!(
            l,
            Linalg::Det
                | Linalg::Inv
                | Linalg::Solve
                | Linalg::Cross
                | Linalg::Kron
                | Linalg::Einsum(_)
        ) {
            return self.lapack_type(l, tys, span);
        }
        let name = l.name();
        let mut ops = Vec::new();
        for t in tys {
            match operand(t) {
                Some((s, n)) => ops.push((s.dtype, n)),
                None => {
                    self.error(span, msg::np_argument(name, "arrays or numbers"));
                    return None;
                }
            }
        }
        if l == Linalg::Trace {
            let (d, n) = ops[0];
            if n != 2 {
                self.error(span, msg::trace_rank(n));
                return None;
            }
            return Some(Ty::Scalar(Scalar::np(reduce_dtype(Reduce::Sum, d))));
        }
        let [(da, na), (db, nb)] = ops[..] else {
            return None;
        };
        if l == Linalg::MatmulInPlace {
            return self.matmul_inplace_type((da, na), (db, nb), span);
        }
        let Some(d) = product_dtype(da, db) else {
            self.error(span, msg::np_argument(name, "numbers of one kind"));
            return None;
        };
        let array = |n: u8| {
            if n == 0 {
                Ty::Scalar(Scalar::np(d))
            } else {
                Ty::Array(d, n)
            }
        };
        let ranks = format!("{na}-D and {nb}-D operands");
        match l {
            Linalg::Matmul if na == 0 || nb == 0 => {
                self.error(span, msg::matmul_scalar());
                None
            }
            // With a number: an elementwise product.
            Linalg::Dot | Linalg::Inner if na == 0 || nb == 0 => Some(array(na.max(nb))),
            Linalg::Dot | Linalg::Matmul | Linalg::Inner if na <= 2 && nb <= 2 => {
                Some(array(na + nb - 2))
            }
            // A stack of matrices: the batch axis, then the kept core axes.
            Linalg::Matmul if na <= 3 && nb <= 3 => {
                Some(array(1 + u8::from(na >= 2) + u8::from(nb >= 2)))
            }
            Linalg::Vdot => Some(array(0)),
            Linalg::Outer => Some(array(2)),
            _ => {
                self.error(span, msg::linalg_rank(name, &ranks));
                None
            }
        }
    }

    /// `a @= b`: the product's type, which the statement stores into `a` (so it must have
    /// `a`'s rank, and a dtype NumPy's `same_kind` rule casts into `a`'s).
    fn matmul_inplace_type(&mut self, a: (Dtype, u8), b: (Dtype, u8), span: Span) -> Option<Ty> {
        let ((da, na), (db, nb)) = (a, b);
        if na == 0 || nb < 2 {
            self.error(span, msg::matmul_inplace_rank());
            return None;
        }
        let out = match self.linalg_type(
            Linalg::Matmul,
            &[Ty::Array(da, na), Ty::Array(db, nb)],
            span,
        )? {
            Ty::Array(d, n) if n == na => d,
            Ty::Array(_, n) => {
                self.error(span, msg::store_rank(n, na));
                return None;
            }
            _ => return None,
        };
        if !same_kind(out, da) {
            self.error(
                span,
                msg::inplace_cast("matmul", out.numpy_name(), da.numpy_name()),
            );
            return None;
        }
        Some(Ty::Array(out, na))
    }
}

mod lapack;

#[cfg(test)]
mod tests;
