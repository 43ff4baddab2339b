//! Typing of lists, iteration and comprehensions.
//!
//! A list has one element type for its whole life. An empty literal `[]` starts as a list
//! of [`Ty::Unknown`]; `append`, element stores and `extend` widen the element type of the
//! *place* the list lives in (a local, or an element of another list), so that every name
//! for one list agrees on one type (int and float elements unify to float).
//!
//! Every flow of a list into another place (assignment, element store, `append`, list
//! literal, iteration, call argument, `return`) is an equation between two types: the
//! destination joins the source's type, and [`Typer::share`] widens the source's places
//! to the joined type. Since types only widen, the fixpoint of these steps is the
//! unification of all the types one list can be seen through.

use super::Typer;
use crate::diagnostics::Span;
use crate::exports::Dtype;
use crate::ir::{BinOp, Builtin, Expr, ExprKind, Generator, IterKind, Iterable, Target};
use crate::messages::kernel as msg;
use crate::types::{Scalar, Ty, join, kind, promote, shared_type};

/// The item type of iterating over a value of type `t` (lists, tuples, 1-D views).
pub(crate) fn value_item(t: &Ty) -> Option<Ty> {
    match t {
        Ty::List(e) => Some((**e).clone()),
        Ty::Tuple(items) => {
            let mut it = items.iter();
            let first = it.next()?.clone();
            it.try_fold(first, |acc, t| join(&acc, t))
        }
        Ty::View(d) | Ty::Array(d, 1) => Some(Ty::Scalar(Scalar::np(*d))),
        Ty::Array(d, n) => Some(Ty::Array(*d, n - 1)),
        _ => None,
    }
}

/// Can values of this type be ordered (`sort`, `min`, `<`)?
fn orderable(t: &Ty) -> bool {
    match t {
        Ty::Scalar(s) => kind(s.dtype) <= 2,
        Ty::Tuple(items) => items.iter().all(orderable),
        Ty::Unknown => true,
        _ => false,
    }
}

impl Typer<'_> {
    /// The value of `e` now also lives in a place of type `dst`: the lists it holds must
    /// have `dst`'s types (lists are shared; scalars and tuples are copied, so only the
    /// lists inside them matter). Widens the places `e` reads from.
    pub(super) fn share(&mut self, e: &Expr, dst: &Ty) {
        let Some(src) = self.inst().exprs[e.id as usize].clone() else {
            return;
        };
        let want = shared_type(&src, dst);
        if want != src {
            self.refine(e, want);
        }
    }

    /// The items of the iterable value `e` now also live in places of type `item`.
    pub(super) fn share_items(&mut self, e: &Expr, item: &Ty) {
        if !item.has_list() {
            return;
        }
        match self.inst().exprs[e.id as usize].clone() {
            Some(Ty::List(t)) => self.share(e, &Ty::list(shared_type(&t, item))),
            Some(Ty::Tuple(ts)) => {
                let want = ts.iter().map(|t| shared_type(t, item)).collect();
                self.share(e, &Ty::Tuple(want));
            }
            _ => {}
        }
    }

    /// The items of an iteration were stored into a target that holds type `held`.
    pub(super) fn share_iter(&mut self, it: &Iterable, held: &Ty) {
        if !held.has_list() {
            return;
        }
        match (&it.kind, held) {
            (IterKind::Value(e), _) => self.share_items(e, held),
            (IterKind::Enumerate(inner, _), Ty::Tuple(parts)) if parts.len() == 2 => {
                self.share_iter(inner, &parts[1]);
            }
            (IterKind::Zip(its), Ty::Tuple(parts)) if parts.len() == its.len() => {
                for (i, p) in its.iter().zip(parts) {
                    self.share_iter(i, p);
                }
            }
            (IterKind::Reversed(inner), _) => self.share_iter(inner, held),
            _ => {}
        }
    }

    /// Widens the places the value of `e` comes from to type `ty` (a local, a list
    /// element, a tuple item, the result of a call, ...). Expressions that make new
    /// lists (literals, copies, slices) pass the requirement on to the lists they hold.
    pub(super) fn refine(&mut self, e: &Expr, ty: Ty) {
        let list_elem = match &ty {
            Ty::List(t) if t.has_list() => Some((**t).clone()),
            _ => None,
        };
        match &e.kind {
            ExprKind::Local(name) => self.assign_local(name, e.span, ty),
            ExprKind::Index(base, idx) => match self.inst().exprs[base.id as usize].clone() {
                Some(Ty::List(_)) => self.refine(base, Ty::list(ty)),
                Some(Ty::Tuple(mut items)) => {
                    if let Some(k) = super::tuple_index(idx, items.len()) {
                        items[k] = ty;
                        self.share(base, &Ty::Tuple(items));
                    }
                }
                _ => {}
            },
            ExprKind::Tuple(items) => {
                if let Ty::Tuple(tys) = &ty {
                    for (i, t) in items.iter().zip(tys) {
                        self.share(i, t);
                    }
                }
            }
            ExprKind::IfExp(_, a, b) => {
                self.share(a, &ty);
                self.share(b, &ty);
            }
            ExprKind::CallUser(..) => {
                // The callee must return `ty`: the call goes to an instance returning it.
                let hint = match self.inst().ret_hints.get(&e.id) {
                    Some(h) => join(h, &ty).unwrap_or(ty),
                    None => ty,
                };
                if self.inst().ret_hints.insert(e.id, hint.clone()) != Some(hint) {
                    self.changed = true;
                }
            }
            ExprKind::Method(recv, name, _) if name == "pop" => {
                self.share(recv, &Ty::list(ty));
            }
            // Shallow copies: the new list holds the same inner lists.
            ExprKind::Method(recv, name, _) if name == "copy" && list_elem.is_some() => {
                self.share(recv, &ty);
            }
            ExprKind::Slice(base, ..) if list_elem.is_some() => self.share(base, &ty),
            ExprKind::Binary(BinOp::Add | BinOp::Mul, l, r) if list_elem.is_some() => {
                self.share(l, &ty);
                self.share(r, &ty);
            }
            ExprKind::List(items) => {
                if let Some(elem) = &list_elem {
                    items.iter().for_each(|i| self.share(i, elem));
                }
            }
            ExprKind::ListComp(elt, ..) => {
                if let Some(elem) = &list_elem {
                    self.share(elt, elem);
                }
            }
            ExprKind::CallBuiltin(Builtin::List | Builtin::Sorted, args) => {
                if let (Some(elem), Some(a)) = (&list_elem, args.first()) {
                    self.share_items(a, elem);
                }
            }
            _ => {}
        }
    }

    /// `base[i] = v` on a list: the element type widens to take `v`. Returns the element
    /// type after the store.
    pub(super) fn store_element(
        &mut self,
        base: &Expr,
        elem: &Ty,
        vt: Ty,
        span: Span,
    ) -> Option<Ty> {
        match join(elem, &vt) {
            Some(j) if j == *elem => Some(j),
            Some(j) => {
                self.refine(base, Ty::list(j.clone()));
                Some(j)
            }
            None => {
                self.error(
                    span,
                    msg::bad_store(
                        &vt.to_string(),
                        &format!("{} element", Ty::list(elem.clone())),
                    ),
                );
                None
            }
        }
    }

    /// `a += b` / `a *= n` on a list: in place.
    pub(super) fn list_aug_assign(
        &mut self,
        target: &Target,
        op: BinOp,
        (cur, value, v): (&Ty, &Expr, &Ty),
        span: Span,
    ) {
        let ok = match (op, v) {
            (BinOp::Add, Ty::List(_)) => match join(cur, v) {
                Some(j) => {
                    if j != *cur {
                        self.refine_target(target, j.clone());
                    }
                    if let Ty::List(elem) = &j {
                        self.share_items(value, elem);
                    }
                    true
                }
                None => false,
            },
            (BinOp::Mul, Ty::Scalar(s)) => kind(s.dtype) <= 1,
            _ => false,
        };
        if !ok {
            self.error(
                span,
                msg::bad_operands(
                    &format!("{}=", op.symbol()),
                    &cur.to_string(),
                    &v.to_string(),
                ),
            );
        }
    }

    fn refine_target(&mut self, target: &Target, ty: Ty) {
        match target {
            Target::Local(name, span) => self.assign_local(name, *span, ty),
            Target::Index { base, .. } => {
                if let Some(Ty::List(_)) = self.inst().exprs[base.id as usize] {
                    self.refine(base, Ty::list(ty));
                }
            }
            _ => {}
        }
    }

    /// The type of each item of an iteration.
    pub(super) fn iter_item(&mut self, it: &Iterable) -> Option<Ty> {
        match &it.kind {
            IterKind::NdIndex(args) => {
                let tys: Vec<Option<Ty>> = args.iter().map(|a| self.expr(a)).collect();
                let dims = match (args.as_slice(), tys.as_slice()) {
                    // `np.ndindex(shape)`: the shape as one tuple.
                    ([a], [Some(Ty::Tuple(items))]) => {
                        let mut ok = true;
                        for t in items {
                            ok &= self.require_int(t, a.span, "np.ndindex()");
                        }
                        ok.then_some(items.len())?
                    }
                    _ => {
                        let mut ok = true;
                        for (a, t) in args.iter().zip(&tys) {
                            ok &= t
                                .as_ref()
                                .is_some_and(|t| self.require_int(t, a.span, "np.ndindex()"));
                        }
                        ok.then_some(args.len())?
                    }
                };
                Some(Ty::Tuple(vec![Ty::INT; dims]))
            }
            IterKind::Range { start, stop, step } => {
                for e in crate::ir::range_args(start, stop, step) {
                    if let Some(t) = self.expr(e) {
                        self.require_int(&t, e.span, "range()");
                    }
                }
                Some(Ty::INT)
            }
            IterKind::Value(e) => {
                let t = self.expr(e)?;
                if let Ty::Tuple(items) = &t
                    && items.is_empty()
                {
                    return None;
                }
                let item = value_item(&t);
                if item.is_none() {
                    self.error(e.span, msg::for_not_range(&t.to_string()));
                }
                item
            }
            IterKind::Enumerate(inner, start) => {
                let item = self.iter_item(inner);
                if let Some(s) = start
                    && let Some(t) = self.expr(s)
                {
                    self.require_int(&t, s.span, "enumerate() start");
                }
                Some(Ty::Tuple(vec![Ty::INT, item?]))
            }
            IterKind::Zip(its) => {
                let items: Vec<Option<Ty>> = its.iter().map(|i| self.iter_item(i)).collect();
                Some(Ty::Tuple(items.into_iter().collect::<Option<_>>()?))
            }
            IterKind::Reversed(inner) => {
                let item = self.iter_item(inner)?;
                if let IterKind::Value(e) = &inner.kind
                    && let Some(Ty::View(_)) = self.inst().exprs[e.id as usize]
                {
                    self.error(e.span, msg::for_not_range("reversed array view"));
                    return None;
                }
                Some(item)
            }
        }
    }

    /// `tuple()`, `tuple(t)` of a tuple (the same tuple), `tuple(elt for x in it)` where
    /// `it` walks tuples (through `zip`, `enumerate`, `reversed`) with no `if`: a tuple of
    /// as many items, each of the element's type. Other iterables have a length known
    /// only when the kernel runs, which a tuple type cannot hold.
    fn tuple_call(&mut self, args: &[Expr], tys: &[Ty], span: Span) -> Option<Ty> {
        let (Some(a), Some(t)) = (args.first(), tys.first()) else {
            return Some(Ty::Tuple(Vec::new()));
        };
        if let Ty::Tuple(_) = t {
            return Some(t.clone());
        }
        if let (ExprKind::ListComp(_, gens, _), Ty::List(elt)) = (&a.kind, t)
            && let [g] = gens.as_slice()
            && g.conds.is_empty()
            && let Some(n) = self.static_len(&g.iter)
        {
            return Some(Ty::Tuple(vec![(**elt).clone(); n]));
        }
        let what = match &a.kind {
            ExprKind::ListComp(_, gens, _) if gens.iter().any(|g| !g.conds.is_empty()) => {
                "a generator expression with `if`".to_owned()
            }
            ExprKind::ListComp(..) => {
                "a generator expression over a list, a range or a tuple of mixed item types"
                    .to_owned()
            }
            _ => format!("`{t}`"),
        };
        self.error(span, msg::tuple_of_unknown_length(&what));
        None
    }

    /// The number of items of an iteration over tuples, known when the kernel is built.
    /// The tuples' items must be of one type: the element is typed once, for all of them
    /// (a tuple of an `int` and a `numpy.int64` would make every item the latter).
    fn static_len(&mut self, it: &Iterable) -> Option<usize> {
        match &it.kind {
            IterKind::Value(e) => match &self.inst().exprs[e.id as usize] {
                Some(Ty::Tuple(items)) if items.windows(2).all(|w| w[0] == w[1]) => {
                    Some(items.len())
                }
                _ => None,
            },
            IterKind::Enumerate(inner, _) | IterKind::Reversed(inner) => self.static_len(inner),
            IterKind::Zip(its) => {
                let lens: Option<Vec<usize>> = its.iter().map(|i| self.static_len(i)).collect();
                lens?.into_iter().min()
            }
            IterKind::Range { .. } | IterKind::NdIndex(_) => None,
        }
    }

    /// `[elt for ... in ... if ...]`.
    pub(super) fn list_comp(&mut self, elt: &Expr, gens: &[Generator]) -> Option<Ty> {
        for g in gens {
            let item = self.iter_item(&g.iter);
            if let Some(held) = self.store(&g.target, item, g.iter.span) {
                self.share_iter(&g.iter, &held);
            }
            for c in &g.conds {
                self.condition(c);
            }
        }
        let t = self.expr(elt)?;
        if t.is_array() {
            self.error(elt.span, msg::bad_store(&t.to_string(), "a list element"));
            return None;
        }
        Some(Ty::list(t))
    }

    /// `[a, b, c]`: the joined element type.
    pub(super) fn list_literal(&mut self, items: &[Expr], span: Span) -> Option<Ty> {
        let tys: Vec<Option<Ty>> = items.iter().map(|i| self.expr(i)).collect();
        let mut elem = Ty::Unknown;
        for (t, i) in tys.into_iter().zip(items) {
            let t = t?;
            if t.is_array() {
                self.error(i.span, msg::bad_store(&t.to_string(), "a list element"));
                return None;
            }
            elem = match join(&elem, &t) {
                Some(j) => j,
                None => {
                    self.error(
                        span,
                        msg::bad_operands("a list literal", &elem.to_string(), &t.to_string()),
                    );
                    return None;
                }
            };
        }
        // `[a, b]` holds the lists `a` and `b` themselves.
        if elem.has_list() {
            items.iter().for_each(|i| self.share(i, &elem));
        }
        Some(Ty::list(elem))
    }

    /// `l + r` and `l * r` where one side is a list.
    pub(super) fn list_binary(&mut self, op: BinOp, l: &Ty, r: &Ty) -> Option<Option<Ty>> {
        let int = |t: &Ty| matches!(t.scalar(), Some(s) if kind(s.dtype) <= 1);
        Some(match (op, l, r) {
            (BinOp::Add, Ty::List(_), Ty::List(_)) => join(l, r),
            (BinOp::Mul, Ty::List(_), n) if int(n) => Some(l.clone()),
            (BinOp::Mul, n, Ty::List(_)) if int(n) => Some(r.clone()),
            (_, Ty::List(_), _) | (_, _, Ty::List(_)) => None,
            _ => return None,
        })
    }

    /// `recv.name(args)`.
    pub(super) fn method_type(
        &mut self,
        e: &Expr,
        recv: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<Ty> {
        let rt = self.expr(recv);
        let tys: Vec<Option<Ty>> = args.iter().map(|a| self.expr(a)).collect();
        let rt = rt?;
        let tys: Vec<Ty> = tys.into_iter().collect::<Option<_>>()?;
        if let Ty::Array(d, n) = rt {
            if let Some(t) = self.array_method(&rt, name, args, &tys, e.span) {
                return t;
            }
            return match (name, tys.as_slice()) {
                ("copy" | "transpose", []) => Some(rt),
                ("flatten", []) => Some(Ty::Array(d, 1)),
                // NumPy's `a.fill(v)` stores like `a[...] = v`.
                ("fill", [vt]) => {
                    self.array_slice_store(&rt, vt, args[0].span);
                    Some(Ty::None)
                }
                ("copy" | "transpose" | "flatten" | "fill", _) => {
                    let want = if name == "fill" { "1" } else { "0" };
                    let m = msg::builtin_arity(&format!("ndarray.{name}"), want, args.len());
                    self.error(e.span, m);
                    None
                }
                _ => {
                    let _ = n;
                    self.error(e.span, msg::unknown_method(&rt.to_string(), name));
                    None
                }
            };
        }
        let Ty::List(elem) = &rt else {
            return self.scalar_method(e, &rt, name, &tys);
        };
        let elem = (**elem).clone();
        let arity = |this: &mut Self, ok: bool, expected: &str| {
            if !ok {
                this.error(
                    e.span,
                    msg::builtin_arity(&format!("list.{name}"), expected, args.len()),
                );
            }
            ok
        };
        let widen = |this: &mut Self, t: &Ty, span: Span| match join(&elem, t) {
            Some(j) => {
                if j != elem {
                    this.refine(recv, Ty::list(j.clone()));
                }
                Some(j)
            }
            None => {
                this.error(
                    span,
                    msg::bad_store(&t.to_string(), &format!("{rt} element")),
                );
                None
            }
        };
        match name {
            "append" => {
                if arity(self, args.len() == 1, "1")
                    && let Some(j) = widen(self, &tys[0], args[0].span)
                {
                    self.share(&args[0], &j);
                }
                Some(Ty::None)
            }
            "extend" => {
                if arity(self, args.len() == 1, "1") {
                    match value_item(&tys[0]) {
                        Some(t) if !matches!(tys[0], Ty::View(_)) => {
                            if let Some(j) = widen(self, &t, args[0].span) {
                                self.share_items(&args[0], &j);
                            }
                        }
                        _ => self.error(
                            args[0].span,
                            msg::bad_argument(
                                "list.extend",
                                &tys[0].to_string(),
                                "a list or tuple",
                            ),
                        ),
                    }
                }
                Some(Ty::None)
            }
            "insert" => {
                if arity(self, args.len() == 2, "2") {
                    self.require_int(&tys[0], args[0].span, "list.insert() position");
                    if let Some(j) = widen(self, &tys[1], args[1].span) {
                        self.share(&args[1], &j);
                    }
                }
                Some(Ty::None)
            }
            "pop" => {
                if arity(self, args.len() <= 1, "0 or 1") && args.len() == 1 {
                    self.require_int(&tys[0], args[0].span, "list.pop() index");
                }
                Some(elem)
            }
            "reverse" | "clear" => {
                arity(self, args.is_empty(), "0");
                Some(Ty::None)
            }
            "sort" => {
                if arity(self, args.len() <= 1, "0") && !orderable(&elem) {
                    self.error(
                        e.span,
                        msg::bad_argument("list.sort", &rt.to_string(), "a list of numbers"),
                    );
                }
                if let Some(t) = tys.first() {
                    self.condition_type(t, args[0].span);
                }
                Some(Ty::None)
            }
            "index" | "count" => {
                if arity(self, args.len() == 1, "1") && join(&elem, &tys[0]).is_none() {
                    self.error(
                        args[0].span,
                        msg::bad_argument(
                            &format!("list.{name}"),
                            &tys[0].to_string(),
                            &elem.to_string(),
                        ),
                    );
                }
                Some(Ty::INT)
            }
            "copy" => {
                arity(self, args.is_empty(), "0");
                Some(rt.clone())
            }
            _ => {
                self.error(e.span, msg::unknown_method(&rt.to_string(), name));
                None
            }
        }
    }

    fn scalar_method(&mut self, e: &Expr, rt: &Ty, name: &str, tys: &[Ty]) -> Option<Ty> {
        self.number_method(e, rt, name, tys.len())
    }

    fn condition_type(&mut self, t: &Ty, span: Span) {
        if t.scalar().is_none() {
            self.error(span, msg::bad_condition(&t.to_string()));
        }
    }

    /// Builtins over an iterable: `sum`, `min`/`max` of one argument, `sorted`, `list`,
    /// `any`, `all`, `len`.
    pub(super) fn iterable_builtin(
        &mut self,
        b: Builtin,
        args: &[Expr],
        tys: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let name = super::expr::builtin_name(b);
        if b == Builtin::Tuple {
            return self.tuple_call(args, tys, span);
        }
        let Some(first) = tys.first() else {
            if b == Builtin::List {
                return Some(Ty::list(Ty::Unknown));
            }
            self.error(span, msg::builtin_arity(name, "1", 0));
            return None;
        };
        let item = value_item(first)
            .or_else(|| (matches!(first, Ty::Tuple(t) if t.is_empty())).then_some(Ty::Unknown));
        let Some(item) = item else {
            self.error(
                args[0].span,
                msg::bad_argument(name, &first.to_string(), "a list or tuple"),
            );
            return None;
        };
        let numeric = |this: &mut Self, t: &Ty| match t {
            Ty::Scalar(s) if kind(s.dtype) <= 2 || b == Builtin::Sum => true,
            Ty::Unknown => true,
            _ => {
                this.error(
                    args[0].span,
                    msg::bad_argument(name, &first.to_string(), "numbers"),
                );
                false
            }
        };
        let max_args = match b {
            Builtin::Sum | Builtin::Sorted => 2,
            _ => 1,
        };
        if args.len() > max_args {
            self.error(
                span,
                msg::builtin_arity(name, &max_args.to_string(), args.len()),
            );
            return None;
        }
        match b {
            Builtin::Len => Some(Ty::INT),
            Builtin::Sum => {
                let start = tys.get(1).cloned().unwrap_or(Ty::INT);
                if !numeric(self, &item) {
                    return None;
                }
                let (Some(s), it) = (start.scalar(), item.scalar().unwrap_or(Scalar::INT)) else {
                    self.error(
                        args[1].span,
                        msg::bad_argument("sum", &start.to_string(), "a number"),
                    );
                    return None;
                };
                let p = promote(s, it);
                Some(Ty::Scalar(if p.dtype == Dtype::Bool {
                    Scalar::INT
                } else {
                    p
                }))
            }
            Builtin::Min | Builtin::Max => {
                if !orderable(&item) || item == Ty::Unknown {
                    self.error(
                        args[0].span,
                        msg::bad_argument(name, &first.to_string(), "a non-empty list of numbers"),
                    );
                    return None;
                }
                Some(item)
            }
            Builtin::Sorted => {
                if !orderable(&item) {
                    self.error(
                        args[0].span,
                        msg::bad_argument(name, &first.to_string(), "a list of numbers"),
                    );
                }
                if let Some(t) = tys.get(1) {
                    self.condition_type(t, args[1].span);
                }
                Some(Ty::list(item))
            }
            Builtin::List => Some(Ty::list(item)),
            Builtin::Any | Builtin::All => {
                if item.scalar().is_none() && item != Ty::Unknown {
                    self.error(
                        args[0].span,
                        msg::bad_argument(name, &first.to_string(), "numbers"),
                    );
                }
                Some(Ty::BOOL)
            }
            _ => None,
        }
    }

    /// `x in c` / `x not in c`: `c` a list or tuple whose items compare with `x`.
    pub(super) fn membership(&mut self, x: &Ty, c: &Ty, span: Span) -> bool {
        match value_item(c) {
            Some(item) if join(&item, x).is_some() && !matches!(c, Ty::View(_)) => true,
            None if matches!(c, Ty::Tuple(t) if t.is_empty()) => true,
            _ => {
                self.error(
                    span,
                    msg::bad_operands("in", &x.to_string(), &c.to_string()),
                );
                false
            }
        }
    }
}
