//! The translator never panics, whatever the input: garbled copies of real kernels,
//! truncations at every position, and random bytes all give `Ok` or diagnostics.

use pykernel_build::{Config, translate};

const SEED: &str = include_str!("golden/ok/seed_testlib.py");

mod common;
use common::Rng;

fn run(src: &str) {
    // Rendering must not panic either.
    match translate(src, "fuzz.py", &Config::new()) {
        Ok(o) => {
            let _ = o.warnings.render();
        }
        Err(d) => {
            let _ = d.render();
        }
    }
}

#[test]
fn truncations_never_panic() {
    let chars: Vec<(usize, char)> = SEED.char_indices().collect();
    for (i, _) in chars.iter().step_by(3) {
        run(&SEED[..*i]);
    }
}

#[test]
fn mutations_never_panic() {
    let pieces = [
        "(",
        ")",
        "[",
        "]",
        ":",
        ",",
        "*",
        "#pythran export ",
        "capsule ",
        "float64",
        "int32*",
        "-",
        "//",
        "%",
        "**",
        "\n",
        "    ",
        "return ",
        "for i in range(",
        "as_array(",
        "x[",
        "]",
        "= ",
        "if ",
        "else:",
        "1e308",
        "9999999999999999999999",
        "lambda",
        "\"s\"",
        "void*",
        "or ",
        "?",
        "[:,:]",
        "while ",
        "break",
        "é",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let mut s: Vec<char> = SEED.chars().collect();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(s.len() + 1);
            match rng.below(3) {
                0 if at < s.len() => {
                    let n = rng.below(8).min(s.len() - at);
                    s.drain(at..at + n);
                }
                _ => {
                    let p = pieces[rng.below(pieces.len())];
                    for (k, c) in p.chars().enumerate() {
                        s.insert(at + k, c);
                    }
                }
            }
        }
        run(&s.iter().collect::<String>());
    }
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(42);
    let alphabet: Vec<char> = "abcxyz019 ()[]:,.*#=+-/%<>\n\t\"'épythranexportcapsule"
        .chars()
        .collect();
    for _ in 0..300 {
        let n = rng.below(200);
        let s: String = (0..n)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        run(&s);
    }
}
