//! Lowering of expressions: literals, names, operators, calls, subscripts.

use rustpython_parser::ast;

use super::names::{Imported, resolve_attr, suggest};
use super::{FnLowerer, span_of};
use crate::diagnostics::Span;
use crate::ir::{
    AllocKind, BinOp, Builtin, CmpOp, DtypeArg, Expr, ExprKind, LogicOp, Stmt, Target, UnaryOp,
};
use crate::messages::kernel as msg;

/// Python builtins usable in kernels.
/// The longest run of `and`/`or` operands lowered as one left-nested chain.
const LOGIC_RUN: usize = 48;

pub(super) const BUILTINS: &[(&str, Builtin)] = &[
    ("abs", Builtin::Abs),
    ("min", Builtin::Min),
    ("max", Builtin::Max),
    ("int", Builtin::Int),
    ("float", Builtin::Float),
    ("bool", Builtin::Bool),
    ("len", Builtin::Len),
    ("divmod", Builtin::Divmod),
    ("pow", Builtin::Pow),
    ("round", Builtin::Round),
    ("sum", Builtin::Sum),
    ("sorted", Builtin::Sorted),
    ("list", Builtin::List),
    ("tuple", Builtin::Tuple),
    ("any", Builtin::Any),
    ("all", Builtin::All),
    ("complex", Builtin::Complex),
    ("print", Builtin::Print),
];

/// Maps a Python operator.
pub(super) fn bin_op(op: ast::Operator) -> Option<BinOp> {
    Some(match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::LShift => BinOp::Shl,
        ast::Operator::RShift => BinOp::Shr,
        ast::Operator::MatMult => return None,
    })
}

/// What a dotted name refers to, when it is not a local value.
pub(super) enum Resolved {
    Import(Imported),
    Builtin(Builtin),
    Function(String),
}

impl FnLowerer<'_, '_> {
    /// A new expression with a fresh id.
    pub(super) fn mk_expr(&mut self, span: Span, kind: ExprKind) -> Expr {
        self.mk(span, kind)
    }

    pub(super) fn mk(&mut self, span: Span, kind: ExprKind) -> Expr {
        let id = self.next_id;
        self.next_id += 1;
        Expr { id, span, kind }
    }

    fn boxed(&mut self, e: &ast::Expr) -> Option<Box<Expr>> {
        self.expr(e).map(Box::new)
    }

    /// Lowers an expression; `None` after reporting an error.
    pub(super) fn expr(&mut self, e: &ast::Expr) -> Option<Expr> {
        let span = span_of(e);
        let kind = match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => match i.to_string().parse::<i64>() {
                    Ok(v) => ExprKind::Int(v),
                    Err(_) => {
                        self.error(span, msg::int_literal_too_large());
                        return None;
                    }
                },
                ast::Constant::Float(f) => ExprKind::Float(*f),
                ast::Constant::Bool(b) => ExprKind::Bool(*b),
                ast::Constant::None => ExprKind::None,
                ast::Constant::Ellipsis => ExprKind::Ellipsis,
                ast::Constant::Complex { real, imag } if *real == 0.0 => ExprKind::Imag(*imag),
                ast::Constant::Complex { .. } => {
                    return self.unsupported(span, "this complex literal");
                }
                ast::Constant::Str(_) | ast::Constant::Bytes(_) => {
                    return self.unsupported(span, "strings");
                }
                _ => return self.unsupported(span, "this constant"),
            },
            ast::Expr::Name(n) => return self.name(n.id.as_str(), span),
            ast::Expr::Attribute(a) if self.info_call(&a.value).is_some() => {
                return self.info_attr(a, span);
            }
            ast::Expr::Attribute(a) => match self.resolve(e) {
                Some(Resolved::Import(Imported::NoneValue)) => ExprKind::None,
                Some(Resolved::Import(Imported::Const(c))) => ExprKind::Float(c),
                Some(Resolved::Import(Imported::Imag(c))) => ExprKind::Imag(c),
                _ if self.is_value(&a.value) => {
                    ExprKind::Attr(self.boxed(&a.value)?, a.attr.to_string())
                }
                _ => return self.unsupported_path(e, span),
            },
            ast::Expr::BinOp(b) => {
                let (l, r) = (self.boxed(&b.left), self.boxed(&b.right));
                match bin_op(b.op) {
                    Some(op) => ExprKind::Binary(op, l?, r?),
                    // `a @ b` is `np.matmul(a, b)`.
                    None => ExprKind::CallBuiltin(
                        Builtin::NpLinalg(crate::ir::Linalg::Matmul),
                        vec![*l?, *r?],
                    ),
                }
            }
            ast::Expr::UnaryOp(u) => {
                let op = match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                };
                // Fold `-<int literal>` so that -9223372036854775808 is representable.
                if let (UnaryOp::Neg, ast::Expr::Constant(c)) = (op, u.operand.as_ref())
                    && let ast::Constant::Int(i) = &c.value
                    && let Ok(v) = format!("-{i}").parse::<i64>()
                {
                    return Some(self.mk(span, ExprKind::Int(v)));
                }
                ExprKind::Unary(op, self.boxed(&u.operand)?)
            }
            ast::Expr::Compare(c) => {
                if let Some(e) = self.dtype_compare(c, span)? {
                    return Some(e);
                }
                let left = self.boxed(&c.left);
                let mut rest = Vec::new();
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    let op = match op {
                        ast::CmpOp::Eq => CmpOp::Eq,
                        ast::CmpOp::NotEq => CmpOp::Ne,
                        ast::CmpOp::Lt => CmpOp::Lt,
                        ast::CmpOp::LtE => CmpOp::Le,
                        ast::CmpOp::Gt => CmpOp::Gt,
                        ast::CmpOp::GtE => CmpOp::Ge,
                        ast::CmpOp::Is => CmpOp::Is,
                        ast::CmpOp::IsNot => CmpOp::IsNot,
                        ast::CmpOp::In => CmpOp::In,
                        ast::CmpOp::NotIn => CmpOp::NotIn,
                    };
                    rest.push((op, self.expr(right)));
                }
                let rest = rest
                    .into_iter()
                    .map(|(op, e)| e.map(|e| (op, e)))
                    .collect::<Option<Vec<_>>>();
                ExprKind::Compare(left?, rest?)
            }
            ast::Expr::BoolOp(b) => {
                let op = match b.op {
                    ast::BoolOp::And => LogicOp::And,
                    ast::BoolOp::Or => LogicOp::Or,
                };
                let values: Vec<_> = b.values.iter().map(|v| self.expr(v)).collect();
                let mut values = values.into_iter().collect::<Option<Vec<_>>>()?;
                // `a and b and c` is `(a and b) and c`. Both operators are associative, so
                // a long chain becomes a tree of short left-nested runs: its depth stays
                // small for the recursive passes and for rustc (CPython takes any length).
                while values.len() > 1 {
                    let mut runs = Vec::new();
                    let mut rest = values.into_iter();
                    while let Some(mut acc) = rest.next() {
                        for _ in 1..LOGIC_RUN {
                            let Some(v) = rest.next() else { break };
                            let s = acc.span.to(v.span);
                            acc = self.mk(s, ExprKind::Logic(op, Box::new(acc), Box::new(v)));
                        }
                        runs.push(acc);
                    }
                    values = runs;
                }
                return values.pop();
            }
            ast::Expr::IfExp(i) => {
                let (c, a, b) = (
                    self.boxed(&i.test),
                    self.boxed(&i.body),
                    self.boxed(&i.orelse),
                );
                ExprKind::IfExp(c?, a?, b?)
            }
            ast::Expr::Call(c) => return self.call(c, span),
            ast::Expr::Subscript(s) => {
                let base = self.boxed(&s.value);
                match s.slice.as_ref() {
                    ast::Expr::Slice(sl) => {
                        let (lo, hi, st) = self.slice_parts(sl)?;
                        ExprKind::Slice(base?, lo.map(Box::new), hi.map(Box::new), st.map(Box::new))
                    }
                    idx => {
                        let idx = self.boxed(idx);
                        ExprKind::Index(base?, idx?)
                    }
                }
            }
            ast::Expr::Tuple(t) => ExprKind::Tuple(self.args(&t.elts)?),
            // Only inside a subscript (`a[1:, 0]`); the parser puts them nowhere else.
            ast::Expr::Slice(sl) => {
                let (lo, hi, st) = self.slice_parts(sl)?;
                ExprKind::SliceSpec(lo.map(Box::new), hi.map(Box::new), st.map(Box::new))
            }
            ast::Expr::List(l) => ExprKind::List(self.args(&l.elts)?),
            ast::Expr::ListComp(c) => {
                return self.comprehension(&c.elt, &c.generators, span, false);
            }
            ast::Expr::Dict(_) | ast::Expr::DictComp(_) => return self.unsupported(span, "dicts"),
            ast::Expr::Set(_) | ast::Expr::SetComp(_) => return self.unsupported(span, "sets"),
            ast::Expr::Lambda(_) => return self.unsupported(span, "lambdas"),
            ast::Expr::GeneratorExp(_) => {
                return self.unsupported(
                    span,
                    "generator expressions outside `sum`, `min`, `max`, `sorted`, `list`, `any`, `all`",
                );
            }
            ast::Expr::JoinedStr(_) | ast::Expr::FormattedValue(_) => {
                return self.unsupported(span, "f-strings");
            }
            ast::Expr::NamedExpr(_) => return self.unsupported(span, "`:=`"),
            _ => return self.unsupported(span, "this expression"),
        };
        Some(self.mk(span, kind))
    }

    fn unsupported(&mut self, span: Span, what: &str) -> Option<Expr> {
        self.error(span, msg::unsupported_expression(what));
        None
    }

    fn unsupported_path(&mut self, e: &ast::Expr, span: Span) -> Option<Expr> {
        // A name the module does not have (`math.sqr`): Python's AttributeError.
        if let ast::Expr::Attribute(a) = e
            && let Some(Resolved::Import(Imported::Module(m))) = self.resolve(&a.value)
            && let Some(names) = super::module_names::of(&m)
            && !names.contains(&a.attr.as_str())
        {
            let attr = a.attr.as_str();
            let close = super::names::suggest(attr, names.iter().copied());
            self.error(span, msg::no_attribute(&m, attr, close));
            return None;
        }
        // `np.zeros` without `import numpy as np`: Python's NameError, not a gap.
        let mut root = e;
        while let ast::Expr::Attribute(a) = root {
            root = &a.value;
        }
        if let ast::Expr::Name(n) = root
            && !std::ptr::eq(root, e)
            && self.resolve(root).is_none()
            && !self.locals.contains(n.id.as_str())
            && !self.ctx.constants.contains_key(n.id.as_str())
        {
            let import = match n.id.as_str() {
                "np" => Some("import numpy as np"),
                "numpy" => Some("import numpy"),
                "math" => Some("import math"),
                "cmath" => Some("import cmath"),
                _ => None,
            };
            self.error(
                span_of(root),
                msg::module_not_imported(n.id.as_str(), import),
            );
            return None;
        }
        let path = dotted(e).unwrap_or_else(|| "this attribute".to_owned());
        self.error(span, msg::unsupported_function(&path));
        None
    }

    fn name(&mut self, name: &str, span: Span) -> Option<Expr> {
        if self.renames.iter().any(|(n, _)| n == name) {
            return Some(self.mk(span, ExprKind::Local(self.local_name(name))));
        }
        if self.locals.contains(name) {
            return Some(self.mk(span, ExprKind::Local(name.to_owned())));
        }
        if let Some(c) = self.ctx.constants.get(name).copied() {
            // Module constants are inlined at each use (they are pure expressions).
            if self.const_depth > 16 {
                return self.unsupported(span, "this recursive constant");
            }
            self.const_depth += 1;
            let mut e = self.expr(c);
            self.const_depth -= 1;
            if let Some(e) = &mut e {
                e.span = span;
            }
            return e;
        }
        match self.import(name) {
            Some(Imported::NoneValue) => return Some(self.mk(span, ExprKind::None)),
            Some(Imported::Const(c)) => return Some(self.mk(span, ExprKind::Float(*c))),
            Some(Imported::Imag(c)) => return Some(self.mk(span, ExprKind::Imag(*c))),
            Some(_) => return self.unsupported(span, &format!("using `{name}` as a value")),
            None => {}
        }
        // Only a spelling CPython normalizes (`Ｔrue`) reaches here as a name: it is the
        // builtin constant, unless assigned (a local, above).
        match name {
            "True" | "False" => return Some(self.mk(span, ExprKind::Bool(name == "True"))),
            "None" => return Some(self.mk(span, ExprKind::None)),
            _ => {}
        }
        if self.lambda(name).is_some()
            || self.ctx.functions.contains(name)
            || BUILTINS.iter().any(|(n, _)| *n == name)
        {
            return self.unsupported(span, &format!("using the function `{name}` as a value"));
        }
        let candidates: Vec<&str> = self
            .locals
            .iter()
            .map(String::as_str)
            .chain(self.ctx.constants.keys().map(String::as_str))
            .chain(self.ctx.functions.iter().map(String::as_str))
            .chain(self.ctx.imports.keys().map(String::as_str))
            .chain(self.imports.keys().map(String::as_str))
            .collect();
        self.error(span, msg::unknown_name(name, suggest(name, candidates)));
        None
    }

    /// `np.copyto(dst, src)` as a statement: `dst[...] = src` (NumPy's `same_kind`
    /// casting and broadcasting, as a slice store).
    pub(super) fn copyto(&mut self, c: &ast::ExprCall, span: Span) -> Option<Option<Stmt>> {
        let is_copyto = matches!(
            self.resolve(&c.func),
            Some(Resolved::Import(Imported::Other(ref p))) if p == "numpy.copyto"
        );
        if !is_copyto {
            return None;
        }
        Some((|| {
            let ([dst, src], []) = (c.args.as_slice(), c.keywords.as_slice()) else {
                self.error(span, msg::call_arity("numpy.copyto", 2, c.args.len()));
                return None;
            };
            let base = self.expr(dst)?;
            let value = self.expr(src)?;
            let index = self.mk(span_of(dst), ExprKind::Ellipsis);
            Some(Stmt::Assign {
                target: Target::Index {
                    base,
                    index,
                    span: span_of(dst),
                },
                value,
                span,
            })
        })())
    }

    /// Resolves a callee or attribute path that is not a local value.
    fn lambda_named(&self, e: &ast::Expr) -> Option<&super::lambdas::Lambda<'_>> {
        match e {
            ast::Expr::Name(n) => self.lambda(n.id.as_str()),
            _ => None,
        }
    }

    pub(super) fn resolve(&self, e: &ast::Expr) -> Option<Resolved> {
        match e {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                if let Some(g) = self.aliases.get(name) {
                    return Some(Resolved::Function(g.clone()));
                }
                if let Some((_, spelling)) = self.dtype_aliases.get(name) {
                    return self.dtype_alias_target(spelling);
                }
                if let Some(l) = self.lambda(name) {
                    return Some(Resolved::Function(l.lifted.clone()));
                }
                if let Some(n) = self.nested(name) {
                    return Some(Resolved::Function(n.lifted.clone()));
                }
                if self.locals.contains(name) || self.ctx.constants.contains_key(name) {
                    return None;
                }
                if self.ctx.functions.contains(name) {
                    return Some(Resolved::Function(name.to_owned()));
                }
                if let Some(i) = self.import(name) {
                    return Some(Resolved::Import(i.clone()));
                }
                BUILTINS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, b)| Resolved::Builtin(*b))
            }
            ast::Expr::Attribute(a) => match self.resolve(&a.value)? {
                Resolved::Import(Imported::Module(m)) => {
                    Some(Resolved::Import(resolve_attr(&m, a.attr.as_str())))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Is `e` a value (a local, a constant, an expression), not a module or function?
    fn is_value(&self, e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                self.renames.iter().any(|(r, _)| r == name)
                    || self.locals.contains(name)
                    || self.ctx.constants.contains_key(name)
            }
            ast::Expr::Attribute(_) => self.resolve(e).is_none(),
            _ => true,
        }
    }

    /// `value.name(args)`: a method call on a value.
    fn method_call(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
        span: Span,
    ) -> Option<Expr> {
        // `a.astype(T)`: the dtype is known when compiling.
        if a.attr.as_str() == "astype" && c.args.len() == 1 && c.keywords.is_empty() {
            let recv = self.expr(&a.value)?;
            let (d, source) = self.dtype_arg(&c.args[0])?;
            let args = std::iter::once(recv).chain(source).collect();
            return Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpAstype(d), args)));
        }
        // `a.sum(axis=1)`, `a.var()`, `a.argmax()`: reductions with arguments, or with
        // no fused form.
        if let Some(r) = crate::ir::Reduce::from_name(a.attr.as_str()).filter(|r| r.is_method())
            && (!c.args.is_empty() || !c.keywords.is_empty() || !r.fusable())
        {
            let recv = self.expr(&a.value)?;
            return self.reduction(r, Some(recv), c, span);
        }
        // `a.argsort()`, `a.searchsorted(v)`, `a.argpartition(k)` (`sort` is also a list
        // method: it stays a method, typed by its receiver).
        if let Some(f) = crate::ir::SortFn::from_name(a.attr.as_str()).filter(|f| {
            matches!(
                f,
                crate::ir::SortFn::Argsort
                    | crate::ir::SortFn::Searchsorted
                    | crate::ir::SortFn::Argpartition
            )
        }) {
            let recv = self.expr(&a.value)?;
            return self.sort_call(f, Some(recv), c, span);
        }
        // `a.partition(kth, axis=-1)`: in place, the method `partition` with `[kth, axis]`.
        if a.attr.as_str() == "partition" {
            let recv = self.expr(&a.value)?;
            let call = self.sort_call(crate::ir::SortFn::Partition, Some(recv), c, span)?;
            if let ExprKind::CallBuiltin(_, mut args) = call.kind {
                let recv = args.remove(0);
                return Some(self.mk(
                    span,
                    ExprKind::Method(Box::new(recv), "partition".into(), args),
                ));
            }
        }
        // `a.dot(b)`, `a.trace()`: the functions, with the receiver first.
        if let Some(l) =
            crate::ir::Linalg::from_method(a.attr.as_str(), c.args.len(), c.keywords.len())
        {
            let recv = self.expr(&a.value)?;
            let args = std::iter::once(Some(recv))
                .chain(c.args.iter().map(|x| self.expr(x)))
                .collect::<Option<Vec<_>>>()?;
            return Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpLinalg(l), args)));
        }
        // `a.repeat(k, axis=...)`: `np.repeat` with the receiver.
        if a.attr.as_str() == "repeat" {
            let recv = self.expr(&a.value)?;
            return self.building(crate::ir::Build::Repeat, Some(recv), c, span);
        }
        // `a.diagonal(offset, axis1, axis2)`: `np.diagonal` with the receiver.
        if a.attr.as_str() == "diagonal" {
            let recv = self.expr(&a.value)?;
            return self.building(crate::ir::Build::Diagonal, Some(recv), c, span);
        }
        // `a.nonzero()`, `a.take(idx, axis=0)`, ...
        if let Some(f) = super::fancy::index_method(a.attr.as_str()) {
            let recv = self.expr(&a.value)?;
            return self.index_fn(f, Some(recv), c, span);
        }
        let recv = self.boxed(&a.value);
        let mut args = self.args(&c.args)?;
        for k in &c.keywords {
            match (a.attr.as_str(), k.arg.as_deref()) {
                // `a.sort(reverse=True)`: the flag is the method's one argument; so is
                // an array's `a.sort(axis=0)`.
                ("sort", Some("reverse" | "axis")) if args.is_empty() => {
                    args.push(self.expr(&k.value)?)
                }
                (_, other) => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        Some(self.mk(span, ExprKind::Method(recv?, a.attr.to_string(), args)))
    }

    /// Builtins that consume an iterable: `sum(it, start)`, `sorted(it, reverse=...)`,
    /// `min(it)`, `list(it)`, `any(it)`, ...
    fn iterable_builtin(&mut self, b: Builtin, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let mut args = Vec::new();
        for (k, a) in c.args.iter().enumerate() {
            args.push(if k == 0 {
                self.iterable_arg(a)?
            } else {
                self.expr(a)?
            });
        }
        for k in &c.keywords {
            match (b, k.arg.as_deref()) {
                (Builtin::Sorted, Some("reverse")) | (Builtin::Sum, Some("start"))
                    if args.len() == 1 =>
                {
                    args.push(self.expr(&k.value)?)
                }
                (_, other) => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        Some(self.mk(span, ExprKind::CallBuiltin(b, args)))
    }

    /// `print(*values, sep=' ', end='\n')`: `CallBuiltin(Print, [sep, end, values...])`,
    /// string literals as [`ExprKind::Str`] (the only place they are allowed).
    fn print_call(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let text = |e: &ast::Expr| match e {
            ast::Expr::Constant(k) => match &k.value {
                ast::Constant::Str(s) => Some(Some(s.clone())),
                ast::Constant::None => Some(None),
                _ => None,
            },
            _ => None,
        };
        let mut sep = " ".to_owned();
        let mut end = "\n".to_owned();
        for k in &c.keywords {
            let slot = match k.arg.as_deref() {
                Some("sep") => &mut sep,
                Some("end") => &mut end,
                other => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            };
            match text(&k.value) {
                Some(Some(s)) => *slot = s,
                Some(None) => {}
                None => {
                    return self.unsupported(
                        span_of(&k.value),
                        "a `sep=`/`end=` of `print` other than a string literal or None",
                    );
                }
            }
        }
        let mut args = vec![
            self.mk(span, ExprKind::Str(sep)),
            self.mk(span, ExprKind::Str(end)),
        ];
        for a in &c.args {
            args.push(match a {
                ast::Expr::Starred(_) => {
                    return self.unsupported(span_of(a), "`*args` in a call to `print`");
                }
                ast::Expr::JoinedStr(_) => {
                    return self.unsupported(span_of(a), "f-strings");
                }
                _ => match text(a) {
                    Some(Some(s)) => self.mk(span_of(a), ExprKind::Str(s)),
                    _ => self.expr(a)?,
                },
            });
        }
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::Print, args)))
    }

    fn call(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        if let ast::Expr::Attribute(a) = c.func.as_ref()
            && self.is_value(&a.value)
        {
            return self.method_call(c, a, span);
        }
        let callee = self.resolve(&c.func);
        let builtin = match callee {
            Some(Resolved::Function(name)) => {
                let (name, mut args) = self.bind_call_args(&name, c, span)?;
                // A lambda or nested `def` of this function also gets the locals it
                // reads, now.
                let captures = match c.func.as_ref() {
                    ast::Expr::Name(n) => self
                        .alias_captures
                        .get(n.id.as_str())
                        .cloned()
                        .or_else(|| self.lambda_named(&c.func).map(|l| l.captures.clone()))
                        .or_else(|| self.nested(n.id.as_str()).map(|d| d.captures.clone())),
                    _ => None,
                };
                for cap in captures.unwrap_or_default() {
                    args.push(self.mk(span, ExprKind::Local(cap)));
                }
                return Some(self.mk(span, ExprKind::CallUser(name, args)));
            }
            Some(Resolved::Builtin(b)) | Some(Resolved::Import(Imported::Func(b))) => b,
            Some(Resolved::Import(Imported::Other(ref p)))
                if p == "numpy.isclose" || p == "numpy.allclose" =>
            {
                return self.isclose(c, p == "numpy.allclose", span);
            }
            Some(Resolved::Import(Imported::Other(ref p))) if p == "numpy.einsum" => {
                return self.einsum(c, span);
            }
            Some(Resolved::Import(Imported::Other(ref p)))
                if p == "numpy.array_equal" || p == "numpy.array_equiv" =>
            {
                return self.array_equal(c, p == "numpy.array_equiv", span);
            }
            _ => {
                if let ast::Expr::Name(n) = c.func.as_ref()
                    && super::iter::ITERATOR_BUILTINS.contains(&n.id.as_str())
                    && !self.shadowed(n.id.as_str())
                {
                    self.error(span, msg::range_outside_for(n.id.as_str()));
                    return None;
                }
                if matches!(c.func.as_ref(), ast::Expr::Name(_)) && self.resolve(&c.func).is_none()
                {
                    if let ast::Expr::Name(n) = c.func.as_ref()
                        && !self.locals.contains(n.id.as_str())
                    {
                        return self.name(n.id.as_str(), span_of(c.func.as_ref()));
                    }
                    return self.unsupported(span_of(c.func.as_ref()), "calling a variable");
                }
                return self.unsupported_path(&c.func, span_of(c.func.as_ref()));
            }
        };
        if builtin == Builtin::AsArray {
            return self.as_array(c, span);
        }
        if builtin == Builtin::Print {
            return self.print_call(c, span);
        }
        if let Builtin::NpAlloc(kind, _) = builtin {
            return self.np_alloc(kind, c, span);
        }
        if let Builtin::NpArray(_) = builtin {
            return self.np_array(c, span);
        }
        if builtin == Builtin::NpLinspace
            && let Some(k) = c.keywords.first()
        {
            // `num=` is the one keyword: make it the third positional argument.
            if k.arg.as_deref() == Some("num") && c.args.len() == 2 && c.keywords.len() == 1 {
                let mut args = self.args(&c.args)?;
                args.push(self.expr(&k.value)?);
                return Some(self.mk(span, ExprKind::CallBuiltin(builtin, args)));
            }
        }
        if let Builtin::NpReduce(r) = builtin {
            return self.reduction(r, None, c, span);
        }
        if let Builtin::NpSort(f) = builtin {
            return self.sort_call(f, None, c, span);
        }
        if let Builtin::NpBuild(f) = builtin {
            return self.building(f, None, c, span);
        }
        if let Builtin::NpIndexFn(f) = builtin {
            return self.index_fn(f, None, c, span);
        }
        // `np.where(c)`: `np.nonzero(c)`.
        if builtin == Builtin::NpWhere && c.args.len() == 1 && c.keywords.is_empty() {
            return self.index_fn(crate::ir::IndexFn::Nonzero, None, c, span);
        }
        // Types are not known yet: `len(x)` of a view also takes this path (harmless).
        if builtin.over_iterable(c.args.len(), false) {
            return self.iterable_builtin(builtin, c, span);
        }
        if let Some(e) = self.numpy_function(builtin, c, span) {
            return e;
        }
        if let Some(k) = c.keywords.first() {
            self.error(
                span_of(k),
                msg::unsupported_keyword(k.arg.as_deref().unwrap_or("**")),
            );
            return None;
        }
        let args = self.args(&c.args)?;
        Some(self.mk(span, ExprKind::CallBuiltin(builtin, args)))
    }

    /// `np.round(x, decimals=0)`, `np.angle(z, deg=False)` (`deg` a literal),
    /// `np.real(x)` and `np.imag(x)` (`x.real`, `x.imag`); `None` for other builtins.
    fn numpy_function(
        &mut self,
        builtin: Builtin,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<Option<Expr>> {
        use crate::ir::Ufunc;
        let (param, default) = match builtin {
            Builtin::Ufunc(Ufunc::Round) => ("decimals", ExprKind::Int(0)),
            Builtin::Ufunc(Ufunc::Angle) => ("deg", ExprKind::Bool(false)),
            Builtin::NpPart(_) => ("", ExprKind::None),
            _ => return None,
        };
        Some((|| {
            let mut args = self.args(&c.args)?;
            for k in &c.keywords {
                if k.arg.as_deref() != Some(param) || param.is_empty() || args.len() != 1 {
                    self.error(
                        span_of(k),
                        msg::unsupported_keyword(k.arg.as_deref().unwrap_or("**")),
                    );
                    return None;
                }
                args.push(self.expr(&k.value)?);
            }
            let max = if param.is_empty() { 1 } else { 2 };
            if args.is_empty() || args.len() > max {
                let name = match builtin {
                    Builtin::NpPart(false) => "real",
                    Builtin::NpPart(true) => "imag",
                    Builtin::Ufunc(u) => u.name(),
                    _ => "function",
                };
                self.error(span, msg::call_arity(name, max, args.len()));
                return None;
            }
            if args.len() == 1 && !param.is_empty() {
                args.push(self.mk(span, default));
            }
            match builtin {
                Builtin::NpPart(imag) => {
                    let part = if imag { "imag" } else { "real" };
                    let x = args.pop()?;
                    Some(self.mk(span, ExprKind::Attr(Box::new(x), part.into())))
                }
                Builtin::Ufunc(Ufunc::Angle) => {
                    let u = match args[1].kind {
                        ExprKind::Bool(false) | ExprKind::Int(0) => Ufunc::Angle,
                        ExprKind::Bool(true) | ExprKind::Int(1) => Ufunc::AngleDeg,
                        _ => {
                            self.error(
                                args[1].span,
                                msg::unsupported_expression("`deg` that is not `True` or `False`"),
                            );
                            return None;
                        }
                    };
                    args.truncate(1);
                    Some(self.mk(span, ExprKind::CallBuiltin(Builtin::Ufunc(u), args)))
                }
                _ => Some(self.mk(span, ExprKind::CallBuiltin(builtin, args))),
            }
        })())
    }

    /// Matches positional and keyword arguments to the callee's parameters, filling in
    /// defaults (evaluated in module scope, where Python evaluated them).
    fn bind_call_args(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
        span: Span,
    ) -> Option<(String, Vec<Expr>)> {
        let sig = self.ctx.signatures.get(name).cloned().unwrap_or_default();
        if c.args.len() > sig.len() {
            self.error(span, msg::call_arity(name, sig.len(), c.args.len()));
            return None;
        }
        // A slot holds an argument, or a function passed (bound in a copy of the callee).
        let mut slots: Vec<Option<Result<Expr, super::fnargs::FnArg>>> =
            Vec::with_capacity(sig.len());
        for a in &c.args {
            if let ast::Expr::Starred(_) = a {
                return self
                    .unsupported(span_of(a), "`*args` in calls")
                    .map(|_| (String::new(), Vec::new()));
            }
            slots.push(Some(match self.function_arg(a) {
                Some(g) => Err(g),
                None => Ok(self.expr(a)?),
            }));
        }
        slots.resize_with(sig.len(), || None);
        for k in &c.keywords {
            let Some(kw) = k.arg.as_deref() else {
                return self
                    .unsupported(span_of(k), "`**kwargs` in calls")
                    .map(|_| (String::new(), Vec::new()));
            };
            let Some(i) = sig.iter().position(|(p, _)| p == kw) else {
                self.error(span_of(k), msg::unknown_keyword(name, kw));
                return None;
            };
            if slots[i].is_some() {
                self.error(span_of(k), msg::duplicate_argument(name, kw));
                return None;
            }
            slots[i] = Some(match self.function_arg(&k.value) {
                Some(g) => Err(g),
                None => Ok(self.expr(&k.value)?),
            });
        }
        let mut out = Vec::with_capacity(sig.len());
        let mut fixed = Vec::new();
        for (i, (slot, (pname, default))) in slots.into_iter().zip(&sig).enumerate() {
            match (slot, default) {
                (Some(Ok(e)), _) => out.push(e),
                (Some(Err(g)), _) => fixed.push((i, g)),
                (None, Some(d)) => {
                    // Defaults see module names only, not the caller's locals.
                    let saved = std::mem::take(&mut self.locals);
                    let aliases = std::mem::take(&mut self.aliases);
                    let g = self.function_arg(d);
                    let e = if g.is_none() { self.expr(d) } else { None };
                    self.locals = saved;
                    self.aliases = aliases;
                    if let Some(g) = g {
                        fixed.push((i, g));
                        continue;
                    }
                    let mut e = e?;
                    e.span = span;
                    out.push(e);
                }
                (None, None) => {
                    self.error(span, msg::missing_argument(name, pname));
                    return None;
                }
            }
        }
        // The values the functions passed capture, after the other arguments (the copy's
        // parameters are in this order).
        for (_, a) in &fixed {
            for c in &a.captures {
                out.push(self.mk(span, ExprKind::Local(c.clone())));
            }
        }
        let callee = self.specialized(name, &fixed);
        Some((callee, out))
    }

    pub(super) fn args(&mut self, args: &[ast::Expr]) -> Option<Vec<Expr>> {
        let lowered: Vec<_> = args.iter().map(|a| self.expr(a)).collect();
        lowered.into_iter().collect()
    }

    /// `as_array(ptr, n)`, `as_array(ptr, (n,))`, `as_array(ptr, shape=(n,))`.
    fn as_array(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let mut shape = None;
        for k in &c.keywords {
            match k.arg.as_deref() {
                Some("shape") if shape.is_none() && c.args.len() == 1 => shape = Some(&k.value),
                other => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        let (ptr, shape) = match (c.args.as_slice(), shape) {
            ([p], Some(s)) => (p, s),
            ([p, s], None) => (p, s),
            _ => {
                self.error(
                    span,
                    msg::builtin_arity("as_array", "2", c.args.len() + c.keywords.len()),
                );
                return None;
            }
        };
        let n = match shape {
            ast::Expr::Tuple(t) if t.elts.len() == 1 => &t.elts[0],
            ast::Expr::Tuple(t) => {
                return self.unsupported(span_of(t), "`as_array` with more than one dimension");
            }
            other => other,
        };
        let args = vec![self.expr(ptr)?, self.expr(n)?];
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::AsArray, args)))
    }
}

impl FnLowerer<'_, '_> {
    /// `np.zeros(shape, dtype=...)`, `np.full(shape, value)`, `np.zeros_like(a)`, ...
    fn np_alloc(&mut self, kind: AllocKind, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let n_pos = 1 + usize::from(kind.takes_value());
        let like = kind.name().ends_with("_like");
        let mut dtype_expr = None;
        // `shape=` / `fill_value=` as keywords take their positional places.
        let mut pos: Vec<&ast::Expr> = c.args.iter().collect();
        for k in &c.keywords {
            match k.arg.as_deref() {
                Some("dtype") if dtype_expr.is_none() => dtype_expr = Some(&k.value),
                Some("shape") if !like && pos.is_empty() => pos.push(&k.value),
                Some("fill_value") if kind.takes_value() && pos.len() == 1 => pos.push(&k.value),
                other => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        if pos.len() == n_pos + 1 && dtype_expr.is_none() {
            dtype_expr = pos.last().copied();
        } else if pos.len() != n_pos {
            let name = format!("numpy.{}", kind.name());
            self.error(
                span,
                msg::builtin_arity(&name, &n_pos.to_string(), c.args.len()),
            );
            return None;
        }
        let (dtype, source) = match dtype_expr {
            None => (None, None),
            Some(d) => {
                let (d, source) = self.dtype_arg(d)?;
                (Some(d), source)
            }
        };
        let mut args = pos[..n_pos]
            .iter()
            .map(|e| self.expr(e))
            .collect::<Option<Vec<_>>>()?;
        args.extend(source);
        Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::NpAlloc(kind, dtype), args),
        ))
    }

    /// `np.array([a, b, c])` / `np.array((a, b), dtype=...)`.
    fn np_array(&mut self, c: &ast::ExprCall, span: Span) -> Option<Expr> {
        let mut dtype = None;
        let mut source = None;
        for k in &c.keywords {
            match k.arg.as_deref() {
                Some("dtype") if dtype.is_none() => {
                    let (d, s) = self.dtype_arg(&k.value)?;
                    dtype = Some(d);
                    source = s;
                }
                other => {
                    self.error(span_of(k), msg::unsupported_keyword(other.unwrap_or("**")));
                    return None;
                }
            }
        }
        let [arg] = c.args.as_slice() else {
            self.error(span, msg::builtin_arity("numpy.array", "1", c.args.len()));
            return None;
        };
        let arg = self.iterable_arg(arg)?;
        let args = std::iter::once(arg).chain(source).collect();
        Some(self.mk(span, ExprKind::CallBuiltin(Builtin::NpArray(dtype), args)))
    }

    /// A `dtype=` argument: a NumPy type, or `a.dtype` (whose array `a` is returned, to
    /// be passed as the call's last argument).
    pub(super) fn dtype_arg(&mut self, e: &ast::Expr) -> Option<(DtypeArg, Option<Expr>)> {
        if let Some(d) = self.dtype_of(e) {
            return Some((DtypeArg::Fixed(d), None));
        }
        if let Some(a) = self.dtype_source(e) {
            return Some((DtypeArg::OfLastArg, Some(self.expr(a)?)));
        }
        self.error(
            span_of(e),
            msg::unsupported_expression(
                "this dtype (write e.g. `np.float64`, `np.int32`, `float`, `int`, `a.dtype`)",
            ),
        );
        None
    }

    /// `a` of `a.dtype`, with `a` a variable.
    fn dtype_source<'e>(&self, e: &'e ast::Expr) -> Option<&'e ast::Expr> {
        match e {
            ast::Expr::Attribute(a)
                if a.attr.as_str() == "dtype"
                    && matches!(a.value.as_ref(), ast::Expr::Name(_))
                    && self.is_value(&a.value) =>
            {
                Some(&a.value)
            }
            _ => None,
        }
    }

    /// `a.dtype == T` or `a.dtype != T` (either side), with `T` a NumPy type or `b.dtype`.
    pub(super) fn dtype_compare(
        &mut self,
        c: &ast::ExprCompare,
        span: Span,
    ) -> Option<Option<Expr>> {
        let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else {
            return Some(None);
        };
        let ne = match op {
            ast::CmpOp::Eq => false,
            ast::CmpOp::NotEq => true,
            _ => return Some(None),
        };
        let left = c.left.as_ref();
        let (array, other) = match (self.dtype_source(left), self.dtype_source(right)) {
            (Some(a), _) => (a, right),
            (None, Some(b)) => (b, left),
            _ => return Some(None),
        };
        let mut args = vec![self.expr(array)?];
        let fixed = match (self.dtype_of(other), self.dtype_source(other)) {
            (Some(d), _) => Some(d),
            (None, Some(b)) => {
                args.push(self.expr(b)?);
                None
            }
            _ => {
                self.error(span_of(other), msg::dtype_use());
                return None;
            }
        };
        Some(Some(self.mk(
            span,
            ExprKind::CallBuiltin(Builtin::DtypeEq { ne, fixed }, args),
        )))
    }

    /// A dtype written in a `dtype=` argument: `np.float64`, `numpy.int32`, `float`, `int`.
    pub(super) fn dtype_of(&self, e: &ast::Expr) -> Option<crate::exports::Dtype> {
        if let ast::Expr::Name(n) = e
            && let Some((d, _)) = self.dtype_aliases.get(n.id.as_str())
        {
            return Some(*d);
        }
        match e {
            ast::Expr::Name(n) if !self.shadowed(n.id.as_str()) => match n.id.as_str() {
                "float" | "int" | "bool" | "complex" => crate::exports::dtype_word(n.id.as_str()),
                _ => None,
            },
            ast::Expr::Attribute(a) => match self.resolve(&a.value) {
                Some(Resolved::Import(Imported::Module(m))) if m == "numpy" => {
                    crate::exports::dtype_word(a.attr.as_str()).or_else(|| {
                        (a.attr.as_str() == "bool_").then_some(crate::exports::Dtype::Bool)
                    })
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// `a.b.c` as a string, for messages.
fn dotted(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Name(n) => Some(n.id.to_string()),
        ast::Expr::Attribute(a) => Some(format!("{}.{}", dotted(&a.value)?, a.attr)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::LOGIC_RUN;
    use crate::ir::{Expr, ExprKind, LogicOp, Stmt};
    use crate::testutil::lowered;

    fn depth(e: &Expr) -> usize {
        1 + e.children().into_iter().map(depth).max().unwrap_or(0)
    }

    /// The operands of an `and` tree, left to right.
    fn leaves<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
        match &e.kind {
            ExprKind::Logic(LogicOp::And, a, b) => {
                leaves(a, out);
                leaves(b, out);
            }
            _ => out.push(e),
        }
    }

    /// The literal `v` of `return <v>` in a one-line function, or the diagnostics.
    fn int_of(lit: &str) -> Result<i64, Vec<String>> {
        let src = format!("def f():\n    return {lit}\n");
        let (m, d) = lowered(&src);
        if !d.is_empty() {
            return Err(crate::testutil::texts(&d));
        }
        match &m.functions[0].body[0] {
            Stmt::Return(Some(e), _) => match e.kind {
                ExprKind::Int(v) => Ok(v),
                ref k => panic!("{lit}: not an int literal: {k:?}"),
            },
            s => panic!("{lit}: {s:?}"),
        }
    }

    /// Integer literals as CPython reads them (the parser's big-integer type is
    /// num-bigint; it was malachite): every radix, underscores, the int64 limits, and a
    /// diagnostic, not a panic, beyond them.
    #[test]
    fn int_literals_of_every_radix_and_size() {
        let ok: &[(&str, i64)] = &[
            ("0", 0),
            ("1_000_000", 1_000_000),
            ("0x7fffffffffffffff", i64::MAX),
            ("0X7FFF_FFFF_FFFF_FFFF", i64::MAX),
            ("0o777", 0o777),
            ("0b1011", 0b1011),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
            ("-0x8000000000000000", i64::MIN),
            ("00", 0),
        ];
        for &(lit, v) in ok {
            assert_eq!(int_of(lit), Ok(v), "{lit}");
        }
        for lit in [
            "9223372036854775808",
            "0xffffffffffffffff",
            "0x1_0000_0000_0000_0000",
            "0b1111111111111111111111111111111111111111111111111111111111111111",
            "123456789012345678901234567890123456789012345678901234567890",
        ] {
            let e = int_of(lit).expect_err(lit);
            assert_eq!(e, ["integer literal does not fit in int64"], "{lit}");
        }
        // Out of range once negated too, and as the operand of unary minus.
        assert!(int_of("-9223372036854775809").is_err());
        assert!(int_of("-0x8000000000000001").is_err());
    }

    #[test]
    fn long_and_chains_are_trees_of_short_runs_in_order() {
        for n in [2, LOGIC_RUN, LOGIC_RUN + 1, 5000] {
            let terms: Vec<String> = (0..n).map(|i| format!("x > {i}")).collect();
            let src = format!("def f(x):\n    return {}\n", terms.join(" and "));
            let (m, d) = lowered(&src);
            assert!(d.is_empty());
            let Stmt::Return(Some(e), _) = &m.functions[0].body[0] else {
                panic!()
            };
            let mut found = Vec::new();
            leaves(e, &mut found);
            // Every operand once, in order (`and` is associative, not commutative).
            let texts: Vec<&str> = found
                .iter()
                .map(|l| &src[l.span.start..l.span.end])
                .collect();
            assert_eq!(texts, terms, "n = {n}");
            // Short chains as before: one left-nested run.
            let bound = if n <= LOGIC_RUN {
                n + 2
            } else {
                3 * LOGIC_RUN + 3
            };
            assert!(depth(e) <= bound, "n = {n}: depth {}", depth(e));
        }
    }
}
