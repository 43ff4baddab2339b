//! Pass 5: check capsules against SciPy's catalogue and fix their C signatures.
//!
//! Runs after inference, since a capsule's C return type depends on what the kernel
//! returns and on the catalogue entry it matches.

use crate::bind::BoundExport;
use crate::diagnostics::{Diagnostic, Severity};
use crate::exports::{Dtype, Flavor};
use crate::infer::Program;
use crate::messages::kernel as msg;
use crate::scipy::{Match, match_catalogue, scalar_spelling, signature_name};
use crate::types::{Ty, kind};

/// The C-level signature of a capsule export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapsuleSig {
    /// The capsule name (SciPy's exact spelling when it matches the catalogue).
    pub name: String,
    /// C return type (`None`: `void`).
    pub ret: Option<Dtype>,
}

/// Computes each capsule's signature; `None` for regular exports.
pub fn capsules(
    bound: &[BoundExport],
    program: &Program,
    near_miss_is_error: bool,
) -> (Vec<Option<CapsuleSig>>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, b) in bound.iter().enumerate() {
        if !b.export.capsule {
            out.push(None);
            continue;
        }
        let inst = &program.instances[program.roots[i]];
        // Unknown when inference failed (and said why): no echo of that here.
        let known = inst.ret.is_some();
        let ret = inst.ret.clone().unwrap_or(Ty::None);
        let ret_span = inst.ret_origin.unwrap_or(b.export.span);
        let name = &b.export.name;
        if let Some(at) = prints_in(program, program.roots[i]) {
            diags.push(
                Diagnostic::error(at, msg::print_in_capsule(name))
                    .with_secondary(b.export.span, "exported as a capsule here"),
            );
        }
        if let Ty::Optional(_) = ret {
            diags.push(Diagnostic::error(
                ret_span,
                msg::capsule_optional_return(name, &ret.to_string()),
            ));
            out.push(None);
            continue;
        }
        match match_catalogue(&b.c_params) {
            Match::Exact(entry) => {
                let fits = match ret.scalar() {
                    Some(s) if entry.ret == Dtype::Float64 => kind(s.dtype) <= 2,
                    Some(s) => kind(s.dtype) <= 1,
                    None => false,
                };
                if !fits && known {
                    diags.push(
                        Diagnostic::error(
                            ret_span,
                            msg::capsule_return_mismatch(name, &ret.to_string(), entry.name),
                        )
                        .with_secondary(b.export.span, format!("matches SciPy's `{}`", entry.name)),
                    );
                }
                out.push(Some(CapsuleSig {
                    name: entry.name.to_owned(),
                    ret: Some(entry.ret),
                }));
                continue;
            }
            Match::Near {
                entry,
                arg,
                want,
                want_export,
            } => {
                let got = b.c_params.get(arg).map_or("?", |c| c.spelling.as_str());
                let m = msg::scipy_near_miss(
                    name,
                    entry.name,
                    entry.consumer,
                    arg + 1,
                    got,
                    want,
                    &want_export,
                );
                let span = b.export.args.get(arg).map_or(b.export.span, |a| a.span);
                let mut d = Diagnostic::warning(span, m);
                if near_miss_is_error {
                    d.severity = Severity::Error;
                }
                diags.push(d);
            }
            Match::None => {}
        }
        let (c_ret, spelling) = match &ret {
            Ty::None => (None, "void"),
            Ty::Scalar(s) if kind(s.dtype) <= 2 => (
                Some(s.dtype),
                scalar_spelling(s.dtype, if s.py { Flavor::Python } else { Flavor::NumPy }),
            ),
            other => {
                if known {
                    diags.push(Diagnostic::error(
                        ret_span,
                        msg::capsule_bad_return(name, &other.to_string()),
                    ));
                }
                (None, "void")
            }
        };
        out.push(Some(CapsuleSig {
            name: signature_name(spelling, &b.c_params),
            ret: c_ret,
        }));
    }
    (out, diags)
}

/// The reads of locals that some path reaches before any assignment, per function.
///
/// CPython raises `UnboundLocalError` at such a read when it runs on such a path, and so
/// does the compiled code: each of these locals has an "assigned" flag, set by its
/// assignments and checked at exactly these reads. Every other read is plain.
#[derive(Clone, Debug, Default)]
pub struct MaybeUnbound {
    /// Function index → the spans of its reads that may find the local unassigned (the
    /// name's span in an expression, or the target of `x += ...`).
    pub reads: BTreeMap<usize, BTreeSet<Span>>,
    /// Function index → the locals that have such reads.
    pub names: BTreeMap<usize, BTreeSet<String>>,
    /// Function index → those of its reads that are inside a comprehension (CPython 3.11
    /// raises `NameError` there: comprehensions see the function's locals as free
    /// variables of their own scope).
    pub free: BTreeMap<usize, BTreeSet<Span>>,
}

/// Finds reads of locals that some path reaches before any assignment, and warns about
/// each such local once (the program runs as in CPython; see [`MaybeUnbound`]).
pub fn definite_assignment(
    module: &crate::ir::Module,
    reachable: &BTreeSet<usize>,
) -> (Vec<Diagnostic>, MaybeUnbound) {
    let mut diags = Vec::new();
    let mut out = MaybeUnbound::default();
    for &i in reachable {
        let f = &module.functions[i];
        let mut walker = Assigned {
            found: BTreeMap::new(),
            free: BTreeSet::new(),
            in_comprehension: false,
            breaks: Vec::new(),
        };
        let start: BTreeSet<String> = f.params.iter().map(|(p, _)| p.clone()).collect();
        walker.block(&f.body, start);
        if walker.found.is_empty() {
            continue;
        }
        for (name, spans) in &walker.found {
            if let Some(first) = spans.first() {
                diags.push(Diagnostic::warning(*first, msg::maybe_unassigned(name)));
            }
        }
        out.reads
            .insert(i, walker.found.values().flatten().copied().collect());
        out.free.insert(i, walker.free);
        out.names.insert(i, walker.found.into_keys().collect());
    }
    diags.sort_by_key(|d| d.span);
    (diags, out)
}

use crate::diagnostics::Span;
use crate::ir::{Expr, ExprKind, Stmt, Target};
use std::collections::{BTreeMap, BTreeSet};

struct Assigned {
    /// Each local read where it may be unassigned, with the spans of those reads.
    found: BTreeMap<String, BTreeSet<Span>>,
    /// Those of the reads that are inside a comprehension.
    free: BTreeSet<Span>,
    /// Is the walk inside a comprehension's own scope?
    in_comprehension: bool,
    /// For each enclosing loop, the assigned sets at its `break`s.
    breaks: Vec<Vec<BTreeSet<String>>>,
}

/// The names surely assigned after a block, or `None` if the block never completes.
type Flow = Option<BTreeSet<String>>;

/// After a loop: it ends normally (through its `else`, assuming the body may run zero
/// times) or through one of its `break`s; what every exit assigned.
fn after_loop(normal: Flow, breaks: Vec<BTreeSet<String>>) -> Flow {
    let mut exits = normal.into_iter().chain(breaks);
    let first = exits.next()?;
    Some(exits.fold(first, |acc, b| acc.intersection(&b).cloned().collect()))
}

impl Assigned {
    fn block(&mut self, stmts: &[Stmt], mut set: BTreeSet<String>) -> Flow {
        for s in stmts {
            set = self.stmt(s, set)?;
        }
        Some(set)
    }

    fn stmt(&mut self, s: &Stmt, mut set: BTreeSet<String>) -> Flow {
        match s {
            Stmt::Assign { target, value, .. } => {
                self.expr(value, &set);
                self.target(target, &mut set, false);
            }
            Stmt::AugAssign { target, value, .. } => {
                self.target(target, &mut set, true);
                self.expr(value, &set);
            }
            Stmt::If { cond, then, orelse } => {
                self.expr(cond, &set);
                let a = self.block(then, set.clone());
                let b = self.block(orelse, set.clone());
                return match (a, b) {
                    (Some(a), Some(b)) => Some(a.intersection(&b).cloned().collect()),
                    (Some(x), None) | (None, Some(x)) => Some(x),
                    (None, None) => None,
                };
            }
            Stmt::While { cond, body, orelse } => {
                self.expr(cond, &set);
                self.breaks.push(Vec::new());
                self.block(body, set.clone());
                let breaks = self.breaks.pop().unwrap_or_default();
                let forever = matches!(cond.kind, ExprKind::Bool(true))
                    || matches!(cond.kind, ExprKind::Int(k) if k != 0);
                if forever {
                    // `while True:` ends only through a `break`: what every break saw.
                    let mut it = breaks.into_iter();
                    let first = it.next()?;
                    return Some(it.fold(first, |acc, b| acc.intersection(&b).cloned().collect()));
                }
                let normal = self.block(orelse, set.clone());
                return after_loop(normal, breaks);
            }
            Stmt::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                for e in crate::ir::range_args(start, stop, step) {
                    self.expr(e, &set);
                }
                return self.for_loop(&[var.as_str()], body, orelse, set);
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                for e in iter.exprs() {
                    self.expr(e, &set);
                }
                return self.for_loop(&target.names(), body, orelse, set);
            }
            Stmt::Return(v, _) => {
                if let Some(v) = v {
                    self.expr(v, &set);
                }
                return None;
            }
            Stmt::Break(_) => {
                if let Some(b) = self.breaks.last_mut() {
                    b.push(set);
                }
                return None;
            }
            Stmt::Continue(_) => return None,
            Stmt::Expr(e) | Stmt::Assert { test: e, .. } => self.expr(e, &set),
            Stmt::Pass => {}
        }
        Some(set)
    }

    /// A `for` loop: the body sees the loop variable; exits are the `else` and the breaks.
    fn for_loop(
        &mut self,
        vars: &[&str],
        body: &[Stmt],
        orelse: &[Stmt],
        set: BTreeSet<String>,
    ) -> Flow {
        let mut inner = set.clone();
        inner.extend(vars.iter().map(|v| (*v).to_owned()));
        self.breaks.push(Vec::new());
        self.block(body, inner);
        let breaks = self.breaks.pop().unwrap_or_default();
        let normal = self.block(orelse, set);
        after_loop(normal, breaks)
    }

    fn target(&mut self, t: &Target, set: &mut BTreeSet<String>, reads: bool) {
        match t {
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.target(t, set, reads)),
            Target::Local(name, span) => {
                if reads {
                    self.use_name(name, *span, set);
                }
                set.insert(name.clone());
            }
            Target::Index { base, index, .. } => {
                self.expr(base, set);
                self.expr(index, set);
            }
            Target::Slice {
                base,
                lower,
                upper,
                step,
                ..
            } => {
                self.expr(base, set);
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p, set);
                }
            }
        }
    }

    fn use_name(&mut self, name: &str, span: Span, set: &BTreeSet<String>) {
        if !set.contains(name) {
            self.found.entry(name.to_owned()).or_default().insert(span);
            if self.in_comprehension {
                self.free.insert(span);
            }
        }
    }

    fn expr(&mut self, e: &Expr, set: &BTreeSet<String>) {
        // The right operand of and/or may not run, but when it runs it sees the same names.
        if let ExprKind::Local(n) = &e.kind {
            self.use_name(n, e.span, set);
        }
        if let ExprKind::ListComp(elt, gens, _) = &e.kind {
            // Each clause's iterable sees the variables of the clauses before it. All but
            // the first iterable run in the comprehension's own scope, where CPython 3.11
            // finds the function's locals as free variables.
            let mut inner = set.clone();
            let outer = self.in_comprehension;
            for (k, g) in gens.iter().enumerate() {
                self.in_comprehension = outer || k > 0;
                g.iter
                    .exprs()
                    .into_iter()
                    .for_each(|x| self.expr(x, &inner));
                self.in_comprehension = true;
                inner.extend(g.target.names().into_iter().map(str::to_owned));
                g.conds.iter().for_each(|c| self.expr(c, &inner));
            }
            self.expr(elt, &inner);
            self.in_comprehension = outer;
            return;
        }
        e.children().into_iter().for_each(|c| self.expr(c, set));
    }
}

/// The first `print` in instance `root` or an instance it calls.
fn prints_in(program: &crate::infer::Program, root: usize) -> Option<crate::diagnostics::Span> {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![root];
    while let Some(i) = stack.pop() {
        if !seen.insert(i) {
            continue;
        }
        let inst = &program.instances[i];
        if let Some(at) = inst.prints {
            return Some(at);
        }
        stack.extend(inst.calls.values().copied());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{inferred, lowered, texts};

    #[test]
    fn catalogue_capsules_take_scipy_names_and_return_types() {
        let src = "#pythran export capsule t(int64*, float64*, int32, int32, float64*)\ndef t(a, b, c, d, e):\n    return True\n";
        let (_, b, p, d) = inferred(src);
        assert!(d.is_empty(), "{:?}", texts(&d));
        let (sigs, d) = capsules(&b, &p, false);
        assert!(d.is_empty());
        let sig = sigs[0].clone().unwrap();
        assert_eq!(sig.name, "int (intptr_t *, double *, int, int, void *)");
        assert_eq!(sig.ret, Some(Dtype::Int32));
    }

    #[test]
    fn other_capsules_are_named_from_their_types() {
        let (_, b, p, _) =
            inferred("#pythran export capsule g(float32*, intp)\ndef g(p, n):\n    return n\n");
        let (sigs, _) = capsules(&b, &p, false);
        assert_eq!(sigs[0].clone().unwrap().name, "long (float *, intptr_t)");
    }

    #[test]
    fn near_misses_warn_or_fail() {
        let src = "#pythran export capsule f(int64, float64*)\ndef f(n, x):\n    return x[0]\n";
        let (_, b, p, _) = inferred(src);
        let (_, d) = capsules(&b, &p, false);
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        let (_, d) = capsules(&b, &p, true);
        assert!(d[0].is_error());
    }

    #[test]
    fn definite_assignment_follows_paths() {
        let ok = "def f(x):\n    if x:\n        y = 1\n    else:\n        y = 2\n    return y\n";
        let (m, _) = lowered(ok);
        let (d, u) = definite_assignment(&m, &[0].into());
        assert!(d.is_empty() && u.reads.is_empty());
        let returns =
            "def f(x):\n    if x:\n        return 0\n    else:\n        y = 2\n    return y\n";
        let (m, _) = lowered(returns);
        assert!(definite_assignment(&m, &[0].into()).0.is_empty());
    }

    #[test]
    fn maybe_unassigned_reads_are_warnings_and_each_read_is_listed() {
        // Two reads of `y` that may find it unassigned, one that cannot (after `y = 3`),
        // and `x += 1` (a read too).
        let src = "def f(x):\n    if x:\n        y = 1\n    z = y + y\n    y = 3\n    z += y\n    while x:\n        w = 1\n        x = 0\n    w += 1\n    return z + w\n";
        let (m, _) = lowered(src);
        let (d, u) = definite_assignment(&m, &[0].into());
        assert_eq!(d.len(), 2, "one warning per local");
        assert!(d.iter().all(|d| !d.is_error()));
        assert_eq!(u.names[&0], ["w".to_owned(), "y".to_owned()].into());
        let at = |s: &Span| &src[s.start..s.end];
        let reads: Vec<&str> = u.reads[&0].iter().map(at).collect();
        // After `w += 1` ran, `w` is assigned: `return z + w` reads it plainly.
        assert_eq!(reads, ["y", "y", "w"]);
    }
}
