//! What a test tells about atoms: `if 0 <= k < n:`, `while j >= 0 and ...`,
//! `if i > 0 and ...`, `if j < 0: continue`, `assert k < n`.
//!
//! A comparison is read as `c·atom + rest (op) 0` for the newest atom it mentions with a
//! coefficient of ±1; the atom then gets a new candidate bound (`-rest`, adjusted for
//! strictness), valid while the test's outcome is known (a branch, the rest of an `and`
//! chain, a loop body).

use super::extremes::{Bound, Cond};
use super::sym::{Sx, affine};
use super::walk::Walk;
use crate::ir::{CmpOp, Expr, ExprKind, LogicOp, UnaryOp};

/// Candidates kept per side of an atom (the loop's own first, then the newest facts).
const MAX_FACTS: usize = 6;

impl Walk<'_> {
    /// Refines atom domains with what `cond` evaluating to `truth` says.
    pub fn facts(&mut self, cond: &Expr, truth: bool) {
        match &cond.kind {
            ExprKind::Logic(LogicOp::And, a, b) if truth => {
                self.facts(a, true);
                self.facts(b, true);
            }
            ExprKind::Logic(LogicOp::Or, a, b) if !truth => {
                self.facts(a, false);
                self.facts(b, false);
            }
            ExprKind::Unary(UnaryOp::Not, a) => self.facts(a, !truth),
            ExprKind::Compare(first, rest) => {
                if truth {
                    let mut l = first.as_ref();
                    for (op, r) in rest {
                        self.compare_fact(l, *op, r);
                        l = r;
                    }
                } else if let [(op, r)] = &rest[..]
                    && let Some(op) = negate(*op)
                {
                    self.compare_fact(first, op, r);
                }
            }
            _ => {}
        }
    }

    /// Records `l op r` (known to hold).
    fn compare_fact(&mut self, l: &Expr, op: CmpOp, r: &Expr) {
        if !(self.is_int(l) && self.is_int(r)) {
            return;
        }
        let (Some(sl), Some(sr)) = (self.sym(l), self.sym(r)) else {
            return;
        };
        // The test compares the kernel's int64 values: they are the exact values when
        // the exact values fit.
        let mut reqs = Vec::new();
        for s in [&sl, &sr] {
            if !matches!(s, Sx::Atom(_) | Sx::Leaf(_) | Sx::Const(_)) {
                let Some((lo, hi)) = self.range(s) else {
                    return;
                };
                reqs.push(Cond::Known(lo.sx));
                reqs.push(Cond::Known(hi.sx));
                reqs.extend(lo.reqs);
                reqs.extend(hi.reqs);
            }
        }
        let Some(d) = affine(&Sx::sub(sl, sr)) else {
            return;
        };
        let Some((&atom, coeff)) = d.terms.iter().next_back() else {
            return;
        };
        let flip = match coeff.konst() {
            Some(1) => false,
            Some(-1) => true,
            _ => return,
        };
        let mut rest = d.clone();
        rest.terms.remove(&atom);
        // atom + rest op 0  →  atom op -rest;   -atom + rest op 0  →  atom op' rest
        let (op, b) = if flip {
            (mirror(op), rest.to_sx())
        } else {
            (op, Sx::neg(rest.to_sx()))
        };
        let (lo, hi) = match op {
            CmpOp::Lt => (None, Some(Sx::sub(b, Sx::Const(1)))),
            CmpOp::Le => (None, Some(b)),
            CmpOp::Gt => (Some(Sx::add(b, Sx::Const(1))), None),
            CmpOp::Ge => (Some(b), None),
            CmpOp::Eq => (Some(b.clone()), Some(b)),
            _ => return,
        };
        let Some(d) = self.domains.get(atom as usize) else {
            return;
        };
        let moving = d.moving;
        for (bound, upper) in [(lo, false), (hi, true)] {
            let Some(sx) = bound else { continue };
            let mut reqs = reqs.clone();
            // A `while` counter stays within a bound on its moving side only if moving
            // one more step past it does not wrap around int64.
            if let Some((up, step)) = moving
                && up == upper
            {
                let past = if up {
                    Sx::add(sx.clone(), Sx::Const(step))
                } else {
                    Sx::sub(sx.clone(), Sx::Const(step))
                };
                reqs.push(Cond::Known(past));
            }
            let d = &mut self.domains[atom as usize];
            let side = if upper { &mut d.hi } else { &mut d.lo };
            if side.len() >= MAX_FACTS {
                side.remove(1);
            }
            side.push(Bound { sx, reqs });
        }
    }
}

/// `not (a op b)` as `a op' b`.
fn negate(op: CmpOp) -> Option<CmpOp> {
    Some(match op {
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Ne => CmpOp::Eq,
        _ => return None,
    })
}

/// `a op b` as `b op' a`.
fn mirror(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}
