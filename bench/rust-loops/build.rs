fn main() {
    // The benchmark's Python kernels, translated to Rust into $OUT_DIR at build time.
    pykernel_build::compile(&["../kernels/loops.py"]).unwrap();
}
