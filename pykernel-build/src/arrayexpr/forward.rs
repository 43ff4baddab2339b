//! Forwarding whole-array temporaries into the expressions that use them.
//!
//! NumPy programs name their intermediate arrays (`s = (x - m) ** 2 / v`, then
//! `np.exp(-s)`). Each named array is a full pass over memory; computed where it is
//! used, it is one more operation inside the consumer's loop nest instead. A local is
//! forwarded when doing so cannot be observed:
//!
//! - it is assigned once in the function, from an elementwise expression whose operands
//!   are pure (locals, numbers, slices and views of locals: evaluating them later, or
//!   again, gives the same values);
//! - every read of it is in the same block, in the few simple statements after the
//!   assignment, as an operand of an elementwise operation or the array of a whole-array
//!   reduction (or, read once, the value assigned or returned);
//! - the statements from the assignment to the last read change no local the expression
//!   reads and write no array memory (no stores, no in-place operators on arrays, no
//!   calls of kernel functions, no mutating methods), except the statement of the last
//!   read, which may store its value when it is a number (`d[i, j] = np.sqrt((t ** 2).sum())`);
//! - read more than once, the expression is cheap to recompute (a few `+ - * /`).
//!
//! The only difference a program can see: when the expression's operands do not
//! broadcast, NumPy raises at the assignment and the compiled code at the first use
//! (the same `ValueError`, after statements that have no visible effect).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::infer::Instance;
use crate::ir::{BinOp, Builtin, Expr, ExprId, ExprKind, Function, Stmt, Target, UnaryOp};
use crate::types::Ty;

/// The forwarding decisions of one instance.
#[derive(Clone, Debug, Default)]
pub(crate) struct Forwarding {
    /// Reads of a local (by expression id) computed as the expression it was assigned
    /// (by id).
    pub uses: BTreeMap<ExprId, ExprId>,
    /// The assignments (by their value's id) that are not executed.
    pub elided: BTreeSet<ExprId>,
}

/// At most this many reads of a recomputed local.
const MAX_READS: usize = 4;
/// At most this many operations in a recomputed expression.
const MAX_CHEAP_NODES: usize = 12;
/// Mutating methods of arrays and lists.
const MUTATING: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "fill",
    "put",
    "itemset",
    "resize",
    "partition",
];

/// Decides which locals of `func` (typed by `inst`) are forwarded.
pub(crate) fn forwarding(inst: &Instance, func: &Function) -> Forwarding {
    let mut counts = Counts::default();
    for p in &func.params {
        counts.assigns.insert(p.0.clone(), 2);
    }
    counts.block(&func.body);
    let mut out = Forwarding::default();
    let mut defs: HashMap<ExprId, &Expr> = HashMap::new();
    block(inst, &func.body, &counts, &mut defs, &mut out);
    out
}

/// How often each local is assigned and read in the whole function.
#[derive(Default)]
struct Counts {
    assigns: HashMap<String, usize>,
    reads: HashMap<String, usize>,
}

impl Counts {
    fn block(&mut self, b: &[Stmt]) {
        for s in b {
            match s {
                Stmt::Assign { target, .. } => self.target(target),
                // `x op= v` reads and assigns `x`.
                Stmt::AugAssign { target, .. } => {
                    self.target(target);
                    for n in target.names() {
                        *self.reads.entry(n.to_string()).or_default() += 1;
                    }
                }
                Stmt::ForRange { var, .. } => {
                    *self.assigns.entry(var.clone()).or_default() += 2;
                }
                Stmt::ForEach { target, .. } => {
                    for n in target.names() {
                        *self.assigns.entry(n.to_string()).or_default() += 2;
                    }
                }
                _ => {}
            }
            for e in s.exprs() {
                self.expr(e);
            }
            for inner in s.blocks() {
                self.block(inner);
            }
        }
    }

    fn target(&mut self, t: &Target) {
        for n in t.names() {
            *self.assigns.entry(n.to_string()).or_default() += 1;
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(n) => *self.reads.entry(n.clone()).or_default() += 1,
            // Comprehension variables are their own scope: never forwarded.
            ExprKind::ListComp(_, gens, _) => {
                for g in gens {
                    for n in g.target.names() {
                        *self.assigns.entry(n.to_string()).or_default() += 2;
                    }
                }
            }
            _ => {}
        }
        for c in e.children() {
            self.expr(c);
        }
    }
}

fn block<'f>(
    inst: &Instance,
    b: &'f [Stmt],
    counts: &Counts,
    defs: &mut HashMap<ExprId, &'f Expr>,
    out: &mut Forwarding,
) {
    for (i, s) in b.iter().enumerate() {
        if let Stmt::Assign {
            target: Target::Local(name, _),
            value,
            ..
        } = s
            && let Some(uses) = candidate(inst, b, i, name, value, counts, defs, out)
        {
            for u in uses {
                out.uses.insert(u, value.id);
            }
            out.elided.insert(value.id);
            defs.insert(value.id, value);
        }
        for inner in s.blocks() {
            block(inst, inner, counts, defs, out);
        }
    }
}

/// The reads of `name` to compute as `value` (assigned by statement `i` of `b`), if the
/// local can be forwarded.
#[allow(clippy::too_many_arguments)]
fn candidate(
    inst: &Instance,
    b: &[Stmt],
    i: usize,
    name: &str,
    value: &Expr,
    counts: &Counts,
    defs: &HashMap<ExprId, &Expr>,
    out: &Forwarding,
) -> Option<Vec<ExprId>> {
    if counts.assigns.get(name) != Some(&1) || !super::is_elementwise(inst, value) {
        return None;
    }
    let total = *counts.reads.get(name)?;
    // The locals the expression reads (through forwarded locals too), and purity.
    let mut reads = BTreeSet::new();
    if !pure_operands(inst, value, defs, out, &mut reads) {
        return None;
    }
    let mut found = Vec::new();
    for s in &b[i + 1..] {
        // Simple statements with no visible effect up to the last read; the one with the
        // last read may store its value anywhere (after computing it).
        let (v, writes) = match s {
            Stmt::Assign { target, value, .. } => (value, target_len(target) == usize::MAX),
            Stmt::AugAssign { value, .. } => (value, true),
            Stmt::Return(Some(v), _) | Stmt::Expr(v) => (v, false),
            _ => return None,
        };
        if !calm_expr(v) || !uses_in(inst, v, name, true, &mut found) {
            return None;
        }
        if found.len() == total {
            // A store of an array (`u += 0.1 * t`) copies each operand that overlaps its
            // target (`t`'s slices of the same array: several copies for one temporary):
            // only numbers are stored with the last read.
            if writes && matches!(crate::analysis::ty_of(inst, v), Ty::Array(..)) {
                return None;
            }
            break;
        }
        if writes {
            return None;
        }
        // A local the expression reads changes: later reads would see the new value.
        if let Stmt::Assign { target, .. } = s
            && target.names().iter().any(|n| reads.contains(*n))
        {
            return None;
        }
    }
    if found.len() != total || found.is_empty() {
        return None;
    }
    let whole = found.iter().any(|(_, whole)| *whole);
    if whole && total > 1 {
        return None;
    }
    if total > 1 && (total > MAX_READS || !cheap(inst, value, defs, out, &mut 0)) {
        return None;
    }
    Some(found.into_iter().map(|(id, _)| id).collect())
}

/// The number of names a target assigns when it only assigns locals.
fn target_len(t: &Target) -> usize {
    match t {
        Target::Local(..) => 1,
        Target::Tuple(ts, _) => ts.iter().map(target_len).sum(),
        _ => usize::MAX,
    }
}

/// No call of a kernel function and no mutating method anywhere in `e`.
pub(crate) fn calm_expr(e: &Expr) -> bool {
    let here = match &e.kind {
        ExprKind::CallUser(..) | ExprKind::ListComp(..) => false,
        ExprKind::Method(_, m, _) => !MUTATING.contains(&m.as_str()),
        _ => true,
    };
    here && e.children().into_iter().all(calm_expr)
}

/// Collects the reads of local `name` in `e`: each with whether it is `e` itself (the
/// value assigned or returned). False when a read is anywhere else than an operand of
/// an elementwise operation, the array of a whole-array reduction, or `e` itself.
fn uses_in(
    inst: &Instance,
    e: &Expr,
    name: &str,
    top: bool,
    found: &mut Vec<(ExprId, bool)>,
) -> bool {
    if let ExprKind::Local(n) = &e.kind
        && n == name
    {
        if top {
            found.push((e.id, true));
            return true;
        }
        return false;
    }
    let fused: Vec<ExprId> = if super::is_elementwise(inst, e) {
        super::operands(e).iter().map(|o| o.id).collect()
    } else {
        match &e.kind {
            ExprKind::CallBuiltin(Builtin::NpReduce(_), args) => {
                args.first().map(|a| a.id).into_iter().collect()
            }
            ExprKind::Method(recv, m, args)
                if args.is_empty()
                    && crate::ir::Reduce::from_name(m)
                        .is_some_and(|r| r.is_method() && r.fusable())
                    && matches!(crate::analysis::ty_of(inst, recv), Ty::Array(..)) =>
            {
                vec![recv.id]
            }
            _ => Vec::new(),
        }
    };
    for c in e.children() {
        if let ExprKind::Local(n) = &c.kind
            && n == name
        {
            if !fused.contains(&c.id) {
                return false;
            }
            found.push((c.id, false));
            continue;
        }
        if !uses_in(inst, c, name, false, found) {
            return false;
        }
    }
    true
}

/// The operands of elementwise expression `e` are pure (see the module comment); adds
/// the locals they read to `reads`.
fn pure_operands(
    inst: &Instance,
    e: &Expr,
    defs: &HashMap<ExprId, &Expr>,
    out: &Forwarding,
    reads: &mut BTreeSet<String>,
) -> bool {
    if let Some(d) = out.uses.get(&e.id).and_then(|d| defs.get(d)) {
        return pure_operands(inst, d, defs, out, reads);
    }
    if super::is_elementwise(inst, e) {
        return super::operands(e)
            .into_iter()
            .all(|o| pure_operands(inst, o, defs, out, reads));
    }
    pure_value(e, reads)
}

/// `e` reads locals and numbers only (views, slices, attributes, arithmetic on them).
fn pure_value(e: &Expr, reads: &mut BTreeSet<String>) -> bool {
    let here = match &e.kind {
        ExprKind::Local(n) => {
            reads.insert(n.clone());
            true
        }
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Ellipsis
        | ExprKind::Index(..)
        | ExprKind::Slice(..)
        | ExprKind::SliceSpec(..)
        | ExprKind::Tuple(_)
        | ExprKind::Binary(..)
        | ExprKind::Unary(..)
        | ExprKind::Attr(..) => true,
        _ => false,
    };
    here && e.children().into_iter().all(|c| pure_value(c, reads))
}

/// `e` is a small tree of `+ - * /` (and negation, `abs`, squares) over its operands.
fn cheap(
    inst: &Instance,
    e: &Expr,
    defs: &HashMap<ExprId, &Expr>,
    out: &Forwarding,
    nodes: &mut usize,
) -> bool {
    if let Some(d) = out.uses.get(&e.id).and_then(|d| defs.get(d)) {
        return cheap(inst, d, defs, out, nodes);
    }
    // Operands: evaluated once, read from memory at each use.
    if !super::is_elementwise(inst, e) {
        return true;
    }
    *nodes += 1;
    if *nodes > MAX_CHEAP_NODES {
        return false;
    }
    let mut sub = |x: &Expr| cheap(inst, x, defs, out, nodes);
    match &e.kind {
        ExprKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div, a, b) => {
            sub(a) && sub(b)
        }
        ExprKind::Binary(BinOp::Pow, a, b) => matches!(b.kind, ExprKind::Int(2)) && sub(a),
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos, a) => sub(a),
        ExprKind::CallBuiltin(Builtin::Abs, args) => args.iter().all(sub),
        _ => false,
    }
}
