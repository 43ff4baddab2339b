use std::path::PathBuf;

fn main() -> Result<(), pykernel_build::Error> {
    // The Python kernels: translated to Rust into $OUT_DIR at build time, with their
    // type stubs.
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let kernel_stub = out.join("testlib-kernels.pyi");
    pykernel_build::Config::new()
        .stub_file(&kernel_stub)
        .compile(&["kernels/testlib.py"])?;

    // `testlib.pyi` next to Cargo.toml: maturin ships it in the wheel with `py.typed`.
    // The kernels' stub, plus the C reference capsules this crate adds by hand.
    let mut stub = std::fs::read_to_string(&kernel_stub).expect("the stub just written");
    stub.push_str("\n# The C reference callbacks (csrc/testlib.c).\nc_f: CapsuleType\nc_transform: CapsuleType\n");
    if std::fs::read_to_string("testlib.pyi").ok().as_deref() != Some(stub.as_str()) {
        std::fs::write("testlib.pyi", stub).expect("write testlib.pyi");
    }

    // The C reference callbacks of the seed, built as `gcc -O2` would, to compare
    // against side by side.
    cc::Build::new()
        .file("csrc/testlib.c")
        .opt_level(2)
        .flag_if_supported("-Wno-unused-parameter")
        .compile("testlib_c");
    println!("cargo:rerun-if-changed=csrc/testlib.c");
    Ok(())
}
