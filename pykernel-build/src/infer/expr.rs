//! Typing rules of expressions (NumPy 2 promotion, Python's int/float rules).

use std::collections::BTreeSet;

use super::complex::complex_part;
use super::{InstanceKey, Typer};
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{BinOp, Builtin, CmpOp, Expr, ExprKind, MathFn, UnaryOp};
use crate::messages::kernel as msg;
use crate::types::{Scalar, Ty, join, join_optional, kind, promote, true_divide};

/// How big the type of a call argument may be (see [`Ty::size`]); bigger ones only come
/// from recursion that wraps its arguments at every call (`g((x, x))`).
const MAX_ARG_SIZE: usize = 256;

impl Typer<'_> {
    /// Types `e` (and its children), records it, and returns it.
    pub(super) fn expr(&mut self, e: &Expr) -> Option<Ty> {
        let optional_ok = std::mem::take(&mut self.optional_ok);
        let mut t = self.expr_inner(e, optional_ok);
        if let (Some(o @ Ty::Optional(_)), false) = (&t, optional_ok) {
            let what = match &e.kind {
                ExprKind::Local(n) => format!("`{}`", crate::webs::user_name(n)),
                _ => "this value".to_owned(),
            };
            let m = msg::optional_use(&what, &o.to_string());
            self.error(e.span, m);
            t = None;
        }
        self.inst().exprs[e.id as usize] = t.clone();
        t
    }

    fn expr_inner(&mut self, e: &Expr, optional_ok: bool) -> Option<Ty> {
        match &e.kind {
            ExprKind::Int(_) => Some(Ty::INT),
            ExprKind::Float(_) => Some(Ty::FLOAT),
            ExprKind::Imag(_) => Some(Ty::COMPLEX),
            ExprKind::Bool(_) => Some(Ty::BOOL),
            ExprKind::None | ExprKind::Str(_) => Some(Ty::None),
            ExprKind::Local(name) => {
                let t = self.inst().locals.get(name).cloned();
                if t.is_none() {
                    self.error(e.span, msg::cannot_infer(name));
                }
                t.map(|t| self.narrowed(name, t))
            }
            ExprKind::Compare(first, rest)
                if rest
                    .iter()
                    .any(|(op, _)| matches!(op, CmpOp::Is | CmpOp::IsNot)) =>
            {
                self.is_none_test(e, first, rest)
            }
            ExprKind::Binary(op, l, r) => {
                let (lt, rt) = (self.expr(l), self.expr(r));
                let (lt, rt) = (lt?, rt?);
                if let Some(t) = self.list_binary(*op, &lt, &rt) {
                    if t.is_none() {
                        self.error(
                            e.span,
                            msg::bad_operands(op.symbol(), &lt.to_string(), &rt.to_string()),
                        );
                    }
                    return t;
                }
                self.binary_type(*op, &lt, &rt, r, e.span)
            }
            ExprKind::Unary(op, a) => {
                // `not x` of a `T | None`: None is false.
                self.optional_ok = *op == UnaryOp::Not;
                let t = self.expr(a)?;
                let t = match t {
                    Ty::Optional(inner)
                        if matches!(*inner, Ty::Scalar(_) | Ty::List(_) | Ty::Tuple(_)) =>
                    {
                        return Some(Ty::BOOL);
                    }
                    t => t,
                };
                if let Ty::Array(..) = t {
                    return self.array_unary(*op, &t, e.span);
                }
                self.unary_type(*op, &t, e.span)
            }
            ExprKind::Compare(first, rest) => {
                let mut prev = self.expr(first);
                let rest_tys: Vec<(CmpOp, Option<Ty>)> =
                    rest.iter().map(|(op, r)| (*op, self.expr(r))).collect();
                let any_array = prev
                    .iter()
                    .chain(rest_tys.iter().filter_map(|(_, t)| t.as_ref()))
                    .any(|t| matches!(t, Ty::Array(..)));
                if any_array {
                    let f = prev?;
                    return self.array_compare(&rest_tys, &f, e.span);
                }
                let mut ok = true;
                // NumPy scalars compare to `numpy.bool`; Python values to `bool`.
                let mut py = prev
                    .as_ref()
                    .is_none_or(|t| t.scalar().is_none_or(|s| s.py));
                for (op, r) in rest {
                    let rt = self.expr(r);
                    if let (true, Some(l), Some(rt)) = (ok, &prev, &rt) {
                        // One error per chain (`p < p < ... < p` is one mistake).
                        ok = self.compare_pair(*op, l, rt, first.span.to(r.span));
                    } else {
                        ok = false;
                    }
                    py &= rt.as_ref().is_none_or(|t| t.scalar().is_none_or(|s| s.py));
                    prev = rt;
                }
                ok.then_some(Ty::Scalar(Scalar {
                    dtype: Dtype::Bool,
                    py,
                }))
            }
            ExprKind::List(items) => self.list_literal(items, e.span),
            ExprKind::Ellipsis => Some(Ty::None),
            ExprKind::SliceSpec(lo, hi, st) => {
                for p in [lo, hi, st].into_iter().flatten() {
                    if let Some(t) = self.expr(p) {
                        self.require_int(&t, p.span, "slice indices");
                    }
                }
                Some(Ty::None)
            }
            ExprKind::ListComp(elt, gens, _) => self.list_comp(elt, gens),
            ExprKind::Method(recv, name, args) => self.method_type(e, recv, name, args),
            ExprKind::Attr(base, name) => {
                let t = self.expr(base)?;
                if let Ty::Array(d, n) = t {
                    return self.array_attr(e, d, n, name);
                }
                self.attr_type(e, &t, name)
            }
            ExprKind::Logic(op, a, b) => {
                let at = self.expr(a);
                let bt = self.expr_given(b, a, *op == crate::ir::LogicOp::And);
                let (at, bt) = (at?, bt?);
                if at.scalar().is_none() || bt.scalar().is_none() {
                    self.error(
                        e.span,
                        msg::bad_operands("and/or", &at.to_string(), &bt.to_string()),
                    );
                    return None;
                }
                self.joined(&at, &bt, e.span, "and/or")
            }
            ExprKind::IfExp(c, a, b) => {
                self.condition(c);
                self.optional_ok = optional_ok;
                let at = self.expr_given(a, c, true);
                self.optional_ok = optional_ok;
                let bt = self.expr_given(b, c, false);
                let (at, bt) = (at?, bt?);
                if optional_ok
                    && (matches!(at, Ty::None | Ty::Optional(_))
                        || matches!(bt, Ty::None | Ty::Optional(_)))
                {
                    return match join_optional(&at, &bt) {
                        Some(t) => Some(t),
                        None => self.joined(&at, &bt, e.span, "if/else"),
                    };
                }
                self.joined(&at, &bt, e.span, "if/else")
            }
            ExprKind::CallUser(name, args) => self.call_user(e, name, args),
            ExprKind::CallBuiltin(b, args) => self.call_builtin(*b, args, e.span),
            ExprKind::Index(base, idx) => self.index_type(base, idx),
            ExprKind::Tuple(items) => {
                let tys: Vec<Option<Ty>> = items.iter().map(|i| self.expr(i)).collect();
                let mut out = Vec::new();
                for (t, i) in tys.into_iter().zip(items) {
                    let t = t?;
                    if let Ty::Elementwise(_) = t {
                        self.error(i.span, msg::array_temporary());
                        return None;
                    }
                    out.push(t);
                }
                Some(Ty::Tuple(out))
            }
            ExprKind::Slice(base, lo, hi, st) => {
                let bt = self.expr(base);
                for p in [lo, hi, st].into_iter().flatten() {
                    if let Some(t) = self.expr(p) {
                        self.require_int(&t, p.span, "slice indices");
                    }
                }
                match bt? {
                    Ty::View(d) => Some(Ty::View(d)),
                    Ty::List(t) => Some(Ty::List(t)),
                    Ty::Array(d, n) => Some(Ty::Array(d, n)),
                    other => {
                        self.error(base.span, msg::not_indexable(&format!("{other} (slicing)")));
                        None
                    }
                }
            }
        }
    }

    /// `x is None`, `x is not None` (either side): a bool; `is` between other values
    /// is not supported (identity of numbers is CPython's detail).
    fn is_none_test(&mut self, e: &Expr, first: &Expr, rest: &[(CmpOp, Expr)]) -> Option<Ty> {
        let [(_, second)] = rest else {
            for (_, r) in rest {
                self.expr(r);
            }
            self.error(
                e.span,
                msg::unsupported_expression("`is` in a chain of comparisons"),
            );
            return None;
        };
        self.optional_ok = true;
        let lt = self.expr(first);
        self.optional_ok = true;
        let rt = self.expr(second);
        let (lt, rt) = (lt?, rt?);
        if lt != Ty::None && rt != Ty::None {
            self.error(
                e.span,
                msg::is_not_none_test(&lt.to_string(), &rt.to_string()),
            );
            return None;
        }
        Some(Ty::BOOL)
    }

    /// `print(...)`: numbers, bools, `None`, string literals, and tuples and lists of
    /// those; `None` (the value of a call to `print`).
    fn print_type(&mut self, args: &[Expr], span: Span) -> Option<Ty> {
        fn printable(t: &Ty) -> bool {
            match t {
                Ty::Scalar(_) | Ty::None => true,
                Ty::Tuple(items) => items.iter().all(printable),
                Ty::List(item) => printable(item),
                _ => false,
            }
        }
        let mut ok = true;
        for a in args {
            let Some(t) = self.expr(a) else {
                ok = false;
                continue;
            };
            if !printable(&t) {
                self.error(a.span, msg::print_value(&t.to_string()));
                ok = false;
            }
        }
        let inst = self.inst();
        if inst.prints.is_none() {
            inst.prints = Some(span);
        }
        ok.then_some(Ty::None)
    }

    fn joined(&mut self, a: &Ty, b: &Ty, span: Span, what: &str) -> Option<Ty> {
        let j = join(a, b);
        // `(v - w) if c else (v + w)`: a choice of array temporaries is not emitted.
        if let Some(Ty::Elementwise(_)) = j {
            self.error(span, msg::array_temporary());
            return None;
        }
        if j.is_none() {
            self.error(
                span,
                msg::bad_operands(what, &a.to_string(), &b.to_string()),
            );
        }
        j
    }

    /// Can `l op r` be compared? Numbers order; lists and tuples test (in)equality
    /// element by element; `in` looks into a list or tuple.
    fn compare_pair(&mut self, op: CmpOp, l: &Ty, r: &Ty, span: Span) -> bool {
        match op {
            CmpOp::In | CmpOp::NotIn => return self.membership(l, r, span),
            CmpOp::Eq | CmpOp::Ne
                if (l.has_list() || matches!(l, Ty::Tuple(_)))
                    && (l.has_array() || r.has_array()) =>
            {
                self.error(
                    span,
                    msg::container_of_arrays_compared(&l.to_string(), &r.to_string()),
                );
                return false;
            }
            CmpOp::Eq | CmpOp::Ne if l.has_list() || r.has_list() => {
                if join(l, r).is_some() {
                    return true;
                }
            }
            // Tuples of different shapes are just unequal.
            CmpOp::Eq | CmpOp::Ne if matches!(l, Ty::Tuple(_)) || matches!(r, Ty::Tuple(_)) => {
                return true;
            }
            _ => {
                let num = |t: &Ty| matches!(t.scalar(), Some(s) if kind(s.dtype) <= 2);
                if num(l) && num(r) {
                    return true;
                }
                // Complex numbers only test (in)equality.
                let any = |t: &Ty| t.scalar().is_some();
                if matches!(op, CmpOp::Eq | CmpOp::Ne) && any(l) && any(r) {
                    return true;
                }
            }
        }
        self.error(
            span,
            msg::bad_operands("comparison", &l.to_string(), &r.to_string()),
        );
        false
    }

    /// The element type of `base[idx]`.
    pub(super) fn index_type(&mut self, base: &Expr, idx: &Expr) -> Option<Ty> {
        let bt = self.expr(base);
        if let Some(Ty::Array(d, n)) = bt {
            return self.array_index(d, n, idx);
        }
        let it = self.expr(idx);
        if let Some(it) = &it {
            self.require_int(it, idx.span, "indexing");
        }
        match bt? {
            // ctypes returns Python scalars from pointer indexing.
            Ty::Ptr(d) => Some(Ty::Scalar(match kind(d) {
                0 => Scalar::BOOL,
                1 => Scalar::INT,
                _ => Scalar::FLOAT,
            })),
            // NumPy returns NumPy scalars from array indexing.
            Ty::View(d) => Some(Ty::Scalar(Scalar::np(d))),
            Ty::List(t) => Some(*t),
            Ty::Tuple(items) => match tuple_index(idx, items.len()) {
                Some(k) => Some(items[k].clone()),
                // Items of one (joined) type can be indexed at run time.
                None if !matches!(idx.kind, ExprKind::Int(_)) && !items.is_empty() => {
                    let item = super::value_item(&Ty::Tuple(items.clone()));
                    if item.is_none() {
                        self.error(idx.span, msg::tuple_index_not_constant(items.len()));
                    }
                    item
                }
                None => {
                    self.error(idx.span, msg::tuple_index_not_constant(items.len()));
                    None
                }
            },
            other => {
                self.error(base.span, msg::not_indexable(&other.to_string()));
                None
            }
        }
    }

    /// Type of `l op r`.
    pub(super) fn binary_type(
        &mut self,
        op: BinOp,
        l: &Ty,
        r: &Ty,
        rhs: &Expr,
        span: Span,
    ) -> Option<Ty> {
        let bad = |this: &mut Self| {
            this.error(
                span,
                msg::bad_operands(op.symbol(), &l.to_string(), &r.to_string()),
            );
            None
        };
        if matches!(l, Ty::Array(..)) || matches!(r, Ty::Array(..)) {
            return self.array_binary(op, l, r, span);
        }
        let (ls, rs, array) = match (l, r) {
            (Ty::Scalar(a), Ty::Scalar(b)) => (*a, *b, false),
            (a, b)
                if (a.is_array() || a.scalar().is_some())
                    && (b.is_array() || b.scalar().is_some()) =>
            {
                let el = |t: &Ty| {
                    t.scalar()
                        .unwrap_or_else(|| Scalar::np(t.elem().unwrap_or(Dtype::Float64)))
                };
                (el(a), el(b), true)
            }
            _ => return bad(self),
        };
        if kind(ls.dtype) == 3 || kind(rs.dtype) == 3 {
            // Complex numbers: + - * / ** only, as in Python; no arrays of them yet.
            if array
                || !matches!(
                    op,
                    BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow
                )
            {
                return bad(self);
            }
            return Some(Ty::Scalar(promote(ls, rs)));
        }
        let both_int = kind(ls.dtype) <= 1 && kind(rs.dtype) <= 1;
        let res = match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::FloorDiv | BinOp::Mod => {
                let p = promote(ls, rs);
                if p.dtype == Dtype::Bool {
                    return bad(self);
                }
                p
            }
            BinOp::Div => true_divide(ls, rs),
            BinOp::Pow => {
                let p = promote(ls, rs);
                if p.dtype == Dtype::Bool {
                    return bad(self);
                }
                if both_int && array {
                    return bad(self);
                }
                // Python: int ** negative-literal is a float.
                if both_int && p.py && matches!(rhs.kind, ExprKind::Int(v) if v < 0) {
                    Scalar::FLOAT
                } else {
                    p
                }
            }
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                if !both_int {
                    return bad(self);
                }
                if ls.dtype == Dtype::Bool && rs.dtype == Dtype::Bool {
                    Scalar {
                        dtype: Dtype::Bool,
                        py: ls.py && rs.py,
                    }
                } else {
                    promote(ls, rs)
                }
            }
            BinOp::Shl | BinOp::Shr => {
                if !both_int || array {
                    return bad(self);
                }
                let p = promote(ls, rs);
                if p.dtype == Dtype::Bool {
                    Scalar {
                        dtype: Dtype::Int64,
                        py: p.py,
                    }
                } else {
                    p
                }
            }
        };
        Some(if array {
            Ty::Elementwise(res.dtype)
        } else {
            Ty::Scalar(res)
        })
    }

    fn unary_type(&mut self, op: UnaryOp, t: &Ty, span: Span) -> Option<Ty> {
        let bad = |this: &mut Self| {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Not => "not",
                UnaryOp::Invert => "~",
            };
            this.error(span, msg::bad_unary_operand(sym, &t.to_string()));
            None
        };
        match (op, t) {
            (UnaryOp::Not, Ty::Scalar(_) | Ty::List(_) | Ty::Tuple(_)) => Some(Ty::BOOL),
            (UnaryOp::Neg | UnaryOp::Pos, Ty::Scalar(s)) if kind(s.dtype) <= 3 => {
                if s.dtype == Dtype::Bool {
                    if s.py { Some(Ty::INT) } else { bad(self) }
                } else {
                    Some(t.clone())
                }
            }
            (UnaryOp::Invert, Ty::Scalar(s)) if kind(s.dtype) <= 1 => {
                if s.dtype == Dtype::Bool && s.py {
                    Some(Ty::INT)
                } else {
                    Some(t.clone())
                }
            }
            (UnaryOp::Neg | UnaryOp::Pos, a) if a.is_array() => {
                let d = a.elem()?;
                if kind(d) == 0 {
                    bad(self)
                } else {
                    Some(Ty::Elementwise(d))
                }
            }
            _ => bad(self),
        }
    }

    fn call_user(&mut self, e: &Expr, name: &str, args: &[Expr]) -> Option<Ty> {
        // A `T | None` argument makes a `T | None` parameter, which the callee narrows.
        let arg_tys: Vec<Option<Ty>> = args
            .iter()
            .map(|a| {
                self.optional_ok = true;
                self.expr(a)
            })
            .collect();
        let (fidx, f) = self.module.function(name)?;
        if self.program.broken.contains(&fidx) {
            self.program.calls_broken.insert(self.current);
            return None;
        }
        if f.params.len() != args.len() {
            self.error(e.span, msg::call_arity(name, f.params.len(), args.len()));
            return None;
        }
        let mut tys = Vec::new();
        for (t, a) in arg_tys.into_iter().zip(args) {
            let t = t?;
            if let Ty::Elementwise(_) = t {
                self.error(a.span, msg::array_temporary());
                return None;
            }
            // Recursion that nests its arguments deeper at each call (`f((x, x))`)
            // would need unboundedly many specialisations.
            if t.size() > MAX_ARG_SIZE {
                self.error(a.span, msg::argument_type_grows(name));
                return None;
            }
            tys.push(t);
        }
        let key = InstanceKey {
            func: fidx,
            args: tys,
            ret: None,
        };
        let mut idx = self.program.instance_for(self.module, key.clone());
        self.program.callers[idx].insert(self.current);
        // A caller that needs a wider (list) result than the function returns on its
        // own calls an instance specialised on that result.
        if let Some(hint) = self.inst().ret_hints.get(&e.id).cloned()
            && self.program.instances[idx]
                .ret
                .as_ref()
                .is_none_or(|r| join(r, &hint).as_ref() != Some(r))
        {
            idx = self.program.instance_for(
                self.module,
                InstanceKey {
                    ret: Some(hint),
                    ..key
                },
            );
            self.program.callers[idx].insert(self.current);
        }
        if self.program.instances[self.current].calls.insert(e.id, idx) != Some(idx) {
            self.changed = true;
        }
        // The lists passed in are the callee's parameters: they take the types the
        // callee gave them (the caller's list becomes a float list if the callee stores
        // floats into it), and the call then goes to the instance of those types.
        for ((pname, _), a) in f.params.iter().zip(args) {
            if let Some(p) = self.program.instances[idx].locals.get(pname).cloned() {
                self.share(a, &p);
            }
        }
        let ret = self.program.instances[idx].ret.clone();
        // No result: a recursion without a base case, or a callee whose own errors
        // (reported there) left its result unknown; only the first is news here.
        if ret.is_none() && self.report.is_some() && self.calls_back(idx) {
            self.error(e.span, msg::recursion_without_base(name));
        }
        ret
    }

    /// Does instance `callee` call (perhaps through others) the instance being typed?
    fn calls_back(&self, callee: usize) -> bool {
        let mut seen = BTreeSet::new();
        let mut todo = vec![self.current];
        while let Some(i) = todo.pop() {
            if i == callee {
                return true;
            }
            if seen.insert(i) {
                todo.extend(self.program.callers[i].iter().copied());
            }
        }
        false
    }

    fn call_builtin(&mut self, b: Builtin, args: &[Expr], span: Span) -> Option<Ty> {
        if b == Builtin::Print {
            return self.print_type(args, span);
        }
        let tys: Vec<Option<Ty>> = args.iter().map(|a| self.expr(a)).collect();
        let tys: Vec<Ty> = tys.into_iter().collect::<Option<_>>()?;
        let name = builtin_name(b);
        if b.over_iterable(args.len(), matches!(tys.first(), Some(Ty::View(_)))) {
            return self.iterable_builtin(b, args, &tys, span);
        }
        let arity = |this: &mut Self, expected: &str, ok: bool| {
            if !ok {
                this.error(span, msg::builtin_arity(name, expected, args.len()));
            }
            ok
        };
        let num = |this: &mut Self, i: usize| -> Option<Scalar> {
            match tys[i].scalar() {
                Some(s) if kind(s.dtype) <= 2 => Some(s),
                _ => {
                    this.error(
                        args[i].span,
                        msg::bad_argument(name, &tys[i].to_string(), "a number"),
                    );
                    None
                }
            }
        };
        match b {
            // Typed by `print_type`, before.
            Builtin::Print => Some(Ty::None),
            Builtin::Abs if tys.len() == 1 && matches!(tys[0], Ty::Array(..)) => {
                self.ufunc_type(crate::ir::Ufunc::Absolute, &tys, span)
            }
            Builtin::Ufunc(u) => {
                if !arity(self, &u.nin().to_string(), args.len() == u.nin()) {
                    return None;
                }
                self.ufunc_type(u, &tys, span)
            }
            Builtin::NpReduce(r) => {
                if !arity(self, "1", args.len() == 1) {
                    return None;
                }
                self.reduce_type(r, &tys[0], span)
            }
            Builtin::NpReduceAxis(r) => self.reduce_axis_type(r, args, &tys, span),
            Builtin::NpSort(f) => self.sort_type(f, args, &tys, span),
            Builtin::NpInfo { int, attr } => {
                let Some(Ty::Array(d, _)) = tys.first() else {
                    self.error(
                        span,
                        msg::bad_argument(name, &tys[0].to_string(), "a dtype"),
                    );
                    return None;
                };
                match crate::numpy::info::info(int, *d, attr) {
                    Ok(crate::numpy::info::InfoValue::Int(_)) => Some(Ty::INT),
                    Ok(crate::numpy::info::InfoValue::Float(f, _)) => {
                        Some(Ty::Scalar(Scalar::np(f)))
                    }
                    Err(m) => {
                        self.error(span, m);
                        None
                    }
                }
            }
            Builtin::NpArrayEqual { .. } => {
                for (a, t) in args.iter().zip(&tys).take(2) {
                    if !matches!(t, Ty::Array(..) | Ty::Scalar(_)) {
                        self.error(a.span, msg::bad_argument(name, &t.to_string(), "an array"));
                        return None;
                    }
                }
                Some(Ty::BOOL)
            }
            Builtin::NpLinalg(l) => {
                let n = l.arity();
                if !arity(self, &n.to_string(), args.len() == n) {
                    return None;
                }
                self.linalg_type(l, &tys, span)
            }
            Builtin::NpBuild(f) => self.build_type(f, args, &tys, span),
            Builtin::NpIndexFn(f) => self.index_fn_type(f, args, &tys, span),
            Builtin::NpShape(f) => {
                if !arity(self, "at least 1", !args.is_empty()) {
                    return None;
                }
                self.shape_fn_type(f, &tys[0], &args[1..], &tys[1..], span)
            }
            Builtin::NpWhere => self.where_type(&tys, span),
            Builtin::NpClip => self.clip_type(&tys, span),
            // Lowered to `.real` / `.imag`.
            Builtin::NpPart(_) => None,
            Builtin::NpAstype(d) => {
                let d = match d {
                    crate::ir::DtypeArg::Fixed(d) => d,
                    crate::ir::DtypeArg::OfLastArg => match tys.last() {
                        Some(Ty::Array(d, _)) => *d,
                        _ => return None,
                    },
                };
                match tys.first() {
                    Some(Ty::Array(_, n)) => Some(Ty::Array(d, *n)),
                    _ => {
                        self.error(
                            span,
                            crate::messages::numpy::np_argument("astype", "an array"),
                        );
                        None
                    }
                }
            }
            Builtin::Abs => {
                if !arity(self, "1", args.len() == 1) {
                    return None;
                }
                if let Some(s) = tys[0].scalar()
                    && kind(s.dtype) == 3
                {
                    return Some(Ty::Scalar(complex_part(s)));
                }
                let s = num(self, 0)?;
                Some(Ty::Scalar(if s.dtype == Dtype::Bool {
                    Scalar::INT
                } else {
                    s
                }))
            }
            Builtin::Min | Builtin::Max => {
                if !arity(self, "at least 2", args.len() >= 2) {
                    return None;
                }
                let mut acc = num(self, 0)?;
                for i in 1..args.len() {
                    acc = promote(acc, num(self, i)?);
                }
                Some(Ty::Scalar(acc))
            }
            Builtin::Int | Builtin::Float | Builtin::Bool => {
                if !arity(self, "1", args.len() == 1) {
                    return None;
                }
                let complex = matches!(tys[0].scalar(), Some(s) if kind(s.dtype) == 3);
                if !(b == Builtin::Bool && complex) {
                    num(self, 0)?;
                }
                Some(match b {
                    Builtin::Int => Ty::INT,
                    Builtin::Float => Ty::FLOAT,
                    _ => Ty::BOOL,
                })
            }
            Builtin::Divmod => {
                if !arity(self, "2", args.len() == 2) {
                    return None;
                }
                let p = promote(num(self, 0)?, num(self, 1)?);
                let p = if p.dtype == Dtype::Bool {
                    Scalar::INT
                } else {
                    p
                };
                Some(Ty::Tuple(vec![Ty::Scalar(p), Ty::Scalar(p)]))
            }
            Builtin::Pow => {
                if !arity(self, "2 or 3", args.len() == 2 || args.len() == 3) {
                    return None;
                }
                if args.len() == 3 {
                    for i in 0..3 {
                        if !self.require_int(&tys[i], args[i].span, "pow() with a modulus") {
                            return None;
                        }
                    }
                    return Some(Ty::INT);
                }
                self.binary_type(BinOp::Pow, &tys[0], &tys[1], &args[1], span)
            }
            Builtin::Round => {
                if !arity(self, "1 or 2", args.len() == 1 || args.len() == 2) {
                    return None;
                }
                let s = num(self, 0)?;
                if args.len() == 2 {
                    self.require_int(&tys[1], args[1].span, "round() digits");
                    // round(x, n) keeps the type of x (a bool becomes an int).
                    return Some(Ty::Scalar(if s.dtype == Dtype::Bool {
                        Scalar::INT
                    } else {
                        s
                    }));
                }
                Some(Ty::INT)
            }
            Builtin::Len => {
                if !arity(self, "1", args.len() == 1) {
                    return None;
                }
                match &tys[0] {
                    Ty::View(_) => Some(Ty::INT),
                    other => {
                        self.error(
                            args[0].span,
                            msg::bad_argument("len", &other.to_string(), "an array"),
                        );
                        None
                    }
                }
            }
            Builtin::AsArray => {
                if !arity(self, "2", args.len() == 2) {
                    return None;
                }
                self.require_int(&tys[1], args[1].span, "as_array shape");
                match &tys[0] {
                    Ty::Ptr(d) => Some(Ty::View(*d)),
                    other => {
                        self.error(
                            args[0].span,
                            msg::bad_argument(
                                "as_array",
                                &other.to_string(),
                                "a typed pointer such as `float64*`",
                            ),
                        );
                        None
                    }
                }
            }
            Builtin::Math(f) => self.math_call(f, args, &tys, span),
            Builtin::Complex => self.complex_call(args, &tys, span),
            Builtin::NpAlloc(k, d) => {
                let (d, n) = self.dtype_arg(d, args, &tys)?;
                self.np_alloc(k, d, &args[..n], &tys[..n], span)
            }
            Builtin::NpArray(d) => {
                let (d, n) = self.dtype_arg(d, args, &tys)?;
                self.np_array(d, &args[..n], &tys[..n], span)
            }
            Builtin::NpArange | Builtin::NpLinspace => self.np_ranges(b, args, &tys, span),
            Builtin::DtypeEq { .. } => {
                for (a, t) in args.iter().zip(&tys) {
                    if !matches!(t, Ty::Array(..)) {
                        self.error(
                            a.span,
                            msg::bad_argument(".dtype", &t.to_string(), "an array"),
                        );
                        return None;
                    }
                }
                Some(Ty::BOOL)
            }
            Builtin::NpCast(d) => {
                if !arity(self, "1", args.len() == 1) {
                    return None;
                }
                if kind(d) == 3 {
                    self.complex_call(args, &tys, span)?;
                } else {
                    num(self, 0)?;
                }
                Some(Ty::Scalar(Scalar::np(d)))
            }
            Builtin::Cmath(f) => self.cmath_call(f, args, &tys, span),
            // Typed by `iterable_builtin` above.
            Builtin::Sum
            | Builtin::Sorted
            | Builtin::List
            | Builtin::Tuple
            | Builtin::Any
            | Builtin::All => None,
        }
    }

    fn math_call(&mut self, f: MathFn, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        use MathFn::*;
        let n = match f {
            Atan2 | Copysign | Fmod | Hypot | Pow | Gcd | Isclose | Comb | Ldexp | Remainder
            | Nextafter => 2,
            Log | Perm if args.len() == 2 => 2,
            _ => 1,
        };
        let name = format!("math.{}", f.rust_name());
        if args.len() != n {
            self.error(span, msg::builtin_arity(&name, &n.to_string(), args.len()));
            return None;
        }
        let int_only = matches!(f, Gcd | Factorial | Isqrt | Comb | Perm);
        for (i, (t, a)) in tys.iter().zip(args).enumerate() {
            // ldexp(x, i): the exponent must be an integer.
            let int_only = int_only || (f == Ldexp && i == 1);
            let ok = match t.scalar() {
                Some(s) if int_only => kind(s.dtype) <= 1,
                Some(s) => kind(s.dtype) <= 2,
                None => false,
            };
            if !ok {
                let expected = if int_only { "an integer" } else { "a number" };
                self.error(a.span, msg::bad_argument(&name, &t.to_string(), expected));
                return None;
            }
        }
        Some(match f {
            Floor | Ceil | Trunc | Gcd | Factorial | Isqrt | Comb | Perm => Ty::INT,
            Isnan | Isinf | Isfinite | Isclose => Ty::BOOL,
            Frexp => Ty::Tuple(vec![Ty::FLOAT, Ty::INT]),
            Modf => Ty::Tuple(vec![Ty::FLOAT, Ty::FLOAT]),
            _ => Ty::FLOAT,
        })
    }
}

/// A constant index into a tuple of `len` items (negative counts from the end).
pub(crate) fn tuple_index(idx: &Expr, len: usize) -> Option<usize> {
    let k = match &idx.kind {
        ExprKind::Int(k) => *k,
        _ => return None,
    };
    let k = if k < 0 { k + len as i64 } else { k };
    (0..len as i64).contains(&k).then_some(k as usize)
}

/// The Python name of a builtin, for messages.
pub(crate) fn builtin_name(b: Builtin) -> &'static str {
    match b {
        Builtin::Print => "print",
        Builtin::Abs => "abs",
        Builtin::Min => "min",
        Builtin::Max => "max",
        Builtin::Int => "int",
        Builtin::Float => "float",
        Builtin::Bool => "bool",
        Builtin::Len => "len",
        Builtin::Divmod => "divmod",
        Builtin::Pow => "pow",
        Builtin::Round => "round",
        Builtin::Sum => "sum",
        Builtin::Sorted => "sorted",
        Builtin::List => "list",
        Builtin::Tuple => "tuple",
        Builtin::Any => "any",
        Builtin::All => "all",
        Builtin::AsArray => "as_array",
        Builtin::Math(m) => m.rust_name(),
        Builtin::Complex => "complex",
        Builtin::NpAlloc(k, _) => k.name(),
        Builtin::NpArange => "arange",
        Builtin::NpLinspace => "linspace",
        Builtin::NpArray(_) => "array",
        Builtin::NpCast(d) => d.numpy_name(),
        Builtin::Cmath(f) => f.name(),
        Builtin::DtypeEq { .. } => "dtype",
        Builtin::Ufunc(u) => u.name(),
        Builtin::NpReduce(r) | Builtin::NpReduceAxis(r) => r.name(),
        Builtin::NpSort(f) => f.name(),
        Builtin::NpShape(f) => f.name(),
        Builtin::NpLinalg(l) => l.name(),
        Builtin::NpBuild(f) => f.name(),
        Builtin::NpWhere => "where",
        Builtin::NpIndexFn(f) => f.name(),
        Builtin::NpClip => "clip",
        Builtin::NpPart(false) => "real",
        Builtin::NpPart(true) => "imag",
        Builtin::NpAstype(_) => "astype",
        Builtin::NpInfo { int: true, .. } => "iinfo",
        Builtin::NpInfo { int: false, .. } => "finfo",
        Builtin::NpArrayEqual { equiv: false } => "array_equal",
        Builtin::NpArrayEqual { equiv: true } => "array_equiv",
    }
}
