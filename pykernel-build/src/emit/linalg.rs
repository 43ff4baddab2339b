//! Emission of NumPy's products (`np.dot`, `@`, `np.inner`, `np.vdot`, `np.outer`,
//! `np.kron`, `np.cross`, `np.einsum`: see `lapack.rs` for the last three) and
//! `np.trace`: each operand is evaluated once (an elementwise expression is
//! materialized first: a product is not elementwise), converted to the result dtype
//! when it has another one, and handed to `::pykernel::__private::linalg`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Expr, Linalg};
use crate::types::{Ty, kind};

/// One evaluated operand: an array bound to a local, or a number.
pub(super) enum Operand {
    Array(proc_macro2::Ident, u8),
    Number(TokenStream),
}

impl FnEmitter<'_> {
    /// `l(args)`, of type `ty`.
    pub(crate) fn linalg(&mut self, l: Linalg, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        if l == Linalg::Trace {
            return self.trace(&args[0], ty);
        }
        if matches!(l, Linalg::Det | Linalg::Inv | Linalg::Solve) {
            return self.solver(l, args, ty);
        }
        if let Linalg::Einsum(s) = l
            && let Some(axes) = s.view_axes()
        {
            return self.einsum_view(&args[0], &axes);
        }
        // `a @= b`: the product, whose shape must be `a`'s (the statement stores it).
        let inplace = l == Linalg::MatmulInPlace;
        let l = if inplace { Linalg::Matmul } else { l };
        let d = match ty {
            Ty::Scalar(s) => s.dtype,
            Ty::Array(d, _) => *d,
            _ => return quote!(compile_error!("pykernel: product of unexpected type")),
        };
        let t = dtype_tokens(d);
        let mut setup = Vec::new();
        let mut ops = Vec::new();
        for (k, a) in args.iter().enumerate() {
            match self.ty(a) {
                Ty::Array(ad, n) => {
                    let name = format_ident!("__pk_lin{}", k);
                    let v = self.expr(a);
                    setup.push(quote!(let #name = #v;));
                    if ad != d {
                        let at = dtype_tokens(ad);
                        let c = cast(quote!(__pk_x), ad, d);
                        setup.push(quote!(
                            let #name = #p::linalg::convert(&*#name, |__pk_x: #at| -> #t { #c });
                        ));
                    }
                    ops.push(Operand::Array(name, n));
                }
                _ => {
                    let v = self.expr_as(a, d);
                    ops.push(Operand::Number(v));
                }
            }
        }
        let product = match l {
            Linalg::Matmul => quote!(#p::linalg::Product::Matmul),
            _ => quote!(#p::linalg::Product::Dot),
        };
        let one = |v: &TokenStream| quote!(#p::Array::<#t, 1>::from_vec(vec![#v], [1usize])?);
        let more = self.more_products(l, &ops, &t, ty);
        let body = match (l, &ops[..]) {
            _ if more.is_some() => more.unwrap_or_default(),
            (Linalg::Vdot | Linalg::Outer, [a, b]) => {
                let view = |o: &Operand| match o {
                    Operand::Array(n, _) => quote!(&*#n),
                    Operand::Number(v) => {
                        let a = one(v);
                        quote!(&*#a)
                    }
                };
                let (a, b) = (view(a), view(b));
                if l == Linalg::Vdot {
                    quote!(#p::linalg::vdot(#a, #b)?)
                } else {
                    quote!(#p::linalg::outer(#a, #b)?)
                }
            }
            (_, [Operand::Number(a), Operand::Number(b)]) => {
                quote!(<#t as #p::linalg::DotElem>::mul(#a, #b))
            }
            (_, [Operand::Number(s), Operand::Array(a, _)]) => {
                quote!(#p::linalg::scale(&*#a, #s, true))
            }
            (_, [Operand::Array(a, _), Operand::Number(s)]) => {
                quote!(#p::linalg::scale(&*#a, #s, false))
            }
            (Linalg::Matmul, [Operand::Array(a, na), Operand::Array(b, nb)])
                if *na == 3 || *nb == 3 =>
            {
                let no = match ty {
                    Ty::Array(_, n) => *n as usize,
                    _ => 0,
                };
                let (na, nb) = (*na as usize, *nb as usize);
                quote!(#p::linalg::matmul3::<#t, #na, #nb, #no>(&*#a, &*#b)?)
            }
            (_, [Operand::Array(a, na), Operand::Array(b, nb)]) => {
                // `np.inner` sums over the last axes: `dot(a, b.T)`, NumPy's message too.
                let b = if l == Linalg::Inner && *nb == 2 {
                    quote!(&(*#b).t())
                } else {
                    quote!(&*#b)
                };
                let f = format_ident!("dot{}{}", na, nb);
                quote!(#p::linalg::#f(&*#a, #b, #product)?)
            }
            _ => quote!(compile_error!("pykernel: product of unexpected operands")),
        };
        if inplace {
            return quote!({
                #(#setup)*
                let __pk_r = #body;
                #p::linalg::inplace_shape(&*__pk_lin0, __pk_r)?
            });
        }
        quote!({ #(#setup)* #body })
    }

    /// `np.trace(a)` of a matrix: the sum of its diagonal, as `np.sum` would give it.
    fn trace(&mut self, a: &Expr, ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Array(d, _) = self.ty(a) else {
            return quote!(compile_error!("pykernel: trace of a non-array"));
        };
        let out = ty.scalar().map_or(d, |s| s.dtype);
        let v = self.expr(a);
        let sum = match kind(out) {
            2 if out == d => quote!(#p::sum_float(&*__pk_d)),
            3 if out == d => quote!(#p::sum_complex(&*__pk_d)),
            _ => {
                let ot = dtype_tokens(out);
                let cx = cast(quote!(__pk_x), d, out);
                let add = if kind(out) >= 2 {
                    quote!(__pk_s + #cx)
                } else {
                    quote!(__pk_s.wrapping_add(#cx))
                };
                let zero = cast(quote!(0i64), Dtype::Int64, out);
                quote!(#p::fold(&*__pk_d, #zero, |__pk_s: #ot, __pk_x| #add))
            }
        };
        quote!({
            let __pk_a = #v;
            let __pk_d = #p::linalg::diagonal(&*__pk_a);
            #sum
        })
    }
}
