//! The `include_kernel!` macro of pykernel (re-exported as `pykernel::include_kernel!`).
//!
//! `pykernel_build::compile` writes one Rust file per kernel into `$OUT_DIR/pykernel/`
//! and a manifest mapping the paths given to it to those files. This macro looks the
//! kernel up in the manifest and expands to `include!("<generated file>")`, in place,
//! like `tonic::include_proto!`.

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use quote::quote;
use syn::{LitStr, parse_macro_input};

/// Name of the manifest inside `$OUT_DIR/pykernel/` (shared with `pykernel-build`).
const MANIFEST: &str = "manifest.tsv";

/// Includes the Rust code generated from a Python kernel by `pykernel_build::compile`.
///
/// The argument is the kernel's file name (`"testlib.py"`) or the path given to
/// `compile` in build.rs (`"kernels/testlib.py"`).
///
/// ```ignore
/// mod testlib {
///     pykernel::include_kernel!("testlib.py");
/// }
/// ```
#[proc_macro]
pub fn include_kernel(input: TokenStream) -> TokenStream {
    let lit = parse_macro_input!(input as LitStr);
    match resolve(&lit.value(), std::env::var("OUT_DIR").ok().as_deref()) {
        Ok(path) => {
            let path = path.to_string_lossy().into_owned();
            quote!(include!(#path);).into()
        }
        Err(msg) => syn::Error::new(lit.span(), msg).to_compile_error().into(),
    }
}

/// Finds the generated file for `requested` in `$OUT_DIR/pykernel/`, or says how to fix it.
fn resolve(requested: &str, out_dir: Option<&str>) -> Result<PathBuf, String> {
    let Some(out_dir) = out_dir else {
        return Err(format!(
            "pykernel: `{requested}` was not compiled: this crate has no build script \
             (OUT_DIR is not set); add a build.rs with \
             `fn main() {{ pykernel_build::compile(&[\"kernels/{requested}\"]).unwrap(); }}` \
             and `pykernel-build` to [build-dependencies]"
        ));
    };
    let dir = Path::new(out_dir).join("pykernel");
    let manifest = std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
    let entries: Vec<(&str, &str)> = manifest
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let norm = |p: &str| p.replace('\\', "/").trim_start_matches("./").to_owned();
    let want = norm(requested);
    let matches: Vec<&(&str, &str)> = entries
        .iter()
        .filter(|(given, _)| {
            let given = norm(given);
            given == want || given.ends_with(&format!("/{want}"))
        })
        .collect();
    match matches.as_slice() {
        [(_, file)] => Ok(dir.join(file)),
        [] => {
            let known: Vec<&str> = entries.iter().map(|(g, _)| *g).collect();
            let known = if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            };
            Err(format!(
                "pykernel: `{requested}` was not compiled by build.rs (compiled: {known}); \
                 add it to build.rs: `pykernel_build::compile(&[\"kernels/{requested}\"]).unwrap();`"
            ))
        }
        many => {
            let names: Vec<&str> = many.iter().map(|(g, _)| *g).collect();
            Err(format!(
                "pykernel: `{requested}` is ambiguous ({}); use the path given to build.rs",
                names.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out_dir_with(tag: &str, entries: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pk-macro-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pykernel")).unwrap();
        std::fs::write(dir.join("pykernel").join(MANIFEST), entries).unwrap();
        dir
    }

    #[test]
    fn finds_kernels_by_file_name_or_given_path() {
        let dir = out_dir_with("find", "kernels/testlib.py\ttestlib.rs\nother/a.py\ta.rs\n");
        let d = dir.to_str().unwrap();
        assert_eq!(
            resolve("testlib.py", Some(d)).unwrap(),
            dir.join("pykernel/testlib.rs")
        );
        assert_eq!(
            resolve("kernels/testlib.py", Some(d)).unwrap(),
            dir.join("pykernel/testlib.rs")
        );
        assert_eq!(
            resolve("./other/a.py", Some(d)).unwrap(),
            dir.join("pykernel/a.rs")
        );
    }

    #[test]
    fn explains_how_to_fix_a_missing_kernel() {
        let dir = out_dir_with("missing", "kernels/testlib.py\ttestlib.rs\n");
        let e = resolve("missing.py", dir.to_str()).unwrap_err();
        assert!(e.contains("was not compiled by build.rs"), "{e}");
        assert!(e.contains("pykernel_build::compile"), "{e}");
        assert!(e.contains("kernels/testlib.py"), "{e}");
        let e = resolve("testlib.py", None).unwrap_err();
        assert!(e.contains("no build script"), "{e}");
    }
}
