fn main() {
    // Capsule functions also exported as C symbols, so the C side can call them by
    // name through prototypes with SciPy's exact types.
    if let Err(err) = pykernel_build::Config::new()
        .c_symbols(true)
        .compile(&["kernels/abi_probe.py"])
    {
        eprintln!("{err}");
        std::process::exit(1);
    }

    cc::Build::new()
        .file("csrc/abi_callers.c")
        .opt_level(2)
        .warnings(true)
        .extra_warnings(true)
        .compile("abi_callers");
    println!("cargo:rerun-if-changed=csrc/abi_callers.c");
}
