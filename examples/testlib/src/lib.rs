//! `testlib`: the seed's SciPy callbacks as a Python extension module.
//!
//! - `testlib.f`, `testlib.transform`, `testlib.transform_basic`: PyCapsules compiled
//!   by pykernel from `kernels/testlib.py` (plain Python with `#pythran export capsule`
//!   comments), named with SciPy's exact signature strings, so
//!   `LowLevelCallable(testlib.f, user_data)` needs no `signature=`.
//! - `testlib.c_f`, `testlib.c_transform`: the same callbacks written in C
//!   (`csrc/testlib.c`, built with `-O2`), wrapped in capsules by hand, as the
//!   reference for correctness and speed.

use pyo3::prelude::*;

/// The kernels of `kernels/testlib.py`, translated at build time by `build.rs`.
mod testlib {
    pykernel::include_kernel!("testlib.py");
}

/// The C reference callbacks and their capsules.
mod c_reference {
    use std::ffi::{CStr, c_int, c_void};
    use std::ptr::NonNull;

    use pyo3::prelude::*;
    use pyo3::types::PyCapsule;

    unsafe extern "C" {
        /// `double f(int n, double *x, void *user_data)` from `csrc/testlib.c`.
        pub fn f(n: c_int, x: *mut f64, user_data: *mut c_void) -> f64;
        /// The seed's `_transform` from `csrc/testlib.c`.
        pub fn c_transform(
            output_coordinates: *mut isize,
            input_coordinates: *mut f64,
            output_rank: c_int,
            input_rank: c_int,
            user_data: *mut c_void,
        ) -> c_int;
    }

    type QuadFn = unsafe extern "C" fn(c_int, *mut f64, *mut c_void) -> f64;
    type TransformFn =
        unsafe extern "C" fn(*mut isize, *mut f64, c_int, c_int, *mut c_void) -> c_int;

    /// Adds a capsule holding the bare function pointer `ptr` (what SciPy's
    /// `LowLevelCallable` reads with `PyCapsule_GetPointer`) named `signature`.
    fn add_capsule(
        m: &Bound<'_, PyModule>,
        name: &str,
        ptr: *mut c_void,
        signature: &'static CStr,
    ) -> PyResult<()> {
        let ptr = NonNull::new(ptr).expect("function pointers are never null");
        // SAFETY: `ptr` is a function with the C ABI spelled by `signature`, and it
        // lives as long as the process (no destructor needed).
        let capsule = unsafe { PyCapsule::new_with_pointer(m.py(), ptr, signature)? };
        m.add(name, capsule)
    }

    /// Adds `c_f` and `c_transform` to the module.
    pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
        add_capsule(
            m,
            "c_f",
            f as QuadFn as *mut c_void,
            c"double (int, double *, void *)",
        )?;
        add_capsule(
            m,
            "c_transform",
            c_transform as TransformFn as *mut c_void,
            c"int (intptr_t *, double *, int, int, void *)",
        )
    }
}

/// The Python module `testlib` (named explicitly because the Rust module holding the
/// kernels is already called `testlib`).
#[pymodule(name = "testlib")]
fn testlib_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    testlib::register(m)?;
    c_reference::register(m)
}
