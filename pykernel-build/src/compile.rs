//! The build-script side: [`Config`], [`compile`], files in `$OUT_DIR`, cargo directives.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostics::Diagnostics;

/// File in `$OUT_DIR/pykernel/` mapping paths given to `compile` to generated files
/// (read by `include_kernel!`).
const MANIFEST: &str = "manifest.tsv";

/// Options of a compilation (builder style, like `prost_build::Config`).
///
/// ```no_run
/// pykernel_build::Config::new()
///     .c_symbols(true)
///     .compile(&["kernels/testlib.py"])
///     .unwrap();
/// ```
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) c_symbols: bool,
    pub(crate) scipy_mismatch_is_error: bool,
    pub(crate) bounds_checks: bool,
    pub(crate) out_dir: Option<PathBuf>,
    pub(crate) emit_cargo_directives: bool,
    pub(crate) stub_file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            c_symbols: false,
            scipy_mismatch_is_error: false,
            bounds_checks: true,
            out_dir: None,
            emit_cargo_directives: true,
            stub_file: None,
        }
    }
}

impl Config {
    /// The default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Exports capsule functions as C symbols (`#[no_mangle]`), so a `cdylib` can be
    /// loaded with `ctypes.CDLL` and its functions handed to `LowLevelCallable`.
    pub fn c_symbols(&mut self, on: bool) -> &mut Self {
        self.c_symbols = on;
        self
    }

    /// Also writes the Python type stubs of every kernel this call compiles into `path`
    /// (one file, as the stub of one extension module: with maturin, `<module>.pyi` next
    /// to Cargo.toml is shipped in the wheel together with a `py.typed` marker). The stub
    /// of each kernel is always written next to its Rust, as
    /// `$OUT_DIR/pykernel/<kernel>.pyi`.
    pub fn stub_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.stub_file = Some(path.into());
        self
    }

    /// Makes a capsule that nearly matches a SciPy signature (e.g. `float32*` where SciPy
    /// passes `double *`) a build error instead of a warning.
    pub fn scipy_mismatch_is_error(&mut self, on: bool) -> &mut Self {
        self.scipy_mismatch_is_error = on;
        self
    }

    /// Checks array indices (default: on). With checks on, an out-of-range index raises
    /// `IndexError` as in CPython, and loops whose indices are provably in range check
    /// once, before the loop. Off, array element accesses are not checked at all (negative
    /// indices still count from the end): an out-of-range index is undefined behaviour,
    /// as in C. For users who have validated their kernels and want the last few percent.
    pub fn bounds_checks(&mut self, on: bool) -> &mut Self {
        self.bounds_checks = on;
        self
    }

    /// Where to write generated files (default: `$OUT_DIR`).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` / `cargo:warning` lines (default on).
    pub fn cargo_directives(&mut self, on: bool) -> &mut Self {
        self.emit_cargo_directives = on;
        self
    }

    /// Translates each kernel file into `$OUT_DIR/pykernel/<stem>.rs`.
    ///
    /// Every file is translated even if an earlier one fails, so that all errors are
    /// reported at once.
    ///
    /// # Errors
    ///
    /// [`Error`]: rendered diagnostics of each failing kernel, or an I/O problem.
    pub fn compile(&self, paths: &[impl AsRef<Path>]) -> Result<(), Error> {
        let out = match &self.out_dir {
            Some(d) => d.clone(),
            None => match std::env::var_os("OUT_DIR") {
                Some(d) => PathBuf::from(d),
                None => return Err(Error::Io(
                    "OUT_DIR is not set: call `compile` from build.rs, or set `Config::out_dir`"
                        .into(),
                )),
            },
        };
        let dir = out.join("pykernel");
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::Io(format!("cannot create {}: {e}", dir.display())))?;
        let mut failures = Vec::new();
        let mut entries = Vec::new();
        // Files written by earlier `compile` calls of this build script keep their names
        // (two kernels `a/k.py` and `b/k.py` compiled by separate calls get two files).
        let earlier = earlier_entries(&dir);
        let mut stubs: Vec<String> = Vec::new();
        for path in paths {
            let path = path.as_ref();
            let shown = path.to_string_lossy().replace('\\', "/");
            if self.emit_cargo_directives {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            let source = std::fs::read_to_string(path)
                .map_err(|e| Error::Io(format!("cannot read kernel `{shown}`: {e}")))?;
            match crate::pipeline::translate(&source, &shown, self) {
                Ok(output) => {
                    if self.emit_cargo_directives {
                        for w in output.warnings.warnings() {
                            println!("cargo:warning={}", output.warnings.short(w));
                        }
                    }
                    let taken: Vec<(String, String)> = earlier
                        .iter()
                        .filter(|(given, _)| *given != shown)
                        .chain(&entries)
                        .cloned()
                        .collect();
                    let file = unique_file_name(path, &taken);
                    write_if_changed(&dir.join(&file), &output.code)?;
                    let stub_name = Path::new(&file).with_extension("pyi");
                    write_if_changed(&dir.join(stub_name), &output.stub)?;
                    stubs.push(output.stub);
                    entries.push((shown, file));
                }
                Err(diags) => failures.push(diags),
            }
        }
        update_manifest(&dir, &entries)?;
        if let (Some(path), true) = (&self.stub_file, failures.is_empty()) {
            write_if_changed(path, &merge_stubs(&stubs))?;
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(Error::Kernel(failures))
        }
    }
}

/// Compiles kernel files with the default [`Config`] (call from build.rs).
///
/// # Errors
///
/// See [`Config::compile`].
pub fn compile(paths: &[impl AsRef<Path>]) -> Result<(), Error> {
    Config::new().compile(paths)
}

/// Why compilation failed. `Debug` and `Display` both print the rendered report, so
/// `.unwrap()` in build.rs shows readable `path:line:col` diagnostics.
pub enum Error {
    /// Errors in kernel files.
    Kernel(Vec<Diagnostics>),
    /// A file could not be read or written.
    Io(String),
}

impl Error {
    /// The diagnostics of each failing kernel.
    pub fn diagnostics(&self) -> &[Diagnostics] {
        match self {
            Error::Kernel(d) => d,
            Error::Io(_) => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(m) => write!(f, "pykernel: {m}"),
            Error::Kernel(ds) => {
                let n: usize = ds
                    .iter()
                    .map(|d| d.items.iter().filter(|i| i.is_error()).count())
                    .sum();
                writeln!(f, "pykernel: {n} error(s) in kernel code\n")?;
                for d in ds {
                    f.write_str(&d.render())?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `.unwrap()` prints Debug: make it the readable report.
        write!(f, "\n{self}")
    }
}

impl std::error::Error for Error {}

/// One stub from the stubs of several kernels: the shared imports once.
fn merge_stubs(stubs: &[String]) -> String {
    let mut out = String::new();
    for (k, s) in stubs.iter().enumerate() {
        let body = match s.find("\nif sys.version_info") {
            // Header and imports from the first stub; the definitions of every one.
            Some(i) if k > 0 => match s[i..].find("CapsuleType = object\n") {
                Some(j) => &s[i + j + "CapsuleType = object\n".len()..],
                None => s.as_str(),
            },
            _ => s.as_str(),
        };
        out.push_str(body);
    }
    out
}

fn unique_file_name(path: &Path, taken: &[(String, String)]) -> String {
    let stem = path
        .file_stem()
        .map_or("kernel".into(), |s| s.to_string_lossy().into_owned());
    let mut name = format!("{stem}.rs");
    let mut k = 2;
    while taken.iter().any(|(_, f)| *f == name) {
        name = format!("{stem}_{k}.rs");
        k += 1;
    }
    name
}

/// Writes only when the content changed, so cargo does not rebuild for nothing.
fn write_if_changed(path: &Path, content: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content)
        .map_err(|e| Error::Io(format!("cannot write {}: {e}", path.display())))
}

static MANIFEST_STARTED: AtomicBool = AtomicBool::new(false);

/// The (kernel, file) entries of the manifest written by earlier `compile` calls of this
/// build-script run (none before the first call).
fn earlier_entries(dir: &Path) -> Vec<(String, String)> {
    if !MANIFEST_STARTED.load(Ordering::SeqCst) {
        return Vec::new();
    }
    std::fs::read_to_string(dir.join(MANIFEST))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (given, file) = l.split_once('\t')?;
            Some((given.to_owned(), file.to_owned()))
        })
        .collect()
}

/// The first `compile` of a build-script run starts a fresh manifest; later calls add to it.
fn update_manifest(dir: &Path, entries: &[(String, String)]) -> Result<(), Error> {
    let path = dir.join(MANIFEST);
    let mut lines: Vec<String> = if MANIFEST_STARTED.swap(true, Ordering::SeqCst) {
        std::fs::read_to_string(&path)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    } else {
        Vec::new()
    };
    for (given, file) in entries {
        lines.retain(|l| l.split('\t').next() != Some(given.as_str()));
        lines.push(format!("{given}\t{file}"));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    write_if_changed(&path, &text)
}
