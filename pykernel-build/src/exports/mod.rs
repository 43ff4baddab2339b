//! Export comments (`#pythran export ...`, `#pykernel export ...`): the front end that
//! finds them in a kernel file and parses their types (SPEC.md section 4).
//!
//! [`collect`] is the entry point. It scans the file for whole-line comments that start
//! with `#pythran export` or `#pykernel export` (continued on following `#` lines while a
//! bracket is open), parses every `[capsule] name(types)` clause, and expands
//! alternatives (`A or B`) and trailing optionals (`T?`) so that each returned
//! [`Export`] has exactly one signature. Every problem becomes a [`Diagnostic`] built
//! from [`crate::messages::exports`]; parsing goes on after an error so that all of them
//! are reported at once.
//!
//! Whether a *valid* type can be compiled is decided by later passes, not here.

use std::fmt;

use crate::diagnostics::{Diagnostic, Span};

mod grammar;
mod lexer;
mod parser;
mod scan;
mod types;
mod words;

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod tests;

/// Element type of scalars, arrays and pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dtype {
    /// `bool` / `numpy.bool`.
    Bool,
    /// `int8` (`byte`).
    Int8,
    /// `int16`.
    Int16,
    /// `int32` (`intc`).
    Int32,
    /// `int64` (`int`, `intp`).
    Int64,
    /// `uint8`.
    UInt8,
    /// `uint16`.
    UInt16,
    /// `uint32` (`uintc`).
    UInt32,
    /// `uint64` (`uintp`).
    UInt64,
    /// `float32`.
    Float32,
    /// `float64` (`float`).
    Float64,
    /// `complex64`: two `float32`.
    Complex64,
    /// `complex128` (`complex`): two `float64`.
    Complex128,
}

impl Dtype {
    /// Every dtype, in declaration order.
    pub const ALL: [Dtype; 13] = [
        Dtype::Bool,
        Dtype::Int8,
        Dtype::Int16,
        Dtype::Int32,
        Dtype::Int64,
        Dtype::UInt8,
        Dtype::UInt16,
        Dtype::UInt32,
        Dtype::UInt64,
        Dtype::Float32,
        Dtype::Float64,
        Dtype::Complex64,
        Dtype::Complex128,
    ];

    /// Is this an integer type, signed or unsigned (not `Bool`)?
    pub fn is_int(self) -> bool {
        matches!(
            self,
            Dtype::Int8
                | Dtype::Int16
                | Dtype::Int32
                | Dtype::Int64
                | Dtype::UInt8
                | Dtype::UInt16
                | Dtype::UInt32
                | Dtype::UInt64
        )
    }

    /// Is this an unsigned integer type?
    pub fn is_unsigned(self) -> bool {
        matches!(
            self,
            Dtype::UInt8 | Dtype::UInt16 | Dtype::UInt32 | Dtype::UInt64
        )
    }

    /// The size of one element in bytes (NumPy's `itemsize`).
    pub fn itemsize(self) -> usize {
        match self {
            Dtype::Bool | Dtype::Int8 | Dtype::UInt8 => 1,
            Dtype::Int16 | Dtype::UInt16 => 2,
            Dtype::Int32 | Dtype::UInt32 | Dtype::Float32 => 4,
            Dtype::Int64 | Dtype::UInt64 | Dtype::Float64 | Dtype::Complex64 => 8,
            Dtype::Complex128 => 16,
        }
    }

    /// Is this a real floating-point type (`float32`, `float64`)?
    pub fn is_float(self) -> bool {
        matches!(self, Dtype::Float32 | Dtype::Float64)
    }

    /// Is this a complex type (`complex64`, `complex128`)?
    pub fn is_complex(self) -> bool {
        matches!(self, Dtype::Complex64 | Dtype::Complex128)
    }

    /// The NumPy name: `"bool"`, `"int32"`, `"float64"`, `"complex128"`, ...
    pub fn numpy_name(self) -> &'static str {
        match self {
            Dtype::Bool => "bool",
            Dtype::Int8 => "int8",
            Dtype::Int16 => "int16",
            Dtype::Int32 => "int32",
            Dtype::Int64 => "int64",
            Dtype::UInt8 => "uint8",
            Dtype::UInt16 => "uint16",
            Dtype::UInt32 => "uint32",
            Dtype::UInt64 => "uint64",
            Dtype::Float32 => "float32",
            Dtype::Float64 => "float64",
            Dtype::Complex64 => "complex64",
            Dtype::Complex128 => "complex128",
        }
    }
}

/// The dtype a scalar type word names (`float64`, `int`, `intp`, ...), for `dtype=`.
pub fn dtype_word(word: &str) -> Option<Dtype> {
    words::scalar(word).map(|(d, _)| d)
}

/// How a scalar type was spelled, which matters for semantics and C naming.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// `bool`, `int`, `float`, `complex`: Python builtin scalars (weak in NumPy 2 promotion).
    Python,
    /// Sized NumPy names: `int32`, `float64`, `intc`, `byte`, `uint8`, ... (intc = int32, uintc = uint32, byte = int8).
    NumPy,
    /// `intp` / `uintp`: pointer-sized (Int64/UInt64 here, LP64), spelled `intptr_t` / `uintptr_t` in C.
    IntP,
}

/// One dimension of an array type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    /// Any extent (`:` or `[]`).
    Any,
    /// A fixed extent (`3` in `T[:,3]`).
    Fixed(u64),
}

/// Memory order of a 2-D array (`order(C)` / `order(F)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Order {
    /// Row-major (the default).
    C,
    /// Column-major (Fortran).
    F,
}

/// A type in an export line (after `or` / `?` expansion there are no alternatives left).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExportType {
    /// A numeric scalar: `int`, `float64`, `bool`, ...
    Scalar {
        /// Element type.
        dtype: Dtype,
        /// How it was spelled.
        flavor: Flavor,
    },
    /// `None`.
    None,
    /// `T[]`, `T[:]`, `T[:,:]`, `T[][]`, `T[::]` (strided=true), `T[:,3]`, `T[:,:] order(F)`.
    Array {
        /// Element type.
        dtype: Dtype,
        /// How the element type was spelled.
        flavor: Flavor,
        /// One entry per dimension (the rank is `dims.len()`).
        dims: Vec<Dim>,
        /// Some dimension was written `::`: the array may be non-contiguous.
        strided: bool,
        /// Memory order (`C` unless `order(F)` was written).
        order: Order,
    },
    /// `T list`.
    List(Box<ExportType>),
    /// `T set`.
    Set(Box<ExportType>),
    /// `K:V dict`.
    Dict(Box<ExportType>, Box<ExportType>),
    /// `(T1, T2, ...)`; a 1-tuple is written `(T,)`.
    Tuple(Vec<ExportType>),
    /// `T*` for a numeric dtype.
    Pointer {
        /// Pointee type.
        dtype: Dtype,
        /// How the pointee type was spelled.
        flavor: Flavor,
    },
    /// `void*`
    VoidPointer,
}

/// The canonical spelling of a scalar (`int`, `float64`, `intp`, ...).
fn scalar_name(dtype: Dtype, flavor: Flavor) -> &'static str {
    match (flavor, dtype) {
        (Flavor::Python, Dtype::Int64) => "int",
        (Flavor::Python, Dtype::Float64) => "float",
        (Flavor::Python, Dtype::Complex128) => "complex",
        (Flavor::IntP, Dtype::Int64) => "intp",
        (Flavor::IntP, Dtype::UInt64) => "uintp",
        _ => dtype.numpy_name(),
    }
}

impl fmt::Display for ExportType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportType::Scalar { dtype, flavor } => f.write_str(scalar_name(*dtype, *flavor)),
            ExportType::None => f.write_str("None"),
            ExportType::Array {
                dtype,
                flavor,
                dims,
                strided,
                order,
            } => {
                f.write_str(scalar_name(*dtype, *flavor))?;
                f.write_str("[")?;
                for (i, d) in dims.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    match d {
                        Dim::Any if *strided => f.write_str("::")?,
                        Dim::Any => f.write_str(":")?,
                        Dim::Fixed(n) => write!(f, "{n}")?,
                    }
                }
                f.write_str("]")?;
                if *order == Order::F {
                    f.write_str(" order(F)")?;
                }
                Ok(())
            }
            ExportType::List(t) => write!(f, "{t} list"),
            ExportType::Set(t) => write!(f, "{t} set"),
            ExportType::Dict(k, v) => write!(f, "{k}:{v} dict"),
            ExportType::Tuple(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                if ts.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            ExportType::Pointer { dtype, flavor } => {
                write!(f, "{}*", scalar_name(*dtype, *flavor))
            }
            ExportType::VoidPointer => f.write_str("void*"),
        }
    }
}

/// One argument type of one export signature, with its place in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportArg {
    /// The argument's type (one alternative).
    pub ty: ExportType,
    /// The argument as written (all its alternatives, without a trailing `?`).
    pub span: Span,
}

/// One exported signature: `export [capsule] name(args)`. Alternatives (`A or B`) and trailing optionals (`T?`) are expanded: each combination is its own `Export` with the same `name`.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    /// The exported function's name.
    pub name: String,
    /// Where the name is written.
    pub name_span: Span,
    /// `export capsule ...`: a C function pointer in a PyCapsule, not a Python function.
    pub capsule: bool,
    /// The argument types, in order.
    pub args: Vec<ExportArg>,
    /// Span of the whole `name(args)` clause.
    pub span: Span,
}

/// Scans a whole Python source file for export comments and parses them.
/// Returns every signature found (in source order) and every problem found (all of them, not just the first).
pub fn collect(source: &str) -> (Vec<Export>, Vec<Diagnostic>) {
    let mut exports = Vec::new();
    let mut diags = Vec::new();
    for item in scan::export_comments(source) {
        match item {
            scan::Item::Export(comment) => {
                grammar::parse_export(source, &comment, &mut exports, &mut diags);
            }
            scan::Item::Error(d) => diags.push(d),
        }
    }
    (exports, diags)
}
