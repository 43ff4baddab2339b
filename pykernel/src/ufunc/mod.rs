//! NumPy's ufunc loops, one scalar function per (ufunc, loop): the per-element code of
//! whole-array expressions and of ufuncs called on numbers (issue 11).
//!
//! **Naming**: `ufunc::<types>::<ufunc>`, where `<types>` names the loop's input dtypes:
//! one module per dtype for loops whose inputs share it (`ufunc::f32::sin`,
//! `ufunc::i32::add`, `ufunc::c64::absolute`), `i64_u64`/`u64_i64` for NumPy's mixed
//! integer comparisons. `<ufunc>` is NumPy's canonical name (`remainder` for `np.mod`,
//! `divide` for `np.true_divide`, `conjugate`, `absolute`), plus `round` (which takes
//! `decimals: i64` after the element), `real`, `imag`, `angle` and `angle_deg`. The
//! translator's `numpy::resolve` picks the loop and spells the path.
//!
//! **Types**: `bool`, the Rust integers, `f32`/`f64`, and `Complex<f32>`/`Complex<f64>`
//! for complex64/complex128. Arguments arrive already converted to the loop's dtypes.
//!
//! **Errors**: every function is infallible except the signed integers' `power`
//! (`KResult`: a negative exponent is NumPy's `ValueError("Integers to negative integer
//! powers are not allowed.")`). NumPy's floating-point warnings (division by zero,
//! overflow, invalid) are not reproduced: values are.
//!
//! **Semantics**: NumPy 2.4's inner loops element by element; see each family's module
//! (`ints`, `floats`, `complexes`, `bools`). Everything is bit-exact against NumPy on an
//! x86-64 CPU with AVX-512 except the transcendental functions, which agree within a few
//! ULP (`scripts/check_ufuncs.py`, table in the guide).

mod bools;
mod complexes;
mod floats;
mod ints;
mod libm;
pub mod powi;
#[cfg(any(test, feature = "ufunc-registry"))]
pub mod registry;
pub(crate) mod round;
#[cfg(test)]
mod tests;
#[allow(clippy::excessive_precision)] // fdlibm's constants, digit for digit
pub mod vmath;

pub use bools::{bool, i64_u64, u64_i64};
pub use complexes::{c64, c128};
pub use floats::{f32, f64};
pub use ints::{i8, i16, i32, i64, u8, u16, u32, u64};
