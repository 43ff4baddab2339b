//! The instance call graph: which specialised functions are recursive.
//!
//! An instance is *recursive* when it lies on a cycle of the graph whose nodes are the
//! instances of [`Program`] and whose edges are the calls inference resolved
//! ([`crate::infer::Instance::calls`]): it calls itself, or it belongs to a strongly
//! connected component of several instances (mutual recursion). Only those count their
//! depth at run time (CPython's `RecursionError`); every other function is emitted
//! unchanged. The components are found with Tarjan's algorithm, written with an explicit
//! stack so that a long chain of helpers cannot overflow the translator's own stack.

use crate::infer::Program;

/// What the emitter needs to know about recursion.
#[derive(Clone, Debug, Default)]
pub(crate) struct CallGraph {
    /// Per instance: does it lie on a cycle of the call graph?
    pub(crate) recursive: Vec<bool>,
    /// Per instance: is a recursive instance reachable from it (itself included)?
    pub(crate) reaches_recursion: Vec<bool>,
    /// Per instance: its strongly connected component.
    component: Vec<usize>,
}

impl CallGraph {
    /// Analyses the calls of every instance of `program`.
    pub(crate) fn of(program: &Program) -> CallGraph {
        let edges: Vec<Vec<usize>> = program
            .instances
            .iter()
            .map(|inst| {
                let mut callees: Vec<usize> = inst
                    .calls
                    .values()
                    .copied()
                    .filter(|&c| c < program.instances.len())
                    .collect();
                callees.sort_unstable();
                callees.dedup();
                callees
            })
            .collect();
        let components = strongly_connected(&edges);
        let mut recursive = vec![false; edges.len()];
        let mut component = vec![0; edges.len()];
        for (k, comp) in components.iter().enumerate() {
            for &v in comp {
                component[v] = k;
            }
        }
        for comp in &components {
            let cyclic = comp.len() > 1 || comp.iter().any(|&v| edges[v].contains(&v));
            for &v in comp {
                recursive[v] = cyclic;
            }
        }
        // Tarjan emits components in reverse topological order (callees first), so one
        // pass over them propagates reachability from callees to callers.
        let mut reaches = recursive.clone();
        for comp in &components {
            let any = comp
                .iter()
                .any(|&v| reaches[v] || edges[v].iter().any(|&w| reaches[w]));
            for &v in comp {
                reaches[v] = any;
            }
        }
        CallGraph {
            recursive,
            reaches_recursion: reaches,
            component,
        }
    }

    /// Is instance `i` recursive?
    pub(crate) fn is_recursive(&self, i: usize) -> bool {
        self.recursive.get(i).copied().unwrap_or(false)
    }

    /// Are instances `a` and `b` on one cycle (a call from one to the other recurses)?
    pub(crate) fn same_cycle(&self, a: usize, b: usize) -> bool {
        self.is_recursive(a)
            && self.is_recursive(b)
            && self.component.get(a) == self.component.get(b)
    }

    /// Does a call of instance `i` possibly run a recursive instance?
    pub(crate) fn reaches_recursion(&self, i: usize) -> bool {
        self.reaches_recursion.get(i).copied().unwrap_or(false)
    }
}

/// The strongly connected components of the graph `edges` (Tarjan), each component's
/// callees' components before it.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // Frames of the depth-first search: (vertex, next edge to follow).
        let mut dfs: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut e)) = dfs.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    dfs.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            dfs.pop();
            if let Some(&(parent, _)) = dfs.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(comp);
            }
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(src: &str) -> (Program, crate::ir::Module, CallGraph) {
        let suite = crate::parse::parse_module(src, "t.py").unwrap_or_else(|d| panic!("{d:?}"));
        let (exports, _) = crate::exports::collect(src);
        let (module, _) = crate::lower::lower(src, &suite);
        let (bound, _) = crate::bind::bind(&module, &exports);
        let roots: Vec<_> = bound.iter().map(|b| (b.func, b.params.clone())).collect();
        let (program, _) = crate::infer::infer(&module, &roots, &Default::default());
        let g = CallGraph::of(&program);
        (program, module, g)
    }

    /// Names of the recursive instances, and of those reaching recursion.
    fn names(src: &str) -> (Vec<String>, Vec<String>) {
        let (p, m, g) = graph(src);
        let name = |i: usize| m.functions[p.instances[i].key.func].name.clone();
        let mut rec: Vec<String> = (0..p.instances.len())
            .filter(|&i| g.is_recursive(i))
            .map(name)
            .collect();
        let mut reach: Vec<String> = (0..p.instances.len())
            .filter(|&i| g.reaches_recursion(i))
            .map(name)
            .collect();
        rec.sort();
        reach.sort();
        (rec, reach)
    }

    #[test]
    fn self_and_mutual_recursion_but_not_plain_chains() {
        let src = "\
#pykernel export top(int)
def top(n):
    return fact(n) + even(n) + chain(n)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def even(n):
    return 1 if n == 0 else odd(n - 1)
def odd(n):
    return 0 if n == 0 else even(n - 1)
def chain(n):
    return leaf(n) + leaf(n + 1)
def leaf(n):
    return n * 2
#pykernel export plain(int)
def plain(n):
    return chain(n)
";
        let (rec, reach) = names(src);
        assert_eq!(rec, ["even", "fact", "odd"]);
        assert_eq!(reach, ["even", "fact", "odd", "top"]);
        let (p, m, g) = graph(src);
        let inst = |name: &str| {
            (0..p.instances.len())
                .find(|&i| m.functions[p.instances[i].key.func].name == name)
                .unwrap()
        };
        assert!(g.same_cycle(inst("even"), inst("odd")));
        assert!(!g.same_cycle(inst("even"), inst("fact")));
        assert!(!g.same_cycle(inst("top"), inst("top")));
    }

    #[test]
    fn a_cycle_through_a_non_recursive_looking_helper_counts() {
        // a -> b -> c -> a: every member of the cycle, none of the callers outside it.
        let src = "\
#pykernel export entry(int)
def entry(n):
    return a(n)
def a(n):
    return 0 if n <= 0 else b(n)
def b(n):
    return c(n) + 1
def c(n):
    return a(n - 1)
";
        let (rec, reach) = names(src);
        assert_eq!(rec, ["a", "b", "c"]);
        assert_eq!(reach, ["a", "b", "c", "entry"]);
    }

    #[test]
    fn long_chains_do_not_recurse_in_the_analysis() {
        let edges: Vec<Vec<usize>> = (0..200_000).map(|i| vec![i + 1]).chain([vec![0]]).collect();
        let comps = strongly_connected(&edges);
        assert_eq!(comps.len(), 1);
        let edges: Vec<Vec<usize>> = (0..200_000)
            .map(|i| if i + 1 < 200_000 { vec![i + 1] } else { vec![] })
            .collect();
        let comps = strongly_connected(&edges);
        assert_eq!(comps.len(), 200_000);
        // Callees first.
        assert_eq!(comps[0], [199_999]);
    }
}
