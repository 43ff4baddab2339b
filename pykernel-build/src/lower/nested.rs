//! Functions defined inside functions (`def compute(i): ...` reading the enclosing
//! function's arrays) become functions of the module, like named lambdas: the enclosing
//! locals the body reads are passed as extra arguments at each call, which is Python's
//! late binding (a closure reads a variable's value when it is called). A nested
//! function that assigns a name makes it its own local, as in Python.

use std::collections::{BTreeSet, HashMap};

use rustpython_parser::ast;

/// A nested `def`, lifted to a module function.
#[derive(Clone, Debug)]
pub(crate) struct Nested<'a> {
    /// Name of the lifted function in the IR.
    pub lifted: String,
    /// The `def`.
    pub node: &'a ast::StmtFunctionDef,
    /// Locals of the enclosing function the body reads, passed at each call.
    pub captures: Vec<String>,
}

/// Nested functions by (enclosing function, name).
pub(crate) type NestedDefs<'a> = HashMap<(String, String), Nested<'a>>;

/// The nested `def`s of a function body (at any depth of if/for/while), with what they
/// capture from `function_locals` (the enclosing function's locals).
pub(crate) fn collect<'a>(
    f: &'a ast::StmtFunctionDef,
    function_locals: &BTreeSet<String>,
    out: &mut NestedDefs<'a>,
) {
    fn walk<'a>(stmts: &'a [ast::Stmt], found: &mut Vec<&'a ast::StmtFunctionDef>) {
        for s in stmts {
            match s {
                ast::Stmt::FunctionDef(d) => found.push(d),
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
    for d in found {
        let own = own_locals(d);
        let mut read = BTreeSet::new();
        stmts_names(&d.body, &mut read);
        let name = d.name.as_str();
        let captures = read
            .into_iter()
            .filter(|n| !own.contains(n) && function_locals.contains(n) && n != name)
            .collect();
        out.insert(
            (f.name.to_string(), name.to_owned()),
            Nested {
                lifted: format!("{}__def_{name}", f.name),
                node: d,
                captures,
            },
        );
    }
}

/// The locals of a `def`: its parameters and every name it assigns.
pub(crate) fn own_locals(d: &ast::StmtFunctionDef) -> BTreeSet<String> {
    let mut own: BTreeSet<String> = d
        .args
        .posonlyargs
        .iter()
        .chain(&d.args.args)
        .map(|a| a.def.arg.to_string())
        .collect();
    super::collect_assigned(&d.body, &mut own);
    own
}

/// Every name the statements mention (read or written).
fn stmts_names(stmts: &[ast::Stmt], out: &mut BTreeSet<String>) {
    for s in stmts {
        let exprs: Vec<&ast::Expr> = match s {
            ast::Stmt::Assign(a) => a.targets.iter().chain([a.value.as_ref()]).collect(),
            ast::Stmt::AugAssign(a) => vec![&a.target, &a.value],
            ast::Stmt::AnnAssign(a) => std::iter::once(a.target.as_ref())
                .chain(a.value.as_deref())
                .collect(),
            ast::Stmt::Return(r) => r.value.as_deref().into_iter().collect(),
            ast::Stmt::Expr(e) => vec![&e.value],
            ast::Stmt::Assert(a) => std::iter::once(a.test.as_ref())
                .chain(a.msg.as_deref())
                .collect(),
            ast::Stmt::For(f) => {
                stmts_names(&f.body, out);
                stmts_names(&f.orelse, out);
                vec![&f.target, &f.iter]
            }
            ast::Stmt::While(w) => {
                stmts_names(&w.body, out);
                stmts_names(&w.orelse, out);
                vec![&w.test]
            }
            ast::Stmt::If(i) => {
                stmts_names(&i.body, out);
                stmts_names(&i.orelse, out);
                vec![&i.test]
            }
            _ => Vec::new(),
        };
        for e in exprs {
            expr_names(e, out);
        }
    }
}

/// Every name an expression mentions (comprehension variables included: harmless, as
/// only the enclosing function's locals are kept).
fn expr_names(e: &ast::Expr, out: &mut BTreeSet<String>) {
    use ast::Expr as E;
    match e {
        E::Name(n) => {
            out.insert(n.id.to_string());
        }
        E::BinOp(b) => {
            expr_names(&b.left, out);
            expr_names(&b.right, out);
        }
        E::UnaryOp(u) => expr_names(&u.operand, out),
        E::BoolOp(b) => b.values.iter().for_each(|v| expr_names(v, out)),
        E::Compare(c) => {
            expr_names(&c.left, out);
            c.comparators.iter().for_each(|v| expr_names(v, out));
        }
        E::IfExp(i) => {
            expr_names(&i.test, out);
            expr_names(&i.body, out);
            expr_names(&i.orelse, out);
        }
        E::Call(c) => {
            expr_names(&c.func, out);
            c.args.iter().for_each(|v| expr_names(v, out));
            c.keywords.iter().for_each(|k| expr_names(&k.value, out));
        }
        E::Attribute(a) => expr_names(&a.value, out),
        E::Subscript(s) => {
            expr_names(&s.value, out);
            expr_names(&s.slice, out);
        }
        E::Slice(s) => {
            for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                expr_names(p, out);
            }
        }
        E::Tuple(t) => t.elts.iter().for_each(|v| expr_names(v, out)),
        E::List(t) => t.elts.iter().for_each(|v| expr_names(v, out)),
        E::Starred(s) => expr_names(&s.value, out),
        E::Lambda(l) => expr_names(&l.body, out),
        E::ListComp(c) => {
            expr_names(&c.elt, out);
            comp_names(&c.generators, out);
        }
        E::GeneratorExp(c) => {
            expr_names(&c.elt, out);
            comp_names(&c.generators, out);
        }
        _ => {}
    }
}

fn comp_names(gens: &[ast::Comprehension], out: &mut BTreeSet<String>) {
    for g in gens {
        expr_names(&g.target, out);
        expr_names(&g.iter, out);
        g.ifs.iter().for_each(|c| expr_names(c, out));
    }
}
