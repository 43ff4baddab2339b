//! `np.round`/`np.around`, `np.real`, `np.imag` and `np.angle`: NumPy functions, not
//! ufuncs, whose per-element work is still one runtime function per dtype. Each gives a
//! [`Resolved`] like a ufunc.

use super::resolve::{Resolved, Unsupported, resolve};
use super::{runtime_names, ufunc};
use crate::exports::Dtype;
use crate::types::Scalar;

/// `np.round(x, decimals)` (`PyArray_Round`): the result has `x`'s dtype (a Python
/// scalar is converted first, so `np.round(2.5)` is a `float64`). The runtime function
/// takes the element and `decimals: i64` (`f64::round(x, decimals)`): floats by NumPy's
/// multiply/`rint`/divide in their own precision, complex numbers by parts, integers
/// unchanged for `decimals >= 0` and through float64 otherwise. `decimals` is `None`
/// when it is not known while compiling.
///
/// NumPy rounds bools through float16 (`decimals == 0`) or raises (any other value).
pub(crate) fn round(x: Scalar, decimals: Option<i64>) -> Result<Resolved, Unsupported> {
    let d = x.dtype;
    if d == Dtype::Bool {
        let op = match decimals {
            None | Some(0) => return Err(Unsupported::Dtype("float16")),
            Some(n) if n > 0 => "multiply",
            Some(_) => "divide",
        };
        return Err(Unsupported::NumPy {
            exception: "UFuncTypeError",
            message: format!(
                "Cannot cast ufunc '{op}' output from dtype('float64') to dtype('bool') with \
                 casting rule 'same_kind'"
            ),
        });
    }
    Ok(Resolved {
        ufunc: "round",
        inputs: vec![d, Dtype::Int64],
        output: d,
        range_check: vec![None, None],
        function: format!("{}::round", runtime_names::suffix(d)),
        fallible: false,
    })
}

/// `np.real(x)`: the real part of a complex number (float32 for complex64), else `x`
/// itself. `x.real` of a Python number is a Python number (`True.real` is the int 1),
/// so the result keeps `py` (and a Python bool becomes a Python int). The runtime
/// function is `c64::real`/`c128::real` for complex input (other dtypes need no call).
pub(crate) fn real(x: Scalar) -> Scalar {
    part(x)
}

/// `np.imag(x)`: the imaginary part of a complex number, else a zero of `x`'s dtype
/// (a Python bool gives the Python int 0); the runtime function is `c64::imag`/`c128::imag`
/// for complex input.
pub(crate) fn imag(x: Scalar) -> Scalar {
    part(x)
}

fn part(x: Scalar) -> Scalar {
    let dtype = match x.dtype {
        Dtype::Complex64 => Dtype::Float32,
        Dtype::Complex128 => Dtype::Float64,
        Dtype::Bool if x.py => Dtype::Int64,
        d => d,
    };
    Scalar { dtype, py: x.py }
}

/// `np.angle(z, deg)`: `arctan2(z.imag, z.real)` for complex `z`, else `arctan2(0, z)`
/// with the Python int 0 against `z` as an array (so `angle` of int8 is a float16 loop,
/// unsupported); `deg` multiplies by the Python float `180 / pi` in the result's dtype.
/// The runtime function (`c64::angle`, `f64::angle`, `f32::angle_deg`, ...) takes `z`
/// converted to `inputs[0]`.
pub(crate) fn angle(z: Scalar, deg: bool) -> Result<Resolved, Unsupported> {
    let deg_part = if deg { "angle_deg" } else { "angle" };
    let (input, output) = match z.dtype {
        Dtype::Complex64 => (Dtype::Complex64, Dtype::Float32),
        Dtype::Complex128 => (Dtype::Complex128, Dtype::Float64),
        d => {
            let arctan2 = ufunc("arctan2").ok_or(Unsupported::Dtype("object"))?;
            let r = resolve(arctan2, &[Scalar::INT, Scalar::np(d)])?;
            (r.inputs[1], r.output)
        }
    };
    Ok(Resolved {
        ufunc: deg_part,
        inputs: vec![input],
        output,
        range_check: vec![None],
        function: format!("{}::{deg_part}", runtime_names::suffix(input)),
        fallible: false,
    })
}
