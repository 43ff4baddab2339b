//! `np.iinfo(T).<attr>` and `np.finfo(T).<attr>`: NumPy's constants of a dtype, known
//! when compiling. Integer attributes are Python ints; `finfo`'s float ones are NumPy
//! scalars of the float type (float32 for `complex64`).

use crate::exports::Dtype;
use crate::messages::Message;
use crate::messages::numpy as msg;
use crate::types::kind;

/// A constant of `iinfo`/`finfo`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum InfoValue {
    /// A Python int.
    Int(i64),
    /// A NumPy scalar of a float dtype.
    Float(Dtype, f64),
}

const IINFO: &str = "`min`, `max`, `bits`";
const FINFO: &str = "`eps`, `epsneg`, `tiny`, `smallest_normal`, `smallest_subnormal`, `max`, \
                     `min`, `resolution`, `bits`, `precision`, `maxexp`, `minexp`, `nmant`, \
                     `nexp`, `machep`, `negep`, `iexp`";

/// `np.iinfo(d).attr` (`int`) or `np.finfo(d).attr`, or the build error: NumPy's
/// `ValueError` for a dtype of the wrong kind, PK0393 for other attributes.
pub(crate) fn info(int: bool, d: Dtype, attr: &str) -> Result<InfoValue, Message> {
    if int { iinfo(d, attr) } else { finfo(d, attr) }
}

/// PK0393 for an attribute of `iinfo` (`int`) or `finfo` that is not supported.
pub(crate) fn attr_error(int: bool, attr: &str) -> Message {
    if int {
        msg::info_attribute("iinfo", attr, &format!("supported: {IINFO}"))
    } else {
        msg::info_attribute("finfo", attr, &format!("supported: {FINFO}"))
    }
}

fn iinfo(d: Dtype, attr: &str) -> Result<InfoValue, Message> {
    let code = match kind(d) {
        0 => Some('b'),
        2 => Some('f'),
        3 => Some('c'),
        _ => None,
    };
    if let Some(c) = code {
        return Err(msg::info_dtype(&format!(
            "Invalid integer data type '{c}'."
        )));
    }
    let bits = d.itemsize() as u32 * 8;
    let (min, max) = if d.is_unsigned() {
        (0i128, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    };
    let v = match attr {
        "min" => min,
        "max" => max,
        "bits" => bits as i128,
        _ => return Err(attr_error(true, attr)),
    };
    i64::try_from(v).map(InfoValue::Int).map_err(|_| {
        msg::info_attribute(
            "iinfo",
            attr,
            "Python ints are 64-bit integers in kernels: this value does not fit",
        )
    })
}

fn finfo(d: Dtype, attr: &str) -> Result<InfoValue, Message> {
    let f = match d {
        Dtype::Float32 | Dtype::Complex64 => Dtype::Float32,
        Dtype::Float64 | Dtype::Complex128 => Dtype::Float64,
        _ => {
            return Err(msg::info_dtype(&format!(
                "data type <class 'numpy.{}'> not inexact",
                d.numpy_name()
            )));
        }
    };
    let single = f == Dtype::Float32;
    let pick = |a: f64, b: f64| if single { a } else { b };
    let pick_i = |a: i64, b: i64| if single { a } else { b };
    let float = |v: f64| Ok(InfoValue::Float(f, v));
    let int = |v: i64| Ok(InfoValue::Int(v));
    match attr {
        "eps" => float(pick(f32::EPSILON as f64, f64::EPSILON)),
        "epsneg" => float(pick(2f64.powi(-24), 2f64.powi(-53))),
        "tiny" | "smallest_normal" => float(pick(f32::MIN_POSITIVE as f64, f64::MIN_POSITIVE)),
        "smallest_subnormal" => float(pick(2f64.powi(-149), 2f64.powi(-1074))),
        "max" => float(pick(f32::MAX as f64, f64::MAX)),
        "min" => float(pick(f32::MIN as f64, f64::MIN)),
        "resolution" => float(pick(1e-6f32 as f64, 1e-15)),
        "bits" => int(pick_i(32, 64)),
        "precision" => int(pick_i(6, 15)),
        "maxexp" => int(pick_i(128, 1024)),
        "minexp" => int(pick_i(-126, -1022)),
        "nmant" => int(pick_i(23, 52)),
        "nexp" | "iexp" => int(pick_i(8, 11)),
        "machep" => int(pick_i(-23, -52)),
        "negep" => int(pick_i(-24, -53)),
        _ => Err(attr_error(false, attr)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_and_errors() {
        assert_eq!(info(true, Dtype::Int16, "max"), Ok(InfoValue::Int(32767)));
        assert_eq!(
            info(true, Dtype::UInt32, "max"),
            Ok(InfoValue::Int(4294967295))
        );
        assert!(info(true, Dtype::UInt64, "max").is_err());
        assert_eq!(info(true, Dtype::UInt64, "min"), Ok(InfoValue::Int(0)));
        assert_eq!(
            info(false, Dtype::Complex64, "eps"),
            Ok(InfoValue::Float(Dtype::Float32, 2f64.powi(-23)))
        );
        assert_eq!(
            info(true, Dtype::Float64, "max").unwrap_err().text,
            "Invalid integer data type 'f'."
        );
        assert_eq!(
            info(false, Dtype::Int32, "eps").unwrap_err().text,
            "data type <class 'numpy.int32'> not inexact"
        );
    }
}
