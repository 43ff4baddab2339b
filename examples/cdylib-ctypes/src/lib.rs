//! A C shared library built from Python: `kernels/testlib.py`'s capsule exports are
//! `#[no_mangle] extern "C"` functions, so this cdylib is a drop-in for the seed's
//! `gcc -shared -fPIC -o testlib.so testlib.c -O2`, loadable with `ctypes.CDLL`.

/// The kernels of `kernels/testlib.py` (exported as C symbols `f`, `transform`,
/// `transform_basic`).
pub mod testlib {
    pykernel::include_kernel!("testlib.py");
}
