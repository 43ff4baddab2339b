//! A failed `cargo build` of a crate whose kernel has an error, with `RUST_BACKTRACE=1`:
//! the documented build.rs (`fn main() -> Result<(), pykernel_build::Error>`) ends it with
//! the diagnostics alone, no panic line and no backtrace (issue 13). The `.unwrap()`
//! form, which still works, is the control: it does print both.
//!
//! The crates build in `<repository>/target/examples` with the lock file of
//! `examples/pure-rust`, so that pykernel-build and its dependencies compiled there by
//! scripts/test.sh are reused (a cold debug build of them otherwise, about a minute).

use std::path::{Path, PathBuf};
use std::process::Command;

const KERNEL: &str = "\
import math

#pythran export f(float)
def f(x):
    return math.sqr(x)
";

/// Builds a crate with this build.rs and `KERNEL` as `kernels/k.py`, with
/// `RUST_BACKTRACE=1`; returns (success, stderr).
fn failing_build(name: &str, build_rs: &str) -> (bool, String) {
    let pkbuild = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = pkbuild.parent().unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("kernels")).unwrap();
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
             [workspace]\n\n[build-dependencies]\npykernel-build = {{ path = \"{}\" }}\n",
            pkbuild.display()
        ),
    )
    .unwrap();
    std::fs::copy(
        repo.join("examples/pure-rust/Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
    std::fs::write(dir.join("build.rs"), build_rs).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "").unwrap();
    std::fs::write(dir.join("kernels/k.py"), KERNEL).unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo.join("target/examples"))
        .env("CARGO_BUILD_JOBS", "2")
        .env("CARGO_TERM_COLOR", "never")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run cargo");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn failed_build_shows_the_diagnostic_without_panic_or_backtrace() {
    let (ok, err) = failing_build(
        "pk_failing_build_result",
        "fn main() -> Result<(), pykernel_build::Error> {\n    \
         pykernel_build::compile(&[\"kernels/k.py\"])\n}\n",
    );
    assert!(!ok, "the build succeeded:\n{err}");
    assert!(
        err.contains("error[PK0218]: module `math` has no attribute `sqr`"),
        "{err}"
    );
    assert!(err.contains("--> kernels/k.py:5:12"), "{err}");
    assert!(err.contains("help: did you mean `math.sqrt`?"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("stack backtrace"), "{err}");

    // The control: `.unwrap()` reports the same, wrapped in a panic and a backtrace.
    let (ok, err) = failing_build(
        "pk_failing_build_unwrap",
        "fn main() {\n    pykernel_build::compile(&[\"kernels/k.py\"]).unwrap();\n}\n",
    );
    assert!(!ok, "the build succeeded:\n{err}");
    assert!(err.contains("--> kernels/k.py:5:12"), "{err}");
    assert!(err.contains("panicked"), "{err}");
    assert!(err.contains("stack backtrace"), "{err}");
}
