//! Pass 4: infer a static type for every local and expression, per specialisation.
//!
//! Every export signature is a root instance; calls to other functions of the file create
//! instances specialised on the argument types. Inference runs to a fixpoint (types only
//! widen: int joins float to float), then one last pass reports errors.

mod arrays;
mod complex;
mod expr;
mod lists;

pub(crate) use expr::{builtin_name, tuple_index};
pub(crate) use lists::value_item;

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::{Diagnostic, Span};
use crate::ir::{ExprId, Function, Module, Stmt, Target};
use crate::messages::kernel as msg;
use crate::types::{Ty, join};

/// A function specialised on argument types.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InstanceKey {
    /// Index into [`Module::functions`].
    pub func: usize,
    /// Argument types.
    pub args: Vec<Ty>,
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
}

/// All instances of a kernel file.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Instances (roots first; two identical roots share one instance).
    pub instances: Vec<Instance>,
    /// The instance of each root, in the order the roots were given.
    pub roots: Vec<usize>,
    index: HashMap<InstanceKey, usize>,
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
            None
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
        };
        self.instances.push(inst);
        self.index.insert(key, self.instances.len() - 1);
        self.instances.len() - 1
    }
}

/// Infers types for the given roots (function index, argument types).
pub fn infer(module: &Module, roots: &[(usize, Vec<Ty>)]) -> (Program, Vec<Diagnostic>) {
    let mut program = Program::default();
    for (func, args) in roots {
        let idx = program.instance_for(
            module,
            InstanceKey {
                func: *func,
                args: args.clone(),
            },
        );
        program.roots.push(idx);
    }
    // Fixpoint: each round re-types every instance with what the others know so far.
    for _ in 0..64 {
        let mut changed = false;
        let mut i = 0;
        while i < program.instances.len() {
            changed |= Typer::run(module, &mut program, i, None);
            i += 1;
        }
        if !changed {
            break;
        }
    }
    let mut diags: Vec<Diagnostic> = Vec::new();
    for i in 0..program.instances.len() {
        let mut found = Vec::new();
        Typer::run(module, &mut program, i, Some(&mut found));
        // "cannot infer" after another error in the same function is usually its echo.
        let cannot_infer = Some("PK0305");
        if found.iter().any(|d| d.message.code != cannot_infer) {
            found.retain(|d| d.message.code != cannot_infer);
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
    (program, diags)
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
        };
        t.block(&func.body);
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
            Some(old) => match join(&old, &ty) {
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
            Stmt::Assign { target, value, .. } => {
                let vt = self.expr(value);
                self.store(target, vt.clone(), value.span);
                // `b = a` with `b` a float list and `a` an int list: `a` becomes a float
                // list too, so that both names keep sharing one list.
                if let (Target::Local(name, _), Some(vt)) = (target, vt)
                    && vt.has_list()
                    && let Some(lt) = self.inst().locals.get(name).cloned()
                    && lt != vt
                {
                    self.refine(value, lt);
                }
            }
            Stmt::AugAssign {
                target,
                op,
                value,
                span,
            } => {
                let vt = self.expr(value);
                let current = match target {
                    Target::Local(name, tspan) => {
                        let t = self.inst().locals.get(name).cloned();
                        if t.is_none() {
                            self.error(*tspan, msg::cannot_infer(name));
                        }
                        t
                    }
                    Target::Index { base, index, .. } => self.index_type(base, index),
                    Target::Slice { .. } | Target::Tuple(..) => None,
                };
                if let (Some(c), Some(v)) = (current, vt) {
                    if let Ty::List(_) = c {
                        // `a += b` extends `a` in place; `a *= n` repeats it in place.
                        self.list_aug_assign(target, *op, &c, &v, *span);
                        return;
                    }
                    let r = self.binary_type(*op, &c, &v, value, *span);
                    self.store(target, r, *span);
                }
            }
            Stmt::If { cond, then, orelse } => {
                self.condition(cond);
                self.block(then);
                self.block(orelse);
            }
            Stmt::While { cond, body, orelse } => {
                self.condition(cond);
                self.block(body);
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
                self.assign_local(var, *var_span, Ty::INT);
                self.block(body);
                self.block(orelse);
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                let item = self.iter_item(iter);
                self.store(target, item, iter.span);
                self.block(body);
                self.block(orelse);
            }
            Stmt::Return(value, span) => {
                let t = match value {
                    Some(v) => self.expr(v),
                    None => Some(Ty::None),
                };
                if let Some(t) = t {
                    self.returned(t.clone(), *span);
                    // A returned list takes the function's (joined) list type.
                    if let (Some(v), Some(ret)) = (value, self.inst().ret.clone())
                        && t.has_list()
                        && ret != t
                    {
                        self.refine(v, ret);
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
            Some(old) => match join(&old, &t) {
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

    fn store(&mut self, target: &Target, vt: Option<Ty>, vspan: Span) {
        let Some(vt) = vt else { return };
        match target {
            Target::Tuple(targets, span) => match &vt {
                Ty::Tuple(items) if items.len() == targets.len() => {
                    for (t, it) in targets.iter().zip(items) {
                        if let Target::Slice { span, .. } = t {
                            self.error(
                                *span,
                                msg::unsupported_statement("a slice inside tuple unpacking"),
                            );
                            continue;
                        }
                        self.store(t, Some(it.clone()), vspan);
                    }
                }
                _ => self.error(*span, msg::bad_unpack(&vt.to_string(), targets.len())),
            },
            Target::Local(name, span) => {
                if let Ty::Elementwise(_) = vt {
                    self.error(vspan, msg::array_temporary());
                    return;
                }
                self.assign_local(name, *span, vt);
            }
            Target::Index { base, index, span } => {
                let Some(elem) = self.index_type(base, index) else {
                    return;
                };
                let bt = self.inst().exprs[base.id as usize].clone();
                if let Some(Ty::List(_)) = bt {
                    self.store_element(base, &elem, vt, *span);
                    return;
                }
                if let Ty::Array(..) = elem {
                    self.array_slice_store(&elem, &vt, *span);
                    return;
                }
                if let Some(a @ Ty::Array(..)) = &bt
                    && !self.array_element_store(a, &vt, *span)
                {
                    return;
                }
                self.check_store(&vt, &elem, bt.as_ref(), *span);
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
        // Numbers, and lists and tuples (empty is false), as in Python.
        if let Some(t) = self.expr(cond)
            && t.scalar().is_none()
            && !matches!(t, Ty::List(_) | Ty::Tuple(_))
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
    fn type_conflicts_are_errors_naming_both_places() {
        let src = "#pythran export capsule f(int32, float64*)\ndef f(n, p):\n    v = p[0]\n    v = p\n    return 0.0\n";
        let (_, _, _, d) = inferred(src);
        assert_eq!(d.len(), 1, "{:?}", texts(&d));
        assert!(d[0].message.text.contains("assigned both"));
        assert_eq!(d[0].secondary.len(), 1);
    }
}
