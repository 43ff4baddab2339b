//! Pass 4: infer a static type for every local and expression, per specialisation.
//!
//! Every export signature is a root instance; calls to other functions of the file create
//! instances specialised on the argument types (and on the list type a caller needs
//! back, see [`InstanceKey::ret`]). Types only widen (int joins float to float), so a
//! worklist reaches the fixpoint: an instance is typed again whenever something it read
//! from a callee (its return type, the types its parameters took) changed, which makes
//! the work proportional to the program, not to the length of its call chains. One last
//! pass then reports errors.
//!
//! Lists are shared by reference, so every name and place holding one list must agree
//! on its element type: where a list flows (assignment, element store, `append`, call
//! argument, `return`), the place it came from widens too ([`Typer::share`]). Across
//! calls this re-specialises: a callee that stores floats into an `int list` parameter
//! makes the caller's list a float list, and the call then goes to the callee's
//! `float list` instance.

mod arrays;
mod building;
pub(crate) mod building_more;
mod complex;
mod expr;
pub(crate) mod fancy;
mod histogram;
mod linalg;
mod lists;
mod narrow;
mod numpy;
pub(crate) use numpy::tuple_dtype;
mod reductions;
mod sorting;
pub(crate) mod ufunc_types;

pub(crate) use expr::{builtin_name, tuple_index};
pub(crate) use lists::value_item;
pub(crate) use numpy::py_scalar;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostics::{Diagnostic, Span};
use crate::ir::{ExprId, ExprKind, Function, Module, Stmt, Target};
use crate::messages::kernel as msg;
use crate::types::{Ty, join, join_optional};

/// A function specialised on argument types.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InstanceKey {
    /// Index into [`Module::functions`].
    pub func: usize,
    /// Argument types.
    pub args: Vec<Ty>,
    /// The (list-holding) type a caller needs the result to have, when wider than what
    /// the function returns on its own: `b = ident(a)` followed by `b.append(0.5)` needs
    /// `ident` to return a float list, which makes its parameter, and so `a`, one.
    pub ret: Option<Ty>,
}

/// The types of one specialisation.
#[derive(Clone, Debug)]
pub struct Instance {
    /// Which function, at which argument types.
    pub key: InstanceKey,
    /// Type of every local, parameters included.
    pub locals: BTreeMap<String, Ty>,
    /// Where each local first got its type (for messages).
    origins: HashMap<String, (Span, Ty)>,
    /// Type of every expression, by id (`None`: not (yet) known).
    pub exprs: Vec<Option<Ty>>,
    /// Return type (`None` while unknown).
    pub ret: Option<Ty>,
    /// Where the return type was first seen.
    pub ret_origin: Option<Span>,
    /// Instance called by each user-function call expression.
    pub calls: HashMap<ExprId, usize>,
    /// The result type each call expression must have (see [`InstanceKey::ret`]).
    ret_hints: HashMap<ExprId, Ty>,
    /// The first call to `print` (capsules refuse functions that print).
    pub prints: Option<Span>,
}

impl Instance {
    /// The Rust-level type of each parameter: the argument type, except that a
    /// list-holding parameter has the type it took in the function (an `int list`
    /// argument the function stores floats into is a float list from the start: the
    /// caller's list is that float list, see the module docs).
    pub fn param_types(&self, f: &Function) -> Vec<Ty> {
        f.params
            .iter()
            .zip(&self.key.args)
            .map(|((name, _), arg)| match self.locals.get(name) {
                Some(local) if arg.has_list() => local.clone(),
                _ => arg.clone(),
            })
            .collect()
    }

    /// What callers read from this instance: its result and its parameters' types.
    fn interface(&self, f: &Function) -> (Option<Ty>, Vec<Option<Ty>>) {
        let params = f
            .params
            .iter()
            .map(|(n, _)| self.locals.get(n).cloned())
            .collect();
        (self.ret.clone(), params)
    }
}

/// All instances of a kernel file.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Instances (roots first; two identical roots share one instance).
    pub instances: Vec<Instance>,
    /// The instance of each root, in the order the roots were given.
    pub roots: Vec<usize>,
    index: HashMap<InstanceKey, usize>,
    /// For each instance, the instances that called it (to type again when it changes).
    callers: Vec<BTreeSet<usize>>,
    /// Instances created since the worklist last looked.
    fresh: Vec<usize>,
    /// Functions that are not typed (see [`infer`]).
    broken: BTreeSet<usize>,
    /// Instances that called one of those.
    calls_broken: BTreeSet<usize>,
}

impl Program {
    fn instance_for(&mut self, module: &Module, key: InstanceKey) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let f = &module.functions[key.func];
        let mut locals = BTreeMap::new();
        let mut origins = HashMap::new();
        for ((name, span), ty) in f.params.iter().zip(&key.args) {
            locals.insert(name.clone(), ty.clone());
            origins.insert(name.clone(), (*span, ty.clone()));
        }
        let ret = if returns_value(&f.body) {
            key.ret.clone()
        } else {
            Some(Ty::None)
        };
        let inst = Instance {
            key: key.clone(),
            locals,
            origins,
            exprs: vec![None; f.expr_count as usize],
            ret,
            ret_origin: None,
            calls: HashMap::new(),
            ret_hints: HashMap::new(),
            prints: None,
        };
        self.instances.push(inst);
        self.callers.push(BTreeSet::new());
        let idx = self.instances.len() - 1;
        self.index.insert(key, idx);
        self.fresh.push(idx);
        idx
    }

    /// For each instance: does it call, directly or not, a function that is not typed?
    fn tainted(&self) -> Vec<bool> {
        let mut callers = vec![Vec::new(); self.instances.len()];
        for (i, inst) in self.instances.iter().enumerate() {
            for &c in inst.calls.values() {
                callers[c].push(i);
            }
        }
        let mut tainted = vec![false; self.instances.len()];
        let mut stack: Vec<usize> = self.calls_broken.iter().copied().collect();
        while let Some(i) = stack.pop() {
            if !std::mem::replace(&mut tainted[i], true) {
                stack.extend(&callers[i]);
            }
        }
        tainted
    }

    /// Drops the instances no root reaches (those that calls left behind when their
    /// argument types widened) and renumbers the others.
    fn prune(&mut self) {
        let mut seen = vec![false; self.instances.len()];
        let mut stack = self.roots.clone();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            stack.extend(self.instances[i].calls.values().copied());
        }
        let mut new_index = vec![usize::MAX; self.instances.len()];
        let mut kept = Vec::new();
        for (i, inst) in std::mem::take(&mut self.instances).into_iter().enumerate() {
            if seen[i] {
                new_index[i] = kept.len();
                kept.push(inst);
            }
        }
        for inst in &mut kept {
            for v in inst.calls.values_mut() {
                *v = new_index[*v];
            }
        }
        self.roots.iter_mut().for_each(|r| *r = new_index[*r]);
        self.calls_broken = self
            .calls_broken
            .iter()
            .map(|&i| new_index[i])
            .filter(|&i| i != usize::MAX)
            .collect();
        self.index = kept
            .iter()
            .enumerate()
            .map(|(i, inst)| (inst.key.clone(), i))
            .collect();
        self.callers = vec![BTreeSet::new(); kept.len()];
        self.instances = kept;
    }
}

/// Infers types for the given roots (function index, argument types).
///
/// Functions in `broken` (whose lowering failed) are not typed: their roots keep an
/// unknown result, calls to them have no type, and the errors that only echo that
/// ("cannot infer", "recursive function") are not reported in their callers.
pub fn infer(
    module: &Module,
    roots: &[(usize, Vec<Ty>)],
    broken: &BTreeSet<usize>,
) -> (Program, Vec<Diagnostic>) {
    let mut program = Program {
        broken: broken.clone(),
        ..Program::default()
    };
    for (func, args) in roots {
        let idx = program.instance_for(
            module,
            InstanceKey {
                func: *func,
                args: args.clone(),
                ret: None,
            },
        );
        program.roots.push(idx);
    }
    program
        .fresh
        .retain(|&i| !broken.contains(&program.instances[i].key.func));
    let settled = fixpoint(module, &mut program);
    program.prune();
    let tainted = program.tainted();
    let mut diags: Vec<Diagnostic> = Vec::new();
    if !settled && let Some(&root) = program.roots.first() {
        let f = &module.functions[program.instances[root].key.func];
        diags.push(Diagnostic::error(
            f.name_span,
            msg::inference_diverges(&f.name),
        ));
    }
    for (i, tainted) in tainted.into_iter().enumerate() {
        if broken.contains(&program.instances[i].key.func) {
            continue;
        }
        let mut found = Vec::new();
        Typer::run(module, &mut program, i, Some(&mut found));
        // "cannot infer" after another error in the same function is usually its echo.
        let cannot_infer = Some("PK0305");
        if found.iter().any(|d| d.message.code != cannot_infer) {
            found.retain(|d| d.message.code != cannot_infer);
        }
        // So is any unknown type downstream of a call into a function that has errors.
        if tainted {
            found.retain(|d| !matches!(d.message.code, Some("PK0305" | "PK0213")));
        }
        for d in found {
            if !diags
                .iter()
                .any(|x| x.span == d.span && x.message == d.message)
            {
                diags.push(d);
            }
        }
    }
    // A call that went to an instance specialised on its result looked up the plain
    // instance first, which the first pruning may have dropped.
    program.prune();
    (program, diags)
}

/// Types instances until nothing changes; `false` if it gave up (a safety net: types
/// only widen, so this needs a few passes per instance and never comes near it).
fn fixpoint(module: &Module, program: &mut Program) -> bool {
    // A stack: the callees a function creates are typed before it is typed again.
    let mut work: Vec<usize> = Vec::new();
    let mut queued: Vec<bool> = Vec::new();
    let mut runs: usize = 0;
    loop {
        for i in program.fresh.drain(..).rev() {
            queued.resize(program.instances.len(), false);
            if !std::mem::replace(&mut queued[i], true) {
                work.push(i);
            }
        }
        let Some(i) = work.pop() else {
            return true;
        };
        queued[i] = false;
        let f = &module.functions[program.instances[i].key.func];
        let before = program.instances[i].interface(f);
        // Within one function, a pass may read a local before a later statement widens it.
        while Typer::run(module, program, i, None) {
            runs += 1;
            if runs > 64 * (program.instances.len() + 16) {
                return false;
            }
        }
        runs += 1;
        if program.instances[i].interface(f) != before {
            for &c in &program.callers[i] {
                queued.resize(program.instances.len(), false);
                if !std::mem::replace(&mut queued[c], true) {
                    work.push(c);
                }
            }
        }
    }
}

/// Does the body contain `return <value>`?
fn returns_value(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Return(v, _) => v.is_some(),
        Stmt::If { then, orelse, .. } => returns_value(then) || returns_value(orelse),
        Stmt::ForRange { body, orelse, .. }
        | Stmt::ForEach { body, orelse, .. }
        | Stmt::While { body, orelse, .. } => returns_value(body) || returns_value(orelse),
        _ => false,
    })
}

/// One typing pass over one instance.
pub(crate) struct Typer<'a> {
    module: &'a Module,
    program: &'a mut Program,
    current: usize,
    func: &'a Function,
    changed: bool,
    report: Option<&'a mut Vec<Diagnostic>>,
    /// What the tests on the way say about `T | None` locals (see [`narrow`]).
    facts: narrow::Facts,
    /// The expression typed next may be `T | None` (an assigned or returned value, an
    /// operand of `is`); anywhere else such a value is an error.
    optional_ok: bool,
}

impl<'a> Typer<'a> {
    fn run(
        module: &'a Module,
        program: &'a mut Program,
        current: usize,
        report: Option<&'a mut Vec<Diagnostic>>,
    ) -> bool {
        let func = &module.functions[program.instances[current].key.func];
        let mut t = Typer {
            module,
            program,
            current,
            func,
            changed: false,
            report,
            facts: narrow::Facts::new(),
            optional_ok: false,
        };
        t.block(&func.body);
        // Falling off the end of a function that returns values returns `None`.
        if returns_value(&func.body) && !narrow::always_returns(&func.body) {
            t.returned(Ty::None, func.name_span);
        }
        t.changed
    }

    fn inst(&mut self) -> &mut Instance {
        &mut self.program.instances[self.current]
    }

    fn error(&mut self, span: Span, m: crate::messages::Message) {
        if let Some(r) = self.report.as_deref_mut() {
            r.push(Diagnostic::error(span, m));
        }
    }

    fn error_with(&mut self, d: Diagnostic) {
        if let Some(r) = self.report.as_deref_mut() {
            r.push(d);
        }
    }

    /// Joins `ty` into local `name`.
    fn assign_local(&mut self, name: &str, span: Span, ty: Ty) {
        let inst = self.inst();
        match inst.locals.get(name).cloned() {
            None => {
                inst.locals.insert(name.to_owned(), ty.clone());
                inst.origins.insert(name.to_owned(), (span, ty));
                self.changed = true;
            }
            Some(old) => match join_optional(&old, &ty) {
                Some(j) if j == old => {}
                Some(j) => {
                    inst.locals.insert(name.to_owned(), j);
                    self.changed = true;
                }
                None => {
                    let (first_span, first_ty) = inst
                        .origins
                        .get(name)
                        .cloned()
                        .unwrap_or((span, old.clone()));
                    let d = Diagnostic::error(
                        span,
                        msg::conflicting_types(name, &first_ty.to_string(), &ty.to_string()),
                    )
                    .with_secondary(first_span, format!("`{first_ty}` assigned here"));
                    self.error_with(d);
                }
            },
        }
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Assign {
                target,
                value,
                span,
            } => {
                self.optional_ok = matches!(target, Target::Local(..));
                let vt = self.expr(value);
                self.check_written_part(target);
                // `v[a:b] op= x`, lowered as `v[a:b] = v[a:b] op x` (the read has the
                // target's span): on arrays, NumPy's in-place casting rule applies.
                if let (Target::Slice { span: ts, .. }, ExprKind::Binary(op, read, x)) =
                    (target, &value.kind)
                    && read.span == *ts
                    && let (Some(a @ Ty::Array(..)), Some(xt)) = (
                        self.inst().exprs[read.id as usize].clone(),
                        self.inst().exprs[x.id as usize].clone(),
                    )
                {
                    self.array_aug_assign(&a, *op, &xt, *span);
                }
                let held = self.store(target, vt.clone(), value.span);
                if let Target::Local(name, _) = target {
                    self.assigned_fact(name, vt.as_ref());
                }
                // `b = a` with `b` a float list and `a` an int list: `a` becomes a float
                // list too, so that both names keep sharing one list.
                if let Some(held) = held {
                    self.share(value, &held);
                }
                // `a[i:j] = b` puts b's items into a.
                if let Target::Slice { base, .. } = target
                    && let Some(Ty::List(elem)) = self.inst().exprs[base.id as usize].clone()
                {
                    self.share_items(value, &elem);
                }
            }
            Stmt::AugAssign {
                target,
                op,
                value,
                span,
            } => {
                let vt = self.expr(value);
                self.check_written_part(target);
                let current = match target {
                    Target::Local(name, tspan) => {
                        let t = self.inst().locals.get(name).cloned();
                        if t.is_none() {
                            self.error(*tspan, msg::cannot_infer(name));
                        }
                        let t = t.map(|t| self.narrowed(name, t));
                        if let Some(o @ Ty::Optional(_)) = &t {
                            let what = format!("`{}`", crate::webs::user_name(name));
                            let m = msg::optional_use(&what, &o.to_string());
                            self.error(*tspan, m);
                            return;
                        }
                        t
                    }
                    Target::Index { base, index, .. } => self.index_type(base, index),
                    Target::Slice { .. } | Target::Tuple(..) => None,
                };
                let current = match (current, target) {
                    (None, Target::Slice { base, .. }) => match self.expr(base) {
                        Some(t @ Ty::Array(..)) => Some(t),
                        _ => None,
                    },
                    (c, _) => c,
                };
                if let (Some(Ty::Array(..)), Target::Index { base, .. }) = (&current, target)
                    && let Some(Ty::List(_)) = self.expr(base)
                {
                    // Found by fuzzing (seed 9, input 463195): the emitter has no
                    // in-place array operation on a list's element.
                    self.error(*span, msg::array_in_list_augassign());
                    return;
                }
                if let (Some(c @ Ty::Array(..)), Some(v)) = (&current, &vt) {
                    // `a += b` on an array is NumPy's in-place ufunc: `a` keeps its type.
                    self.array_aug_assign(c, *op, v, *span);
                    return;
                }
                if let (Some(c), Some(v)) = (current, vt) {
                    if let Ty::List(_) = c {
                        // `a += b` extends `a` in place; `a *= n` repeats it in place.
                        self.list_aug_assign(target, *op, (&c, value, &v), *span);
                        return;
                    }
                    let r = self.binary_type(*op, &c, &v, value, *span);
                    self.store(target, r, *span);
                }
            }
            Stmt::If { cond, then, orelse } => self.if_stmt(cond, then, orelse),
            Stmt::While { cond, body, orelse } => {
                self.loop_entry(body, orelse);
                let entry = self.facts.clone();
                self.condition(cond);
                self.facts.extend(narrow::cond_facts(cond, true));
                self.block(body);
                self.facts = entry;
                self.block(orelse);
            }
            Stmt::ForRange {
                var,
                var_span,
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                for e in crate::ir::range_args(start, stop, step) {
                    if let Some(t) = self.expr(e) {
                        self.require_int(&t, e.span, "range()");
                    }
                }
                self.loop_entry(body, orelse);
                self.assign_local(var, *var_span, Ty::INT);
                let entry = self.facts.clone();
                self.block(body);
                self.facts = entry;
                self.block(orelse);
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                self.loop_entry(body, orelse);
                let item = self.iter_item(iter);
                if let Some(held) = self.store(target, item, iter.span) {
                    self.share_iter(iter, &held);
                }
                let entry = self.facts.clone();
                self.block(body);
                self.facts = entry;
                self.block(orelse);
            }
            Stmt::Return(value, span) => {
                let t = match value {
                    Some(v) => {
                        self.optional_ok = true;
                        self.expr(v)
                    }
                    None => Some(Ty::None),
                };
                if let Some(t) = t {
                    self.returned(t, *span);
                    // A returned list takes the function's (joined) list type.
                    if let (Some(v), Some(ret)) = (value, self.inst().ret.clone()) {
                        self.share(v, &ret);
                    }
                }
            }
            Stmt::Expr(e) => {
                // `v - w` alone: an array temporary with nowhere to go.
                if let Some(Ty::Elementwise(_)) = self.expr(e) {
                    self.error(e.span, msg::array_temporary());
                }
            }
            Stmt::Assert { test, .. } => self.condition(test),
            Stmt::Break(_) | Stmt::Continue(_) | Stmt::Pass => {}
        }
    }

    fn returned(&mut self, t: Ty, span: Span) {
        if matches!(t, Ty::View(_) | Ty::Elementwise(_))
            || matches!(&t, Ty::Tuple(items) if items.iter().any(|i| matches!(i, Ty::View(_))))
        {
            self.error(span, msg::bad_return(&t.to_string()));
            return;
        }
        let name = self.func.name.clone();
        let inst = self.inst();
        match inst.ret.clone() {
            None => {
                inst.ret = Some(t);
                inst.ret_origin = Some(span);
                self.changed = true;
            }
            Some(old) => match join_optional(&old, &t) {
                Some(j) if j == old => {}
                Some(j) => {
                    inst.ret = Some(j);
                    self.changed = true;
                }
                None => {
                    let first = inst.ret_origin.unwrap_or(span);
                    let d = Diagnostic::error(
                        span,
                        msg::conflicting_returns(&name, &old.to_string(), &t.to_string()),
                    )
                    .with_secondary(first, format!("returns `{old}` here"));
                    self.error_with(d);
                }
            },
        }
    }

    /// Stores a value of type `vt` into `target`; returns the type the target holds
    /// afterwards when it is a local, a list element or a tuple of those (the type a
    /// stored list must share, see [`Typer::share`]).
    /// `z.real[...] = v`: `.real`/`.imag` of an array are copies here, not NumPy's views,
    /// so writing through them is refused rather than lost.
    fn check_written_part(&mut self, target: &Target) {
        let mut base = match target {
            Target::Index { base, .. } | Target::Slice { base, .. } => base,
            _ => return,
        };
        loop {
            match &base.kind {
                ExprKind::Attr(inner, part) if part == "real" || part == "imag" => {
                    if let Some(Ty::Array(..)) = self.inst().exprs[inner.id as usize] {
                        self.error(base.span, crate::messages::numpy::written_part(part));
                    }
                    return;
                }
                ExprKind::Index(b, _) | ExprKind::Slice(b, ..) | ExprKind::Attr(b, _) => base = b,
                _ => return,
            }
        }
    }

    fn store(&mut self, target: &Target, vt: Option<Ty>, vspan: Span) -> Option<Ty> {
        let vt = vt?;
        match target {
            Target::Tuple(targets, span) => match &vt {
                Ty::Tuple(items) if items.len() == targets.len() => {
                    // An item stored where no list can live (an array element) asks
                    // nothing of the value: it keeps its own type.
                    let mut held = Vec::new();
                    for (t, it) in targets.iter().zip(items) {
                        if let Target::Slice { span, .. } = t {
                            self.error(
                                *span,
                                msg::unsupported_statement("a slice inside tuple unpacking"),
                            );
                            held.push(it.clone());
                            continue;
                        }
                        let h = self.store(t, Some(it.clone()), vspan);
                        held.push(h.unwrap_or_else(|| it.clone()));
                    }
                    Some(Ty::Tuple(held))
                }
                // `dx, dy = v` (elements) and `x, y = pts.T` (rows): checked when it runs.
                Ty::Array(d, n) => {
                    let item = if *n == 1 {
                        Ty::Scalar(crate::types::Scalar::np(*d))
                    } else {
                        Ty::Array(*d, n - 1)
                    };
                    for t in targets {
                        if let Target::Slice { span, .. } = t {
                            self.error(
                                *span,
                                msg::unsupported_statement("a slice inside tuple unpacking"),
                            );
                            continue;
                        }
                        self.store(t, Some(item.clone()), vspan);
                    }
                    Some(vt.clone())
                }
                // `left, right = np.split(a, 2)`: the items of a list, counted when it
                // runs.
                Ty::List(item) if !matches!(**item, Ty::Unknown) => {
                    for t in targets {
                        if let Target::Slice { span, .. } = t {
                            self.error(
                                *span,
                                msg::unsupported_statement("a slice inside tuple unpacking"),
                            );
                            continue;
                        }
                        self.store(t, Some((**item).clone()), vspan);
                    }
                    Some(vt.clone())
                }
                _ => {
                    self.error(*span, msg::bad_unpack(&vt.to_string(), targets.len()));
                    None
                }
            },
            Target::Local(name, span) => {
                narrow::forget(&mut self.facts, name);
                if let Ty::Elementwise(_) = vt {
                    self.error(vspan, msg::array_temporary());
                    return None;
                }
                self.assign_local(name, *span, vt);
                self.inst().locals.get(name).cloned()
            }
            Target::Index { base, index, span } => {
                let elem = self.index_type(base, index)?;
                let bt = self.inst().exprs[base.id as usize].clone();
                if let Some(Ty::List(_)) = bt {
                    return self.store_element(base, &elem, vt, *span);
                }
                if let Ty::Array(..) = elem {
                    self.array_slice_store(&elem, &vt, *span);
                    return None;
                }
                if let Some(a @ Ty::Array(..)) = &bt
                    && !self.array_element_store(a, &vt, *span)
                {
                    return None;
                }
                self.check_store(&vt, &elem, bt.as_ref(), *span);
                None
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                span,
            } => {
                let bt = self.expr(base);
                for e in [lower, upper, step].into_iter().flatten() {
                    if let Some(t) = self.expr(e) {
                        self.require_int(&t, e.span, "slice indices");
                    }
                }
                match bt {
                    Some(Ty::List(elem)) => match &vt {
                        Ty::List(v) => {
                            if let Some(j) = join(&elem, v) {
                                if j != *elem {
                                    self.refine(base, Ty::list(j));
                                }
                            } else {
                                self.error(
                                    vspan,
                                    msg::bad_store(
                                        &vt.to_string(),
                                        &format!("a slice of {}", Ty::List(elem)),
                                    ),
                                );
                            }
                        }
                        _ => self.error(
                            vspan,
                            msg::bad_store(&vt.to_string(), "a list slice (it takes a list)"),
                        ),
                    },
                    Some(a @ Ty::Array(..)) => self.array_slice_store(&a, &vt, vspan),
                    Some(Ty::View(_)) if !(vt.scalar().is_some() || vt.is_array()) => {
                        self.error(vspan, msg::bad_store(&vt.to_string(), "an array slice"));
                    }
                    Some(Ty::View(_)) => {}
                    Some(other) => {
                        self.error(*span, msg::not_indexable(&format!("{other} (slicing)")))
                    }
                    None => {}
                }
                None
            }
        }
    }

    /// ctypes refuses a float stored into an integer pointer; NumPy casts anything.
    fn check_store(&mut self, value: &Ty, elem: &Ty, base: Option<&Ty>, span: Span) {
        let Some(v) = value.scalar() else {
            self.error(span, msg::bad_store(&value.to_string(), &elem.to_string()));
            return;
        };
        if let (Some(Ty::Ptr(d)), Some(e)) = (base, elem.scalar())
            && (d.is_int() || e.dtype.is_int())
            && crate::types::kind(v.dtype) > 1
        {
            self.error(
                span,
                msg::bad_store(&value.to_string(), &format!("{}*", d.numpy_name())),
            );
        }
    }

    fn condition(&mut self, cond: &crate::ir::Expr) {
        // Numbers, and lists and tuples (empty is false), as in Python; `T | None` of
        // those (None is false).
        self.optional_ok = true;
        if let Some(t) = self.expr(cond)
            && let inner = match &t {
                Ty::Optional(inner) => &**inner,
                t => t,
            }
            && inner.scalar().is_none()
            && !matches!(inner, Ty::List(_) | Ty::Tuple(_))
        {
            self.error(cond.span, msg::bad_condition(&t.to_string()));
        }
    }

    fn require_int(&mut self, t: &Ty, span: Span, what: &str) -> bool {
        match t.scalar() {
            Some(s) if crate::types::kind(s.dtype) <= 1 => true,
            _ => {
                self.error(span, msg::bad_argument(what, &t.to_string(), "an integer"));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::exports::Dtype;
    use crate::testutil::{inferred, texts};
    use crate::types::{Scalar, Ty};

    #[test]
    fn int_and_float_unify_to_float() {
        let (_, _, p, d) = inferred(
            "#pykernel export f(int)\ndef f(n):\n    s = 0\n    for i in range(n):\n        s += 0.5\n    return s\n",
        );
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(p.instances[0].locals["s"], Ty::FLOAT);
        assert_eq!(p.instances[0].locals["i"], Ty::INT);
        assert_eq!(p.instances[0].ret, Some(Ty::FLOAT));
    }

    #[test]
    fn numpy_scalars_follow_nep50() {
        let (_, _, p, d) =
            inferred("#pykernel export f(float32, int32)\ndef f(x, k):\n    return x * 2.0 + k\n");
        assert!(d.is_empty(), "{:?}", texts(&d));
        // float32 * python float stays float32; + int32 promotes to float64.
        assert_eq!(
            p.instances[0].ret,
            Some(Ty::Scalar(Scalar::np(Dtype::Float64)))
        );
        let (_, _, p, _) = inferred("#pykernel export f(float32)\ndef f(x):\n    return x * 2.0\n");
        assert_eq!(
            p.instances[0].ret,
            Some(Ty::Scalar(Scalar::np(Dtype::Float32)))
        );
    }

    #[test]
    fn capsule_pointers_read_python_scalars_and_views_numpy_scalars() {
        let src = "from numpy.ctypeslib import as_array\n#pythran export capsule f(int32, float32*)\ndef f(n, p):\n    a = p[0]\n    v = as_array(p, (n,))\n    b = v[0]\n    return a + b\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        let i = &p.instances[0];
        assert_eq!(i.locals["n"], Ty::INT);
        assert_eq!(i.locals["a"], Ty::FLOAT);
        assert_eq!(i.locals["v"], Ty::View(Dtype::Float32));
        assert_eq!(i.locals["b"], Ty::Scalar(Scalar::np(Dtype::Float32)));
    }

    #[test]
    fn helpers_are_specialised_per_argument_types() {
        let src = "#pykernel export f(int, float)\ndef f(n, x):\n    return sq(n) + sq(x)\ndef sq(v):\n    return v * v\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(p.instances.len(), 3);
        assert_eq!(p.instances[1].ret, Some(Ty::INT));
        assert_eq!(p.instances[2].ret, Some(Ty::FLOAT));
    }

    #[test]
    fn recursion_reaches_a_fixpoint() {
        let src = "#pykernel export fib(int)\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(p.instances[0].ret, Some(Ty::INT));
    }

    #[test]
    fn long_call_chains_need_no_iteration_cap() {
        // `h0` calls `h1` ... calls `h{n-1}`: each return type is known only once its
        // callee's is; no number of passes over the instances is enough in general.
        for n in [64, 200, 1000] {
            let mut src = String::from("#pythran export h0(int)\n");
            for i in 0..n - 1 {
                src += &format!("def h{i}(x):\n    return h{}(x) + 1\n", i + 1);
            }
            src += &format!("def h{}(x):\n    return x * 0.5\n", n - 1);
            let (_, _, p, d) = inferred(&src);
            assert!(d.is_empty(), "{n}: {:?}", texts(&d));
            assert_eq!(p.instances.len(), n);
            assert!(p.instances.iter().all(|i| i.ret == Some(Ty::FLOAT)));
        }
    }

    #[test]
    fn mutual_recursion_still_settles_and_needs_a_base_case() {
        let src = "#pykernel export even(int)\ndef even(n):\n    if n == 0:\n        return True\n    return odd(n - 1)\ndef odd(n):\n    if n == 0:\n        return False\n    return even(n - 1)\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(p.instances.len(), 2);
        assert!(p.instances.iter().all(|i| i.ret == Some(Ty::BOOL)));
        let src =
            "#pykernel export f(int)\ndef f(n):\n    return g(n) + 1\ndef g(n):\n    return f(n)\n";
        let (_, _, _, d) = inferred(src);
        assert!(
            texts(&d).iter().any(|t| t.contains("recursive function")),
            "{:?}",
            texts(&d)
        );
    }

    #[test]
    fn recursion_that_nests_its_arguments_is_an_error() {
        let src = "#pykernel export f(int)\ndef f(n):\n    return g(n, n)\ndef g(x, n):\n    if n == 0:\n        return 0\n    return g((x, x), n - 1)\n";
        let (_, _, _, d) = inferred(src);
        assert!(
            texts(&d).iter().any(|t| t.contains("keep growing")),
            "{:?}",
            texts(&d)
        );
    }

    fn local(p: &crate::infer::Program, func: usize, name: &str) -> Ty {
        let i = p.instances.iter().find(|i| i.key.func == func);
        i.map(|i| i.locals[name].clone()).unwrap_or(Ty::None)
    }

    #[test]
    fn a_helper_storing_floats_makes_the_callers_list_a_float_list() {
        let src = "#pythran export grid(int)\ndef relax(u):\n    for i in range(1, len(u) - 1):\n        u[i] = (u[i - 1] + u[i + 1]) / 2\ndef grid(n):\n    u = [0] * n\n    u[0] = 1\n    relax(u)\n    return u\n";
        let (m, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        let fl = Ty::list(Ty::FLOAT);
        assert_eq!(local(&p, 1, "u"), fl);
        // Only the float-list instance of `relax` is left.
        assert_eq!(p.instances.len(), 2);
        let relax = p.instances.iter().find(|i| i.key.func == 0).unwrap();
        assert_eq!(relax.key.args, vec![fl.clone()]);
        assert_eq!(relax.param_types(&m.functions[0]), vec![fl]);
    }

    #[test]
    fn lists_unify_through_returns_rows_appends_and_literals() {
        let fl = Ty::list(Ty::FLOAT);
        // A returned alias: `b` is `a`.
        let src = "#pythran export f(int)\ndef ident(u):\n    return u\ndef f(n):\n    a = [0] * n\n    b = ident(a)\n    b[0] = 0.5\n    return a\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(local(&p, 1, "a"), fl);
        // A fresh result: only the result that gets floats is a float list.
        let src = "#pythran export f(int)\ndef mk(n):\n    return [0] * n\ndef f(n):\n    a = mk(n)\n    b = mk(n)\n    b[0] = 0.5\n    return a, b\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(local(&p, 1, "a"), Ty::list(Ty::INT));
        assert_eq!(local(&p, 1, "b"), fl);
        // Rows seen through a loop variable, an appended list, a list literal, a tuple.
        for body in [
            "m = [[0] * n for _ in range(n)]\n    for row in m:\n        row[0] = 0.5\n    return m",
            "m = []\n    r = [0] * n\n    m.append(r)\n    m.append([0.5])\n    return r",
            "r = [0] * n\n    m = [r, [0.5]]\n    return r",
            "r = [0] * n\n    t = (r, n)\n    x, y = t\n    x[0] = 0.5\n    return r",
        ] {
            let src = format!("#pythran export f(int)\ndef f(n):\n    {body}\n");
            let (_, _, p, d) = inferred(&src);
            assert!(d.is_empty(), "{body}: {:?}", texts(&d));
            let ret = p.instances[0].ret.clone().unwrap();
            assert!(ret == fl || ret == Ty::list(fl.clone()), "{body}: {ret}");
        }
    }

    #[test]
    fn scalars_in_returned_tuples_keep_their_types() {
        // Only the lists of a tuple are shared: `n` stays an int (it is a range bound).
        let src = "#pythran export f(int)\ndef pair(n):\n    u = [0] * n\n    for i in range(n):\n        u[i] = i\n    return u, n\ndef f(n):\n    a, k = pair(n)\n    k = 0.5\n    a[0] = 0.5\n    return a\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        assert_eq!(local(&p, 0, "n"), Ty::INT);
        assert_eq!(local(&p, 0, "u"), Ty::list(Ty::FLOAT));
    }

    #[test]
    fn none_on_some_paths_gives_an_optional_that_tests_narrow() {
        let opt = |t: Ty| Ty::Optional(Box::new(t));
        // Bare return, falling off the end, and a caller that narrows.
        let src = "#pykernel export f(int)\ndef g(n):\n    if n < 0:\n        return\n    for i in range(n):\n        if i * i > n:\n            return i * 0.5\ndef f(n):\n    r = g(n)\n    if r is None:\n        return 0.0\n    return r + 1.0\n";
        let (_, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        let g = p.instances.iter().find(|i| i.key.func == 0).unwrap();
        assert_eq!(g.ret, Some(opt(Ty::FLOAT)));
        assert_eq!(local(&p, 1, "r"), opt(Ty::FLOAT));
        assert_eq!(p.instances[0].ret, Some(Ty::FLOAT));
        // Without the test, the use is refused.
        let src = "#pykernel export f(int)\ndef g(n):\n    if n < 0:\n        return None\n    return n\ndef f(n):\n    r = g(n)\n    return r + 1\n";
        let (_, _, _, d) = inferred(src);
        assert_eq!(d.len(), 1, "{:?}", texts(&d));
        assert_eq!(d[0].message.code, Some("PK0394"));
    }

    #[test]
    fn type_conflicts_are_errors_naming_both_places() {
        let src = "#pythran export capsule f(int32, float64*)\ndef f(n, p):\n    v = p[0]\n    if n > 0:\n        v = p\n    w = v\n    return 0.0\n";
        let (_, _, _, d) = inferred(src);
        assert_eq!(d.len(), 1, "{:?}", texts(&d));
        assert!(d[0].message.text.contains("assigned both"));
        assert_eq!(d[0].secondary.len(), 1);
    }
}
