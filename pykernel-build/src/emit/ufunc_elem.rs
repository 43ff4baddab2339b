//! The element code of one ufunc loop: what one element of `np.sin(a)`, `a + b`,
//! `np.maximum(a, b)` is, given the operands already cast to the loop's input dtypes.
//! NumPy's inner loops, element by element (NaN propagation of `maximum`, half-to-even
//! `rint`, Python-style `remainder`, integer division by zero giving 0, ...).

use proc_macro2::TokenStream;
use quote::quote;

use super::expr::{Mode, binary};
use super::types::cast;
use crate::exports::Dtype;
use crate::infer::ufunc_types::Loop;
use crate::ir::{BinOp, Ufunc};
use crate::types::{Scalar, kind};

/// `u` on `args` (already of the loop's input dtypes), giving the loop's output dtype;
/// `None` when pykernel has no element code for this loop.
pub(crate) fn ufunc_element(u: Ufunc, args: &[TokenStream], l: &Loop) -> Option<TokenStream> {
    use Ufunc::*;
    let p = quote!(::pykernel::__private);
    let d = l.inputs.first().copied()?;
    let out = l.output;
    let k = kind(d);
    let float = k == 2;
    let a = args.first()?.clone();
    let b = args.get(1).cloned().unwrap_or_default();
    let np = Scalar::np(d);
    let bin = |op: BinOp| {
        Some(binary(
            op,
            a.clone(),
            np,
            b.clone(),
            np,
            Scalar::np(out),
            Mode::NumPyElementwise,
        ))
    };
    let f = |name: &str| {
        let m = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
        Some(quote!((#a).#m()))
    };
    let truth = |v: &TokenStream| cast(v.clone(), d, Dtype::Bool);
    Some(match u {
        Add if k == 0 => quote!((#a | #b)),
        Multiply if k == 0 => quote!((#a & #b)),
        Add => return bin(BinOp::Add),
        Subtract => return bin(BinOp::Sub),
        Multiply => return bin(BinOp::Mul),
        TrueDivide => return bin(BinOp::Div),
        FloorDivide => return bin(BinOp::FloorDiv),
        Remainder => return bin(BinOp::Mod),
        Power => return bin(BinOp::Pow),
        BitwiseAnd => return bin(BinOp::BitAnd),
        BitwiseOr => return bin(BinOp::BitOr),
        BitwiseXor => return bin(BinOp::BitXor),
        LeftShift => return bin(BinOp::Shl),
        RightShift => return bin(BinOp::Shr),
        Negative if float || k == 3 => quote!((-#a)),
        Negative => quote!((#a).wrapping_neg()),
        Positive | Conjugate if k <= 2 => a,
        Conjugate => quote!((#a).conj()),
        Invert if k == 0 => quote!((!#a)),
        Invert => quote!((!#a)),
        Square if float || k == 3 => quote!((#a * #a)),
        Square => quote!((#a).wrapping_mul(#a)),
        Reciprocal if float => quote!((1.0 / #a)),
        Reciprocal if k == 3 && d == Dtype::Complex64 => {
            quote!(#p::np_c_div32(#p::C32::new(1.0, 0.0), #a))
        }
        Reciprocal if k == 3 => quote!(#p::np_c_div(#p::C64::new(1.0, 0.0), #a)),
        Absolute | Fabs if float => return f("abs"),
        Absolute if k == 0 => a,
        Absolute if d.is_unsigned() => a,
        Absolute if k == 1 => quote!((#a).wrapping_abs()),
        Absolute if k == 3 => quote!((#a).norm()),
        Floor | Ceil | Trunc if k <= 1 => a,
        Floor if float => return f("floor"),
        Ceil if float => return f("ceil"),
        Trunc if float => return f("trunc"),
        Rint if float => return f("round_ties_even"),
        Sign if float => quote!({
            let __pk_x = #a;
            if __pk_x > 0.0 { 1.0 } else if __pk_x < 0.0 { -1.0 } else { __pk_x }
        }),
        Sign if k == 1 => quote!((#a).signum()),
        Maximum | Minimum if float => {
            let cmp = if u == Maximum { quote!(>=) } else { quote!(<=) };
            // NaN propagates (either operand).
            quote!({
                let (__pk_a, __pk_b) = (#a, #b);
                if __pk_a #cmp __pk_b || __pk_a.is_nan() { __pk_a } else { __pk_b }
            })
        }
        Maximum => quote!(::core::cmp::max(#a, #b)),
        Minimum => quote!(::core::cmp::min(#a, #b)),
        Fmax if float => quote!((#a).max(#b)),
        Fmin if float => quote!((#a).min(#b)),
        Fmax => quote!(::core::cmp::max(#a, #b)),
        Fmin => quote!(::core::cmp::min(#a, #b)),
        Fmod if float => quote!((#a % #b)),
        Copysign if float => quote!((#a).copysign(#b)),
        Isnan if float => quote!((#a).is_nan()),
        Isinf if float => quote!((#a).is_infinite()),
        Isfinite if float => quote!((#a).is_finite()),
        Isnan | Isinf if k <= 1 => quote!(false),
        Isfinite if k <= 1 => quote!(true),
        LogicalAnd => {
            let (x, y) = (truth(&a), truth(&b));
            quote!((#x && #y))
        }
        LogicalOr => {
            let (x, y) = (truth(&a), truth(&b));
            quote!((#x || #y))
        }
        LogicalXor => {
            let (x, y) = (truth(&a), truth(&b));
            quote!((#x != #y))
        }
        LogicalNot => {
            let x = truth(&a);
            quote!((!#x))
        }
        Greater => quote!((#a > #b)),
        Less => quote!((#a < #b)),
        GreaterEqual => quote!((#a >= #b)),
        LessEqual => quote!((#a <= #b)),
        Equal => quote!((#a == #b)),
        NotEqual => quote!((#a != #b)),
        Deg2rad if float => {
            let c = cast(quote!((::core::f64::consts::PI / 180.0)), Dtype::Float64, d);
            quote!((#a * #c))
        }
        Rad2deg if float => {
            let c = cast(quote!((180.0 / ::core::f64::consts::PI)), Dtype::Float64, d);
            quote!((#a * #c))
        }
        Sqrt if float => return f("sqrt"),
        Exp if float => return f("exp"),
        Exp2 if float => return f("exp2"),
        Expm1 if float => return f("exp_m1"),
        Log if float => return f("ln"),
        Log2 if float => return f("log2"),
        Log10 if float => return f("log10"),
        Log1p if float => return f("ln_1p"),
        Sin if float => return f("sin"),
        Cos if float => return f("cos"),
        Tan if float => return f("tan"),
        Arcsin if float => return f("asin"),
        Arccos if float => return f("acos"),
        Arctan if float => return f("atan"),
        Sinh if float => return f("sinh"),
        Cosh if float => return f("cosh"),
        Tanh if float => return f("tanh"),
        Arcsinh if float => return f("asinh"),
        Arccosh if float => return f("acosh"),
        Arctanh if float => return f("atanh"),
        Arctan2 if float => quote!((#a).atan2(#b)),
        Hypot if float => quote!((#a).hypot(#b)),
        Sqrt if k == 3 => quote!(#p::cmath::sqrt(#a)),
        Exp if k == 3 => quote!(#p::cmath::exp(#a)),
        _ => return None,
    })
}
