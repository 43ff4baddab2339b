//! Lists whose element buffer a loop takes once, before it starts.
//!
//! A list is a shared, growable vector: every `a[i]` reads the vector's address and
//! length through the list's handle again, because a store through an element could, as
//! far as the compiler knows, have changed them (a histogram's `counts[b] += 1` in a
//! `for v in x:` loop ran 1.55× slower than Pythran's for that reason). In a loop where
//! no list can change its length ([`super::lists_stable`]: no resizing method, no call
//! of a kernel function, no `+=` on a list) and the local is not rebound, the address and
//! length stay what they were when the loop started: the emitter reads them once and
//! indexes through them (`pykernel::__private::ListBuf`), with the same checks and the
//! same errors.

use std::collections::{BTreeSet, HashMap};

use super::{LoopKey, assigned, lists_stable, loop_key, ty_of};
use crate::infer::Instance;
use crate::ir::{Expr, ExprKind, Stmt, Target};
use crate::types::Ty;

/// For every loop of `body`, the list locals whose buffer it takes (each list by the
/// outermost loop that can).
pub(crate) fn hoisted(inst: &Instance, body: &[Stmt]) -> HashMap<LoopKey, Vec<String>> {
    let mut out = HashMap::new();
    block(inst, body, &BTreeSet::new(), &mut out);
    out
}

fn block(
    inst: &Instance,
    stmts: &[Stmt],
    outer: &BTreeSet<String>,
    out: &mut HashMap<LoopKey, Vec<String>>,
) {
    for s in stmts {
        let mut inner = outer.clone();
        if let Some(key) = loop_key(s)
            && lists_stable(inst, std::slice::from_ref(s))
        {
            let mut indexed = BTreeSet::new();
            indexed_lists(inst, std::slice::from_ref(s), &mut indexed);
            let mut rebound = BTreeSet::new();
            assigned(std::slice::from_ref(s), &mut rebound);
            let names: Vec<String> = indexed
                .into_iter()
                .filter(|n| !rebound.contains(n) && !outer.contains(n))
                .collect();
            if !names.is_empty() {
                inner.extend(names.iter().cloned());
                out.insert(key, names);
            }
        }
        for b in s.blocks() {
            block(inst, b, &inner, out);
        }
    }
}

/// Is `e` a local holding a list of numbers?
fn number_list(inst: &Instance, e: &Expr) -> Option<String> {
    match (&e.kind, ty_of(inst, e)) {
        (ExprKind::Local(n), Ty::List(item)) if item.scalar().is_some() => Some(n.clone()),
        _ => None,
    }
}

/// The locals holding lists of numbers that `stmts` index (reads and stores).
fn indexed_lists(inst: &Instance, stmts: &[Stmt], out: &mut BTreeSet<String>) {
    fn expr(inst: &Instance, e: &Expr, out: &mut BTreeSet<String>) {
        if let ExprKind::Index(base, _) = &e.kind
            && let Some(n) = number_list(inst, base)
        {
            out.insert(n);
        }
        for c in e.children() {
            expr(inst, c, out);
        }
    }
    fn target(inst: &Instance, t: &Target, out: &mut BTreeSet<String>) {
        match t {
            Target::Index { base, .. } => out.extend(number_list(inst, base)),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(inst, t, out)),
            _ => {}
        }
    }
    for s in stmts {
        match s {
            Stmt::Assign { target: t, .. } | Stmt::AugAssign { target: t, .. } => {
                target(inst, t, out)
            }
            Stmt::ForEach { target: t, .. } => target(inst, t, out),
            _ => {}
        }
        for e in s.exprs() {
            expr(inst, e, out);
        }
        for b in s.blocks() {
            indexed_lists(inst, b, out);
        }
    }
}
