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

mod forward;
#[cfg(test)]
mod tests;

pub(crate) use forward::{Forwarding, calm_expr as calm};

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Later operands that read the same array local as `expr`: they share its stream
    /// (`x + x + ... + x` reads `x` once per element and sets up one operand, not
    /// thousands).
    pub same: Vec<ExprId>,
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
    /// Named temporaries computed where they are used (see `forward.rs`).
    pub forward: Forwarding,
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
        ExprKind::Method(_, name, _) => {
            matches!(name.as_str(), "conj" | "conjugate" | "clip" | "round")
        }
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

/// Functions with more expressions than this get no SIMD copies: each copy repeats the
/// whole function (a 3000-term `x + x + ... + x` made 20 MB of Rust in three copies),
/// and a function that large is not one loop a wider unit speeds up much.
const MAX_SIMD_COPIED_EXPRS: usize = 5000;

/// Finds the kernels of every instance.
pub(crate) fn plan(module: &Module, program: &Program) -> Vec<InstanceKernels> {
    program
        .instances
        .iter()
        .map(|inst| {
            let func = &module.functions[inst.key.func];
            let mut out = InstanceKernels {
                forward: forward::forwarding(inst, func),
                ..Default::default()
            };
            let defs = forwarded_defs(func, &out.forward);
            let w = Walker { inst, defs: &defs };
            for s in &func.body {
                w.stmt(s, &mut out);
            }
            out.simd = (!out.roots.is_empty() || func.body.iter().any(|s| has_reduction(inst, s)))
                && func.expr_count as usize <= MAX_SIMD_COPIED_EXPRS;
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
                    && crate::ir::Reduce::from_name(name).is_some_and(|r| r.fusable())
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

/// The expressions of the forwarded assignments of `func`, by id.
pub(crate) fn forwarded_defs<'f>(
    func: &'f crate::ir::Function,
    fw: &Forwarding,
) -> HashMap<ExprId, &'f Expr> {
    fn block<'f>(b: &'f [Stmt], fw: &Forwarding, out: &mut HashMap<ExprId, &'f Expr>) {
        for s in b {
            if let Stmt::Assign { value, .. } = s
                && fw.elided.contains(&value.id)
            {
                out.insert(value.id, value);
            }
            for inner in s.blocks() {
                block(inner, fw, out);
            }
        }
    }
    let mut out = HashMap::new();
    block(&func.body, fw, &mut out);
    out
}

/// Walks an instance's statements, seeing forwarded locals as the expressions they stand
/// for.
struct Walker<'a, 'f> {
    inst: &'a Instance,
    defs: &'a HashMap<ExprId, &'f Expr>,
}

impl<'f> Walker<'_, 'f> {
    /// The expression a forwarded read stands for.
    fn def(&self, e: &Expr, out: &InstanceKernels) -> Option<&'f Expr> {
        out.forward
            .uses
            .get(&e.id)
            .and_then(|d| self.defs.get(d))
            .copied()
    }

    fn stmt(&self, s: &Stmt, out: &mut InstanceKernels) {
        // A forwarded assignment is computed at its reads.
        if let Stmt::Assign { value, .. } = s
            && out.forward.elided.contains(&value.id)
        {
            return;
        }
        for e in s.exprs() {
            self.expr(e, false, out);
        }
        for b in s.blocks() {
            for s in b {
                self.stmt(s, out);
            }
        }
    }

    /// Walks `e`; `inside`: `e` is an operand of an elementwise node.
    fn expr(&self, e: &Expr, inside: bool, out: &mut InstanceKernels) {
        let def = self.def(e, out);
        if def.is_some() || is_elementwise(self.inst, e) {
            out.nodes.insert(e.id);
            if !inside {
                let mut leaves = Vec::new();
                self.collect_leaves(e, &mut leaves, &mut HashMap::new(), out);
                let rank = match crate::analysis::ty_of(self.inst, e) {
                    Ty::Array(_, n) => n,
                    _ => 0,
                };
                out.roots.insert(e.id, Kernel { rank, leaves });
            }
            match def {
                Some(d) => self.expr(d, true, out),
                None => {
                    for c in operands(e) {
                        self.expr(c, true, out);
                    }
                }
            }
            return;
        }
        for c in e.children() {
            self.expr(c, false, out);
        }
    }

    /// The operands of the tree at `e`, each once (a forwarded local read twice shares
    /// its operands; reads of one array local share one leaf), in evaluation order.
    /// `locals`: the leaf of each array local met so far.
    fn collect_leaves<'e>(
        &self,
        e: &'e Expr,
        out: &mut Vec<Leaf>,
        locals: &mut HashMap<&'e str, usize>,
        k: &InstanceKernels,
    ) where
        'f: 'e,
    {
        if let Some(d) = self.def(e, k) {
            return self.collect_leaves(d, out, locals, k);
        }
        for c in operands(e) {
            if self.def(c, k).is_some() || is_elementwise(self.inst, c) {
                self.collect_leaves(c, out, locals, k);
            } else if !out.iter().any(|l| l.expr == c.id) {
                let rank = match crate::analysis::ty_of(self.inst, c) {
                    Ty::Array(_, n) => Some(n),
                    // A tuple of numbers is the 1-D array `np.asarray` makes of it.
                    t if crate::infer::tuple_dtype(&t).is_some() => Some(1),
                    _ => None,
                };
                if let (ExprKind::Local(name), Some(_)) = (&c.kind, rank) {
                    if let Some(&n) = locals.get(name.as_str()) {
                        out[n].same.push(c.id);
                        continue;
                    }
                    locals.insert(name.as_str(), out.len());
                }
                out.push(Leaf {
                    expr: c.id,
                    rank,
                    same: Vec::new(),
                });
            }
        }
    }
}
