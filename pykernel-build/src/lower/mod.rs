//! Pass 3: lower the Python AST to the kernel IR.
//!
//! Resolves names (locals, module constants, functions, imports of `math` and
//! `numpy.ctypeslib`), rejects what is not supported with `file:line:col` errors, and
//! gives every expression an id.

mod building;
mod building_args;
mod einsum;
mod expr;
mod fancy;
mod fnargs;
mod info;
mod isclose;
mod iter;
mod lambdas;
mod linalg;
mod module_names;
mod names;
mod nested;
mod params;
mod raise;
mod reductions;
mod sorting;

use std::collections::{BTreeSet, HashMap};

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::{Diagnostic, Span};
use crate::ir::{self, ExprKind, Function, Module, Stmt, Target};
use crate::messages::kernel as msg;

pub(crate) use names::suggest;
use names::{Imported, module_imports};

/// Span of any AST node.
pub(crate) fn span_of(node: &impl Ranged) -> Span {
    let r = node.range();
    Span::new(r.start().to_usize(), r.end().to_usize())
}

/// Module-level context shared by all functions.
struct ModuleCtx<'a> {
    source: &'a str,
    imports: HashMap<String, Imported>,
    constants: HashMap<String, &'a ast::Expr>,
    functions: BTreeSet<String>,
    /// Parameters of each function, with their default values.
    signatures: HashMap<String, Vec<(String, Option<&'a ast::Expr>)>>,
    /// Lambdas bound to names, lifted to functions.
    lambdas: lambdas::Lambdas<'a>,
    /// Python's locals of each `def`: parameters and every assigned name.
    function_locals: HashMap<String, BTreeSet<String>>,
    /// Functions defined inside functions, lifted.
    nested: nested::NestedDefs<'a>,
}

/// A lowering error and the function whose lowering found it.
#[derive(Clone, Debug)]
pub struct OwnedDiagnostic {
    /// Index in `Module::functions` of the function being lowered; `None` at module
    /// level. Copies of one `def` (specialized for the functions passed to it, default
    /// wrappers) share its span, so the span alone cannot tell which copy failed.
    pub owner: Option<usize>,
    /// The error.
    pub diag: Diagnostic,
}

/// Lowers a parsed module. Returns the IR and every error found.
#[cfg(test)]
pub fn lower(source: &str, suite: &[ast::Stmt]) -> (Module, Vec<Diagnostic>) {
    let (module, diags) = lower_owned(source, suite);
    (module, diags.into_iter().map(|d| d.diag).collect())
}

/// [`lower`], with each error tagged with the function whose lowering found it.
pub fn lower_owned(source: &str, suite: &[ast::Stmt]) -> (Module, Vec<OwnedDiagnostic>) {
    let mut diags: Vec<OwnedDiagnostic> = Vec::new();
    let at_module = |d: Diagnostic| OwnedDiagnostic {
        owner: None,
        diag: d,
    };
    let mut ctx = ModuleCtx {
        source,
        imports: HashMap::new(),
        constants: HashMap::new(),
        functions: BTreeSet::new(),
        signatures: HashMap::new(),
        lambdas: HashMap::new(),
        function_locals: HashMap::new(),
        nested: HashMap::new(),
    };
    for stmt in suite {
        match stmt {
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => {
                ctx.imports.extend(module_imports(stmt));
            }
            ast::Stmt::FunctionDef(f) => {
                ctx.functions.insert(f.name.to_string());
                let params = f
                    .args
                    .posonlyargs
                    .iter()
                    .chain(&f.args.args)
                    .map(|a| (a.def.arg.to_string(), a.default.as_deref()))
                    .collect();
                ctx.signatures.insert(f.name.to_string(), params);
            }
            _ if lambdas::named_lambda(stmt).is_some() => {
                if let Some((name, node)) = lambdas::named_lambda(stmt) {
                    ctx.functions.insert(name.to_owned());
                    ctx.signatures
                        .insert(name.to_owned(), lambdas::params(node));
                    let lambda = lambdas::Lambda {
                        lifted: name.to_owned(),
                        node,
                        enclosing: None,
                        captures: Vec::new(),
                    };
                    ctx.lambdas.insert((String::new(), name.to_owned()), lambda);
                }
            }
            ast::Stmt::Assign(a) => match a.targets.as_slice() {
                [ast::Expr::Name(n)] => {
                    ctx.constants.insert(n.id.to_string(), &a.value);
                }
                _ => diags.push(at_module(Diagnostic::error(
                    span_of(stmt),
                    msg::unsupported_module_statement("this assignment"),
                ))),
            },
            ast::Stmt::AnnAssign(a) => match (a.target.as_ref(), &a.value) {
                (ast::Expr::Name(n), Some(v)) => {
                    ctx.constants.insert(n.id.to_string(), v);
                }
                _ => diags.push(at_module(Diagnostic::error(
                    span_of(stmt),
                    msg::unsupported_module_statement("this assignment"),
                ))),
            },
            // Docstrings and `if __name__ == "__main__":` blocks are for CPython only.
            ast::Stmt::Expr(e) if is_string(&e.value) => {}
            ast::Stmt::If(i) if is_main_guard(&i.test) => {}
            ast::Stmt::Pass(_) => {}
            other => diags.push(at_module(Diagnostic::error(
                head_span(source, span_of(other)),
                msg::unsupported_module_statement(statement_name(other)),
            ))),
        }
    }
    // Lambdas bound to names inside functions, with the locals they read.
    for stmt in suite {
        if let ast::Stmt::FunctionDef(f) = stmt {
            let mut locals = BTreeSet::new();
            for a in f.args.posonlyargs.iter().chain(&f.args.args) {
                locals.insert(a.def.arg.to_string());
            }
            collect_assigned(&f.body, &mut locals);
            ctx.function_locals
                .insert(f.name.to_string(), locals.clone());
            let mut defs = HashMap::new();
            nested::collect(f, &locals, &mut defs);
            for n in defs.values() {
                ctx.functions.insert(n.lifted.clone());
                let params = n
                    .node
                    .args
                    .posonlyargs
                    .iter()
                    .chain(&n.node.args.args)
                    .map(|a| (a.def.arg.to_string(), a.default.as_deref()))
                    .collect();
                ctx.signatures.insert(n.lifted.clone(), params);
            }
            ctx.nested.extend(defs);
            let mut found = HashMap::new();
            lambdas::collect_in_function(f, &locals, &mut found);
            for l in found.values() {
                ctx.functions.insert(l.lifted.clone());
                ctx.signatures
                    .insert(l.lifted.clone(), lambdas::params(l.node));
            }
            ctx.lambdas.extend(found);
        }
    }
    let mut module = Module::default();
    let mut requests: Vec<fnargs::Specialization> = Vec::new();
    for stmt in suite {
        if let ast::Stmt::FunctionDef(f) = stmt {
            let mut lowerer = FnLowerer::new(&ctx, f);
            let func = lowerer.function(f);
            owned(&mut diags, module.functions.len(), lowerer.diags);
            requests.extend(lowerer.requests);
            module.functions.push(func);
        }
    }
    // `f(x, k=2.0)` exported as `f(float, float?)`: one function per shorter signature
    // that calls `f` with the defaults (evaluated in module scope, as Python does).
    for stmt in suite {
        if let ast::Stmt::FunctionDef(f) = stmt {
            let mut lowerer = FnLowerer::new(&ctx, f);
            lowerer.locals.clear();
            let wrappers = lowerer.default_wrappers(f);
            // Errors in default values belong to the wrappers that evaluate them (to the
            // function itself when no wrapper could be made).
            let owner = if wrappers.is_empty() {
                module
                    .functions
                    .iter()
                    .position(|g| g.name == f.name.as_str())
            } else {
                Some(module.functions.len())
            };
            diags.extend(
                lowerer
                    .diags
                    .into_iter()
                    .map(|diag| OwnedDiagnostic { owner, diag }),
            );
            requests.extend(lowerer.requests);
            module.functions.extend(wrappers);
        }
    }
    // Copies of functions for the functions passed to them (`fnargs`), until no new
    // one is asked for.
    let defs: HashMap<&str, &ast::StmtFunctionDef> = suite
        .iter()
        .filter_map(|s| match s {
            ast::Stmt::FunctionDef(f) => Some((f.name.as_str(), f)),
            _ => None,
        })
        .collect();
    let mut done: BTreeSet<String> = BTreeSet::new();
    while let Some(req) = requests.pop() {
        let name = req.name();
        if done.contains(&name) || done.len() >= fnargs::MAX_SPECIALIZATIONS {
            continue;
        }
        done.insert(name.clone());
        let Some(f) = defs.get(req.func.as_str()) else {
            continue;
        };
        let mut lowerer = FnLowerer::new(&ctx, f);
        let params: Vec<String> = f
            .args
            .posonlyargs
            .iter()
            .chain(&f.args.args)
            .map(|a| a.def.arg.to_string())
            .collect();
        let mut capture_params = Vec::new();
        for (k, g, ncap) in &req.fixed {
            if let Some(p) = params.get(*k) {
                lowerer.locals.remove(p);
                if let Some(spelling) = g.strip_prefix(fnargs::DTYPE_PREFIX) {
                    if let Some(d) = FnLowerer::dtype_of_spelling(spelling) {
                        lowerer
                            .dtype_aliases
                            .insert(p.clone(), (d, spelling.to_owned()));
                    }
                    continue;
                }
                lowerer.aliases.insert(p.clone(), g.clone());
                let caps = fnargs::capture_params(p, *ncap);
                lowerer.locals.extend(caps.iter().cloned());
                lowerer.alias_captures.insert(p.clone(), caps.clone());
                capture_params.extend(caps);
            }
        }
        let mut func = lowerer.function(f);
        func.name = name;
        let fixed: BTreeSet<&str> = req
            .fixed
            .iter()
            .filter_map(|(k, _, _)| params.get(*k).map(String::as_str))
            .collect();
        func.params.retain(|(p, _)| !fixed.contains(p.as_str()));
        let span = func.name_span;
        func.params
            .extend(capture_params.into_iter().map(|c| (c, span)));
        owned(&mut diags, module.functions.len(), lowerer.diags);
        requests.extend(lowerer.requests);
        module.functions.push(func);
    }
    // Nested functions, lifted with their captures as extra parameters.
    let mut defs: Vec<&nested::Nested> = ctx.nested.values().collect();
    defs.sort_by_key(|n| span_of(n.node).start);
    for n in defs {
        let mut lowerer = FnLowerer::new(&ctx, n.node);
        lowerer.locals = nested::own_locals(n.node);
        lowerer.locals.extend(n.captures.iter().cloned());
        let mut func = lowerer.function(n.node);
        func.name = n.lifted.clone();
        let span = span_of(n.node);
        func.params
            .extend(n.captures.iter().map(|c| (c.clone(), span)));
        owned(&mut diags, module.functions.len(), lowerer.diags);
        requests.extend(lowerer.requests);
        module.functions.push(func);
    }
    let mut lifted: Vec<&lambdas::Lambda> = ctx.lambdas.values().collect();
    lifted.sort_by_key(|l| span_of(l.node).start);
    for l in lifted {
        let mut lowerer = FnLowerer::for_lambda(&ctx, l);
        let func = lowerer.lambda_function(l);
        owned(&mut diags, module.functions.len(), lowerer.diags);
        module.functions.push(func);
    }
    (module, diags)
}

/// Tags the errors of the function about to be pushed at index `owner`.
fn owned(out: &mut Vec<OwnedDiagnostic>, owner: usize, diags: Vec<Diagnostic>) {
    out.extend(diags.into_iter().map(|diag| OwnedDiagnostic {
        owner: Some(owner),
        diag,
    }));
}

fn is_string(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}

fn is_main_guard(e: &ast::Expr) -> bool {
    if let ast::Expr::Compare(c) = e
        && let ast::Expr::Name(n) = c.left.as_ref()
    {
        return n.id.as_str() == "__name__";
    }
    false
}

/// A human name for a statement kind, for messages.
fn statement_name(s: &ast::Stmt) -> &'static str {
    match s {
        ast::Stmt::ClassDef(_) => "a class definition",
        ast::Stmt::AsyncFunctionDef(_) => "an async function",
        ast::Stmt::FunctionDef(_) => "a nested function",
        ast::Stmt::Delete(_) => "`del`",
        ast::Stmt::For(_) => "a `for` loop",
        ast::Stmt::AsyncFor(_) => "`async for`",
        ast::Stmt::While(_) => "a `while` loop",
        ast::Stmt::If(_) => "an `if` statement",
        ast::Stmt::With(_) | ast::Stmt::AsyncWith(_) => "`with`",
        ast::Stmt::Match(_) => "`match`",
        ast::Stmt::Raise(_) => "`raise`",
        ast::Stmt::Try(_) | ast::Stmt::TryStar(_) => "`try`",
        ast::Stmt::Global(_) => "`global`",
        ast::Stmt::Nonlocal(_) => "`nonlocal`",
        ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => "an import inside a function",
        ast::Stmt::Expr(_) => "an expression statement",
        ast::Stmt::Return(_) => "`return`",
        ast::Stmt::Assert(_) => "`assert`",
        ast::Stmt::TypeAlias(_) => "a type alias",
        _ => "this statement",
    }
}

/// Lowers one function.
struct FnLowerer<'a, 'm> {
    ctx: &'a ModuleCtx<'m>,
    /// The enclosing `def` (its named lambdas resolve to lifted functions).
    fn_name: String,
    locals: BTreeSet<String>,
    next_id: u32,
    loop_depth: u32,
    const_depth: u32,
    /// Comprehension variables in scope: (Python name, unique local name), innermost last.
    renames: Vec<(String, String)>,
    comp_counter: u32,
    /// Names bound by `import` statements inside this function (seen before the
    /// module's).
    imports: HashMap<String, Imported>,
    /// Parameters bound to functions in a specialized copy (`fnargs`).
    aliases: HashMap<String, String>,
    /// Parameters of a copy bound to functions that capture values → the parameters
    /// holding those values (passed at each call through the alias).
    alias_captures: HashMap<String, Vec<String>>,
    /// Parameters of a copy bound to a dtype (`dtype=np.float64` passed by the caller):
    /// the dtype and its spelling (see `fnargs`).
    dtype_aliases: HashMap<String, (crate::exports::Dtype, String)>,
    /// Specialized copies this function's calls need.
    requests: Vec<fnargs::Specialization>,
    diags: Vec<Diagnostic>,
}

/// A function's docstring, cleaned as `inspect.cleandoc` does (leading blank lines and
/// the common indentation of the lines after the first removed).
fn docstring(body: &[ast::Stmt]) -> Option<String> {
    let ast::Stmt::Expr(e) = body.first()? else {
        return None;
    };
    let ast::Expr::Constant(c) = e.value.as_ref() else {
        return None;
    };
    let ast::Constant::Str(text) = &c.value else {
        return None;
    };
    let text = text.replace('\t', "        ");
    let lines: Vec<&str> = text.lines().collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            if k == 0 {
                l.trim_start().to_owned()
            } else {
                l.get(indent..).unwrap_or("").trim_end().to_owned()
            }
        })
        .collect();
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    Some(out.join("\n"))
}

/// The `import` / `from ... import` statements anywhere in a function body.
fn function_imports(body: &[ast::Stmt], out: &mut HashMap<String, Imported>) {
    for s in body {
        match s {
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => out.extend(module_imports(s)),
            ast::Stmt::If(i) => {
                function_imports(&i.body, out);
                function_imports(&i.orelse, out);
            }
            ast::Stmt::For(f) => {
                function_imports(&f.body, out);
                function_imports(&f.orelse, out);
            }
            ast::Stmt::While(w) => {
                function_imports(&w.body, out);
                function_imports(&w.orelse, out);
            }
            _ => {}
        }
    }
}

impl<'a, 'm> FnLowerer<'a, 'm> {
    fn new(ctx: &'a ModuleCtx<'m>, f: &ast::StmtFunctionDef) -> Self {
        let mut locals = ctx
            .function_locals
            .get(f.name.as_str())
            .cloned()
            .unwrap_or_default();
        // Names bound to lambdas are functions, not variables; so are nested `def`s and
        // imported names.
        locals.retain(|n| !ctx.lambdas.contains_key(&(f.name.to_string(), n.clone())));
        locals.retain(|n| !ctx.nested.contains_key(&(f.name.to_string(), n.clone())));
        let mut imports = HashMap::new();
        function_imports(&f.body, &mut imports);
        locals.retain(|n| !imports.contains_key(n));
        FnLowerer {
            ctx,
            fn_name: f.name.to_string(),
            locals,
            next_id: 0,
            loop_depth: 0,
            const_depth: 0,
            renames: Vec::new(),
            comp_counter: 0,
            imports,
            aliases: HashMap::new(),
            alias_captures: HashMap::new(),
            dtype_aliases: HashMap::new(),
            requests: Vec::new(),
            diags: Vec::new(),
        }
    }

    fn for_lambda(ctx: &'a ModuleCtx<'m>, l: &lambdas::Lambda<'_>) -> Self {
        let mut locals: BTreeSet<String> = lambdas::params(l.node)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        locals.extend(l.captures.iter().cloned());
        FnLowerer {
            ctx,
            fn_name: l.enclosing.clone().unwrap_or_default(),
            locals,
            next_id: 0,
            loop_depth: 0,
            const_depth: 0,
            renames: Vec::new(),
            comp_counter: 0,
            imports: HashMap::new(),
            aliases: HashMap::new(),
            alias_captures: HashMap::new(),
            dtype_aliases: HashMap::new(),
            requests: Vec::new(),
            diags: Vec::new(),
        }
    }

    /// The lifted function of a named lambda: its parameters, then its captures.
    fn lambda_function(&mut self, l: &lambdas::Lambda<'_>) -> Function {
        let span = span_of(l.node);
        let mut params: Vec<(String, Span)> = l
            .node
            .args
            .posonlyargs
            .iter()
            .chain(&l.node.args.args)
            .map(|a| (a.def.arg.to_string(), span_of(&a.def)))
            .collect();
        params.extend(l.captures.iter().map(|c| (c.clone(), span)));
        let body = match self.expr(&l.node.body) {
            Some(e) => vec![Stmt::Return(Some(e), span)],
            None => Vec::new(),
        };
        Function {
            name: l.lifted.clone(),
            name_span: span,
            params,
            body,
            expr_count: self.next_id,
            doc: None,
        }
    }

    /// The lambda bound to `name` in the current function or at module level.
    fn lambda(&self, name: &str) -> Option<&lambdas::Lambda<'m>> {
        if self.locals.contains(name) {
            return None;
        }
        self.ctx
            .lambdas
            .get(&(self.fn_name.clone(), name.to_owned()))
    }

    fn error(&mut self, span: Span, m: crate::messages::Message) {
        self.diags.push(Diagnostic::error(span, m));
    }

    fn function(&mut self, f: &ast::StmtFunctionDef) -> Function {
        let name_span = def_name_span(self.ctx.source, f);
        let args = &f.args;
        if let Some(v) = &args.vararg {
            self.error(span_of(v.as_ref()), msg::unsupported_expression("`*args`"));
        }
        if let Some(v) = &args.kwarg {
            self.error(
                span_of(v.as_ref()),
                msg::unsupported_expression("`**kwargs`"),
            );
        }
        for k in &args.kwonlyargs {
            self.error(
                span_of(&k.def),
                msg::unsupported_expression("keyword-only parameters"),
            );
        }
        let mut params = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            params.push((a.def.arg.to_string(), span_of(&a.def)));
        }
        for d in &f.decorator_list {
            self.error(span_of(d), msg::unsupported_expression("decorators"));
        }
        let body = self.block(&f.body);
        Function {
            name: f.name.to_string(),
            name_span,
            params,
            body,
            expr_count: self.next_id,
            doc: docstring(&f.body),
        }
    }

    /// The functions `{f}__pkargs{k}` taking the first `k` parameters of `f` (for every `k`
    /// that leaves only defaulted parameters out) and returning `f(...)` with the defaults.
    fn default_wrappers(&mut self, f: &ast::StmtFunctionDef) -> Vec<Function> {
        let params: Vec<&ast::ArgWithDefault> =
            f.args.posonlyargs.iter().chain(&f.args.args).collect();
        let name_span = def_name_span(self.ctx.source, f);
        let mut out = Vec::new();
        for k in (0..params.len()).rev() {
            if params[k].default.is_none() {
                break;
            }
            self.next_id = 0;
            let mut args = Vec::new();
            let mut fixed = Vec::new();
            let mut ok = true;
            for (j, p) in params.iter().enumerate() {
                // A function as the default (`mode=wrap`): a copy of `f` bound to it.
                if j >= k
                    && let Some(g) = p.default.as_deref().and_then(|d| self.function_arg(d))
                {
                    fixed.push((j, g));
                    continue;
                }
                let e = if j < k {
                    Some(self.mk_expr(span_of(&p.def), ExprKind::Local(p.def.arg.to_string())))
                } else {
                    p.default.as_deref().and_then(|d| self.expr(d))
                };
                match e {
                    Some(e) => args.push(e),
                    None => ok = false,
                }
            }
            if !ok {
                continue;
            }
            let callee = self.specialized(f.name.as_ref(), &fixed);
            let call = self.mk_expr(name_span, ExprKind::CallUser(callee, args));
            out.push(Function {
                name: format!("{}__pkargs{k}", f.name),
                name_span,
                params: params[..k]
                    .iter()
                    .map(|p| (p.def.arg.to_string(), span_of(&p.def)))
                    .collect(),
                body: vec![Stmt::Return(Some(call), name_span)],
                expr_count: self.next_id,
                doc: docstring(&f.body),
            });
        }
        out
    }

    fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in stmts {
            match s {
                ast::Stmt::Assign(a) if a.targets.len() > 1 => {
                    out.extend(self.chained_assign(a, span_of(s)).unwrap_or_default());
                }
                ast::Stmt::For(f) if self.repeat_call(&f.iter).is_some() => {
                    out.extend(self.repeat_for(f).unwrap_or_default());
                }
                _ => out.extend(self.stmt(s)),
            }
        }
        out
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Option<Stmt> {
        let span = span_of(s);
        if let Some((name, _)) = lambdas::named_lambda(s)
            && self.lambda(name).is_some()
        {
            return Some(Stmt::Pass);
        }
        Some(match s {
            ast::Stmt::Assign(a) => {
                let [target] = a.targets.as_slice() else {
                    return None;
                };
                let value = self.expr(&a.value)?;
                let target = self.target(target)?;
                Stmt::Assign {
                    target,
                    value,
                    span,
                }
            }
            ast::Stmt::AnnAssign(a) => {
                let value = self.expr(a.value.as_deref()?)?;
                let target = self.target(&a.target)?;
                Stmt::Assign {
                    target,
                    value,
                    span,
                }
            }
            ast::Stmt::AugAssign(a) if a.op == ast::Operator::MatMult => {
                return self.matmul_inplace(a, span);
            }
            ast::Stmt::AugAssign(a) => {
                let op = expr::bin_op(a.op)?;
                let value = self.expr(&a.value)?;
                let target = self.target(&a.target)?;
                if let Target::Slice {
                    base,
                    lower,
                    upper,
                    step,
                    span: tspan,
                } = target
                {
                    // `v[a:b] op= x` is `v[a:b] = v[a:b] op x` on views (NumPy's in-place ufunc).
                    let boxed = |e: &Option<ir::Expr>| e.clone().map(Box::new);
                    let read = ExprKind::Slice(
                        Box::new(base.clone()),
                        boxed(&lower),
                        boxed(&upper),
                        boxed(&step),
                    );
                    let read = self.mk_expr(tspan, read);
                    let value =
                        self.mk_expr(span, ExprKind::Binary(op, Box::new(read), Box::new(value)));
                    let target = Target::Slice {
                        base,
                        lower,
                        upper,
                        step,
                        span: tspan,
                    };
                    return Some(Stmt::Assign {
                        target,
                        value,
                        span,
                    });
                }
                Stmt::AugAssign {
                    target,
                    op,
                    value,
                    span,
                }
            }
            ast::Stmt::If(i) => {
                let cond = self.expr(&i.test);
                let then = self.block(&i.body);
                let orelse = self.block(&i.orelse);
                Stmt::If {
                    cond: cond?,
                    then,
                    orelse,
                }
            }
            ast::Stmt::While(w) => {
                let cond = self.expr(&w.test);
                self.loop_depth += 1;
                let body = self.block(&w.body);
                self.loop_depth -= 1;
                let orelse = self.block(&w.orelse);
                Stmt::While {
                    cond: cond?,
                    body,
                    orelse,
                }
            }
            ast::Stmt::For(f) => return self.for_stmt(f),
            ast::Stmt::Break(_) | ast::Stmt::Continue(_) => {
                let is_break = matches!(s, ast::Stmt::Break(_));
                if self.loop_depth == 0 {
                    self.error(
                        span,
                        msg::outside_loop(if is_break { "break" } else { "continue" }),
                    );
                    return None;
                }
                if is_break {
                    Stmt::Break(span)
                } else {
                    Stmt::Continue(span)
                }
            }
            ast::Stmt::Return(r) => {
                let value = match &r.value {
                    Some(v) => Some(self.expr(v)?),
                    None => None,
                };
                Stmt::Return(value, span)
            }
            ast::Stmt::Pass(_) => Stmt::Pass,
            ast::Stmt::Expr(e) if is_string(&e.value) => Stmt::Pass,
            ast::Stmt::Expr(e) => {
                if let ast::Expr::Call(c) = e.value.as_ref()
                    && let Some(s) = self.copyto(c, span)
                {
                    return s;
                }
                Stmt::Expr(self.expr(&e.value)?)
            }
            ast::Stmt::Assert(a) => {
                let test = self.expr(&a.test)?;
                let msg = match a.msg.as_deref() {
                    None => None,
                    Some(ast::Expr::Constant(c)) => match &c.value {
                        ast::Constant::Str(s) => Some(s.clone()),
                        _ => {
                            self.error(
                                span_of(c),
                                msg::unsupported_expression("a non-string assert message"),
                            );
                            return None;
                        }
                    },
                    Some(other) => {
                        self.error(
                            span_of(other),
                            msg::unsupported_expression("a non-string assert message"),
                        );
                        return None;
                    }
                };
                Stmt::Assert {
                    test,
                    msg,
                    span,
                    exc: ir::Exception::Assertion,
                }
            }
            ast::Stmt::Raise(r) => self.raise(r, span)?,
            // Lifted to the module (`nested`).
            ast::Stmt::FunctionDef(d) if self.nested(d.name.as_str()).is_some() => Stmt::Pass,
            // Bound for the whole function when it is lowered (`function_imports`).
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => Stmt::Pass,
            other => {
                let head = head_span(self.ctx.source, span);
                self.error(head, msg::unsupported_statement(statement_name(other)));
                return None;
            }
        })
    }

    fn target(&mut self, t: &ast::Expr) -> Option<Target> {
        let span = span_of(t);
        match t {
            ast::Expr::Name(n) => Some(Target::Local(self.local_name(n.id.as_str()), span)),
            ast::Expr::Subscript(s) => {
                let base = self.expr(&s.value)?;
                match s.slice.as_ref() {
                    ast::Expr::Slice(sl) => {
                        let (lower, upper, step) = self.slice_parts(sl)?;
                        Some(Target::Slice {
                            base,
                            lower,
                            upper,
                            step,
                            span,
                        })
                    }
                    idx => Some(Target::Index {
                        base,
                        index: self.expr(idx)?,
                        span,
                    }),
                }
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                if let Some(star) = elts.iter().find(|e| matches!(e, ast::Expr::Starred(_))) {
                    self.error(
                        span_of(star),
                        msg::unsupported_statement("starred unpacking"),
                    );
                    return None;
                }
                let parts: Vec<Option<Target>> = elts.iter().map(|e| self.target(e)).collect();
                Some(Target::Tuple(
                    parts.into_iter().collect::<Option<_>>()?,
                    span,
                ))
            }
            _ => {
                self.error(
                    span,
                    msg::unsupported_statement("assignment to this target"),
                );
                None
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn slice_parts(
        &mut self,
        sl: &ast::ExprSlice,
    ) -> Option<(Option<ir::Expr>, Option<ir::Expr>, Option<ir::Expr>)> {
        let mut part = |e: &Option<Box<ast::Expr>>| -> Option<Option<ir::Expr>> {
            match e {
                None => Some(None),
                Some(e) => self.expr(e).map(Some),
            }
        };
        let lower = part(&sl.lower);
        let upper = part(&sl.upper);
        let step = part(&sl.step);
        Some((lower?, upper?, step?))
    }

    /// The local a Python name refers to: a comprehension variable in scope (renamed so
    /// that it does not clash with the function's own variables), or the name itself.
    fn local_name(&self, name: &str) -> String {
        self.renames
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map_or_else(|| name.to_owned(), |(_, r)| r.clone())
    }

    /// The nested `def` named `name` in the current function.
    fn nested(&self, name: &str) -> Option<&nested::Nested<'m>> {
        if self.locals.contains(name) {
            return None;
        }
        self.ctx
            .nested
            .get(&(self.fn_name.clone(), name.to_owned()))
    }

    /// What `name` is bound to by an import of this function or of the module.
    fn import(&self, name: &str) -> Option<&Imported> {
        self.imports
            .get(name)
            .or_else(|| self.ctx.imports.get(name))
    }

    /// Is `name` a local of this function (so a builtin of that name is hidden)?
    fn shadowed(&self, name: &str) -> bool {
        self.renames.iter().any(|(n, _)| n == name)
            || self.locals.contains(name)
            || self.ctx.constants.contains_key(name)
            || self.ctx.functions.contains(name)
    }
}

/// The first line of a (possibly multi-line) statement, without trailing space or `:`.
fn head_span(source: &str, span: Span) -> Span {
    let text = source.get(span.start..span.end).unwrap_or("");
    let line = text.lines().next().unwrap_or("");
    Span::new(span.start, span.start + line.trim_end().len())
}

/// The span of the function name in `def name(`.
fn def_name_span(source: &str, f: &ast::StmtFunctionDef) -> Span {
    let s = span_of(f);
    // The node may start at a decorator; the name is the first occurrence after `def`.
    let from = f.decorator_list.last().map_or(s.start, |d| span_of(d).end);
    let text = source.get(from..s.end).unwrap_or("");
    let start = text
        .find("def")
        .and_then(|d| {
            text[d + 3..]
                .find(f.name.as_str())
                .map(|n| from + d + 3 + n)
        })
        .unwrap_or(s.start);
    Span::new(start, start + f.name.len())
}

/// Names assigned anywhere in a body (Python's rule for what is local).
fn collect_assigned(stmts: &[ast::Stmt], out: &mut BTreeSet<String>) {
    for s in stmts {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, out)),
            ast::Stmt::AnnAssign(a) => target_names(&a.target, out),
            ast::Stmt::AugAssign(a) => target_names(&a.target, out),
            ast::Stmt::For(f) => {
                target_names(&f.target, out);
                collect_assigned(&f.body, out);
                collect_assigned(&f.orelse, out);
            }
            ast::Stmt::While(w) => {
                collect_assigned(&w.body, out);
                collect_assigned(&w.orelse, out);
            }
            ast::Stmt::If(i) => {
                collect_assigned(&i.body, out);
                collect_assigned(&i.orelse, out);
            }
            _ => {}
        }
    }
}

fn target_names(t: &ast::Expr, out: &mut BTreeSet<String>) {
    match t {
        ast::Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::{Builtin, ExprKind, MathFn, Stmt};
    use crate::testutil::{lowered, texts};

    #[test]
    fn resolves_imports_constants_and_builtins() {
        let src = "import math\nimport numpy as np\nK = 2 * math.pi\ndef f(p, n):\n    v = np.ctypeslib.as_array(p, (n,))\n    return math.sqrt(K) + abs(n)\n";
        let (m, d) = lowered(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        let f = &m.functions[0];
        let Stmt::Assign { value, .. } = &f.body[0] else {
            panic!()
        };
        assert!(matches!(
            value.kind,
            ExprKind::CallBuiltin(Builtin::AsArray, _)
        ));
        let Stmt::Return(Some(r), _) = &f.body[1] else {
            panic!()
        };
        let ExprKind::Binary(_, l, _) = &r.kind else {
            panic!()
        };
        let ExprKind::CallBuiltin(Builtin::Math(MathFn::Sqrt), args) = &l.kind else {
            panic!()
        };
        // The module constant is inlined as an expression.
        assert!(matches!(args[0].kind, ExprKind::Binary(..)));
    }

    #[test]
    fn rejects_what_it_cannot_compile_with_places() {
        let src =
            "def f(x):\n    try:\n        pass\n    except E:\n        pass\n    return {x}\n";
        let (_, d) = lowered(src);
        let t = texts(&d);
        assert!(t.iter().any(|m| m.contains("`try`")), "{t:?}");
        assert!(t.iter().any(|m| m.contains("sets")), "{t:?}");
        // The `try` error points at its first line only.
        assert_eq!(&src[d[0].span.start..d[0].span.end], "try:");
    }

    #[test]
    fn break_outside_loop_and_unknown_names() {
        let (_, d) = lowered("def f(x):\n    break\n    return y\n");
        let t = texts(&d);
        assert!(t.iter().any(|m| m.contains("outside loop")), "{t:?}");
        assert!(t.iter().any(|m| m.contains("cannot find `y`")), "{t:?}");
    }

    #[test]
    fn for_range_forms() {
        let (m, d) = lowered(
            "def f(n):\n    s = 0\n    for i in range(n, 0, -1):\n        s += i\n    return s\n",
        );
        assert!(d.is_empty());
        assert!(matches!(
            &m.functions[0].body[1],
            Stmt::ForRange {
                step: Some(_),
                start: Some(_),
                ..
            }
        ));
        // `reversed` takes a range or a value (typed later), not another iterator.
        let (m, d) = lowered("def f(xs):\n    for x in reversed(xs):\n        pass\n");
        assert!(d.is_empty());
        assert!(matches!(&m.functions[0].body[0], Stmt::ForEach { .. }));
        let (_, d) =
            lowered("def f(xs):\n    for i, x in reversed(enumerate(xs)):\n        pass\n");
        assert!(texts(&d)[0].contains("reversed"), "{:?}", texts(&d));
    }
}
