//! Emission of sorting and searching (`Builtin::NpSort`) and of `a.sort()`: the array
//! is computed (or viewed) and handed to the runtime (`pykernel::sorting`).

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, SortFn};
use crate::types::Ty;

impl FnEmitter<'_> {
    /// `numpy.<f>(...)` of type `ty`.
    pub(crate) fn sort_fn(&mut self, f: SortFn, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Array(d, n) = self.ty(&args[0]) else {
            return quote!(compile_error!("pykernel: sorting a non-array"));
        };
        let (t, nn) = (dtype_tokens(d), n as usize);
        let rank = match ty {
            Ty::Array(_, r) => *r as usize,
            _ => 0,
        };
        let v = self.expr(&args[0]);
        let axis = |this: &mut Self| match args.get(1).map(|a| &a.kind) {
            Some(ExprKind::None) | None => quote!(None),
            Some(_) => {
                let x = this.expr_as(&args[1], Dtype::Int64);
                quote!(Some(#x))
            }
        };
        let body = match f {
            SortFn::Sort => {
                let ax = axis(self);
                quote!(#p::sort::<#t, #nn, #rank>(&*__pk_a, #ax)?)
            }
            SortFn::Argsort => {
                let ax = axis(self);
                quote!(#p::argsort::<#t, #nn, #rank>(&*__pk_a, #ax)?)
            }
            SortFn::Median => {
                let ax = axis(self);
                let m = quote!(#p::median::<#t, #nn, #rank>(&*__pk_a, #ax)?);
                if rank == 0 { quote!(#p::only(#m)) } else { m }
            }
            SortFn::Searchsorted => {
                let right = matches!(args[2].kind, ExprKind::Bool(true));
                match self.ty(&args[1]) {
                    Ty::Array(..) => {
                        let w = self.expr(&args[1]);
                        quote!({ let __pk_v = #w; #p::searchsorted(&*__pk_a, &*__pk_v, #right)? })
                    }
                    _ => {
                        let w = self.expr_as(&args[1], d);
                        quote!(#p::searchsorted_one(&*__pk_a, #w, #right))
                    }
                }
            }
            SortFn::Unique => {
                let mut parts = vec![quote!(__pk_u.0)];
                for (k, a) in args[1..].iter().enumerate() {
                    if matches!(a.kind, ExprKind::Bool(true)) {
                        let i = syn::Index::from(k + 1);
                        parts.push(quote!(__pk_u.#i));
                    }
                }
                let out = if parts.len() == 1 {
                    parts.remove(0)
                } else {
                    quote!((#(#parts),*))
                };
                quote!({ let __pk_u = #p::unique(&*__pk_a)?; #out })
            }
            SortFn::Bincount => {
                let minlength = self.expr_as(&args[2], Dtype::Int64);
                match self.ty(&args[1]) {
                    Ty::Array(wd, _) => {
                        let w = self.expr(&args[1]);
                        let wt = dtype_tokens(wd);
                        let conv = cast(quote!(__pk_w), wd, Dtype::Float64);
                        quote!({
                            let __pk_ws = #w;
                            #p::bincount_weighted(&*__pk_a, &*__pk_ws, #minlength, |__pk_w: #wt| #conv)?
                        })
                    }
                    _ => quote!(#p::bincount(&*__pk_a, #minlength)?),
                }
            }
        };
        quote!({ let __pk_a = #v; #body })
    }

    /// `a.sort()` / `a.sort(axis)` of an array, in place.
    pub(crate) fn sort_method(&mut self, recv: &Expr, args: &[Expr]) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let v = self.expr(recv);
        let axis = match args.first() {
            Some(a) => self.expr_as(a, Dtype::Int64),
            None => quote!(-1i64),
        };
        quote!({ let __pk_a = #v; #p::sort_in_place(&*__pk_a, #axis)? })
    }
}
