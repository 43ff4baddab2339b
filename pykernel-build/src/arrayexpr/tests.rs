//! Unit tests of the array-expression pass: which trees fuse, and their operands.

use super::plan;
use crate::testutil::inferred;

/// The kernels of the first export: (root source text, rank, leaf source texts; a leaf
/// that serves `n` reads of one local is written `x×n`).
fn kernels(src: &str) -> Vec<(String, u8, Vec<String>)> {
    let (module, _, program, diags) = inferred(src);
    assert!(
        diags
            .iter()
            .all(|d| d.severity != crate::diagnostics::Severity::Error),
        "{:?}",
        crate::testutil::texts(&diags)
    );
    let plans = plan(&module, &program);
    let root = program.roots[0];
    let func = &module.functions[program.instances[root].key.func];
    let mut by_id = std::collections::HashMap::new();
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
    stmts(&func.body, &mut by_id);
    let text = |id: u32| {
        let e = by_id[&id];
        src[e.span.start..e.span.end].to_owned()
    };
    plans[root]
        .roots
        .iter()
        .map(|(id, k)| {
            (
                text(*id),
                k.rank,
                k.leaves
                    .iter()
                    .map(|l| match l.same.len() {
                        0 => text(l.expr),
                        n => format!("{}×{}", text(l.expr), n + 1),
                    })
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_tree_of_operations_is_one_kernel_with_its_operands_in_order() {
    let src = "import numpy as np\n#pykernel export f(float64[:], float64[:], float)\ndef f(a, b, c):\n    return np.exp(-a * c) + b ** 2\n";
    let k = kernels(src);
    assert_eq!(
        k,
        vec![(
            "np.exp(-a * c) + b ** 2".to_owned(),
            1,
            vec!["a".into(), "c".into(), "b".into(), "2".into()]
        )]
    );
}

#[test]
fn reads_of_one_array_local_share_one_operand() {
    // `a` is read three times and `b` once: two array operands; the number `a[0]` (an
    // element, not the array) stays its own operand.
    let src = "import numpy as np\n#pykernel export f(float64[:], float64[:])\ndef f(a, b):\n    return a * b + a - a[0] * a\n";
    let k = kernels(src);
    assert_eq!(
        k,
        vec![(
            "a * b + a - a[0] * a".to_owned(),
            1,
            vec!["a×3".into(), "b".into(), "a[0]".into()]
        )]
    );
}

#[test]
fn reductions_and_shape_functions_are_boundaries() {
    let src = "import numpy as np\n#pykernel export f(float64[:,:], float64[:])\ndef f(a, b):\n    s = np.sum(a * a)\n    return (a - s).reshape(-1) + b\n";
    let k = kernels(src);
    let roots: Vec<&str> = k.iter().map(|(r, _, _)| r.as_str()).collect();
    assert!(roots.contains(&"a * a"), "{k:?}");
    assert!(roots.contains(&"a - s"), "{k:?}");
    assert!(roots.contains(&"(a - s).reshape(-1) + b"), "{k:?}");
}

#[test]
fn masks_and_index_arrays_are_boundaries() {
    // The mask and the index expression are computed first (their own kernels); the
    // selection is an operand of the expression that uses it.
    let src = "import numpy as np\n#pykernel export f(float64[:], int64[:])\ndef f(a, i):\n    return a[a > 0] * 2 + a[i % 3]\n";
    let k = kernels(src);
    assert!(
        k.contains(&("a > 0".to_owned(), 1, vec!["a".into(), "0".into()])),
        "{k:?}"
    );
    assert!(
        k.contains(&("i % 3".to_owned(), 1, vec!["i".into(), "3".into()])),
        "{k:?}"
    );
    assert!(
        k.contains(&(
            "a[a > 0] * 2 + a[i % 3]".to_owned(),
            1,
            vec!["a[a > 0]".into(), "2".into(), "a[i % 3]".into()]
        )),
        "{k:?}"
    );
}

/// The names of the locals whose assignment is forwarded in the first export.
fn forwarded(src: &str) -> Vec<String> {
    let (module, _, program, _) = inferred(src);
    let plans = plan(&module, &program);
    let root = program.roots[0];
    let func = &module.functions[program.instances[root].key.func];
    let mut out = Vec::new();
    fn walk(ss: &[crate::ir::Stmt], fw: &super::Forwarding, out: &mut Vec<String>) {
        for s in ss {
            if let crate::ir::Stmt::Assign { target, value, .. } = s
                && fw.elided.contains(&value.id)
            {
                out.extend(target.names().into_iter().map(str::to_owned));
            }
            s.blocks().into_iter().for_each(|b| walk(b, fw, out));
        }
    }
    walk(&func.body, &plans[root].forward, &mut out);
    out
}

fn kernel_src(params: &str, body: &str) -> String {
    format!("import numpy as np\n#pykernel export f({params})\ndef f(a, b):\n{body}")
}

#[test]
fn temporaries_read_once_by_elementwise_code_are_forwarded() {
    let src = kernel_src(
        "float64[:], float64[:]",
        "    t = a * 2.0\n    u = np.exp(t) - b\n    return np.sum(u * 3.0)\n",
    );
    assert_eq!(forwarded(&src), ["t", "u"]);
    // the whole tree is one kernel: the reduction's
    let k = kernels(&src);
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].2, ["a", "2.0", "b", "3.0"]);
}

#[test]
fn cheap_temporaries_read_a_few_times_share_their_operands() {
    let src = kernel_src(
        "float64[:], float64[:]",
        "    d = a - b\n    return d * d + d\n",
    );
    assert_eq!(forwarded(&src), ["d"]);
    assert_eq!(kernels(&src)[0].2, ["a", "b"]);
    // expensive ones are computed once
    let src = kernel_src(
        "float64[:], float64[:]",
        "    d = np.exp(a - b)\n    return d * d + d\n",
    );
    assert!(forwarded(&src).is_empty());
}

#[test]
fn temporaries_are_kept_when_forwarding_could_be_seen() {
    let kept = [
        // the array it reads is written, or a local it reads is rebound
        "    t = a * 2.0\n    a[0] = 1.0\n    return t + 1.0\n",
        "    t = a * 2.0\n    a += 1.0\n    return t + 1.0\n",
        // aliased, viewed, read in another block, read as a whole twice
        "    t = a + 1.0\n    u = t\n    return t\n",
        "    t = a + 1.0\n    return t[1:] + 1.0\n",
        "    t = a + 1.0\n    if b[0] > 0:\n        return t + 1.0\n    return a\n",
        "    t = a + 1.0\n    for i in range(3):\n        b += t\n    return b\n",
    ];
    for body in kept {
        let src = kernel_src("float64[:], float64[:]", body);
        assert!(forwarded(&src).is_empty(), "{body}");
    }
    // A name assigned again in straight-line code is two variables (webs), so these
    // forward: the rebinding does not change what `t` read.
    for body in [
        "    t = a * 2.0\n    a = b\n    return t + a\n",
        "    t = a + 1.0\n    t = t + b\n    return t\n",
    ] {
        let src = kernel_src("float64[:], float64[:]", body);
        assert!(!forwarded(&src).is_empty(), "{body}");
    }
}
