//! # pykernel
//!
//! Runtime support for Rust code that `pykernel-build` generates from numeric Python
//! kernels, and the [`include_kernel!`] macro that brings that code into a crate.
//!
//! ```ignore
//! // build.rs
//! fn main() { pykernel_build::compile(&["kernels/testlib.py"]).unwrap(); }
//!
//! // lib.rs
//! mod testlib { pykernel::include_kernel!("testlib.py"); }
//! ```
//!
//! With the `pyo3` feature, each included kernel also has a `register(m)` function that
//! adds its exports to a Python module: capsules for `scipy.LowLevelCallable`, and
//! Python-callable functions.

mod array;
mod capsule;
mod cmath;
mod complex;
mod error;
mod gamma;
mod list;
mod math;
mod ops;
#[cfg(feature = "pyo3")]
mod python;
#[cfg(feature = "pyo3")]
mod python_array;
mod python_error;
#[cfg(feature = "pyo3")]
mod python_list;
mod ufunc;
mod view;

pub use array::{Array, ArrayView};
pub use error::{ErrorKind, KResult, KernelError, take_last_error};
pub use list::List;
/// Complex numbers as the generated Rust functions take and return them (`complex` is
/// `Complex<f64>`, `complex64` is `Complex<f32>`).
pub use num_complex::Complex;
pub use pykernel_macros::include_kernel;

/// Keeps the tokens when pykernel's `pyo3` feature is on, drops them otherwise.
#[doc(hidden)]
#[cfg(feature = "pyo3")]
#[macro_export]
macro_rules! __pykernel_if_pyo3 {
    ($($t:tt)*) => { $($t)* };
}

/// Keeps the tokens when pykernel's `pyo3` feature is on, drops them otherwise.
#[doc(hidden)]
#[cfg(not(feature = "pyo3"))]
#[macro_export]
macro_rules! __pykernel_if_pyo3 {
    ($($t:tt)*) => {};
}

/// Items used by generated code. Not a stable API: only `pykernel-build` output calls it.
#[doc(hidden)]
pub mod __private {
    pub use crate::__pykernel_if_pyo3 as if_pyo3;
    pub use crate::array::{Array, ArrayOwner, ArrayView, arange_float, arange_int, linspace};
    pub use crate::capsule::{fail_double, fail_float, fail_int, fail_zero};
    pub use crate::complex::*;
    pub use crate::error::{ErrorKind, KResult, KernelError, check_assigned, check_assigned_free};
    pub use crate::list::List;
    pub use crate::ops::*;
    pub use crate::view::{Operand, View1};

    /// CPython's `math` module semantics.
    pub mod math {
        pub use crate::math::*;
    }

    /// CPython's `cmath` module semantics.
    pub mod cmath {
        pub use crate::cmath::*;
    }

    /// NumPy's ufunc loops: `ufunc::<types>::<ufunc>` (`ufunc::f32::sin`).
    pub mod ufunc {
        pub use crate::ufunc::*;
    }

    #[cfg(feature = "pyo3")]
    pub use crate::python::{
        ArgKind, add_capsule, no_overload, numpy_scalar, overload_arg, without_gil,
    };
    #[cfg(feature = "pyo3")]
    pub use crate::python_array::{ArraySpec, Layout, array_arg, array_to_py};
    #[cfg(feature = "pyo3")]
    pub use crate::python_list::{PyValue, arg_from_py};
    pub use ndarray;
    #[cfg(feature = "pyo3")]
    pub use numpy;
    #[cfg(feature = "pyo3")]
    pub use pyo3;

    /// Marks the path that calls it as unlikely: the checked copy of a loop whose one
    /// check before the loop failed. LLVM then keeps the fast copy's values in
    /// registers (spills go to the cold path).
    #[cold]
    #[inline(never)]
    pub fn cold_path() {}

    /// Builds a kernel error (used for `assert` and checks in generated code).
    #[cold]
    pub fn error(kind: ErrorKind, msg: &'static str) -> KernelError {
        KernelError::new(kind, msg)
    }
}
