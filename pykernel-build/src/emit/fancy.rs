//! Emission of masks and integer-array indexing (`infer/fancy.rs` decides what an index
//! is): reads gather into a new array, stores and in-place operators scatter, through
//! the runtime's `gather` / `fancy_fill` / `fancy_assign` / `fancy_update[_with]`; and
//! the functions of `Builtin::NpIndexFn`.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens, np_cast, truthy};
use crate::exports::Dtype;
use crate::infer::fancy::{IndexItem, fancy_items};
use crate::ir::{BinOp, Expr, ExprKind, IndexFn};
use crate::types::{Scalar, Ty, kind};

impl FnEmitter<'_> {
    /// Is `base[idx]` a mask or integer-array index here?
    pub(crate) fn is_fancy(&self, base: &Expr, idx: &Expr) -> bool {
        crate::infer::fancy::is_fancy(self.inst, base, idx)
    }

    /// One index array or list `e` (a mask when `mask`) as a runtime index item.
    fn array_item(&mut self, e: &Expr, mask: bool) -> TokenStream {
        let p = quote!(::pykernel::__private);
        match self.ty(e) {
            Ty::List(_) => {
                let l = self.place(e);
                if mask {
                    quote!(#p::FancyItem::bool_list((#l).to_vec()))
                } else {
                    quote!(#p::FancyItem::int_list(
                        (#l).to_vec().into_iter().map(#p::IndexValue::index_value).collect()
                    ))
                }
            }
            _ => {
                let v = self.expr(e);
                let f = if mask { quote!(mask) } else { quote!(ints) };
                quote!({ let __pk_m = #v; #p::FancyItem::#f(&*__pk_m) })
            }
        }
    }

    /// The runtime index items of `idx` (an array of them, evaluated left to right).
    fn fancy_index_items(&mut self, idx: &Expr) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let kinds = fancy_items(self.inst, idx).unwrap_or_default();
        let exprs: Vec<&Expr> = match &idx.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ if matches!(self.ty(idx), Ty::Tuple(_)) => {
                // A tuple value (`np.nonzero(m)`): its items are index arrays.
                let t = self.expr(idx);
                let Ty::Tuple(tys) = self.ty(idx) else {
                    return quote!(compile_error!("pykernel: tuple index"));
                };
                let items = kinds.iter().zip(&tys).enumerate().map(|(k, (it, ty))| {
                    let j = syn::Index::from(k);
                    let x = quote!(__pk_t.#j);
                    match (it, ty) {
                        (IndexItem::Mask(_), Ty::List(_)) => {
                            quote!(#p::FancyItem::bool_list((#x).to_vec()))
                        }
                        (IndexItem::Ints(_), Ty::List(_)) => quote!(#p::FancyItem::int_list(
                            (#x).to_vec().into_iter().map(#p::IndexValue::index_value).collect()
                        )),
                        (IndexItem::Mask(_), _) => quote!(#p::FancyItem::mask(&*#x)),
                        (IndexItem::Ints(_), _) => quote!(#p::FancyItem::ints(&*#x)),
                        (IndexItem::NewAxis, _) => quote!(#p::FancyItem::NewAxis),
                        _ => {
                            let d = ty.scalar().map_or(Dtype::Int64, |s| s.dtype);
                            let v = cast(x, d, Dtype::Int64);
                            quote!(#p::FancyItem::Int(#v))
                        }
                    }
                });
                return quote!({ let __pk_t = #t; [#(#items),*] });
            }
            _ => vec![idx],
        };
        let mut items = Vec::new();
        for (e, k) in exprs.into_iter().zip(kinds) {
            items.push(match (&e.kind, k) {
                (ExprKind::SliceSpec(lo, hi, st), _) => {
                    let [lo, hi, st] = [lo, hi, st].map(|b| self.slice_bound(b.as_deref()));
                    quote!(#p::FancyItem::Slice(#lo, #hi, #st))
                }
                (_, IndexItem::NewAxis) => quote!(#p::FancyItem::NewAxis),
                (_, IndexItem::Ellipsis) => quote!(#p::FancyItem::Ellipsis),
                (_, IndexItem::Mask(_)) => self.array_item(e, true),
                (_, IndexItem::Ints(_)) => self.array_item(e, false),
                _ => {
                    let v = self.expr_as(e, Dtype::Int64);
                    quote!(#p::FancyItem::Int(#v))
                }
            });
        }
        quote!([#(#items),*])
    }

    /// `base[t]` with `t` a tuple value of `k` integers: the tuple, then the indices
    /// (`[__pk_t.0 as i64, ...]`).
    fn tuple_indices(&mut self, idx: &Expr) -> (TokenStream, TokenStream) {
        let t = self.expr(idx);
        let Ty::Tuple(items) = self.ty(idx) else {
            return (t, quote!([]));
        };
        let vals = items.iter().enumerate().map(|(k, it)| {
            let j = syn::Index::from(k);
            let d = it.scalar().map_or(Dtype::Int64, |s| s.dtype);
            cast(quote!(__pk_t.#j), d, Dtype::Int64)
        });
        (t, quote!([#(#vals),*]))
    }

    /// `base[idx]` (a new array of type `ty`; an element for a tuple value of integers).
    pub(crate) fn fancy_read(&mut self, base: &Expr, idx: &Expr, ty: &Ty) -> TokenStream {
        if crate::infer::fancy::tuple_value_index(self.inst, idx).is_some() {
            let b = self.expr(base);
            let (t, vals) = self.tuple_indices(idx);
            return quote!({
                let __pk_b = #b;
                let __pk_t = #t;
                (__pk_b).get(#vals)?
            });
        }
        let (Ty::Array(_, n), Ty::Array(_, m)) = (self.ty(base), ty) else {
            return quote!(compile_error!("pykernel: indexing type"));
        };
        let (n, m) = (n as usize, *m as usize);
        let b = self.expr(base);
        let items = self.fancy_index_items(idx);
        quote!({
            let __pk_b = #b;
            let __pk_ix = #items;
            ::pykernel::__private::gather::<_, #n, #m>(&*__pk_b, &__pk_ix)?
        })
    }

    /// `base[idx] = v` with the value `v` (already evaluated: Python evaluates it first)
    /// of type `vt`.
    pub(crate) fn fancy_store(
        &mut self,
        base: &Expr,
        idx: &Expr,
        v: TokenStream,
        vt: &Ty,
    ) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let d = self.ty(base).elem_dtype();
        let b = self.expr(base);
        if crate::infer::fancy::tuple_value_index(self.inst, idx).is_some() {
            let s = vt.scalar().unwrap_or(Scalar::FLOAT);
            let x = super::expr::store_cast(quote!(__pk_v), s, d);
            let (t, vals) = self.tuple_indices(idx);
            return quote!({
                let __pk_v = #v;
                let __pk_b = #b;
                let __pk_t = #t;
                let __pk_x = #x;
                (__pk_b).set(#vals, __pk_x)?;
            });
        }
        let items = self.fancy_index_items(idx);
        let write = match vt {
            Ty::Array(e, _) => {
                let et = dtype_tokens(*e);
                let x = np_cast(quote!(__pk_x), *e, d);
                quote!(#p::fancy_assign(&*__pk_b, &__pk_ix, &*__pk_v, |__pk_x: #et| #x)?;)
            }
            _ => {
                let s = vt.scalar().unwrap_or(Scalar::FLOAT);
                let x = super::expr::store_cast(quote!(__pk_v), s, d);
                quote!({ let __pk_x = #x; #p::fancy_fill(&*__pk_b, &__pk_ix, __pk_x)?; })
            }
        };
        quote!({
            let __pk_v = #v;
            let __pk_b = #b;
            let __pk_ix = #items;
            #write
        })
    }

    /// `base[idx] op= value`: NumPy's `base[idx] = base[idx] op value` (a repeated index
    /// is updated once).
    pub(crate) fn fancy_aug_assign(
        &mut self,
        base: &Expr,
        idx: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let d = self.ty(base).elem_dtype();
        let t = dtype_tokens(d);
        let cs = Scalar::np(d);
        let vt = self.ty(value);
        let vs = self.scalar(value);
        let b = self.expr(base);
        let tuple = crate::infer::fancy::tuple_value_index(self.inst, idx).is_some();
        let (tup, items) = if tuple {
            self.tuple_indices(idx)
        } else {
            (quote!(), self.fancy_index_items(idx))
        };
        let v = self.expr(value);
        let res = if op == BinOp::Div {
            crate::types::true_divide(cs, vs)
        } else {
            crate::types::promote(cs, vs)
        };
        let mode = self.division_mode(value);
        let new_value = |x: TokenStream| {
            let r = super::expr::binary(op, quote!(__pk_c), cs, x, vs, res, mode);
            cast(r, res.dtype, d)
        };
        if tuple {
            // One element, its index checked once.
            let r = new_value(quote!(__pk_v));
            return quote!({
                let __pk_b = #b;
                let __pk_t = #tup;
                let __pk_p = (__pk_b).elem_ptr(#items)?;
                let __pk_v = #v;
                let __pk_c: #t = *__pk_p;
                let __pk_r = #r;
                *__pk_p = __pk_r;
            });
        }
        let update = match vt {
            Ty::Array(e, _) => {
                let et = dtype_tokens(e);
                let r = new_value(quote!(__pk_x));
                quote!(#p::fancy_update_with(&*__pk_b, &__pk_ix, &*__pk_v, |__pk_c: #t, __pk_x: #et| Ok(#r))?;)
            }
            _ => {
                let r = new_value(quote!(__pk_v));
                quote!(#p::fancy_update(&*__pk_b, &__pk_ix, |__pk_c: #t| Ok(#r))?;)
            }
        };
        quote!({
            let __pk_b = #b;
            let __pk_ix = #items;
            let __pk_v = #v;
            #update
        })
    }

    /// A condition argument (array or list) as an array, and its truth test.
    fn truth_source(&mut self, e: &Expr) -> (TokenStream, TokenStream) {
        let p = quote!(::pykernel::__private);
        match self.ty(e) {
            Ty::List(item) => {
                let d = item.scalar().map_or(Dtype::Bool, |s| s.dtype);
                let t = dtype_tokens(d);
                let l = self.place(e);
                let test = truthy(quote!(__pk_x), d);
                (
                    quote!({
                        let __pk_l: ::std::vec::Vec<#t> = (#l).to_vec();
                        let __pk_n = __pk_l.len();
                        #p::Array::<#t, 1>::from_vec(__pk_l, [__pk_n])?
                    }),
                    quote!(|__pk_x: #t| #test),
                )
            }
            t => {
                let d = t.elem_dtype();
                let et = dtype_tokens(d);
                let test = truthy(quote!(__pk_x), d);
                (self.expr(e), quote!(|__pk_x: #et| #test))
            }
        }
    }

    /// An index argument of `np.take` / `np.put` as one runtime item.
    fn index_arg(&mut self, e: &Expr) -> TokenStream {
        let p = quote!(::pykernel::__private);
        match self.ty(e) {
            Ty::Array(..) | Ty::List(_) => self.array_item(e, false),
            _ => {
                let v = self.expr_as(e, Dtype::Int64);
                quote!(#p::FancyItem::Int(#v))
            }
        }
    }

    /// `numpy.<f>(args)` of type `ty`.
    pub(crate) fn index_fn(&mut self, f: IndexFn, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let axis = |this: &mut Self, e: &Expr| -> TokenStream {
            if matches!(e.kind, ExprKind::None) {
                quote!(None)
            } else {
                let v = this.expr_as(e, Dtype::Int64);
                quote!(Some(#v))
            }
        };
        match f {
            IndexFn::Nonzero | IndexFn::Flatnonzero | IndexFn::Argwhere => {
                let (a, test) = self.truth_source(&args[0]);
                let call = match f {
                    IndexFn::Nonzero => {
                        let n = match self.ty(&args[0]) {
                            Ty::Array(_, n) => n as usize,
                            _ => 1,
                        };
                        let parts = (0..n).map(|k| quote!(__pk_r[#k].clone()));
                        return quote!({
                            let __pk_a = #a;
                            let __pk_r = #p::nonzero(&*__pk_a, #test)?;
                            (#(#parts,)*)
                        });
                    }
                    IndexFn::Flatnonzero => quote!(flatnonzero),
                    _ => quote!(argwhere),
                };
                quote!({ let __pk_a = #a; #p::#call(&*__pk_a, #test)? })
            }
            IndexFn::Extract => {
                let (c, test) = self.truth_source(&args[0]);
                let a = self.expr(&args[1]);
                quote!({ let __pk_c = #c; let __pk_a = #a; #p::extract(&*__pk_c, #test, &*__pk_a)? })
            }
            IndexFn::Compress => {
                let (c, test) = self.truth_source(&args[0]);
                let a = self.expr(&args[1]);
                let ax = axis(self, &args[2]);
                let (n, m) = match (self.ty(&args[1]), ty) {
                    (Ty::Array(_, n), Ty::Array(_, m)) => (n as usize, *m as usize),
                    _ => (1, 1),
                };
                quote!({
                    let __pk_c = #c;
                    let __pk_a = #a;
                    let __pk_ax = #ax;
                    #p::compress::<_, _, #n, #m>(&*__pk_c, #test, &*__pk_a, __pk_ax)?
                })
            }
            IndexFn::Take => {
                let a = self.expr(&args[0]);
                let n = match self.ty(&args[0]) {
                    Ty::Array(_, n) => n as usize,
                    _ => 1,
                };
                let (m, scalar) = match ty {
                    Ty::Array(_, m) => (*m as usize, false),
                    _ => (1, true),
                };
                let ix = if scalar {
                    // One element: taken as an array of one, then read.
                    let i = self.expr_as(&args[1], Dtype::Int64);
                    quote!(#p::FancyItem::int_list(::std::vec![#i]))
                } else {
                    self.index_arg(&args[1])
                };
                let ax = axis(self, &args[2]);
                let take = quote!({
                    let __pk_a = #a;
                    let __pk_ix = #ix;
                    let __pk_ax = #ax;
                    #p::take::<_, #n, #m>(&*__pk_a, __pk_ix, __pk_ax)?
                });
                if scalar {
                    // One element: the array of one element the runtime built, read.
                    quote!((#take).get([0])?)
                } else {
                    take
                }
            }
            IndexFn::Put => {
                let a = self.expr(&args[0]);
                let d = self.ty(&args[0]).elem_dtype();
                let t = dtype_tokens(d);
                let ix = self.index_arg(&args[1]);
                let values = match self.ty(&args[2]) {
                    Ty::Array(e, _) => {
                        let v = self.expr(&args[2]);
                        let x = np_cast(quote!(__pk_x), e, d);
                        quote!((#v).to_vec().into_iter().map(|__pk_x| #x).collect::<::std::vec::Vec<#t>>())
                    }
                    Ty::List(item) => {
                        let e = item.scalar().map_or(d, |s| s.dtype);
                        let l = self.place(&args[2]);
                        let x = np_cast(quote!(__pk_x), e, d);
                        quote!((#l).to_vec().into_iter().map(|__pk_x| #x).collect::<::std::vec::Vec<#t>>())
                    }
                    vt => {
                        let s = vt.scalar().unwrap_or(Scalar::FLOAT);
                        let v = self.expr(&args[2]);
                        let x = if kind(s.dtype) == 2 && kind(d) == 1 {
                            np_cast(quote!(__pk_x), s.dtype, d)
                        } else {
                            super::expr::store_cast(quote!(__pk_x), s, d)
                        };
                        quote!({ let __pk_x = #v; ::std::vec![#x] })
                    }
                };
                quote!({
                    let __pk_a = #a;
                    let __pk_ix = #ix;
                    let __pk_vals: ::std::vec::Vec<#t> = #values;
                    #p::put(&*__pk_a, __pk_ix, __pk_vals)?;
                })
            }
        }
    }
}
