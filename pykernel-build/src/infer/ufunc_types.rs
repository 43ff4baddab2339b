//! Which loop of a NumPy ufunc runs for given operand types (NumPy 2's type resolution,
//! NEP 50: Python scalars are weak): the dtype each input is cast to and the result
//! dtype. Operators are ufuncs too (`+` is `add`).

use crate::ir::{BinOp, CmpOp, Ufunc, UnaryOp};
use crate::types::Scalar;

/// A resolved loop: the catalogue's (`crate::numpy`), with the input dtypes each operand
/// is cast to, the result dtype and the runtime function.
pub(crate) type Loop = crate::numpy::Resolved;

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
        CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => return None,
    })
}

/// NumPy's loop for `u` on operands of these types (NumPy 2's resolution, NEP 50), or
/// NumPy's error (the message of its `TypeError`/`UFuncTypeError`, or the unsupported
/// dtype it would compute in).
pub(crate) fn resolve(u: Ufunc, args: &[Scalar]) -> Result<Loop, String> {
    let first = args.first().copied().unwrap_or(Scalar::FLOAT);
    let r = match u {
        // NumPy functions that are not ufuncs, with one loop per dtype all the same.
        Ufunc::Round => crate::numpy::round(first, None),
        Ufunc::Angle => crate::numpy::angle(first, false),
        Ufunc::AngleDeg => crate::numpy::angle(first, true),
        _ => {
            let Some(def) = crate::numpy::ufunc(u.name()) else {
                return Err(format!("numpy.{} is not supported", u.name()));
            };
            crate::numpy::resolve(def, args)
        }
    };
    r.map_err(|e| match e {
        crate::numpy::Unsupported::NumPy { message, .. } => message,
        crate::numpy::Unsupported::Dtype(d) => format!(
            "numpy.{} of these operands computes in {d}, which pykernel does not support (convert with .astype first)",
            u.name()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::exports::Dtype;

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
