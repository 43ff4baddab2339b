//! Unit tests of the array-expression pass: which trees fuse, and their operands.

use super::plan;
use crate::testutil::inferred;

/// The kernels of the first export: (root source text, rank, leaf source texts).
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
                k.leaves.iter().map(|l| text(l.expr)).collect(),
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
fn reductions_and_shape_functions_are_boundaries() {
    let src = "import numpy as np\n#pykernel export f(float64[:,:], float64[:])\ndef f(a, b):\n    s = np.sum(a * a)\n    return (a - s).reshape(-1) + b\n";
    let k = kernels(src);
    let roots: Vec<&str> = k.iter().map(|(r, _, _)| r.as_str()).collect();
    assert!(roots.contains(&"a * a"), "{k:?}");
    assert!(roots.contains(&"a - s"), "{k:?}");
    assert!(roots.contains(&"(a - s).reshape(-1) + b"), "{k:?}");
}
