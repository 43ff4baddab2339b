//! Unit inner strides: which arrays an innermost loop reads and writes element by
//! element, so that the emitter can print a copy of the loop for the usual case where
//! their innermost axis is contiguous.
//!
//! Why: an array access computes `ptr + Σ i_k · stride_k` with run-time strides. With the
//! innermost stride a run-time value, LLVM cannot see that `out[i]` and `out[i + 1]` are
//! neighbours (no store-to-load forwarding across iterations in `out[i] = out[i + 1] +
//! x[i]`: 3.8× slower in a measurement) nor vectorize with unit-stride loads. Pythran's
//! and C's arrays have the constant stride in their type; here one test before the loop
//! (`a.unit_inner()`) selects a copy in which it is the constant 1.

use std::collections::{BTreeMap, BTreeSet};

use super::{assigned, has_slices, index_chain, ty_of};
use crate::infer::Instance;
use crate::ir::{Expr, ExprId, ExprKind, Stmt, Target};
use crate::types::Ty;

/// For an innermost loop `body`: each array local it indexes element by element (and
/// does not rebind), with the ids of those accesses' index expressions.
pub(crate) fn unit_candidates(inst: &Instance, body: &[Stmt]) -> Vec<(String, Vec<ExprId>)> {
    if has_loop(body) {
        return Vec::new();
    }
    let mut rebound = BTreeSet::new();
    assigned(body, &mut rebound);
    let mut found: BTreeMap<String, Vec<ExprId>> = BTreeMap::new();
    let mut bad: BTreeSet<String> = BTreeSet::new();
    each_expr(body, &mut |e| {
        if let ExprKind::Index(base, idx) = &e.kind {
            access(inst, base, idx, &mut found, &mut bad);
        }
    });
    each_target(body, &mut |t| {
        if let Target::Index { base, index, .. } = t {
            access(inst, base, index, &mut found, &mut bad);
        }
    });
    found
        .into_iter()
        .filter(|(n, _)| !rebound.contains(n) && !bad.contains(n))
        .collect()
}

/// Records `base[idx]` when it is an element of an array local.
fn access(
    inst: &Instance,
    base: &Expr,
    idx: &Expr,
    found: &mut BTreeMap<String, Vec<ExprId>>,
    bad: &mut BTreeSet<String>,
) {
    if !matches!(ty_of(inst, base), Ty::Array(..)) || has_slices(idx) {
        return;
    }
    if crate::infer::fancy::is_fancy(inst, base, idx) {
        // `a[mask]`: not an element.
        return;
    }
    let (root, idxs) = index_chain(inst, base, idx);
    if let (ExprKind::Local(n), Ty::Array(_, rank)) = (&root.kind, ty_of(inst, root)) {
        if idxs.len() == rank as usize {
            found.entry(n.clone()).or_default().push(idx.id);
        } else if idxs.len() < rank as usize {
            // A row `a[i]` (a view): read as usual; fine.
        } else {
            bad.insert(n.clone());
        }
    }
}

fn has_loop(b: &[Stmt]) -> bool {
    b.iter().any(|s| {
        matches!(
            s,
            Stmt::ForRange { .. } | Stmt::ForEach { .. } | Stmt::While { .. }
        ) || s.blocks().into_iter().any(has_loop)
    })
}

fn each_expr(b: &[Stmt], f: &mut impl FnMut(&Expr)) {
    fn walk(e: &Expr, f: &mut impl FnMut(&Expr)) {
        f(e);
        for c in e.children() {
            walk(c, f);
        }
    }
    for s in b {
        for e in s.exprs() {
            walk(e, f);
        }
        for inner in s.blocks() {
            each_expr(inner, f);
        }
    }
}

fn each_target(b: &[Stmt], f: &mut impl FnMut(&Target)) {
    for s in b {
        match s {
            Stmt::Assign { target, .. } | Stmt::AugAssign { target, .. } => f(target),
            _ => {}
        }
        for inner in s.blocks() {
            each_target(inner, f);
        }
    }
}
