//! Translates `../kernels/loop_shapes.py` twice: as shipped (bounds checks on), and with
//! `Config::bounds_checks(false)` under another file name (the reference for what the
//! remaining checks cost).

fn main() {
    pykernel_build::compile(&["../kernels/loop_shapes.py"]).unwrap();
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("nocheck");
    std::fs::create_dir_all(&out).unwrap();
    let copy = out.join("loop_shapes_nocheck.py");
    let src = std::fs::read_to_string("../kernels/loop_shapes.py").unwrap();
    if std::fs::read_to_string(&copy).ok().as_deref() != Some(src.as_str()) {
        std::fs::write(&copy, src).unwrap();
    }
    pykernel_build::Config::new()
        .bounds_checks(false)
        .compile(&[copy])
        .unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
