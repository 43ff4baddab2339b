//! `print(...)`: the text built as CPython's `str()` of each value would (the runtime's
//! `fmt_*` functions), then written by `print_text` (Python's `sys.stdout`).

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use crate::exports::Dtype;
use crate::ir::{Expr, ExprKind};
use crate::types::{Scalar, Ty};

/// Statements appending `str(v)` (or `repr(v)`, inside tuples and lists) of a value of
/// type `t` to the `String` `__pk_s`.
fn append(v: TokenStream, t: &Ty, repr: bool) -> TokenStream {
    match t {
        Ty::Scalar(s) => scalar(v, *s, repr),
        Ty::Tuple(items) => {
            let names: Vec<proc_macro2::Ident> = (0..items.len())
                .map(|k| quote::format_ident!("__pk_t{}", k))
                .collect();
            let mut parts = Vec::new();
            for (k, (n, it)) in names.iter().zip(items).enumerate() {
                if k > 0 {
                    parts.push(quote!(__pk_s.push_str(", ");));
                }
                parts.push(append(quote!(#n), it, true));
            }
            let close = if items.len() == 1 { ",)" } else { ")" };
            quote! {{
                let (#(#names,)*) = #v;
                __pk_s.push('(');
                #(#parts)*
                __pk_s.push_str(#close);
            }}
        }
        Ty::List(item) => {
            let each = append(quote!(__pk_x), item, true);
            quote! {{
                __pk_s.push('[');
                for (__pk_k, __pk_x) in (#v).to_vec().into_iter().enumerate() {
                    if __pk_k > 0 {
                        __pk_s.push_str(", ");
                    }
                    #each
                }
                __pk_s.push(']');
            }}
        }
        _ => quote!({ let _ = #v; __pk_s.push_str("None"); }),
    }
}

/// `str()` of a number or bool: Python's for Python scalars, NumPy 2's for NumPy
/// scalars; `repr()` of a NumPy scalar is `np.float64(1.5)`, `np.True_`.
fn scalar(v: TokenStream, s: Scalar, repr: bool) -> TokenStream {
    let p = quote!(::pykernel::__private);
    let text = match s.dtype {
        Dtype::Bool => quote!(#p::fmt_bool(&mut __pk_s, #v);),
        Dtype::Float64 => quote!(#p::fmt_f64(&mut __pk_s, #v);),
        Dtype::Float32 => quote!(#p::fmt_f32(&mut __pk_s, #v);),
        Dtype::Complex128 => quote!(#p::fmt_c64(&mut __pk_s, #v);),
        Dtype::Complex64 => quote!(#p::fmt_c32(&mut __pk_s, #v);),
        _ => quote!(#p::fmt_int(&mut __pk_s, #v);),
    };
    if s.py || !repr {
        return text;
    }
    if s.dtype == Dtype::Bool {
        return quote!(__pk_s.push_str(if #v { "np.True_" } else { "np.False_" }););
    }
    let open = format!("np.{}(", s.dtype.numpy_name());
    if matches!(s.dtype, Dtype::Complex64 | Dtype::Complex128) {
        // `np.complex128(1+2j)`: the number without its own parentheses.
        return quote!({
            let __pk_outer = ::std::mem::take(&mut __pk_s);
            #text
            let __pk_inner = ::std::mem::replace(&mut __pk_s, __pk_outer);
            __pk_s.push_str(#open);
            __pk_s.push_str(__pk_inner.trim_start_matches('(').trim_end_matches(')'));
            __pk_s.push(')');
        });
    }
    quote!({ __pk_s.push_str(#open); #text __pk_s.push(')'); })
}

impl FnEmitter<'_> {
    /// `print(*values, sep=, end=)` (arguments lowered as `[sep, end, values...]`).
    pub(crate) fn print_call(&mut self, args: &[Expr]) -> TokenStream {
        let text = |e: &Expr| match &e.kind {
            ExprKind::Str(s) => s.clone(),
            _ => String::new(),
        };
        let (sep, end) = (text(&args[0]), text(&args[1]));
        let mut parts = Vec::new();
        for (k, a) in args[2..].iter().enumerate() {
            if k > 0 && !sep.is_empty() {
                parts.push(quote!(__pk_s.push_str(#sep);));
            }
            match &a.kind {
                ExprKind::Str(s) => parts.push(quote!(__pk_s.push_str(#s);)),
                _ => {
                    let t = self.ty(a);
                    let v = self.expr(a);
                    parts.push(match t {
                        Ty::None => quote!({ let _ = #v; __pk_s.push_str("None"); }),
                        t => {
                            let tmp = quote!(__pk_v);
                            let app = append(tmp.clone(), &t, false);
                            quote!({ let #tmp = #v; #app })
                        }
                    });
                }
            }
        }
        if !end.is_empty() {
            parts.push(quote!(__pk_s.push_str(#end);));
        }
        quote! {{
            let mut __pk_s = ::std::string::String::new();
            #(#parts)*
            ::pykernel::__private::print_text(&__pk_s)?;
        }}
    }
}
