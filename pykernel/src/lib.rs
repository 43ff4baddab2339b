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
mod bound;
mod broadcast;
mod building;
mod capsule;
mod cmath;
mod complex;
mod digitize;
mod error;
mod fancy;
mod gamma;
mod gradient;
mod histnum;
mod histogram;
mod interrupt;
mod items;
mod linalg;
mod list;
mod list_buf;
mod math;
mod matrices;
mod npcast;
mod ops;
mod pad;
mod partition;
mod pool;
mod print;
#[cfg(feature = "pyo3")]
mod python;
#[cfg(feature = "pyo3")]
mod python_array;
mod python_error;
#[cfg(feature = "pyo3")]
mod python_list;
mod recursion;
mod reduce;
mod reduce_axis;
mod reduce_nan;
mod reduce_rows;
mod reshape;
mod rows;
mod sorting;
mod split;
mod ufunc;
mod view;

pub use array::{Array, ArrayView};
pub use error::{ErrorKind, KResult, KernelError, take_last_error};
pub use list::List;
/// The ndarray crate (0.17) whose `ArrayView`, `ArrayViewMut` and `Array` types the
/// generated functions take and return for array exports: `use pykernel::ndarray;`
/// instead of a dependency of your own that must be the same version.
pub use ndarray;
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
    pub use crate::array::{
        Array, ArrayOwner, ArrayView, arange_float, arange_int, array_from_rows, linspace,
    };
    pub use crate::bound::Bnd;
    pub use crate::broadcast::{NewArray, broadcast_shape, check_inplace, check_store, k_strides};
    pub use crate::building::{
        Interp, concatenate, converted, convolve, correlate, diff, flip, mesh, repeat_axis,
        repeat_flat, roll_axes, roll_flat, rot90, stack, tile,
    };
    pub use crate::capsule::{fail_double, fail_float, fail_int, fail_zero};
    pub use crate::complex::*;
    pub use crate::digitize::{digitize, digitize_one};
    pub use crate::error::{
        ErrorKind, KResult, KernelError, check_assigned, check_assigned_free, check_unpack,
    };
    pub use crate::fancy::{
        IndexValue, Item as FancyItem, Plan as FancyPlan, argwhere, assign as fancy_assign,
        compress, extract, fill as fancy_fill, flatnonzero, gather, nonzero, put, take,
        update as fancy_update, update_with as fancy_update_with,
    };
    pub use crate::gradient::gradient_axis;
    pub use crate::histnum::{Dt as HistDt, Num as HistNum};
    pub use crate::histogram::{
        EdgeFloat, HistElem, Weight as HistWeight, histogram_bins, histogram_density,
        histogram_edges,
    };
    pub use crate::interrupt::{interrupted, interrupted_error};
    pub use crate::items::{item, item_flat, tolist_group};
    pub use crate::list::List;
    pub use crate::list_buf::ListBuf;
    pub use crate::matrices::{diag_matrix, diagonal, eye, indices, tri, tri_part};
    pub use crate::npcast::float_cast;
    pub use crate::ops::*;
    pub use crate::pad::pad;
    pub use crate::partition::{Select, argpartition, partition, partition_in_place};
    pub use crate::print::{fmt_bool, fmt_c32, fmt_c64, fmt_f32, fmt_f64, fmt_int, print_text};
    pub use crate::recursion::{Depth, LimitScope};
    pub use crate::reduce::{
        arg_extreme_stream, extreme, extreme_stream, fold, fold_stream, sum_as_f64, sum_complex,
        sum_float, sum_stream, sum_stream_complex, sum_stream_f64,
    };
    pub use crate::reduce_axis::{
        AxisFold, Extreme, ExtremeMapped, FExtreme, FoldWith, NanSumComplex, NanSumFloat, SumAsF64,
        SumComplex, SumFloat, SumMapped, accumulate, arg_extreme, axis_mask, map_in_place, only,
        reduce_axes, reduced_count, var_axes, zip_in_place,
    };
    pub use crate::reduce_nan::{nan_arg_extreme, nanvar_axes};
    pub use crate::reduce_rows::reduce_stream;
    pub use crate::rows::{RowCursor, RowPlan, row_plan, strided_plan};
    pub use crate::sorting::{
        Median, SortKey, argsort, bincount, bincount_weighted, median, nanmedian, searchsorted,
        searchsorted_one, sort, sort_in_place, unique,
    };
    pub use crate::split::{Sections, split};
    pub use crate::view::{Operand, View1};

    /// NumPy's products: `np.dot`, `@`, `np.inner`, `np.vdot`, `np.outer`, `np.trace`.
    pub mod linalg {
        pub use crate::linalg::*;
    }

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
    pub use crate::interrupt::without_gil_interruptible;
    #[cfg(feature = "pyo3")]
    pub use crate::python::{
        ArgKind, add_capsule, list_fits, no_overload, numpy_scalar, overload_arg, without_gil,
    };
    #[cfg(feature = "pyo3")]
    pub use crate::python_array::{ArraySpec, Layout, array_arg, array_to_py, overload_array};
    #[cfg(feature = "pyo3")]
    pub use crate::python_list::{PyValue, arg_from_py};
    #[cfg(feature = "pyo3")]
    pub use crate::recursion::PythonLimit;
    pub use ndarray;
    #[cfg(feature = "pyo3")]
    pub use numpy;
    #[cfg(feature = "pyo3")]
    pub use pyo3;

    /// The SIMD level of this CPU for dispatched kernels: 2 with AVX-512 (x86-64-v4), 1
    /// with AVX2 and FMA (x86-64-v3), 0 otherwise. `PYKERNEL_SIMD=0|1|2` lowers it (to
    /// test that every level gives the same results).
    #[inline]
    pub fn simd_level() -> u8 {
        static LEVEL: std::sync::OnceLock<u8> = std::sync::OnceLock::new();
        *LEVEL.get_or_init(|| {
            #[cfg(target_arch = "x86_64")]
            let cpu = if std::is_x86_feature_detected!("avx512f")
                && std::is_x86_feature_detected!("avx512bw")
                && std::is_x86_feature_detected!("avx512cd")
                && std::is_x86_feature_detected!("avx512dq")
                && std::is_x86_feature_detected!("avx512vl")
                && std::is_x86_feature_detected!("avx2")
                && std::is_x86_feature_detected!("fma")
                && std::is_x86_feature_detected!("bmi1")
                && std::is_x86_feature_detected!("bmi2")
                && std::is_x86_feature_detected!("lzcnt")
                && std::is_x86_feature_detected!("popcnt")
            {
                2
            } else if std::is_x86_feature_detected!("avx2")
                && std::is_x86_feature_detected!("fma")
                && std::is_x86_feature_detected!("bmi1")
                && std::is_x86_feature_detected!("bmi2")
                && std::is_x86_feature_detected!("lzcnt")
                && std::is_x86_feature_detected!("popcnt")
            {
                1
            } else {
                0
            };
            #[cfg(not(target_arch = "x86_64"))]
            let cpu = 0;
            let cap = std::env::var("PYKERNEL_SIMD")
                .ok()
                .and_then(|v| v.parse::<u8>().ok())
                .unwrap_or(2);
            cpu.min(cap)
        })
    }

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
