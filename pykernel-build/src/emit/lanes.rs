//! Lane loops: innermost `range` loops over contiguous, non-overlapping array rows run
//! on Rust slices.
//!
//! After the bounds analysis (`crate::analysis`) has proven every access of an innermost loop in
//! bounds, each access `a[i0, .., v + c, .., ik]` (one index moving with the loop
//! variable `v`, the others loop-invariant) walks one *lane* of memory: a row segment
//! with one element per iteration. When, at run time, every lane is contiguous and no
//! written lane overlaps another lane, the loop runs inside a closure that takes the
//! lanes as `&mut [T]` / `&[T]` slices. Rust's slice arguments carry LLVM's `noalias`,
//! so LLVM vectorises loops like Floyd–Warshall's `d[i, j] = min(d[i, j], dik + d[k, j])`
//! (rows `i` and `k` of one array) without alias checks of its own, and unit strides
//! become constants. When the run-time conditions fail (a strided view, `i == k`), the
//! ordinary unchecked loop runs, so results never depend on the path taken.
//!
//! Scalar locals the loop assigns are passed into the closure by value and handed
//! back, so they stay in registers; everything else it reads is captured.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::FnEmitter;
use super::types::{cast, dtype_tokens, ident};
use crate::exports::Dtype;
use crate::ir::{Expr, ExprId, ExprKind, Stmt, Target};
use crate::types::Ty;

/// How the moving index of a lane access relates to the loop variable.
enum Index<'e> {
    /// `v + c`, or `v + w + c` / `v - w + c` with `w` loop-invariant (`x[i + j]` in the
    /// `j` loop): the invariant part, its sign (+1 or -1), and the literal.
    Affine(Option<(&'e Expr, i64)>, i64),
    /// Loop-invariant.
    Invariant(&'e Expr),
}

/// How an access inside a lane loop is emitted: its lane and the loop's start.
#[derive(Clone)]
pub(crate) struct LaneAccess {
    lane: Ident,
    var: Ident,
    lo: Ident,
    /// Elements between the lane's start and this access's first element.
    shift: usize,
}

impl LaneAccess {
    /// The element of the lane for the current iteration (`v - lo`, in bounds by
    /// construction: the lane has one element per iteration).
    fn slot(&self) -> TokenStream {
        let (var, lo, shift) = (&self.var, &self.lo, self.shift);
        if shift == 0 {
            quote!(((#var as i64).wrapping_sub(#lo) as usize))
        } else {
            quote!(((#var as i64).wrapping_sub(#lo) as usize + #shift))
        }
    }

    /// Reads the current element.
    pub(crate) fn read(&self) -> TokenStream {
        let (lane, slot) = (&self.lane, self.slot());
        quote!((*#lane.get_unchecked(#slot)))
    }

    /// Writes `v` to the current element.
    pub(crate) fn write(&self, v: TokenStream) -> TokenStream {
        let (lane, slot) = (&self.lane, self.slot());
        quote!({ let __pk_w = #v; *#lane.get_unchecked_mut(#slot) = __pk_w; })
    }
}

/// One lane: an array row segment walked by the loop.
struct Lane {
    name: Ident,
    array: Ident,
    dtype: Dtype,
    /// The axis whose index moves with the loop variable.
    axis: usize,
    /// The index expressions of the lane's first access (evaluated with the loop
    /// variable at its start), whose moving index has the literal part `first`.
    indices: Vec<TokenStream>,
    first: i64,
    /// The smallest and largest literal part of the moving index among the accesses:
    /// the lane spans `lo..hi` beyond the loop's range.
    lo: i64,
    hi: i64,
    writable: bool,
}

/// Do slices pay here? When a written lane shares its array with another lane (rows `i`
/// and `k` of one matrix), LLVM cannot tell them apart at run time by itself and keeps a
/// scalar loop; when nothing is written (a reduction), unit strides known to LLVM give
/// tighter code. Otherwise (writes to one array, reads from others: a stencil from `a`
/// into `b`) LLVM's own run-time checks already vectorise the plain loop, and measured
/// faster than the slices.
fn worth_it(lanes: &[Lane]) -> bool {
    let written_shared = lanes.iter().enumerate().any(|(x, l)| {
        l.writable
            && lanes
                .iter()
                .enumerate()
                .any(|(y, m)| x != y && m.array == l.array)
    });
    written_shared || lanes.iter().all(|l| !l.writable)
}

impl Lane {
    /// The number of elements (an expression): one per iteration, plus the spread of
    /// the accesses sharing the lane.
    fn len(&self) -> TokenStream {
        match (self.hi - self.lo) as usize {
            0 => quote!(__pk_ln),
            extra => quote!((__pk_ln + #extra)),
        }
    }
}

/// A lane loop ready to emit: the run-time condition and the pieces of the closure call.
pub(crate) struct LanePlan {
    /// Lane pointers and the trip count (statements).
    setup: TokenStream,
    /// Contiguous lanes, written lanes disjoint from the others.
    cond: TokenStream,
    lanes: Vec<Lane>,
    /// Scalar locals the loop assigns (the loop variable included), with their types.
    vars: Vec<(Ident, TokenStream)>,
    /// Access key → lane.
    pub(crate) accesses: BTreeMap<ExprId, LaneAccess>,
}

impl FnEmitter<'_> {
    /// The lane plan of the innermost unit-step loop `for var in range(lo, hi)` whose
    /// accesses `keys` were proven in bounds, if the loop qualifies.
    pub(crate) fn lane_plan(
        &mut self,
        var: &str,
        body: &[Stmt],
        orelse: &[Stmt],
        lo: &Ident,
        hi: &Ident,
        keys: &[ExprId],
    ) -> Option<LanePlan> {
        if !orelse.is_empty() {
            return None;
        }
        let keys: BTreeSet<ExprId> = keys.iter().copied().collect();
        let mut assigned = BTreeSet::new();
        if !self.lane_body_ok(body, &keys, &mut assigned) {
            return None;
        }
        let var_ident = ident(var);
        let var_dtype = self.inst.locals.get(var).and_then(Ty::scalar)?.dtype;
        let mut changed = BTreeSet::new();
        crate::analysis::assigned(body, &mut changed);
        let mut lanes: Vec<Lane> = Vec::new();
        let mut by_text: BTreeMap<String, usize> = BTreeMap::new();
        let mut found = Vec::new();
        for (key, base, idx, write) in lane_accesses(body) {
            if !keys.contains(&key) {
                return None;
            }
            let (root, idxs) = self.index_chain(base, idx);
            let ExprKind::Local(array) = &root.kind else {
                return None;
            };
            let Ty::Array(dtype, _) = self.ty(root) else {
                return None;
            };
            // Exactly one index moves with the loop variable: `v + w + c`.
            let moving: Vec<usize> = (0..idxs.len())
                .filter(|&k| mentions(idxs[k], var))
                .collect();
            let [axis] = moving[..] else {
                return None;
            };
            let Some(Index::Affine(w, c)) = self.lane_index(idxs[axis], var, &changed) else {
                return None;
            };
            let indices: Vec<TokenStream> =
                idxs.iter().map(|i| self.expr_as(i, Dtype::Int64)).collect();
            // Accesses that differ only in `c` (`a[i, j - 1]`, `a[i, j + 1]`) share a lane.
            let w_text = match w {
                Some((w, sign)) => format!("{sign}*{}", self.expr_as(w, Dtype::Int64)),
                None => String::new(),
            };
            let mut parts: Vec<String> = indices.iter().map(ToString::to_string).collect();
            parts[axis] = format!("@{w_text}");
            let text = format!("{array}[{}]", parts.join(","));
            let n = *by_text.entry(text).or_insert_with(|| {
                lanes.push(Lane {
                    name: quote::format_ident!("__pk_lane{}", lanes.len()),
                    array: ident(array),
                    dtype,
                    axis,
                    indices,
                    first: c,
                    lo: c,
                    hi: c,
                    writable: false,
                });
                lanes.len() - 1
            });
            let l = &mut lanes[n];
            l.writable |= write;
            l.lo = l.lo.min(c);
            l.hi = l.hi.max(c);
            found.push((key, n, c));
        }
        let accesses = found
            .into_iter()
            .map(|(key, n, c)| {
                let access = LaneAccess {
                    lane: lanes[n].name.clone(),
                    var: var_ident.clone(),
                    lo: lo.clone(),
                    shift: (c - lanes[n].lo) as usize,
                };
                (key, access)
            })
            .collect();
        // (A bound on the pairwise overlap checks.)
        if lanes.is_empty() || lanes.len() > 8 || !worth_it(&lanes) {
            return None;
        }
        // The loop variable, then the other assigned scalars, in a fixed order.
        assigned.remove(var);
        let mut vars = vec![(var_ident.clone(), dtype_tokens(var_dtype))];
        for name in &assigned {
            let t = self.inst.locals.get(name).and_then(Ty::scalar)?;
            vars.push((ident(name), dtype_tokens(t.dtype)));
        }
        let start = cast(quote!(#lo), Dtype::Int64, var_dtype);
        let mut setup = vec![quote!(let __pk_ln: usize = #hi.wrapping_sub(#lo) as usize;)];
        let mut cond = vec![quote!(#hi > #lo)];
        for l in &lanes {
            let (p, a, idx, axis) = (&l.name, &l.array, &l.indices, l.axis);
            // Used only once the lane is known to be contiguous.
            let back = (l.lo - l.first) as isize;
            setup.push(quote!(let #p = { let #var_ident = #start; #a.lane_ptr([#(#idx),*]).wrapping_offset(#back) };));
            let c = quote!(#a.strides()[#axis] == 1);
            if !cond.iter().any(|x| x.to_string() == c.to_string()) {
                cond.push(c);
            }
        }
        for (x, lx) in lanes.iter().enumerate() {
            for ly in &lanes[x + 1..] {
                if lx.writable || ly.writable {
                    let (px, py) = (&lx.name, &ly.name);
                    let (nx, ny) = (lx.len(), ly.len());
                    cond.push(quote!(::pykernel::__private::lanes_disjoint(#px, #nx, #py, #ny)));
                }
            }
        }
        Some(LanePlan {
            setup: quote!(#(#setup)*),
            cond: quote!(#(#cond)&&*),
            lanes,
            vars,
            accesses,
        })
    }

    /// Can the body run inside a closure on slices? Only scalar locals, lane accesses
    /// (`keys`) and calls; no nested loops, no `return`. Collects the assigned locals.
    fn lane_body_ok(
        &self,
        stmts: &[Stmt],
        keys: &BTreeSet<ExprId>,
        assigned: &mut BTreeSet<String>,
    ) -> bool {
        stmts.iter().all(|s| {
            let here = match s {
                Stmt::ForRange { .. }
                | Stmt::ForEach { .. }
                | Stmt::While { .. }
                | Stmt::Return(..) => false,
                Stmt::Assign { target, value, .. } | Stmt::AugAssign { target, value, .. } => {
                    return self.lane_target_ok(target, keys, assigned)
                        && self.lane_expr_ok(value, keys);
                }
                _ => s.exprs().iter().all(|e| self.lane_expr_ok(e, keys)),
            };
            here && s
                .blocks()
                .into_iter()
                .all(|b| self.lane_body_ok(b, keys, assigned))
        })
    }

    fn lane_target_ok(
        &self,
        t: &Target,
        keys: &BTreeSet<ExprId>,
        assigned: &mut BTreeSet<String>,
    ) -> bool {
        match t {
            Target::Local(n, _) => {
                assigned.insert(n.clone());
                self.is_scalar_local(n)
            }
            Target::Index { base, index, .. } => {
                let (root, idxs) = self.index_chain(base, index);
                keys.contains(&index.id)
                    && matches!(root.kind, ExprKind::Local(_))
                    && matches!(self.ty(root), Ty::Array(..))
                    && idxs.iter().all(|i| self.lane_expr_ok(i, keys))
            }
            Target::Tuple(ts, _) => ts.iter().all(|t| self.lane_target_ok(t, keys, assigned)),
            Target::Slice { .. } => false,
        }
    }

    /// The shape of a lane's moving index (`v + w + c`); lanes of one array that differ
    /// only in `c` share their memory.
    fn lane_index<'e>(
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
        let invariant = |e: &Expr| {
            matches!(&e.kind, ExprKind::Local(n) if n != var && !changed.contains(n)
                && matches!(self.inst.locals.get(n), Some(Ty::Scalar(s)) if crate::types::kind(s.dtype) == 1))
        };
        match &e.kind {
            _ if is_var(e) => Some(Index::Affine(None, 0)),
            ExprKind::Int(_) => Some(Index::Invariant(e)),
            _ if invariant(e) => Some(Index::Invariant(e)),
            ExprKind::Binary(op @ (crate::ir::BinOp::Add | crate::ir::BinOp::Sub), a, b) => {
                let sign = if *op == crate::ir::BinOp::Sub { -1 } else { 1 };
                match (self.lane_index(a, var, changed)?, lit(b)) {
                    (Index::Affine(w, c), Some(k)) => {
                        Some(Index::Affine(w, c.checked_add(k.checked_mul(sign)?)?))
                    }
                    (Index::Affine(None, c), None) if invariant(b) => {
                        Some(Index::Affine(Some((b.as_ref(), sign)), c))
                    }
                    (Index::Invariant(_), _) if lit(b).is_some() || invariant(b) => {
                        Some(Index::Invariant(e))
                    }
                    (Index::Invariant(w), None) if sign == 1 && is_var(b) => {
                        Some(Index::Affine(Some((w, 1)), 0))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn is_scalar_local(&self, n: &str) -> bool {
        matches!(self.inst.locals.get(n), Some(Ty::Scalar(_)))
    }

    /// Only scalar locals, and array elements through lane accesses (`keys`).
    fn lane_expr_ok(&self, e: &Expr, keys: &BTreeSet<ExprId>) -> bool {
        match &e.kind {
            ExprKind::Local(n) => self.is_scalar_local(n),
            ExprKind::Index(base, idx) if keys.contains(&idx.id) => {
                let (root, idxs) = self.index_chain(base, idx);
                matches!(root.kind, ExprKind::Local(_))
                    && idxs.iter().all(|i| self.lane_expr_ok(i, keys))
            }
            ExprKind::ListComp(..) | ExprKind::List(_) | ExprKind::Slice(..) => false,
            _ => e.children().into_iter().all(|c| self.lane_expr_ok(c, keys)),
        }
    }

    /// The loop body with its array accesses on the plan's lanes.
    pub(crate) fn lane_body(&mut self, plan: &LanePlan, body: &[Stmt]) -> TokenStream {
        let saved = std::mem::replace(&mut self.lanes, plan.accesses.clone());
        let b = self.block(body);
        self.lanes = saved;
        b
    }
}

impl LanePlan {
    /// The lane version of the loop `lp` (built from [`FnEmitter::lane_body`]), falling
    /// back to `fallback` (the unchecked loop) when the run-time conditions fail.
    pub(crate) fn emit(
        &self,
        lp: &TokenStream,
        brk: &syn::Lifetime,
        fallback: &TokenStream,
    ) -> TokenStream {
        let plan = self;
        let params = plan.lanes.iter().map(|l| {
            let (n, t) = (&l.name, dtype_tokens(l.dtype));
            if l.writable {
                quote!(#n: &mut [#t])
            } else {
                quote!(#n: &[#t])
            }
        });
        let args = plan.lanes.iter().map(|l| {
            let (n, len) = (&l.name, l.len());
            if l.writable {
                quote!(::core::slice::from_raw_parts_mut(#n, #len))
            } else {
                quote!(::core::slice::from_raw_parts(#n, #len))
            }
        });
        let names: Vec<&Ident> = plan.vars.iter().map(|(n, _)| n).collect();
        let tys: Vec<&TokenStream> = plan.vars.iter().map(|(_, t)| t).collect();
        let (setup, cond) = (&plan.setup, &plan.cond);
        quote! {
            #setup
            if #cond {
                let __pk_lr = (|#(#params,)* #(mut #names: #tys),*|
                    -> ::pykernel::__private::KResult<(#(#tys,)*)> {
                    #brk: { #lp }
                    Ok((#(#names,)*))
                })(#(#args,)* #(#names),*)?;
                (#(#names,)*) = __pk_lr;
            } else {
                #fallback
            }
        }
    }
}

/// The element accesses of `stmts` (key, base, index, written?), outermost of each
/// `a[i][j]` chain only.
fn lane_accesses(stmts: &[Stmt]) -> Vec<(ExprId, &Expr, &Expr, bool)> {
    fn in_expr<'e>(e: &'e Expr, out: &mut Vec<(ExprId, &'e Expr, &'e Expr, bool)>) {
        if let ExprKind::Index(base, idx) = &e.kind {
            out.push((idx.id, base, idx, false));
            // The chain's inner levels are part of this access; its indices may hold
            // further accesses.
            let mut b: &Expr = base;
            in_expr(idx, out);
            while let ExprKind::Index(bb, ii) = &b.kind {
                in_expr(ii, out);
                b = bb;
            }
            return;
        }
        e.children().into_iter().for_each(|c| in_expr(c, out));
    }
    let mut out = Vec::new();
    for s in stmts {
        if let Stmt::Assign { target, value, .. } | Stmt::AugAssign { target, value, .. } = s {
            in_target(target, &mut out);
            in_expr(value, &mut out);
        } else {
            s.exprs().into_iter().for_each(|e| in_expr(e, &mut out));
        }
        for b in s.blocks() {
            out.extend(lane_accesses(b));
        }
    }
    return out;

    fn in_target<'e>(t: &'e Target, out: &mut Vec<(ExprId, &'e Expr, &'e Expr, bool)>) {
        match t {
            Target::Index { base, index, .. } => {
                out.push((index.id, base, index, true));
                in_expr(index, out);
            }
            Target::Tuple(ts, _) => ts.iter().for_each(|t| in_target(t, out)),
            _ => {}
        }
    }
}

/// Does `e` read local `name`?
fn mentions(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Local(n) if n == name)
        || e.children().into_iter().any(|c| mentions(c, name))
}

#[cfg(test)]
mod tests {
    use crate::compile::Config;

    fn code(src: &str) -> String {
        crate::pipeline::generate(src, "t.py", &Config::new()).unwrap_or_else(|d| panic!("{d}"))
    }

    #[test]
    fn rows_of_one_array_become_slices_checked_for_overlap() {
        let c = code(
            "#pykernel export f(float64[:,:], int, int)\ndef f(d, i, k):\n    for j in range(d.shape[1]):\n        d[i, j] = min(d[i, j], d[i, k] + d[k, j])\n",
        );
        // d[i, j] (read and written) is one lane, d[k, j] another; d[i, k] stays scalar
        // indexing, so the loop does not qualify.
        assert!(!c.contains("__pk_lane"), "{c}");
        let c = code(
            "#pykernel export f(float64[:,:], int, int)\ndef f(d, i, k):\n    dik = d[i, k]\n    for j in range(d.shape[1]):\n        d[i, j] = min(d[i, j], dik + d[k, j])\n",
        );
        assert!(c.contains("__pk_lane0: &mut [f64]"), "{c}");
        assert!(c.contains("__pk_lane1: &[f64]"), "{c}");
        assert!(c.contains("lanes_disjoint("), "{c}");
        assert!(c.contains("d.strides()[1usize] == 1"), "{c}");
    }

    #[test]
    fn read_only_lanes_need_no_overlap_check_and_scalars_are_handed_back() {
        let c = code(
            "#pykernel export f(float64[:], float64[:])\ndef f(x, w):\n    s = 0.0\n    for k in range(len(w)):\n        s += x[k + 1] * w[k]\n    return s\n",
        );
        assert!(c.contains("__pk_lane0: &[f64]"), "{c}");
        assert!(!c.contains("lanes_disjoint"), "{c}");
        assert!(c.contains("(k, s) = __pk_lr;"), "{c}");
    }

    #[test]
    fn writes_to_one_array_from_others_keep_the_plain_loop() {
        // LLVM's own run-time checks vectorise this one; slices measured slower.
        let c = code(
            "#pykernel export f(float64[:], float64[:])\ndef f(a, b):\n    for j in range(1, len(a) - 1):\n        b[j] = a[j - 1] + a[j + 1]\n    return b\n",
        );
        assert!(!c.contains("__pk_lane"), "{c}");
        assert!(c.contains("set_unchecked"), "{c}");
        // Accesses differing by a constant share one lane when slices are used.
        let c = code(
            "#pykernel export f(float64[:])\ndef f(a):\n    s = 0.0\n    for j in range(1, len(a) - 1):\n        s += a[j - 1] * a[j + 1]\n    return s\n",
        );
        assert!(c.contains("__pk_lane0: &[f64]"), "{c}");
        assert!(!c.contains("__pk_lane1"), "{c}");
        assert!(c.contains("(__pk_ln + 2usize)"), "{c}");
    }

    #[test]
    fn loops_with_other_work_keep_the_plain_unchecked_loop() {
        for body in [
            "        a[k] = a[k] + len(a)", // the array itself
            "        for m in range(2):\n            a[k] += m", // not innermost
            "        a[k] = a[0]",          // an invariant element
            "        if a[k] > 0.0:\n            return a[k]", // return
            "        a[k] = a[k] + sum([1.0, 2.0])", // a list
        ] {
            let src = format!(
                "#pykernel export f(float64[:])\ndef f(a):\n    for k in range(len(a)):\n{body}\n    return 0.0\n"
            );
            let c = code(&src);
            assert!(!c.contains("__pk_lane"), "{body}\n{c}");
        }
    }
}
