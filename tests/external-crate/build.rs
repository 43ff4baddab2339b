//! Translates the programs listed by `scripts/external_suites.py` and writes
//! `$OUT_DIR/external_mods.rs`: one Rust module per program that translates, and
//! `register_all`, which makes one Python submodule per program.
//!
//! A program the translator refuses does not break the build of the others: it is left
//! out, and its diagnostics go to a JSON report the driver reads and shows per program.
//!
//! Environment (set by the driver):
//! - `PYKERNEL_EXTERNAL_LIST`: a file with one program per line, `module<TAB>path`
//!   (`module` a Rust/Python identifier, `path` the kernel file). Unset: no programs.
//! - `PYKERNEL_EXTERNAL_REPORT`: where to write the report (default
//!   `$OUT_DIR/translation.json`).

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// One listed program and what the translator said about it.
struct Program {
    module: String,
    path: String,
    outcome: Outcome,
}

enum Outcome {
    /// Translated: the generated file (in `$OUT_DIR/pykernel/`).
    Translated { generated: PathBuf },
    /// Refused: the file's diagnostics (one line each, and rendered rustc-style).
    Refused {
        diagnostics: Vec<Diag>,
        rendered: String,
    },
    /// The translator could not read the file, or panicked (a pykernel bug).
    Failed { message: String },
}

struct Diag {
    severity: &'static str,
    code: String,
    line: usize,
    col: usize,
    message: String,
    short: String,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PYKERNEL_EXTERNAL_LIST");
    println!("cargo:rerun-if-env-changed=PYKERNEL_EXTERNAL_REPORT");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let listed = match std::env::var("PYKERNEL_EXTERNAL_LIST") {
        Ok(list) if !list.is_empty() => {
            println!("cargo:rerun-if-changed={list}");
            let text = std::fs::read_to_string(&list)
                .unwrap_or_else(|e| panic!("cannot read PYKERNEL_EXTERNAL_LIST={list}: {e}"));
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let (module, path) = l
                        .split_once('\t')
                        .unwrap_or_else(|| panic!("bad line in {list}: {l:?}"));
                    (module.to_owned(), path.to_owned())
                })
                .collect()
        }
        _ => Vec::new(),
    };

    let mut config = pykernel_build::Config::new();
    config.cargo_directives(false);
    let programs: Vec<Program> = listed
        .into_iter()
        .map(|(module, path)| {
            println!("cargo:rerun-if-changed={path}");
            let outcome = translate(&config, &path, &out_dir);
            Program {
                module,
                path,
                outcome,
            }
        })
        .collect();

    let report = std::env::var("PYKERNEL_EXTERNAL_REPORT")
        .ok()
        .filter(|s| !s.is_empty())
        .map_or_else(|| out_dir.join("translation.json"), PathBuf::from);
    std::fs::write(&report, report_json(&programs, &out_dir))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", report.display()));
    std::fs::write(out_dir.join("external_mods.rs"), modules_rs(&programs)).unwrap();
}

/// Translates one file on its own (`Config::compile` of that file alone), so that its
/// errors, or a translator panic, concern it only.
fn translate(config: &pykernel_build::Config, path: &str, out_dir: &Path) -> Outcome {
    match catch_unwind(AssertUnwindSafe(|| config.compile(&[path]))) {
        Ok(Ok(())) => match generated_file(out_dir, path) {
            Some(generated) => Outcome::Translated { generated },
            None => Outcome::Failed {
                message: format!("translated, but {path} is missing from the manifest"),
            },
        },
        Ok(Err(pykernel_build::Error::Kernel(files))) => {
            let mut diagnostics = Vec::new();
            let mut rendered = String::new();
            for d in &files {
                rendered.push_str(&d.render());
                for item in &d.items {
                    let (line, col) = d.line_col(item.span.start);
                    diagnostics.push(Diag {
                        severity: if item.is_error() { "error" } else { "warning" },
                        code: item.message.code.unwrap_or("").to_owned(),
                        line,
                        col,
                        message: item.message.text.clone(),
                        short: d.short(item),
                    });
                }
            }
            // Errors first, each in source order.
            diagnostics.sort_by_key(|d| (d.severity != "error", d.line, d.col));
            Outcome::Refused {
                diagnostics,
                rendered,
            }
        }
        Ok(Err(err)) => Outcome::Failed {
            message: err.to_string(),
        },
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Outcome::Failed {
                message: format!("the translator panicked (a pykernel bug): {what}"),
            }
        }
    }
}

/// The generated file of `path`, from the manifest `include_kernel!` reads.
fn generated_file(out_dir: &Path, path: &str) -> Option<PathBuf> {
    let dir = out_dir.join("pykernel");
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).ok()?;
    manifest
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .find(|(given, _)| *given == path)
        .map(|(_, file)| dir.join(file))
}

/// `pub mod <module> { include_kernel!(..) }` per translated program, one line each (the
/// driver attributes rustc errors in this file to a program by its line), and
/// `register_all`.
fn modules_rs(programs: &[Program]) -> String {
    let ok: Vec<&Program> = programs
        .iter()
        .filter(|p| matches!(p.outcome, Outcome::Translated { .. }))
        .collect();
    let mut out = String::from("// @generated by tests/external-crate/build.rs\n\n");
    for p in &ok {
        writeln!(
            out,
            "pub mod {m} {{ pykernel::include_kernel!({path:?}); }}",
            m = p.module,
            path = p.path
        )
        .unwrap();
    }
    out.push_str(
        "\n/// Adds one submodule per translated program to `m`.\n\
         pub fn register_all(m: &::pyo3::Bound<'_, ::pyo3::types::PyModule>) -> ::pyo3::PyResult<()> {\n\
         \x20   use ::pyo3::types::PyModuleMethods as _;\n",
    );
    for p in &ok {
        writeln!(
            out,
            "    {{ let sub = ::pyo3::types::PyModule::new(m.py(), \"{m}\")?; {m}::register(&sub)?; m.add_submodule(&sub)?; }}",
            m = p.module
        )
        .unwrap();
    }
    out.push_str("    Ok(())\n}\n\n/// The programs compiled into this module.\npub const PROGRAMS: &[&str] = &[");
    for p in &ok {
        write!(out, "\"{}\", ", p.module).unwrap();
    }
    out.push_str("];\n");
    out
}

fn report_json(programs: &[Program], out_dir: &Path) -> String {
    let mut out = String::from("{\n");
    writeln!(
        out,
        "  \"out_dir\": {},",
        json_str(&out_dir.to_string_lossy())
    )
    .unwrap();
    out.push_str("  \"programs\": [");
    for (i, p) in programs.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        write!(
            out,
            "    {{\"module\": {}, \"path\": {}, ",
            json_str(&p.module),
            json_str(&p.path)
        )
        .unwrap();
        match &p.outcome {
            Outcome::Translated { generated } => write!(
                out,
                "\"status\": \"translated\", \"generated\": {}}}",
                json_str(&generated.to_string_lossy())
            )
            .unwrap(),
            Outcome::Refused {
                diagnostics,
                rendered,
            } => {
                out.push_str("\"status\": \"refused\", \"diagnostics\": [");
                for (j, d) in diagnostics.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    write!(
                        out,
                        "{{\"severity\": {}, \"code\": {}, \"line\": {}, \"col\": {}, \"message\": {}, \"short\": {}}}",
                        json_str(d.severity),
                        json_str(&d.code),
                        d.line,
                        d.col,
                        json_str(&d.message),
                        json_str(&d.short)
                    )
                    .unwrap();
                }
                write!(out, "], \"rendered\": {}}}", json_str(rendered)).unwrap();
            }
            Outcome::Failed { message } => write!(
                out,
                "\"status\": \"failed\", \"message\": {}}}",
                json_str(message)
            )
            .unwrap(),
        }
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
