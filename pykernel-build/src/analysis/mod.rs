//! Pass 6: the bounds analysis (between inference and emission).
//!
//! For every loop of every function instance it finds the checks that, done once before
//! the loop, prove array and list accesses anywhere in the loop (nested loops included)
//! in bounds. The emitter prints each loop twice: a copy with those accesses unchecked,
//! taken when the checks pass, and the ordinary checked copy otherwise (`versioned`), so
//! results never depend on the analysis.
//!
//! How values are seen (LLVM's scalar evolution is the model): the walk of a loop
//! ([`walk`]) follows the code in order and keeps, for every integer local, a symbolic
//! formula ([`sym::Sx`]) over *leaves* (values fixed when the loop starts) and *atoms*
//! (values that change inside it: iteration counters, `while` counters, values it cannot
//! read). A `range` loop variable is `start + step·t` for an iteration atom `t`; a local
//! moved once per iteration by a constant is affine in `t` too; locals computed from
//! others (`i = k * f`) carry their formula; small helper functions are read as
//! formulas of their arguments ([`values`]); `if` tests and `while` conditions bound
//! atoms ([`facts`]). At each access the extreme values of its indices over the whole
//! loop ([`extremes`]) become the checks.

mod extremes;
mod facts;
mod lists;
mod loops;
mod strides;
pub(crate) mod sym;
#[cfg(test)]
mod tests;
mod values;
mod walk;

use std::collections::{BTreeSet, HashMap};

use crate::infer::{Instance, Program};
use crate::ir::{Expr, ExprId, ExprKind, Module, Stmt, Target};
use crate::types::Ty;

pub(crate) use extremes::{Cond, Extent};

/// Identifies a loop of a function: the id of its `range` stop, its first iterable
/// expression, or its `while` condition.
pub(crate) type LoopKey = ExprId;

/// What a passing guard proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Fact {
    /// The access whose (outermost) index expression has this id is in bounds.
    InBounds(ExprId),
    /// The integer divisor expression with this id is positive.
    Positive(ExprId),
    /// The float divisor expression with this id is not zero.
    NonZero(ExprId),
}

/// The checks that prove one fact for a whole loop.
#[derive(Clone, Debug)]
pub(crate) struct Guard {
    pub fact: Fact,
    pub conds: Vec<Cond>,
}

/// The guards of one loop (each also valid for the loops inside it).
#[derive(Clone, Debug, Default)]
pub(crate) struct LoopPlan {
    pub guards: Vec<Guard>,
}

/// The analysis of one instance: a plan per loop.
#[derive(Clone, Debug, Default)]
pub(crate) struct InstancePlans {
    pub loops: HashMap<LoopKey, LoopPlan>,
    /// Innermost loops: the arrays they index element by element, with those accesses
    /// (`strides.rs`).
    pub unit: HashMap<LoopKey, Vec<(String, Vec<ExprId>)>>,
    /// Loops that take the element buffer of lists of numbers once, before they start,
    /// with those lists' locals (`lists.rs`).
    pub lists: HashMap<LoopKey, Vec<String>>,
    /// A small helper without loops (`def at(u, i, j): return u[i % n, j % m]`): always
    /// inlined into its callers, so their loops see through it (LLVM's own heuristic
    /// kept the calls, with their argument set-up and error plumbing, in a stencil's
    /// inner loop: 2.3x Pythran's time).
    pub inline: bool,
}

/// Functions without loops up to this many expression nodes are inlined.
const SMALL_HELPER_EXPRS: u32 = 64;

/// The key of a loop statement.
pub(crate) fn loop_key(s: &Stmt) -> Option<LoopKey> {
    match s {
        Stmt::ForRange { stop, .. } => Some(stop.id),
        Stmt::ForEach { iter, .. } => iter.exprs().first().map(|e| e.id),
        Stmt::While { cond, .. } => Some(cond.id),
        _ => None,
    }
}

/// Runs the analysis on every instance.
pub(crate) fn analyze(module: &Module, program: &Program) -> Vec<InstancePlans> {
    program
        .instances
        .iter()
        .map(|inst| {
            let func = &module.functions[inst.key.func];
            let mut plans = InstancePlans {
                lists: lists::hoisted(inst, &func.body),
                inline: func.expr_count <= SMALL_HELPER_EXPRS
                    && !crate::polls::has_loop(&func.body),
                ..Default::default()
            };
            let ctx = Ctx {
                module,
                program,
                inst,
            };
            each_loop(&func.body, &mut |s| {
                if let Some(key) = loop_key(s)
                    && !too_big_to_copy(s)
                {
                    let plan = walk::analyze_loop(&ctx, s);
                    if !plan.guards.is_empty() {
                        plans.loops.insert(key, plan);
                    }
                    if let Some(body) = s.blocks().first() {
                        let unit = strides::unit_candidates(inst, body);
                        if !unit.is_empty() {
                            plans.unit.insert(key, unit);
                        }
                    }
                }
            });
            plans
        })
        .collect()
}

/// Loops whose body has more expression nodes than this keep one copy: a proven copy
/// doubles the code of the loop and of every loop inside it (a 3000-term expression in
/// three nested loops made 390 MB of Rust; corpus and benchmark loops have at most a few hundred).
const MAX_COPIED_NODES: usize = 1500;

/// Has loop `s` more than [`MAX_COPIED_NODES`] expression nodes?
fn too_big_to_copy(s: &Stmt) -> bool {
    fn count(e: &Expr, n: &mut usize) {
        *n += 1;
        if *n <= MAX_COPIED_NODES {
            for c in e.children() {
                count(c, n);
            }
        }
    }
    fn stmts(b: &[Stmt], n: &mut usize) {
        for s in b {
            for e in s.exprs() {
                count(e, n);
            }
            for inner in s.blocks() {
                stmts(inner, n);
            }
            if *n > MAX_COPIED_NODES {
                return;
            }
        }
    }
    let mut n = 0;
    stmts(std::slice::from_ref(s), &mut n);
    n > MAX_COPIED_NODES
}

/// Calls `f` on every loop statement, outer loops first.
fn each_loop<'a>(stmts: &'a [Stmt], f: &mut impl FnMut(&'a Stmt)) {
    for s in stmts {
        if loop_key(s).is_some() {
            f(s);
        }
        for b in s.blocks() {
            each_loop(b, f);
        }
    }
}

/// What the analysis reads.
pub(crate) struct Ctx<'a> {
    pub module: &'a Module,
    pub program: &'a Program,
    pub inst: &'a Instance,
}

/// The type of an expression of `inst`.
pub(crate) fn ty_of(inst: &Instance, e: &Expr) -> Ty {
    inst.exprs
        .get(e.id as usize)
        .cloned()
        .flatten()
        .unwrap_or(Ty::None)
}

/// List methods that change a list's length.
const RESIZING: &[&str] = &["append", "extend", "insert", "pop", "clear"];

/// Can no list change its length while `stmts` run? (No calls to kernel functions, no
/// resizing methods, no `+=`/`*=` on lists, no slice assignment to lists.)
pub(crate) fn lists_stable(inst: &Instance, stmts: &[Stmt]) -> bool {
    fn expr_ok(e: &Expr) -> bool {
        let here = match &e.kind {
            ExprKind::CallUser(..) => false,
            ExprKind::Method(_, name, _) => !RESIZING.contains(&name.as_str()),
            _ => true,
        };
        here && e.children().into_iter().all(expr_ok)
    }
    stmts.iter().all(|s| {
        let target_ok = match s {
            Stmt::AugAssign { target, .. } => match target {
                Target::Local(n, _) => !matches!(inst.locals.get(n), Some(Ty::List(_))),
                Target::Index { base, .. } => {
                    !matches!(ty_of(inst, base), Ty::List(e) if matches!(*e, Ty::List(_)))
                }
                _ => false,
            },
            Stmt::Assign {
                target: Target::Slice { base, .. },
                ..
            } => !ty_of(inst, base).has_list(),
            _ => true,
        };
        target_ok
            && s.exprs().into_iter().all(expr_ok)
            && s.blocks().into_iter().all(|b| lists_stable(inst, b))
    })
}

/// Every local assigned in `stmts` (targets, loop variables, comprehension variables).
pub(crate) fn assigned(stmts: &[Stmt], out: &mut BTreeSet<String>) {
    for s in stmts {
        match s {
            Stmt::Assign { target, .. } | Stmt::AugAssign { target, .. } => {
                out.extend(target.names().into_iter().map(str::to_owned));
            }
            Stmt::ForRange { var, .. } => {
                out.insert(var.clone());
            }
            Stmt::ForEach { target, .. } => {
                out.extend(target.names().into_iter().map(str::to_owned));
            }
            _ => {}
        }
        for e in s.exprs() {
            comp_vars(e, out);
        }
        for b in s.blocks() {
            assigned(b, out);
        }
    }
}

fn comp_vars(e: &Expr, out: &mut BTreeSet<String>) {
    if let ExprKind::ListComp(_, gens, _) = &e.kind {
        for g in gens {
            out.extend(g.target.names().into_iter().map(str::to_owned));
        }
    }
    e.children().into_iter().for_each(|c| comp_vars(c, out));
}

/// Splits `a[i][j, k]` into the array `a` and its indices `[i, j, k]`, as long as each
/// level indexes an array with integers (the emitter fuses them into one access).
pub(crate) fn index_chain<'e>(
    inst: &Instance,
    base: &'e Expr,
    idx: &'e Expr,
) -> (&'e Expr, Vec<&'e Expr>) {
    let (root, mut out) = match &base.kind {
        ExprKind::Index(b, i)
            if matches!(ty_of(inst, b), Ty::Array(..))
                && !has_slices(i)
                && !crate::infer::fancy::is_fancy(inst, b, i) =>
        {
            index_chain(inst, b, i)
        }
        _ => (base, Vec::new()),
    };
    match &idx.kind {
        ExprKind::Tuple(items) => out.extend(items.iter()),
        _ => out.push(idx),
    }
    (root, out)
}

/// Does an index contain a slice (`a[1:, 0]`)?
pub(crate) fn has_slices(idx: &Expr) -> bool {
    match &idx.kind {
        ExprKind::SliceSpec(..) => true,
        ExprKind::None | ExprKind::Ellipsis => true,
        ExprKind::Tuple(items) => items.iter().any(|i| {
            matches!(
                i.kind,
                ExprKind::SliceSpec(..) | ExprKind::None | ExprKind::Ellipsis
            )
        }),
        _ => false,
    }
}
