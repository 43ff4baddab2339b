//! Raising kernel errors as Python exceptions from inside a capsule.

use crate::error::KernelError;

/// Sets the Python exception for `e` if an interpreter runs and this thread holds the GIL.
#[cfg(feature = "pyo3")]
pub(crate) fn raise_if_possible(e: &KernelError) {
    use pyo3::ffi;
    // SAFETY: both calls are valid without the GIL; we only touch Python state when
    // the interpreter is initialised and this thread holds the GIL.
    unsafe {
        if ffi::Py_IsInitialized() == 0 || ffi::PyGILState_Check() != 1 {
            return;
        }
        let py = pyo3::Python::assume_attached();
        pyo3::PyErr::from(e.clone()).restore(py);
    }
}

#[cfg(not(feature = "pyo3"))]
pub(crate) fn raise_if_possible(_e: &KernelError) {}
