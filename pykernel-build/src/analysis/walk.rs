//! The walk of one loop: statements in order, the symbolic value of every integer
//! local, and a guard for every access whose indices can be bounded.

use std::collections::{BTreeSet, HashMap};

use super::extremes::{Bound, Cond, Domain, Extent, Extremes};
use super::sym::{AtomId, Sx};
use super::{Ctx, Fact, Guard, LoopPlan, assigned, index_chain, lists_stable, ty_of};
use crate::ir::{BinOp, Expr, ExprKind, LogicOp, Stmt, Target};
use crate::types::{Ty, kind};

/// The analysis state while walking the loop `H` being versioned.
pub(crate) struct Walk<'a> {
    pub ctx: &'a Ctx<'a>,
    /// Locals `H` assigns anywhere: they are not leaves.
    pub changed: BTreeSet<String>,
    /// No list changes its length inside `H`.
    pub stable_lists: bool,
    /// Domain of every atom, by id.
    pub domains: Vec<Domain>,
    /// Current formula of the integer locals `H` assigns.
    pub env: HashMap<String, Sx>,
    /// One guard per provable access.
    pub guards: Vec<Guard>,
    /// Reading the versioned loop's own header: every local is a leaf (its value when
    /// the checks run).
    pub entry: bool,
    /// Conditional expressions being read under their tests' facts, nested.
    pub nesting: usize,
}

/// Conditional expressions nested deeper than this are read without their tests' facts
/// (fewer proofs, no more cost): each level saves and restores every domain, and CPython
/// compiles chains 3000 deep.
pub(crate) const MAX_FACT_NESTING: usize = 32;

/// The guards of loop `h` (a loop statement).
pub(crate) fn analyze_loop(ctx: &Ctx<'_>, h: &Stmt) -> LoopPlan {
    let mut changed = BTreeSet::new();
    assigned(std::slice::from_ref(h), &mut changed);
    let stable_lists = lists_stable(ctx.inst, std::slice::from_ref(h));
    let mut w = Walk {
        ctx,
        changed,
        stable_lists,
        domains: Vec::new(),
        env: HashMap::new(),
        guards: Vec::new(),
        entry: false,
        nesting: 0,
    };
    w.run_loop(h, true);
    LoopPlan { guards: w.guards }
}

impl Walk<'_> {
    /// A new atom with the given domain.
    pub fn atom(&mut self, d: Domain) -> Sx {
        self.domains.push(d);
        Sx::Atom((self.domains.len() - 1) as AtomId)
    }

    /// A new atom nothing is known about.
    pub fn fresh(&mut self) -> Sx {
        self.atom(Domain::default())
    }

    /// Is `name` an integer local?
    pub fn int_local(&self, name: &str) -> bool {
        matches!(self.ctx.inst.locals.get(name), Some(Ty::Scalar(s)) if kind(s.dtype) == 1)
    }

    /// Is `name` a Python or NumPy `int64` local (whose arithmetic the formulas mirror)?
    pub fn int64_local(&self, name: &str) -> bool {
        matches!(self.ctx.inst.locals.get(name), Some(Ty::Scalar(s)) if s.dtype == crate::exports::Dtype::Int64)
    }

    /// Gives every listed local a fresh, unknown value.
    pub fn forget<'n>(&mut self, names: impl IntoIterator<Item = &'n String>) {
        for n in names {
            if self.int_local(n) {
                let a = self.fresh();
                self.env.insert(n.clone(), a);
            } else {
                self.env.remove(n);
            }
        }
    }

    /// Binds local `name` to the value `v` (a formula, or unknown).
    pub fn bind(&mut self, name: &str, v: Option<Sx>) {
        if !self.int_local(name) {
            return;
        }
        let v = match v {
            Some(v) if self.int64_local(name) && v.size() <= 200 => v,
            _ => self.fresh(),
        };
        self.env.insert(name.to_owned(), v);
    }

    pub fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Assign { target, value, .. } => {
                self.expr(value);
                self.target_exprs(target);
                match target {
                    Target::Local(n, _) => {
                        let v = self.sym(value);
                        self.bind(n, v);
                    }
                    t => {
                        let names: Vec<String> = t.names().into_iter().map(str::to_owned).collect();
                        self.forget(&names);
                    }
                }
            }
            Stmt::AugAssign {
                target, op, value, ..
            } => {
                self.expr(value);
                self.target_exprs(target);
                if matches!(op, BinOp::Div | BinOp::FloorDiv | BinOp::Mod) {
                    self.divisor(value);
                }
                if let Target::Local(n, _) = target {
                    let v = self.aug_value(n, *op, value);
                    self.bind(n, v);
                }
            }
            Stmt::If { cond, then, orelse } => self.if_stmt(cond, then, orelse),
            Stmt::ForRange { .. } | Stmt::ForEach { .. } | Stmt::While { .. } => {
                self.run_loop(s, false);
            }
            Stmt::Expr(e) | Stmt::Return(Some(e), _) => self.expr(e),
            Stmt::Assert { test, .. } => {
                self.expr(test);
                // Past an `assert`, its test holds.
                self.facts(test, true);
            }
            Stmt::Return(None, _) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Pass => {}
        }
    }

    /// The formula of `n op= value`.
    pub fn aug_value(&mut self, n: &str, op: BinOp, value: &Expr) -> Option<Sx> {
        let cur = self.env.get(n).cloned().or_else(|| self.local_leaf(n))?;
        let v = self.sym(value)?;
        if !self.int64_local(n) || !self.is_int(value) {
            return None;
        }
        Some(match op {
            BinOp::Add => Sx::add(cur, v),
            BinOp::Sub => Sx::sub(cur, v),
            BinOp::Mul => Sx::mul(cur, v),
            BinOp::FloorDiv => Sx::floordiv(cur, v),
            BinOp::Mod => Sx::Mod(Box::new(cur), Box::new(v)),
            _ => return None,
        })
    }

    fn if_stmt(&mut self, cond: &Expr, then: &[Stmt], orelse: &[Stmt]) {
        self.expr(cond);
        let before = self.env.clone();
        let saved = self.domains.clone();
        self.facts(cond, true);
        self.block(then);
        let then_bounds = self.bounds_vs(&before);
        let then_env = std::mem::replace(&mut self.env, before.clone());
        self.restore(&saved);
        self.facts(cond, false);
        self.block(orelse);
        let else_bounds = self.bounds_vs(&before);
        match (exits(then), exits(orelse)) {
            // Only the `else` path continues: its facts and values stay.
            (true, false) => {}
            (false, true) => {
                self.restore(&saved);
                self.env = then_env;
                self.facts(cond, true);
            }
            _ => {
                self.restore(&saved);
                self.join(&before, then_env, then_bounds, else_bounds);
            }
        }
    }

    /// Puts back the candidates of the atoms that existed at `saved` (facts of a branch
    /// end with it); atoms created since keep theirs.
    pub fn restore(&mut self, saved: &[Domain]) {
        for (d, s) in self.domains.iter_mut().zip(saved) {
            *d = s.clone();
        }
    }

    /// Bounds (under the current facts) of every local whose value differs from
    /// `before`'s.
    fn bounds_vs(&mut self, before: &HashMap<String, Sx>) -> Bounds {
        let names: Vec<String> = self.env.keys().cloned().collect();
        let mut out = HashMap::new();
        for n in names {
            if self.env.get(&n) != before.get(&n) {
                let v = self.env[&n].clone();
                out.insert(n, self.range(&v));
            }
        }
        out
    }

    /// The smallest and largest value of `s` over the loop, if bounded.
    pub fn range(&self, s: &Sx) -> Option<(Bound, Bound)> {
        let mut x = Extremes::new(&self.domains);
        Some((x.bound(s, false)?, x.bound(s, true)?))
    }

    /// Merges the values after the two branches of an `if` (the current env is the
    /// `else` branch's): values that differ become an atom bounded by both branches.
    fn join(
        &mut self,
        before: &HashMap<String, Sx>,
        then_env: HashMap<String, Sx>,
        then_b: Bounds,
        else_b: Bounds,
    ) {
        let names: BTreeSet<String> = then_env.keys().chain(self.env.keys()).cloned().collect();
        for n in names {
            if then_env.get(&n) == self.env.get(&n) {
                continue;
            }
            // A branch that left the value alone has the value from before the `if`.
            let side = |b: &Bounds| match b.get(&n) {
                Some(r) => r.clone(),
                None => before.get(&n).and_then(|v| self.range(v)),
            };
            let d = match (side(&then_b), side(&else_b)) {
                (Some((l1, h1)), Some((l2, h2))) => Domain {
                    lo: vec![merge(l1, l2, Sx::min)],
                    hi: vec![merge(h1, h2, Sx::max)],
                    ..Domain::default()
                },
                _ => Domain::default(),
            };
            if self.int_local(&n) {
                let a = self.atom(d);
                self.env.insert(n, a);
            } else {
                self.env.remove(&n);
            }
        }
    }

    /// Visits the expressions a store to `t` evaluates (and the store's own access).
    fn target_exprs(&mut self, t: &Target) {
        match t {
            Target::Local(..) => {}
            Target::Index { base, index, .. } => {
                self.expr(base);
                self.expr(index);
                self.access(index.id, base, index);
            }
            Target::Slice { .. } => t.exprs().into_iter().for_each(|e| self.expr(e)),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.target_exprs(t)),
        }
    }

    /// Visits an expression: its accesses, with the facts of `and`/`or`/`if-else`.
    pub fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Logic(op, a, b) => {
                self.expr(a);
                let saved = self.domains.clone();
                self.facts(a, *op == LogicOp::And);
                self.expr(b);
                self.restore(&saved);
            }
            ExprKind::IfExp(c, a, b) if self.nesting >= MAX_FACT_NESTING => {
                self.expr(c);
                self.expr(a);
                self.expr(b);
            }
            ExprKind::IfExp(c, a, b) => {
                self.nesting += 1;
                self.expr(c);
                let saved = self.domains.clone();
                self.facts(c, true);
                self.expr(a);
                self.restore(&saved);
                self.facts(c, false);
                self.expr(b);
                self.restore(&saved);
                self.nesting -= 1;
            }
            // Comprehensions have their own scope; their accesses stay checked.
            ExprKind::ListComp(..) => {}
            ExprKind::Index(base, idx) => {
                self.expr(base);
                self.expr(idx);
                self.access(idx.id, base, idx);
            }
            ExprKind::Binary(BinOp::Div | BinOp::FloorDiv | BinOp::Mod, a, b) => {
                self.expr(a);
                self.expr(b);
                self.divisor(b);
            }
            ExprKind::CallBuiltin(crate::ir::Builtin::Divmod, args) if args.len() == 2 => {
                args.iter().for_each(|a| self.expr(a));
                self.divisor(&args[1]);
            }
            _ => e.children().into_iter().for_each(|c| self.expr(c)),
        }
    }

    /// The guard of the access `base[idx]`, when its indices can be bounded.
    fn access(&mut self, key: crate::ir::ExprId, base: &Expr, idx: &Expr) {
        let inst = self.ctx.inst;
        let (root, idxs) = index_chain(inst, base, idx);
        let ExprKind::Local(name) = &root.kind else {
            return;
        };
        if self.changed.contains(name) {
            return;
        }
        let extents: Vec<Extent> = match ty_of(inst, root) {
            Ty::Array(_, n) if n as usize == idxs.len() => (0..idxs.len())
                .map(|k| Extent::Dim(name.clone(), k))
                .collect(),
            Ty::List(_) if self.stable_lists && idxs.len() == 1 => vec![Extent::Len(name.clone())],
            _ => return,
        };
        let mut conds = Vec::new();
        for (i, extent) in idxs.into_iter().zip(extents) {
            let Some(s) = self.sym(i) else { return };
            let Some((lo, hi)) = self.range(&s) else {
                return;
            };
            conds.extend(lo.reqs);
            conds.extend(hi.reqs);
            conds.push(Cond::InRange {
                lo: lo.sx,
                hi: hi.sx,
                extent,
            });
        }
        let mut unique: Vec<Cond> = Vec::new();
        for c in conds {
            if !unique.contains(&c) && !c.holds() {
                unique.push(c);
            }
        }
        self.guards.push(Guard {
            fact: Fact::InBounds(key),
            conds: unique,
        });
    }

    /// The guard that a divisor is never zero while the loop runs: an integer one that
    /// the analysis can bound (positive), or a float one fixed before the loop.
    fn divisor(&mut self, b: &Expr) {
        if matches!(b.kind, ExprKind::Int(_) | ExprKind::Float(_)) {
            return;
        }
        let conds = if self.is_int(b) {
            let Some(s) = self.sym(b) else { return };
            let Some(lo) = Extremes::new(&self.domains).bound(&s, false) else {
                return;
            };
            let mut c = lo.reqs;
            c.push(Cond::Positive(lo.sx));
            (Fact::Positive(b.id), c)
        } else if matches!(ty_of(self.ctx.inst, b), Ty::Scalar(s) if kind(s.dtype) == 2)
            && self.float_leaf(b)
        {
            (
                Fact::NonZero(b.id),
                vec![Cond::NonZero(super::extremes::ExprRef(Box::new(b.clone())))],
            )
        } else {
            return;
        };
        let (fact, conds) = conds;
        let conds = conds.into_iter().filter(|c| !c.holds()).collect();
        self.guards.push(Guard { fact, conds });
    }

    /// A float expression that cannot raise, over locals the loop does not assign.
    fn float_leaf(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Float(_) | ExprKind::Int(_) => true,
            ExprKind::Local(n) => {
                (self.entry || !self.changed.contains(n))
                    && matches!(self.ctx.inst.locals.get(n), Some(Ty::Scalar(_)))
            }
            ExprKind::Unary(crate::ir::UnaryOp::Neg | crate::ir::UnaryOp::Pos, a) => {
                self.float_leaf(a)
            }
            ExprKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul, a, b) => {
                matches!(ty_of(self.ctx.inst, e), Ty::Scalar(s) if kind(s.dtype) == 2)
                    && self.float_leaf(a)
                    && self.float_leaf(b)
            }
            _ => false,
        }
    }

    /// Is `e` of an integer type?
    pub fn is_int(&self, e: &Expr) -> bool {
        matches!(ty_of(self.ctx.inst, e), Ty::Scalar(s) if kind(s.dtype) == 1)
    }
}

/// Bounds of locals, by name (`None`: unbounded).
type Bounds = HashMap<String, Option<(Bound, Bound)>>;

/// `f(a, b)` of two bounds, with both requirement lists.
fn merge(a: Bound, b: Bound, f: fn(Sx, Sx) -> Sx) -> Bound {
    let mut reqs = a.reqs;
    reqs.extend(b.reqs);
    Bound {
        sx: f(a.sx, b.sx),
        reqs,
    }
}

/// Does every path through `stmts` leave the block (`return`, `break`, `continue`)?
pub(crate) fn exits(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Return(..) | Stmt::Break(_) | Stmt::Continue(_) => true,
        Stmt::If { then, orelse, .. } => exits(then) && exits(orelse),
        Stmt::Assert { test, .. } => matches!(test.kind, ExprKind::Bool(false)),
        _ => false,
    })
}
