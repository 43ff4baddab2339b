fn main() -> Result<(), pykernel_build::Error> {
    pykernel_build::compile(&["kernels/testlib.py"])
}
