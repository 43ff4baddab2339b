//! Bounds-check elimination by loop versioning.
//!
//! For `for v in range(lo, hi[, k])` (a positive literal step), array accesses in the body
//! whose every index is either `v + c` (a literal `c`) or loop-invariant (a literal, or a
//! variable the body never assigns) are checked *once*, before the loop, for the whole
//! range of `v`. When all checks pass, the loop runs a copy of the body that indexes
//! without checks (which LLVM can vectorise); otherwise the checked body runs, raising
//! `IndexError` at the same access CPython would.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::FnEmitter;
use crate::exports::Dtype;
use crate::ir::{BinOp, Builtin, Expr, ExprId, ExprKind, Stmt, Target};
use crate::types::{Ty, kind};

/// The step of a versioned `range` loop.
pub(crate) enum Step<'a> {
    /// A positive literal.
    Literal(i64),
    /// A variable holding the step (the check also requires it to be positive).
    Runtime(&'a proc_macro2::Ident),
}

/// How one index relates to the loop variable.
pub(super) enum Index<'e> {
    /// `v + c`, or `v + w + c` / `v - w + c` with `w` loop-invariant (`x[i + j]` in the
    /// `j` loop): the invariant part, its sign (+1 or -1), and the literal.
    Affine(Option<(&'e Expr, i64)>, i64),
    /// Loop-invariant.
    Invariant(&'e Expr),
}

/// An access that the pre-loop check covers: its key, the array variable, its indices.
pub(super) struct Access<'e> {
    key: ExprId,
    array: &'e str,
    /// A list (its length is the extent) rather than an array.
    list: bool,
    indices: Vec<Index<'e>>,
}

/// List methods that change a list's length.
const RESIZING: &[&str] = &["append", "extend", "insert", "pop", "clear"];

/// Can no list change its length while `stmts` run? (No calls to kernel functions, no
/// resizing methods, no `+=`/`*=` on lists, no slice assignment to lists.)
pub(super) fn lists_stable(em: &FnEmitter<'_>, stmts: &[Stmt]) -> bool {
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
                Target::Local(n, _) => !matches!(em.inst.locals.get(n), Some(Ty::List(_))),
                Target::Index { base, .. } => {
                    !matches!(em.ty(base), Ty::List(e) if matches!(*e, Ty::List(_)))
                }
                _ => false,
            },
            Stmt::Assign {
                target: Target::Slice { base, .. },
                ..
            } => !em.ty(base).has_list(),
            _ => true,
        };
        target_ok
            && s.exprs().into_iter().all(expr_ok)
            && s.blocks().into_iter().all(|b| lists_stable(em, b))
    })
}

/// Every local assigned in `stmts` (targets, loop variables, comprehension variables).
pub(super) fn assigned(stmts: &[Stmt], out: &mut BTreeSet<String>) {
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
    if let ExprKind::ListComp(_, gens) = &e.kind {
        for g in gens {
            out.extend(g.target.names().into_iter().map(str::to_owned));
        }
    }
    e.children().into_iter().for_each(|c| comp_vars(c, out));
}

/// The two copies of a versioned loop: `fast` (unchecked) when the one check before the
/// loop passes, else `slow` (checked, and marked cold so that LLVM keeps the fast copy's
/// values in registers).
pub(crate) fn versioned(cond: &TokenStream, fast: &TokenStream, slow: &TokenStream) -> TokenStream {
    quote!(if #cond { #fast } else { ::pykernel::__private::cold_path(); #slow })
}

impl FnEmitter<'_> {
    /// Runs `f` with the accesses `keys` emitted without bounds checks.
    pub(crate) fn with_unchecked<R>(
        &mut self,
        keys: &[ExprId],
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let saved = self.unchecked.clone();
        self.unchecked.extend(keys.iter().copied());
        let r = f(self);
        self.unchecked = saved;
        r
    }

    pub(super) fn is_int_local(&self, name: &str) -> bool {
        matches!(self.inst.locals.get(name), Some(Ty::Scalar(s)) if kind(s.dtype) == 1)
    }

    pub(super) fn classify<'e>(
        &self,
        e: &'e Expr,
        var: &str,
        changed: &BTreeSet<String>,
    ) -> Option<Index<'e>> {
        let lit = |e: &Expr| match e.kind {
            ExprKind::Int(c) => Some(c),
            _ => None,
        };
        let is_var = |e: &Expr| matches!(&e.kind, ExprKind::Local(n) if n == var);
        let invariant_local = |e: &Expr| matches!(&e.kind, ExprKind::Local(n) if n != var && !changed.contains(n) && self.is_int_local(n));
        // `len(a)` and `a.shape[k]` of an array the loop does not reassign.
        let fixed_array = |e: &Expr| matches!(&e.kind, ExprKind::Local(n) if !changed.contains(n) && matches!(self.inst.locals.get(n), Some(Ty::Array(..))));
        let extent = |e: &Expr| match &e.kind {
            ExprKind::CallBuiltin(Builtin::Len, args) => args.len() == 1 && fixed_array(&args[0]),
            ExprKind::Index(b, k) => {
                matches!(&b.kind, ExprKind::Attr(a, name) if name == "shape" && fixed_array(a))
                    && matches!(k.kind, ExprKind::Int(_))
            }
            _ => false,
        };
        match &e.kind {
            _ if is_var(e) => Some(Index::Affine(None, 0)),
            ExprKind::Int(_) => Some(Index::Invariant(e)),
            _ if invariant_local(e) || extent(e) => Some(Index::Invariant(e)),
            ExprKind::Binary(op @ (BinOp::Add | BinOp::Sub), a, b) => {
                let sign = if *op == BinOp::Sub { -1 } else { 1 };
                // `inner op b`: `b` a literal or an invariant local, `inner` classified.
                let inner = self.classify(a, var, changed)?;
                match (inner, lit(b)) {
                    (Index::Affine(w, c), Some(k)) => {
                        Some(Index::Affine(w, c.checked_add(k.checked_mul(sign)?)?))
                    }
                    (Index::Affine(None, c), None) if invariant_local(b) => {
                        Some(Index::Affine(Some((b.as_ref(), sign)), c))
                    }
                    (Index::Invariant(_), _)
                        if lit(b).is_some() || invariant_local(b) || extent(b) =>
                    {
                        Some(Index::Invariant(e))
                    }
                    // `w + v`: an invariant plus the loop variable.
                    (Index::Invariant(w), None) if *op == BinOp::Add && is_var(b) => {
                        Some(Index::Affine(Some((w, 1)), 0))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The access `root[indices]` if it qualifies.
    fn access<'e>(
        &self,
        key: ExprId,
        base: &'e Expr,
        idx: &'e Expr,
        var: &str,
        changed: &BTreeSet<String>,
        stable_lists: bool,
    ) -> Option<Access<'e>> {
        let (root, idxs) = self.index_chain(base, idx);
        let ExprKind::Local(array) = &root.kind else {
            return None;
        };
        let (n, list) = match self.ty(root) {
            Ty::Array(_, n) => (n as usize, false),
            Ty::List(_) if stable_lists => (1, true),
            _ => return None,
        };
        if changed.contains(array) || idxs.len() != n {
            return None;
        }
        let indices = idxs
            .into_iter()
            .map(|i| self.classify(i, var, changed))
            .collect::<Option<Vec<_>>>()?;
        Some(Access {
            key,
            array,
            list,
            indices,
        })
    }

    pub(super) fn accesses_in_expr<'e>(
        &self,
        e: &'e Expr,
        var: &str,
        changed: &BTreeSet<String>,
        stable: bool,
        out: &mut Vec<Access<'e>>,
    ) {
        if let ExprKind::Index(base, idx) = &e.kind
            && let Some(a) = self.access(idx.id, base, idx, var, changed, stable)
        {
            out.push(a);
        }
        e.children()
            .into_iter()
            .for_each(|c| self.accesses_in_expr(c, var, changed, stable, out));
    }

    pub(super) fn accesses_in<'e>(
        &self,
        stmts: &'e [Stmt],
        var: &str,
        changed: &BTreeSet<String>,
        stable: bool,
        out: &mut Vec<Access<'e>>,
    ) {
        for s in stmts {
            if let Stmt::Assign { target, .. } | Stmt::AugAssign { target, .. } = s
                && let Target::Index { base, index, .. } = target
                && let Some(a) = self.access(index.id, base, index, var, changed, stable)
            {
                out.push(a);
            }
            for e in s.exprs() {
                self.accesses_in_expr(e, var, changed, stable, out);
            }
            for b in s.blocks() {
                self.accesses_in(b, var, changed, stable, out);
            }
        }
    }

    /// For a range loop over `var` with step `step > 0`: the pre-loop condition under which
    /// the listed accesses are in bounds for every iteration, and their keys.
    /// `also_changed`: other locals the loop itself assigns on every step (`x` of
    /// `for i, x in enumerate(a)`).
    pub(crate) fn versioning(
        &mut self,
        var: &str,
        body: &[Stmt],
        lo: &proc_macro2::Ident,
        hi: &proc_macro2::Ident,
        step: Step<'_>,
        also_changed: &[&str],
    ) -> Option<(TokenStream, Vec<ExprId>)> {
        let mut changed: BTreeSet<String> = also_changed.iter().map(|s| (*s).to_owned()).collect();
        assigned(body, &mut changed);
        if changed.contains(var) {
            return None;
        }
        let mut found = Vec::new();
        let stable = lists_stable(self, body);
        self.accesses_in(body, var, &changed, stable, &mut found);
        if found.is_empty() {
            return None;
        }
        // The last value of `var` when the loop runs (lo < hi, checked first): hi - 1 for a
        // unit step, else lo + ((hi - lo - 1) / step) * step, in u64 (no i128 division:
        // it would be a library call per loop entry).
        let (last, positive) = match step {
            Step::Literal(1) => (quote!((#hi as i128 - 1)), quote!(true)),
            Step::Literal(k) => {
                let k = k as u64;
                (
                    quote!((#lo as i128 + (((#hi.wrapping_sub(#lo) as u64 - 1) / #k) * #k) as i128)),
                    quote!(true),
                )
            }
            Step::Runtime(st) => (
                quote!((#lo as i128 + (((#hi.wrapping_sub(#lo) as u64 - 1) / #st as u64) * #st as u64) as i128)),
                quote!(#st > 0),
            ),
        };
        let (checks, keys) = self.access_checks(found, &quote!((#lo as i128)), &last);
        Some((quote!((#positive && (#lo >= #hi || (#(#checks)&&*)))), keys))
    }

    /// The checks that every access of `found` is in bounds while the loop variable runs
    /// over `first..=last` (both `i128` expressions), and the accesses' keys.
    pub(super) fn access_checks(
        &mut self,
        found: Vec<Access<'_>>,
        first: &TokenStream,
        last: &TokenStream,
    ) -> (Vec<TokenStream>, Vec<ExprId>) {
        let lo = first;
        let mut checks = Vec::new();
        let mut keys = Vec::new();
        for a in found {
            let arr = super::types::ident(a.array);
            for (k, ix) in a.indices.iter().enumerate() {
                let n = if a.list {
                    quote!((#arr.len() as i128))
                } else {
                    quote!((#arr.dim(#k) as i128))
                };
                checks.push(match ix {
                    Index::Affine(w, c) => {
                        let c = *c as i128;
                        let off = match w {
                            Some((w, sign)) => {
                                let wv = self.expr_as(w, Dtype::Int64);
                                let sign = *sign as i128;
                                quote!((#c + #sign * (#wv) as i128))
                            }
                            None => quote!(#c),
                        };
                        quote!({ let __pk_o: i128 = #off; #lo + __pk_o >= 0 && #last + __pk_o < #n })
                    }
                    Index::Invariant(e) => {
                        let v = self.expr_as(e, Dtype::Int64);
                        quote!({ let __pk_x = (#v) as i128; __pk_x >= 0 && __pk_x < #n })
                    }
                });
            }
            keys.push(a.key);
        }
        (checks, keys)
    }
}
