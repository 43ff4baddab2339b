//! Unit tests of the bounds analysis on small kernels: which accesses each loop's checks
//! prove.

use std::collections::BTreeSet;

use super::{Fact, analyze, each_loop, loop_key};
use crate::testutil::inferred;

/// For each loop of the first export's instance (outer loops first): the source text of
/// the indices its checks prove.
fn proven(src: &str) -> Vec<BTreeSet<String>> {
    let (module, _, program, diags) = inferred(src);
    assert!(
        diags
            .iter()
            .all(|d| d.severity != crate::diagnostics::Severity::Error),
        "{:?}",
        crate::testutil::texts(&diags)
    );
    let plans = analyze(&module, &program);
    let root = program.roots[0];
    let func = &module.functions[program.instances[root].key.func];
    // Index expressions by id, to print the proven ones.
    let mut text = std::collections::HashMap::new();
    fn collect<'a>(
        e: &'a crate::ir::Expr,
        out: &mut std::collections::HashMap<u32, &'a crate::ir::Expr>,
    ) {
        out.insert(e.id, e);
        e.children().into_iter().for_each(|c| collect(c, out));
    }
    fn stmts<'a>(
        ss: &'a [crate::ir::Stmt],
        out: &mut std::collections::HashMap<u32, &'a crate::ir::Expr>,
    ) {
        for s in ss {
            s.exprs().into_iter().for_each(|e| collect(e, out));
            s.blocks().into_iter().for_each(|b| stmts(b, out));
        }
    }
    stmts(&func.body, &mut text);
    let mut out = Vec::new();
    each_loop(&func.body, &mut |s| {
        let key = loop_key(s).unwrap();
        let set = plans[root]
            .loops
            .get(&key)
            .map(|p| {
                p.guards
                    .iter()
                    .filter_map(|g| match g.fact {
                        Fact::InBounds(id) => Some(id),
                        _ => None,
                    })
                    .map(|id| {
                        let e = text[&id];
                        src[e.span.start..e.span.end].to_owned()
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(set);
    });
    out
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn kernel(sig: &str, body: &str) -> String {
    format!(
        "#pykernel export f({sig})\ndef f({}):\n{body}\n",
        params(sig)
    )
}

fn params(sig: &str) -> String {
    let n = sig.split(", ").count();
    ["a", "b", "c", "d", "e"][..n].join(", ")
}

#[test]
fn reversed_and_mirrored_indices() {
    let src = kernel(
        "float64[:], float64[:], float64[:]",
        "    n = len(a)\n    m = len(b)\n    for i in range(n - m + 1):\n        acc = 0.0\n        for j in range(m):\n            acc += a[i + j] * b[m - 1 - j]\n        c[i] = acc\n    for i in range(n):\n        c[n - 1 - i] = a[i]",
    );
    let p = proven(&src);
    assert_eq!(p[0], set(&["i + j", "m - 1 - j", "i"]), "{p:?}");
    assert_eq!(p[1], set(&["i + j", "m - 1 - j"]));
    assert_eq!(p[2], set(&["n - 1 - i", "i"]));
}

#[test]
fn for_each_zip_enumerate_and_locals() {
    let src = kernel(
        "float64[:], float64[:], int",
        "    for i, x in enumerate(a):\n        b[i] = x\n    for x, y in zip(a, b):\n        pass\n    for k in range(c):\n        i = k * 2\n        b[i + 1] = a[i]",
    );
    let p = proven(&src);
    assert_eq!(p[0], set(&["i"]));
    // `i = k * 2` then `b[i + 1]`: through the local.
    assert_eq!(p[2], set(&["i + 1", "i"]));
}

#[test]
fn triangular_stepped_and_reversed_ranges() {
    let src = kernel(
        "float64[:,:], float64[:]",
        "    n = a.shape[0]\n    for i in range(n):\n        for j in range(i):\n            a[i, j] = a[j, i]\n    for i in range(0, len(b) - 1, 2):\n        b[i + 1] = b[i]\n    for i in range(len(b) - 1, 0, -1):\n        b[i] = b[i - 1]\n    for i in reversed(range(1, len(b))):\n        b[i - 1] = b[i]",
    );
    let p = proven(&src);
    assert_eq!(p[0], set(&["i, j", "j, i"]));
    assert_eq!(p[2], set(&["i + 1", "i"]));
    assert_eq!(p[3], set(&["i", "i - 1"]));
    assert_eq!(p[4], set(&["i - 1", "i"]));
}

#[test]
fn while_loops_with_the_update_anywhere() {
    let src = kernel(
        "float64[:], int, float64",
        "    j = b\n    while j >= 0 and a[j] > c:\n        j -= 1\n        a[j + 1] = c\n    i = 0\n    while i < len(a):\n        i += 1\n        a[i - 1] = 0.0",
    );
    let p = proven(&src);
    assert_eq!(p[0], set(&["j", "j + 1"]));
    assert_eq!(p[1], set(&["i - 1"]));
}

#[test]
fn helpers_modulo_clamps_and_tests() {
    let src = "#pykernel export f(float64[:], float64[:])\ndef wrap(i, n):\n    return i % n\ndef f(a, b):\n    n = len(a)\n    for i in range(n):\n        b[i] = a[wrap(i - 1, n)] + a[wrap(i + 1, n)]\n    for i in range(n):\n        b[i] = a[min(max(i - 2, 0), n - 1)]\n    for i in range(n):\n        if i > 0:\n            b[i] = a[i - 1]\n    for i in range(n):\n        k = i - 3\n        if k < 0:\n            continue\n        b[k] = 1.0\n";
    let p = proven(src);
    assert_eq!(p[0], set(&["wrap(i - 1, n)", "wrap(i + 1, n)", "i"]));
    assert_eq!(p[1], set(&["min(max(i - 2, 0), n - 1)", "i"]));
    assert_eq!(p[2], set(&["i - 1", "i"]));
    assert_eq!(p[3], set(&["k"]));
}

#[test]
fn what_must_not_be_proven() {
    let src = kernel(
        "float64[:], int64[:], int",
        "    for i in range(c):\n        a[b[i]] = 1.0\n    for i in range(c):\n        a = a[1:]\n        a[i] = 0.0\n    j = 0\n    while a[j] > 0.0:\n        j += 1",
    );
    let p = proven(&src);
    // `b[i]` is provable, `a[b[i]]` is not (data-dependent).
    assert_eq!(p[0], set(&["i"]));
    // `a` is reassigned in the loop: its extent is not fixed.
    assert_eq!(p[1], set(&[]));
    // a counter with no bound on its moving side.
    assert_eq!(p[2], set(&[]));
}

/// For each loop of the first export's instance (outer loops first): the lists whose
/// element buffer it takes.
fn list_buffers(src: &str) -> Vec<Vec<String>> {
    let (module, _, program, _) = inferred(src);
    let plans = analyze(&module, &program);
    let root = program.roots[0];
    let func = &module.functions[program.instances[root].key.func];
    let mut out = Vec::new();
    each_loop(&func.body, &mut |s| {
        let key = loop_key(s).unwrap();
        out.push(plans[root].lists.get(&key).cloned().unwrap_or_default());
    });
    out
}

#[test]
fn loops_that_cannot_resize_lists_take_their_buffers_once() {
    // The outermost loop that can takes it; an inner loop reuses it.
    let src = kernel(
        "int list, int",
        "    c = [0.0] * 3\n    for i in range(b):\n        for j in range(3):\n            a[j] += i\n            c[j - 3] = a[j] * 0.5\n    return c",
    );
    assert_eq!(list_buffers(&src), vec![vec!["a", "c"], vec![]]);
    // An append in the outer loop: only the inner loop can; a list rebound in the loop,
    // a loop calling a kernel function and a list of lists: none.
    let src = kernel(
        "int list, int",
        "    for i in range(b):\n        a.append(i)\n        for j in range(len(a)):\n            a[j] += 1\n    c = [1, 2]\n    for i in range(b):\n        c[0] += 1\n        c = [3, 4]\n    m = [[0] * 2]\n    for i in range(b):\n        m[0][1] += g(i)\n    return a, c, m",
    );
    let src = format!("{src}\ndef g(i):\n    return i\n");
    assert_eq!(list_buffers(&src), vec![vec![], vec!["a"], vec![], vec![]]);
}

#[test]
fn small_helpers_without_loops_are_inlined() {
    let src = "#pykernel export f(float64[:], int)\ndef f(a, n):\n    s = 0.0\n    for i in range(n):\n        s += at(a, i)\n    return s\ndef at(a, i):\n    return a[i % len(a)]\n";
    let (module, _, program, _) = inferred(src);
    let plans = analyze(&module, &program);
    let inline: std::collections::BTreeMap<&str, bool> = program
        .instances
        .iter()
        .zip(&plans)
        .map(|(inst, p)| (module.functions[inst.key.func].name.as_str(), p.inline))
        .collect();
    assert_eq!(inline.get("at"), Some(&true), "{inline:?}");
    assert_eq!(inline.get("f"), Some(&false), "{inline:?}");
}
