//! `compile` writes one generated file per kernel file, also when kernels in different
//! folders share a file name and a build script compiles them in separate calls.

use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "pykernel-compile-files-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn same_file_names_in_two_folders_get_two_generated_files() {
    let root = scratch("same-stem");
    for (dir, func) in [("a", "first"), ("b", "second")] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        std::fs::write(
            root.join(dir).join("k.py"),
            format!("#pykernel export {func}(int)\ndef {func}(n):\n    return n + 1\n"),
        )
        .unwrap();
    }
    let out = root.join("out");
    let mut config = pykernel_build::Config::new();
    config.out_dir(&out).cargo_directives(false);
    // Separate calls, as a build script translating each file on its own does.
    config.compile(&[root.join("a/k.py")]).unwrap();
    config.compile(&[root.join("b/k.py")]).unwrap();
    // Again (a rebuild): the names do not move.
    config.compile(&[root.join("a/k.py")]).unwrap();
    let manifest = std::fs::read_to_string(out.join("pykernel/manifest.tsv")).unwrap();
    let files: Vec<&str> = manifest
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(files.len(), 2, "{manifest}");
    assert_ne!(files[0], files[1], "{manifest}");
    let a = std::fs::read_to_string(out.join("pykernel").join(files[1])).unwrap();
    let b = std::fs::read_to_string(out.join("pykernel").join(files[0])).unwrap();
    let (fa, fb) = if a.contains("fn first") {
        (a, b)
    } else {
        (b, a)
    };
    assert!(fa.contains("first") && !fa.contains("second"));
    assert!(fb.contains("second") && !fb.contains("first"));
    let _ = std::fs::remove_dir_all(&root);
}
