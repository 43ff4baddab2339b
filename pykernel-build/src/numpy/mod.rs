//! NumPy's ufuncs as the translator sees them: the catalogue (which ufuncs exist, their
//! loops, the operator each Python operator stands for) and NumPy 2's type resolution
//! with NEP 50 weak Python scalars ([`resolve`]), which picks the loop an element
//! computes with and names the runtime function (`::pykernel::__private::ufunc::*`)
//! that is that loop.
//!
//! The data ([`ufunc_table`]) is generated from NumPy 2.4.6 by
//! `scripts/gen_ufunc_table.py`; the resolution algorithm follows NumPy's
//! (`dispatching.cpp`, `ufunc_type_resolution.c`), and a fixture of NumPy's actual
//! result for every ufunc on every pair of operand kinds checks it (`tests.rs`).
//!
//! `np.round`, `np.real`, `np.imag` and `np.angle` are not ufuncs: [`not_ufuncs`] has
//! their dtype rules.

pub(crate) mod info;
mod not_ufuncs;
mod resolve;
mod runtime_names;
#[cfg(test)]
mod tests;
mod ufunc_table;

pub(crate) use not_ufuncs::{angle, imag, real, round};
pub(crate) use resolve::{Resolved, Unsupported, resolve};

use crate::exports::Dtype;
use crate::ir::{BinOp, CmpOp, UnaryOp};

/// How NumPy resolves a ufunc's loop when no loop matches the operand dtypes exactly:
/// the `TypeResolver` of its entry in NumPy's `generate_umath.py`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resolver {
    /// `PyUFunc_DefaultTypeResolver`: the first loop (in table order) every operand
    /// casts to safely (Python scalars by their kind when an array has as high a kind).
    Default,
    /// `PyUFunc_SimpleUniformOperationTypeResolver`: every operand and the result in
    /// `result_type` of the operands, and that loop must exist.
    SimpleUniform,
    /// `add`: as [`Resolver::SimpleUniform`] for numbers.
    Addition,
    /// `subtract`: uniform, and a `TypeError` for booleans.
    Subtraction,
    /// `multiply`: as [`Resolver::SimpleUniform`] for numbers.
    Multiplication,
    /// `negative`: uniform, and a `TypeError` for booleans.
    Negative,
    /// `absolute`: the linear search for complex input (`F->f`), else uniform.
    Absolute,
    /// Comparisons and the logical binary ufuncs: the operands' `result_type`, except
    /// a signed/unsigned integer mix compares as `int64`/`uint64`; the output is bool.
    Comparison,
    /// `divide`: integers and bools go to the `dd->d` loop, others as `Default`.
    TrueDivision,
    /// `floor_divide`: as `Default` for numbers.
    Division,
    /// `remainder`: as `Default` for numbers.
    Remainder,
    /// `isnan`, `isinf`, `isfinite`: as `Default` for numbers.
    IsFinite,
}

/// One ufunc of the catalogue.
#[derive(Debug)]
pub(crate) struct UfuncDef {
    /// NumPy's canonical name (`np.<name>.__name__`).
    pub name: &'static str,
    /// Other names of the same ufunc object (`mod` for `remainder`).
    pub aliases: &'static [&'static str],
    /// Number of inputs (every supported ufunc has one output).
    pub nin: u8,
    /// The legacy type resolver.
    pub resolver: Resolver,
    /// `logical_and/or/xor`: a promoter sends any mix of dtypes to the `??->?` loop.
    pub logical_promoter: bool,
    /// Comparisons: a NumPy integer against a Python int compares exactly (a Python int
    /// out of the integer's range gives a constant result, never `OverflowError`).
    pub pyint_comparison: bool,
    /// The loops in NumPy's search order, as type codes (`"ll->l"`, `"F->f"`).
    pub loops: &'static [&'static str],
}

/// The ufunc called `name` in NumPy (`np.<name>`), aliases included.
pub(crate) fn ufunc(name: &str) -> Option<&'static UfuncDef> {
    ufunc_table::UFUNCS
        .iter()
        .find(|u| u.name == name || u.aliases.contains(&name))
}

/// Every ufunc of the catalogue.
pub(crate) fn all_ufuncs() -> &'static [UfuncDef] {
    ufunc_table::UFUNCS
}

/// The ufunc a binary Python operator applies to arrays (`a + b` is `np.add(a, b)`),
/// by name (look it up with [`ufunc`]).
pub(crate) fn binop_ufunc(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        BinOp::Mul => "multiply",
        BinOp::Div => "divide",
        BinOp::FloorDiv => "floor_divide",
        BinOp::Mod => "remainder",
        BinOp::Pow => "power",
        BinOp::BitAnd => "bitwise_and",
        BinOp::BitOr => "bitwise_or",
        BinOp::BitXor => "bitwise_xor",
        BinOp::Shl => "left_shift",
        BinOp::Shr => "right_shift",
    }
}

/// The ufunc a comparison applies to arrays (`a < b` is `np.less(a, b)`); `None` for
/// `in` / `not in`, which are no ufuncs.
pub(crate) fn cmpop_ufunc(op: CmpOp) -> Option<&'static str> {
    Some(match op {
        CmpOp::Eq => "equal",
        CmpOp::Ne => "not_equal",
        CmpOp::Lt => "less",
        CmpOp::Le => "less_equal",
        CmpOp::Gt => "greater",
        CmpOp::Ge => "greater_equal",
        CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot => return None,
    })
}

/// The ufunc a unary operator applies to arrays (`-a` is `np.negative(a)`, `~a` is
/// `np.invert(a)`); `None` for `not`, which asks for one truth value.
pub(crate) fn unaryop_ufunc(op: UnaryOp) -> Option<&'static str> {
    Some(match op {
        UnaryOp::Neg => "negative",
        UnaryOp::Pos => "positive",
        UnaryOp::Invert => "invert",
        UnaryOp::Not => return None,
    })
}

/// The ufunc Python's `abs(a)` applies to arrays.
pub(crate) const ABS_UFUNC: &str = "absolute";

/// One type of a loop signature: a supported dtype, or a NumPy type pykernel has no
/// dtype for (float16, long double, datetime), by NumPy's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoopType {
    /// A dtype pykernel supports.
    Dtype(Dtype),
    /// Another NumPy type: loops over it are not supported.
    Other(&'static str),
}

impl LoopType {
    /// The type of NumPy's type code `c` (`l` and `q` are both int64 on LP64 Linux).
    pub(crate) fn from_code(c: u8) -> LoopType {
        use Dtype::*;
        LoopType::Dtype(match c {
            b'?' => Bool,
            b'b' => Int8,
            b'B' => UInt8,
            b'h' => Int16,
            b'H' => UInt16,
            b'i' => Int32,
            b'I' => UInt32,
            b'l' | b'q' => Int64,
            b'L' | b'Q' => UInt64,
            b'f' => Float32,
            b'd' => Float64,
            b'F' => Complex64,
            b'D' => Complex128,
            b'e' => return LoopType::Other("float16"),
            b'g' => return LoopType::Other("longdouble"),
            b'G' => return LoopType::Other("clongdouble"),
            b'm' => return LoopType::Other("timedelta64"),
            b'M' => return LoopType::Other("datetime64"),
            _ => return LoopType::Other("object"),
        })
    }
}

/// NumPy's type code of a dtype (the spelling the loop table uses).
pub(crate) fn code(d: Dtype) -> u8 {
    use Dtype::*;
    match d {
        Bool => b'?',
        Int8 => b'b',
        UInt8 => b'B',
        Int16 => b'h',
        UInt16 => b'H',
        Int32 => b'i',
        UInt32 => b'I',
        Int64 => b'l',
        UInt64 => b'L',
        Float32 => b'f',
        Float64 => b'd',
        Complex64 => b'F',
        Complex128 => b'D',
    }
}

/// NumPy's `can_cast(from, to, "safe")` between two loop type codes.
pub(crate) fn can_cast_safely(from: u8, to: u8) -> bool {
    let canon = |c: u8| match c {
        b'q' => b'l',
        b'Q' => b'L',
        c => c,
    };
    let (from, to) = (canon(from), canon(to));
    ufunc_table::SAFE_CASTS
        .iter()
        .find(|(f, _)| *f == from)
        .is_some_and(|(_, tos)| tos.as_bytes().contains(&to))
}
