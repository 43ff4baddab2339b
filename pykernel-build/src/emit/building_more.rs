//! Emission of the array-building functions typed in `infer/building_more.rs`: the
//! arguments are evaluated in source order, then handed to the runtime
//! (`pykernel::__private::{eye, diagonal, pad, split, gradient_axis, correlate, ...}`).
//! The dtype-specific element code (a dtype's 0 and 1, the conversions of `pad`'s
//! constants, the loops of `gradient`) is generated here.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::expr::store_cast;
use super::types::{cast, dtype_tokens, loop_input};
use crate::exports::Dtype;
use crate::infer::building_more::{as_pairs, int_literal, nest_shape};
use crate::infer::ufunc_types::resolve;
use crate::ir::{Build, Expr, ExprKind, PadMode, Ufunc};
use crate::types::{Scalar, Ty, promote};

/// The runtime's code of a pad mode.
fn pad_mode_code(m: PadMode) -> u8 {
    match m {
        PadMode::Constant => 0,
        PadMode::Edge => 1,
        PadMode::Wrap => 2,
        PadMode::Reflect => 3,
        PadMode::Symmetric => 4,
    }
}

/// The axes of `np.gradient` (checked when typing): `None` is every axis.
fn gradient_axes(axis: &Expr, n: u8) -> Vec<usize> {
    let items: Vec<&Expr> = match &axis.kind {
        ExprKind::None => return (0..n as usize).collect(),
        ExprKind::Tuple(items) => items.iter().collect(),
        _ => vec![axis],
    };
    items
        .iter()
        .filter_map(|e| int_literal(e))
        .map(|v| v.rem_euclid(n.max(1) as i64) as usize)
        .collect()
}

impl FnEmitter<'_> {
    /// `numpy.<f>(args)` of type `ty`, for the functions of `infer/building_more.rs`.
    pub(super) fn build_more(&mut self, f: Build, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        if f.constructor_dtype().is_some() {
            return self.constructor(f, args, ty);
        }
        let Ty::Array(d, n) = self.ty(&args[0]) else {
            return quote!(compile_error!("pykernel: array building of a non-array"));
        };
        let (t, nn) = (dtype_tokens(d), n as usize);
        let zero = cast(quote!(0i64), Dtype::Int64, d);
        if f.is_split() {
            return self.split_call(f, args, d, n);
        }
        if f == Build::Gradient {
            return self.gradient(args, ty, d, n);
        }
        if let Build::Correlate { mode } = f {
            return self.correlate(args, ty, mode);
        }
        if let Build::Pad { mode } = f {
            return self.pad(args, d, n, mode);
        }
        let a = self.expr(&args[0]);
        let r = match ty {
            Ty::Array(_, r) => *r as usize,
            _ => nn,
        };
        let ints: Vec<TokenStream> = args[1..]
            .iter()
            .map(|e| self.expr_as(e, Dtype::Int64))
            .collect();
        match f {
            Build::Diag if n == 1 => {
                let k = &ints[0];
                quote!({
                    let __pk_a: #p::Array<#t, 1> = #a;
                    let __pk_k: i64 = #k;
                    #p::diag_matrix(&*__pk_a, __pk_k, #zero)?
                })
            }
            Build::Diag => {
                let k = &ints[0];
                quote!({
                    let __pk_a: #p::Array<#t, 2> = #a;
                    let __pk_k: i64 = #k;
                    #p::diagonal::<#t, 2, 1>(&__pk_a, __pk_k, 0, 1)?
                })
            }
            Build::Diagonal => {
                let (off, a1, a2) = (&ints[0], &ints[1], &ints[2]);
                quote!({
                    let __pk_a: #p::Array<#t, #nn> = #a;
                    let __pk_o: i64 = #off;
                    let __pk_x1: i64 = #a1;
                    let __pk_x2: i64 = #a2;
                    #p::diagonal::<#t, #nn, #r>(&__pk_a, __pk_o, __pk_x1, __pk_x2)?
                })
            }
            Build::Triu | Build::Tril => {
                let k = &ints[0];
                let upper = f == Build::Triu;
                quote!({
                    let __pk_a: #p::Array<#t, #nn> = #a;
                    let __pk_k: i64 = #k;
                    #p::tri_part::<#t, #nn, #r>(&*__pk_a, __pk_k, #upper, #zero)?
                })
            }
            _ => quote!(compile_error!("pykernel: array building")),
        }
    }

    /// `np.eye`, `np.identity`, `np.tri` and `np.indices`.
    fn constructor(&mut self, f: Build, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Array(d, r) = *ty else {
            return quote!(compile_error!("pykernel: constructor type"));
        };
        let t = dtype_tokens(d);
        if let Build::Indices { .. } = f {
            let (dims, k) = self.int_array(&args[0]);
            let r = r as usize;
            let conv = cast(quote!(__pk_v), Dtype::Int64, d);
            let boolean = d == Dtype::Bool;
            return quote!({
                let __pk_d: [i64; #k] = #dims;
                #p::indices::<#t, #r>(&__pk_d, #boolean, |__pk_v: i64| #conv)?
            });
        }
        let n = self.expr_as(&args[0], Dtype::Int64);
        let m = if matches!(args[1].kind, ExprKind::None) {
            quote!(None)
        } else {
            let m = self.expr_as(&args[1], Dtype::Int64);
            quote!(Some(#m))
        };
        let k = self.expr_as(&args[2], Dtype::Int64);
        let zero = cast(quote!(0i64), Dtype::Int64, d);
        let one = cast(quote!(1i64), Dtype::Int64, d);
        let call = match f {
            Build::Tri { .. } => quote!(#p::tri::<#t>(__pk_n, __pk_m, __pk_k, #one, #zero)?),
            _ => quote!(#p::eye::<#t>(__pk_n, __pk_m, __pk_k, #zero, #one)?),
        };
        quote!({
            let __pk_n: i64 = #n;
            let __pk_m: Option<i64> = #m;
            let __pk_k: i64 = #k;
            #call
        })
    }

    /// The numbers of a number or a (nested) tuple, in C order: `let`s evaluating them
    /// in source order, and (value, type) pairs naming the results.
    fn nest_leaves(
        &mut self,
        e: &Expr,
        lets: &mut Vec<TokenStream>,
        out: &mut Vec<(TokenStream, Scalar)>,
    ) {
        if let ExprKind::Tuple(items) = &e.kind {
            for it in items {
                self.nest_leaves(it, lets, out);
            }
            return;
        }
        let name = self.tmp("nest");
        let v = self.expr(e);
        lets.push(quote!(let #name = #v;));
        fn walk(v: TokenStream, t: &Ty, out: &mut Vec<(TokenStream, Scalar)>) {
            match t {
                Ty::Tuple(items) => {
                    for (k, it) in items.iter().enumerate() {
                        let k = syn::Index::from(k);
                        walk(quote!(#v.#k), it, out);
                    }
                }
                t => out.push((v, t.scalar().unwrap_or(Scalar::INT))),
            }
        }
        walk(quote!(#name), &self.ty(e), out);
    }

    /// `np.pad(array, pad_width, mode, constant_values)`.
    fn pad(&mut self, args: &[Expr], d: Dtype, n: u8, mode: PadMode) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let (t, nn) = (dtype_tokens(d), n as usize);
        let a = self.expr(&args[0]);
        let mut lets = Vec::new();
        let mut widths = Vec::new();
        self.nest_leaves(&args[1], &mut lets, &mut widths);
        let shape = |t: &Ty| nest_shape(t).map(|s| s.0).unwrap_or_default();
        let pairs = as_pairs(&shape(&self.ty(&args[1])), nn).unwrap_or_default();
        let w: Vec<TokenStream> = pairs
            .iter()
            .map(|pr| {
                let [b, e] = pr.map(|i| {
                    let (v, s) = &widths[i];
                    cast(v.clone(), s.dtype, Dtype::Int64)
                });
                quote!([#b, #e])
            })
            .collect();
        let values = if mode == PadMode::Constant {
            let mut leaves = Vec::new();
            self.nest_leaves(&args[2], &mut lets, &mut leaves);
            // Converted as NumPy stores each into the padded array (OverflowError for
            // integers that do not fit, ValueError for NaN into integers).
            let conv: Vec<TokenStream> = leaves
                .iter()
                .map(|(v, s)| store_cast(v.clone(), *s, d))
                .collect();
            let names: Vec<proc_macro2::Ident> =
                (0..conv.len()).map(|_| self.tmp("padv")).collect();
            for (nm, c) in names.iter().zip(&conv) {
                lets.push(quote!(let #nm: #t = #c;));
            }
            let pairs = as_pairs(&shape(&self.ty(&args[2])), nn).unwrap_or_default();
            let v: Vec<TokenStream> = pairs
                .iter()
                .map(|pr| {
                    let [b, e] = pr.map(|i| &names[i]);
                    quote!([#b, #e])
                })
                .collect();
            quote!(&[#(#v),*])
        } else {
            quote!(&[])
        };
        let code = pad_mode_code(mode);
        quote!({
            let __pk_a: #p::Array<#t, #nn> = #a;
            #(#lets)*
            let __pk_w: [[i64; 2]; #nn] = [#(#w),*];
            #p::pad::<#t, #nn>(&*__pk_a, __pk_w, #code, #values)?
        })
    }

    /// `np.split` & co.: the sections as a count or as indices.
    fn split_call(&mut self, f: Build, args: &[Expr], d: Dtype, n: u8) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let (t, nn) = (dtype_tokens(d), n as usize);
        let a = self.expr(&args[0]);
        let sections = match self.ty(&args[1]) {
            Ty::Tuple(_) => {
                let (v, k) = self.int_array(&args[1]);
                quote!({ let __pk_i: [i64; #k] = #v; #p::Sections::Indices(__pk_i.to_vec()) })
            }
            Ty::List(item) => {
                let from = item.scalar().map_or(Dtype::Int64, |s| s.dtype);
                let c = cast(quote!(__pk_x), from, Dtype::Int64);
                let v = self.expr(&args[1]);
                quote!(#p::Sections::Indices((#v).to_vec().into_iter().map(|__pk_x| #c).collect()))
            }
            Ty::Array(e, _) => {
                let c = cast(quote!(__pk_x), e, Dtype::Int64);
                let v = self.expr(&args[1]);
                quote!(#p::Sections::Indices((#v).to_vec().into_iter().map(|__pk_x| #c).collect()))
            }
            _ => {
                let v = self.expr_as(&args[1], Dtype::Int64);
                quote!(#p::Sections::Count(#v))
            }
        };
        let axis = match f {
            Build::Split | Build::ArraySplit => self.expr_as(&args[2], Dtype::Int64),
            Build::Hsplit if n > 1 => quote!(1i64),
            Build::Dsplit => quote!(2i64),
            _ => quote!(0i64),
        };
        let equal = f != Build::ArraySplit;
        quote!({
            let __pk_a: #p::Array<#t, #nn> = #a;
            let __pk_s = #sections;
            let __pk_x: i64 = #axis;
            #p::split::<#t, #nn>(&__pk_a, __pk_s, __pk_x, #equal)?
        })
    }

    /// `np.correlate(a, v, mode)`: both converted to the result's dtype, `v` conjugated
    /// when complex.
    fn correlate(&mut self, args: &[Expr], ty: &Ty, mode: u8) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Array(out, _) = *ty else {
            return quote!(compile_error!("pykernel: correlate type"));
        };
        let a = self.array_as(&args[0], out);
        let v = self.array_as(&args[1], out);
        let ot = dtype_tokens(out);
        let (zero, op) = match crate::types::kind(out) {
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
        let conj = match resolve(Ufunc::Conjugate, &[Scalar::np(out)]) {
            Ok(l) if crate::types::kind(out) == 3 => {
                let c = l.call(&[quote!(__pk_z)]);
                quote!(let __pk_v = #p::converted(&*__pk_v, |__pk_z: #ot| #c)?;)
            }
            _ => quote!(),
        };
        quote!({
            let __pk_a = #a;
            let __pk_v = #v;
            #conj
            #p::correlate(&*__pk_a, &*__pk_v, #mode, #zero, |__pk_s: #ot, __pk_x: #ot, __pk_y: #ot| #op)?
        })
    }

    /// `np.gradient(f, *spacings, axis)`: one `gradient_axis` call per axis, with NumPy's
    /// loops `(f[i+1] - f[i-1]) / (2. * dx)` and `(f[j] - f[j-1]) / dx` in their dtypes.
    fn gradient(&mut self, args: &[Expr], ty: &Ty, d: Dtype, n: u8) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let (t, nn) = (dtype_tokens(d), n as usize);
        let axes = gradient_axes(&args[1], n);
        let otype = match ty {
            Ty::Array(o, _) => *o,
            Ty::Tuple(items) => match items.first() {
                Some(Ty::Array(o, _)) => *o,
                _ => Dtype::Float64,
            },
            _ => Dtype::Float64,
        };
        let ot = dtype_tokens(otype);
        // NumPy converts integers to float64 first (`f.astype(np.float64)`).
        let fd = otype;
        let f = self.expr(&args[0]);
        let mut lets = vec![quote!(let __pk_f: #p::Array<#t, #nn> = #f;)];
        let mut spacings: Vec<(TokenStream, Scalar)> = Vec::new();
        for e in &args[2..] {
            let name = self.tmp("dx");
            let s = self.scalar(e);
            let v = self.expr(e);
            lets.push(quote!(let #name = #v;));
            spacings.push((quote!(#name), s));
        }
        let (Ok(sub), mut outs) = (
            resolve(Ufunc::Subtract, &[Scalar::np(fd), Scalar::np(fd)]),
            Vec::new(),
        ) else {
            return quote!(compile_error!("pykernel: gradient subtract"));
        };
        let diff = {
            let (h, l) = (
                cast(quote!(__pk_h), d, sub.inputs[0]),
                cast(quote!(__pk_l), d, sub.inputs[1]),
            );
            sub.call(&[h, l])
        };
        for (k, &axis) in axes.iter().enumerate() {
            let (dx, s) = match spacings.len() {
                0 => (quote!(1.0f64), Scalar::FLOAT),
                1 => spacings[0].clone(),
                _ => spacings[k].clone(),
            };
            // `2. * dx`: a Python float times the spacing.
            let two = promote(Scalar::FLOAT, s);
            let two_dx = if s.py {
                // Python arithmetic: in float64 (complex128 for a complex spacing).
                let x = cast(dx.clone(), s.dtype, two.dtype);
                let c = cast(quote!(2.0f64), Dtype::Float64, two.dtype);
                quote!((#c * #x))
            } else {
                match resolve(Ufunc::Multiply, &[Scalar::FLOAT, s]) {
                    Ok(l) => l.call(&[
                        loop_input(quote!(2.0f64), Scalar::FLOAT, l.inputs[0]),
                        loop_input(dx.clone(), s, l.inputs[1]),
                    ]),
                    Err(_) => return quote!(compile_error!("pykernel: gradient spacing")),
                }
            };
            let div = |divisor: Scalar, v: TokenStream| match resolve(
                Ufunc::TrueDivide,
                &[Scalar::np(sub.output), divisor],
            ) {
                Ok(l) => {
                    let q = l.call(&[
                        cast(quote!(__pk_q), sub.output, l.inputs[0]),
                        loop_input(v, divisor, l.inputs[1]),
                    ]);
                    cast(q, l.output, otype)
                }
                Err(_) => quote!(compile_error!("pykernel: gradient division")),
            };
            let inner = div(two, quote!(__pk_2dx));
            let edge = div(s, quote!(__pk_dx));
            let (tt, dt) = (dtype_tokens(two.dtype), dtype_tokens(s.dtype));
            outs.push(quote!({
                let __pk_dx: #dt = #dx;
                let __pk_2dx: #tt = #two_dx;
                #p::gradient_axis::<#t, #ot, #nn>(
                    &*__pk_f,
                    #axis,
                    |__pk_h: #t, __pk_l: #t| { let __pk_q = #diff; #inner },
                    |__pk_h: #t, __pk_l: #t| { let __pk_q = #diff; #edge },
                )?
            }));
        }
        let value = if outs.len() == 1 {
            outs.remove(0)
        } else {
            quote!((#(#outs,)*))
        };
        quote!({
            #(#lets)*
            #value
        })
    }
}
