//! The runtime function of each loop: `::pykernel::__private::ufunc::<types>::<ufunc>`,
//! where `<types>` is the module of the input dtype for loops whose inputs all have one
//! dtype (`i32::add`, `f32::sin`, `c64::absolute`, `f64::isnan`) and the inputs' suffixes
//! joined otherwise (`i64_u64::less`). The output dtype follows from the loop.

use crate::exports::Dtype;

/// The module of a dtype's loops in `::pykernel::__private::ufunc`.
pub(crate) fn suffix(d: Dtype) -> &'static str {
    match d {
        Dtype::Bool => "bool",
        Dtype::Int8 => "i8",
        Dtype::Int16 => "i16",
        Dtype::Int32 => "i32",
        Dtype::Int64 => "i64",
        Dtype::UInt8 => "u8",
        Dtype::UInt16 => "u16",
        Dtype::UInt32 => "u32",
        Dtype::UInt64 => "u64",
        Dtype::Float32 => "f32",
        Dtype::Float64 => "f64",
        Dtype::Complex64 => "c64",
        Dtype::Complex128 => "c128",
    }
}

/// The runtime function of `ufunc`'s loop over `inputs`, and whether it returns
/// `KResult` (integer `power`: a negative exponent is NumPy's `ValueError`).
pub(crate) fn function(ufunc: &str, inputs: &[Dtype], _output: Dtype) -> (String, bool) {
    let types = if inputs.windows(2).all(|w| w[0] == w[1]) {
        inputs.first().map_or("", |d| suffix(*d)).to_owned()
    } else {
        inputs
            .iter()
            .map(|d| suffix(*d))
            .collect::<Vec<_>>()
            .join("_")
    };
    let fallible = ufunc == "power" && inputs.iter().all(|d| d.is_int() && !d.is_unsigned());
    (format!("{types}::{ufunc}"), fallible)
}
