//! NumPy 2's ufunc type resolution (NEP 50), as NumPy 2.4.6 does it for arrays and
//! NumPy scalars mixed with Python scalars.
//!
//! The steps are NumPy's (`promote_and_get_ufuncimpl` in `dispatching.cpp`):
//!
//! 1. A loop whose inputs are exactly the operand dtypes wins (no Python scalar
//!    involved).
//! 2. Registered promoters: the logical ufuncs send every other mix to `??->?`; the
//!    comparisons of a NumPy integer with a Python int compare exactly.
//! 3. The ufunc's legacy type resolver ([`Resolver`]): `result_type` for the uniform
//!    ones, else the linear search for the first loop every operand casts to safely.
//!
//! Python `int`, `float` and `complex` operands of a binary ufunc are *weak*: they
//! take the dtype of the other operand when its kind is at least as high (`int8 + 1`
//! is int8). A unary ufunc sees a Python scalar as its default dtype (`np.sqrt(4)` is
//! `sqrt(int64)`), and Python `bool` is never weak (it is `np.bool_`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{LoopType, Resolver, UfuncDef, can_cast_safely, code, runtime_names};
use crate::exports::Dtype;
use crate::types::{Scalar, kind, promote_dtypes};

/// The loop NumPy computes a ufunc call with, and the runtime function that is it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// NumPy's canonical name of the ufunc (`remainder` for `np.mod`), or the function's
    /// (`round`, `angle`, `angle_deg`).
    pub ufunc: &'static str,
    /// The loop's input dtypes: each argument is converted to these (NumPy's casts:
    /// a Python int arriving in a float32/complex64 loop goes through float64 first,
    /// `v as f64 as f32`, as NumPy converts the Python int to a C double).
    pub inputs: Vec<Dtype>,
    /// The loop's output dtype: the dtype of the result (every supported ufunc has
    /// one output).
    pub output: Dtype,
    /// Per argument: `Some(d)` when the argument is a Python int that must fit `d`,
    /// else NumPy raises `OverflowError("Python integer 300 out of bounds for int8")`
    /// (`::pykernel::__private::weak_int::<T>(v, "int8")?` does that check).
    pub range_check: Vec<Option<Dtype>>,
    /// The runtime function, a path in `::pykernel::__private::ufunc` (`"f32::sin"`).
    pub function: String,
    /// The function returns `KResult` (only integer `power`, for negative exponents).
    pub fallible: bool,
}

impl Resolved {
    /// `::pykernel::__private::ufunc::<types>::<ufunc>`.
    pub(crate) fn path(&self) -> TokenStream {
        let segments = self.function.split("::").map(|s| format_ident!("{s}"));
        quote!(::pykernel::__private::ufunc #(:: #segments)*)
    }

    /// The call of the runtime function on already converted arguments, with `?` when
    /// it can fail.
    pub(crate) fn call(&self, args: &[TokenStream]) -> TokenStream {
        let f = self.path();
        if self.fallible {
            quote!(#f(#(#args),*)?)
        } else {
            quote!(#f(#(#args),*))
        }
    }
}

/// Why a ufunc call cannot be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unsupported {
    /// NumPy raises for these operand types: the exception class NumPy shows
    /// (`TypeError`, `UFuncTypeError`) and its message, word for word.
    NumPy {
        /// The exception's class name.
        exception: &'static str,
        /// NumPy's message.
        message: String,
    },
    /// NumPy computes it in a dtype pykernel does not support (`np.sqrt(int8)` is a
    /// float16 loop): NumPy's name of that dtype.
    Dtype(&'static str),
}

/// An operand as NumPy's resolution sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Operand {
    /// An array, NumPy scalar or Python bool: its dtype.
    Strong(Dtype),
    /// A Python `int`.
    WeakInt,
    /// A Python `float`.
    WeakFloat,
    /// A Python `complex`.
    WeakComplex,
}

impl Operand {
    /// NumPy's view of an argument of a ufunc with `nin` inputs.
    pub(super) fn of(s: Scalar, nin: usize) -> Operand {
        if !s.py || nin == 1 {
            return Operand::Strong(s.dtype);
        }
        match s.dtype {
            Dtype::Int64 => Operand::WeakInt,
            Dtype::Float64 => Operand::WeakFloat,
            Dtype::Complex128 => Operand::WeakComplex,
            d => Operand::Strong(d),
        }
    }

    /// The dtype NumPy gives the value on its own (a Python int is int64).
    fn default_dtype(self) -> Dtype {
        match self {
            Operand::Strong(d) => d,
            Operand::WeakInt => Dtype::Int64,
            Operand::WeakFloat => Dtype::Float64,
            Operand::WeakComplex => Dtype::Complex128,
        }
    }

    fn is_weak(self) -> bool {
        !matches!(self, Operand::Strong(_))
    }

    /// `PyArray_ISINTEGER` of the operand's array (a Python int is an int64 array).
    fn is_integer(self) -> bool {
        match self {
            Operand::Strong(d) => d.is_int(),
            Operand::WeakInt => true,
            _ => false,
        }
    }

    /// The class of its DType, as NumPy's "no loop" message prints it.
    fn dtype_class(self) -> String {
        let name = match self {
            Operand::Strong(d) => match d {
                Dtype::Bool => "BoolDType",
                Dtype::Int8 => "Int8DType",
                Dtype::Int16 => "Int16DType",
                Dtype::Int32 => "Int32DType",
                Dtype::Int64 => "Int64DType",
                Dtype::UInt8 => "UInt8DType",
                Dtype::UInt16 => "UInt16DType",
                Dtype::UInt32 => "UInt32DType",
                Dtype::UInt64 => "UInt64DType",
                Dtype::Float32 => "Float32DType",
                Dtype::Float64 => "Float64DType",
                Dtype::Complex64 => "Complex64DType",
                Dtype::Complex128 => "Complex128DType",
            },
            Operand::WeakInt => "_PyLongDType",
            Operand::WeakFloat => "_PyFloatDType",
            Operand::WeakComplex => "_PyComplexDType",
        };
        format!("<class 'numpy.dtypes.{name}'>")
    }
}

/// NumPy's loop for `uf` called on `args` (Python scalars have `py: true`), or why
/// NumPy refuses it or pykernel cannot run it.
pub(crate) fn resolve(uf: &'static UfuncDef, args: &[Scalar]) -> Result<Resolved, Unsupported> {
    let nin = uf.nin as usize;
    if args.len() != nin {
        return Err(Unsupported::NumPy {
            exception: "TypeError",
            message: format!(
                "{}() takes from {} to {} positional arguments but {} were given",
                uf.name,
                nin,
                nin + 1,
                args.len()
            ),
        });
    }
    let ops: Vec<Operand> = args.iter().map(|a| Operand::of(*a, nin)).collect();
    let lp = find_loop(uf, &ops)?;
    finish(uf, &ops, lp)
}

/// A loop signature: input types, output type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Loop {
    pub ins: Vec<LoopType>,
    pub out: LoopType,
}

impl Loop {
    fn parse(s: &str) -> Loop {
        let (ins, out) = s.split_once("->").unwrap_or((s, "?"));
        Loop {
            ins: ins.bytes().map(LoopType::from_code).collect(),
            out: out
                .bytes()
                .next()
                .map_or(LoopType::Other("object"), LoopType::from_code),
        }
    }

    fn of_dtypes(ins: &[Dtype], out: Dtype) -> Loop {
        Loop {
            ins: ins.iter().map(|d| LoopType::Dtype(*d)).collect(),
            out: LoopType::Dtype(out),
        }
    }
}

/// Steps 1 to 3: the loop NumPy picks.
fn find_loop(uf: &'static UfuncDef, ops: &[Operand]) -> Result<Loop, Unsupported> {
    // 1. An exact match.
    if ops.iter().all(|o| !o.is_weak())
        && let Some(l) = registered(uf, ops.iter().map(|o| o.default_dtype()))
    {
        return Ok(l);
    }
    // 2. Promoters.
    if uf.pyint_comparison
        && let Some(l) = pyint_comparison(ops)
    {
        return Ok(l);
    }
    if uf.logical_promoter {
        return Ok(Loop::of_dtypes(&[Dtype::Bool, Dtype::Bool], Dtype::Bool));
    }
    // 3. The legacy type resolver.
    match uf.resolver {
        Resolver::Default | Resolver::Division | Resolver::Remainder | Resolver::IsFinite => {
            linear_search(uf, ops)
        }
        Resolver::SimpleUniform | Resolver::Addition | Resolver::Multiplication => uniform(uf, ops),
        // The resolver raises for booleans before any loop is looked up.
        Resolver::Subtraction if result_type(ops) == Dtype::Bool => Err(type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the \
             bitwise_xor, the `^` operator, or the logical_xor function instead.",
        )),
        Resolver::Negative if result_type(ops) == Dtype::Bool => Err(type_error(
            "The numpy boolean negative, the `-` operator, is not supported, use \
             the `~` operator or the logical_not function instead.",
        )),
        Resolver::Subtraction | Resolver::Negative => uniform(uf, ops),
        Resolver::Absolute => match ops[0] {
            Operand::Strong(d) if d.is_complex() => linear_search(uf, ops),
            _ => uniform(uf, ops),
        },
        Resolver::Comparison => comparison(uf, ops),
        Resolver::TrueDivision => {
            let intlike = |o: &Operand| o.is_integer() || *o == Operand::Strong(Dtype::Bool);
            if ops.iter().all(intlike) {
                Ok(Loop::of_dtypes(
                    &[Dtype::Float64, Dtype::Float64],
                    Dtype::Float64,
                ))
            } else {
                linear_search(uf, ops)
            }
        }
    }
}

/// The first loop of `uf` whose inputs are exactly `ins`.
fn registered(uf: &UfuncDef, ins: impl Iterator<Item = Dtype>) -> Option<Loop> {
    let ins: Vec<LoopType> = ins.map(LoopType::Dtype).collect();
    uf.loops
        .iter()
        .map(|s| Loop::parse(s))
        .find(|l| l.ins == ins)
}

/// `special_integer_comparisons.cpp`: a NumPy integer (not bool) against a Python int,
/// or two Python ints, compare as the mathematical integers. Python ints are int64 here,
/// so that is the `int64` comparison, or `uint64` against `int64` (NumPy's own `Qq`
/// loop) for a uint64 operand.
fn pyint_comparison(ops: &[Operand]) -> Option<Loop> {
    let int = |o: Operand| match o {
        Operand::Strong(d) if d.is_int() => Some(d),
        Operand::WeakInt => Some(Dtype::Int64),
        _ => None,
    };
    if !ops.contains(&Operand::WeakInt) {
        return None;
    }
    let (a, b) = (int(ops[0])?, int(ops[1])?);
    let wide = |d: Dtype| {
        if d == Dtype::UInt64 { d } else { Dtype::Int64 }
    };
    Some(Loop::of_dtypes(&[wide(a), wide(b)], Dtype::Bool))
}

/// NEP 50 `result_type` of the operands.
pub(super) fn result_type(ops: &[Operand]) -> Dtype {
    let strong = ops
        .iter()
        .filter_map(|o| match o {
            Operand::Strong(d) => Some(*d),
            _ => None,
        })
        .reduce(promote_dtypes);
    let weak_kind = ops
        .iter()
        .map(|o| match o {
            Operand::Strong(_) => 0,
            Operand::WeakInt => 1,
            Operand::WeakFloat => 2,
            Operand::WeakComplex => 3,
        })
        .max()
        .unwrap_or(0);
    let default = |k: u8| match k {
        0 => Dtype::Bool,
        1 => Dtype::Int64,
        2 => Dtype::Float64,
        _ => Dtype::Complex128,
    };
    match strong {
        None => default(weak_kind),
        Some(s) if weak_kind <= kind(s) => s,
        // A Python complex keeps a float32's precision.
        Some(Dtype::Float32) if weak_kind == 3 => Dtype::Complex64,
        Some(_) => default(weak_kind),
    }
}

/// `PyUFunc_SimpleUniformOperationTypeResolver`: everything in `result_type`, and that
/// loop must exist.
fn uniform(uf: &UfuncDef, ops: &[Operand]) -> Result<Loop, Unsupported> {
    let t = result_type(ops);
    uf.loops
        .iter()
        .map(|s| Loop::parse(s))
        .find(|l| l.ins.iter().all(|i| *i == LoopType::Dtype(t)) && l.out == LoopType::Dtype(t))
        .ok_or_else(|| no_loop(uf, ops))
}

/// `PyUFunc_SimpleBinaryComparisonTypeResolver`.
fn comparison(uf: &UfuncDef, ops: &[Operand]) -> Result<Loop, Unsupported> {
    let t = result_type(ops);
    let ins = if ops.iter().all(|o| o.is_integer()) && !t.is_int() {
        // NumPy promotes uint64 with a signed integer to float64: compare exactly instead.
        let first_signed = match ops[0] {
            Operand::Strong(d) => !d.is_unsigned(),
            _ => true,
        };
        if first_signed {
            [Dtype::Int64, Dtype::UInt64]
        } else {
            [Dtype::UInt64, Dtype::Int64]
        }
    } else {
        [t, t]
    };
    registered(uf, ins.into_iter())
        .filter(|l| l.out == LoopType::Dtype(Dtype::Bool))
        .ok_or_else(|| no_loop(uf, ops))
}

/// `linear_search_type_resolver`: the first loop every operand casts to safely.
fn linear_search(uf: &UfuncDef, ops: &[Operand]) -> Result<Loop, Unsupported> {
    // `should_use_min_scalar_weak_literals`: Python scalars cast by their kind when an
    // array operand has at least as high a kind (bool 0, integers 1, inexact 2).
    let simple_kind = |d: Dtype| match kind(d) {
        0 => 0,
        1 => 1,
        _ => 2,
    };
    let max_array = ops
        .iter()
        .filter_map(|o| match o {
            Operand::Strong(d) => Some(simple_kind(*d)),
            _ => None,
        })
        .max();
    let max_scalar = ops
        .iter()
        .filter_map(|o| match o {
            Operand::Strong(_) => None,
            Operand::WeakInt => Some(1),
            Operand::WeakFloat | Operand::WeakComplex => Some(2),
        })
        .max();
    let min_scalar = match (max_array, max_scalar) {
        (Some(a), Some(s)) => a >= s,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let casts = |o: Operand, to: u8| -> bool {
        match o {
            Operand::Strong(d) => can_cast_safely(code(d), to),
            _ if !min_scalar => can_cast_safely(code(o.default_dtype()), to),
            // `can_cast_pyscalar_scalar_to`.
            _ => match LoopType::from_code(to) {
                LoopType::Dtype(d) if d.is_complex() => true,
                LoopType::Other("clongdouble") => true,
                LoopType::Dtype(d) if d.is_float() => o != Operand::WeakComplex,
                LoopType::Other("float16" | "longdouble") => o != Operand::WeakComplex,
                LoopType::Dtype(d) if d.is_int() => o == Operand::WeakInt,
                _ => can_cast_safely(code(o.default_dtype()), to),
            },
        }
    };
    for s in uf.loops {
        let (ins, _) = s.split_once("->").unwrap_or((s, ""));
        if ins.len() == ops.len() && ops.iter().zip(ins.bytes()).all(|(o, c)| casts(*o, c)) {
            return Ok(Loop::parse(s));
        }
    }
    Err(type_error(&format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely \
         coerced to any supported types according to the casting rule ''safe''",
        uf.name
    )))
}

/// The loop found: supported dtypes only, the range checks of Python ints, the runtime
/// function.
fn finish(uf: &'static UfuncDef, ops: &[Operand], lp: Loop) -> Result<Resolved, Unsupported> {
    let dtype = |t: LoopType| match t {
        LoopType::Dtype(d) => Ok(d),
        LoopType::Other(name) => Err(Unsupported::Dtype(name)),
    };
    let output = dtype(lp.out)?;
    let inputs = lp
        .ins
        .iter()
        .map(|t| dtype(*t))
        .collect::<Result<Vec<_>, _>>()?;
    let range_check = ops
        .iter()
        .zip(&inputs)
        .map(|(o, d)| {
            let checked = *o == Operand::WeakInt && d.is_int() && *d != Dtype::Int64;
            // The exact integer comparisons take any Python int.
            (checked && !uf.pyint_comparison).then_some(*d)
        })
        .collect();
    let (function, fallible) = runtime_names::function(uf.name, &inputs, output);
    Ok(Resolved {
        ufunc: uf.name,
        inputs,
        output,
        range_check,
        function,
        fallible,
    })
}

/// `_UFuncNoLoopError` for the operands as given.
fn no_loop(uf: &UfuncDef, ops: &[Operand]) -> Unsupported {
    let classes: Vec<String> = ops.iter().map(|o| o.dtype_class()).collect();
    let ins = if classes.len() == 1 {
        classes[0].clone()
    } else {
        format!("({})", classes.join(", "))
    };
    Unsupported::NumPy {
        exception: "UFuncTypeError",
        message: format!(
            "ufunc '{}' did not contain a loop with signature matching types {ins} -> None",
            uf.name
        ),
    }
}

fn type_error(message: &str) -> Unsupported {
    Unsupported::NumPy {
        exception: "TypeError",
        message: message.to_owned(),
    }
}
