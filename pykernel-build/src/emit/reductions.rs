//! Emission of NumPy reductions along axes and of the ones with no fused form
//! (`Builtin::NpReduceAxis`): the array is computed (or viewed), then handed to the
//! runtime's `reduce_axes` / `var_axes` / `arg_extreme` / `accumulate` with the fold
//! NumPy's loop performs for its dtype.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens, truthy};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind, NormOrd, Reduce};
use crate::types::{Ty, kind};

impl FnEmitter<'_> {
    /// `numpy.<r>(a, axis, keepdims, ddof)` of type `ty`.
    pub(crate) fn reduce_axis(&mut self, r: Reduce, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let (Ty::Array(d, n), [a, axis, keep, ddof]) = (self.ty(&args[0]), args) else {
            return quote!(compile_error!("pykernel: reduction of a non-array"));
        };
        let keepdims = matches!(keep.kind, ExprKind::Bool(true));
        let nn = n as usize;
        // The result's rank (a number: rank 0, taken out of the array at the end).
        let (out, rank) = match ty {
            Ty::Array(o, k) => (*o, *k as usize),
            Ty::Scalar(s) => (s.dtype, 0),
            _ => return quote!(compile_error!("pykernel: reduction type")),
        };
        // `np.argmax(expr)` of a rank-1 kernel: consumed as computed (its C order is its
        // memory order), no temporary.
        if matches!(r, Reduce::Argmin | Reduce::Argmax)
            && matches!(axis.kind, ExprKind::None)
            && rank == 0
            && n == 1
            && let Some((setup, _)) = self.kernel_stream(a)
        {
            let max = r == Reduce::Argmax;
            return quote!({ #setup #p::arg_extreme_stream(__pk_n, &mut __pk_src, #max)? });
        }
        // A fused operand is consumed as computed (`reduce_stream`), except by the
        // reductions that read their operand more than once.
        let streamable = !matches!(
            r,
            Reduce::Var
                | Reduce::Std
                | Reduce::Ptp
                | Reduce::NanMean
                | Reduce::NanVar
                | Reduce::NanStd
                | Reduce::Norm(_)
        ) && !r.is_arg()
            && !r.is_scan();
        let stream = if streamable {
            self.kernel_stream(a).map(|(tokens, _)| tokens)
        } else {
            None
        };
        let fused = stream.is_some();
        let setup = match stream {
            Some(tokens) => tokens,
            None => {
                let v = self.expr(a);
                quote!(let __pk_a = #v;)
            }
        };
        let (t, ot) = (dtype_tokens(d), dtype_tokens(out));
        // The axes: a mask for reductions, an `Option` for `argmax` and scans.
        let axes: Vec<TokenStream> = match &axis.kind {
            ExprKind::None => Vec::new(),
            ExprKind::Tuple(items) => items
                .iter()
                .map(|i| self.expr_as(i, Dtype::Int64))
                .collect(),
            _ => vec![self.expr_as(axis, Dtype::Int64)],
        };
        let mask = if matches!(axis.kind, ExprKind::None) {
            quote!([true; #nn])
        } else {
            quote!(#p::axis_mask::<#nn>(&[#(#axes),*])?)
        };
        let one_axis = match axes.first() {
            Some(x) => quote!(Some(#x)),
            None => quote!(None),
        };
        let x = quote!(__pk_x);
        let conv = |to: Dtype| cast(x.clone(), d, to);
        let fold = |this: &Self, f: TokenStream| {
            let _ = this;
            if fused {
                quote!(#p::reduce_stream::<#t, _, #nn, #rank>(
                    __pk_shape, __pk_vs, __pk_m, &mut __pk_src, &#f,
                )?)
            } else {
                quote!(#p::reduce_axes::<#t, _, #nn, #rank>(&*__pk_a, __pk_m, &#f)?)
            }
        };
        let count = if fused {
            quote!((0..#nn).filter(|&__pk_k| __pk_m[__pk_k]).map(|__pk_k| __pk_shape[__pk_k]).product::<usize>())
        } else {
            quote!(#p::reduced_count(&*__pk_a, __pk_m))
        };
        let k = kind(d);
        // `np.isnan(x)` of a float or complex element (NumPy's `_replace_nan` mask).
        let nan = match k {
            2 => quote!(#x != #x),
            3 => quote!((#x.re != #x.re || #x.im != #x.im)),
            _ => quote!(false),
        };
        let sum_fold = |to: Dtype| -> TokenStream {
            let cx = cast(x.clone(), d, to);
            let tt = dtype_tokens(to);
            match kind(to) {
                2 if to == d => quote!(#p::SumFloat),
                3 if to == d => quote!(#p::SumComplex),
                2 => {
                    quote!(#p::FoldWith::new("add", 0.0 as #tt, |__pk_s: #tt, #x: #t| __pk_s + #cx))
                }
                _ => {
                    quote!(#p::FoldWith::new("add", 0 as #tt, |__pk_s: #tt, #x: #t| __pk_s.wrapping_add(#cx)))
                }
            }
        };
        let body = match r {
            Reduce::Sum => fold(self, sum_fold(out)),
            Reduce::Prod | Reduce::NanProd => {
                let one = cast(quote!(1i64), Dtype::Int64, out);
                let cx = conv(out);
                // `np.nanprod`: NaN replaced by 1 first.
                let cx = if r == Reduce::NanProd && k >= 2 {
                    quote!(if #nan { #one } else { #cx })
                } else {
                    cx
                };
                let f = if kind(out) >= 2 {
                    quote!(|__pk_s: #ot, #x: #t| __pk_s * #cx)
                } else {
                    quote!(|__pk_s: #ot, #x: #t| __pk_s.wrapping_mul(#cx))
                };
                fold(self, quote!(#p::FoldWith::new("multiply", #one, #f)))
            }
            Reduce::Min | Reduce::Max => {
                let max = r == Reduce::Max;
                fold(self, quote!(#p::Extreme(#max)))
            }
            Reduce::NanMin | Reduce::NanMax if k == 2 => {
                let max = r == Reduce::NanMax;
                fold(self, quote!(#p::FExtreme(#max)))
            }
            Reduce::NanMin | Reduce::NanMax => {
                let max = r == Reduce::NanMax;
                fold(self, quote!(#p::Extreme(#max)))
            }
            Reduce::NanSum if k == 2 => fold(self, quote!(#p::NanSumFloat)),
            Reduce::NanSum if k == 3 => fold(self, quote!(#p::NanSumComplex)),
            Reduce::NanSum => fold(self, sum_fold(out)),
            Reduce::NanMean if k >= 2 => {
                let (sum, ok) = if k == 2 {
                    (quote!(#p::NanSumFloat), quote!(#x == #x))
                } else {
                    (
                        quote!(#p::NanSumComplex),
                        quote!(#x.re == #x.re && #x.im == #x.im),
                    )
                };
                let sums = fold(self, sum);
                let counts = fold(
                    self,
                    quote!(#p::FoldWith::new("add", 0i64, |__pk_s: i64, #x: #t| __pk_s + (#ok) as i64)),
                );
                let div = match out {
                    Dtype::Complex128 => quote!(#p::np_c_div(__pk_s, #ot::new(__pk_c as f64, 0.0))),
                    Dtype::Complex64 => {
                        quote!(#p::np_c_div32(__pk_s, #ot::new(__pk_c as f32, 0.0)))
                    }
                    _ => quote!(((__pk_s as f64) / (__pk_c as f64)) as #ot),
                };
                quote!(#p::zip_in_place(#sums, &#counts, |__pk_s: #ot, __pk_c: i64| {
                    #[allow(clippy::eq_op)]
                    let __pk_q = #div;
                    __pk_q
                }))
            }
            Reduce::Any | Reduce::All | Reduce::CountNonzero => {
                let tx = truthy(x.clone(), d);
                let f = match r {
                    Reduce::Any => {
                        quote!(#p::FoldWith::new("logical_or", false, |__pk_s: bool, #x: #t| __pk_s || #tx))
                    }
                    Reduce::All => {
                        quote!(#p::FoldWith::new("logical_and", true, |__pk_s: bool, #x: #t| __pk_s && #tx))
                    }
                    _ => {
                        quote!(#p::FoldWith::new("add", 0i64, |__pk_s: i64, #x: #t| __pk_s + (#tx as i64)))
                    }
                };
                fold(self, f)
            }
            Reduce::Mean | Reduce::Average | Reduce::NanMean => {
                let sum = if k <= 1 {
                    let cx = conv(Dtype::Float64);
                    fold(self, quote!(#p::SumAsF64(|#x: #t| #cx)))
                } else {
                    fold(self, sum_fold(d))
                };
                let div = match out {
                    Dtype::Complex128 => {
                        quote!(#p::np_c_div(__pk_s, #ot::new(__pk_cnt as f64, 0.0)))
                    }
                    Dtype::Complex64 => {
                        quote!(#p::np_c_div32(__pk_s, #ot::new(__pk_cnt as f32, 0.0)))
                    }
                    _ => quote!(((__pk_s as f64) / (__pk_cnt as f64)) as #ot),
                };
                quote!({
                    let __pk_cnt = #count;
                    #p::map_in_place(#sum, |__pk_s| #div)
                })
            }
            Reduce::NanVar | Reduce::NanStd if k >= 2 => {
                let ddof = self.expr_as(ddof, Dtype::Int64);
                let f = dtype_tokens(out);
                let (sum, mean, dev) = if k == 3 {
                    let mul = if d == Dtype::Complex64 {
                        quote!(#p::np_c_mul_fma32)
                    } else {
                        quote!(#p::np_c_mul_fma)
                    };
                    (
                        quote!(#p::NanSumComplex),
                        // complex / int64 in complex128, stored back.
                        quote!(|__pk_s: #t, __pk_n: i64| {
                            let __pk_q = #p::np_c_div(
                                #p::C64::new(__pk_s.re as f64, __pk_s.im as f64),
                                #p::C64::new(__pk_n as f64, 0.0),
                            );
                            #t::new(__pk_q.re as #f, __pk_q.im as #f)
                        }),
                        // `(x - m) * conj(x - m)`, real part (NumPy's complex multiply).
                        quote!(|#x: #t, __pk_m: #t| { let __pk_d = #x - __pk_m; #mul(__pk_d, __pk_d.conj()).re }),
                    )
                } else {
                    (
                        quote!(#p::NanSumFloat),
                        quote!(|__pk_s: #t, __pk_n: i64| ((__pk_s as f64) / (__pk_n as f64)) as #t),
                        quote!(|#x: #t, __pk_m: #t| { let __pk_d = #x - __pk_m; __pk_d * __pk_d }),
                    )
                };
                let var = quote!(#p::nanvar_axes::<#t, _, _, #f, #nn, #rank>(
                    &*__pk_a, __pk_m, #ddof, &#sum, |#x: #t| #nan, #mean, #dev,
                    |__pk_s: #f, __pk_c: f64| ((__pk_s as f64) / __pk_c) as #f,
                )?);
                if r == Reduce::NanStd {
                    quote!(#p::map_in_place(#var, |__pk_v: #f| __pk_v.sqrt()))
                } else {
                    var
                }
            }
            Reduce::Var | Reduce::Std | Reduce::NanVar | Reduce::NanStd => {
                let ddof = self.expr_as(ddof, Dtype::Int64);
                let f = dtype_tokens(out);
                let (sum, mean, dev) = match k {
                    3 => {
                        let cdiv = if d == Dtype::Complex64 {
                            quote!(#p::np_c_div32)
                        } else {
                            quote!(#p::np_c_div)
                        };
                        (
                            quote!(#p::SumComplex),
                            quote!(|__pk_s: #t, __pk_n: usize| #cdiv(__pk_s, #t::new(__pk_n as #f, 0.0))),
                            quote!(|#x: #t, __pk_m: #t| { let __pk_d = #x - __pk_m; __pk_d.re * __pk_d.re + __pk_d.im * __pk_d.im }),
                        )
                    }
                    2 => (
                        quote!(#p::SumFloat),
                        quote!(|__pk_s: #t, __pk_n: usize| ((__pk_s as f64) / (__pk_n as f64)) as #t),
                        quote!(|#x: #t, __pk_m: #t| { let __pk_d = #x - __pk_m; __pk_d * __pk_d }),
                    ),
                    _ => {
                        let cx = conv(Dtype::Float64);
                        (
                            quote!(#p::SumAsF64(|#x: #t| #cx)),
                            quote!(|__pk_s: f64, __pk_n: usize| __pk_s / (__pk_n as f64)),
                            quote!(|#x: #t, __pk_m: f64| { let __pk_d = #cx - __pk_m; __pk_d * __pk_d }),
                        )
                    }
                };
                let var = quote!(#p::var_axes::<#t, _, _, #f, #nn, #rank>(
                    &*__pk_a, __pk_m, #ddof, &#sum, #mean, #dev,
                    |__pk_s: #f, __pk_c: f64| ((__pk_s as f64) / __pk_c) as #f,
                )?);
                if matches!(r, Reduce::Std | Reduce::NanStd) {
                    quote!(#p::map_in_place(#var, |__pk_v: #f| __pk_v.sqrt()))
                } else {
                    var
                }
            }
            Reduce::Ptp => {
                let hi = fold(self, quote!(#p::Extreme(true)));
                let lo = fold(self, quote!(#p::Extreme(false)));
                let sub = if kind(d) >= 2 {
                    quote!(__pk_h - __pk_l)
                } else {
                    quote!(__pk_h.wrapping_sub(__pk_l))
                };
                quote!(#p::zip_in_place(#hi, &#lo, |__pk_h: #t, __pk_l: #t| #sub))
            }
            Reduce::Norm(o) => {
                let f = dtype_tokens(out);
                // `|x|²` and `|x|` in the result's float type.
                let (sq, abs) = if k == 3 {
                    let abs = if d == Dtype::Complex64 {
                        quote!(#p::np_c_abs32(#x))
                    } else {
                        quote!(#p::np_c_abs(#x))
                    };
                    (quote!((#x.re * #x.re + #x.im * #x.im) as #f), abs)
                } else {
                    let v = conv(out);
                    (
                        quote!({ let __pk_y = #v; __pk_y * __pk_y }),
                        quote!((#v).abs()),
                    )
                };
                let matrix = n == 2 && matches!(axis.kind, ExprKind::None);
                match o {
                    NormOrd::One | NormOrd::Inf | NormOrd::NegInf if matrix => {
                        // Column (`1`) or row (`inf`) sums of `|x|`, then their extreme.
                        let (m, max) = match o {
                            NormOrd::One => (quote!([true, false]), true),
                            NormOrd::Inf => (quote!([false, true]), true),
                            _ => (quote!([false, true]), false),
                        };
                        quote!({
                            let __pk_s: #p::Array<#f, 1> = #p::reduce_axes::<#t, _, 2, 1>(
                                &*__pk_a, #m, &#p::SumMapped(|#x: #t| #abs))?;
                            #p::reduce_axes::<#f, _, 1, #rank>(&*__pk_s, [true], &#p::Extreme(#max))?
                        })
                    }
                    NormOrd::One => fold(self, quote!(#p::SumMapped(|#x: #t| #abs))),
                    NormOrd::Inf | NormOrd::NegInf => {
                        let max = o == NormOrd::Inf;
                        fold(self, quote!(#p::ExtremeMapped(#max, |#x: #t| #abs)))
                    }
                    NormOrd::Zero => {
                        let t0 = super::types::truthy(x.clone(), d);
                        fold(self, quote!(#p::SumMapped(|#x: #t| (#t0) as u8 as #f)))
                    }
                    NormOrd::Default | NormOrd::Two | NormOrd::Fro => {
                        let s = fold(self, quote!(#p::SumMapped(|#x: #t| #sq)));
                        quote!(#p::map_in_place(#s, |__pk_v: #f| __pk_v.sqrt()))
                    }
                }
            }
            Reduce::NanArgmin | Reduce::NanArgmax if k == 2 => {
                // NaN replaced by +inf (-inf for the maximum), after NumPy's check.
                let max = r == Reduce::NanArgmax;
                let fill = if max {
                    quote!(#t::NEG_INFINITY)
                } else {
                    quote!(#t::INFINITY)
                };
                quote!(#p::nan_arg_extreme::<#t, #nn, #rank>(&*__pk_a, #one_axis, #max, #fill)?)
            }
            Reduce::Argmin | Reduce::Argmax | Reduce::NanArgmin | Reduce::NanArgmax => {
                let max = matches!(r, Reduce::Argmax | Reduce::NanArgmax);
                quote!(#p::arg_extreme::<#t, #nn, #rank>(&*__pk_a, #one_axis, #max)?)
            }
            Reduce::Cumsum | Reduce::Cumprod | Reduce::NanCumsum | Reduce::NanCumprod => {
                let cx = conv(out);
                let sum = matches!(r, Reduce::Cumsum | Reduce::NanCumsum);
                let fill_v: i64 = if sum { 0 } else { 1 };
                // `np.nancumsum`: NaN replaced by 0 (1 for `nancumprod`) first.
                let cx = if r.is_nan() && k >= 2 {
                    let fill = cast(quote!(#fill_v), Dtype::Int64, out);
                    quote!(if #nan { #fill } else { #cx })
                } else {
                    cx
                };
                let r = if sum { Reduce::Cumsum } else { Reduce::Cumprod };
                let op = match (r, kind(out) >= 2) {
                    (Reduce::Cumsum, true) => quote!(__pk_s + __pk_y),
                    (Reduce::Cumsum, false) => quote!(__pk_s.wrapping_add(__pk_y)),
                    (_, true) => quote!(__pk_s * __pk_y),
                    _ => quote!(__pk_s.wrapping_mul(__pk_y)),
                };
                quote!(#p::accumulate::<#t, #ot, #nn, #rank>(
                    &*__pk_a, #one_axis, |#x: #t| #cx, |__pk_s: #ot, __pk_y: #ot| #op,
                )?)
            }
        };
        let uses_mask = !r.is_arg() && !r.is_scan();
        let mask = if uses_mask {
            quote!(let __pk_m: [bool; #nn] = #mask;)
        } else {
            quote!()
        };
        let _ = keepdims;
        let result = if rank == 0 {
            quote!(#p::only(__pk_r))
        } else {
            quote!(__pk_r)
        };
        quote!({
            #setup
            #mask
            let __pk_r: #p::Array<#ot, #rank> = #body;
            #result
        })
    }
}
