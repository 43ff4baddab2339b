//! pyo3 glue used by generated `register` functions (feature `pyo3`).

use std::ffi::{CStr, c_void};
use std::ptr::NonNull;

use pyo3::exceptions::{
    PyAssertionError, PyIndexError, PyOverflowError, PyTypeError, PyValueError, PyZeroDivisionError,
};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::error::{ErrorKind, KernelError};

impl From<KernelError> for PyErr {
    fn from(e: KernelError) -> PyErr {
        let msg = e.message().to_owned();
        match e.kind() {
            ErrorKind::ZeroDivision => PyZeroDivisionError::new_err(msg),
            ErrorKind::Index => PyIndexError::new_err(msg),
            ErrorKind::Value => PyValueError::new_err(msg),
            ErrorKind::Overflow => PyOverflowError::new_err(msg),
            ErrorKind::Assertion => PyAssertionError::new_err(msg),
            ErrorKind::Type => PyTypeError::new_err(msg),
        }
    }
}

/// Adds a capsule wrapping the function pointer `ptr` to `m` as `py_name`, with the
/// capsule name `signature` (SciPy compares it byte for byte).
///
/// The capsule stores the function pointer itself (`PyCapsule_New(ptr, name, NULL)`),
/// which is what `scipy.LowLevelCallable` dereferences.
pub fn add_capsule(
    m: &Bound<'_, PyModule>,
    py_name: &str,
    ptr: *const (),
    signature: &'static CStr,
) -> PyResult<()> {
    let ptr = NonNull::new(ptr as *mut c_void)
        .ok_or_else(|| PyValueError::new_err("null function pointer"))?;
    // SAFETY: `ptr` is a function pointer with 'static lifetime; no destructor is needed.
    let capsule = unsafe { PyCapsule::new_with_pointer(m.py(), ptr, signature) }?;
    m.add(py_name, capsule)
}

/// Converts a kernel result to a NumPy scalar of type `numpy.<dtype>` (for results whose
/// CPython type is a NumPy scalar, e.g. `float32`).
pub fn numpy_scalar<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    dtype: &str,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    np.getattr(dtype)?.call1((value,))
}
