//! Tests of [`collect`] on wrong and garbled input: every error, its span and its
//! message, and no panic whatever the input.

use super::tests::{covered, err1, errs};
use super::*;
use crate::diagnostics::Diagnostics;

#[test]
fn every_error_with_its_span() {
    let cases: &[(&str, &str, &str)] = &[
        ("#pythran export f(double)", "PK0101", "double"),
        ("#pythran export f(int, flot64[:])", "PK0101", "flot64"),
        ("#pythran export f(str)", "PK0101", "str"),
        ("#pythran export f(float128)", "PK0102", "float128"),
        ("#pythran export f(int) garbage", "PK0103", "garbage"),
        ("#pythran export f(int));", "PK0103", ");"),
        ("#pythran export f(int) # a note", "PK0103", "# a note"),
        ("#pythran export f(int) g(float)", "PK0103", "g(float)"),
        ("#pythran export (int)", "PK0104", "("),
        ("#pythran export 3f(int)", "PK0104", "3"),
        ("#pythran export capsule", "PK0104", ""),
        ("#pythran export f(int),", "PK0104", ""),
        ("#pythran export f int", "PK0105", "int"),
        ("#pythran export f", "PK0105", "f"),
        ("#pythran export f(int,\nx = 1\n", "PK0106", "("),
        ("#pythran export f(int, (float,\n", "PK0106", "("),
        ("#pythran export f(int,,float)", "PK0107", ","),
        ("#pythran export f(int,)", "PK0107", ")"),
        ("#pythran export f(list)", "PK0107", "list"),
        ("#pythran export f(int or)", "PK0107", ")"),
        ("#pythran export f(?)", "PK0107", "?"),
        ("#pythran export f(int[:;])", "PK0108", ";"),
        ("#pythran export f(int[:,:] order F)", "PK0108", "F"),
        ("#pythran export f(int[:,:] order(F)", "PK0106", "("),
        ("#pythran export f(int:float)", "PK0108", ")"),
        ("#pythran export f(int float)", "PK0108", "float"),
        ("#pythran export f(int dict)", "PK0108", "dict"),
        ("#pythran export f((int float))", "PK0108", "float"),
        ("#pythran export f(void)", "PK0109", "void"),
        ("#pythran export f(int list*)", "PK0110", "int list*"),
        ("#pythran export f(void**)", "PK0110", "void**"),
        ("#pythran export f(float64[:] *)", "PK0110", "float64[:] *"),
        ("#pythran export f(int list[:])", "PK0111", "int list"),
        ("#pythran export f(None[:])", "PK0111", "None"),
        ("#pythran export f(float64[:,:] order(X))", "PK0112", "X"),
        ("#pythran export f(float64[:,:] order())", "PK0112", ")"),
        (
            "#pythran export f(float64[:] order(F))",
            "PK0113",
            "float64[:] order(F)",
        ),
        ("#pythran export f(int order(F))", "PK0113", "int order(F)"),
        ("#pythran export capsule f(int or float)", "PK0114", "or"),
        ("#pythran export capsule f(int, float?)", "PK0114", "?"),
        ("#pythran export f(int?, float)", "PK0115", "int?"),
        ("#pythran export", "PK0116", "#pythran export"),
        ("  # pykernel export   ", "PK0116", "# pykernel export"),
        ("#pythran export f((int?, float))", "PK0117", "?"),
        (
            "#pythran export f(float64[99999999999999999999999])",
            "PK0118",
            "99999999999999999999999",
        ),
    ];
    for (src, code, text) in cases {
        let d = err1(src);
        assert_eq!(
            (d.message.code, covered(src, d.span)),
            (Some(*code), *text),
            "{src}"
        );
        assert!(d.is_error());
        // Only a complete clause before the error is exported.
        if *code != "PK0103" && !src.ends_with("),") {
            assert!(collect(src).0.is_empty(), "{src}");
        }
    }
}

#[test]
fn suggestions_in_hints() {
    let hint = |src: &str| err1(src).message.hint.unwrap_or_default();
    assert!(hint("#pythran export f(double)").contains("`float64`"));
    assert!(hint("#pythran export f(long)").contains("`int64`"));
    assert!(hint("#pythran export f(flot64)").contains("`float64`"));
    assert!(hint("#pythran export f(in32[:])").contains("`int32`"));
    assert!(hint("#pythran export capsule f(int or float)").contains("function pointer"));
    let m = err1("#pythran export f(double)").message;
    assert!(m.text.contains("`double`"), "{}", m.text);
}

#[test]
fn limits_are_errors_not_crashes() {
    let deep = format!(
        "#pythran export f({}int{})",
        "(".repeat(200),
        ")".repeat(200)
    );
    assert_eq!(err1(&deep).message.code, Some("PK0120"));
    let deep_dict = format!(
        "#pythran export f({}int{})",
        "int:".repeat(200),
        " dict".repeat(200)
    );
    assert_eq!(err1(&deep_dict).message.code, Some("PK0120"));
    let many = ["int or float"; 11].join(", ");
    let src = format!("#pythran export f({many})");
    let d = err1(&src);
    assert_eq!(d.message.code, Some("PK0119"));
    assert!(covered(&src, d.span).starts_with("f("));
    let wide = format!("#pythran export f(({}))", ["int or float"; 11].join(", "));
    assert_eq!(err1(&wide).message.code, Some("PK0119"));
    let ten = ["int or float"; 10].join(", ");
    assert_eq!(collect(&format!("#pythran export f({ten})")).0.len(), 1024);
}

#[test]
fn all_errors_are_collected() {
    let src = "#pythran export f(double)\n#pythran export ok(int)\n#pythran export g(int) junk\n\
               #pythran export h(long, unsigned int, (char, short))\n#pythran export k(int)\n";
    let (exports, _) = collect(src);
    let names: Vec<_> = exports.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["ok", "g", "k"]);
    let found = errs(src);
    let texts: Vec<_> = found.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        vec!["double", "junk", "long", "unsigned", "char", "short"]
    );
    // A syntax error in one argument does not hide errors in the next ones.
    let src = "#pythran export f(int[:;], double, (int, ], float), flot)";
    let texts: Vec<_> = errs(src).into_iter().map(|(_, t)| t).collect();
    assert_eq!(texts, vec![";", "double", "]", "flot"]);
    // An error in one clause does not stop the next clause.
    let src = "#pythran export a(double), b(int)";
    assert_eq!(collect(src).0.len(), 1);
    assert_eq!(errs(src).len(), 1);
}

#[test]
fn errors_render_with_line_and_column() {
    let src = "x = 1\n#pythran export f(int, doubel[:])\n#pythran export capsule\n";
    let (_, diags) = collect(src);
    let mut ds = Diagnostics::new("k.py", src);
    ds.extend(diags);
    let out = ds.render();
    assert!(out.contains("k.py:2:24"), "{out}");
    assert!(out.contains("did you mean `float64`?"), "{out}");
    assert!(out.contains("k.py:3:24"), "{out}");
}

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

const FRAGMENTS: &[&str] = &[
    "#pythran export ",
    "#pykernel export",
    "capsule ",
    "f",
    "g",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "::",
    "*",
    "?",
    " or ",
    " list",
    " set",
    " dict",
    "int",
    "float64",
    "void",
    "None",
    " order(F)",
    "order",
    "(C)",
    "\n",
    "\n#",
    "\n# ",
    "'''",
    "\"",
    "é",
    "3",
    " ",
    "#",
    "x",
    "\\",
    "99999999999999999999999",
    "double",
    "\r\n",
    "\t",
    "😀",
    "()",
    "int:float dict",
];

fn check(src: &str) {
    let (exports, diags) = collect(src);
    for d in &diags {
        assert!(
            src.get(d.span.start..d.span.end).is_some(),
            "bad span {:?} in {src:?}",
            d.span
        );
        assert!(d.message.code.is_some_and(|c| c.starts_with("PK01")));
    }
    for e in &exports {
        for s in std::iter::once(e.span).chain(std::iter::once(e.name_span)) {
            assert!(
                src.get(s.start..s.end).is_some(),
                "bad span {s:?} in {src:?}"
            );
        }
        for a in &e.args {
            assert!(src.get(a.span.start..a.span.end).is_some());
            // Every type prints to something that parses back to itself.
            let again = format!("#pythran export f({})", a.ty);
            let (back, errs) = collect(&again);
            assert!(errs.is_empty(), "{again}: {errs:?}");
            assert_eq!(
                back.first().and_then(|b| b.args.first()).map(|b| &b.ty),
                Some(&a.ty)
            );
        }
    }
    let mut ds = Diagnostics::new("fuzz.py", src);
    ds.extend(diags);
    let _ = ds.render();
}

#[test]
fn garbled_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..600 {
        let n = rng.below(40);
        let mut src = String::new();
        if rng.below(2) == 0 {
            src.push_str("#pythran export ");
        }
        for _ in 0..n {
            src.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
        check(&src);
    }
    for _ in 0..300 {
        let n = rng.below(60);
        let mut bytes = b"#pythran export f(".to_vec();
        bytes.extend((0..n).map(|_| (rng.next() >> 56) as u8));
        check(&String::from_utf8_lossy(&bytes));
    }
    // Mutations of valid lines: drop or duplicate one character.
    let valid = "#pythran export capsule f(int32, float64[:,::] order(F), (int, None) list, int:float dict?)";
    let chars: Vec<char> = valid.chars().collect();
    for i in 0..chars.len() {
        let dropped: String = chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| c)
            .collect();
        check(&dropped);
        let doubled: String = chars
            .iter()
            .enumerate()
            .flat_map(|(j, c)| if j == i { vec![*c, *c] } else { vec![*c] })
            .collect();
        check(&doubled);
    }
}
