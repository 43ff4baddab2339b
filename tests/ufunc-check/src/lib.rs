//! pykernel's NumPy ufunc loops (`pykernel::__private::ufunc`), callable from Python over
//! raw contiguous buffers, for `scripts/check_ufuncs.py` and `tests/python/test_ufuncs.py`
//! to compare with NumPy itself.
//!
//! ```python
//! import numpy as np, pykernel_ufunc_check as u
//! x = np.linspace(0, 1, 5)
//! y = np.frombuffer(u.apply("f64::sin", [x.tobytes()], len(x)), dtype="float64")
//! ```

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use pykernel::__private::ufunc::registry::{LOOPS, find};

/// Bytes per element of a NumPy dtype name.
fn itemsize(dtype: &str) -> usize {
    match dtype {
        "bool" | "int8" | "uint8" => 1,
        "int16" | "uint16" => 2,
        "int32" | "uint32" | "float32" => 4,
        "complex128" => 16,
        _ => 8,
    }
}

/// Every loop: `(name, input dtypes, output dtype)`.
#[pyfunction]
fn loops() -> Vec<(String, Vec<String>, String)> {
    LOOPS
        .iter()
        .flat_map(|g| g.iter())
        .map(|e| {
            let ins = e.ins.iter().map(|s| s.to_string()).collect();
            (e.name.to_string(), ins, e.out.to_string())
        })
        .collect()
}

/// Runs the loop `name` over `n` elements of the input buffers (contiguous, of the loop's
/// input dtypes); the output buffer. A loop's error is a `ValueError` whose message is
/// `<Python exception>: <message>`.
#[pyfunction]
fn apply<'py>(
    py: Python<'py>,
    name: &str,
    inputs: Vec<Bound<'py, PyBytes>>,
    n: usize,
) -> PyResult<Bound<'py, PyBytes>> {
    let e = find(name).ok_or_else(|| PyKeyError::new_err(name.to_string()))?;
    if inputs.len() != e.ins.len() {
        return Err(PyValueError::new_err(format!(
            "{name} takes {} inputs",
            e.ins.len()
        )));
    }
    let mut ptrs = Vec::new();
    for (b, d) in inputs.iter().zip(e.ins) {
        let bytes = b.as_bytes();
        if bytes.len() != n * itemsize(d) {
            return Err(PyValueError::new_err(format!(
                "{name}: an input of {} bytes for {n} {d}",
                bytes.len()
            )));
        }
        ptrs.push(bytes.as_ptr());
    }
    let mut out = vec![0u8; n * itemsize(e.out)];
    // SAFETY: every input holds `n` elements of its dtype (checked), `out` too.
    unsafe { (e.apply)(&ptrs, out.as_mut_ptr(), n) }.map_err(|err| {
        PyValueError::new_err(format!("{}: {}", err.kind().python_name(), err.message()))
    })?;
    Ok(PyBytes::new(py, &out))
}

/// The module.
#[pymodule]
fn pykernel_ufunc_check(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(loops, m)?)?;
    m.add_function(wrap_pyfunction!(apply, m)?)?;
    Ok(())
}
