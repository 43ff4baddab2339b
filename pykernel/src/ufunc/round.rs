//! `np.round(x, decimals)` (`PyArray_Round`) and the C casts from float64 to integers
//! it ends with for integer arrays.
//!
//! Floats: `decimals == 0` is `rint(x)`; `decimals > 0` is `rint(x * f) / f` and
//! `decimals < 0` is `rint(x / f) * f`, where `f = 10**|decimals|` is a Python float
//! built by repeated multiplication (`power_of_ten`) and converted to the array's dtype,
//! all in the array's precision. Integers are unchanged for `decimals >= 0`, and go
//! through float64 for `decimals < 0`, cast back as C casts (x86-64).

/// NumPy's `power_of_ten(n)` (`calculation.c`): a table up to 1e8, then repeated
/// multiplication by 10 (from 1e25 on not always the nearest double to 10**n).
#[inline(always)]
pub(crate) fn power_of_ten(n: u64) -> f64 {
    const P10: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    if n < 9 {
        return P10[n as usize];
    }
    let mut ret: f64 = 1e9;
    // Past 1e308 the product is infinite and stays so: stop there (NumPy loops on).
    let mut k = 9;
    while k < n && ret.is_finite() {
        ret *= 10.0;
        k += 1;
    }
    ret
}

/// `|decimals|` as NumPy's C `int` sees it (`INT_MIN` is taken as `INT_MAX`).
#[inline(always)]
fn magnitude(decimals: i64) -> u64 {
    decimals.unsigned_abs()
}

/// `np.round` of a float64.
#[inline(always)]
pub(crate) fn round_f64(x: f64, decimals: i64) -> f64 {
    if decimals == 0 {
        return x.round_ties_even();
    }
    let f = power_of_ten(magnitude(decimals));
    if decimals > 0 {
        (x * f).round_ties_even() / f
    } else {
        (x / f).round_ties_even() * f
    }
}

/// `np.round` of a float32: the factor is the Python float converted to float32.
#[inline(always)]
pub(crate) fn round_f32(x: f32, decimals: i64) -> f32 {
    if decimals == 0 {
        return x.round_ties_even();
    }
    let f = power_of_ten(magnitude(decimals)) as f32;
    if decimals > 0 {
        (x * f).round_ties_even() / f
    } else {
        (x / f).round_ties_even() * f
    }
}

/// A float64 converted to an integer dtype as NumPy's casts do on x86-64: truncation,
/// and for values out of range what the conversion instructions give (the "integer
/// indefinite" `MIN` of a 32- or 64-bit conversion, then the low bits).
pub(crate) trait CastF64: Sized {
    /// The converted value.
    fn cast_f64(x: f64) -> Self;
}

/// `cvttsd2si` with a 32-bit destination: `i32::MIN` when out of range or NaN.
#[inline(always)]
fn cvtt_i32(x: f64) -> i32 {
    if x > -2147483649.0 && x < 2147483648.0 {
        x as i32
    } else {
        i32::MIN
    }
}

/// `cvttsd2si` with a 64-bit destination: `i64::MIN` when out of range or NaN.
#[inline(always)]
fn cvtt_i64(x: f64) -> i64 {
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

macro_rules! cast_via_i32 {
    ($($t:ty),*) => {$(
        impl CastF64 for $t {
            #[inline(always)]
            fn cast_f64(x: f64) -> $t {
                cvtt_i32(x) as $t
            }
        }
    )*};
}
cast_via_i32!(i8, i16, i32, u8, u16);

impl CastF64 for i64 {
    #[inline(always)]
    fn cast_f64(x: f64) -> i64 {
        cvtt_i64(x)
    }
}

impl CastF64 for u32 {
    /// NumPy's vectorized cast (contiguous arrays; its one-element loop goes through
    /// int64 instead, which differs only out of range): the 32-bit conversion, of
    /// `x - 2**31` with the top bit restored from 2**31 on.
    #[inline(always)]
    fn cast_f64(x: f64) -> u32 {
        if x >= 2147483648.0 {
            (cvtt_i32(x - 2147483648.0) as u32) ^ 0x8000_0000
        } else {
            cvtt_i32(x) as u32
        }
    }
}

impl CastF64 for u64 {
    #[inline(always)]
    fn cast_f64(x: f64) -> u64 {
        // Below 2**63 the signed conversion (negative values wrap); up to 2**64 the
        // exact value; beyond it 0.
        if x < 9223372036854775808.0 || x.is_nan() {
            cvtt_i64(x) as u64
        } else if x < 18446744073709551616.0 {
            x as u64
        } else {
            0
        }
    }
}

/// `x` cast to the integer dtype `T` as NumPy does.
#[inline(always)]
pub(crate) fn cast_f64<T: CastF64>(x: f64) -> T {
    T::cast_f64(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_by_repeated_multiplication() {
        assert_eq!(power_of_ten(0), 1.0);
        assert_eq!(power_of_ten(8), 1e8);
        assert_eq!(power_of_ten(22), 1e22);
        // The product drifts from the nearest double to 10**25: NumPy's value is the product.
        assert_eq!(power_of_ten(25), 9.999999999999999e24);
        assert_eq!(power_of_ten(400), f64::INFINITY);
        assert_eq!(power_of_ten(u64::MAX), f64::INFINITY);
    }

    #[test]
    fn rounding_like_numpy() {
        assert_eq!(round_f64(2.5, 0), 2.0);
        assert_eq!(round_f64(-0.5, 0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_f64(1.005, 2), 1.0); // 100.49999999999999 rounds down
        assert_eq!(round_f64(1234.5, -1), 1230.0);
        assert!(round_f64(1.5, 400).is_nan()); // 1.5 * inf / inf
        assert!(round_f32(1.5, 40).is_nan()); // 1e40 is inf in float32: inf / inf
        assert_eq!(round_f32(0.125, 2), 0.12);
    }

    #[test]
    fn casts_like_x86() {
        assert_eq!(cast_f64::<i8>(130.0), -126);
        assert_eq!(cast_f64::<i8>(1e30), 0);
        assert_eq!(cast_f64::<i16>(70000.0), 4464);
        assert_eq!(cast_f64::<i32>(f64::NAN), i32::MIN);
        assert_eq!(cast_f64::<i64>(9223372036854775808.0), i64::MIN);
        assert_eq!(cast_f64::<u8>(-300.7), 212);
        assert_eq!(cast_f64::<u32>(4e9), 4_000_000_000);
        assert_eq!(cast_f64::<u32>(-5.0), 4_294_967_291);
        assert_eq!(cast_f64::<u32>(4294967300.0), 0);
        assert_eq!(cast_f64::<u32>(f64::NAN), 1 << 31);
        assert_eq!(cast_f64::<u64>(-1.5), u64::MAX);
        assert_eq!(cast_f64::<u64>(1.8e19), 18_000_000_000_000_000_000);
        assert_eq!(cast_f64::<u64>(f64::INFINITY), 0);
        assert_eq!(cast_f64::<u64>(f64::NAN), 1 << 63);
    }
}
