//! Where kernels look for Ctrl-C: the interrupt polls of each instance.
//!
//! A poll is one relaxed load of a global flag and a branch that is never taken until
//! a SIGINT arrives (runtime: `pykernel::interrupt`). The rule keeps polls out of the
//! loops that LLVM vectorises while bounding the time between two polls:
//!
//! - **`while` loops** poll on every iteration: nothing bounds their trip count, except
//!   for a loop that walks an array with a counter (insertion sort's
//!   `while j >= 0 and a[j] > v: ...; j -= 1`, or a scan's
//!   `while i < n: if x[i] > t: break; i += 1`): its condition or the top of its body
//!   reads `a[j + c]` on every iteration, so the counter, which moves by a constant on
//!   every iteration, stays among the array's valid indices, and the loop is bounded
//!   like an array loop.
//! - **Loops that contain long work** poll on every iteration: a nested loop, a list
//!   comprehension, or a call of a kernel function that loops or recurses. Each
//!   iteration is a whole inner loop, so the poll costs nothing measurable.
//! - **Innermost `range` loops** run in chunks of [`CHUNK`] iterations with a poll
//!   between chunks (strip-mining): the chunk is the same plain counted loop, so it
//!   still vectorises, and a `range` of any length stays interruptible. A loop of at
//!   most one chunk never polls.
//! - **Innermost loops over arrays and tuples** do not poll: their length is fixed, so
//!   they are bounded by one pass over memory the kernel already holds. Nor do those
//!   over lists whose body cannot change any list's length (no `append`, `extend`,
//!   `insert`, `pop`, `clear`, `+=`/`*=` on a list, slice assignment to a list, call of a
//!   kernel function).
//! - **Other innermost loops** poll on every iteration: over a list that may grow while
//!   it is iterated, over `range`s inside `enumerate`/`zip` (cursor loops, which LLVM
//!   does not vectorise anyway).
//! - **Recursive functions** poll on entry (a recursion of exponential size needs no
//!   loop to run for minutes).
//! - List comprehensions do not poll (bounded by the list they build); neither do
//!   runtime functions (`sorted`, `np.zeros`, ...).
//!
//! Only instances that a regular export reaches poll: a capsule cannot be interrupted
//! (SciPy calls it with the GIL held; it has no Python caller to raise in), so the
//! instances only capsules call are emitted without polls. The emitter prints these
//! decisions; the Python wrapper of an export opens an interrupt scope only when its
//! instance may poll ([`PollPlan::may_poll`]).

use std::collections::HashMap;

use crate::callgraph::CallGraph;
use crate::infer::{Instance, Program};
use crate::ir::{BinOp, Expr, ExprKind, IterKind, Iterable, LogicOp, Module, Stmt, Target};
use crate::types::Ty;

/// Iterations of an innermost `range` loop between two polls.
pub(crate) const CHUNK: u64 = 1 << 16;

/// How one loop polls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoopPoll {
    /// No poll (bounded by one pass over an array or tuple).
    Never,
    /// A poll at the top of every iteration.
    EachIteration,
    /// Chunks of [`CHUNK`] iterations, a poll between chunks (innermost `range` loops).
    Chunked,
}

/// A loop, by the address of its body (the IR is not copied between the pass and the
/// emitter, and every loop has a non-empty body of its own).
pub(crate) type LoopKey = usize;

/// The key of the loop whose body is `body`.
pub(crate) fn loop_key(body: &[Stmt]) -> LoopKey {
    body.as_ptr() as usize
}

/// The polls of every instance.
#[derive(Clone, Debug, Default)]
pub(crate) struct PollPlan {
    /// Per instance: how each of its loops polls (absent: never).
    loops: Vec<HashMap<LoopKey, LoopPoll>>,
    /// Per instance: does it poll on entry (recursive)?
    entry: Vec<bool>,
    /// Per instance: may a call of it poll (itself or a callee)?
    may_poll: Vec<bool>,
}

impl PollPlan {
    /// Decides the polls of every instance of `program`; `regular` are the instances of
    /// the regular (Python-callable) exports.
    pub(crate) fn of(
        module: &Module,
        program: &Program,
        calls: &CallGraph,
        regular: &[usize],
    ) -> PollPlan {
        let n = program.instances.len();
        // Instances a regular export reaches.
        let mut reached = vec![false; n];
        let mut stack: Vec<usize> = regular.to_vec();
        while let Some(i) = stack.pop() {
            if i < n && !reached[i] {
                reached[i] = true;
                stack.extend(program.instances[i].calls.values().copied());
            }
        }
        // Instances whose call may run long: they loop, recurse, or call one that does.
        let mut long = vec![false; n];
        for (i, inst) in program.instances.iter().enumerate() {
            let f = &module.functions[inst.key.func];
            long[i] = calls.is_recursive(i) || has_loop(&f.body);
        }
        propagate(program, &mut long);
        let mut plan = PollPlan {
            loops: Vec::with_capacity(n),
            entry: (0..n)
                .map(|i| reached[i] && calls.is_recursive(i))
                .collect(),
            may_poll: vec![false; n],
        };
        for (i, inst) in program.instances.iter().enumerate() {
            if !reached[i] {
                plan.loops.push(HashMap::new());
                continue;
            }
            let f = &module.functions[inst.key.func];
            let mut decide = Decide {
                inst,
                long: &long,
                out: HashMap::new(),
            };
            decide.block(&f.body);
            let polls = plan.entry[i] || decide.out.values().any(|p| *p != LoopPoll::Never);
            plan.may_poll[i] = polls;
            plan.loops.push(decide.out);
        }
        propagate(program, &mut plan.may_poll);
        plan
    }

    /// How the loop with body `body` of instance `inst` polls.
    pub(crate) fn loop_poll(&self, inst: usize, body: &[Stmt]) -> LoopPoll {
        self.loops
            .get(inst)
            .and_then(|m| m.get(&loop_key(body)))
            .copied()
            .unwrap_or(LoopPoll::Never)
    }

    /// Does instance `inst` poll on entry?
    pub(crate) fn polls_on_entry(&self, inst: usize) -> bool {
        self.entry.get(inst).copied().unwrap_or(false)
    }

    /// May a call of instance `inst` poll (so that Ctrl-C can stop it)?
    pub(crate) fn may_poll(&self, inst: usize) -> bool {
        self.may_poll.get(inst).copied().unwrap_or(false)
    }
}

/// Marks the callers of marked instances, to a fixed point.
fn propagate(program: &Program, marks: &mut [bool]) {
    loop {
        let mut changed = false;
        for (i, inst) in program.instances.iter().enumerate() {
            if !marks[i]
                && inst
                    .calls
                    .values()
                    .any(|&c| marks.get(c).copied() == Some(true))
            {
                marks[i] = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// Does `stmts` contain a loop statement or a list comprehension?
pub(crate) fn has_loop(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| {
        matches!(
            s,
            Stmt::While { .. } | Stmt::ForRange { .. } | Stmt::ForEach { .. }
        ) || s.exprs().into_iter().any(has_comprehension)
            || s.blocks().into_iter().any(has_loop)
    })
}

/// Expressions the body `stmts` evaluates on every iteration, before anything can skip
/// the rest: the values of its leading plain statements, and the first conjunct of the
/// test of the first `if`.
fn every_iteration(stmts: &[Stmt]) -> Vec<&Expr> {
    let mut out = Vec::new();
    for s in stmts {
        match s {
            Stmt::Assign { value, .. } | Stmt::AugAssign { value, .. } | Stmt::Expr(value) => {
                out.push(value);
            }
            Stmt::If { cond, .. } => {
                out.extend(conjuncts(cond).first().copied());
                break;
            }
            _ => break,
        }
    }
    out
}

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

/// Is `e` the local `counter`, or `counter ± literal`?
fn counter_plus_literal(e: &Expr, counter: &str) -> bool {
    match &e.kind {
        ExprKind::Local(n) => n == counter,
        ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) => {
            counter_plus_literal(a, counter) && matches!(b.kind, ExprKind::Int(_))
        }
        _ => false,
    }
}

/// Every local assigned in `stmts`, nested blocks and comprehension variables included.
fn assigned_locals(stmts: &[Stmt], out: &mut std::collections::BTreeSet<String>) {
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
        for b in s.blocks() {
            assigned_locals(b, out);
        }
    }
}

fn has_comprehension(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::ListComp(..)) || e.children().into_iter().any(has_comprehension)
}

/// The decisions for one instance.
struct Decide<'a> {
    inst: &'a Instance,
    long: &'a [bool],
    out: HashMap<LoopKey, LoopPoll>,
}

impl Decide<'_> {
    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            let poll = match s {
                Stmt::While { cond, body, .. } => Some((
                    body,
                    if self.walks_array(cond, body) {
                        LoopPoll::Never
                    } else {
                        LoopPoll::EachIteration
                    },
                )),
                Stmt::ForRange { body, .. } => Some((
                    body,
                    if self.long_work(body) {
                        LoopPoll::EachIteration
                    } else {
                        LoopPoll::Chunked
                    },
                )),
                Stmt::ForEach { body, iter, .. } => Some((
                    body,
                    if self.long_work(body) || self.unbounded(iter, body) {
                        LoopPoll::EachIteration
                    } else {
                        LoopPoll::Never
                    },
                )),
                _ => None,
            };
            if let Some((body, p)) = poll {
                self.out.insert(loop_key(body), p);
            }
            for b in s.blocks() {
                self.block(b);
            }
        }
    }

    /// Is `while cond: body` a counter walking an array? `cond` is `j op bound and ...`
    /// with an access `a[.., j + c, ..]` (`a` an array local, `c` a literal) in a later
    /// conjunct or at the top of the body (`if x[i] > t: break`), evaluated whenever the
    /// body runs; `body` ends with `j += k` or
    /// `j -= k` (`k` a positive literal) and assigns neither `j` nor `a` elsewhere. Each
    /// iteration then visits a new valid index of `a` (negative ones included): at most
    /// twice its extent.
    fn walks_array(&self, cond: &Expr, body: &[Stmt]) -> bool {
        let conj = conjuncts(cond);
        let Some(ExprKind::Compare(l, ops)) = conj.first().map(|c| &c.kind) else {
            return false;
        };
        let counter = match (&l.kind, ops.as_slice()) {
            (ExprKind::Local(n), [(_, _)]) => n,
            (_, [(_, r)]) => match &r.kind {
                ExprKind::Local(n) => n,
                _ => return false,
            },
            _ => return false,
        };
        let Some((
            Stmt::AugAssign {
                target: Target::Local(moved, _),
                op: BinOp::Add | BinOp::Sub,
                value,
                ..
            },
            rest,
        )) = body.split_last()
        else {
            return false;
        };
        if moved != counter || !matches!(value.kind, ExprKind::Int(k) if k > 0) {
            return false;
        }
        let mut assigned = std::collections::BTreeSet::new();
        assigned_locals(rest, &mut assigned);
        !assigned.contains(counter)
            && conj[1..]
                .iter()
                .chain(&every_iteration(rest))
                .any(|c| self.indexes_array_by(c, counter, &assigned))
    }

    /// Does `e` contain `a[.., counter + c, ..]` with `a` an array local not in
    /// `assigned`? (Not under a short-circuit: `e` is one conjunct.)
    fn indexes_array_by(
        &self,
        e: &Expr,
        counter: &str,
        assigned: &std::collections::BTreeSet<String>,
    ) -> bool {
        let here = match &e.kind {
            ExprKind::Index(base, idx) => {
                let array = match &base.kind {
                    ExprKind::Local(a) => Some(a),
                    _ => None,
                };
                let is_array = array.is_some_and(|a| {
                    !assigned.contains(a)
                        && matches!(
                            self.inst.exprs.get(base.id as usize).cloned().flatten(),
                            Some(Ty::Array(..))
                        )
                });
                let indices: Vec<&Expr> = match &idx.kind {
                    ExprKind::Tuple(items) => items.iter().collect(),
                    _ => vec![idx],
                };
                is_array && indices.iter().any(|i| counter_plus_literal(i, counter))
            }
            _ => false,
        };
        let short_circuit = matches!(e.kind, ExprKind::Logic(..) | ExprKind::IfExp(..));
        here || (!short_circuit
            && e.children()
                .into_iter()
                .any(|c| self.indexes_array_by(c, counter, assigned)))
    }

    /// Does one iteration of a loop with this body possibly run long?
    fn long_work(&self, body: &[Stmt]) -> bool {
        has_loop(body) || self.calls_long(body)
    }

    fn calls_long(&self, stmts: &[Stmt]) -> bool {
        stmts.iter().any(|s| {
            s.exprs().into_iter().any(|e| self.expr_calls_long(e))
                || s.blocks().into_iter().any(|b| self.calls_long(b))
        })
    }

    fn expr_calls_long(&self, e: &Expr) -> bool {
        let here = matches!(e.kind, ExprKind::CallUser(..))
            && self
                .inst
                .calls
                .get(&e.id)
                .is_some_and(|&c| self.long.get(c).copied() == Some(true));
        here || e.children().into_iter().any(|c| self.expr_calls_long(c))
    }

    /// Is the length of this iteration not fixed by an array, tuple or list it walks
    /// (with this loop body)?
    fn unbounded(&self, it: &Iterable, body: &[Stmt]) -> bool {
        match &it.kind {
            IterKind::Range { .. } => true,
            IterKind::Value(e) => match self.ty(e) {
                Some(Ty::Array(..) | Ty::Tuple(_) | Ty::View(_)) => false,
                Some(Ty::List(_)) => !self.lists_fixed(body),
                _ => true,
            },
            IterKind::Enumerate(inner, _) | IterKind::Reversed(inner) => {
                self.unbounded(inner, body)
            }
            // `zip` stops at its shortest iterable.
            IterKind::Zip(its) => its.iter().all(|i| self.unbounded(i, body)),
            // Its extent is a shape fixed when the loop starts, as an array's, but the
            // product of run-time numbers: polled like `range`.
            IterKind::NdIndex(_) => true,
        }
    }

    fn ty(&self, e: &Expr) -> Option<Ty> {
        self.inst.exprs.get(e.id as usize).cloned().flatten()
    }

    /// Can no list change its length while `stmts` run?
    fn lists_fixed(&self, stmts: &[Stmt]) -> bool {
        const RESIZING: &[&str] = &["append", "extend", "insert", "pop", "clear"];
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
                    Target::Local(n, _) => !matches!(self.inst.locals.get(n), Some(Ty::List(_))),
                    Target::Index { base, .. } => {
                        !matches!(self.ty(base), Some(Ty::List(inner)) if matches!(*inner, Ty::List(_)))
                    }
                    _ => false,
                },
                Stmt::Assign {
                    target: Target::Slice { base, .. },
                    ..
                } => !matches!(self.ty(base), Some(Ty::List(_))),
                _ => true,
            };
            target_ok
                && s.exprs().into_iter().all(expr_ok)
                && s.blocks().into_iter().all(|b| self.lists_fixed(b))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decisions for the loops of the first export, in source order.
    fn polls(src: &str) -> (Vec<LoopPoll>, bool, bool) {
        let suite = crate::parse::parse_module(src, "t.py").unwrap_or_else(|d| panic!("{d:?}"));
        let (exports, _) = crate::exports::collect(src);
        let (module, _) = crate::lower::lower(src, &suite);
        let (bound, _) = crate::bind::bind(&module, &exports);
        let roots: Vec<_> = bound.iter().map(|b| (b.func, b.params.clone())).collect();
        let (program, diags) = crate::infer::infer(&module, &roots, &Default::default());
        assert!(diags.is_empty(), "{diags:?}");
        let calls = CallGraph::of(&program);
        let regular: Vec<usize> = bound
            .iter()
            .zip(&program.roots)
            .filter(|(b, _)| !b.export.capsule)
            .map(|(_, &r)| r)
            .collect();
        let plan = PollPlan::of(&module, &program, &calls, &regular);
        let root = program.roots[0];
        let f = &module.functions[program.instances[root].key.func];
        let mut order = Vec::new();
        fn walk(stmts: &[Stmt], out: &mut Vec<LoopKey>) {
            for s in stmts {
                if let Stmt::While { body, .. }
                | Stmt::ForRange { body, .. }
                | Stmt::ForEach { body, .. } = s
                {
                    out.push(loop_key(body));
                }
                for b in s.blocks() {
                    walk(b, out);
                }
            }
        }
        walk(&f.body, &mut order);
        let found = order
            .into_iter()
            .map(|k| plan.loops[root].get(&k).copied().unwrap_or(LoopPoll::Never))
            .collect();
        (found, plan.polls_on_entry(root), plan.may_poll(root))
    }

    use LoopPoll::*;

    #[test]
    fn outer_loops_and_whiles_poll_each_iteration_inner_ranges_in_chunks() {
        let (p, entry, may) = polls(
            "#pykernel export f(float64[:, :], int)\ndef f(a, n):\n    s = 0.0\n    for i in range(a.shape[0]):\n        for j in range(a.shape[1]):\n            s += a[i, j]\n    while n > 0:\n        n -= 1\n    for k in range(n):\n        s += k\n    return s\n",
        );
        assert_eq!(p, [EachIteration, Chunked, EachIteration, Chunked]);
        assert!(!entry);
        assert!(may);
    }

    #[test]
    fn arrays_and_tuples_bound_their_loops_lists_and_ranges_do_not() {
        let (p, _, may) = polls(
            "#pykernel export f(float64[:], float list, int)\ndef f(a, l, n):\n    s = 0.0\n    for x in a:\n        s += x\n    for i, x in enumerate(a):\n        s += x * i\n    for x in (1.0, 2.0):\n        s += x\n    for x in l:\n        s += x\n    for x in l:\n        l.append(x)\n    for x in l:\n        l[0] = x\n    for i, x in enumerate(range(n)):\n        s += x\n    for x, y in zip(a, range(n)):\n        s += x\n    return s\n",
        );
        assert_eq!(
            p,
            [
                Never,
                Never,
                Never,
                Never,
                EachIteration,
                Never,
                EachIteration,
                Never
            ]
        );
        assert!(may);
    }

    #[test]
    fn calls_of_long_functions_count_as_inner_loops() {
        let src = "#pykernel export f(int)\ndef f(n):\n    s = 0\n    for i in range(n):\n        s += g(i)\n    for i in range(n):\n        s += h(i)\n    return s\ndef g(i):\n    return i * 2\ndef h(i):\n    return g(i) + k(i)\ndef k(i):\n    t = 0\n    for j in range(i):\n        t += j\n    return t\n";
        let (p, _, _) = polls(src);
        assert_eq!(p, [Chunked, EachIteration]);
    }

    #[test]
    fn recursion_polls_on_entry_and_loop_free_code_never() {
        let (p, entry, may) = polls(
            "#pykernel export f(int)\ndef f(n):\n    if n < 2:\n        return n\n    return f(n - 1) + f(n - 2)\n",
        );
        assert!(p.is_empty() && entry && may);
        let (p, entry, may) = polls(
            "#pykernel export f(float64[:])\ndef f(a):\n    return a[0] + g(a)\ndef g(a):\n    return a[1]\n",
        );
        assert!(p.is_empty() && !entry && !may);
        // A comprehension does not poll, but makes an enclosing loop poll.
        let (p, _, may) = polls(
            "#pykernel export f(int)\ndef f(n):\n    s = 0\n    for i in range(n):\n        s += len([j for j in range(i)])\n    return s\n",
        );
        assert_eq!(p, [EachIteration]);
        assert!(may);
    }

    #[test]
    fn a_while_loop_walking_an_array_is_bounded_like_one() {
        let src = |w: &str| {
            format!(
                "#pykernel export f(float64[:], int, float64)\ndef f(a, j, v):\n{w}\n    return j\n"
            )
        };
        for bounded in [
            "    while j >= 0 and a[j] > v:\n        a[j + 1] = a[j]\n        j -= 1",
            "    while j < len(a) - 1 and a[j + 1] < v:\n        j += 2",
            // read at the top of the body, on every iteration
            "    while j < len(a):\n        if a[j] > v:\n            break\n        j += 1",
            "    while j > 0:\n        w = a[j - 1] * 2.0\n        v += w\n        j -= 1",
        ] {
            assert_eq!(polls(&src(bounded)).0, [Never], "{bounded}");
        }
        for unbounded in [
            // the access only in the body, maybe skipped
            "    while j >= 0:\n        if v > 0.0:\n            v += a[j]\n        j -= 1",
            // an invariant index
            "    while j >= 0 and a[0] > v:\n        j -= 1",
            // the counter moved twice
            "    while j >= 0 and a[j] > v:\n        j += 1\n        j -= 2",
            // the access after a short-circuit inside the conjunct
            "    while j >= 0 and (v > 1.0 or a[j] > v):\n        j -= 1",
            // the read after an `if` that may `continue`
            "    while j < 9:\n        if v > 0.0:\n            j += 1\n            continue\n        v += a[j]\n        j += 1",
            // not the last statement
            "    while j >= 0 and a[j] > v:\n        j -= 1\n        v += 1.0",
        ] {
            assert_eq!(polls(&src(unbounded)).0, [EachIteration], "{unbounded}");
        }
    }

    #[test]
    fn capsules_never_poll() {
        let (p, entry, may) = polls(
            "#pykernel export capsule f(float64*, int64)\ndef f(x, n):\n    s = 0.0\n    while n > 0:\n        n -= 1\n        for i in range(n):\n            s += x[i]\n    return s + g(n)\ndef g(n):\n    if n < 1:\n        return 0.0\n    return g(n - 1)\n",
        );
        assert_eq!(p, [Never, Never]);
        assert!(!entry && !may);
    }
}
