//! Emission of sorting and searching (`Builtin::NpSort`) and of `a.sort()`: the array
//! is computed (or viewed) and handed to the runtime (`pykernel::sorting`).

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, SortFn};
use crate::types::{Ty, promote_dtypes};

impl FnEmitter<'_> {
    /// `numpy.<f>(...)` of type `ty`.
    pub(crate) fn sort_fn(&mut self, f: SortFn, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        match f {
            SortFn::Histogram => return self.histogram(args, ty),
            SortFn::Digitize => return self.digitize(args),
            _ => {}
        }
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
            SortFn::Median | SortFn::NanMedian => {
                let ax = axis(self);
                let m = if f == SortFn::Median {
                    quote!(#p::median::<#t, #nn, #rank>(&*__pk_a, #ax)?)
                } else {
                    quote!(#p::nanmedian::<#t, #nn, #rank>(&*__pk_a, #ax)?)
                };
                if rank == 0 { quote!(#p::only(#m)) } else { m }
            }
            SortFn::Partition | SortFn::Argpartition => {
                let kth = self.kth(&args[1]);
                let ax = match args[2].kind {
                    ExprKind::None => quote!(None),
                    _ => {
                        let x = self.expr_as(&args[2], Dtype::Int64);
                        quote!(Some(#x))
                    }
                };
                if f == SortFn::Partition {
                    quote!(#p::partition::<#t, #nn, #rank>(&*__pk_a, &#kth, #ax)?)
                } else {
                    quote!(#p::argpartition::<#t, #nn, #rank>(&*__pk_a, &#kth, #ax)?)
                }
            }
            SortFn::Digitize | SortFn::Histogram => quote!(unreachable!()),
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

    /// `kth` of `np.partition`: an integer or a tuple of them, as an `[i64; k]`.
    fn kth(&mut self, e: &Expr) -> TokenStream {
        match (&e.kind, self.ty(e)) {
            (ExprKind::Tuple(items), _) => {
                let ks: Vec<TokenStream> = items
                    .iter()
                    .map(|i| self.expr_as(i, Dtype::Int64))
                    .collect();
                quote!([#(#ks),*])
            }
            (_, Ty::Tuple(items)) => {
                let v = self.expr(e);
                let ks = items.iter().enumerate().map(|(k, t)| {
                    let i = syn::Index::from(k);
                    cast(
                        quote!(__pk_k.#i),
                        t.scalar().map_or(Dtype::Int64, |s| s.dtype),
                        Dtype::Int64,
                    )
                });
                quote!({ let __pk_k = #v; [#(#ks),*] })
            }
            _ => {
                let k = self.expr_as(e, Dtype::Int64);
                quote!([#k])
            }
        }
    }

    /// `np.digitize(x, bins, right)`: both converted to their common type.
    fn digitize(&mut self, args: &[Expr]) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Array(bd, _) = self.ty(&args[1]) else {
            return quote!(compile_error!("pykernel: digitize bins"));
        };
        let xd = match self.ty(&args[0]) {
            Ty::Array(d, _) => d,
            // A Python number as NumPy's default array of its kind.
            Ty::Scalar(s) if s.py && s.kind() == 1 => Dtype::Int64,
            Ty::Scalar(s) if s.py && s.kind() == 2 => Dtype::Float64,
            Ty::Scalar(s) => s.dtype,
            _ => return quote!(compile_error!("pykernel: digitize x")),
        };
        let c = promote_dtypes(bd, xd);
        let (bt, xt) = (dtype_tokens(bd), dtype_tokens(xd));
        let cb = cast(quote!(__pk_b), bd, c);
        let bf = cast(quote!(__pk_b), bd, Dtype::Float64);
        let right = {
            let r = self.expr(&args[2]);
            super::types::truthy(r, self.scalar(&args[2]).dtype)
        };
        let bins = self.expr(&args[1]);
        match self.ty(&args[0]) {
            Ty::Array(..) => {
                let x = self.expr(&args[0]);
                let cx = cast(quote!(__pk_x), xd, c);
                quote!({
                    let __pk_xs = #x;
                    let __pk_bs = #bins;
                    #p::digitize(&*__pk_xs, &*__pk_bs, #right, |__pk_x: #xt| #cx, |__pk_b: #bt| #cb, |__pk_b: #bt| #bf)?
                })
            }
            _ => {
                let x = self.expr_as(&args[0], c);
                quote!({
                    let __pk_x = #x;
                    let __pk_bs = #bins;
                    #p::digitize_one(__pk_x, &*__pk_bs, #right, |__pk_b: #bt| #cb, |__pk_b: #bt| #bf)?
                })
            }
        }
    }

    /// `a.partition(kth, axis)` of an array, in place.
    pub(crate) fn partition_method(&mut self, recv: &Expr, args: &[Expr]) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let v = self.expr(recv);
        let kth = self.kth(&args[0]);
        let axis = self.expr_as(&args[1], Dtype::Int64);
        quote!({ let __pk_a = #v; #p::partition_in_place(&*__pk_a, &#kth, #axis)? })
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
