//! Which array parameters a function may write to (read-only NumPy arrays are accepted
//! for the others).
//!
//! Per instance: the locals that may be a view of parameter `p` start with `p` and grow
//! through assignments whose value is (a slice, row or transpose of) one of them, tuple
//! assignments mentioning one, and loops over one. A store whose target is rooted in such
//! a local writes `p`; so does passing one to a function that writes that parameter
//! (computed to a fixpoint over the call graph).

use std::collections::BTreeSet;

use crate::infer::{Instance, Program};
use crate::ir::{Builtin, Expr, ExprKind, Module, Stmt, Target};
use crate::types::Ty;

/// The local an expression is (a view of): `a`, `a[i]`, `a[1:]`, `a.T`, `a[i][j:]`.
fn root_local(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Local(n) => Some(n),
        ExprKind::Index(b, _) | ExprKind::Slice(b, ..) => root_local(b),
        ExprKind::Attr(b, name) if name == "T" => root_local(b),
        ExprKind::Method(b, name, args) if name == "transpose" && args.is_empty() => root_local(b),
        _ => None,
    }
}

/// Every local an expression mentions (for tuple values and conditionals: conservative).
fn mentioned<'e>(e: &'e Expr, out: &mut BTreeSet<&'e str>) {
    if let ExprKind::Local(n) = &e.kind {
        out.insert(n);
    }
    e.children().into_iter().for_each(|c| mentioned(c, out));
}

/// The locals an expression mentions where its value may hold a view: not inside
/// numbers (`a[i]`, `len(a)`, `a.shape`, `a.dtype == b.dtype`) or new arrays
/// (`np.zeros(a.shape, dtype=a.dtype)`, `a.copy()`).
fn mentioned_views<'e>(e: &'e Expr, inst: &Instance, out: &mut BTreeSet<&'e str>) {
    let fresh = match &e.kind {
        ExprKind::CallBuiltin(b, args) => match b {
            Builtin::NpAlloc(..)
            | Builtin::NpArray(_)
            | Builtin::NpArange
            | Builtin::NpLinspace => true,
            Builtin::NpLinalg(l) => !l.is_view(),
            // `np.diag` of a vector is a new matrix (of a matrix, a view).
            Builtin::NpBuild(crate::ir::Build::Diag) => matches!(
                args.first().and_then(|a| inst.exprs.get(a.id as usize)),
                Some(Some(Ty::Array(_, 1)))
            ),
            Builtin::NpBuild(f) => !f.is_view(),
            _ => false,
        },
        ExprKind::Method(_, name, _) => name == "copy",
        // Masks and index arrays give new arrays.
        ExprKind::Index(b, i) => crate::infer::fancy::is_fancy(inst, b, i),
        _ => false,
    } || matches!(e.kind, ExprKind::CallBuiltin(Builtin::NpIndexFn(_), _));
    let plain = match inst.exprs.get(e.id as usize) {
        Some(Some(t)) => !holds_views(t),
        _ => false,
    };
    if fresh || plain {
        return;
    }
    if let ExprKind::Local(n) = &e.kind {
        out.insert(n);
    }
    e.children()
        .into_iter()
        .for_each(|c| mentioned_views(c, inst, out));
}

/// Can a value of this type be (or contain) a view of an array?
fn holds_views(t: &Ty) -> bool {
    match t {
        Ty::Scalar(_) | Ty::None => false,
        Ty::Tuple(items) => items.iter().any(holds_views),
        _ => true,
    }
}

/// Calls in an expression: (callee instance, argument expressions).
fn calls<'e>(e: &'e Expr, inst: &Instance, out: &mut Vec<(usize, &'e [Expr])>) {
    if let ExprKind::CallUser(_, args) = &e.kind
        && let Some(&callee) = inst.calls.get(&e.id)
    {
        out.push((callee, args));
    }
    e.children().into_iter().for_each(|c| calls(c, inst, out));
}

/// The arrays an expression writes with `a.fill(v)`, `a.sort()`, `a.partition(k)` or
/// `np.put(a, idx, v)`
/// (by their root local).
fn fills<'e>(e: &'e Expr, out: &mut Vec<&'e str>) {
    if let ExprKind::Method(recv, name, _) = &e.kind
        && matches!(name.as_str(), "fill" | "sort" | "partition")
    {
        out.extend(root_local(recv));
    }
    if let ExprKind::CallBuiltin(Builtin::NpIndexFn(crate::ir::IndexFn::Put), args) = &e.kind {
        out.extend(args.first().and_then(root_local));
    }
    e.children().into_iter().for_each(|c| fills(c, out));
}

/// `l.append(a)`, `l.insert(0, a)`: a list that receives a view holds it.
fn put_into_containers<'e>(e: &'e Expr, alias: &mut BTreeSet<&'e str>) {
    if let ExprKind::Method(recv, _, args) = &e.kind {
        let mut m = BTreeSet::new();
        args.iter().for_each(|a| mentioned(a, &mut m));
        if m.iter().any(|n| alias.contains(n))
            && let Some(r) = root_local(recv)
        {
            alias.insert(r);
        }
    }
    e.children()
        .into_iter()
        .for_each(|c| put_into_containers(c, alias));
}

fn target_roots<'t>(t: &'t Target, out: &mut Vec<&'t str>) {
    match t {
        Target::Index { base, .. } | Target::Slice { base, .. } => out.extend(root_local(base)),
        Target::Tuple(ts, _) => ts.iter().for_each(|t| target_roots(t, out)),
        Target::Local(..) => {}
    }
}

fn walk<'m>(stmts: &'m [Stmt], f: &mut impl FnMut(&'m Stmt)) {
    for s in stmts {
        f(s);
        for b in s.blocks() {
            walk(b, f);
        }
    }
}

/// Does instance `inst` (given what is known of the others in `writes`) write param `k`?
fn writes_param(module: &Module, inst: &Instance, k: usize, writes: &[Vec<bool>]) -> bool {
    let func = &module.functions[inst.key.func];
    let Some((param, _)) = func.params.get(k) else {
        return false;
    };
    // The locals that may view the parameter, to a fixpoint.
    let mut alias: BTreeSet<&str> = BTreeSet::from([param.as_str()]);
    loop {
        let before = alias.len();
        walk(&func.body, &mut |s| match s {
            // Conservative: any value mentioning a view (`b = a[1:]`, `l = [a]`,
            // `x, y = a, b`) makes the assigned names possible views.
            Stmt::Assign { target, value, .. } => {
                let mut m = BTreeSet::new();
                mentioned_views(value, inst, &mut m);
                if m.iter().any(|n| alias.contains(n)) {
                    alias.extend(target.names());
                }
                put_into_containers(value, &mut alias);
            }
            Stmt::Expr(e) => put_into_containers(e, &mut alias),
            Stmt::ForEach { target, iter, .. } => {
                let mut m = BTreeSet::new();
                iter.exprs().into_iter().for_each(|e| mentioned(e, &mut m));
                if m.iter().any(|n| alias.contains(n)) {
                    alias.extend(target.names());
                }
            }
            _ => {}
        });
        if alias.len() == before {
            break;
        }
    }
    let mut found = false;
    walk(&func.body, &mut |s| {
        if let Stmt::Assign { target, .. } | Stmt::AugAssign { target, .. } = s {
            let mut roots = Vec::new();
            target_roots(target, &mut roots);
            found |= roots.iter().any(|r| alias.contains(r));
        }
        let mut filled = Vec::new();
        s.exprs().into_iter().for_each(|e| fills(e, &mut filled));
        found |= filled.iter().any(|r| alias.contains(r));
        let mut cs = Vec::new();
        s.exprs().into_iter().for_each(|e| calls(e, inst, &mut cs));
        for (callee, args) in cs {
            for (j, a) in args.iter().enumerate() {
                if root_local(a).is_some_and(|r| alias.contains(r))
                    && writes
                        .get(callee)
                        .and_then(|w| w.get(j))
                        .copied()
                        .unwrap_or(true)
                {
                    found = true;
                }
            }
        }
    });
    found
}

/// For every instance, which of its parameters it may write (through views and calls).
pub(crate) fn written_params(module: &Module, program: &Program) -> Vec<Vec<bool>> {
    let mut writes: Vec<Vec<bool>> = program
        .instances
        .iter()
        .map(|i| vec![false; i.key.args.len()])
        .collect();
    // Writes only spread along calls: iterate until nothing changes.
    for _ in 0..=program.instances.len() {
        let mut changed = false;
        for (idx, inst) in program.instances.iter().enumerate() {
            for k in 0..inst.key.args.len() {
                if !writes[idx][k] && writes_param(module, inst, k, &writes) {
                    writes[idx][k] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    writes
}

#[cfg(test)]
mod tests {
    use crate::testutil::inferred;

    fn written(src: &str) -> Vec<bool> {
        let (m, _, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", crate::testutil::texts(&d));
        super::written_params(&m, &p)[p.roots[0]].clone()
    }

    #[test]
    fn only_written_parameters_are_written() {
        let src = "import numpy as np\n#pykernel export f(float64[:], float64[:])\ndef f(a, b):\n    c = np.zeros(3)\n    c[0] = a[0] + b[0]\n    return c\n";
        assert_eq!(written(src), vec![false, false]);
        let src = "#pykernel export f(float64[:], float64[:])\ndef f(a, b):\n    v = b[1:]\n    v[0] = a[0]\n";
        assert_eq!(written(src), vec![false, true]);
    }

    #[test]
    fn writes_through_calls_rows_and_containers() {
        let src = "#pykernel export f(float64[:,:], float64[:,:])\ndef f(a, b):\n    g(b[0])\n    for r in a:\n        r[0] = 1.0\n\ndef g(x):\n    x[0] = 2.0\n";
        assert_eq!(written(src), vec![true, true]);
        let src =
            "#pykernel export f(float64[:], int)\ndef f(a, n):\n    l = [a]\n    l[0][0] = 1.0\n";
        assert_eq!(written(src), vec![true, false]);
    }
}
