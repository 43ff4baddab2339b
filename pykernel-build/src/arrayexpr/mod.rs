//! Pass 7: whole-array expressions as loops (Numba's array-expression rewriting and
//! Pythran's expression templates are the models).
//!
//! Every maximal tree of elementwise operations on arrays (operators, ufuncs,
//! `np.where`, `np.clip`, `astype`, `abs`) becomes one *kernel*: its operands (the
//! *leaves*: array values and numbers, each evaluated once, in source order) and the
//! tree above them, computed element by element in one loop nest over the broadcast
//! shape. No temporary array exists for the inner nodes of a tree; the emitter
//! (`emit/arrayexpr.rs`) prints the loop nest where the tree's value goes: a new array
//! (`c = a + b`, a returned or passed value), the destination of a store
//! (`out[1:-1] = a[2:] - a[:-2]`), the array of an in-place operator (`u += dt * v`), or
//! a reduction (`np.sum(a * b)`).

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use crate::infer::{Instance, Program};
use crate::ir::{Builtin, Expr, ExprId, ExprKind, Module, Stmt};
use crate::types::Ty;

/// One operand of a kernel.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Leaf {
    /// The operand expression.
    pub expr: ExprId,
    /// Its rank when it is an array (`None`: a number).
    pub rank: Option<u8>,
}

/// A tree of elementwise operations computed in one loop nest.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Kernel {
    /// Rank of the result (the broadcast of the leaves').
    pub rank: u8,
    /// The operands, in evaluation order.
    pub leaves: Vec<Leaf>,
}

/// The kernels of one instance.
#[derive(Clone, Debug, Default)]
pub(crate) struct InstanceKernels {
    /// Kernels by root expression.
    pub roots: BTreeMap<ExprId, Kernel>,
    /// Every elementwise node (roots and inner nodes).
    pub nodes: BTreeSet<ExprId>,
    /// The instance runs whole-array loops (kernels or reductions): it is compiled for
    /// the wider SIMD units too, chosen at run time.
    pub simd: bool,
}

impl InstanceKernels {
    /// The kernel rooted at `e`, if `e` is the root of one.
    pub fn kernel(&self, e: ExprId) -> Option<&Kernel> {
        self.roots.get(&e)
    }
}

/// Is `e` (of type `t` in `inst`) an elementwise operation on arrays?
pub(crate) fn is_elementwise(inst: &Instance, e: &Expr) -> bool {
    let is_array = |x: &Expr| matches!(crate::analysis::ty_of(inst, x), Ty::Array(..));
    if !is_array(e) {
        return false;
    }
    match &e.kind {
        ExprKind::Binary(..) | ExprKind::Unary(..) | ExprKind::Compare(..) => true,
        ExprKind::CallBuiltin(
            Builtin::Ufunc(_)
            | Builtin::Abs
            | Builtin::NpWhere
            | Builtin::NpClip
            | Builtin::NpAstype(_),
            _,
        ) => true,
        ExprKind::Method(_, name, _) => matches!(name.as_str(), "conj" | "conjugate" | "clip"),
        ExprKind::Attr(_, name) => matches!(name.as_str(), "real" | "imag"),
        _ => false,
    }
}

/// The operands of an elementwise node, in evaluation order.
pub(crate) fn operands(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Compare(first, rest) => std::iter::once(first.as_ref())
            .chain(rest.iter().map(|(_, r)| r))
            .collect(),
        ExprKind::Method(recv, _, args) => std::iter::once(recv.as_ref()).chain(args).collect(),
        // `astype(b.dtype)`: `b` is only a dtype source.
        ExprKind::CallBuiltin(Builtin::NpAstype(_), args) => args.iter().take(1).collect(),
        _ => e.children(),
    }
}

/// Finds the kernels of every instance.
pub(crate) fn plan(module: &Module, program: &Program) -> Vec<InstanceKernels> {
    program
        .instances
        .iter()
        .map(|inst| {
            let func = &module.functions[inst.key.func];
            let mut out = InstanceKernels::default();
            for s in &func.body {
                stmt(inst, s, &mut out);
            }
            out.simd = !out.roots.is_empty() || func.body.iter().any(|s| has_reduction(inst, s));
            out
        })
        .collect()
}

/// Does `s` reduce a whole array (`np.sum(a)`, `a.max()`)?
fn has_reduction(inst: &Instance, s: &Stmt) -> bool {
    fn expr(inst: &Instance, e: &Expr) -> bool {
        let here = match &e.kind {
            ExprKind::CallBuiltin(Builtin::NpReduce(_), _) => true,
            ExprKind::Method(recv, name, _) => {
                matches!(crate::analysis::ty_of(inst, recv), Ty::Array(..))
                    && crate::ir::Reduce::from_name(name).is_some()
            }
            _ => false,
        };
        here || e.children().into_iter().any(|c| expr(inst, c))
    }
    s.exprs().into_iter().any(|e| expr(inst, e))
        || s.blocks()
            .into_iter()
            .any(|b| b.iter().any(|s| has_reduction(inst, s)))
}

fn stmt(inst: &Instance, s: &Stmt, out: &mut InstanceKernels) {
    for e in s.exprs() {
        expr(inst, e, false, out);
    }
    for b in s.blocks() {
        for s in b {
            stmt(inst, s, out);
        }
    }
}

/// Walks `e`; `inside`: `e` is an operand of an elementwise node.
fn expr(inst: &Instance, e: &Expr, inside: bool, out: &mut InstanceKernels) {
    if is_elementwise(inst, e) {
        out.nodes.insert(e.id);
        if !inside {
            let mut leaves = Vec::new();
            collect_leaves(inst, e, &mut leaves);
            let rank = match crate::analysis::ty_of(inst, e) {
                Ty::Array(_, n) => n,
                _ => 0,
            };
            out.roots.insert(e.id, Kernel { rank, leaves });
        }
        for c in operands(e) {
            expr(inst, c, true, out);
        }
        return;
    }
    for c in e.children() {
        expr(inst, c, false, out);
    }
}

fn collect_leaves(inst: &Instance, e: &Expr, out: &mut Vec<Leaf>) {
    for c in operands(e) {
        if is_elementwise(inst, c) {
            collect_leaves(inst, c, out);
        } else {
            let rank = match crate::analysis::ty_of(inst, c) {
                Ty::Array(_, n) => Some(n),
                _ => None,
            };
            out.push(Leaf { expr: c.id, rank });
        }
    }
}
