//! Bounds-check elimination for `while` loops with a counter.
//!
//! `while j >= lo and ...: ...; j -= c` (or `while j < hi and ...: ...; j += c`): the
//! first conjunct bounds the counter `j` on one side, and the body's last statement moves
//! it, by a positive literal, away from its start towards that bound. So wherever the
//! rest of the condition and the body run, `j` lies between the bound and its value when
//! the loop starts; accesses indexed by `j + c` (or loop-invariant indices) are checked
//! once before the loop for that whole range, exactly as `range` loops are
//! (`bounds.rs`). Insertion sort's inner loop is the model.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use super::bounds::{Index, assigned, lists_stable};
use super::types::ident;
use crate::exports::Dtype;
use crate::ir::{BinOp, CmpOp, Expr, ExprId, ExprKind, LogicOp, Stmt, Target};

/// The conjuncts of `a and b and ...`, left to right.
fn conjuncts(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Logic(LogicOp::And, a, b) => {
            let mut v = conjuncts(a);
            v.extend(conjuncts(b));
            v
        }
        _ => vec![e],
    }
}

/// Which side of the counter the first conjunct bounds.
enum Bound<'e> {
    /// `j >= e + off` (so `j` counts down).
    Below(&'e Expr, i128),
    /// `j <= e + off` (so `j` counts up).
    Above(&'e Expr, i128),
}

/// `j >= e`, `j > e`, `j < e`, `j <= e`, or the same written the other way round.
fn bound_of(e: &Expr) -> Option<(&str, Bound<'_>)> {
    let ExprKind::Compare(l, ops) = &e.kind else {
        return None;
    };
    let [(op, r)] = &ops[..] else {
        return None;
    };
    fn local(e: &Expr) -> Option<&str> {
        match &e.kind {
            ExprKind::Local(n) => Some(n.as_str()),
            _ => None,
        }
    }
    let flip = |op: CmpOp| match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    };
    let (var, op, other) = match (local(l), local(r)) {
        (Some(v), _) => (v, *op, r),
        (None, Some(v)) => (v, flip(*op), l.as_ref()),
        _ => return None,
    };
    let b = match op {
        CmpOp::Ge => Bound::Below(other, 0),
        CmpOp::Gt => Bound::Below(other, 1),
        CmpOp::Le => Bound::Above(other, 0),
        CmpOp::Lt => Bound::Above(other, -1),
        _ => return None,
    };
    Some((var, b))
}

impl FnEmitter<'_> {
    /// For `while cond: body`: the pre-loop condition under which the listed accesses of
    /// the condition (after its first conjunct) and of the body are in bounds for every
    /// iteration, and their keys.
    pub(crate) fn while_versioning(
        &mut self,
        cond: &Expr,
        body: &[Stmt],
    ) -> Option<(TokenStream, Vec<ExprId>)> {
        let conj = conjuncts(cond);
        let (var, bound) = bound_of(conj.first()?)?;
        if !self.is_int_local(var) {
            return None;
        }
        // The counter moves once per iteration, last, by a positive literal, towards
        // the bound.
        let (last, rest) = body.split_last()?;
        let Stmt::AugAssign {
            target: Target::Local(n, _),
            op,
            value,
            ..
        } = last
        else {
            return None;
        };
        let down = match (op, &value.kind, &bound) {
            (BinOp::Sub, ExprKind::Int(c), Bound::Below(..)) if *c > 0 => true,
            (BinOp::Add, ExprKind::Int(c), Bound::Above(..)) if *c > 0 => false,
            _ => return None,
        };
        let mut changed = BTreeSet::new();
        assigned(rest, &mut changed);
        if n != var || changed.contains(var) {
            return None;
        }
        let (limit, off) = match bound {
            Bound::Below(e, off) | Bound::Above(e, off) => (e, off),
        };
        if !matches!(self.classify(limit, var, &changed)?, Index::Invariant(_)) {
            return None;
        }
        let cond_stmt = [Stmt::Expr(cond.clone())];
        let stable = lists_stable(self, body) && lists_stable(self, &cond_stmt);
        let mut found = Vec::new();
        for e in &conj[1..] {
            self.accesses_in_expr(e, var, &changed, stable, &mut found);
        }
        self.accesses_in(rest, var, &changed, stable, &mut found);
        if found.is_empty() {
            return None;
        }
        let j = ident(var);
        let lim = self.expr_as(limit, Dtype::Int64);
        let (first, lastv) = if down {
            (quote!(((#lim) as i128 + #off)), quote!((#j as i128)))
        } else {
            (quote!((#j as i128)), quote!(((#lim) as i128 + #off)))
        };
        let (checks, keys) = self.access_checks(found, &first, &lastv);
        // When the range is empty the first conjunct fails at once: nothing is accessed.
        Some((quote!((#first > #lastv || (#(#checks)&&*))), keys))
    }

    /// `while cond: body`, with a copy of the loop whose accesses run unchecked when
    /// [`Self::while_versioning`] applies.
    pub(crate) fn while_loop(
        &mut self,
        cond: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> TokenStream {
        // `while True:` is Rust's `loop` (no `while_true` lint in the user's crate).
        let forever = matches!(cond.kind, ExprKind::Bool(true))
            || matches!(cond.kind, ExprKind::Int(k) if k != 0);
        let version = if forever {
            None
        } else {
            self.while_versioning(cond, body)
        };
        self.push_loop();
        let fast = version
            .as_ref()
            .map(|(_, keys)| self.with_unchecked(keys, |em| (em.cond(cond), em.block(body))));
        let c = self.cond(cond);
        let b = self.block(body);
        let super::stmt::LoopLabels { cont, brk } = self.pop_loop();
        let e = self.block(orelse);
        let poll = self.iteration_poll(body);
        if forever {
            return quote!(#brk: { #cont: loop { #poll #b } #e });
        }
        let slow = quote!(#cont: while #c { #poll #b });
        let lp = match (version, fast) {
            (Some((vc, _)), Some((fc, fb))) => {
                super::bounds::versioned(&vc, &quote!(#cont: while #fc { #poll #fb }), &slow)
            }
            _ => slow,
        };
        quote!(#brk: { #lp #e })
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(body: &str) -> String {
        let src = format!(
            "#pykernel export f(float64[:], int, float64)\ndef f(a, j, v):\n{body}\n    return j\n"
        );
        crate::pipeline::generate(&src, "t.py", &Config::new()).unwrap_or_else(|d| panic!("{d}"))
    }

    #[test]
    fn a_counter_moving_towards_its_bound_is_checked_once() {
        for body in [
            "    while j >= 0 and a[j] > v:\n        a[j + 1] = a[j]\n        j -= 1",
            "    while 0 < j and a[j - 1] > v:\n        a[j] = a[j - 1]\n        j -= 2",
            "    while j < len(a) - 1 and a[j] != v:\n        j += 1",
        ] {
            let c = code(body);
            assert!(c.contains("_unchecked(["), "{body}\n{c}");
        }
    }

    #[test]
    fn other_counters_stay_checked() {
        for body in [
            // moving away from the bound
            "    while j >= 0 and a[j] > v:\n        j += 1",
            // not the last statement
            "    while j >= 0 and a[j] > v:\n        j -= 1\n        a[j + 1] = v",
            // assigned elsewhere too
            "    while j >= 0 and a[j] > v:\n        if v > 1.0:\n            j = 0\n        j -= 1",
            // a bound that changes in the loop
            "    k = 0\n    while j >= k and a[j] > v:\n        k += 1\n        j -= 1",
        ] {
            let c = code(body);
            assert!(!c.contains("get_unchecked"), "{body}\n{c}");
        }
    }
}
