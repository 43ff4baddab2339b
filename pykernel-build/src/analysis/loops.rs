//! Entering a loop: the atoms of its iteration, what its variables are in terms of
//! them, and the walk of its body.
//!
//! - `for v in range(start, stop, step)` (also `reversed`): an iteration atom
//!   `t ∈ [0, last]`, and `v = start + step·t`; the range's own extents are exact for
//!   literal steps of either sign and for run-time steps that are positive.
//! - `for x in a`, `enumerate`, `zip`: `t ∈ [0, len - 1]` for each iterable; the
//!   `enumerate` counter is `start + t`.
//! - In both, a local moved by a constant exactly once per iteration (a top-level
//!   `k += c`, no `continue`) is `k₀ + c·t`.
//! - `while`: each local the body only moves by constants of one sign is a *counter*
//!   atom bounded on one side by its value when the loop starts; the condition bounds the
//!   other side ([`super::facts`]).

use std::collections::BTreeSet;

use super::assigned;
use super::extremes::{Bound, Domain};
use super::sym::{LeafKind, Sx};
use super::walk::Walk;
use crate::ir::{BinOp, Expr, ExprKind, IterKind, Iterable, Stmt, Target};

impl Walk<'_> {
    /// Walks a loop statement. `own`: it is the loop being versioned, whose header
    /// values are leaves (evaluated when the checks run, just before it).
    pub fn run_loop(&mut self, s: &Stmt, own: bool) {
        let saved = self.domains.clone();
        let mut body_assigned = BTreeSet::new();
        match s {
            Stmt::ForRange {
                reversed,
                var,
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                if !own {
                    crate::ir::range_args(start, stop, step).for_each(|e| self.expr(e));
                }
                assigned(body, &mut body_assigned);
                let counters = if *reversed {
                    Vec::new()
                } else {
                    counters(body, &[var.as_str()])
                };
                let entries = self.entries(&counters, own);
                let (first, t) = self.range_atom(start.as_ref(), stop, step.as_ref(), own);
                self.forget(&body_assigned);
                self.forget([var]);
                if let (Some(first), Some(t)) = (first, t) {
                    let k = step_literal(step.as_ref()).unwrap_or(1);
                    let v = match step.as_ref() {
                        Some(st) if step_literal(Some(st)).is_none() => {
                            self.step_value(st, own).map(|s| Sx::mul(s, t.clone()))
                        }
                        _ => Some(Sx::mul(Sx::Const(k), t.clone())),
                    };
                    self.bind(var, v.map(|v| Sx::add(first, v)));
                    self.bind_counters(&counters, entries, &t);
                }
                self.block(body);
                self.restore(&saved);
                self.forget(&body_assigned);
                self.forget([var]);
                self.block(orelse);
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                if !own {
                    iter.exprs().into_iter().for_each(|e| self.expr(e));
                }
                assigned(body, &mut body_assigned);
                let names: Vec<String> = target.names().into_iter().map(str::to_owned).collect();
                let forward = !matches!(iter.kind, IterKind::Reversed(_));
                let header: Vec<&str> = names.iter().map(String::as_str).collect();
                let counters = if forward {
                    counters(body, &header)
                } else {
                    Vec::new()
                };
                let entries = self.entries(&counters, own);
                self.entry = own;
                let his = self.iter_lasts(iter);
                let start = match &iter.kind {
                    IterKind::Enumerate(_, Some(s)) => self.sym(s),
                    IterKind::Enumerate(_, None) => Some(Sx::Const(0)),
                    _ => None,
                };
                self.entry = false;
                let t = self.atom(Domain {
                    lo: vec![Bound::plain(Sx::Const(0))],
                    hi: his,
                    moving: None,
                });
                self.forget(&body_assigned);
                self.forget(&names);
                // `for i, x in enumerate(...)`: `i` is `start + t`.
                if let (Some(start), Target::Tuple(parts, _)) = (start, target)
                    && let Some(Target::Local(i, _)) = parts.first()
                    && names.iter().filter(|n| *n == i).count() == 1
                {
                    self.bind(i, Some(Sx::add(start, t.clone())));
                }
                self.bind_counters(&counters, entries, &t);
                self.block(body);
                self.restore(&saved);
                self.forget(&body_assigned);
                self.forget(&names);
                self.block(orelse);
            }
            Stmt::While { cond, body, orelse } => {
                assigned(body, &mut body_assigned);
                let moving = monotone_counters(body);
                let entries = self.entries(&moving, own);
                self.forget(&body_assigned);
                for ((name, step), entry) in moving.iter().zip(entries) {
                    let up = *step > 0;
                    let bound: Vec<Bound> = entry.into_iter().map(Bound::plain).collect();
                    let (lo, hi) = if up {
                        (bound, Vec::new())
                    } else {
                        (Vec::new(), bound)
                    };
                    let a = self.atom(Domain {
                        lo,
                        hi,
                        moving: Some((up, step.abs())),
                    });
                    self.bind(name, Some(a));
                }
                self.expr(cond);
                self.facts(cond, true);
                self.block(body);
                self.restore(&saved);
                self.forget(&body_assigned);
                self.block(orelse);
            }
            _ => {}
        }
    }

    /// The values of the counters when the loop starts.
    fn entries(&mut self, counters: &[(String, i64)], own: bool) -> Vec<Option<Sx>> {
        let saved = self.entry;
        self.entry = own;
        let v = counters
            .iter()
            .map(|(n, _)| {
                if own {
                    self.local_leaf(n)
                } else {
                    self.env.get(n).cloned().or_else(|| self.local_leaf(n))
                }
            })
            .collect();
        self.entry = saved;
        v
    }

    /// `k = k₀ + c·t` for every counter whose start is known.
    fn bind_counters(&mut self, counters: &[(String, i64)], entries: Vec<Option<Sx>>, t: &Sx) {
        for ((n, c), e) in counters.iter().zip(entries) {
            if let Some(e) = e {
                let v = Sx::add(e, Sx::mul(Sx::Const(*c), t.clone()));
                self.bind(n, Some(v));
            }
        }
    }

    /// The step of a `range` with a run-time step (a leaf for the versioned loop).
    fn step_value(&mut self, st: &Expr, own: bool) -> Option<Sx> {
        if own {
            Some(Sx::leaf("@step".into(), LeafKind::LoopStep))
        } else {
            self.sym(st)
        }
    }

    /// The first value of a `range` and its iteration atom `t ∈ [0, last]`.
    fn range_atom(
        &mut self,
        start: Option<&Expr>,
        stop: &Expr,
        step: Option<&Expr>,
        own: bool,
    ) -> (Option<Sx>, Option<Sx>) {
        let (first, end) = if own {
            let first = match start {
                Some(_) => Sx::leaf("@start".into(), LeafKind::LoopStart),
                None => Sx::Const(0),
            };
            (
                Some(first),
                Some(Sx::leaf("@stop".into(), LeafKind::LoopStop)),
            )
        } else {
            let first = match start {
                Some(s) => self.sym(s),
                None => Some(Sx::Const(0)),
            };
            (first, self.sym(stop))
        };
        let (Some(first), Some(end)) = (first, end) else {
            return (None, None);
        };
        // The number of steps after the first: (stop - start - 1) // step for a positive
        // step, (start - stop - 1) // -step for a negative one.
        let last = match step_literal(step) {
            Some(k) if k > 0 => Some(Sx::floordiv(
                Sx::sub(Sx::sub(end, first.clone()), Sx::Const(1)),
                Sx::Const(k),
            )),
            Some(k) if k < 0 => Some(Sx::floordiv(
                Sx::sub(Sx::sub(first.clone(), end), Sx::Const(1)),
                Sx::Const(-k),
            )),
            Some(_) => None,
            None => step
                .and_then(|st| self.step_value(st, own))
                .map(|st| Sx::floordiv(Sx::sub(Sx::sub(end, first.clone()), Sx::Const(1)), st)),
        };
        let Some(last) = last else {
            return (None, None);
        };
        let t = self.atom(Domain {
            lo: vec![Bound::plain(Sx::Const(0))],
            hi: vec![Bound::plain(last)],
            moving: None,
        });
        (Some(first), Some(t))
    }

    /// Upper bounds of the iteration atom of `for ... in it`: `len - 1` of each iterable
    /// whose length is fixed while the loop runs.
    fn iter_lasts(&mut self, it: &Iterable) -> Vec<Bound> {
        match &it.kind {
            IterKind::Value(e) => match &e.kind {
                ExprKind::Local(n) => {
                    let len = Sx::leaf(format!("len({n})"), LeafKind::Len(n.clone()));
                    let ok = match self.ctx.inst.locals.get(n) {
                        Some(crate::types::Ty::Array(..)) => true,
                        Some(crate::types::Ty::List(_)) => self.stable_lists,
                        _ => false,
                    };
                    let fixed = self.entry || !self.changed.contains(n);
                    if ok && fixed {
                        vec![Bound::plain(Sx::sub(len, Sx::Const(1)))]
                    } else {
                        Vec::new()
                    }
                }
                _ => Vec::new(),
            },
            IterKind::Range {
                start,
                stop,
                step: None,
            } => {
                let first = match start {
                    Some(s) => self.sym(s),
                    None => Some(Sx::Const(0)),
                };
                match (first, self.sym(stop)) {
                    (Some(f), Some(s)) => vec![Bound::plain(Sx::sub(Sx::sub(s, f), Sx::Const(1)))],
                    _ => Vec::new(),
                }
            }
            IterKind::Enumerate(inner, _) | IterKind::Reversed(inner) => self.iter_lasts(inner),
            IterKind::Zip(its) => its.iter().flat_map(|i| self.iter_lasts(i)).collect(),
            IterKind::Range { .. } | IterKind::NdIndex(_) => Vec::new(),
        }
    }
}

/// A literal `range` step (`None` for a run-time step; 1 when absent).
fn step_literal(step: Option<&Expr>) -> Option<i64> {
    match step.map(|s| &s.kind) {
        None => Some(1),
        Some(ExprKind::Int(k)) => Some(*k),
        Some(ExprKind::Unary(crate::ir::UnaryOp::Neg, e)) => match e.kind {
            ExprKind::Int(k) => k.checked_neg(),
            _ => None,
        },
        _ => None,
    }
}

/// `n += c`, `n -= c`, `n = n + c`, `n = c + n`, `n = n - c`: the local and `c`.
fn increment(s: &Stmt) -> Option<(&str, i64)> {
    let lit = |e: &Expr| match e.kind {
        ExprKind::Int(c) if c != 0 && c != i64::MIN => Some(c),
        _ => None,
    };
    match s {
        Stmt::AugAssign {
            target: Target::Local(n, _),
            op,
            value,
            ..
        } => match op {
            BinOp::Add => Some((n, lit(value)?)),
            BinOp::Sub => Some((n, -lit(value)?)),
            _ => None,
        },
        Stmt::Assign {
            target: Target::Local(n, _),
            value,
            ..
        } => {
            let ExprKind::Binary(op, a, b) = &value.kind else {
                return None;
            };
            let is_n = |e: &Expr| matches!(&e.kind, ExprKind::Local(m) if m == n);
            match op {
                BinOp::Add if is_n(a) => Some((n, lit(b)?)),
                BinOp::Add if is_n(b) => Some((n, lit(a)?)),
                BinOp::Sub if is_n(a) => Some((n, -lit(b)?)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Statements that assign each local, anywhere in `stmts` (nested loops included), and
/// whether a nested loop holds one.
fn assignments<'s>(stmts: &'s [Stmt], nested: bool, out: &mut Vec<(&'s Stmt, String, bool)>) {
    for s in stmts {
        let mut names = BTreeSet::new();
        match s {
            Stmt::Assign { target, .. } | Stmt::AugAssign { target, .. } => {
                names.extend(target.names().into_iter().map(str::to_owned));
            }
            Stmt::ForRange { var, .. } => {
                names.insert(var.clone());
            }
            Stmt::ForEach { target, .. } => {
                names.extend(target.names().into_iter().map(str::to_owned));
            }
            _ => {}
        }
        let mut comp = BTreeSet::new();
        for e in s.exprs() {
            super::comp_vars(e, &mut comp);
        }
        names.extend(comp);
        for n in names {
            out.push((s, n, nested));
        }
        let inner = nested
            || matches!(
                s,
                Stmt::ForRange { .. } | Stmt::ForEach { .. } | Stmt::While { .. }
            );
        for b in s.blocks() {
            assignments(b, inner, out);
        }
    }
}

/// Does a `continue` of this loop (not of a nested one) appear in `stmts`?
fn continues(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Continue(_) => true,
        Stmt::If { then, orelse, .. } => continues(then) || continues(orelse),
        _ => false,
    })
}

/// Locals moved by a constant exactly once per iteration: one top-level increment and
/// no other assignment, and no `continue` that could skip it.
fn counters(body: &[Stmt], header: &[&str]) -> Vec<(String, i64)> {
    if continues(body) {
        return Vec::new();
    }
    let mut all = Vec::new();
    assignments(body, false, &mut all);
    body.iter()
        .filter_map(increment)
        .filter(|(n, _)| !header.contains(n))
        .filter(|(n, _)| all.iter().filter(|(_, m, _)| m == n).count() == 1)
        .map(|(n, c)| (n.to_owned(), c))
        .collect()
}

/// Locals that the body only moves by constants of one sign, outside nested loops: each
/// with its largest move in one iteration (signed by the direction).
fn monotone_counters(body: &[Stmt]) -> Vec<(String, i64)> {
    let mut all = Vec::new();
    assignments(body, false, &mut all);
    let names: BTreeSet<&String> = all.iter().map(|(_, n, _)| n).collect();
    let mut out = Vec::new();
    'names: for n in names {
        let mut total: i64 = 0;
        let mut sign = 0i64;
        for (s, m, nested) in &all {
            if *m != *n {
                continue;
            }
            let Some((_, c)) = increment(s).filter(|(k, _)| *k == n.as_str() && !nested) else {
                continue 'names;
            };
            if sign != 0 && sign != c.signum() {
                continue 'names;
            }
            sign = c.signum();
            let Some(t) = total.checked_add(c.abs()) else {
                continue 'names;
            };
            total = t;
        }
        out.push((n.clone(), sign * total));
    }
    out
}
