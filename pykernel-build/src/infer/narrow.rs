//! Narrowing of `T | None` locals: where a test shows that a local is not `None`, its
//! reads have type `T`.
//!
//! While typing a function, [`Typer`] carries what the tests on the way to the current
//! point say about locals being `None`, as clauses (disjunctions) over the facts "`x` is
//! None" and "`x` is not None": `if x is None: return` leaves `[x is not None]` after the
//! `if`; `if a is None and b is None: ... elif a is None:` gives `[a not None or b not
//! None]` and `[a is None]` in the `elif`, from which unit propagation finds `b is not
//! None`. Assigning a local forgets what was known about it (and records whether the new
//! value is `None`); a loop forgets, at its start, what was known about the locals its
//! body assigns. Conditions narrow inside `and`/`or`/`if`-`else` expressions too.

use std::collections::BTreeSet;

use super::Typer;
use crate::ir::{CmpOp, Expr, ExprKind, LogicOp, Stmt, Target, UnaryOp};
use crate::types::Ty;

/// A literal: (local, is None).
type Lit = (String, bool);
/// A disjunction of literals, sorted.
type Clause = Vec<Lit>;
/// What is known: a conjunction of clauses.
pub(crate) type Facts = BTreeSet<Clause>;

/// Most clauses a condition may produce (`(a or b) and (c or d) ...` false multiplies).
const MAX_CLAUSES: usize = 16;

/// The clauses that hold when `e` evaluates to `truth`.
pub(crate) fn cond_facts(e: &Expr, truth: bool) -> Vec<Clause> {
    match &e.kind {
        ExprKind::Compare(first, rest) if rest.len() == 1 => {
            let (op, second) = (&rest[0].0, &rest[0].1);
            let is = match op {
                CmpOp::Is => truth,
                CmpOp::IsNot => !truth,
                _ => return Vec::new(),
            };
            let name = match (&first.kind, &second.kind) {
                (ExprKind::Local(n), ExprKind::None) | (ExprKind::None, ExprKind::Local(n)) => n,
                _ => return Vec::new(),
            };
            vec![vec![(name.clone(), is)]]
        }
        ExprKind::Unary(UnaryOp::Not, a) => cond_facts(a, !truth),
        // `if x:` true: `x` is not None (None is false).
        ExprKind::Local(n) if truth => vec![vec![(n.clone(), false)]],
        // `a and b` true: both; `a or b` false: neither.
        ExprKind::Logic(op, a, b) if (*op == LogicOp::And) == truth => {
            let mut out = cond_facts(a, truth);
            out.extend(cond_facts(b, truth));
            out
        }
        // `a and b` false: `not a or not b`; `a or b` true: `a or b`.
        ExprKind::Logic(_, a, b) => {
            let (x, y) = (cond_facts(a, truth), cond_facts(b, truth));
            if x.is_empty() || y.is_empty() || x.len() * y.len() > MAX_CLAUSES {
                return Vec::new();
            }
            let mut out = Vec::new();
            for cx in &x {
                for cy in &y {
                    let mut c: Clause = cx.iter().chain(cy).cloned().collect();
                    c.sort();
                    c.dedup();
                    out.push(c);
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Does `facts` imply that local `name` is not `None` (unit propagation)?
pub(crate) fn not_none(facts: &Facts, name: &str) -> bool {
    let mut units: BTreeSet<Lit> = BTreeSet::new();
    loop {
        let before = units.len();
        for c in facts {
            let open: Vec<&Lit> = c
                .iter()
                .filter(|(n, is)| !units.contains(&(n.clone(), !is)))
                .collect();
            if let [l] = open[..] {
                units.insert(l.clone());
            }
        }
        if units.len() == before {
            break;
        }
    }
    units.contains(&(name.to_owned(), false))
}

/// Forgets what is known about `name`.
pub(crate) fn forget(facts: &mut Facts, name: &str) {
    facts.retain(|c| c.iter().all(|(n, _)| n != name));
}

/// Does this block always leave the flow (`return`, `raise`, `break`, `continue`, or an
/// `if` whose branches all do)? Statements after it are not reached from it.
pub(crate) fn block_exits(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Return(..) | Stmt::Break(_) | Stmt::Continue(_) => true,
        Stmt::Assert { test, .. } => matches!(test.kind, ExprKind::Bool(false)),
        Stmt::If { then, orelse, .. } => block_exits(then) && block_exits(orelse),
        Stmt::While { cond, body, .. } => {
            matches!(cond.kind, ExprKind::Bool(true)) && !breaks(body)
        }
        _ => false,
    })
}

/// Does the body of a loop contain a `break` of that loop?
fn breaks(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Break(_) => true,
        Stmt::If { then, orelse, .. } => breaks(then) || breaks(orelse),
        _ => false,
    })
}

/// Does this block always end in `return` or `raise` (so a function whose body it is
/// never falls off its end)?
pub(crate) fn always_returns(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Return(..) => true,
        Stmt::Assert { test, .. } => matches!(test.kind, ExprKind::Bool(false)),
        Stmt::If { then, orelse, .. } => always_returns(then) && always_returns(orelse),
        Stmt::While { cond, body, .. } => {
            matches!(cond.kind, ExprKind::Bool(true)) && !breaks(body)
        }
        _ => false,
    })
}

/// The locals a block assigns (loops forget what was known about them).
pub(crate) fn assigned(stmts: &[Stmt], out: &mut BTreeSet<String>) {
    fn target(t: &Target, out: &mut BTreeSet<String>) {
        match t {
            Target::Local(n, _) => {
                out.insert(n.clone());
            }
            Target::Tuple(items, _) => items.iter().for_each(|t| target(t, out)),
            _ => {}
        }
    }
    for s in stmts {
        match s {
            Stmt::Assign { target: t, .. } | Stmt::AugAssign { target: t, .. } => target(t, out),
            Stmt::If { then, orelse, .. } => {
                assigned(then, out);
                assigned(orelse, out);
            }
            Stmt::While { body, orelse, .. } => {
                assigned(body, out);
                assigned(orelse, out);
            }
            Stmt::ForRange {
                var, body, orelse, ..
            } => {
                out.insert(var.clone());
                assigned(body, out);
                assigned(orelse, out);
            }
            Stmt::ForEach {
                target: t,
                body,
                orelse,
                ..
            } => {
                target(t, out);
                assigned(body, out);
                assigned(orelse, out);
            }
            _ => {}
        }
    }
}

impl Typer<'_> {
    /// Types an `if`: each branch with what its condition says; afterwards, what both
    /// branches that reach the end agree on.
    pub(super) fn if_stmt(&mut self, cond: &Expr, then: &[Stmt], orelse: &[Stmt]) {
        self.condition(cond);
        let before = self.facts.clone();
        self.facts.extend(cond_facts(cond, true));
        self.block(then);
        let after_then = std::mem::replace(&mut self.facts, before);
        self.facts.extend(cond_facts(cond, false));
        self.block(orelse);
        match (block_exits(then), block_exits(orelse)) {
            (true, _) => {}
            (false, true) => self.facts = after_then,
            (false, false) => self.facts.retain(|c| after_then.contains(c)),
        }
    }

    /// Before a loop: forget what is known about the locals its body assigns.
    pub(super) fn loop_entry(&mut self, body: &[Stmt], orelse: &[Stmt]) {
        let mut names = BTreeSet::new();
        assigned(body, &mut names);
        assigned(orelse, &mut names);
        for n in &names {
            forget(&mut self.facts, n);
        }
    }

    /// After `name = value` (value of type `vt`): what is known about `name` now.
    pub(super) fn assigned_fact(&mut self, name: &str, vt: Option<&Ty>) {
        forget(&mut self.facts, name);
        match vt {
            Some(Ty::None) => {
                self.facts.insert(vec![(name.to_owned(), true)]);
            }
            Some(Ty::Optional(_)) | None => {}
            Some(_) => {
                self.facts.insert(vec![(name.to_owned(), false)]);
            }
        }
    }

    /// Types `e` with the clauses of `cond` being `truth` (the right operand of
    /// `and`/`or`, a branch of `a if c else b`).
    pub(super) fn expr_given(&mut self, e: &Expr, cond: &Expr, truth: bool) -> Option<Ty> {
        let before = self.facts.clone();
        self.facts.extend(cond_facts(cond, truth));
        let t = self.expr(e);
        self.facts = before;
        t
    }

    /// The type a read of local `name` has here: `T` for a `T | None` local that the
    /// tests on the way show is not `None`.
    pub(super) fn narrowed(&self, name: &str, t: Ty) -> Ty {
        match t {
            Ty::Optional(inner) if not_none(&self.facts, name) => *inner,
            t => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(cs: &[&[(&str, bool)]]) -> Facts {
        cs.iter()
            .map(|c| c.iter().map(|(n, b)| ((*n).to_owned(), *b)).collect())
            .collect()
    }

    #[test]
    fn unit_propagation_finds_the_other_local() {
        // not (a is None and b is None), a is None  =>  b is not None
        let f = facts(&[&[("a", false), ("b", false)], &[("a", true)]]);
        assert!(not_none(&f, "b"));
        assert!(!not_none(&f, "a"));
        let f = facts(&[&[("a", false), ("b", false)]]);
        assert!(!not_none(&f, "b"));
        let mut f = facts(&[&[("a", false)], &[("b", false)]]);
        assert!(not_none(&f, "a") && not_none(&f, "b"));
        forget(&mut f, "a");
        assert!(!not_none(&f, "a") && not_none(&f, "b"));
    }
}
