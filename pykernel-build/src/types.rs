//! Static types of kernel values and NumPy 2 (NEP 50) promotion.

use std::fmt;

use crate::exports::Dtype;

/// A scalar type: a dtype, and whether it is a Python builtin scalar (`int`, `float`,
/// `bool`: "weak" in NumPy 2 promotion) or a NumPy scalar (`np.float32`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scalar {
    /// The machine type.
    pub dtype: Dtype,
    /// Python builtin scalar (weak) rather than a NumPy scalar.
    pub py: bool,
}

impl Scalar {
    /// Python `int` (int64 here).
    pub const INT: Scalar = Scalar {
        dtype: Dtype::Int64,
        py: true,
    };
    /// Python `float`.
    pub const FLOAT: Scalar = Scalar {
        dtype: Dtype::Float64,
        py: true,
    };
    /// Python `bool`.
    pub const BOOL: Scalar = Scalar {
        dtype: Dtype::Bool,
        py: true,
    };

    /// Python `complex`.
    pub const COMPLEX: Scalar = Scalar {
        dtype: Dtype::Complex128,
        py: true,
    };

    /// A NumPy scalar of `dtype`.
    pub fn np(dtype: Dtype) -> Scalar {
        Scalar { dtype, py: false }
    }

    /// Kind rank: bool 0, int 1, float 2, complex 3.
    pub fn kind(self) -> u8 {
        kind(self.dtype)
    }
}

/// The type of a kernel value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ty {
    /// A number or bool.
    Scalar(Scalar),
    /// `None` (functions that return nothing).
    None,
    /// A typed raw pointer (`float64*`) from a capsule argument.
    Ptr(Dtype),
    /// `void*` user data.
    VoidPtr,
    /// A 1-D array view (`as_array(ptr, n)`, slices of it).
    View(Dtype),
    /// An elementwise array expression (`view - shift`), evaluated only into a view.
    Elementwise(Dtype),
    /// A tuple (`return a, b`, `a, b = b, a % b`).
    Tuple(Vec<Ty>),
    /// A Python list (`[0] * n`, `int list` arguments), shared by reference.
    List(Box<Ty>),
    /// The element type of a list not known yet (`[]` before its first `append`).
    Unknown,
    /// An N-dimensional NumPy array (export arguments, `np.zeros(...)`, rows of those):
    /// dtype and rank.
    Array(Dtype, u8),
    /// `T | None`: a function that returns `None` on some paths and a `T` on others, or
    /// a local assigned both. Used as a `T` only where a test (`x is None`, `x is not
    /// None`) shows it is not `None` ("narrowing", in inference).
    Optional(Box<Ty>),
}

impl Ty {
    /// Python `int`.
    pub const INT: Ty = Ty::Scalar(Scalar::INT);
    /// Python `float`.
    pub const FLOAT: Ty = Ty::Scalar(Scalar::FLOAT);
    /// Python `bool`.
    pub const BOOL: Ty = Ty::Scalar(Scalar::BOOL);
    /// Python `complex`.
    pub const COMPLEX: Ty = Ty::Scalar(Scalar::COMPLEX);

    /// The scalar, if this is one.
    pub fn scalar(&self) -> Option<Scalar> {
        match self {
            Ty::Scalar(s) => Some(*s),
            _ => None,
        }
    }

    /// Is this an array-like (view or elementwise expression)?
    pub fn is_array(&self) -> bool {
        matches!(self, Ty::View(_) | Ty::Elementwise(_))
    }

    /// Element dtype of an array-like.
    pub fn elem(&self) -> Option<Dtype> {
        match self {
            Ty::View(d) | Ty::Elementwise(d) => Some(*d),
            _ => None,
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Scalar(s) if s.py => f.write_str(match s.dtype {
                Dtype::Bool => "bool",
                Dtype::Int64 => "int",
                Dtype::Float64 => "float",
                Dtype::Complex128 => "complex",
                d => d.numpy_name(),
            }),
            Ty::Scalar(s) => write!(f, "numpy.{}", s.dtype.numpy_name()),
            Ty::None => f.write_str("None"),
            Ty::Optional(t) => write!(f, "{t} | None"),
            Ty::Ptr(d) => write!(f, "{}*", d.numpy_name()),
            Ty::VoidPtr => f.write_str("void*"),
            Ty::View(d) => write!(f, "{}[:] array", d.numpy_name()),
            Ty::Elementwise(d) => write!(f, "{}[:] array expression", d.numpy_name()),
            Ty::List(t) => write!(f, "{t} list"),
            Ty::Unknown => f.write_str("unknown"),
            Ty::Array(d, n) => {
                let dims = vec![":"; *n as usize].join(",");
                write!(f, "{}[{dims}] array", d.numpy_name())
            }
            Ty::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(ToString::to_string).collect();
                if parts.len() == 1 {
                    write!(f, "({},)", parts[0])
                } else {
                    write!(f, "({})", parts.join(", "))
                }
            }
        }
    }
}

/// Kind rank of a dtype: bool 0, int 1, float 2, complex 3.
pub fn kind(d: Dtype) -> u8 {
    if d == Dtype::Bool {
        0
    } else if d.is_int() {
        1
    } else if d.is_float() {
        2
    } else {
        3
    }
}

fn bits(d: Dtype) -> u32 {
    use Dtype::*;
    match d {
        Bool | Int8 | UInt8 => 8,
        Int16 | UInt16 => 16,
        Int32 | UInt32 | Float32 => 32,
        Int64 | UInt64 | Float64 | Complex64 => 64,
        Complex128 => 128,
    }
}

fn signed_int(bits: u32) -> Dtype {
    match bits {
        8 => Dtype::Int8,
        16 => Dtype::Int16,
        32 => Dtype::Int32,
        _ => Dtype::Int64,
    }
}

/// `numpy.result_type` of two dtypes (NumPy's promotion table, no value-based casting).
pub fn promote_dtypes(a: Dtype, b: Dtype) -> Dtype {
    use Dtype::*;
    if a == b {
        return a;
    }
    let (ka, kb) = (kind(a), kind(b));
    if ka == 0 {
        return b;
    }
    if kb == 0 {
        return a;
    }
    match (ka, kb) {
        (1, 1) => {
            let (ua, ub) = (a.is_unsigned(), b.is_unsigned());
            if ua == ub {
                return if bits(a) >= bits(b) { a } else { b };
            }
            let (s, u) = if ua { (b, a) } else { (a, b) };
            if bits(u) < bits(s) {
                s
            } else if bits(u) < 64 {
                signed_int(bits(u) * 2)
            } else {
                Float64
            }
        }
        (1, 2) | (2, 1) => {
            let (i, f) = if ka == 1 { (a, b) } else { (b, a) };
            if f == Float32 && bits(i) <= 16 {
                Float32
            } else {
                Float64
            }
        }
        (2, 2) => Float64,
        (3, 3) => Complex128,
        _ => {
            // complex with int or float
            let (o, c) = if ka == 3 { (b, a) } else { (a, b) };
            if c == Complex64 && (o == Float32 || (kind(o) == 1 && bits(o) <= 16)) {
                Complex64
            } else {
                Complex128
            }
        }
    }
}

/// NEP 50 promotion of two scalars for arithmetic (`+ - * // % **`).
pub fn promote(a: Scalar, b: Scalar) -> Scalar {
    match (a.py, b.py) {
        (true, true) => {
            // Python: bool op bool is int; otherwise the wider kind.
            let k = a.kind().max(b.kind()).max(1);
            Scalar {
                dtype: default_of_kind(k),
                py: true,
            }
        }
        (false, false) => Scalar::np(promote_dtypes(a.dtype, b.dtype)),
        _ => {
            let (weak, strong) = if a.py { (a, b) } else { (b, a) };
            if weak.kind() <= strong.kind() {
                strong
            } else if weak.kind() == 3 && strong.dtype == Dtype::Float32 {
                Scalar::np(Dtype::Complex64)
            } else {
                Scalar::np(default_of_kind(weak.kind()))
            }
        }
    }
}

/// Result of true division `/`: ints give float64; floats keep their width.
pub fn true_divide(a: Scalar, b: Scalar) -> Scalar {
    let p = promote(a, b);
    if p.kind() <= 1 {
        Scalar {
            dtype: Dtype::Float64,
            py: a.py && b.py,
        }
    } else {
        p
    }
}

/// Python's default dtype for a kind (bool, int64, float64, complex128).
pub fn default_of_kind(k: u8) -> Dtype {
    match k {
        0 => Dtype::Bool,
        1 => Dtype::Int64,
        2 => Dtype::Float64,
        _ => Dtype::Complex128,
    }
}

/// The one static type of a variable assigned both `a` and `b`: the arithmetic
/// promotion of the two (int and float unify to float), or `None` if they cannot share one.
pub fn join(a: &Ty, b: &Ty) -> Option<Ty> {
    if a == b {
        return Some(a.clone());
    }
    match (a, b) {
        (Ty::Scalar(x), Ty::Scalar(y)) => Some(Ty::Scalar(promote(*x, *y))),
        (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => xs
            .iter()
            .zip(ys)
            .map(|(x, y)| join(x, y))
            .collect::<Option<Vec<_>>>()
            .map(Ty::Tuple),
        (Ty::List(x), Ty::List(y)) => join(x, y).map(|t| Ty::List(Box::new(t))),
        (Ty::Unknown, t) | (t, Ty::Unknown) => Some(t.clone()),
        _ => None,
    }
}

/// [`join`], and `None` with a `T` gives `T | None` (the type of a local assigned both,
/// of a function that returns both).
pub fn join_optional(a: &Ty, b: &Ty) -> Option<Ty> {
    let optional = |t: &Ty| match t {
        Ty::None | Ty::Unknown | Ty::Ptr(_) | Ty::VoidPtr | Ty::View(_) | Ty::Elementwise(_) => {
            None
        }
        t => Some(Ty::Optional(Box::new(t.clone()))),
    };
    match (a, b) {
        (Ty::None, Ty::Optional(_)) => Some(b.clone()),
        (Ty::Optional(_), Ty::None) => Some(a.clone()),
        (Ty::None, t) | (t, Ty::None) if t != &Ty::None => optional(t),
        (Ty::Optional(x), Ty::Optional(y)) => join(x, y).and_then(|t| optional(&t)),
        (Ty::Optional(x), t) | (t, Ty::Optional(x)) => join(x, t).and_then(|t| optional(&t)),
        // `return None, 0` and `return 1.5, 2`: `(float | None, int)`.
        (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => xs
            .iter()
            .zip(ys)
            .map(|(x, y)| join_optional(x, y))
            .collect::<Option<Vec<_>>>()
            .map(Ty::Tuple),
        _ => join(a, b),
    }
}

/// The type a value of type `src` must have to share its lists with a place of type
/// `dst`: the lists inside it join `dst`'s (a list's element type is shared by every
/// name for it, scalars included); its scalars and other copied parts keep their type.
pub fn shared_type(src: &Ty, dst: &Ty) -> Ty {
    match (src, dst) {
        (Ty::List(_), Ty::List(_)) => join(src, dst).unwrap_or_else(|| src.clone()),
        (Ty::Optional(s), Ty::Optional(d)) => Ty::Optional(Box::new(shared_type(s, d))),
        (s, Ty::Optional(d)) => shared_type(s, d),
        (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => {
            Ty::Tuple(xs.iter().zip(ys).map(|(x, y)| shared_type(x, y)).collect())
        }
        _ => src.clone(),
    }
}

impl Ty {
    /// The element dtype of an array (float64 for anything else).
    pub fn elem_dtype(&self) -> Dtype {
        match self {
            Ty::Array(d, _) | Ty::View(d) | Ty::Elementwise(d) => *d,
            _ => Dtype::Float64,
        }
    }

    /// A list of `t`.
    pub fn list(t: Ty) -> Ty {
        Ty::List(Box::new(t))
    }

    /// Is reading a value of this type a shared reference (lists, arrays), which the
    /// generated code must clone rather than copy?
    pub fn is_shared(&self) -> bool {
        match self {
            Ty::List(_) | Ty::Array(..) => true,
            Ty::Tuple(items) => items.iter().any(Ty::is_shared),
            Ty::Optional(t) => t.is_shared(),
            _ => false,
        }
    }

    /// The number of types this one is made of (a scalar is 1, `(int, int list)` is 4).
    pub fn size(&self) -> usize {
        match self {
            Ty::List(t) | Ty::Optional(t) => 1 + t.size(),
            Ty::Tuple(items) => 1 + items.iter().map(Ty::size).sum::<usize>(),
            _ => 1,
        }
    }

    /// Does a value of this type hold an array (itself, or inside lists and tuples)?
    pub fn has_array(&self) -> bool {
        match self {
            Ty::Array(..) | Ty::Elementwise(_) => true,
            Ty::List(t) => t.has_array(),
            Ty::Tuple(items) => items.iter().any(Ty::has_array),
            _ => false,
        }
    }

    /// Does a value of this type own a list (so reading it shares, not copies)?
    pub fn has_list(&self) -> bool {
        match self {
            Ty::List(_) => true,
            Ty::Tuple(items) => items.iter().any(Ty::has_list),
            Ty::Optional(t) => t.has_list(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Dtype::*;

    #[test]
    fn numpy_table() {
        assert_eq!(promote_dtypes(Int32, Float32), Float64);
        assert_eq!(promote_dtypes(Int16, Float32), Float32);
        assert_eq!(promote_dtypes(UInt64, Int64), Float64);
        assert_eq!(promote_dtypes(UInt32, Int32), Int64);
        assert_eq!(promote_dtypes(UInt8, Int32), Int32);
        assert_eq!(promote_dtypes(Bool, Int8), Int8);
        assert_eq!(promote_dtypes(Complex64, Float64), Complex128);
    }

    #[test]
    fn weak_python_scalars() {
        let f32s = Scalar::np(Float32);
        assert_eq!(promote(f32s, Scalar::FLOAT), f32s);
        assert_eq!(promote(Scalar::np(Int32), Scalar::INT), Scalar::np(Int32));
        assert_eq!(
            promote(Scalar::np(Int32), Scalar::FLOAT),
            Scalar::np(Float64)
        );
        assert_eq!(promote(Scalar::INT, Scalar::FLOAT), Scalar::FLOAT);
        let opt = |t: Ty| Ty::Optional(Box::new(t));
        assert_eq!(join_optional(&Ty::None, &Ty::INT), Some(opt(Ty::INT)));
        assert_eq!(
            join_optional(&opt(Ty::INT), &Ty::FLOAT),
            Some(opt(Ty::FLOAT))
        );
        assert_eq!(join_optional(&Ty::None, &opt(Ty::INT)), Some(opt(Ty::INT)));
        assert_eq!(join_optional(&Ty::None, &Ty::None), Some(Ty::None));
        assert_eq!(join_optional(&opt(Ty::INT), &Ty::list(Ty::INT)), None);
        assert_eq!(
            opt(Ty::Tuple(vec![Ty::INT, Ty::FLOAT])).to_string(),
            "(int, float) | None"
        );
        assert_eq!(promote(Scalar::BOOL, Scalar::BOOL), Scalar::INT);
        assert_eq!(true_divide(Scalar::INT, Scalar::INT), Scalar::FLOAT);
        assert_eq!(
            true_divide(Scalar::np(Int32), Scalar::INT),
            Scalar::np(Float64)
        );
    }
}
