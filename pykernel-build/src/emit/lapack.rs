//! Emission of `np.linalg.det`/`inv`/`solve` (each operand converted to float64 or
//! complex128 while the runtime copies it, the result converted to NumPy's dtype),
//! and of the calls `np.cross`, `np.kron` and `np.einsum` make on operands already
//! converted to their common dtype (see `linalg.rs`). `np.einsum` of one operand with
//! no label summed or repeated is a view (`permute`), as in NumPy.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::FnEmitter;
use super::linalg::Operand;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Expr, Linalg};
use crate::types::{Ty, kind};

/// The rank of a type (0 for a number).
fn rank(ty: &Ty) -> usize {
    match ty {
        Ty::Array(_, n) => *n as usize,
        _ => 0,
    }
}

/// The labels of `np.einsum` as a `[u8; N]` expression (`*b"ij"`).
fn labels(l: &[u8]) -> TokenStream {
    let lit = Literal::byte_string(l);
    quote!(*#lit)
}

impl FnEmitter<'_> {
    /// `np.linalg.det(a)`, `inv(a)`, `solve(a, b)`, of type `ty`.
    pub(super) fn solver(&mut self, l: Linalg, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let out = match ty {
            Ty::Scalar(s) => s.dtype,
            Ty::Array(d, _) => *d,
            _ => return quote!(compile_error!("pykernel: linalg result of unexpected type")),
        };
        let w = if kind(out) == 3 {
            Dtype::Complex128
        } else {
            Dtype::Float64
        };
        let wt = dtype_tokens(w);
        let mut setup = Vec::new();
        let mut names = Vec::new();
        let mut convs = Vec::new();
        let mut ranks = Vec::new();
        for (k, a) in args.iter().enumerate() {
            let Ty::Array(ad, n) = self.ty(a) else {
                return quote!(compile_error!(
                    "pykernel: linalg operand of unexpected type"
                ));
            };
            let name = format_ident!("__pk_lin{}", k);
            let v = self.expr(a);
            setup.push(quote!(let #name = #v;));
            let at = dtype_tokens(ad);
            let c = cast(quote!(__pk_x), ad, w);
            convs.push(quote!(|__pk_x: #at| -> #wt { #c }));
            names.push(name);
            ranks.push(n as usize);
        }
        let a = &names[0];
        let fa = &convs[0];
        let call = match l {
            Linalg::Det if ranks[0] == 2 => quote!(#p::linalg::det(&*#a, #fa)?),
            Linalg::Det => quote!(#p::linalg::det_stack(&*#a, #fa)?),
            Linalg::Inv => quote!(#p::linalg::inv(&*#a, #fa)?),
            _ => {
                let (b, fb) = (&names[1], &convs[1]);
                let (na, nb, no) = (ranks[0], ranks[1], rank(ty));
                quote!(#p::linalg::solve::<_, _, #wt, #na, #nb, #no>(&*#a, &*#b, #fa, #fb)?)
            }
        };
        let result = if out == w {
            quote!(__pk_r)
        } else if matches!(ty, Ty::Scalar(_)) {
            cast(quote!(__pk_r), w, out)
        } else {
            let ot = dtype_tokens(out);
            let c = cast(quote!(__pk_x), w, out);
            quote!(#p::linalg::convert(&*__pk_r, |__pk_x: #wt| -> #ot { #c }))
        };
        quote!({
            #(#setup)*
            let __pk_r = #call;
            #result
        })
    }

    /// `np.einsum` of one operand that NumPy returns as a view of it.
    pub(super) fn einsum_view(&mut self, a: &Expr, axes: &[usize]) -> TokenStream {
        let v = self.expr(a);
        if axes.iter().enumerate().all(|(k, &x)| k == x) {
            return v;
        }
        let axes = axes.iter().map(|&x| x as i64);
        quote!((#v).permute([#(#axes),*])?)
    }

    /// `np.cross`, `np.kron` of two arrays and `np.einsum` of arrays, the operands
    /// converted to the result's dtype `t`; `None` for the other products.
    pub(super) fn more_products(
        &mut self,
        l: Linalg,
        ops: &[Operand],
        t: &TokenStream,
        ty: &Ty,
    ) -> Option<TokenStream> {
        let p = quote!(::pykernel::__private);
        let no = rank(ty);
        Some(match (l, ops) {
            (Linalg::Cross, [Operand::Array(a, na), Operand::Array(b, nb)]) => {
                let (na, nb, lead) = (*na as usize, *nb as usize, no - 1);
                quote!(#p::linalg::cross::<#t, #na, #nb, #lead, #no>(&*#a, &*#b)?)
            }
            (Linalg::Kron, [Operand::Array(a, na), Operand::Array(b, nb)]) => {
                let (na, nb) = (*na as usize, *nb as usize);
                quote!(#p::linalg::kron::<#t, #na, #nb, #no>(&*#a, &*#b)?)
            }
            (Linalg::Einsum(s), [Operand::Array(a, _)]) => {
                let la = labels(s.operand(0));
                if no == 0 {
                    quote!(#p::linalg::einsum1_scalar(&*#a, #la)?)
                } else {
                    let out = labels(s.output());
                    quote!(#p::linalg::einsum1(&*#a, #la, #out)?)
                }
            }
            (Linalg::Einsum(s), [Operand::Array(a, _), Operand::Array(b, _)]) => {
                let (la, lb) = (labels(s.operand(0)), labels(s.operand(1)));
                if no == 0 {
                    quote!(#p::linalg::einsum2_scalar(&*#a, #la, &*#b, #lb)?)
                } else {
                    let out = labels(s.output());
                    quote!(#p::linalg::einsum2(&*#a, #la, &*#b, #lb, #out)?)
                }
            }
            _ => return None,
        })
    }
}
