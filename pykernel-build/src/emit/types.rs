//! Rust spellings of kernel types, casts, and identifiers.

use proc_macro2::{Ident, Span as PSpan, TokenStream};
use quote::quote;

use crate::exports::Dtype;
use crate::types::{Scalar, Ty, kind};

/// The Rust type of a dtype.
pub(crate) fn dtype_tokens(d: Dtype) -> TokenStream {
    match d {
        Dtype::Bool => quote!(bool),
        Dtype::Int8 => quote!(i8),
        Dtype::Int16 => quote!(i16),
        Dtype::Int32 => quote!(i32),
        Dtype::Int64 => quote!(i64),
        Dtype::UInt8 => quote!(u8),
        Dtype::UInt16 => quote!(u16),
        Dtype::UInt32 => quote!(u32),
        Dtype::UInt64 => quote!(u64),
        Dtype::Float32 => quote!(f32),
        Dtype::Float64 => quote!(f64),
        Dtype::Complex64 => quote!(::pykernel::__private::C32),
        Dtype::Complex128 => quote!(::pykernel::__private::C64),
    }
}

/// The Rust type of a kernel type.
pub(crate) fn ty_tokens(t: &Ty) -> TokenStream {
    match t {
        Ty::Scalar(s) => dtype_tokens(s.dtype),
        Ty::None => quote!(()),
        Ty::Optional(t) => {
            let t = ty_tokens(t);
            quote!(::core::option::Option<#t>)
        }
        Ty::Ptr(d) => {
            let e = dtype_tokens(*d);
            quote!(*mut #e)
        }
        Ty::VoidPtr => quote!(*mut ::core::ffi::c_void),
        Ty::View(d) | Ty::Elementwise(d) => {
            let e = dtype_tokens(*d);
            quote!(::pykernel::__private::View1<#e>)
        }
        Ty::Tuple(items) => {
            let items = items.iter().map(ty_tokens);
            quote!((#(#items,)*))
        }
        Ty::List(t) => {
            let t = ty_tokens(t);
            quote!(::pykernel::__private::List<#t>)
        }
        // Elements of a list that never gets any.
        Ty::Unknown => quote!(()),
        Ty::Array(d, n) => {
            let e = dtype_tokens(*d);
            let n = *n as usize;
            quote!(::pykernel::__private::Array<#e, #n>)
        }
    }
}

/// The Rust type of a *local variable* of type `t`: arrays are kept as a `Copy` view
/// plus an owner variable (see [`owner_ident`]), so that loops keep the view in registers.
pub(crate) fn local_ty_tokens(t: &Ty) -> TokenStream {
    match t {
        Ty::Array(d, n) => {
            let e = dtype_tokens(*d);
            let n = *n as usize;
            quote!(::pykernel::__private::ArrayView<#e, #n>)
        }
        _ => ty_tokens(t),
    }
}

/// The flag telling whether local `name` has been assigned (only for locals some read
/// may find unassigned). Cannot clash with locals: those never start with `__pk`.
pub(crate) fn assigned_flag(name: &str) -> Ident {
    Ident::new(
        &format!("__pk_set_{}", ascii_name(name)),
        PSpan::call_site(),
    )
}

/// The flag telling that `T | None` local `name` holds `None` (its `T` value is in the
/// local itself).
pub(crate) fn none_flag(name: &str) -> Ident {
    ident(&format!("{name}__pknone"))
}

/// The variable holding the owner of array variable `name`'s memory.
pub(crate) fn owner_ident(name: &str) -> Ident {
    ident(&format!("{name}__pkown"))
}

/// Converts a value of kernel type `from` to `to` (scalars cast; tuples item by item).
pub(crate) fn convert(v: TokenStream, from: &Ty, to: &Ty) -> TokenStream {
    match (from, to) {
        (Ty::Scalar(a), Ty::Scalar(b)) => cast(v, a.dtype, b.dtype),
        (Ty::None, Ty::Optional(_)) => quote!({ let _ = #v; ::core::option::Option::None }),
        (Ty::Optional(x), Ty::Optional(y)) if x != y => {
            let conv = convert(quote!(__pk_o), x, y);
            quote!((#v).map(|__pk_o| #conv))
        }
        (Ty::Optional(_), Ty::Optional(_)) => v,
        (x, Ty::Optional(y)) => {
            let conv = convert(v, x, y);
            quote!(::core::option::Option::Some(#conv))
        }
        // Only fresh lists are converted (inference makes shared ones agree): a copy.
        (Ty::List(x), Ty::List(y)) if x != y => {
            let conv = convert(quote!(__pk_e), x, y);
            quote!(::pykernel::__private::List::from_vec(
                (#v).to_vec().into_iter().map(|__pk_e| #conv).collect()
            ))
        }
        // Values of unknown type exist only inside empty lists: never evaluated.
        (Ty::Unknown, t) if *t != Ty::Unknown => {
            let z = zero_of(t);
            quote!({ let _ = #v; #z })
        }
        (Ty::Tuple(xs), Ty::Tuple(ys)) if xs != ys && xs.len() == ys.len() => {
            let names: Vec<proc_macro2::Ident> = (0..xs.len())
                .map(|k| quote::format_ident!("__pk_c{}", k))
                .collect();
            let parts = names
                .iter()
                .zip(xs.iter().zip(ys))
                .map(|(n, (x, y))| convert(quote!(#n), x, y));
            quote!({ let (#(#names,)*) = #v; (#(#parts,)*) })
        }
        _ => v,
    }
}

/// The initial value of a local of type `t` (every path assigns before reading).
pub(crate) fn zero_of(t: &Ty) -> TokenStream {
    match t {
        Ty::Scalar(s) => match kind(s.dtype) {
            0 => quote!(false),
            3 => {
                let ty = dtype_tokens(s.dtype);
                quote!(#ty::new(0.0, 0.0))
            }
            _ => {
                let ty = dtype_tokens(s.dtype);
                quote!(0 as #ty)
            }
        },
        Ty::None => quote!(()),
        Ty::Optional(_) => quote!(::core::option::Option::None),
        Ty::Ptr(_) | Ty::VoidPtr => quote!(::core::ptr::null_mut()),
        Ty::View(_) | Ty::Elementwise(_) => quote!(::pykernel::__private::View1::empty()),
        Ty::Tuple(items) => {
            let items = items.iter().map(zero_of);
            quote!((#(#items,)*))
        }
        Ty::List(_) => quote!(::pykernel::__private::List::new()),
        Ty::Unknown => quote!(()),
        Ty::Array(..) => quote!(::pykernel::__private::Array::empty()),
    }
}

/// Converts a value of dtype `from` to dtype `to` (NumPy's casting: wrap, truncate).
/// An operand `v` of scalar type `s` converted to a ufunc loop's input dtype `d`: a
/// Python int reaching a float32 or complex64 loop goes through float64 first, as NumPy
/// converts it to a C double.
pub(crate) fn loop_input(v: TokenStream, s: Scalar, d: Dtype) -> TokenStream {
    if s.py && s.dtype == Dtype::Int64 && matches!(d, Dtype::Float32 | Dtype::Complex64) {
        return cast(cast(v, Dtype::Int64, Dtype::Float64), Dtype::Float64, d);
    }
    cast(v, s.dtype, d)
}

/// `v` converted as NumPy's array casts convert (`astype`, storing an array into an
/// array of another dtype): like [`cast`], but floats become integers as C's conversion
/// does on x86-64 (out of range and NaN give the instruction's "indefinite" value).
pub(crate) fn np_cast(v: TokenStream, from: Dtype, to: Dtype) -> TokenStream {
    if kind(to) == 1 && kind(from) >= 2 {
        let t = dtype_tokens(to);
        let x = cast(v, from, Dtype::Float64);
        return quote!(::pykernel::__private::float_cast::<#t>(#x));
    }
    cast(v, from, to)
}

pub(crate) fn cast(v: TokenStream, from: Dtype, to: Dtype) -> TokenStream {
    if from == to {
        return v;
    }
    let target = dtype_tokens(to);
    match (kind(from), kind(to)) {
        // Complex: a real becomes `re + 0j`; complex64 <-> complex128 part by part; a
        // complex to a real keeps the real part (NumPy's cast).
        (3, 3) => {
            let part = dtype_tokens(if to == Dtype::Complex64 {
                Dtype::Float32
            } else {
                Dtype::Float64
            });
            quote!({ let __pk_z = #v; #target::new(__pk_z.re as #part, __pk_z.im as #part) })
        }
        (_, 3) => {
            let part_d = if to == Dtype::Complex64 {
                Dtype::Float32
            } else {
                Dtype::Float64
            };
            let part = dtype_tokens(part_d);
            let re = cast(v, from, part_d);
            quote!(#target::new(#re, 0.0 as #part))
        }
        (3, 0) => {
            quote!(::pykernel::__private::c_bool(::pykernel::__private::C64::new((#v).re as f64, (#v).im as f64)))
        }
        (3, _) => {
            let re = quote!((#v).re);
            let part = if from == Dtype::Complex64 {
                Dtype::Float32
            } else {
                Dtype::Float64
            };
            cast(re, part, to)
        }
        (_, 0) if kind(from) == 2 => quote!(((#v) != 0.0)),
        (_, 0) => quote!(((#v) != 0)),
        (0, 2) => quote!((((#v) as u8) as #target)),
        _ => quote!(((#v) as #target)),
    }
}

/// Python truthiness of a scalar of dtype `d`.
pub(crate) fn truthy(v: TokenStream, d: Dtype) -> TokenStream {
    match kind(d) {
        0 => v,
        2 => quote!(((#v) != 0.0)),
        3 => quote!({ let __pk_z = #v; __pk_z.re != 0.0 || __pk_z.im != 0.0 }),
        _ => quote!(((#v) != 0)),
    }
}

/// A literal of dtype `d` from an i64.
pub(crate) fn int_literal(v: i64) -> TokenStream {
    if v == i64::MIN {
        quote!(i64::MIN)
    } else if v < 0 {
        let lit = proc_macro2::Literal::i64_suffixed(-v);
        quote!((-#lit))
    } else {
        let lit = proc_macro2::Literal::i64_suffixed(v);
        quote!(#lit)
    }
}

/// A float literal (exact: Rust prints the shortest round-tripping form).
pub(crate) fn float_literal(v: f64) -> TokenStream {
    if v.is_nan() {
        quote!(f64::NAN)
    } else if v == f64::INFINITY {
        quote!(f64::INFINITY)
    } else if v == f64::NEG_INFINITY {
        quote!(f64::NEG_INFINITY)
    } else if v.is_sign_negative() {
        let lit = proc_macro2::Literal::f64_suffixed(-v);
        quote!((-#lit))
    } else {
        let lit = proc_macro2::Literal::f64_suffixed(v);
        quote!(#lit)
    }
}

/// The Rust identifier of a parameter of a Python-callable wrapper, which pyo3 turns into
/// the Python keyword name: the Python name itself (NFKC) even when it is not ASCII, so
/// that `f(μ=1.0)` works as in CPython; otherwise [`ident`].
pub(crate) fn keyword_ident(name: &str) -> Ident {
    if !name.is_ascii() && syn::parse_str::<Ident>(name).is_ok() {
        Ident::new(name, PSpan::call_site())
    } else {
        ident(name)
    }
}

/// `name` in ASCII, one to one: itself when it is ASCII, else `__pk_utf_` followed by
/// its ASCII letters and digits, `__` for each `_` and `_x<hex>_` for every other
/// character (`μ_1` is `__pk_utf__x3bc___1`). Rust warns about identifiers that are
/// uncommon or look alike (`х` and `x`) at the level of the whole crate, where the user's
/// crate includes the generated code: no attribute inside it could silence them.
pub(crate) fn ascii_name(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() {
        return name.into();
    }
    let mut out = String::from("__pk_utf_");
    for c in name.chars() {
        match c {
            '_' => out.push_str("__"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c => out.push_str(&format!("_x{:x}_", u32::from(c))),
        }
    }
    out.into()
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe",
    "unsized", "use", "virtual", "where", "while", "yield", "abstract", "become",
];

/// A Rust identifier for a Python name (raw when it is a Rust keyword; spelled in ASCII
/// when it is not, see [`ascii_name`]).
pub(crate) fn ident(name: &str) -> Ident {
    if !name.is_ascii() {
        return Ident::new(&ascii_name(name), PSpan::call_site());
    }
    match name {
        "self" | "Self" | "super" | "crate" => Ident::new(&format!("{name}_"), PSpan::call_site()),
        // `_` is a valid Python name but not a Rust identifier.
        "_" => Ident::new("__pk_underscore", PSpan::call_site()),
        // Prelude names the generated code uses unqualified (`Ok(..)`, `Some(..)`), and
        // `None` (a Python name only when written `Ｎone`, which CPython normalizes).
        "Ok" | "Err" | "Some" | "None" | "Option" | "Result" => {
            Ident::new(&format!("__pk_py_{name}"), PSpan::call_site())
        }
        _ if RUST_KEYWORDS.contains(&name) => Ident::new_raw(name, PSpan::call_site()),
        _ if name.starts_with("__pk") => Ident::new(&format!("py{name}"), PSpan::call_site()),
        _ => Ident::new(name, PSpan::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_names_are_spelled_in_ascii_one_to_one() {
        let names = [
            "μ", "μ_", "_μ", "aμ", "a_μ", "a__x3bc_", "Dž", "х", "x", "℘1",
        ];
        let spelled: Vec<String> = names.iter().map(|n| ident(n).to_string()).collect();
        for (n, s) in names.iter().zip(&spelled) {
            assert!(s.is_ascii(), "{n}: {s}");
        }
        let distinct: std::collections::BTreeSet<&String> = spelled.iter().collect();
        assert_eq!(distinct.len(), names.len(), "{spelled:?}");
        assert_eq!(ascii_name("x"), "x");
        assert_eq!(ascii_name("μ_1"), "__pk_utf__x3bc___1");
        // Flags and owners of such names are ASCII too.
        assert!(assigned_flag("х").to_string().is_ascii());
        assert!(owner_ident("х").to_string().is_ascii());
        // Python keyword names stay as they are.
        assert_eq!(keyword_ident("μs").to_string(), "μs");
        assert_eq!(keyword_ident("fn").to_string(), "r#fn");
        assert_eq!(keyword_ident("x").to_string(), "x");
    }
}
