fn main() -> Result<(), pykernel_build::Error> {
    // The Python kernels: translated to Rust into $OUT_DIR at build time.
    pykernel_build::compile(&["kernels/testlib.py"])?;

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
