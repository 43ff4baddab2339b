//! The kernel IR: Python functions after name resolution, before types.
//!
//! Lowering ([`crate::lower`]) builds it from the Python AST; inference
//! ([`crate::infer`]) gives every expression (by [`ExprId`]) a type per specialisation;
//! emission ([`crate::emit`]) turns it into Rust. Spans are kept on every node for
//! diagnostics, even where no pass reads them yet.

use crate::diagnostics::Span;

mod fancy;
mod linalg;
mod numpy;
pub use fancy::IndexFn;
pub use linalg::{Linalg, Subscripts};
pub use numpy::{Build, NormOrd, PadMode, Reduce, ShapeFn, SortFn, Ufunc};

/// Index of an expression inside its function (for per-instance type tables).
pub type ExprId = u32;

/// A lowered kernel file.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// The functions, in source order.
    pub functions: Vec<Function>,
}

impl Module {
    /// The function named `name`.
    pub fn function(&self, name: &str) -> Option<(usize, &Function)> {
        self.functions
            .iter()
            .enumerate()
            .find(|(_, f)| f.name == name)
    }
}

/// One `def`.
#[derive(Clone, Debug)]
pub struct Function {
    /// Python name.
    pub name: String,
    /// Span of the name in `def name(`.
    pub name_span: Span,
    /// Parameters in order, with their spans.
    pub params: Vec<(String, Span)>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Number of expressions (ids are `0..expr_count`).
    pub expr_count: u32,
    /// The docstring (cleaned as `inspect.cleandoc` does), for the Python function's
    /// `__doc__`.
    pub doc: Option<String>,
}

/// A statement.
#[derive(Clone, Debug)]
#[allow(dead_code)]
pub enum Stmt {
    /// `target = value`
    Assign {
        target: Target,
        value: Expr,
        span: Span,
    },
    /// `target op= value`
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
        span: Span,
    },
    /// `if cond: then else: orelse` (elif is a nested if in orelse).
    If {
        cond: Expr,
        then: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for var in range(start, stop, step): body else: orelse`
    ForRange {
        /// `reversed(range(...))`.
        reversed: bool,
        var: String,
        var_span: Span,
        start: Option<Expr>,
        stop: Expr,
        step: Option<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse` over anything but a plain `range`: lists,
    /// tuples, `enumerate`, `zip`, `reversed` (each item converted to the target's type).
    ForEach {
        target: Target,
        iter: Box<Iterable>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while cond: body else: orelse`
    While {
        cond: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `break`
    Break(Span),
    /// `continue`
    Continue(Span),
    /// `return [value]`
    Return(Option<Expr>, Span),
    /// An expression evaluated for its effects.
    Expr(Expr),
    /// `assert test[, "msg"]`; also `raise E("msg")`, as `assert False` raising `exc`.
    Assert {
        test: Expr,
        msg: Option<String>,
        span: Span,
        /// The exception raised (`AssertionError` for `assert`).
        exc: Exception,
    },
    /// `pass`
    Pass,
}

impl Stmt {
    /// The expressions of this statement itself (targets' sub-expressions included; not
    /// those of nested blocks).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Stmt::Assign { target, value, .. } | Stmt::AugAssign { target, value, .. } => {
                let mut v = vec![value];
                v.extend(target.exprs());
                v
            }
            Stmt::If { cond, .. } | Stmt::While { cond, .. } => vec![cond],
            Stmt::ForRange {
                start, stop, step, ..
            } => range_args(start, stop, step).collect(),
            Stmt::ForEach { target, iter, .. } => {
                let mut v = iter.exprs();
                v.extend(target.exprs());
                v
            }
            Stmt::Return(Some(e), _) | Stmt::Expr(e) | Stmt::Assert { test: e, .. } => vec![e],
            Stmt::Return(None, _) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Pass => Vec::new(),
        }
    }

    /// The nested blocks (bodies and `else` clauses).
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        match self {
            Stmt::If { then, orelse, .. } => vec![then, orelse],
            Stmt::While { body, orelse, .. }
            | Stmt::ForRange { body, orelse, .. }
            | Stmt::ForEach { body, orelse, .. } => vec![body, orelse],
            _ => Vec::new(),
        }
    }
}

impl Target {
    /// The expressions a store to this target evaluates (bases, indices, slice bounds).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Target::Local(..) => Vec::new(),
            Target::Index { base, index, .. } => vec![base, index],
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } => std::iter::once(base)
                .chain([lower, upper, step].into_iter().flatten())
                .collect(),
            Target::Tuple(ts, _) => ts.iter().flat_map(Target::exprs).collect(),
        }
    }

    /// [`Target::exprs`], mutable.
    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match self {
            Target::Local(..) => Vec::new(),
            Target::Index { base, index, .. } => vec![base, index],
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } => std::iter::once(base)
                .chain([lower, upper, step].into_iter().flatten())
                .collect(),
            Target::Tuple(ts, _) => ts.iter_mut().flat_map(Target::exprs_mut).collect(),
        }
    }

    /// The local names this target assigns.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Target::Local(n, _) => vec![n.as_str()],
            Target::Tuple(ts, _) => ts.iter().flat_map(Target::names).collect(),
            _ => Vec::new(),
        }
    }
}

/// The expressions of `range(start, stop, step)` that are present, in evaluation order.
pub fn range_args<'a>(
    start: &'a Option<Expr>,
    stop: &'a Expr,
    step: &'a Option<Expr>,
) -> impl Iterator<Item = &'a Expr> {
    [start.as_ref(), Some(stop), step.as_ref()]
        .into_iter()
        .flatten()
}

/// What a `for` loop or a comprehension iterates over.
#[derive(Clone, Debug)]
pub struct Iterable {
    /// Source span.
    pub span: Span,
    /// What it is.
    pub kind: IterKind,
}

/// Iterable forms.
#[derive(Clone, Debug)]
pub enum IterKind {
    /// `range(start, stop, step)`.
    Range {
        start: Option<Expr>,
        stop: Expr,
        step: Option<Expr>,
    },
    /// A value: a list or a tuple (checked by inference).
    Value(Expr),
    /// `enumerate(it[, start])`.
    Enumerate(Box<Iterable>, Option<Expr>),
    /// `zip(a, b, ...)`.
    Zip(Vec<Iterable>),
    /// `reversed(it)`.
    Reversed(Box<Iterable>),
    /// `np.ndindex(shape)` (one tuple of ints) or `np.ndindex(n, m, ...)`: the index
    /// tuples of that shape in C order.
    NdIndex(Vec<Expr>),
}

impl Iterable {
    /// The expressions evaluated to start the iteration, in order.
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            IterKind::Range { start, stop, step } => range_args(start, stop, step).collect(),
            IterKind::Value(e) => vec![e],
            IterKind::Enumerate(it, start) => {
                let mut v = it.exprs();
                v.extend(start.iter());
                v
            }
            IterKind::Zip(its) => its.iter().flat_map(Iterable::exprs).collect(),
            IterKind::Reversed(it) => it.exprs(),
            IterKind::NdIndex(args) => args.iter().collect(),
        }
    }
}

impl Iterable {
    /// [`Iterable::exprs`], mutable.
    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            IterKind::Range { start, stop, step } => [start.as_mut(), Some(stop), step.as_mut()]
                .into_iter()
                .flatten()
                .collect(),
            IterKind::Value(e) => vec![e],
            IterKind::Enumerate(it, start) => {
                let mut v = it.exprs_mut();
                v.extend(start.iter_mut());
                v
            }
            IterKind::Zip(its) => its.iter_mut().flat_map(Iterable::exprs_mut).collect(),
            IterKind::Reversed(it) => it.exprs_mut(),
            IterKind::NdIndex(args) => args.iter_mut().collect(),
        }
    }
}

/// One `for target in iter if cond ...` clause of a comprehension.
#[derive(Clone, Debug)]
pub struct Generator {
    /// The loop target (names and tuples of names).
    pub target: Target,
    /// What it iterates over.
    pub iter: Iterable,
    /// The `if` filters.
    pub conds: Vec<Expr>,
}

/// What an assignment writes to.
#[derive(Clone, Debug)]
pub enum Target {
    /// A local variable.
    Local(String, Span),
    /// `base[index] = ...`
    Index { base: Expr, index: Expr, span: Span },
    /// `base[lower:upper:step] = ...`
    Slice {
        base: Expr,
        lower: Option<Expr>,
        upper: Option<Expr>,
        step: Option<Expr>,
        span: Span,
    },
    /// `a, b = ...` (unpacking, left to right after the value is evaluated).
    Tuple(Vec<Target>, Span),
}

/// An expression with its id and span.
#[derive(Clone, Debug)]
pub struct Expr {
    /// Key into per-instance type tables.
    pub id: ExprId,
    /// Source span.
    pub span: Span,
    /// What it is.
    pub kind: ExprKind,
}

impl Expr {
    /// The direct sub-expressions, mutable, in the order of [`Expr::children`].
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            ExprKind::Binary(_, a, b) | ExprKind::Logic(_, a, b) | ExprKind::Index(a, b) => {
                vec![a, b]
            }
            ExprKind::Unary(_, a) | ExprKind::Attr(a, _) => vec![a],
            ExprKind::Method(recv, _, args) => std::iter::once(recv.as_mut()).chain(args).collect(),
            ExprKind::List(items) => items.iter_mut().collect(),
            ExprKind::ListComp(elt, gens, _) => {
                let mut v = Vec::new();
                for g in gens {
                    v.extend(g.iter.exprs_mut());
                    v.extend(g.conds.iter_mut());
                }
                v.push(elt);
                v
            }
            ExprKind::Compare(a, rest) => std::iter::once(a.as_mut())
                .chain(rest.iter_mut().map(|(_, r)| r))
                .collect(),
            ExprKind::IfExp(c, a, b) => vec![c, a, b],
            ExprKind::CallUser(_, args)
            | ExprKind::CallBuiltin(_, args)
            | ExprKind::Tuple(args) => args.iter_mut().collect(),
            ExprKind::Slice(a, lo, hi, st) => std::iter::once(a.as_mut())
                .chain([lo, hi, st].into_iter().flatten().map(|b| b.as_mut()))
                .collect(),
            ExprKind::SliceSpec(lo, hi, st) => [lo, hi, st]
                .into_iter()
                .flatten()
                .map(|b| b.as_mut())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The direct sub-expressions, in evaluation order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Binary(_, a, b) | ExprKind::Logic(_, a, b) | ExprKind::Index(a, b) => {
                vec![a, b]
            }
            ExprKind::Unary(_, a) | ExprKind::Attr(a, _) => vec![a],
            ExprKind::Method(recv, _, args) => std::iter::once(recv.as_ref()).chain(args).collect(),
            ExprKind::List(items) => items.iter().collect(),
            ExprKind::ListComp(elt, gens, _) => {
                let mut v = Vec::new();
                for g in gens {
                    v.extend(g.iter.exprs());
                    v.extend(g.conds.iter());
                }
                v.push(elt);
                v
            }
            ExprKind::Compare(a, rest) => std::iter::once(a.as_ref())
                .chain(rest.iter().map(|(_, r)| r))
                .collect(),
            ExprKind::IfExp(c, a, b) => vec![c, a, b],
            ExprKind::CallUser(_, args)
            | ExprKind::CallBuiltin(_, args)
            | ExprKind::Tuple(args) => args.iter().collect(),
            ExprKind::Slice(a, lo, hi, st) => std::iter::once(a.as_ref())
                .chain([lo, hi, st].into_iter().flatten().map(|b| b.as_ref()))
                .collect(),
            ExprKind::SliceSpec(lo, hi, st) => [lo, hi, st]
                .into_iter()
                .flatten()
                .map(|b| b.as_ref())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Expression forms.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Integer literal (fits in int64).
    Int(i64),
    /// Float literal (also `math.pi` & co).
    Float(f64),
    /// Imaginary literal `2.5j` (also `cmath.infj`).
    Imag(f64),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    None,
    /// A string literal: only as an argument of `print` (its `sep`/`end` too).
    Str(String),
    /// A local variable or parameter.
    Local(String),
    /// `a op b`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `op a`
    Unary(UnaryOp, Box<Expr>),
    /// `a < b <= c ...`
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `a and b` / `a or b`
    Logic(LogicOp, Box<Expr>, Box<Expr>),
    /// `a if cond else b` as (cond, a, b).
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A call to a function of the same file.
    CallUser(String, Vec<Expr>),
    /// A call to a builtin, `math` or NumPy function.
    CallBuiltin(Builtin, Vec<Expr>),
    /// `base[index]`
    Index(Box<Expr>, Box<Expr>),
    /// `(a, b, ...)`
    Tuple(Vec<Expr>),
    /// `base[lower:upper:step]`
    Slice(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    /// `[a, b, c]`
    List(Vec<Expr>),
    /// `[elt for target in iter if cond ...]` (also generator expressions given to
    /// `sum`, `min`, `max`, `sorted`, `list`, `any`, `all`: then the flag is set, and
    /// `any`/`all` stop at the first deciding item, as Python's lazy iteration does).
    ListComp(Box<Expr>, Vec<Generator>, bool),
    /// `value.name(args)`: list methods (`append`, `pop`, ...), `z.conjugate()`.
    Method(Box<Expr>, String, Vec<Expr>),
    /// `value.name`: `z.real`, `z.imag`, `a.shape`, `a.T`.
    Attr(Box<Expr>, String),
    /// `...` inside an index (`a[..., 0]`).
    Ellipsis,
    /// `lo:hi:st` inside a multi-dimensional index (`a[1:, 0]`).
    SliceSpec(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
}

/// Arithmetic and bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

impl BinOp {
    /// The Python spelling.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    /// `is` (with `None` on one side: checked in inference).
    Is,
    /// `is not` (with `None` on one side).
    IsNot,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum LogicOp {
    And,
    Or,
}

/// Builtin callables, resolved from names and imports at lowering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    /// `print(*values, sep=, end=)`, lowered as `[sep, end, values...]`.
    Print,
    Abs,
    Min,
    Max,
    Int,
    Float,
    Bool,
    Len,
    Divmod,
    Pow,
    Round,
    /// `sum(iterable[, start])`
    Sum,
    /// `sorted(iterable[, reverse])`
    Sorted,
    /// `list(iterable)`
    List,
    /// `tuple(iterable)` of a tuple, or of a generator expression over tuples (its
    /// length known when the kernel is built).
    Tuple,
    /// `any(iterable)`
    Any,
    /// `all(iterable)`
    All,
    /// `numpy.ctypeslib.as_array(ptr, n)`
    AsArray,
    /// A `math` function.
    Math(MathFn),
    /// `complex(re[, im])`
    Complex,
    /// `numpy.arange(stop)`, `numpy.arange(start, stop[, step])`
    NpArange,
    /// `numpy.linspace(start, stop[, num])`
    NpLinspace,
    /// `numpy.array(list or tuple of numbers)`
    NpArray(Option<DtypeArg>),
    /// A NumPy scalar type used as a conversion (`np.float32(x)`, `np.int64(n)`).
    NpCast(crate::exports::Dtype),
    /// `numpy.zeros/ones/empty/full(shape[, value], dtype=)` and their `_like` forms.
    NpAlloc(AllocKind, Option<DtypeArg>),
    /// A `cmath` function.
    Cmath(CmathFn),
    /// A NumPy ufunc called as a function (`np.sin(x)`, `np.maximum(a, b)`), on numbers
    /// or arrays.
    Ufunc(Ufunc),
    /// A NumPy reduction of a whole array (`np.sum(a)`); the method forms (`a.sum()`)
    /// stay methods.
    NpReduce(Reduce),
    /// A NumPy reduction along axes, or one with no fused form (`np.sum(a, axis=1)`,
    /// `a.var(ddof=1)`, `np.argmax(a)`, `np.cumsum(a, 0)`), function or method: the
    /// arguments are always `[a, axis, keepdims, ddof]` (`axis`: `None`, an integer or a
    /// tuple of integers; `keepdims` a `bool` literal; `ddof` an integer).
    NpReduceAxis(Reduce),
    /// Sorting and searching; arguments as lowered (`lower::sorting`): `[a, axis]` for
    /// `sort`/`argsort`/`median`/`nanmedian`, `[a, v, right]` for `searchsorted`, `[a,
    /// return_index, return_inverse, return_counts]` for `unique`, `[x, weights,
    /// minlength]` for `bincount`, `[a, kth, axis]` for `partition`/`argpartition`
    /// (`kth` an integer or a tuple of them), `[x, bins, right]` for `digitize`, `[a,
    /// bins, range, density, weights]` for `histogram` (`density` a `bool` literal).
    NpSort(SortFn),
    /// A NumPy shape function (`np.reshape(a, ...)`, `np.transpose(a)`).
    NpShape(ShapeFn),
    /// A product (`np.dot`, `@`, `np.outer`, ...) or `np.trace`.
    NpLinalg(Linalg),
    /// A NumPy function building an array from others (`np.roll`, `np.concatenate`,
    /// `np.flip`, ...); the argument list per function is in `lower/building.rs`.
    NpBuild(Build),
    /// `np.where(cond, a, b)`.
    NpWhere,
    /// A function of masks and index arrays (`np.nonzero(a)`, `np.take(a, idx, axis)`);
    /// the arguments in NumPy's order, an omitted `axis` as `None`.
    NpIndexFn(IndexFn),
    /// `np.clip(a, lo, hi)`.
    NpClip,
    /// `np.real(x)` (`false`) / `np.imag(x)` (`true`): lowered to `x.real` / `x.imag`.
    NpPart(bool),
    /// `a.astype(T)`: the array is the first argument (then `b` of `b.dtype`).
    NpAstype(DtypeArg),
    /// `np.iinfo(a.dtype).<attr>` (`int`) / `np.finfo(a.dtype).<attr>`: a constant of the
    /// array's dtype (the argument). With a NumPy type written out, lowering gives the
    /// constant itself.
    NpInfo {
        /// `iinfo` (else `finfo`).
        int: bool,
        /// The attribute (one of `crate::numpy::info`'s).
        attr: &'static str,
    },
    /// `np.array_equal(a, b)` (`equiv`: `np.array_equiv(a, b)`): the arguments are `[a,
    /// b, every]` with `every` the Python bool `bool(np.all(a == b))` (with
    /// `| (a != a) & (b != b)` for `equal_nan=True`), evaluated only when the shapes
    /// are equal (broadcast, for `equiv`).
    NpArrayEqual {
        /// `np.array_equiv`.
        equiv: bool,
    },
    /// `a.dtype == T` / `a.dtype != T` (`ne`), with `T` a NumPy type or `b.dtype`: the
    /// arguments are the arrays (`a`, then `b` when `fixed` is `None`).
    DtypeEq {
        /// `!=`.
        ne: bool,
        /// The NumPy type compared with, if not another array's dtype.
        fixed: Option<crate::exports::Dtype>,
    },
}

/// The exceptions a kernel can raise with `raise E` / `raise E("message")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Exception {
    Assertion,
    Value,
    Index,
    Type,
    ZeroDivision,
    Overflow,
    Runtime,
    Base,
}

impl Exception {
    /// The exception class named `name` (a builtin), if kernels can raise it.
    pub fn from_name(name: &str) -> Option<Exception> {
        Some(match name {
            "AssertionError" => Exception::Assertion,
            "ValueError" => Exception::Value,
            "IndexError" => Exception::Index,
            "TypeError" => Exception::Type,
            "ZeroDivisionError" => Exception::ZeroDivision,
            "OverflowError" => Exception::Overflow,
            "RuntimeError" => Exception::Runtime,
            "Exception" => Exception::Base,
            _ => return None,
        })
    }

    /// The runtime's `ErrorKind` variant.
    pub fn kind_name(self) -> &'static str {
        match self {
            Exception::Assertion => "Assertion",
            Exception::Value => "Value",
            Exception::Index => "Index",
            Exception::Type => "Type",
            Exception::ZeroDivision => "ZeroDivision",
            Exception::Overflow => "Overflow",
            Exception::Runtime => "Runtime",
            Exception::Base => "Exception",
        }
    }
}

/// The `dtype=` of a NumPy constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DtypeArg {
    /// A NumPy type (`np.float32`, `float`).
    Fixed(crate::exports::Dtype),
    /// `a.dtype`: the array `a` is the call's last argument.
    OfLastArg,
}

/// The array constructors of NumPy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AllocKind {
    Zeros,
    Ones,
    Empty,
    Full,
    ZerosLike,
    OnesLike,
    EmptyLike,
    FullLike,
}

impl AllocKind {
    /// Looks up `numpy.<name>`.
    pub fn from_name(name: &str) -> Option<AllocKind> {
        use AllocKind::*;
        Some(match name {
            "zeros" => Zeros,
            "ones" => Ones,
            "empty" => Empty,
            "full" => Full,
            "zeros_like" => ZerosLike,
            "ones_like" => OnesLike,
            "empty_like" => EmptyLike,
            "full_like" => FullLike,
            _ => return None,
        })
    }

    /// The NumPy name.
    pub fn name(self) -> &'static str {
        use AllocKind::*;
        match self {
            Zeros => "zeros",
            Ones => "ones",
            Empty => "empty",
            Full => "full",
            ZerosLike => "zeros_like",
            OnesLike => "ones_like",
            EmptyLike => "empty_like",
            FullLike => "full_like",
        }
    }

    /// `zeros_like` & co. take an array instead of a shape.
    pub fn like(self) -> bool {
        use AllocKind::*;
        matches!(self, ZerosLike | OnesLike | EmptyLike | FullLike)
    }

    /// `full` and `full_like` take a fill value.
    pub fn takes_value(self) -> bool {
        matches!(self, AllocKind::Full | AllocKind::FullLike)
    }
}

impl Builtin {
    /// Does this call take an iterable (`sum(xs)`, `min(xs)`, `len(xs)`), rather than
    /// numbers? Given the number of arguments and whether the first is a 1-D pointer view
    /// (`len(view)` has its own fast form).
    pub fn over_iterable(self, nargs: usize, first_is_view: bool) -> bool {
        match self {
            Builtin::Sum
            | Builtin::Sorted
            | Builtin::List
            | Builtin::Tuple
            | Builtin::Any
            | Builtin::All => true,
            Builtin::Min | Builtin::Max => nargs == 1,
            Builtin::Len => nargs == 1 && !first_is_view,
            _ => false,
        }
    }
}

/// The item named `name` in a (Python name, item) table.
fn lookup<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The (first) Python name of `item` in a (Python name, item) table.
fn name_of<T: PartialEq>(table: &[(&'static str, T)], item: T) -> &'static str {
    table
        .iter()
        .find(|(_, f)| *f == item)
        .map_or("?", |(n, _)| n)
}

/// Functions of the `cmath` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum CmathFn {
    Sqrt,
    Exp,
    Log,
    Log10,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Phase,
    Polar,
    Rect,
    Isnan,
    Isinf,
    Isfinite,
    Isclose,
}

impl CmathFn {
    const ALL: [(&'static str, CmathFn); 23] = [
        ("sqrt", CmathFn::Sqrt),
        ("exp", CmathFn::Exp),
        ("log", CmathFn::Log),
        ("log10", CmathFn::Log10),
        ("sin", CmathFn::Sin),
        ("cos", CmathFn::Cos),
        ("tan", CmathFn::Tan),
        ("asin", CmathFn::Asin),
        ("acos", CmathFn::Acos),
        ("atan", CmathFn::Atan),
        ("sinh", CmathFn::Sinh),
        ("cosh", CmathFn::Cosh),
        ("tanh", CmathFn::Tanh),
        ("asinh", CmathFn::Asinh),
        ("acosh", CmathFn::Acosh),
        ("atanh", CmathFn::Atanh),
        ("phase", CmathFn::Phase),
        ("polar", CmathFn::Polar),
        ("rect", CmathFn::Rect),
        ("isnan", CmathFn::Isnan),
        ("isinf", CmathFn::Isinf),
        ("isfinite", CmathFn::Isfinite),
        ("isclose", CmathFn::Isclose),
    ];

    /// Looks up `cmath.<name>`.
    pub fn from_name(name: &str) -> Option<CmathFn> {
        lookup(&Self::ALL, name)
    }

    /// The Python (and runtime, in `pykernel::__private::cmath`) name.
    pub fn name(self) -> &'static str {
        name_of(&Self::ALL, self)
    }
}

/// Functions of the `math` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum MathFn {
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
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Floor,
    Ceil,
    Trunc,
    Fabs,
    Fmod,
    Copysign,
    Hypot,
    Pow,
    Isnan,
    Isinf,
    Isfinite,
    Degrees,
    Radians,
    Erf,
    Erfc,
    Gamma,
    Lgamma,
    Cbrt,
    Gcd,
    Factorial,
    Isclose,
    Isqrt,
    Comb,
    Perm,
    Ldexp,
    Frexp,
    Modf,
    Remainder,
    Nextafter,
    Ulp,
}

impl MathFn {
    /// Looks up `math.<name>`.
    pub fn from_name(name: &str) -> Option<MathFn> {
        use MathFn::*;
        Some(match name {
            "sqrt" => Sqrt,
            "exp" => Exp,
            "exp2" => Exp2,
            "expm1" => Expm1,
            "log" => Log,
            "log2" => Log2,
            "log10" => Log10,
            "log1p" => Log1p,
            "sin" => Sin,
            "cos" => Cos,
            "tan" => Tan,
            "asin" => Asin,
            "acos" => Acos,
            "atan" => Atan,
            "atan2" => Atan2,
            "sinh" => Sinh,
            "cosh" => Cosh,
            "tanh" => Tanh,
            "asinh" => Asinh,
            "acosh" => Acosh,
            "atanh" => Atanh,
            "floor" => Floor,
            "ceil" => Ceil,
            "trunc" => Trunc,
            "fabs" => Fabs,
            "fmod" => Fmod,
            "copysign" => Copysign,
            "hypot" => Hypot,
            "pow" => Pow,
            "isnan" => Isnan,
            "isinf" => Isinf,
            "isfinite" => Isfinite,
            "degrees" => Degrees,
            "radians" => Radians,
            "erf" => Erf,
            "erfc" => Erfc,
            "gamma" => Gamma,
            "lgamma" => Lgamma,
            "cbrt" => Cbrt,
            "gcd" => Gcd,
            "factorial" => Factorial,
            "isclose" => Isclose,
            "isqrt" => Isqrt,
            "comb" => Comb,
            "perm" => Perm,
            "ldexp" => Ldexp,
            "frexp" => Frexp,
            "modf" => Modf,
            "remainder" => Remainder,
            "nextafter" => Nextafter,
            "ulp" => Ulp,
            _ => return None,
        })
    }

    /// The runtime function name in `pykernel::__private::math`.
    pub fn rust_name(self) -> &'static str {
        use MathFn::*;
        match self {
            Sqrt => "sqrt",
            Exp => "exp",
            Exp2 => "exp2",
            Expm1 => "expm1",
            Log => "log",
            Log2 => "log2",
            Log10 => "log10",
            Log1p => "log1p",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Asin => "asin",
            Acos => "acos",
            Atan => "atan",
            Atan2 => "atan2",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Asinh => "asinh",
            Acosh => "acosh",
            Atanh => "atanh",
            Floor => "floor",
            Ceil => "ceil",
            Trunc => "trunc",
            Fabs => "fabs",
            Fmod => "fmod",
            Copysign => "copysign",
            Hypot => "hypot",
            Pow => "pow",
            Isnan => "isnan",
            Isinf => "isinf",
            Isfinite => "isfinite",
            Degrees => "degrees",
            Radians => "radians",
            Erf => "erf",
            Erfc => "erfc",
            Gamma => "gamma",
            Lgamma => "lgamma",
            Cbrt => "cbrt",
            Gcd => "gcd",
            Factorial => "factorial",
            Isclose => "isclose",
            Isqrt => "isqrt",
            Comb => "comb",
            Perm => "perm",
            Ldexp => "ldexp",
            Frexp => "frexp",
            Modf => "modf",
            Remainder => "remainder",
            Nextafter => "nextafter",
            Ulp => "ulp",
        }
    }
}

/// Constants of the `cmath` module: `(real part, imaginary part)`.
pub fn cmath_constant(name: &str) -> Option<(f64, f64)> {
    Some(match name {
        "infj" => (0.0, f64::INFINITY),
        "nanj" => (0.0, f64::NAN),
        _ => (math_constant(name)?, 0.0),
    })
}

/// Constants of the `math` module.
pub fn math_constant(name: &str) -> Option<f64> {
    Some(match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    })
}
