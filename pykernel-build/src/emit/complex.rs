//! Emission of complex arithmetic: CPython's algorithms for Python `complex`, NumPy's for
//! `complex128`/`complex64` scalars (they differ in division, powers and `abs`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::FnEmitter;
use super::types::cast;
use crate::exports::Dtype;
use crate::ir::{BinOp, CmathFn, Expr};
use crate::types::{Scalar, Ty, kind};

/// `l op r` with a complex result `res` (`+ - * / **`; inference rejects the others).
pub(crate) fn complex_binary(
    op: BinOp,
    lv: TokenStream,
    ls: Scalar,
    rv: TokenStream,
    rs: Scalar,
    res: Scalar,
) -> TokenStream {
    let d = res.dtype;
    let (l, r) = (cast(lv, ls.dtype, d), cast(rv, rs.dtype, d));
    let p = quote!(::pykernel::__private);
    let c32 = d == Dtype::Complex64;
    match op {
        // Componentwise, and the textbook product: CPython and NumPy scalars agree.
        BinOp::Add => quote!((#l + #r)),
        BinOp::Sub => quote!((#l - #r)),
        BinOp::Mul => quote!((#l * #r)),
        BinOp::Div if res.py => quote!(#p::c_div(#l, #r)?),
        BinOp::Div if c32 => quote!(#p::np_c_div32(#l, #r)),
        BinOp::Div => quote!(#p::np_c_div(#l, #r)),
        BinOp::Pow if res.py => quote!(#p::c_pow(#l, #r)?),
        BinOp::Pow if c32 => quote!(#p::np_c_pow32(#l, #r)),
        BinOp::Pow => quote!(#p::np_c_pow(#l, #r)),
        _ => quote!(#l),
    }
}

/// `abs(z)`: CPython raises `OverflowError` when the result overflows; NumPy does not.
pub(crate) fn complex_abs(v: TokenStream, s: Scalar) -> TokenStream {
    let p = quote!(::pykernel::__private);
    match (s.py, s.dtype) {
        (true, _) => quote!(#p::c_abs(#v)?),
        (false, Dtype::Complex64) => quote!(#p::np_c_abs32(#v)),
        _ => quote!(#p::np_c_abs(#v)),
    }
}

impl FnEmitter<'_> {
    /// `x.real`, `x.imag`.
    pub(crate) fn attr(&mut self, base: &Expr, name: &str, ty: &Ty) -> TokenStream {
        let s = self.scalar(base);
        let res = ty.scalar().map_or(Dtype::Float64, |t| t.dtype);
        let v = self.expr(base);
        match (kind(s.dtype), name) {
            (3, "real") => quote!((#v).re),
            (3, _) => quote!((#v).im),
            (_, "real") => cast(v, s.dtype, res),
            // The imaginary part of a real number is a zero of its type.
            _ => {
                let zero = cast(quote!(0i64), Dtype::Int64, res);
                quote!({ let _ = #v; #zero })
            }
        }
    }

    /// `z.conjugate()` (of a real number: the number).
    pub(crate) fn number_method(&mut self, recv: &Expr, s: Scalar, _name: &str) -> TokenStream {
        let v = self.expr(recv);
        if kind(s.dtype) == 3 {
            quote!((#v).conj())
        } else if s.dtype == Dtype::Bool && s.py {
            cast(v, Dtype::Bool, Dtype::Int64)
        } else {
            v
        }
    }

    /// `complex(re, im)` as CPython builds it: real arguments are taken as they are; a
    /// complex `im` subtracts its imaginary part from the real part, a complex `re` adds
    /// its imaginary part to the imaginary part.
    pub(crate) fn complex_ctor(&mut self, args: &[Expr]) -> TokenStream {
        let p = quote!(::pykernel::__private);
        let is_c =
            |this: &Self, k: usize| args.get(k).is_some_and(|a| kind(this.scalar(a).dtype) == 3);
        let (ca, cb) = (is_c(self, 0), is_c(self, 1));
        let a = match args.first() {
            Some(a) => self.expr_as(a, Dtype::Complex128),
            None => quote!(#p::C64::new(0.0, 0.0)),
        };
        let Some(b) = args.get(1) else {
            return a;
        };
        let b = self.expr_as(b, Dtype::Complex128);
        let re = if cb {
            quote!(__pk_a.re - __pk_b.im)
        } else {
            quote!(__pk_a.re)
        };
        let im = if ca {
            quote!(__pk_b.re + __pk_a.im)
        } else {
            quote!(__pk_b.re)
        };
        quote!({
            let (__pk_a, __pk_b) = (#a, #b);
            #p::C64::new(#re, #im)
        })
    }

    /// `cmath.f(...)`.
    pub(crate) fn cmath(&mut self, f: CmathFn, args: &[Expr]) -> TokenStream {
        use CmathFn::*;
        let p = quote!(::pykernel::__private);
        if f == Rect {
            let (r, phi) = (
                self.expr_as(&args[0], Dtype::Float64),
                self.expr_as(&args[1], Dtype::Float64),
            );
            return quote!(#p::cmath::rect(#r, #phi)?);
        }
        let vals: Vec<TokenStream> = args
            .iter()
            .map(|a| self.expr_as(a, Dtype::Complex128))
            .collect();
        let name = if f == Log && args.len() == 2 {
            format_ident!("log_base")
        } else {
            format_ident!("{}", f.name())
        };
        let call = quote!(#p::cmath::#name(#(#vals),*));
        match f {
            Isnan | Isinf | Isfinite | Isclose => call,
            _ => quote!(#call?),
        }
    }
}
