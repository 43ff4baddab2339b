//! NumPy functions of the IR: ufuncs, reductions and shape functions, resolved from
//! `numpy.<name>` at lowering (`np.sin`, `np.sum`, `np.reshape`) and from method names
//! (`a.sum()`, `a.reshape(...)`) at inference.

use crate::exports::Dtype;

/// A NumPy ufunc (also the operators: `+` is `add`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Ufunc {
    Sqrt,
    Exp,
    Exp2,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Arctan2,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Hypot,
    Power,
    Square,
    Reciprocal,
    Negative,
    Positive,
    Absolute,
    Fabs,
    Sign,
    Floor,
    Ceil,
    Trunc,
    Rint,
    Remainder,
    Fmod,
    FloorDivide,
    TrueDivide,
    Add,
    Subtract,
    Multiply,
    Minimum,
    Maximum,
    Fmin,
    Fmax,
    Copysign,
    Deg2rad,
    Rad2deg,
    Isnan,
    Isinf,
    Isfinite,
    LogicalAnd,
    LogicalOr,
    LogicalXor,
    LogicalNot,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    Invert,
    LeftShift,
    RightShift,
    Greater,
    Less,
    Equal,
    NotEqual,
    GreaterEqual,
    LessEqual,
    Conjugate,
    /// `np.round(x, decimals)` / `np.around` (not a ufunc in NumPy; one loop per dtype).
    Round,
    /// `np.angle(z)`.
    Angle,
    /// `np.angle(z, deg=True)`.
    AngleDeg,
}

impl Ufunc {
    /// `numpy.<name>` for every name and alias.
    const NAMES: &'static [(&'static str, Ufunc)] = &[
        ("sqrt", Ufunc::Sqrt),
        ("exp", Ufunc::Exp),
        ("exp2", Ufunc::Exp2),
        ("expm1", Ufunc::Expm1),
        ("log", Ufunc::Log),
        ("log2", Ufunc::Log2),
        ("log10", Ufunc::Log10),
        ("log1p", Ufunc::Log1p),
        ("sin", Ufunc::Sin),
        ("cos", Ufunc::Cos),
        ("tan", Ufunc::Tan),
        ("arcsin", Ufunc::Arcsin),
        ("arccos", Ufunc::Arccos),
        ("arctan", Ufunc::Arctan),
        ("arctan2", Ufunc::Arctan2),
        ("sinh", Ufunc::Sinh),
        ("cosh", Ufunc::Cosh),
        ("tanh", Ufunc::Tanh),
        ("arcsinh", Ufunc::Arcsinh),
        ("arccosh", Ufunc::Arccosh),
        ("arctanh", Ufunc::Arctanh),
        ("hypot", Ufunc::Hypot),
        ("power", Ufunc::Power),
        ("square", Ufunc::Square),
        ("reciprocal", Ufunc::Reciprocal),
        ("negative", Ufunc::Negative),
        ("positive", Ufunc::Positive),
        ("absolute", Ufunc::Absolute),
        ("abs", Ufunc::Absolute),
        ("fabs", Ufunc::Fabs),
        ("sign", Ufunc::Sign),
        ("floor", Ufunc::Floor),
        ("ceil", Ufunc::Ceil),
        ("trunc", Ufunc::Trunc),
        ("rint", Ufunc::Rint),
        ("remainder", Ufunc::Remainder),
        ("mod", Ufunc::Remainder),
        ("fmod", Ufunc::Fmod),
        ("floor_divide", Ufunc::FloorDivide),
        ("true_divide", Ufunc::TrueDivide),
        ("divide", Ufunc::TrueDivide),
        ("add", Ufunc::Add),
        ("subtract", Ufunc::Subtract),
        ("multiply", Ufunc::Multiply),
        ("minimum", Ufunc::Minimum),
        ("maximum", Ufunc::Maximum),
        ("fmin", Ufunc::Fmin),
        ("fmax", Ufunc::Fmax),
        ("copysign", Ufunc::Copysign),
        ("deg2rad", Ufunc::Deg2rad),
        ("radians", Ufunc::Deg2rad),
        ("rad2deg", Ufunc::Rad2deg),
        ("degrees", Ufunc::Rad2deg),
        ("isnan", Ufunc::Isnan),
        ("isinf", Ufunc::Isinf),
        ("isfinite", Ufunc::Isfinite),
        ("logical_and", Ufunc::LogicalAnd),
        ("logical_or", Ufunc::LogicalOr),
        ("logical_xor", Ufunc::LogicalXor),
        ("logical_not", Ufunc::LogicalNot),
        ("bitwise_and", Ufunc::BitwiseAnd),
        ("bitwise_or", Ufunc::BitwiseOr),
        ("bitwise_xor", Ufunc::BitwiseXor),
        ("invert", Ufunc::Invert),
        ("bitwise_not", Ufunc::Invert),
        ("left_shift", Ufunc::LeftShift),
        ("right_shift", Ufunc::RightShift),
        ("greater", Ufunc::Greater),
        ("less", Ufunc::Less),
        ("equal", Ufunc::Equal),
        ("not_equal", Ufunc::NotEqual),
        ("greater_equal", Ufunc::GreaterEqual),
        ("less_equal", Ufunc::LessEqual),
        ("conjugate", Ufunc::Conjugate),
        ("conj", Ufunc::Conjugate),
        ("round", Ufunc::Round),
        ("around", Ufunc::Round),
        ("angle", Ufunc::Angle),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<Ufunc> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, u)| *u)
    }

    /// NumPy's name (the canonical one, not an alias).
    pub fn name(self) -> &'static str {
        if self == Ufunc::AngleDeg {
            return "angle";
        }
        Self::NAMES
            .iter()
            .find(|(_, u)| *u == self)
            .map_or("?", |(n, _)| n)
    }

    /// Number of inputs.
    pub fn nin(self) -> usize {
        use Ufunc::*;
        match self {
            Arctan2 | Hypot | Power | Remainder | Fmod | FloorDivide | TrueDivide | Add
            | Subtract | Multiply | Minimum | Maximum | Fmin | Fmax | Copysign | LogicalAnd
            | LogicalOr | LogicalXor | BitwiseAnd | BitwiseOr | BitwiseXor | LeftShift
            | RightShift | Greater | Less | Equal | NotEqual | GreaterEqual | LessEqual | Round => {
                2
            }
            _ => 1,
        }
    }
}

/// Reductions over a whole array (`np.sum(a)`, `a.max()`), and along axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Reduce {
    Sum,
    Prod,
    Min,
    Max,
    Mean,
    Average,
    Any,
    All,
    CountNonzero,
    Var,
    Std,
    Ptp,
    Argmin,
    Argmax,
    Cumsum,
    Cumprod,
    NanSum,
    NanMean,
    NanMin,
    NanMax,
    NanProd,
    NanCumsum,
    NanCumprod,
    NanVar,
    NanStd,
    NanArgmin,
    NanArgmax,
    /// `np.linalg.norm(a, ord)`.
    Norm(NormOrd),
}

/// `ord=` of `np.linalg.norm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NormOrd {
    /// `None`: the 2-norm of vectors, Frobenius of matrices (of any array, flattened).
    Default,
    /// `2`: the 2-norm of vectors (of matrices: the largest singular value).
    Two,
    /// `1`: the sum of `|x|` (of matrices: the largest column sum).
    One,
    /// `inf`: the largest `|x|` (of matrices: the largest row sum).
    Inf,
    /// `-inf`: the smallest `|x|` (of matrices: the smallest row sum).
    NegInf,
    /// `0`: the number of non-zero elements.
    Zero,
    /// `'fro'`: Frobenius (matrices only).
    Fro,
}

impl Reduce {
    const NAMES: &'static [(&'static str, Reduce)] = &[
        ("sum", Reduce::Sum),
        ("prod", Reduce::Prod),
        ("min", Reduce::Min),
        ("amin", Reduce::Min),
        ("max", Reduce::Max),
        ("amax", Reduce::Max),
        ("mean", Reduce::Mean),
        ("average", Reduce::Average),
        ("any", Reduce::Any),
        ("all", Reduce::All),
        ("count_nonzero", Reduce::CountNonzero),
        ("var", Reduce::Var),
        ("std", Reduce::Std),
        ("ptp", Reduce::Ptp),
        ("argmin", Reduce::Argmin),
        ("argmax", Reduce::Argmax),
        ("cumsum", Reduce::Cumsum),
        ("cumprod", Reduce::Cumprod),
        ("nansum", Reduce::NanSum),
        ("nanmean", Reduce::NanMean),
        ("nanmin", Reduce::NanMin),
        ("nanmax", Reduce::NanMax),
        ("nanprod", Reduce::NanProd),
        ("nancumsum", Reduce::NanCumsum),
        ("nancumprod", Reduce::NanCumprod),
        ("nanvar", Reduce::NanVar),
        ("nanstd", Reduce::NanStd),
        ("nanargmin", Reduce::NanArgmin),
        ("nanargmax", Reduce::NanArgmax),
    ];

    /// Looks up `numpy.<name>` (and the method `a.<name>()`, except `count_nonzero`,
    /// `ptp` and `average`, which are functions only in NumPy 2).
    pub fn from_name(name: &str) -> Option<Reduce> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| *r)
    }

    /// NumPy's name.
    pub fn name(self) -> &'static str {
        if let Reduce::Norm(_) = self {
            return "linalg.norm";
        }
        Self::NAMES
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("?", |(n, _)| n)
    }

    /// Is there a method form (`a.sum()`)?
    pub fn is_method(self) -> bool {
        !matches!(
            self,
            Reduce::Average | Reduce::CountNonzero | Reduce::Ptp | Reduce::Norm(_)
        ) && !self.is_nan()
    }

    /// One of the `nan...` functions (NaN ignored)?
    pub fn is_nan(self) -> bool {
        matches!(
            self,
            Reduce::NanSum
                | Reduce::NanMean
                | Reduce::NanMin
                | Reduce::NanMax
                | Reduce::NanProd
                | Reduce::NanCumsum
                | Reduce::NanCumprod
                | Reduce::NanVar
                | Reduce::NanStd
                | Reduce::NanArgmin
                | Reduce::NanArgmax
        )
    }

    /// Can the whole-array form be fused into the loop that computes its operand (a
    /// fold over the elements in any order)? The others (`var`, `argmax`, scans) go
    /// through `Builtin::NpReduceAxis`.
    pub fn fusable(self) -> bool {
        !matches!(
            self,
            Reduce::Var
                | Reduce::Std
                | Reduce::Ptp
                | Reduce::Argmin
                | Reduce::Argmax
                | Reduce::Cumsum
                | Reduce::Cumprod
                | Reduce::Norm(_)
        ) && !self.is_nan()
    }

    /// Is this a scan (`cumsum`, `cumprod`: the shape of the input, not a reduction)?
    pub fn is_scan(self) -> bool {
        matches!(
            self,
            Reduce::Cumsum | Reduce::Cumprod | Reduce::NanCumsum | Reduce::NanCumprod
        )
    }

    /// An index of the extreme (`argmin`, `nanargmax`, ...)?
    pub fn is_arg(self) -> bool {
        matches!(
            self,
            Reduce::Argmin | Reduce::Argmax | Reduce::NanArgmin | Reduce::NanArgmax
        )
    }
}

/// Functions that change an array's shape or order, giving a view where NumPy does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum ShapeFn {
    Reshape,
    Ravel,
    Transpose,
    Swapaxes,
    ExpandDims,
    Squeeze,
    BroadcastTo,
    AsContiguous,
    AsArray,
    Copy,
}

impl ShapeFn {
    const NAMES: &'static [(&'static str, ShapeFn)] = &[
        ("reshape", ShapeFn::Reshape),
        ("ravel", ShapeFn::Ravel),
        ("transpose", ShapeFn::Transpose),
        ("swapaxes", ShapeFn::Swapaxes),
        ("expand_dims", ShapeFn::ExpandDims),
        ("squeeze", ShapeFn::Squeeze),
        ("broadcast_to", ShapeFn::BroadcastTo),
        ("ascontiguousarray", ShapeFn::AsContiguous),
        ("asarray", ShapeFn::AsArray),
        ("copy", ShapeFn::Copy),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<ShapeFn> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| *r)
    }

    /// NumPy's name.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("?", |(n, _)| n)
    }
}

/// Sorting and searching (`np.sort`, `np.argsort`, `np.searchsorted`, `np.unique`,
/// `np.median`, `np.bincount`, `np.partition`, `np.argpartition`, `np.digitize`,
/// `np.histogram`, `np.nanmedian`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum SortFn {
    Sort,
    Argsort,
    Searchsorted,
    Unique,
    Median,
    Bincount,
    Partition,
    Argpartition,
    Digitize,
    Histogram,
    NanMedian,
}

impl SortFn {
    const NAMES: &'static [(&'static str, SortFn)] = &[
        ("sort", SortFn::Sort),
        ("argsort", SortFn::Argsort),
        ("searchsorted", SortFn::Searchsorted),
        ("unique", SortFn::Unique),
        ("median", SortFn::Median),
        ("bincount", SortFn::Bincount),
        ("partition", SortFn::Partition),
        ("argpartition", SortFn::Argpartition),
        ("digitize", SortFn::Digitize),
        ("histogram", SortFn::Histogram),
        ("nanmedian", SortFn::NanMedian),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<SortFn> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// NumPy's name.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }
}

/// Functions that build a new array from others (`np.roll`, `np.concatenate`, ...), and
/// the flips (views). The lowered argument lists are fixed per function (see
/// `lower/building.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Build {
    Roll,
    Tile,
    Repeat,
    Diff,
    Concatenate,
    Stack,
    Vstack,
    Hstack,
    ColumnStack,
    Dstack,
    Flip,
    Fliplr,
    Flipud,
    /// `np.rot90(m, k=1, axes=(0, 1))`: a view.
    Rot90,
    /// `np.meshgrid(...)`; `ij`: `indexing='ij'` (matrix indexing) instead of `'xy'`.
    Meshgrid {
        ij: bool,
    },
    /// `np.append(arr, values, axis=None)`.
    Append,
    /// `np.interp(x, xp, fp, left=None, right=None)`.
    Interp,
    /// `np.convolve(a, v, mode)`; `mode`: NumPy's number of the mode (0 `valid`, 1
    /// `same`, 2 `full`).
    Convolve {
        mode: u8,
    },
    /// `np.correlate(a, v, mode)`; `mode` as for `Convolve`.
    Correlate {
        mode: u8,
    },
    /// `np.eye(N, M=None, k=0, dtype=float)`: `[N, M, k]`; `dtype` `None` when it is
    /// `a.dtype` (the array `a` then comes last).
    Eye {
        dtype: Option<Dtype>,
    },
    /// `np.identity(n, dtype=None)`: as `Eye` (`[n, None, 0]`).
    Identity {
        dtype: Option<Dtype>,
    },
    /// `np.tri(N, M=None, k=0, dtype=float)`: as `Eye`.
    Tri {
        dtype: Option<Dtype>,
    },
    /// `np.indices(dimensions, dtype=int)`: `[dimensions]`, `dtype` as for `Eye`.
    Indices {
        dtype: Option<Dtype>,
    },
    /// `np.diag(v, k=0)`: a new matrix of a 1-D `v`, the diagonal (a read-only view) of a
    /// 2-D one.
    Diag,
    /// `np.diagonal(a, offset=0, axis1=0, axis2=1)` and `a.diagonal(...)`: a read-only
    /// view.
    Diagonal,
    /// `np.triu(m, k=0)`.
    Triu,
    /// `np.tril(m, k=0)`.
    Tril,
    /// `np.pad(array, pad_width, mode, constant_values=0)`: `[array, pad_width,
    /// constant_values]` (`None` for other modes than `constant`).
    Pad {
        mode: PadMode,
    },
    /// `np.split(ary, indices_or_sections, axis=0)`: a list of views.
    Split,
    /// `np.array_split(...)`: as `Split`, sections of unequal sizes allowed.
    ArraySplit,
    /// `np.hsplit(ary, indices_or_sections)`: `[ary, sections]`.
    Hsplit,
    /// `np.vsplit(ary, indices_or_sections)`.
    Vsplit,
    /// `np.dsplit(ary, indices_or_sections)`.
    Dsplit,
    /// `np.gradient(f, *varargs, axis=None, edge_order=1)`: `[f, axis, spacing...]`.
    Gradient,
}

/// The modes of `np.pad` that pykernel computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum PadMode {
    Constant,
    Edge,
    Wrap,
    Reflect,
    Symmetric,
}

impl PadMode {
    /// The mode named `name` (NumPy's spelling).
    pub fn from_name(name: &str) -> Option<PadMode> {
        Some(match name {
            "constant" => PadMode::Constant,
            "edge" => PadMode::Edge,
            "wrap" => PadMode::Wrap,
            "reflect" => PadMode::Reflect,
            "symmetric" => PadMode::Symmetric,
            _ => return None,
        })
    }

    /// NumPy's name of the mode.
    pub fn name(self) -> &'static str {
        match self {
            PadMode::Constant => "constant",
            PadMode::Edge => "edge",
            PadMode::Wrap => "wrap",
            PadMode::Reflect => "reflect",
            PadMode::Symmetric => "symmetric",
        }
    }
}

impl Build {
    const NAMES: &'static [(&'static str, Build)] = &[
        ("roll", Build::Roll),
        ("tile", Build::Tile),
        ("repeat", Build::Repeat),
        ("diff", Build::Diff),
        ("concatenate", Build::Concatenate),
        ("stack", Build::Stack),
        ("vstack", Build::Vstack),
        ("row_stack", Build::Vstack),
        ("hstack", Build::Hstack),
        ("column_stack", Build::ColumnStack),
        ("dstack", Build::Dstack),
        ("flip", Build::Flip),
        ("fliplr", Build::Fliplr),
        ("flipud", Build::Flipud),
        ("rot90", Build::Rot90),
        ("meshgrid", Build::Meshgrid { ij: false }),
        ("append", Build::Append),
        ("interp", Build::Interp),
        ("convolve", Build::Convolve { mode: 2 }),
        ("correlate", Build::Correlate { mode: 0 }),
        (
            "eye",
            Build::Eye {
                dtype: Some(Dtype::Float64),
            },
        ),
        (
            "identity",
            Build::Identity {
                dtype: Some(Dtype::Float64),
            },
        ),
        (
            "tri",
            Build::Tri {
                dtype: Some(Dtype::Float64),
            },
        ),
        (
            "indices",
            Build::Indices {
                dtype: Some(Dtype::Int64),
            },
        ),
        ("diag", Build::Diag),
        ("diagonal", Build::Diagonal),
        ("triu", Build::Triu),
        ("tril", Build::Tril),
        (
            "pad",
            Build::Pad {
                mode: PadMode::Constant,
            },
        ),
        ("split", Build::Split),
        ("array_split", Build::ArraySplit),
        ("hsplit", Build::Hsplit),
        ("vsplit", Build::Vsplit),
        ("dsplit", Build::Dsplit),
        ("gradient", Build::Gradient),
    ];

    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<Build> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
    }

    /// NumPy's name.
    pub fn name(self) -> &'static str {
        match self {
            Build::Meshgrid { .. } => return "meshgrid",
            Build::Convolve { .. } => return "convolve",
            Build::Correlate { .. } => return "correlate",
            Build::Eye { .. } => return "eye",
            Build::Identity { .. } => return "identity",
            Build::Tri { .. } => return "tri",
            Build::Indices { .. } => return "indices",
            Build::Pad { .. } => return "pad",
            _ => {}
        }
        Self::NAMES
            .iter()
            .find(|(_, b)| *b == self)
            .map_or("?", |(n, _)| n)
    }

    /// Is the function a join of arrays (its arguments `[axis, item...]` or `[item...]`,
    /// typed and emitted together)?
    pub fn is_join(self) -> bool {
        self.takes_sequence() || self == Build::Append
    }

    /// Does the function take a sequence of arrays (a tuple or list literal)?
    pub fn takes_sequence(self) -> bool {
        matches!(
            self,
            Build::Concatenate
                | Build::Stack
                | Build::Vstack
                | Build::Hstack
                | Build::ColumnStack
                | Build::Dstack
                | Build::Meshgrid { .. }
        )
    }

    /// Can the result be (or hold) a view of the argument (the flips, diagonals, the
    /// parts of `split`)?
    pub fn is_view(self) -> bool {
        matches!(
            self,
            Build::Flip
                | Build::Fliplr
                | Build::Flipud
                | Build::Rot90
                | Build::Diag
                | Build::Diagonal
                | Build::Split
                | Build::ArraySplit
                | Build::Hsplit
                | Build::Vsplit
                | Build::Dsplit
        )
    }

    /// Does the function make a new array from numbers (`eye`, `identity`, `tri`,
    /// `indices`), its dtype given by `dtype=`?
    pub fn constructor_dtype(self) -> Option<Option<Dtype>> {
        match self {
            Build::Eye { dtype }
            | Build::Identity { dtype }
            | Build::Tri { dtype }
            | Build::Indices { dtype } => Some(dtype),
            _ => None,
        }
    }

    /// Is the function one of those typed and emitted by `infer/building_more.rs` and
    /// `emit/building_more.rs` (the constructors, diagonals, `pad`, `split`, `gradient`,
    /// `correlate`)?
    pub fn is_newer(self) -> bool {
        matches!(
            self,
            Build::Correlate { .. }
                | Build::Eye { .. }
                | Build::Identity { .. }
                | Build::Tri { .. }
                | Build::Indices { .. }
                | Build::Diag
                | Build::Diagonal
                | Build::Triu
                | Build::Tril
                | Build::Pad { .. }
                | Build::Gradient
        ) || self.is_split()
    }

    /// Is the function one of the `split` family (a list of views)?
    pub fn is_split(self) -> bool {
        matches!(
            self,
            Build::Split | Build::ArraySplit | Build::Hsplit | Build::Vsplit | Build::Dsplit
        )
    }
}
