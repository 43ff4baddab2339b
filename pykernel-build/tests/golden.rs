//! Golden tests: `golden/ok/*.py` → expected generated Rust (`.rs`) and warnings
//! (`.stderr`, when any); `golden/errors/*.py` → expected rendered diagnostics (`.stderr`).
//!
//! Rewrite the expectations with `PYKERNEL_BLESS=1 cargo test -p pykernel-build --test golden`
//! and review the diff.

use std::path::{Path, PathBuf};

use pykernel_build::{Config, translate};

fn bless() -> bool {
    std::env::var_os("PYKERNEL_BLESS").is_some()
}

fn kernels(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

/// Compares `actual` with the file `expected`, or rewrites it when blessing.
fn check(expected: &Path, actual: &str, failures: &mut Vec<String>) {
    if bless() {
        if actual.is_empty() {
            let _ = std::fs::remove_file(expected);
        } else {
            std::fs::write(expected, actual).expect("write golden");
        }
        return;
    }
    let want = std::fs::read_to_string(expected).unwrap_or_default();
    if want != actual {
        failures.push(format!(
            "{} differs (PYKERNEL_BLESS=1 to rewrite)\n--- expected\n{want}\n--- actual\n{actual}",
            expected.display()
        ));
    }
}

fn shown(path: &Path) -> String {
    format!(
        "golden/{}",
        path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden"))
            .unwrap_or(path)
            .display()
    )
}

#[test]
fn accepted_kernels_generate_the_expected_rust() {
    let mut failures = Vec::new();
    for path in kernels("ok") {
        let source = std::fs::read_to_string(&path).expect("read kernel");
        match translate(&source, &shown(&path), &Config::new()) {
            Ok(out) => {
                check(&path.with_extension("rs"), &out.code, &mut failures);
                check(
                    &path.with_extension("stderr"),
                    &out.warnings.render(),
                    &mut failures,
                );
            }
            Err(d) => failures.push(format!("{} was rejected:\n{d}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn rejected_kernels_give_the_expected_diagnostics() {
    let mut failures = Vec::new();
    for path in kernels("errors") {
        let source = std::fs::read_to_string(&path).expect("read kernel");
        match translate(&source, &shown(&path), &Config::new()) {
            Ok(_) => failures.push(format!("{} was accepted but must fail", path.display())),
            Err(d) => {
                let text = d.render();
                // Every report points at a place: path:line:col.
                assert!(text.contains(&format!("{}:", shown(&path))), "{text}");
                check(&path.with_extension("stderr"), &text, &mut failures);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
