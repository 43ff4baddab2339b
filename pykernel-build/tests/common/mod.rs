//! Helpers shared by the integration tests.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A small deterministic xorshift generator (no dependencies).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`0` when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `xs`.
    #[allow(dead_code)]
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// Type-checks generated Rust files, `(module name, code)`, as modules of one scratch
/// crate (`target/tmp/<scratch>`) that depends on the runtime with its `pyo3` feature,
/// so that the Python glue is checked too. Returns cargo's errors.
#[allow(dead_code)]
pub fn check_generated(scratch: &str, files: &[(String, String)]) -> Result<(), String> {
    check_generated_warnings(scratch, files).map(|_| ())
}

/// [`check_generated`], returning rustc's warnings (empty when there are none).
#[allow(dead_code)]
pub fn check_generated_warnings(
    scratch: &str,
    files: &[(String, String)],
) -> Result<String, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(scratch);
    let src = dir.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).map_err(|e| e.to_string())?;
    let mut lib = String::from("#![allow(dead_code, unused)]\n");
    for (name, code) in files {
        std::fs::write(src.join(format!("{name}.rs")), code).map_err(|e| e.to_string())?;
        let _ = writeln!(lib, "mod {name} {{ include!(\"{name}.rs\"); }}");
    }
    std::fs::write(src.join("lib.rs"), lib).map_err(|e| e.to_string())?;
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pykernel");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"accepted-compiles\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
             [dependencies]\npykernel = {{ path = {:?}, features = [\"pyo3\"] }}\n",
            runtime.to_string_lossy()
        ),
    )
    .map_err(|e| e.to_string())?;
    // One target dir for every scratch crate: the runtime and pyo3 are built once.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/accepted-compiles");
    let out = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stderr).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}
