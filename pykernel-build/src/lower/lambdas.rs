//! Lambdas bound to a name (`sq = lambda x: x * x`) become functions of the module.
//!
//! A lambda inside a function may read the function's locals; those are passed as extra
//! arguments at each call, which is exactly Python's late binding (a closure reads the
//! variable's value when it is called, not when it is created).

use std::collections::{BTreeSet, HashMap};

use rustpython_parser::ast;

/// A named lambda, lifted to a module function.
#[derive(Clone, Debug)]
pub(crate) struct Lambda<'a> {
    /// Name of the lifted function in the IR.
    pub lifted: String,
    /// The lambda node.
    pub node: &'a ast::ExprLambda,
    /// The enclosing function (`None` at module level).
    pub enclosing: Option<String>,
    /// Locals of the enclosing function the body reads, passed at each call.
    pub captures: Vec<String>,
}

/// Named lambdas by (enclosing function or "" for module level, name).
pub(crate) type Lambdas<'a> = HashMap<(String, String), Lambda<'a>>;

/// A statement `name = lambda ...`, if it is one.
pub(crate) fn named_lambda(s: &ast::Stmt) -> Option<(&str, &ast::ExprLambda)> {
    match s {
        ast::Stmt::Assign(a) => match (a.targets.as_slice(), a.value.as_ref()) {
            ([ast::Expr::Name(n)], ast::Expr::Lambda(l)) => Some((n.id.as_str(), l)),
            _ => None,
        },
        _ => None,
    }
}

/// The parameters of a lambda with their defaults.
pub(crate) fn params(l: &ast::ExprLambda) -> Vec<(String, Option<&ast::Expr>)> {
    l.args
        .posonlyargs
        .iter()
        .chain(&l.args.args)
        .map(|a| (a.def.arg.to_string(), a.default.as_deref()))
        .collect()
}

/// The key of a lambda written directly as a call's argument (`find(x, lambda u: u > t)`):
/// no Python name can collide with it.
pub(crate) fn anonymous_key(l: &ast::ExprLambda) -> String {
    format!("<lambda@{}>", super::span_of(l).start)
}

/// Finds the named lambdas of a function body (at any depth of if/for/while), and the
/// lambdas written as arguments of calls (passed like named functions).
pub(crate) fn collect_in_function<'a>(
    f: &'a ast::StmtFunctionDef,
    function_locals: &BTreeSet<String>,
    out: &mut Lambdas<'a>,
) {
    fn walk<'a>(stmts: &'a [ast::Stmt], found: &mut Vec<(String, &'a ast::ExprLambda)>) {
        for s in stmts {
            if let Some((name, l)) = named_lambda(s) {
                found.push((name.to_owned(), l));
            }
            for e in stmt_exprs(s) {
                call_arg_lambdas(e, found);
            }
            match s {
                ast::Stmt::If(i) => {
                    walk(&i.body, found);
                    walk(&i.orelse, found);
                }
                ast::Stmt::For(x) => {
                    walk(&x.body, found);
                    walk(&x.orelse, found);
                }
                ast::Stmt::While(w) => {
                    walk(&w.body, found);
                    walk(&w.orelse, found);
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    walk(&f.body, &mut found);
    for (name, node) in found {
        let name = name.as_str();
        let own: BTreeSet<String> = params(node).into_iter().map(|(p, _)| p).collect();
        let mut free = BTreeSet::new();
        free_names(&node.body, &mut free);
        let captures = free
            .into_iter()
            .filter(|n| !own.contains(n) && function_locals.contains(n) && n != name)
            .collect();
        let lifted = if name.starts_with('<') {
            format!("{}__lambda_at{}", f.name, super::span_of(node).start)
        } else {
            format!("{}__lambda_{name}", f.name)
        };
        out.insert(
            (f.name.to_string(), name.to_owned()),
            Lambda {
                lifted,
                node,
                enclosing: Some(f.name.to_string()),
                captures,
            },
        );
    }
}

/// The expressions of a statement itself (not of its blocks).
fn stmt_exprs(s: &ast::Stmt) -> Vec<&ast::Expr> {
    match s {
        ast::Stmt::Assign(a) => a.targets.iter().chain([a.value.as_ref()]).collect(),
        ast::Stmt::AugAssign(a) => vec![&a.target, &a.value],
        ast::Stmt::AnnAssign(a) => a.value.as_deref().into_iter().collect(),
        ast::Stmt::Return(r) => r.value.as_deref().into_iter().collect(),
        ast::Stmt::Expr(e) => vec![&e.value],
        ast::Stmt::For(f) => vec![&f.iter],
        ast::Stmt::While(w) => vec![&w.test],
        ast::Stmt::If(i) => vec![&i.test],
        _ => Vec::new(),
    }
}

/// Lambdas written as arguments of calls inside `e`.
fn call_arg_lambdas<'a>(e: &'a ast::Expr, found: &mut Vec<(String, &'a ast::ExprLambda)>) {
    use ast::Expr as E;
    let mut sub: Vec<&'a ast::Expr> = Vec::new();
    match e {
        E::Call(c) => {
            for a in c.args.iter().chain(c.keywords.iter().map(|k| &k.value)) {
                if let E::Lambda(l) = a {
                    found.push((anonymous_key(l), l));
                } else {
                    sub.push(a);
                }
            }
            sub.push(&c.func);
        }
        E::BinOp(b) => sub.extend([b.left.as_ref(), b.right.as_ref()]),
        E::UnaryOp(u) => sub.push(&u.operand),
        E::BoolOp(b) => sub.extend(b.values.iter()),
        E::Compare(c) => {
            sub.push(&c.left);
            sub.extend(c.comparators.iter());
        }
        E::IfExp(i) => sub.extend([i.test.as_ref(), i.body.as_ref(), i.orelse.as_ref()]),
        E::Attribute(a) => sub.push(&a.value),
        E::Subscript(s) => sub.extend([s.value.as_ref(), s.slice.as_ref()]),
        E::Tuple(t) => sub.extend(t.elts.iter()),
        E::List(t) => sub.extend(t.elts.iter()),
        _ => {}
    }
    for x in sub {
        call_arg_lambdas(x, found);
    }
}

/// Names read by an expression (nested lambdas' own parameters excluded).
fn free_names(e: &ast::Expr, out: &mut BTreeSet<String>) {
    match e {
        ast::Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Lambda(l) => {
            let mut inner = BTreeSet::new();
            free_names(&l.body, &mut inner);
            let own: BTreeSet<String> = params(l).into_iter().map(|(p, _)| p).collect();
            out.extend(inner.into_iter().filter(|n| !own.contains(n)));
        }
        ast::Expr::BinOp(b) => {
            free_names(&b.left, out);
            free_names(&b.right, out);
        }
        ast::Expr::UnaryOp(u) => free_names(&u.operand, out),
        ast::Expr::BoolOp(b) => b.values.iter().for_each(|v| free_names(v, out)),
        ast::Expr::Compare(c) => {
            free_names(&c.left, out);
            c.comparators.iter().for_each(|v| free_names(v, out));
        }
        ast::Expr::IfExp(i) => {
            free_names(&i.test, out);
            free_names(&i.body, out);
            free_names(&i.orelse, out);
        }
        ast::Expr::Call(c) => {
            free_names(&c.func, out);
            c.args.iter().for_each(|v| free_names(v, out));
            c.keywords.iter().for_each(|k| free_names(&k.value, out));
        }
        ast::Expr::Attribute(a) => free_names(&a.value, out),
        ast::Expr::Subscript(s) => {
            free_names(&s.value, out);
            free_names(&s.slice, out);
        }
        ast::Expr::Slice(s) => {
            for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                free_names(p, out);
            }
        }
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|v| free_names(v, out)),
        _ => {}
    }
}
