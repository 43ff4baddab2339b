//! Emission of NumPy calls that are not elementwise kernels: reductions of whole arrays
//! (`np.sum(a)`, `(a * b).max()`), shape functions (`reshape`, `ravel`, `transpose`,
//! `expand_dims`, ...), and ufuncs, `np.where`, `np.clip` applied to numbers.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::infer::ufunc_types::resolve;
use crate::ir::{Builtin, Expr, ExprKind, Reduce, ShapeFn, Ufunc};
use crate::types::{Scalar, Ty, kind};

impl FnEmitter<'_> {
    /// An array value: a kernel materialized into a new array, or the expression itself.
    fn array_value(&mut self, e: &Expr) -> TokenStream {
        self.expr(e)
    }

    /// NumPy builtins (`Builtin::Ufunc`, `NpReduce`, `NpShape`, `NpWhere`, `NpClip`,
    /// `NpAstype`) that are not elementwise kernels; `ty` is the call's type.
    pub(crate) fn np_builtin(&mut self, b: Builtin, args: &[Expr], ty: &Ty) -> TokenStream {
        match b {
            Builtin::NpReduce(r) => self.reduce(r, &args[0], ty),
            Builtin::NpShape(f) => self.shape_fn(f, &args[0], &args[1..], ty),
            Builtin::NpLinalg(l) => self.linalg(l, args, ty),
            // On numbers: one element of the loop.
            Builtin::Ufunc(u) => self.scalar_ufunc(u, args),
            Builtin::NpWhere => {
                let out = ty.scalar().map_or(Dtype::Float64, |s| s.dtype);
                let c = self.cond(&args[0]);
                let a = self.expr_as(&args[1], out);
                let b = self.expr_as(&args[2], out);
                quote!(if #c { #a } else { #b })
            }
            Builtin::NpClip => {
                let mut vals: Vec<(TokenStream, Scalar)> = args
                    .iter()
                    .map(|a| (self.expr(a), self.scalar(a)))
                    .collect();
                // Python int bounds of a NumPy integer are saturated to its range.
                let first = vals[0].1;
                if !first.py && kind(first.dtype) == 1 {
                    let t = dtype_tokens(first.dtype);
                    for (v, s) in vals.iter_mut().skip(1) {
                        if s.py && s.dtype == Dtype::Int64 {
                            *v = quote!(::pykernel::__private::saturate_int::<#t>(#v));
                            *s = first;
                        }
                    }
                }
                let mx = self.ufunc_values(Ufunc::Maximum, &vals[0..2]);
                let ms = resolve(Ufunc::Maximum, &[vals[0].1, vals[1].1])
                    .map_or(vals[0].1, |l| Scalar::np(l.output));
                self.ufunc_values(Ufunc::Minimum, &[(mx, ms), vals[2].clone()])
            }
            _ => quote!(compile_error!("pykernel: unexpected NumPy call")),
        }
    }

    /// A ufunc on numbers.
    fn scalar_ufunc(&mut self, u: Ufunc, args: &[Expr]) -> TokenStream {
        let vals: Vec<(TokenStream, Scalar)> = args
            .iter()
            .map(|a| (self.expr(a), self.scalar(a)))
            .collect();
        self.ufunc_values(u, &vals)
    }

    /// One ufunc loop on values of known types (cast to the loop's inputs).
    pub(crate) fn ufunc_values(&mut self, u: Ufunc, vals: &[(TokenStream, Scalar)]) -> TokenStream {
        let scalars: Vec<Scalar> = vals.iter().map(|(_, s)| *s).collect();
        let Ok(l) = resolve(u, &scalars) else {
            return quote!(compile_error!("pykernel: unresolved ufunc loop"));
        };
        let args: Vec<TokenStream> = vals
            .iter()
            .zip(&l.inputs)
            .zip(&l.range_check)
            .map(|(((v, s), d), check)| {
                let v = match check {
                    Some(c) => super::expr::weak_cast(v.clone(), *s, *c),
                    None => v.clone(),
                };
                let s = match check {
                    Some(c) => Scalar::np(*c),
                    None => *s,
                };
                let v = super::types::loop_input(v, s, *d);
                quote!({ #v })
            })
            .collect();
        let names: Vec<proc_macro2::Ident> = (0..args.len())
            .map(|k| quote::format_ident!("__pk_u{}", k))
            .collect();
        let refs: Vec<TokenStream> = names.iter().map(|n| quote!(#n)).collect();
        let body = super::ufunc_elem::ufunc_element(&l, &refs, false);
        quote!({ #(let #names = #args;)* #body })
    }

    /// `a.tolist()` (nested lists, one level per axis) and `a.item(...)`: elements as
    /// Python numbers.
    fn item_method(
        &mut self,
        recv: &Expr,
        name: &str,
        args: &[Expr],
        d: Dtype,
        n: usize,
    ) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let v = self.expr(recv);
        let py = crate::infer::py_scalar(d).dtype;
        let conv = cast(quote!(__pk_x), d, py);
        let t = dtype_tokens(d);
        if name == "item" {
            let x = match args {
                [] => quote!(#p::item(&*__pk_a)?),
                [i] => {
                    let i = self.expr_as(i, Dtype::Int64);
                    quote!(#p::item_flat(&*__pk_a, #i)?)
                }
                _ => {
                    let idx: Vec<TokenStream> =
                        args.iter().map(|i| self.expr_as(i, Dtype::Int64)).collect();
                    quote!(__pk_a.get([#(#idx),*])?)
                }
            };
            return quote!({ let __pk_a = #v; let __pk_x: #t = #x; #conv });
        }
        // Grouped from the innermost axis out: `count` lists of `shape[k]` items.
        let mut levels = Vec::new();
        for k in (1..n).rev() {
            levels.push(quote!(
                let __pk_l = #p::tolist_group(
                    __pk_l, __pk_s[..#k].iter().product::<usize>(), __pk_s[#k],
                );
            ));
        }
        quote!({
            let __pk_a = #v;
            let __pk_s = __pk_a.shape();
            let __pk_l: Vec<_> = __pk_a.to_vec().into_iter().map(|__pk_x: #t| #conv).collect();
            #(#levels)*
            #p::List::from_vec(__pk_l)
        })
    }

    /// `np.array_equal(a, b)` / `np.array_equiv(a, b)`: the lowered `every` (a Python
    /// bool) when the shapes are equal (broadcast together, for `equiv`), else `False`.
    pub(crate) fn array_equal(&mut self, equiv: bool, args: &[Expr]) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let rank = |t: Ty| match t {
            Ty::Array(_, n) => n as usize,
            _ => 0,
        };
        let (ra, rb) = (rank(self.ty(&args[0])), rank(self.ty(&args[1])));
        let (x, y) = (self.expr(&args[0]), self.expr(&args[1]));
        let shape = |v: TokenStream, r: usize| {
            if r == 0 {
                quote!([0usize; 0])
            } else {
                quote!(#v.shape())
            }
        };
        let (sx, sy) = (shape(quote!(__pk_x), ra), shape(quote!(__pk_y), rb));
        let r = ra.max(rb);
        let cond = match (equiv, ra == rb) {
            (true, _) if r == 0 => quote!(true),
            (true, _) => quote!(#p::broadcast_shape::<#r>(&[&__pk_sx[..], &__pk_sy[..]]).is_ok()),
            (false, true) => quote!(__pk_sx == __pk_sy),
            (false, false) => quote!(false),
        };
        let every = self.expr(&args[2]);
        quote!({
            let __pk_x = #x;
            let __pk_y = #y;
            let (__pk_sx, __pk_sy) = (#sx, #sy);
            if #cond { #every } else { false }
        })
    }

    /// Methods of arrays handled here: reductions (`a.sum()`), shape methods
    /// (`a.reshape(...)`, `a.ravel()`, `a.swapaxes(i, j)`, `a.squeeze(k)`,
    /// `a.transpose(axes)`).
    pub(crate) fn np_method(
        &mut self,
        recv: &Expr,
        name: &str,
        args: &[Expr],
        ty: &Ty,
    ) -> Option<TokenStream> {
        if let Some(r) = Reduce::from_name(name).filter(|r| r.is_method() && r.fusable())
            && args.is_empty()
        {
            return Some(self.reduce(r, recv, ty));
        }
        if name == "sort" && matches!(self.ty(recv), Ty::Array(..)) {
            return Some(self.sort_method(recv, args));
        }
        if name == "partition" && matches!(self.ty(recv), Ty::Array(..)) {
            return Some(self.partition_method(recv, args));
        }
        if let (Ty::Array(d, n), "tolist" | "item") = (self.ty(recv), name) {
            return Some(self.item_method(recv, name, args, d, n as usize));
        }
        let f = match name {
            "reshape" => ShapeFn::Reshape,
            "ravel" => ShapeFn::Ravel,
            "swapaxes" => ShapeFn::Swapaxes,
            "squeeze" => ShapeFn::Squeeze,
            "transpose" if !args.is_empty() => ShapeFn::Transpose,
            _ => return None,
        };
        Some(self.shape_fn(f, recv, args, ty))
    }

    /// A whole-array reduction of `a` (an array or a number), of result type `ty`.
    fn reduce(&mut self, r: Reduce, a: &Expr, ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let out = match ty {
            Ty::Scalar(s) => s.dtype,
            _ => Dtype::Int64,
        };
        let (d, _) = match self.ty(a) {
            Ty::Array(d, n) => (d, n),
            Ty::Scalar(s) => {
                // `np.sum(3.0)`: the number itself, as the result type.
                let v = self.expr(a);
                return match r {
                    Reduce::Any | Reduce::All => super::types::truthy(v, s.dtype),
                    Reduce::CountNonzero => {
                        let t = super::types::truthy(v, s.dtype);
                        quote!((#t as i64))
                    }
                    _ => cast(v, s.dtype, out),
                };
            }
            _ => return quote!(compile_error!("pykernel: reduction of a non-array")),
        };
        // An elementwise expression is consumed as it is computed (no temporary).
        let stream = self.kernel_stream(a);
        let (setup, fused) = match stream {
            Some((tokens, _)) => (tokens, true),
            None => {
                let v = self.array_value(a);
                (quote!(let __pk_a = #v;), false)
            }
        };
        let ot = dtype_tokens(out);
        let k = kind(d);
        let conv = |x: TokenStream| cast(x, d, out);
        let x = quote!(__pk_x);
        // The library call for the array or the stream of its elements.
        let n = if fused {
            quote!(__pk_n)
        } else {
            quote!(__pk_a.size())
        };
        let fold = |init: TokenStream, f: TokenStream| {
            if fused {
                quote!(#p::fold_stream(__pk_n, &mut __pk_src, #init, #f)?)
            } else {
                quote!(#p::fold(&*__pk_a, #init, #f))
            }
        };
        let sum_float = if fused {
            quote!(#p::sum_stream(__pk_n, &mut __pk_src)?)
        } else {
            quote!(#p::sum_float(&*__pk_a))
        };
        let sum_complex = if fused {
            quote!(#p::sum_stream_complex(__pk_n, &mut __pk_src)?)
        } else {
            quote!(#p::sum_complex(&*__pk_a))
        };
        let body = match r {
            Reduce::Sum if kind(out) == 2 && out == d => sum_float,
            Reduce::Sum if kind(out) == 3 && out == d => sum_complex,
            Reduce::Sum => {
                let cx = conv(x.clone());
                fold(
                    quote!(0 as #ot),
                    quote!(|__pk_s: #ot, #x| __pk_s.wrapping_add(#cx)),
                )
            }
            Reduce::Prod if kind(out) >= 2 => {
                let cx = conv(x.clone());
                let one = cast(quote!(1i64), Dtype::Int64, out);
                fold(one, quote!(|__pk_s: #ot, #x| __pk_s * #cx))
            }
            Reduce::Prod => {
                let cx = conv(x.clone());
                fold(
                    quote!(1 as #ot),
                    quote!(|__pk_s: #ot, #x| __pk_s.wrapping_mul(#cx)),
                )
            }
            Reduce::Min | Reduce::Max if k == 3 => {
                quote!(compile_error!(
                    "pykernel: min/max of complex arrays are not supported yet"
                ))
            }
            Reduce::Min | Reduce::Max => {
                let max = r == Reduce::Max;
                if fused {
                    quote!(#p::extreme_stream(__pk_n, &mut __pk_src, #max)?)
                } else {
                    quote!(#p::extreme(&*__pk_a, #max)?)
                }
            }
            Reduce::Mean | Reduce::Average => match k {
                2 if out == Dtype::Float32 => quote!(#sum_float / (#n as f32)),
                2 => quote!(#sum_float / (#n as f64)),
                // NumPy divides the complex sum by the count as a complex number.
                3 => {
                    let (part, div) = if out == Dtype::Complex64 {
                        (quote!(f32), quote!(#p::np_c_div32))
                    } else {
                        (quote!(f64), quote!(#p::np_c_div))
                    };
                    quote!({
                        let __pk_z = #sum_complex;
                        #div(__pk_z, #ot::new(#n as #part, 0.0))
                    })
                }
                _ => {
                    let cx = cast(x.clone(), d, Dtype::Float64);
                    if fused {
                        quote!(#p::sum_stream_f64(__pk_n, &mut __pk_src, |#x| #cx)? / (#n as f64))
                    } else {
                        quote!(#p::sum_as_f64(&*__pk_a, |#x| #cx) / (#n as f64))
                    }
                }
            },
            Reduce::Any | Reduce::All | Reduce::CountNonzero => {
                let t = super::types::truthy(x.clone(), d);
                match r {
                    Reduce::Any => fold(quote!(false), quote!(|__pk_s: bool, #x| __pk_s || #t)),
                    Reduce::All => fold(quote!(true), quote!(|__pk_s: bool, #x| __pk_s && #t)),
                    _ => fold(quote!(0i64), quote!(|__pk_s: i64, #x| __pk_s + (#t as i64))),
                }
            }
            // The others go through `Builtin::NpReduceAxis`.
            _ => quote!(compile_error!("pykernel: not a fused reduction")),
        };
        quote!({ #setup #body })
    }

    /// A shape function of array `a` with its other arguments, giving `ty`.
    fn shape_fn(&mut self, f: ShapeFn, a: &Expr, args: &[Expr], ty: &Ty) -> TokenStream {
        let v = self.array_value(a);
        let r = match ty {
            Ty::Array(_, n) => *n as usize,
            _ => 1,
        };
        let ints: Vec<TokenStream> = self.shape_items(args);
        match f {
            ShapeFn::Reshape => quote!((#v).reshape::<#r>([#(#ints),*])?),
            ShapeFn::BroadcastTo => quote!((#v).broadcast_to_shape::<#r>([#(#ints),*])?),
            ShapeFn::Ravel => quote!((#v).ravel()),
            ShapeFn::Transpose if args.is_empty() => quote!((#v).t()),
            ShapeFn::Transpose => quote!((#v).permute([#(#ints),*])?),
            ShapeFn::Swapaxes => quote!((#v).swapaxes(#(#ints),*)?),
            ShapeFn::ExpandDims => quote!((#v).expand_dims::<#r>(#(#ints),*)?),
            ShapeFn::Squeeze => quote!((#v).squeeze_axis::<#r>(#(#ints),*)?),
            ShapeFn::AsContiguous => quote!((#v).ascontiguous()),
            ShapeFn::AsArray => v,
            ShapeFn::Copy => quote!((#v).copy()),
        }
    }

    /// The integers of a shape argument: a tuple literal or value, or integers.
    fn shape_items(&mut self, args: &[Expr]) -> Vec<TokenStream> {
        if let [a] = args {
            match (&a.kind, self.ty(a)) {
                (ExprKind::Tuple(items), _) => {
                    return items
                        .iter()
                        .map(|i| self.expr_as(i, Dtype::Int64))
                        .collect();
                }
                (_, Ty::Tuple(items)) => {
                    let t = self.expr(a);
                    let parts: Vec<TokenStream> = items
                        .iter()
                        .enumerate()
                        .map(|(k, it)| {
                            let k = syn::Index::from(k);
                            let from = it.scalar().map_or(Dtype::Int64, |s| s.dtype);
                            cast(quote!(__pk_t.#k), from, Dtype::Int64)
                        })
                        .collect();
                    return parts
                        .into_iter()
                        .map(|p| quote!({ let __pk_t = #t; #p }))
                        .collect();
                }
                _ => {}
            }
        }
        args.iter().map(|a| self.expr_as(a, Dtype::Int64)).collect()
    }
}
