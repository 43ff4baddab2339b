//! Which loop of a NumPy ufunc runs for given operand types (NumPy 2's type resolution,
//! NEP 50: Python scalars are weak): the dtype each input is cast to and the result
//! dtype. Operators are ufuncs too (`+` is `add`).

use crate::exports::Dtype;
use crate::ir::{BinOp, CmpOp, Ufunc, UnaryOp};
use crate::types::{Scalar, kind, promote};

/// A resolved loop: input dtypes (each operand is cast to its own) and the result dtype.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Loop {
    pub inputs: Vec<Dtype>,
    pub output: Dtype,
}

/// The ufunc behind a binary operator.
pub(crate) fn binop_ufunc(op: BinOp) -> Ufunc {
    match op {
        BinOp::Add => Ufunc::Add,
        BinOp::Sub => Ufunc::Subtract,
        BinOp::Mul => Ufunc::Multiply,
        BinOp::Div => Ufunc::TrueDivide,
        BinOp::FloorDiv => Ufunc::FloorDivide,
        BinOp::Mod => Ufunc::Remainder,
        BinOp::Pow => Ufunc::Power,
        BinOp::BitAnd => Ufunc::BitwiseAnd,
        BinOp::BitOr => Ufunc::BitwiseOr,
        BinOp::BitXor => Ufunc::BitwiseXor,
        BinOp::Shl => Ufunc::LeftShift,
        BinOp::Shr => Ufunc::RightShift,
    }
}

/// The ufunc behind a unary operator (`not` has none: arrays have no truth value).
pub(crate) fn unary_ufunc(op: UnaryOp) -> Option<Ufunc> {
    match op {
        UnaryOp::Neg => Some(Ufunc::Negative),
        UnaryOp::Pos => Some(Ufunc::Positive),
        UnaryOp::Invert => Some(Ufunc::Invert),
        UnaryOp::Not => None,
    }
}

/// The ufunc behind a comparison (`in` has none).
pub(crate) fn compare_ufunc(op: CmpOp) -> Option<Ufunc> {
    Some(match op {
        CmpOp::Eq => Ufunc::Equal,
        CmpOp::Ne => Ufunc::NotEqual,
        CmpOp::Lt => Ufunc::Less,
        CmpOp::Le => Ufunc::LessEqual,
        CmpOp::Gt => Ufunc::Greater,
        CmpOp::Ge => Ufunc::GreaterEqual,
        CmpOp::In | CmpOp::NotIn => return None,
    })
}

/// The smallest float type NumPy computes an integer or bool input in (`np.sqrt` of
/// int8 is float16, which pykernel does not have).
fn float_for(s: Scalar) -> Option<Dtype> {
    use Dtype::*;
    Some(match s.dtype {
        Float32 | Float64 | Complex64 | Complex128 => s.dtype,
        _ if s.py => Float64,
        Bool | Int8 | UInt8 => return None,
        Int16 | UInt16 => Float32,
        _ => Float64,
    })
}

/// NumPy's loop for `u` on operands of these types, or NumPy's error.
pub(crate) fn resolve(u: Ufunc, args: &[Scalar]) -> Result<Loop, String> {
    use Ufunc::*;
    let no_loop = || {
        let tys: Vec<&str> = args.iter().map(|s| s.dtype.numpy_name()).collect();
        format!(
            "ufunc '{}' not supported for the input types ({})",
            u.name(),
            tys.join(", ")
        )
    };
    if args.len() != u.nin() || args.is_empty() {
        return Err(no_loop());
    }
    let common = args[1..].iter().fold(args[0], |a, b| promote(a, *b));
    let k = kind(common.dtype);
    let same = |d: Dtype| Loop {
        inputs: vec![d; args.len()],
        output: d,
    };
    let bool_out = |d: Dtype| Loop {
        inputs: vec![d; args.len()],
        output: Dtype::Bool,
    };
    // bool inputs of integer-valued arithmetic run in int8
    let int8_for_bool = |d: Dtype| if d == Dtype::Bool { Dtype::Int8 } else { d };
    match u {
        Add | Multiply | Maximum | Minimum | Fmax | Fmin => Ok(same(common.dtype)),
        Subtract | Negative if k == 0 => Err(format!(
            "numpy boolean {}, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
            if u == Subtract {
                "subtract"
            } else {
                "negative"
            }
        )),
        Subtract | Negative | Positive | Conjugate => Ok(same(common.dtype)),
        TrueDivide => {
            let d = crate::types::true_divide(args[0], *args.get(1).unwrap_or(&args[0]));
            Ok(same(d.dtype))
        }
        FloorDivide | Remainder | Fmod | Power | Square | Reciprocal if k <= 1 => {
            Ok(same(int8_for_bool(common.dtype)))
        }
        FloorDivide | Remainder | Fmod if k == 3 => Err(no_loop()),
        FloorDivide | Remainder | Fmod | Power | Square | Reciprocal => Ok(same(common.dtype)),
        Absolute if k == 3 => Ok(Loop {
            inputs: vec![common.dtype],
            output: if common.dtype == Dtype::Complex64 {
                Dtype::Float32
            } else {
                Dtype::Float64
            },
        }),
        Absolute | Floor | Ceil | Trunc if k <= 2 => Ok(same(common.dtype)),
        Floor | Ceil | Trunc | Absolute => Err(no_loop()),
        Sign if k == 0 => Err(no_loop()),
        Sign => Ok(same(common.dtype)),
        Isnan | Isinf | Isfinite => Ok(bool_out(common.dtype)),
        Greater | Less | GreaterEqual | LessEqual | Equal | NotEqual => Ok(bool_out(common.dtype)),
        LogicalAnd | LogicalOr | LogicalXor | LogicalNot => Ok(bool_out(common.dtype)),
        BitwiseAnd | BitwiseOr | BitwiseXor | Invert if k <= 1 => Ok(same(common.dtype)),
        LeftShift | RightShift if k <= 1 => Ok(same(int8_for_bool(common.dtype))),
        BitwiseAnd | BitwiseOr | BitwiseXor | Invert | LeftShift | RightShift => Err(no_loop()),
        // Float functions: integers are computed in the smallest float type that holds
        // them; complex only where NumPy has a complex loop.
        Arctan2 | Hypot | Copysign | Deg2rad | Rad2deg | Fabs | Rint if k == 3 => Err(no_loop()),
        _ => {
            let d = float_for(common).ok_or_else(|| {
                format!(
                    "numpy.{} of {} computes in float16, which pykernel does not support (convert the input with .astype(np.float32) first)",
                    u.name(),
                    common.dtype.numpy_name()
                )
            })?;
            Ok(same(d))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(d: Dtype) -> Scalar {
        Scalar::np(d)
    }

    #[test]
    fn nep50_weak_scalars_keep_the_array_dtype() {
        let l = resolve(Ufunc::Multiply, &[np(Dtype::Int32), Scalar::INT]).unwrap();
        assert_eq!(l.output, Dtype::Int32);
        let l = resolve(Ufunc::Multiply, &[np(Dtype::Float32), Scalar::FLOAT]).unwrap();
        assert_eq!(l.output, Dtype::Float32);
        let l = resolve(Ufunc::Multiply, &[np(Dtype::Int32), Scalar::FLOAT]).unwrap();
        assert_eq!(l.output, Dtype::Float64);
    }

    #[test]
    fn float_functions_of_integers() {
        assert_eq!(
            resolve(Ufunc::Sqrt, &[np(Dtype::Int64)]).unwrap().output,
            Dtype::Float64
        );
        assert_eq!(
            resolve(Ufunc::Sqrt, &[np(Dtype::Int16)]).unwrap().output,
            Dtype::Float32
        );
        assert!(resolve(Ufunc::Sqrt, &[np(Dtype::Int8)]).is_err());
        assert_eq!(
            resolve(Ufunc::Floor, &[np(Dtype::Int32)]).unwrap().output,
            Dtype::Int32
        );
        assert_eq!(
            resolve(Ufunc::Absolute, &[np(Dtype::Complex64)])
                .unwrap()
                .output,
            Dtype::Float32
        );
        assert!(resolve(Ufunc::Subtract, &[np(Dtype::Bool), np(Dtype::Bool)]).is_err());
        assert_eq!(
            resolve(Ufunc::TrueDivide, &[np(Dtype::Int32), Scalar::INT])
                .unwrap()
                .output,
            Dtype::Float64
        );
    }
}
