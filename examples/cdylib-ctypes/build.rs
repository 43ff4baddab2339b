fn main() -> Result<(), pykernel_build::Error> {
    // c_symbols(true): capsule exports get #[no_mangle], so the cdylib exports `f`,
    // `transform` and `transform_basic` as C symbols (like `gcc -shared testlib.c`).
    pykernel_build::Config::new()
        .c_symbols(true)
        .compile(&["kernels/testlib.py"])
}
