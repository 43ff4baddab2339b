//! `pykernel`: checks kernel files and prints their generated Rust without cargo.
//!
//! `pykernel check FILES...` prints the diagnostics a build would print (the same
//! renderer) and exits with status 1 when a file has errors; `pykernel expand FILE`
//! prints the generated Rust. Standard library only: the argument grammar is a handful
//! of flags, and a build dependency's binary should not add crates to compile.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use pykernel_build::{Config, Diagnostics, Error};

const USAGE: &str = "\
pykernel: checks Python kernel files (#pythran export comments) as a build with
pykernel-build would, and prints the Rust they become.

Usage:
  pykernel check [OPTIONS] FILE...   print the diagnostics of each file; exit status 1
                                     when any file has an error (warnings alone: 0)
  pykernel expand [OPTIONS] FILE     print the generated Rust (or, with --stub, the .pyi)
  pykernel --help | --version

Options:
  --short                      check: one line per diagnostic, `path:line:col: error: ...`
  --stub                       expand: print the Python type stub instead of the Rust
  --c-symbols                  as Config::c_symbols(true) (capsules get #[no_mangle])
  --no-bounds-checks           as Config::bounds_checks(false)
  --scipy-mismatch-is-error    as Config::scipy_mismatch_is_error(true)

Exit status: 0 success, 1 errors in kernel code, 2 bad usage or a file not readable.
";

/// What the command line asks for.
struct Args {
    command: String,
    files: Vec<String>,
    short: bool,
    stub: bool,
    config: Config,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match parse_args(&args) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pykernel: {e}\nRun `pykernel --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match parsed.command.as_str() {
        "check" => check(&parsed),
        _ => expand(&parsed),
    }
}

/// `Ok(None)`: help or version printed, nothing else to do.
fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut out = Args {
        command: String::new(),
        files: Vec::new(),
        short: false,
        stub: false,
        config: Config::new(),
    };
    let mut only_files = false;
    for a in args {
        if only_files || !a.starts_with('-') || a == "-" {
            if out.command.is_empty() {
                if a != "check" && a != "expand" {
                    return Err(format!(
                        "unknown command `{a}` (the commands are `check` and `expand`)"
                    ));
                }
                out.command = a.clone();
            } else {
                out.files.push(a.clone());
            }
            continue;
        }
        match a.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("pykernel {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--short" => out.short = true,
            "--stub" => out.stub = true,
            "--c-symbols" => {
                out.config.c_symbols(true);
            }
            "--no-bounds-checks" => {
                out.config.bounds_checks(false);
            }
            "--scipy-mismatch-is-error" => {
                out.config.scipy_mismatch_is_error(true);
            }
            _ => return Err(format!("unknown option `{a}`")),
        }
    }
    match out.command.as_str() {
        "" => Err("no command given".into()),
        "check" if out.files.is_empty() => Err("`check` needs at least one file".into()),
        "expand" if out.files.len() != 1 => Err("`expand` takes exactly one file".into()),
        "check" if out.stub => Err("`--stub` goes with `expand`".into()),
        "expand" if out.short => Err("`--short` goes with `check`".into()),
        _ => Ok(Some(out)),
    }
}

/// The path as a build shows it (`Config::compile` uses forward slashes).
fn shown(path: &str) -> String {
    Path::new(path).to_string_lossy().replace('\\', "/")
}

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("pykernel: cannot read kernel `{}`: {e}", shown(path));
        ExitCode::from(2)
    })
}

fn check(args: &Args) -> ExitCode {
    let mut failures: Vec<Diagnostics> = Vec::new();
    let mut unreadable = false;
    let stderr = std::io::stderr();
    for path in &args.files {
        let Ok(source) = read(path) else {
            unreadable = true;
            continue;
        };
        match pykernel_build::translate(&source, &shown(path), &args.config) {
            Ok(output) => {
                if output.warnings.warnings().next().is_some() {
                    let mut err = stderr.lock();
                    let _ = if args.short {
                        write_short(&mut err, &output.warnings)
                    } else {
                        writeln!(err, "{}", output.warnings.render())
                    };
                }
            }
            Err(diags) => failures.push(diags),
        }
    }
    let failed = !failures.is_empty();
    if failed {
        let mut err = stderr.lock();
        let _ = if args.short {
            failures.iter().try_for_each(|d| write_short(&mut err, d))
        } else {
            // The report of a failed build, word for word.
            write!(err, "{}", Error::Kernel(failures))
        };
    }
    if unreadable {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_short(w: &mut impl Write, d: &Diagnostics) -> std::io::Result<()> {
    let mut items: Vec<_> = d.items.iter().collect();
    items.sort_by_key(|i| (i.span.start, i.span.end));
    for i in items {
        writeln!(w, "{}", d.short(i))?;
    }
    Ok(())
}

fn expand(args: &Args) -> ExitCode {
    let path = &args.files[0];
    let source = match read(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match pykernel_build::translate(&source, &shown(path), &args.config) {
        Ok(output) => {
            if output.warnings.warnings().next().is_some() {
                eprintln!("{}", output.warnings.render());
            }
            let text = if args.stub {
                &output.stub
            } else {
                &output.code
            };
            // A closed pipe (`pykernel expand f.py | head`) is not an error.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(diags) => {
            eprint!("{}", Error::Kernel(vec![diags]));
            ExitCode::from(1)
        }
    }
}
