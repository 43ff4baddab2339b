//! The error paths of capsule (`extern "C"`) functions, which must never unwind.

use std::ffi::c_int;

use crate::error::{KernelError, set_last_error};

/// Error path of a `double`-returning capsule (SciPy's quad family): NaN.
///
/// The error is kept for [`crate::take_last_error`]; no Python exception is set, since
/// SciPy's integrators do not check for one after a callback.
#[cold]
#[inline(never)]
pub fn fail_double(e: KernelError) -> f64 {
    set_last_error(e);
    f64::NAN
}

/// Error path of a `float`-returning capsule: NaN.
#[cold]
#[inline(never)]
pub fn fail_float(e: KernelError) -> f32 {
    set_last_error(e);
    f32::NAN
}

/// Error path of an `int`-returning capsule (SciPy's ndimage callbacks): 0, with the
/// Python exception set when an interpreter is running and this thread holds the GIL
/// (SciPy holds it while calling ndimage callbacks, and raises what is set).
#[cold]
#[inline(never)]
pub fn fail_int(e: KernelError) -> c_int {
    crate::python_error::raise_if_possible(&e);
    set_last_error(e);
    0
}

/// Error path of any other capsule: the type's zero value.
#[cold]
#[inline(never)]
pub fn fail_zero<T: Default>(e: KernelError) -> T {
    set_last_error(e);
    T::default()
}
