//! Deeply nested and very long inputs, generated here (not stored): what CPython 3.11
//! compiles translates, and the Rust generated for it compiles; what CPython rejects for
//! its nesting gets a diagnostic at its line. Nothing overflows a stack (the test thread
//! has only 2 MiB: `translate` must run the passes on a stack of its own).
//!
//! The depths are the largest CPython 3.11's `compile()` accepts for each shape, found by
//! bisection (`RecursionError` or `SyntaxError` one level deeper).

use pykernel_build::{Config, translate};

mod common;

const HEAD: &str = "import math\n#pythran export f(int, float, complex)\ndef f(x, y, z):\n";

fn join(item: &str, sep: &str, n: usize) -> String {
    vec![item; n].join(sep)
}

const ARRAY_HEAD: &str = "#pythran export g(float64[])\ndef g(a):\n";

fn array_ret(body: String) -> String {
    format!("{ARRAY_HEAD}    return {body}\n")
}

/// Shapes CPython accepts, at (or near) its largest depth: (name, source).
fn accepted() -> Vec<(&'static str, String)> {
    let ret = |body: String| format!("{HEAD}    return {body}\n");
    let elif = |n: usize| {
        let mut s = format!("{HEAD}    if x == 0:\n        return 0\n");
        for i in 1..n {
            s += &format!("    elif x == {i}:\n        return {i}\n");
        }
        s + "    return -1\n"
    };
    let branches = |n: usize| {
        let arms: Vec<String> = (0..n).map(|i| format!("{i} if x == {i}")).collect();
        ret(format!("{} else -1", arms.join(" else ")))
    };
    vec![
        ("conditional_1000", branches(1000)),
        ("conditional_2987", branches(2987)),
        // In a loop, the bounds analysis read every level under its test's facts, saving
        // and restoring them all each time (quadratic: 74 s; fuzz seed 8 input 92893).
        (
            "conditional_in_loop_2985",
            format!(
                "{HEAD}    s = 0\n    for i in range(x):\n        s += {}\n    return s\n",
                (0..2985)
                    .map(|k| format!("i if i > {k} else "))
                    .collect::<String>()
                    + "-1"
            ),
        ),
        ("compare_3000", ret(join("x", " < ", 3000))),
        ("compare_mixed_3000", ret(join("x <= y", " <= ", 1500))),
        ("compare_lists_400", ret(join("[x]", " == ", 400))),
        ("and_20000", ret(join("x > 0", " and ", 20000))),
        ("or_3000", ret(join("x", " or ", 3000))),
        ("minus_2988", ret(format!("{}x", "-".repeat(2988)))),
        ("not_2988", ret(format!("{}x", "not ".repeat(2988)))),
        ("add_2989", ret(join("x", " + ", 2989))),
        ("float_add_2989", ret(join("y", " + ", 2989))),
        ("floordiv_2989", ret(join("x", " // ", 2989))),
        ("pow_2981", ret(join("y", " ** ", 2981))),
        ("real_2988", ret(format!("y{}", ".real".repeat(2988)))),
        (
            "conjugate_1494",
            ret(format!("z{}", ".conjugate()".repeat(1494))),
        ),
        ("elif_2988", elif(2988)),
        (
            "comprehension_2987",
            ret(format!("[{}i for i in range(x)]", "-".repeat(2987))),
        ),
        (
            "while_2988",
            format!(
                "{HEAD}    while {} < 0:\n        x += 1\n    return x\n",
                join("x", " + ", 2988)
            ),
        ),
        (
            "parentheses_200",
            ret(format!("{}x{}", "x + (".repeat(200), ")".repeat(200))),
        ),
        (
            "calls_200",
            ret(format!("{}y{}", "math.sqrt(".repeat(200), ")".repeat(200))),
        ),
        ("min_5000", ret(format!("min({})", join("x", ", ", 5000)))),
        // Whole-array expressions: one element expression inside the loop nest.
        ("array_pow_2981", array_ret(join("a", " ** ", 2981))),
        ("array_add_600", array_ret(join("a", " + ", 600))),
        ("array_neg_600", array_ret(format!("{}a", "-".repeat(600)))),
        (
            "nested_list_16",
            ret(format!("{}x{}", "[".repeat(16), "]".repeat(16))),
        ),
    ]
}

#[test]
fn what_cpython_compiles_translates() {
    for (name, src) in accepted() {
        if let Err(d) = translate(&src, &format!("{name}.py"), &Config::new()) {
            panic!("{name} refused:\n{}", d.render());
        }
    }
}

/// The rendered errors of `src`, which must be refused.
fn refused(name: &str, src: &str) -> String {
    match translate(src, &format!("{name}.py"), &Config::new()) {
        Ok(_) => panic!("{name} accepted"),
        Err(d) => d.render(),
    }
}

#[test]
fn what_cpython_rejects_for_nesting_gets_a_diagnostic_at_its_line() {
    let ret = |body: String| format!("{HEAD}    return {body}\n");
    // RecursionError in CPython's compiler: more than 3000 nested levels.
    for (name, src) in [
        ("minus_5000", ret(format!("{}x", "-".repeat(5000)))),
        ("add_20000", ret(join("x", " + ", 20000))),
        ("minus_1000000", ret(format!("{}x", "-".repeat(1_000_000)))),
    ] {
        let r = refused(name, &src);
        assert!(r.contains("error[PK0230]"), "{r}");
        assert!(r.contains(&format!("{name}.py:4:")), "{r}");
    }
    let mut elif = format!("{HEAD}    if x == 0:\n        return 0\n");
    for i in 1..3000 {
        elif += &format!("    elif x == {i}:\n        return {i}\n");
    }
    let r = refused("elif_3000", &elif);
    assert!(r.contains("error[PK0230]"), "{r}");
    // The first node past the limit: `def` (1), `if` (2), `elif`s (3, 4, ...), so the
    // `x` in `elif x == 2997:` (line 4 + 2 * 2997) is the 3001st level.
    assert!(r.contains("elif_3000.py:5998:10"), "{r}");

    // SyntaxError in CPython's tokenizer: 200 open brackets at most ...
    let r = refused(
        "brackets_201",
        &ret(format!("{}x{}", "[".repeat(201), "]".repeat(201))),
    );
    assert!(r.contains("error[PK0201]") && r.contains("too many nested parentheses"));
    assert!(r.contains("brackets_201.py:4:212"), "{r}");
    // ... and 99 levels of indentation.
    let mut indent = String::from(HEAD);
    for level in 1..=99 {
        indent += &format!("{}if x:\n", "    ".repeat(level));
    }
    indent += &format!("{}return 1\n", "    ".repeat(100));
    let r = refused("indent_100", &indent);
    assert!(r.contains("too many levels of indentation"), "{r}");
    assert!(r.contains("indent_100.py:103:"), "{r}");
}

#[test]
fn types_rustc_cannot_take_are_refused_at_the_value() {
    let src = format!(
        "{HEAD}    a = [x]\n    return {}a{}\n",
        "[".repeat(16),
        "]".repeat(16)
    );
    let r = refused("nested_list_17", &src);
    assert!(r.contains("error[PK0231]"), "{r}");
    assert!(r.contains("nested_list_17.py:5:12"), "{r}");
}

/// The size of the generated code, without its indentation (which grows with nesting).
fn code_size(src: &str) -> usize {
    let out = translate(src, "t.py", &Config::new()).expect("translates");
    out.code.chars().filter(|c| !c.is_whitespace()).count()
}

#[test]
fn generated_code_grows_linearly_with_nesting() {
    // A nested list literal spelt its whole type at every level (quadratic), an `elif`
    // chain copied its tail once per level.
    let list = |d: usize| format!("{HEAD}    return {}x{}\n", "[".repeat(d), "]".repeat(d));
    let [l4, l8, l16] = [4, 8, 16].map(|d| code_size(&list(d)));
    // Linear: each doubling adds twice the previous step (quadratic: four times).
    assert!(2 * (l16 - l8) < 5 * (l8 - l4), "{l4} {l8} {l16}");
    let branches = |n: usize| {
        let arms: Vec<String> = (0..n).map(|i| format!("{i} if x == {i}")).collect();
        format!("{HEAD}    return {} else -1\n", arms.join(" else "))
    };
    let [c1, c2, c4] = [500, 1000, 2000].map(|n| code_size(&branches(n)));
    assert!(2 * (c4 - c2) < 5 * (c2 - c1), "{c1} {c2} {c4}");
}

#[test]
fn deep_array_expressions_are_written_flat() {
    // The element expression of a 2981-deep `a ** a ** ...` was one nested Rust
    // expression: its indentation alone made the file quadratic (2 GB, 27 s).
    let src = array_ret(join("a", " ** ", 2981));
    let out = translate(&src, "t.py", &Config::new()).expect("translates");
    let widest = out.code.lines().map(str::len).max().unwrap_or(0);
    assert!(widest < 400, "a line of {widest} characters");
}

#[test]
fn repeated_operands_are_one_stream_and_huge_kernels_one_copy() {
    // `x + x + ... + x` (2800 terms) set up one operand per term, in three SIMD copies
    // of the function: 20 MB of Rust. One stream per local read, one copy of a function
    // that large.
    let src = format!(
        "#pythran export f(int16[:], float64[:])\ndef f(a, x):\n    a[...] = ({}) * 1000\n    \
         return a\n",
        join("x", " + ", 2800)
    );
    let size = code_size(&src);
    assert!(size < 2_500_000, "{size} bytes without whitespace");
    let out = translate(&src, "t.py", &Config::new()).expect("translates");
    assert!(
        !out.code.contains("_v3("),
        "a SIMD copy of a 5600-expression function"
    );
    assert_eq!(
        out.code.matches("Array::join(x,").count(),
        1,
        "one stream for `x`"
    );
}

#[test]
fn huge_loop_bodies_are_not_copied() {
    // Each proven copy of a loop doubles it and every loop inside: an 800-term array
    // expression three loops deep was 21 times its code outside loops.
    let chain = join("a", " + ", 800);
    let head = "#pythran export g(float64[:,:], int)\ndef g(a, times):\n";
    let flat = format!("{head}    a[0, 0] = ({chain})[0, 1]\n    return a\n");
    let nested = format!(
        "{head}    for t in range(times):\n        for i in range(a.shape[0]):\n            \
         for j in range(1, a.shape[1]):\n                a[i, j] = ({chain})[i, j - 1]\n    \
         return a\n"
    );
    let (f, n) = (code_size(&flat), code_size(&nested));
    assert!(n < 5 * f, "{n} vs {f}");
}

#[test]
fn generated_code_of_deep_inputs_compiles() {
    let wanted = [
        "conditional_1000",
        "compare_3000",
        "compare_mixed_3000",
        "and_20000",
        "minus_2988",
        "add_2989",
        "pow_2981",
        "elif_2988",
        "comprehension_2987",
        "min_5000",
        "nested_list_16",
        "array_add_600",
        "array_neg_600",
    ];
    let mut files = Vec::new();
    for (name, src) in accepted() {
        if wanted.contains(&name) {
            let out = translate(&src, &format!("{name}.py"), &Config::new()).expect("translates");
            files.push((name.to_owned(), out.code));
        }
    }
    assert_eq!(files.len(), wanted.len());
    if let Err(e) = common::check_generated("deep-inputs", &files) {
        panic!("generated Rust failed to compile:\n{e}");
    }
}
