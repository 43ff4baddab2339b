//! Unit tests of the web splitting.

use crate::ir::{Expr, ExprKind, Stmt, Target};
use crate::testutil::lowered;

/// The names assigned (targets, loop variables) and read, in order, of function `f`.
fn names(src: &str) -> (Vec<String>, Vec<String>) {
    let (module, diags) = lowered(src);
    assert!(diags.is_empty(), "{diags:?}");
    let f = &module.functions[0];
    let (mut defs, mut reads) = (Vec::new(), Vec::new());
    fn target(t: &Target, defs: &mut Vec<String>, reads: &mut Vec<String>) {
        match t {
            Target::Local(n, _) => defs.push(n.clone()),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, defs, reads)),
            _ => t.exprs().into_iter().for_each(|e| expr(e, reads)),
        }
    }
    fn expr(e: &Expr, reads: &mut Vec<String>) {
        if let ExprKind::Local(n) = &e.kind {
            reads.push(n.clone());
        }
        e.children().into_iter().for_each(|c| expr(c, reads));
    }
    fn stmt(s: &Stmt, defs: &mut Vec<String>, reads: &mut Vec<String>) {
        for e in s.exprs() {
            expr(e, reads);
        }
        match s {
            Stmt::Assign { target: t, .. }
            | Stmt::AugAssign { target: t, .. }
            | Stmt::ForEach { target: t, .. } => target(t, defs, reads),
            Stmt::ForRange { var, .. } => defs.push(var.clone()),
            _ => {}
        }
        for b in s.blocks() {
            b.iter().for_each(|s| stmt(s, defs, reads));
        }
    }
    f.body.iter().for_each(|s| stmt(s, &mut defs, &mut reads));
    (defs, reads)
}

#[test]
fn straight_line_reassignments_are_separate_webs() {
    let (defs, reads) = names("def f(x):\n    y = x + 1\n    y = y * 2.5\n    return y\n");
    assert_eq!(defs, ["y", "y__pkv1"]);
    assert_eq!(reads, ["x", "y", "y__pkv1"]);
}

#[test]
fn a_parameter_keeps_its_name_and_a_new_value_gets_another() {
    let (defs, reads) = names("def f(x):\n    x = x.astype(float)\n    return x\n");
    assert_eq!(defs, ["x__pkv1"]);
    assert_eq!(reads, ["x", "x__pkv1"]);
}

#[test]
fn branches_meet_in_one_web() {
    let src = "def f(c):\n    if c:\n        y = 1\n    else:\n        y = 2.0\n    return y\n";
    let (defs, _) = names(src);
    assert_eq!(defs, ["y", "y"]);
}

#[test]
fn a_loop_joins_the_value_before_it_and_the_one_it_assigns() {
    let src = "def f(n):\n    s = 0\n    for i in range(n):\n        s = s + i\n    s = [s]\n    return s\n";
    let (defs, reads) = names(src);
    assert_eq!(defs, ["s", "i", "s", "s__pkv1"]);
    assert_eq!(reads, ["n", "s", "i", "s", "s__pkv1"]);
}

#[test]
fn reads_after_break_and_in_else_see_their_assignments() {
    let src = "def f(n):\n    k = 0\n    while k < n:\n        k = k + 1\n        if k > 3:\n            break\n    else:\n        k = 1.5\n    return k\n";
    let (defs, _) = names(src);
    // Every assignment reaches the read after the loop: one web.
    assert_eq!(defs, ["k", "k", "k"]);
}

#[test]
fn maybe_unassigned_reads_stay_with_the_name() {
    let src = "def f(c):\n    if c:\n        y = 1\n    z = y\n    y = 2.5\n    return y + z\n";
    let (defs, reads) = names(src);
    assert_eq!(defs, ["y", "z", "y__pkv1"]);
    assert_eq!(reads, ["c", "y", "y__pkv1", "z"]);
}

#[test]
fn in_place_updates_stay_in_the_web_of_the_old_value() {
    let src = "def f(a):\n    b = a\n    b += 1\n    b = 0.5\n    return b\n";
    let (defs, _) = names(src);
    assert_eq!(defs, ["b", "b", "b__pkv1"]);
}

#[test]
fn loop_variables_reused_later_are_split() {
    let src = "def f(a):\n    for i in range(3):\n        a[i] = i\n    i = 0.5\n    return i\n";
    let (defs, _) = names(src);
    assert_eq!(defs, ["i", "i__pkv1"]);
}

#[test]
fn continue_and_nested_loops_keep_loop_carried_values_together() {
    let src = "def f(n):\n    t = 0\n    for i in range(n):\n        for j in range(n):\n            if j > i:\n                continue\n            t = t + j\n    return t\n";
    let (defs, _) = names(src);
    assert_eq!(defs, ["t", "i", "j", "t"]);
}
