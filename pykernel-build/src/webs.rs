//! Webs: one variable per web of assignments and reads.
//!
//! Python lets a name hold values of different types one after the other
//! (`x = x.astype(np.uint8)`, `a = a.reshape(n, m)`, `r = 0` then `r = []`). Inference
//! gives each local one type, so this pass, between lowering and inference, renames the
//! independent uses of a name apart: the assignments that reach a common read (through
//! branches and loops) form a web, and each web of a name after the first gets a name
//! of its own (`x__pkv1`, ...). A read that may find the name unassigned stays in the
//! web of the function's entry (parameters, or "unassigned"), under the name itself.
//!
//! Reaching definitions on the structured IR: a state maps each name to the assignments
//! that may have given its value; loops iterate to a fixed point.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostics::Span;
use crate::ir::{Expr, ExprId, ExprKind, Function, Module, Stmt, Target};

/// The suffix of a renamed web (`x__pkv1`); [`user_name`] strips it.
const SUFFIX: &str = "__pkv";

/// Renames the webs of every function of `module`.
pub fn split(module: &mut Module) {
    for f in &mut module.functions {
        split_function(f);
    }
}

/// The name a user wrote, for messages: `x__pkv1` is `x`.
pub fn user_name(name: &str) -> &str {
    name.find(SUFFIX).map_or(name, |i| &name[..i])
}

/// Renames the webs of one function.
pub fn split_function(f: &mut Function) {
    let mut names = BTreeSet::new();
    for s in &f.body {
        collect_names(s, &mut names);
    }
    names.retain(|n| renamable(n));
    if names.is_empty() {
        return;
    }
    let mut w = Walker::default();
    let mut state = State::new();
    let params: BTreeSet<&str> = f.params.iter().map(|(p, _)| p.as_str()).collect();
    for n in &names {
        let d = w.new_def(n);
        w.entry.insert(n.clone(), d);
        state.insert(n.clone(), BTreeSet::from([d]));
    }
    w.block(&f.body, Some(state));
    let renames = w.assign_names(&params);
    if renames.is_empty() {
        return;
    }
    let mut r = Renamer {
        walker: &w,
        renames: &renames,
    };
    for s in &mut f.body {
        r.stmt(s);
    }
}

/// Names the pass may rename: user locals, not the lowering's own temporaries.
fn renamable(name: &str) -> bool {
    !name.contains("__pk")
}

type DefId = usize;
/// Each name → the assignments that may have given its value; `None`: unreachable.
type State = BTreeMap<String, BTreeSet<DefId>>;

#[derive(Default)]
struct Walker {
    /// The name of each definition.
    defs: Vec<String>,
    /// Union-find parents over definitions.
    parent: Vec<DefId>,
    /// The entry definition of each name (a parameter, or "unassigned").
    entry: BTreeMap<String, DefId>,
    /// Definition sites: (name, span) → definition.
    sites: HashMap<(String, Span), DefId>,
    /// Reads: expression id → a definition of the read's web.
    reads: HashMap<ExprId, DefId>,
    /// States at the `break`s of the enclosing loops (a `continue` goes back to the
    /// loop's head, whose state already holds every assignment of the loop).
    breaks: Vec<Vec<State>>,
}

impl Walker {
    fn new_def(&mut self, name: &str) -> DefId {
        self.defs.push(name.to_owned());
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    fn find(&mut self, mut d: DefId) -> DefId {
        while self.parent[d] != d {
            self.parent[d] = self.parent[self.parent[d]];
            d = self.parent[d];
        }
        d
    }

    fn find_const(&self, mut d: DefId) -> DefId {
        while self.parent[d] != d {
            d = self.parent[d];
        }
        d
    }

    fn union(&mut self, a: DefId, b: DefId) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The older definition stays the root (webs are named in order of roots).
            let (lo, hi) = (a.min(b), a.max(b));
            self.parent[hi] = lo;
        }
    }

    /// The definitions in `set`, joined into one web; one of them.
    fn join_all(&mut self, set: &BTreeSet<DefId>) -> Option<DefId> {
        let mut it = set.iter().copied();
        let first = it.next()?;
        for d in it {
            self.union(first, d);
        }
        Some(first)
    }

    fn site(&mut self, name: &str, span: Span) -> DefId {
        if let Some(&d) = self.sites.get(&(name.to_owned(), span)) {
            return d;
        }
        let d = self.new_def(name);
        self.sites.insert((name.to_owned(), span), d);
        d
    }

    fn block(&mut self, stmts: &[Stmt], mut state: Option<State>) -> Option<State> {
        for s in stmts {
            let st = state?;
            state = self.stmt(s, st);
        }
        state
    }

    fn stmt(&mut self, s: &Stmt, mut st: State) -> Option<State> {
        match s {
            Stmt::Assign { target, value, .. } => {
                self.expr(value, &st);
                self.target(target, &mut st, false);
            }
            Stmt::AugAssign { target, value, .. } => {
                self.target_reads(target, &st);
                self.expr(value, &st);
                self.target(target, &mut st, true);
            }
            Stmt::If { cond, then, orelse } => {
                self.expr(cond, &st);
                let a = self.block(then, Some(st.clone()));
                let b = self.block(orelse, Some(st));
                return join(a, b);
            }
            Stmt::While { cond, body, orelse } => {
                let head = self.looped(st, std::slice::from_ref(s), |w, head| {
                    w.expr(cond, head);
                    w.block(body, Some(head.clone()))
                });
                return self.after_loop(head, orelse);
            }
            Stmt::ForRange {
                var,
                var_span,
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                for e in crate::ir::range_args(start, stop, step) {
                    self.expr(e, &st);
                }
                let head = self.looped(st, std::slice::from_ref(s), |w, head| {
                    let mut inner = head.clone();
                    if renamable(var) {
                        let d = w.site(var, *var_span);
                        inner.insert(var.clone(), BTreeSet::from([d]));
                    }
                    w.block(body, Some(inner))
                });
                return self.after_loop(head, orelse);
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                for e in iter.exprs() {
                    self.expr(e, &st);
                }
                let head = self.looped(st, std::slice::from_ref(s), |w, head| {
                    let mut inner = head.clone();
                    w.target(target, &mut inner, false);
                    w.block(body, Some(inner))
                });
                return self.after_loop(head, orelse);
            }
            Stmt::Return(v, _) => {
                if let Some(v) = v {
                    self.expr(v, &st);
                }
                return None;
            }
            Stmt::Break(_) => {
                if let Some(b) = self.breaks.last_mut() {
                    b.push(st);
                }
                return None;
            }
            Stmt::Continue(_) => return None,
            Stmt::Expr(e) | Stmt::Assert { test: e, .. } => self.expr(e, &st),
            Stmt::Pass => {}
        }
        Some(st)
    }

    /// A loop: the state at its head is the state before it joined with every
    /// assignment inside it (a superset of what reaches the head, in one pass instead of
    /// a fixed point whose cost would grow with the nesting depth). Runs the body once
    /// from there; returns the head state (where the loop ends normally) and leaves the
    /// states at its `break`s on `self.breaks`' top.
    fn looped(
        &mut self,
        mut head: State,
        inside: &[Stmt],
        body: impl FnOnce(&mut Self, &State) -> Option<State>,
    ) -> State {
        let mut sites = Vec::new();
        for s in inside {
            def_sites(s, &mut sites);
        }
        for (name, span) in sites {
            if renamable(&name) {
                let d = self.site(&name, span);
                head.entry(name).or_default().insert(d);
            }
        }
        self.breaks.push(Vec::new());
        body(self, &head);
        head
    }

    /// After a loop whose head state is `head`: its `else` runs from the head, the
    /// `break`s skip it.
    fn after_loop(&mut self, head: State, orelse: &[Stmt]) -> Option<State> {
        let breaks = self.breaks.pop().unwrap_or_default();
        let mut out = self.block(orelse, Some(head));
        for b in breaks {
            out = join(out, Some(b));
        }
        out
    }

    /// The reads a store's target makes before the store (bases, indices; the old
    /// value of `x` in `x += v`).
    fn target_reads(&mut self, t: &Target, st: &State) {
        for e in t.exprs() {
            self.expr(e, st);
        }
    }

    /// A store: each local it names gets a new definition. `update`: `x += v`, whose new
    /// value is in the old one's web (an in-place update of an array is the same array).
    fn target(&mut self, t: &Target, st: &mut State, update: bool) {
        match t {
            Target::Local(name, span) if renamable(name) => {
                let d = self.site(name, *span);
                if update {
                    if let Some(old) = st.get(name).cloned() {
                        if let Some(o) = self.join_all(&old) {
                            self.union(o, d);
                        }
                    }
                }
                st.insert(name.clone(), BTreeSet::from([d]));
            }
            Target::Local(..) => {}
            Target::Tuple(ts, _) => {
                for t in ts {
                    self.target(t, st, update);
                }
            }
            Target::Index { .. } | Target::Slice { .. } => {
                if !update {
                    self.target_reads(t, st);
                }
            }
        }
    }

    /// Every read of a local in `e` joins the definitions that reach it.
    fn expr(&mut self, e: &Expr, st: &State) {
        if let ExprKind::Local(name) = &e.kind {
            if let Some(defs) = st.get(name) {
                let defs = defs.clone();
                if let Some(d) = self.join_all(&defs) {
                    self.reads.insert(e.id, d);
                }
            }
        }
        for c in e.children() {
            self.expr(c, st);
        }
    }

    /// The new name of each web that is renamed: root definition → name.
    fn assign_names(&mut self, params: &BTreeSet<&str>) -> HashMap<DefId, String> {
        // Per name, its webs (roots) in order, and whether each has a read.
        let mut webs: BTreeMap<String, Vec<DefId>> = BTreeMap::new();
        let mut read_roots: BTreeSet<DefId> = BTreeSet::new();
        let reads: Vec<DefId> = self.reads.values().copied().collect();
        for d in reads {
            let r = self.find(d);
            read_roots.insert(r);
        }
        for d in 0..self.defs.len() {
            let r = self.find(d);
            let list = webs.entry(self.defs[d].clone()).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
        let mut out = HashMap::new();
        for (name, mut roots) in webs {
            let entry = self.entry.get(&name).map(|&e| self.find_const(e));
            // The entry's web, alone and unread, is no web for a local that is not a
            // parameter: the first assignment's web keeps the name then.
            if let Some(e) = entry {
                let alone = !read_roots.contains(&e) && !params.contains(name.as_str());
                let only_entry = (0..self.defs.len())
                    .filter(|&d| self.find_const(d) == e)
                    .count()
                    == 1;
                if alone && only_entry {
                    roots.retain(|&r| r != e);
                }
            }
            roots.sort_unstable();
            for (k, r) in roots.iter().enumerate().skip(1) {
                out.insert(*r, format!("{name}{SUFFIX}{k}"));
            }
        }
        out
    }
}

/// The join of two states (`None`: unreachable).
fn join(a: Option<State>, b: Option<State>) -> Option<State> {
    match (a, b) {
        (Some(mut a), Some(b)) => {
            for (k, v) in b {
                a.entry(k).or_default().extend(v);
            }
            Some(a)
        }
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    }
}

/// Every local name assigned in a statement (and its blocks).
fn collect_names(s: &Stmt, out: &mut BTreeSet<String>) {
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
        for s in b {
            collect_names(s, out);
        }
    }
}

/// The assignments of locals in a statement and its blocks: (name, span of the target).
fn def_sites(s: &Stmt, out: &mut Vec<(String, Span)>) {
    fn target(t: &Target, out: &mut Vec<(String, Span)>) {
        match t {
            Target::Local(n, span) => out.push((n.clone(), *span)),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, out)),
            Target::Index { .. } | Target::Slice { .. } => {}
        }
    }
    match s {
        Stmt::Assign { target: t, .. }
        | Stmt::AugAssign { target: t, .. }
        | Stmt::ForEach { target: t, .. } => target(t, out),
        Stmt::ForRange { var, var_span, .. } => out.push((var.clone(), *var_span)),
        _ => {}
    }
    for b in s.blocks() {
        for s in b {
            def_sites(s, out);
        }
    }
}

/// Writes the new names into the function.
struct Renamer<'a> {
    walker: &'a Walker,
    renames: &'a HashMap<DefId, String>,
}

impl Renamer<'_> {
    fn name_of_def(&self, d: DefId) -> Option<&String> {
        self.renames.get(&self.walker.find_const(d))
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match s {
            Stmt::Assign { target, value, .. } | Stmt::AugAssign { target, value, .. } => {
                self.expr(value);
                self.target(target);
            }
            Stmt::If { cond, then, orelse }
            | Stmt::While {
                cond,
                body: then,
                orelse,
            } => {
                self.expr(cond);
                then.iter_mut().for_each(|s| self.stmt(s));
                orelse.iter_mut().for_each(|s| self.stmt(s));
            }
            Stmt::ForRange {
                var,
                var_span,
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                for e in [start.as_mut(), Some(stop), step.as_mut()]
                    .into_iter()
                    .flatten()
                {
                    self.expr(e);
                }
                if let Some(&d) = self.walker.sites.get(&(var.clone(), *var_span)) {
                    if let Some(n) = self.name_of_def(d) {
                        *var = n.clone();
                    }
                }
                body.iter_mut().for_each(|s| self.stmt(s));
                orelse.iter_mut().for_each(|s| self.stmt(s));
            }
            Stmt::ForEach {
                target,
                iter,
                body,
                orelse,
            } => {
                iter.exprs_mut().into_iter().for_each(|e| self.expr(e));
                self.target(target);
                body.iter_mut().for_each(|s| self.stmt(s));
                orelse.iter_mut().for_each(|s| self.stmt(s));
            }
            Stmt::Return(Some(e), _) | Stmt::Expr(e) | Stmt::Assert { test: e, .. } => {
                self.expr(e);
            }
            Stmt::Return(None, _) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::Pass => {}
        }
    }

    fn target(&mut self, t: &mut Target) {
        match t {
            Target::Local(name, span) => {
                if let Some(&d) = self.walker.sites.get(&(name.clone(), *span)) {
                    if let Some(n) = self.name_of_def(d) {
                        *name = n.clone();
                    }
                }
            }
            Target::Tuple(ts, _) => ts.iter_mut().for_each(|t| self.target(t)),
            Target::Index { .. } | Target::Slice { .. } => {
                t.exprs_mut().into_iter().for_each(|e| self.expr(e));
            }
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        if let ExprKind::Local(name) = &mut e.kind {
            if let Some(&d) = self.walker.reads.get(&e.id) {
                if let Some(n) = self.name_of_def(d) {
                    *name = n.clone();
                }
            }
        }
        e.children_mut().into_iter().for_each(|c| self.expr(c));
    }
}

#[cfg(test)]
#[path = "webs_tests.rs"]
mod tests;
