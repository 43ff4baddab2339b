//! Typing of `np.linalg.det`/`inv`/`solve`, `np.cross`, `np.kron` and `np.einsum`.
//!
//! `det`, `inv` and `solve` compute in float64 or complex128 and give NumPy's
//! `_commonType` result: float32 and complex64 operands (only) keep their precision,
//! integers and bools give float64. `cross`, `kron` and `einsum` convert their operands
//! to their common dtype, as the products do ([`super::product_dtype`]).

use super::super::Typer;
use super::super::numpy::operand;
use super::product_dtype;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{Linalg, Subscripts};
use crate::messages::numpy as msg;
use crate::types::{Scalar, Ty};

/// NumPy's `_commonType(*arrays)`: (the dtype computed in, the result's dtype).
fn lapack_dtypes(ds: &[Dtype]) -> (Dtype, Dtype) {
    let complex = ds.iter().any(|d| d.is_complex());
    let double = ds
        .iter()
        .any(|d| !matches!(d, Dtype::Float32 | Dtype::Complex64));
    match (complex, double) {
        (true, true) => (Dtype::Complex128, Dtype::Complex128),
        (true, false) => (Dtype::Complex128, Dtype::Complex64),
        (false, true) => (Dtype::Float64, Dtype::Float64),
        (false, false) => (Dtype::Float64, Dtype::Float32),
    }
}

impl Typer<'_> {
    /// The type of `l(args)` for the functions of this file.
    pub(in crate::infer) fn lapack_type(
        &mut self,
        l: Linalg,
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let name = l.name();
        if let Linalg::Einsum(s) = l {
            return self.einsum_type(s, tys, span);
        }
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
        match l {
            Linalg::Det | Linalg::Inv | Linalg::Solve => self.solver_type(l, &ops, span),
            Linalg::Cross | Linalg::Kron => {
                let [(da, na), (db, nb)] = ops[..] else {
                    return None;
                };
                let Some(d) = product_dtype(da, db) else {
                    self.error(span, msg::np_argument(name, "numbers of one kind"));
                    return None;
                };
                if l == Linalg::Cross {
                    if na == 0 || nb == 0 {
                        self.error(span, msg::cross_number());
                        return None;
                    }
                    if d == Dtype::Bool {
                        self.error(
                            span,
                            msg::ufunc_types(
                                "numpy boolean subtract, the `-` operator, is not supported, \
                                 use the bitwise_xor, the `^` operator, or the logical_xor \
                                 function instead.",
                            ),
                        );
                        return None;
                    }
                }
                let n = na.max(nb);
                Some(if n == 0 {
                    Ty::Scalar(Scalar::np(d))
                } else {
                    Ty::Array(d, n)
                })
            }
            _ => None,
        }
    }

    /// `det(a)`, `inv(a)`, `solve(a, b)`.
    fn solver_type(&mut self, l: Linalg, ops: &[(Dtype, u8)], span: Span) -> Option<Ty> {
        let name = l.name();
        let dtypes: Vec<Dtype> = ops.iter().map(|o| o.0).collect();
        let (_, out) = lapack_dtypes(&dtypes);
        let na = ops[0].1;
        if na < 2 {
            self.error(
                span,
                msg::linalg_operand(
                    &format!(
                        "{na}-dimensional array given. Array must be at least two-dimensional"
                    ),
                    "LinAlgError",
                ),
            );
            return None;
        }
        if na > 3 {
            self.error(
                span,
                msg::linalg_rank_more(name, &format!("a {na}-D array")),
            );
            return None;
        }
        let rank = match l {
            Linalg::Det => na - 2,
            Linalg::Inv => na,
            _ => match ops[1].1 {
                0 => {
                    self.error(
                        span,
                        msg::linalg_operand(
                            "solve: Input operand 1 does not have enough dimensions (has 0, \
                             gufunc core with signature (m,m),(m,n)->(m,n) requires 2)",
                            "ValueError",
                        ),
                    );
                    return None;
                }
                1 => na - 1,
                2 => na,
                3 => 3,
                nb => {
                    let what = format!("a {na}-D and a {nb}-D array");
                    self.error(span, msg::linalg_rank_more(name, &what));
                    return None;
                }
            },
        };
        Some(if rank == 0 {
            Ty::Scalar(Scalar::np(out))
        } else {
            Ty::Array(out, rank)
        })
    }

    /// `np.einsum(subscripts, *operands)`: arrays whose ranks match the subscripts.
    fn einsum_type(&mut self, s: Subscripts, tys: &[Ty], span: Span) -> Option<Ty> {
        let mut dtype = None;
        for (k, t) in tys.iter().enumerate() {
            let Ty::Array(d, n) = *t else {
                self.error(span, msg::einsum_unsupported("with a number as an operand"));
                return None;
            };
            let labels = s.operand(k).len();
            if labels != n as usize {
                let text = if labels > n as usize {
                    format!(
                        "einstein sum subscripts string contains too many subscripts for operand {k}"
                    )
                } else {
                    "operand has more dimensions than subscripts given in einstein sum, but no \
                     '...' ellipsis provided to broadcast the extra dimensions."
                        .to_owned()
                };
                self.error(span, msg::einsum_subscripts(&text));
                return None;
            }
            dtype = Some(match dtype {
                None => d,
                Some(p) => product_dtype(p, d)?,
            });
        }
        let d = dtype?;
        let n = s.output().len() as u8;
        Some(if n == 0 {
            Ty::Scalar(Scalar::np(d))
        } else {
            Ty::Array(d, n)
        })
    }
}
