//! Emission of NumPy's array-building functions (`Builtin::NpBuild`): the arguments are
//! evaluated in source order into temporaries, then handed to the runtime
//! (`pykernel::__private::{roll_axes, tile, concatenate, ...}`). Joined arrays are first
//! converted to the result's dtype (`np.result_type` of theirs) and given the rank they
//! are joined at (`vstack` makes a 1-D array a row, `column_stack` a column).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Build, Expr, ExprKind};
use crate::types::{Ty, kind};

impl FnEmitter<'_> {
    /// `numpy.<f>(args)` of type `ty`.
    pub(crate) fn build(&mut self, f: Build, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        if f.is_newer() {
            return self.build_more(f, args, ty);
        }
        if f.is_join() {
            return self.join(f, args, ty);
        }
        if f == Build::Interp {
            return self.interp(args, ty);
        }
        let (Ty::Array(d, n), Some(a)) = (self.ty(&args[0]), args.first()) else {
            return quote!(compile_error!("pykernel: array building of a non-array"));
        };
        let (t, nn) = (dtype_tokens(d), n as usize);
        let a = self.expr(a);
        let r = match ty {
            Ty::Array(_, r) => *r as usize,
            _ => nn,
        };
        match f {
            Build::Roll => {
                let (shifts, ns) = self.int_array(&args[1]);
                if matches!(args[2].kind, ExprKind::None) {
                    return quote!({
                        let __pk_a = #a;
                        let __pk_s: [i64; #ns] = #shifts;
                        let __pk_s = __pk_s.iter().fold(0i64, |__pk_x, &__pk_y| __pk_x.wrapping_add(__pk_y));
                        #p::roll_flat::<#t, #nn>(&*__pk_a, __pk_s)?
                    });
                }
                let (axes, na) = self.int_array(&args[2]);
                // NumPy broadcasts the shifts against the axes: none when either is empty.
                let count = if ns == 0 || na == 0 { 0 } else { ns.max(na) };
                let pairs: Vec<TokenStream> = (0..count)
                    .map(|k| {
                        let (i, j) = (k.min(ns - 1), k.min(na - 1));
                        quote!((__pk_s[#i], __pk_x[#j]))
                    })
                    .collect();
                quote!({
                    let __pk_a = #a;
                    let __pk_s: [i64; #ns] = #shifts;
                    let __pk_x: [i64; #na] = #axes;
                    #p::roll_axes::<#t, #nn>(&*__pk_a, &[#(#pairs),*])?
                })
            }
            Build::Tile => {
                let (reps, k) = self.int_array(&args[1]);
                quote!({
                    let __pk_a = #a;
                    let __pk_r: [i64; #k] = #reps;
                    #p::tile::<#t, #nn, #r>(&*__pk_a, &__pk_r)?
                })
            }
            Build::Repeat => {
                let counts = match self.ty(&args[1]) {
                    Ty::Array(..) => {
                        let c = self.expr(&args[1]);
                        quote!((#c).to_vec().into_iter().map(|__pk_c| __pk_c as i64).collect::<Vec<i64>>())
                    }
                    _ => {
                        let c = self.expr_as(&args[1], Dtype::Int64);
                        quote!(vec![#c])
                    }
                };
                if matches!(args[2].kind, ExprKind::None) {
                    return quote!({
                        let __pk_a = #a;
                        let __pk_c = #counts;
                        #p::repeat_flat::<#t, #nn>(&*__pk_a, &__pk_c)?
                    });
                }
                let axis = self.expr_as(&args[2], Dtype::Int64);
                quote!({
                    let __pk_a = #a;
                    let __pk_c = #counts;
                    #p::repeat_axis::<#t, #nn>(&*__pk_a, &__pk_c, #axis)?
                })
            }
            Build::Diff => {
                let order = self.expr_as(&args[1], Dtype::Int64);
                let axis = self.expr_as(&args[2], Dtype::Int64);
                let sub = match kind(d) {
                    0 => quote!(__pk_h != __pk_l),
                    1 => quote!(__pk_h.wrapping_sub(__pk_l)),
                    _ => quote!(__pk_h - __pk_l),
                };
                quote!({
                    let __pk_a: #p::Array<#t, #nn> = #a;
                    let __pk_n: i64 = #order;
                    let __pk_x: i64 = #axis;
                    #p::diff(__pk_a, __pk_n, __pk_x, |__pk_h: #t, __pk_l: #t| #sub)?
                })
            }
            Build::Flip | Build::Fliplr | Build::Flipud => {
                let (axes, k) = match f {
                    Build::Fliplr => (quote!([1]), 1),
                    Build::Flipud => (quote!([0]), 1),
                    _ if matches!(args[1].kind, ExprKind::None) => {
                        return quote!({
                            let __pk_a: #p::Array<#t, #nn> = #a;
                            #p::flip(&__pk_a, None)?
                        });
                    }
                    _ => self.int_array(&args[1]),
                };
                quote!({
                    let __pk_a: #p::Array<#t, #nn> = #a;
                    let __pk_x: [i64; #k] = #axes;
                    #p::flip(&__pk_a, Some(&__pk_x))?
                })
            }
            Build::Rot90 => {
                let k = self.expr_as(&args[1], Dtype::Int64);
                let (axes, _) = self.int_array(&args[2]);
                quote!({
                    let __pk_a: #p::Array<#t, #nn> = #a;
                    let __pk_k: i64 = #k;
                    let __pk_x: [i64; 2] = #axes;
                    #p::rot90(&__pk_a, __pk_k, __pk_x)?
                })
            }
            Build::Convolve { mode } => {
                let Ty::Array(out, _) = *ty else {
                    return quote!(compile_error!("pykernel: convolve type"));
                };
                let a = self.converted(a, d, n, out);
                let v = self.array_as(&args[1], out);
                let ot = dtype_tokens(out);
                let (zero, op) = match kind(out) {
                    0 => (quote!(false), quote!(__pk_s || (__pk_x && __pk_y))),
                    1 => (
                        cast(quote!(0i64), Dtype::Int64, out),
                        quote!(__pk_s.wrapping_add(__pk_x.wrapping_mul(__pk_y))),
                    ),
                    _ => (
                        cast(quote!(0i64), Dtype::Int64, out),
                        quote!(__pk_s + __pk_x * __pk_y),
                    ),
                };
                quote!({
                    let __pk_a = #a;
                    let __pk_v = #v;
                    #p::convolve(&*__pk_a, &*__pk_v, #mode, #zero, |__pk_s: #ot, __pk_x: #ot, __pk_y: #ot| #op)?
                })
            }
            _ => quote!(compile_error!("pykernel: array building")),
        }
    }

    /// An array value `v` of dtype `d` and rank `n`, as an array of dtype `to` (a new
    /// one when the dtypes differ).
    pub(super) fn converted(&mut self, v: TokenStream, d: Dtype, n: u8, to: Dtype) -> TokenStream {
        if d == to {
            return v;
        }
        let p = quote!(::pykernel::__private);
        let (t, nn) = (dtype_tokens(d), n as usize);
        let c = cast(quote!(__pk_x), d, to);
        quote!({
            let __pk_c: #p::Array<#t, #nn> = #v;
            #p::converted(&*__pk_c, |__pk_x: #t| #c)?
        })
    }

    /// The array `e` as an array of dtype `to`.
    pub(super) fn array_as(&mut self, e: &Expr, to: Dtype) -> TokenStream {
        let Ty::Array(d, n) = self.ty(e) else {
            return quote!(compile_error!("pykernel: not an array"));
        };
        let v = self.expr(e);
        self.converted(v, d, n, to)
    }

    /// `np.interp(x, xp, fp, left, right)`.
    fn interp(&mut self, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let x = match self.ty(&args[0]) {
            Ty::Array(..) => self.array_as(&args[0], Dtype::Float64),
            _ => self.expr_as(&args[0], Dtype::Float64),
        };
        let xp = self.array_as(&args[1], Dtype::Float64);
        let fp = self.array_as(&args[2], Dtype::Float64);
        let [left, right] = [&args[3], &args[4]].map(|e| {
            if matches!(e.kind, ExprKind::None) {
                quote!(None)
            } else {
                let v = self.expr_as(e, Dtype::Float64);
                quote!(Some(#v))
            }
        });
        let call = match ty {
            Ty::Array(..) => quote!(__pk_ip.array(&*__pk_x)?),
            _ => quote!(__pk_ip.one(__pk_x)),
        };
        quote!({
            let __pk_x = #x;
            let __pk_xp = #xp;
            let __pk_fp = #fp;
            let __pk_l: Option<f64> = #left;
            let __pk_r: Option<f64> = #right;
            let __pk_ip = #p::Interp::new(&*__pk_xp, &*__pk_fp, __pk_l, __pk_r)?;
            #call
        })
    }

    /// The integers of an int-or-tuple argument (a tuple literal, a tuple value, or an
    /// integer) as an `[i64; k]` expression, and `k`.
    pub(super) fn int_array(&mut self, e: &Expr) -> (TokenStream, usize) {
        match (&e.kind, self.ty(e)) {
            (ExprKind::Tuple(items), _) => {
                let v: Vec<TokenStream> = items
                    .iter()
                    .map(|i| self.expr_as(i, Dtype::Int64))
                    .collect();
                (quote!([#(#v),*]), items.len())
            }
            (_, Ty::Tuple(items)) => {
                let t = self.expr(e);
                let parts: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(k, it)| {
                        let k = syn::Index::from(k);
                        let from = it.scalar().map_or(Dtype::Int64, |s| s.dtype);
                        cast(quote!(__pk_t.#k), from, Dtype::Int64)
                    })
                    .collect();
                let n = parts.len();
                (quote!({ let __pk_t = #t; [#(#parts),*] }), n)
            }
            _ => {
                let v = self.expr_as(e, Dtype::Int64);
                (quote!([#v]), 1)
            }
        }
    }

    /// `concatenate`, `stack`, `vstack`, `hstack`, `column_stack`, `meshgrid`.
    fn join(&mut self, f: Build, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let skip = usize::from(matches!(
            f,
            Build::Concatenate | Build::Stack | Build::Append
        ));
        let items = &args[skip..];
        let mut lets = Vec::with_capacity(items.len());
        let mut names = Vec::with_capacity(items.len());
        let mut ranks = Vec::with_capacity(items.len());
        let out = match ty {
            Ty::Array(o, _) => Some(*o),
            _ => None,
        };
        for (k, it) in items.iter().enumerate() {
            let name = format_ident!("__pk_j{k}");
            let (d, n, v) = match self.ty(it) {
                Ty::Array(d, n) => (d, n, self.expr(it)),
                // `np.append(a, 5)`: a one-element array.
                Ty::Scalar(s) => {
                    let v = self.expr(it);
                    (s.dtype, 1, quote!(#p::Array::from_vec(vec![#v], [1])?))
                }
                _ => return quote!(compile_error!("pykernel: joining a non-array")),
            };
            let (t, nn) = (dtype_tokens(d), n as usize);
            lets.push(quote!(let #name: #p::Array<#t, #nn> = #v;));
            if let Some(o) = out.filter(|&o| o != d) {
                let x = quote!(__pk_x);
                let c = cast(x.clone(), d, o);
                lets.push(quote!(let #name = #p::converted(&*#name, |#x: #t| #c)?;));
            }
            names.push(name);
            ranks.push(n as usize);
        }
        if let Build::Meshgrid { ij } = f {
            let m = items.len();
            let lens: Vec<TokenStream> = names.iter().map(|nm| quote!(#nm.shape()[0])).collect();
            let mut order: Vec<usize> = (0..m).collect();
            if !ij && m >= 2 {
                order.swap(0, 1);
            }
            let shape: Vec<&TokenStream> = order.iter().map(|&k| &lens[k]).collect();
            let outs: Vec<TokenStream> = names
                .iter()
                .enumerate()
                .map(|(k, nm)| {
                    let axis = order.iter().position(|&j| j == k).unwrap_or(k);
                    quote!(#p::mesh(&*#nm, __pk_shape, #axis)?)
                })
                .collect();
            let ravel = names.iter().map(|nm| quote!(let #nm = #nm.ravel();));
            return quote!({
                #(#lets)*
                #(#ravel)*
                let __pk_shape: [usize; #m] = [#(#shape),*];
                (#(#outs,)*)
            });
        }
        let (Some(o), Ty::Array(_, r)) = (out, ty) else {
            return quote!(compile_error!("pykernel: join type"));
        };
        let (t, r) = (dtype_tokens(o), *r as usize);
        let flat = matches!(f, Build::Concatenate | Build::Append)
            && matches!(args[0].kind, ExprKind::None);
        let views: Vec<TokenStream> = names
            .iter()
            .zip(&ranks)
            .map(|(nm, &n)| match f {
                Build::Vstack if n == 1 && !flat => quote!(#nm.insert_axis::<2>(0)),
                Build::ColumnStack if n == 1 => quote!(#nm.insert_axis::<2>(1)),
                Build::Dstack if n == 1 => {
                    quote!(#nm.insert_axis::<2>(0).insert_axis::<3>(2))
                }
                Build::Dstack if n == 2 => quote!(#nm.insert_axis::<3>(2)),
                _ => quote!(*#nm),
            })
            .collect();
        // `ravel` may copy: the raveled arrays are locals, alive while their views are
        // read.
        let keep: Vec<TokenStream> = if flat {
            names
                .iter()
                .map(|nm| quote!(let #nm = #nm.ravel();))
                .collect()
        } else {
            Vec::new()
        };
        let call = match f {
            Build::Stack => {
                let axis = self.expr_as(&args[0], Dtype::Int64);
                let d = r - 1;
                quote!(#p::stack::<#t, #d, #r>(&[#(#views),*], #axis)?)
            }
            Build::Concatenate | Build::Append if flat => {
                quote!(#p::concatenate::<#t, 1>(&[#(#views),*], 0)?)
            }
            Build::Concatenate | Build::Append => {
                let axis = self.expr_as(&args[0], Dtype::Int64);
                quote!(#p::concatenate::<#t, #r>(&[#(#views),*], #axis)?)
            }
            _ => {
                let axis: i64 = match f {
                    Build::Vstack => 0,
                    Build::Hstack if r == 1 => 0,
                    Build::Dstack => 2,
                    _ => 1,
                };
                quote!(#p::concatenate::<#t, #r>(&[#(#views),*], #axis)?)
            }
        };
        quote!({
            #(#lets)*
            #(#keep)*
            #call
        })
    }
}
