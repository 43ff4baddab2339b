//! pyo3 glue used by generated `register` functions (feature `pyo3`).

use std::ffi::{CStr, c_void};
use std::ptr::NonNull;

use pyo3::exceptions::{
    PyAssertionError, PyException, PyIndexError, PyNameError, PyOverflowError, PyRecursionError,
    PyRuntimeError, PyTypeError, PyUnboundLocalError, PyValueError, PyZeroDivisionError,
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
            ErrorKind::UnboundLocal => PyUnboundLocalError::new_err(msg),
            ErrorKind::Name => PyNameError::new_err(msg),
            ErrorKind::Recursion => PyRecursionError::new_err(msg),
            // What Python's signal handler raises (see `interrupt.rs`).
            ErrorKind::Interrupt => Python::attach(crate::interrupt::python_error),
            ErrorKind::Runtime => PyRuntimeError::new_err(msg),
            ErrorKind::Exception => PyException::new_err(msg),
            ErrorKind::Axis => numpy_error("numpy.exceptions", "AxisError", msg),
            ErrorKind::LinAlg => numpy_error("numpy.linalg", "LinAlgError", msg),
        }
    }
}

/// An exception of one of NumPy's classes (`numpy.exceptions.AxisError`,
/// `numpy.linalg.LinAlgError`), both subclasses of `ValueError`: a `ValueError` if the
/// class cannot be imported.
fn numpy_error(module: &str, class: &str, msg: String) -> PyErr {
    Python::attach(|py| {
        let e = py
            .import(module)
            .and_then(|m| m.getattr(class))
            .and_then(|t| t.call1((msg.clone(),)));
        match e {
            Ok(v) => PyErr::from_value(v),
            Err(_) => PyValueError::new_err(msg),
        }
    })
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

/// Converts a kernel result to a NumPy scalar of its dtype (for results whose CPython
/// type is a NumPy scalar, e.g. `float32`), through NumPy's C API (`PyArray_Scalar`).
pub fn numpy_scalar<'py, T: numpy::Element>(
    py: Python<'py>,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    use numpy::PyArrayDescrMethods as _;
    use numpy::npyffi::PY_ARRAY_API;
    let descr = numpy::dtype::<T>(py);
    let mut value = value;
    // SAFETY: `value` is a valid `T` matching `descr`; NumPy copies it into the new
    // scalar (no base object).
    unsafe {
        let ptr = PY_ARRAY_API.PyArray_Scalar(
            py,
            (&raw mut value).cast(),
            descr.as_dtype_ptr(),
            std::ptr::null_mut(),
        );
        Bound::from_owned_ptr_or_err(py, ptr)
    }
}

/// The Python kind an overload parameter expects (for dispatch).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// `bool` (and `numpy.bool_`).
    Bool,
    /// Integers (Python `int` or a NumPy integer), not bools.
    Int,
    /// Floats (Python `float` or a NumPy floating scalar).
    Float,
    /// Complex numbers (Python `complex` or a NumPy complex scalar).
    Complex,
}

/// Extracts an overload argument: in the strict pass only values of the expected kind
/// match (so `f(int or float)` called with `3` picks the int overload), in the second pass
/// anything pyo3 converts (an int for a float parameter).
pub fn overload_arg<'py, T: FromPyObjectOwned<'py>>(
    obj: &Bound<'py, PyAny>,
    kind: ArgKind,
    strict: bool,
) -> Option<T> {
    use pyo3::types::{PyBool, PyComplex, PyFloat, PyInt};
    if strict {
        // Python's own numbers first: asking them for a `dtype` raises (and formats) an
        // AttributeError, which cost 300 ns per item of a list argument.
        let found = if obj.is_instance_of::<PyBool>() {
            Some(ArgKind::Bool)
        } else if obj.is_instance_of::<PyInt>() {
            Some(ArgKind::Int)
        } else if obj.is_instance_of::<PyFloat>() {
            Some(ArgKind::Float)
        } else if obj.is_instance_of::<PyComplex>() {
            Some(ArgKind::Complex)
        } else {
            match numpy_kind(obj) {
                Some('b') => Some(ArgKind::Bool),
                Some('i' | 'u') => Some(ArgKind::Int),
                Some('f') => Some(ArgKind::Float),
                Some('c') => Some(ArgKind::Complex),
                _ => None,
            }
        };
        if found != Some(kind) {
            return None;
        }
    }
    obj.extract::<T>().ok()
}

/// In the strict pass of an overloaded function: is `obj` a list nested `depth` deep
/// whose items are all of `kind` (so `f(int list)` is picked for a list of ints over
/// `f(float list)`)? Empty lists fit.
pub fn list_fits(obj: &Bound<'_, PyAny>, depth: usize, kind: ArgKind) -> bool {
    if depth == 0 {
        // A bool among ints is an int (`[True, 2]` sums to an int in Python).
        return overload_arg::<Bound<'_, PyAny>>(obj, kind, true).is_some()
            || kind == ArgKind::Int
                && overload_arg::<Bound<'_, PyAny>>(obj, ArgKind::Bool, true).is_some();
    }
    match obj.cast::<pyo3::types::PyList>() {
        Ok(l) => l.iter().all(|x| list_fits(&x, depth - 1, kind)),
        Err(_) => false,
    }
}

/// `obj.dtype.kind` for NumPy scalars.
fn numpy_kind(obj: &Bound<'_, PyAny>) -> Option<char> {
    let dtype = obj.getattr("dtype").ok()?;
    let kind: String = dtype.getattr("kind").ok()?.extract().ok()?;
    kind.chars().next()
}

/// The `TypeError` of an overloaded function when no signature matches.
pub fn no_overload(name: &str, args: &Bound<'_, pyo3::types::PyTuple>, accepted: &[&str]) -> PyErr {
    let given: Vec<String> = args
        .iter()
        .map(|a| {
            a.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".into())
        })
        .collect();
    PyTypeError::new_err(format!(
        "{name}(): no signature matches the arguments ({}); accepted signatures:\n    {}",
        given.join(", "),
        accepted.join("\n    ")
    ))
}

/// A value carried through [`Python::detach`]. `detach` runs its closure on the calling
/// thread (it only releases the GIL around it), so kernel values that are not `Send`
/// (lists, array views) never actually change threads.
struct Unbound<T>(T);

// SAFETY: see above: the value stays on the thread that created it.
unsafe impl<T> Send for Unbound<T> {}

impl<T> Unbound<T> {
    fn into_inner(self) -> T {
        self.0
    }
}

/// Runs the kernel call `f(args)` with the GIL released, so that other Python threads
/// run meanwhile (kernels never touch Python objects).
pub fn without_gil<A, R>(py: Python<'_>, args: A, f: fn(A) -> R) -> R {
    let input = Unbound(args);
    py.detach(move || Unbound(f(input.into_inner())))
        .into_inner()
}
