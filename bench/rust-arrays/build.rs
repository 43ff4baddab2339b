fn main() {
    // With the `pykernel` feature: the benchmark's Python kernels, translated to Rust
    // into $OUT_DIR at build time (`compile` emits rerun-if-changed for the kernel file).
    #[cfg(feature = "pykernel")]
    pykernel_build::compile(&["../kernels/arrays.py"]).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
