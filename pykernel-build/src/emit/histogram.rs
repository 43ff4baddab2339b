//! Emission of `np.histogram` (`Builtin::NpSort(SortFn::Histogram)`): the arrays are
//! computed (or viewed), the range's numbers handed over with their Python or NumPy
//! type (the runtime promotes them as NumPy does), and `pykernel::histogram` counts.

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind};
use crate::types::{Ty, kind, promote_dtypes};

impl FnEmitter<'_> {
    /// `numpy.histogram(a, bins, range, density, weights)` of type `ty`.
    pub(crate) fn histogram(&mut self, args: &[Expr], ty: &Ty) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let (Ty::Array(d, n), Ty::Tuple(items)) = (self.ty(&args[0]), ty) else {
            return quote!(compile_error!("pykernel: histogram of a non-array"));
        };
        let Some(Ty::Array(_, 1)) = items.get(1) else {
            return quote!(compile_error!("pykernel: histogram edges"));
        };
        let (t, nn) = (dtype_tokens(d), n as usize);
        let density = matches!(args[3].kind, ExprKind::Bool(true));
        let a = self.expr(&args[0]);
        let bins = match self.ty(&args[1]) {
            Ty::Array(..) => self.expr(&args[1]),
            _ => self.expr_as(&args[1], Dtype::Int64),
        };
        let range = match self.ty(&args[1]) {
            // Edges given: NumPy does not look at `range`.
            Ty::Array(..) => self.expr(&args[2]),
            _ => self.histogram_range(&args[2]),
        };
        // Without weights: int64 counts of ones.
        let (wv, w_arg, wt, one) = match self.ty(&args[4]) {
            Ty::Array(wd, _) => {
                let wv = self.expr(&args[4]);
                let wt = dtype_tokens(wd);
                (
                    quote!(let __pk_w = #wv;),
                    quote!(Some(&*__pk_w)),
                    wt.clone(),
                    quote!(<#wt as #p::HistWeight>::ZERO),
                )
            }
            _ => (
                quote!(),
                quote!(None::<&#p::ArrayView<i64, #nn>>),
                quote!(i64),
                quote!(1i64),
            ),
        };
        let setup = quote!(let __pk_a = #a; let __pk_b = #bins; let __pk_r = #range; #wv);
        let density_of = |edges: TokenStream, et: TokenStream, diff: TokenStream| {
            if density {
                quote!(#p::histogram_density(&__pk_n, &*#edges, |__pk_hi: #et, __pk_lo: #et| #diff)?)
            } else {
                quote!(__pk_n)
            }
        };
        match self.ty(&args[1]) {
            Ty::Array(e, _) => {
                // Counted in the common type of the values (bool as uint8) and the edges.
                let a8 = if d == Dtype::Bool { Dtype::UInt8 } else { d };
                let c = promote_dtypes(a8, e);
                let (ct, et) = (dtype_tokens(c), dtype_tokens(e));
                let ca = cast(quote!(__pk_x), d, c);
                let ce = cast(quote!(__pk_e), e, c);
                let diff = match kind(e) {
                    0 => quote!((__pk_hi != __pk_lo) as u8 as f64),
                    1 => quote!(__pk_hi.wrapping_sub(__pk_lo) as f64),
                    _ => quote!((__pk_hi - __pk_lo) as f64),
                };
                let counts = density_of(quote!(__pk_b), et.clone(), diff);
                quote!({
                    #setup
                    let _ = __pk_r;
                    let __pk_n = #p::histogram_edges::<#t, #et, #ct, #wt, #nn>(
                        &*__pk_a, &*__pk_b, #w_arg, #one,
                        |__pk_x: #t| #ca, |__pk_e: #et| #ce,
                    )?;
                    (#counts, __pk_b)
                })
            }
            _ => {
                let Some(Ty::Array(b, _)) = items.get(1) else {
                    return quote!(compile_error!("pykernel: histogram edges"));
                };
                let bt = dtype_tokens(*b);
                let counts = density_of(
                    quote!(__pk_e),
                    bt.clone(),
                    quote!((__pk_hi - __pk_lo) as f64),
                );
                quote!({
                    #setup
                    let (__pk_n, __pk_e) = #p::histogram_bins::<#t, #bt, #wt, #nn>(
                        &*__pk_a, __pk_b, __pk_r, #w_arg, #one,
                    )?;
                    (#counts, __pk_e)
                })
            }
        }
    }

    /// `range=`: `None`, or the two numbers as `HistNum`s (Python `int`/`float`, or
    /// NumPy scalars of their dtype).
    fn histogram_range(&mut self, range: &Expr) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let Ty::Tuple(items) = self.ty(range) else {
            return quote!(None::<(#p::HistNum, #p::HistNum)>);
        };
        let num = |this: &mut Self, v: TokenStream, t: &Ty| -> TokenStream {
            let Ty::Scalar(s) = t else {
                return quote!(compile_error!("pykernel: histogram range"));
            };
            match (s.py, kind(s.dtype)) {
                (true, 1) => {
                    let v = cast(v, s.dtype, Dtype::Int64);
                    quote!(#p::HistNum::py_int(#v))
                }
                (true, _) => {
                    let v = cast(v, s.dtype, Dtype::Float64);
                    quote!(#p::HistNum::py_float(#v))
                }
                _ => {
                    let _ = this;
                    let st = dtype_tokens(s.dtype);
                    quote!(<#st as #p::HistElem>::num(#v))
                }
            }
        };
        match &range.kind {
            ExprKind::Tuple(es) if es.len() == 2 => {
                let (f, l) = (self.expr(&es[0]), self.expr(&es[1]));
                let (f, l) = (num(self, f, &items[0]), num(self, l, &items[1]));
                quote!(Some((#f, #l)))
            }
            _ => {
                let v = self.expr(range);
                let (f, l) = (
                    num(self, quote!(__pk_t.0), &items[0]),
                    num(self, quote!(__pk_t.1), &items[1]),
                );
                quote!({ let __pk_t = #v; Some((#f, #l)) })
            }
        }
    }
}
