fn main() {
    pykernel_build::compile(&["kernels/testlib.py"]).unwrap();
}
