//! Regression tests for what `scripts/fuzz-translator.sh` found, one per finding, with
//! the fuzzer's input reduced to its essence.

use pykernel_build::{Config, translate};

fn refused(src: &str) -> pykernel_build::Diagnostics {
    match translate(src, "finding.py", &Config::new()) {
        Ok(_) => panic!("accepted:\n{src}"),
        Err(d) => d,
    }
}

/// Seed 2, input 7726 (2.8 s): `as_array((p < p < ... < p), (n,))` with 3,100 pointer
/// operands gave one error per comparison, each rendering the 16 KB line (48 MB of
/// output). A chain is one mistake: one error; and the same message on one line is
/// shown once.
#[test]
fn a_long_line_of_one_mistake_is_one_error() {
    let chain = vec!["p"; 3100].join(" < ");
    let src =
        format!("#pythran export capsule f(float64*, int)\ndef f(p, n):\n    return {chain}\n");
    let d = refused(&src);
    assert_eq!(d.items.len(), 1, "{:?}", d.items);
    let list = vec!["p < p"; 3000].join(", ");
    let src = format!(
        "#pythran export capsule f(float64*, int)\ndef f(p, n):\n    a = [{list}]\n    return 0.0\n"
    );
    let d = refused(&src);
    assert_eq!(d.items.len(), 3000);
    let shown = d.render();
    assert_eq!(shown.matches("error[PK0301]").count(), 1, "{shown}");
    // The line once, and little else.
    assert!(shown.len() < 2 * list.len(), "{} bytes", shown.len());
}

/// Seed 2, inputs 6012 and 45874 (rustc E0369 "cannot subtract `View1<f64>` from
/// `View1<f64>`"): `v[:] = -v` with its `=` deleted left `v[:] - v` as a statement, an
/// array temporary with nowhere to go, and the emitter wrote `View1 - View1`. The same for
/// a conditional choosing between two temporaries. They are errors (PK0309) now.
#[test]
fn array_temporaries_outside_slice_assignments_are_errors() {
    let head = "import numpy as np\n#pythran export capsule f(float64*, int)\ndef f(p, n):\n    v = np.ctypeslib.as_array(p, (n,))\n";
    for body in [
        "    v[:]  -v\n",
        "    v[:] * v * v\n",
        "    -v\n",
        "    v[:] = (v - v) if n > 0 else (v + v)\n",
    ] {
        let d = refused(&format!("{head}{body}    return 0.0\n"));
        let shown = d.render();
        assert!(shown.contains("error[PK0309]"), "{body}: {shown}");
        assert!(shown.contains("finding.py:5:"), "{body}: {shown}");
    }
    // What is supported stays so.
    let ok = format!(
        "{head}    v[:] = (v - v) * 2.0\n    v[:] = v if n > 0 else v[::-1]\n    return 0.0\n"
    );
    assert!(translate(&ok, "ok.py", &Config::new()).is_ok());
}

/// Seed 9, input 463195 (rustc: `f64 + Array`): `[a for _ in range(2)][1] += ...`, an
/// in-place operation on an array held in a list, was emitted as a scalar one. Refused
/// at the statement; naming the element first works.
#[test]
fn augmented_assignment_to_an_array_in_a_list_is_refused() {
    let head = "import numpy as np\n#pykernel export f(float64[:])\ndef f(a):\n";
    for body in [
        "    arrays = [a, a]\n    arrays[1] += np.exp(a)\n",
        "    [a for _ in range(2)][1] *= 2.0\n",
    ] {
        let shown = refused(&format!("{head}{body}    return a\n")).render();
        assert!(shown.contains("error[PK0202]"), "{body}: {shown}");
        assert!(shown.contains("held in a list"), "{body}: {shown}");
    }
    let ok =
        format!("{head}    arrays = [a, a]\n    b = arrays[1]\n    b += np.exp(a)\n    return a\n");
    assert!(translate(&ok, "ok.py", &Config::new()).is_ok());
}

mod common;

/// Findings about generated Rust that did not compile, compiled together (one
/// `cargo check`).
#[test]
fn generated_code_of_past_findings_compiles() {
    let kernels = [
        // Seed 7, input 356247 (panic "index out of bounds" in emit/lists.rs): `list()`
        // without an argument, an empty list, was emitted as `list(args[0])`.
        (
            "empty_list_call",
            "#pykernel export empty_lists(int)\ndef empty_lists(n):\n    a = list()\n    \
             a.append(n)\n    b = list()\n    return a, len(b), len(list()) + sum(list())\n",
        ),
        // Found with the one above: `sum` of a list whose items have no type (`sum([])`)
        // added `()`s.
        (
            "sum_of_untyped_list",
            "#pykernel export g(int)\ndef g(n):\n    return sum([]) + n + sum([], 2.5) + len([]) \
             + any([]) + all(list())\n",
        ),
        // Seed 3, input 3845 (rustc E0282 "cannot infer type of the type parameter `E`"):
        // a helper returning nothing, its `None` returned in a tuple: the Python glue
        // converted it with an untyped `Ok(..)?`.
        (
            "none_in_tuple",
            "import numpy as np\n\ndef _make(n, v):\n    a = np.full(n, v)\n\n\
             #pykernel export helpers_make(int)\ndef helpers_make(n):\n    a = _make(n, 1.5)\n    \
             m = np.zeros((n, n + 1))\n    return a, m\n",
        ),
        // Seed 7, input 215544 (rustc E0308 "expected `List<u32>`, found `List<i64>`"): a
        // helper storing items of a `uint32` list and an `int` list into each other.
        (
            "swap_uint32_int",
            "def swap_ends(a, b):\n    t = a[0]\n    a[0] = b[-1]\n    b[-1] = t\n\n\
             #pykernel export f(uint32)\ndef f(n):\n    b = [n, 2, 3]\n    c = [7, 8]\n    \
             swap_ends(b, c)\n    swap_ends(c, c)\n    return b, c\n",
        ),
        // Seed 7, input 470470 (rustc E0308 "expected `List<Complex<f64>>`, found
        // `List<i64>`"): a helper appending complex numbers to an int list; also into an
        // export's list argument, a row of a list of lists and a tuple's list.
        (
            "append_complex",
            "def add_into(dst, src):\n    for i in range(len(src)):\n        \
             dst.append(src[i] * 3j)\n\n\
             def put(pair):\n    xs, k = pair\n    xs.append(k * 0.5)\n\n\
             #pykernel export f(int, int list, uint8)\ndef f(n, a, k):\n    b = [1, 2]\n    \
             c = [n]\n    add_into(b, c)\n    add_into(c, c)\n    d = [k, k]\n    \
             add_into(a, d)\n    m = [[1], [n]]\n    add_into(m[1], m[0])\n    \
             put((m[0], n))\n    return b, c, d, m\n",
        ),
    ];
    let mut files = Vec::new();
    for (name, src) in kernels {
        match translate(src, &format!("{name}.py"), &Config::new()) {
            Ok(out) => files.push((name.to_owned(), out.code)),
            Err(d) => panic!("{name} refused:\n{}", d.render()),
        }
    }
    if let Err(e) = common::check_generated("fuzz-findings", &files) {
        panic!("generated Rust failed to compile:\n{e}");
    }
}

/// Seed 7, input 475146 (rustc warning "identifier contains a non normalized (NFKC)
/// character: 'ﬁ'"): CPython takes identifiers in their NFKC form (`totalﬁ` is
/// `totalfi`, `µ` is `μ`, `math.ﬂoor` is `math.floor`, keyword arguments and export
/// names too); the translator kept them as written, so two spellings were two names,
/// and Rust warned about them in the user's crate. Names are normalized now, and the
/// Rust spells non-ASCII ones in ASCII: rustc's lints about uncommon or look-alike
/// identifiers (`х` and `x`) work on the whole crate and no attribute in the generated
/// code could silence them. (`Ｔrue` is the name `True`: the builtin constant, or a
/// local variable where the function assigns it.)
#[test]
fn identifiers_are_taken_in_their_nfkc_form() {
    let src = "import math\n\n\
               def ﬁx(x, ﬁrst=1.0):\n    return x + first\n\n\
               #pykernel export ﬁx_all(float list)\ndef fix_all(xs):\n    totalﬁ = 0.0\n    \
               for x in xs:\n        totalfi += ﬁx(x, first=0.5)\n    µ = 2.0\n    \
               ℌ = fix(μ) + ﬁx(µ, ﬁrst=-1.0)\n    х = H * 2\n    x = х + 1\n    \
               ǅ = [х]\n    ǅ.append(x)\n    Ｎone = Ｔrue or Ｆalse\n    \
               return totalﬁ * μ, math.ﬂoor(totalfi), H, len(Dž), ǅ, None\n\n\
               #pythran export capsule ℘(float64*, int32)\ndef ℘(p, n):\n    return p[0] * n\n";
    let out = match translate(src, "nfkc.py", &Config::new()) {
        Ok(out) => out,
        Err(d) => panic!("refused:\n{}", d.render()),
    };
    // Python sees the normalized names.
    assert!(out.code.contains("\"fix_all\""), "{}", out.code);
    // Rust sees ASCII identifiers only.
    fn idents(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for t in ts {
            match t {
                proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
                proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                _ => {}
            }
        }
    }
    let mut names = Vec::new();
    idents(out.code.parse().expect("Rust tokens"), &mut names);
    assert!(names.iter().any(|n| n == "fix_all"), "{names:?}");
    let odd: Vec<_> = names.iter().filter(|n| !n.is_ascii()).collect();
    assert!(odd.is_empty(), "{odd:?}");
    let files = [("nfkc".to_owned(), out.code)];
    match common::check_generated_warnings("fuzz-findings-nfkc", &files) {
        Ok(warnings) => assert!(!warnings.contains("warning"), "{warnings}"),
        Err(e) => panic!("generated Rust failed to compile:\n{e}"),
    }
    // A name CPython does not know stays an error, in either spelling.
    let d = refused("#pykernel export g(int)\ndef g(n):\n    ﬁ = n\n    return ﬁ + fj\n");
    assert!(d.render().contains("fj"), "{}", d.render());
}

/// Seed 11, input 19276 (rustc E0599 "`equals` ... trait bounds were not satisfied"):
/// `np.array_split(a, k) == np.hsplit(a, k)` compared two lists of arrays, which the
/// emitter wrote as a list equality its arrays cannot provide. Python compares the items
/// with NumPy's `==` and then raises on the array's truth value: an error (PK0343) for
/// lists and tuples that hold arrays; lists and tuples of numbers still compare.
#[test]
fn containers_of_arrays_are_not_compared_with_eq() {
    for cmp in [
        "np.split(a, 2) == np.hsplit(a, 2)",
        "[a] != [a]",
        "(a, 1) == (a, 1)",
        "[(a, 1)] == [(a, 2)]",
    ] {
        let src = format!(
            "import numpy as np\n#pythran export f(float64[:])\ndef f(a):\n    return {cmp}\n"
        );
        let d = refused(&src);
        assert!(
            d.render().contains("error[PK0343]"),
            "{cmp}: {}",
            d.render()
        );
    }
    let src = "#pythran export f(int)\ndef f(n):\n    return [n] == [1.0], (n, 2) != (1, n)\n";
    assert!(translate(src, "finding.py", &Config::new()).is_ok());
}

/// The CI run of seed 1 (11 panics, "index out of bounds: the len is 2 but the index
/// is 2"): `np.array_equiv`, which has no `equal_nan`, read a third argument slot after
/// its arguments were bound by the shared helper. Every binding form translates.
#[test]
fn array_equiv_has_two_parameters() {
    for call in [
        "np.array_equiv(a, a)",
        "np.array_equiv(a, a[::-1])",
        "np.array_equal(a, a, equal_nan=True)",
    ] {
        let src = format!(
            "import numpy as np\n#pythran export f(float64[:])\ndef f(a):\n    return {call}\n"
        );
        assert!(
            translate(&src, "finding.py", &Config::new()).is_ok(),
            "{call}"
        );
    }
    for call in [
        "np.array_equiv(a, a, True)",
        "np.array_equiv(a, a, equal_nan=True)",
    ] {
        let src = format!(
            "import numpy as np\n#pythran export f(float64[:])\ndef f(a):\n    return {call}\n"
        );
        assert!(refused(&src).render().contains("error["), "{call}");
    }
}
