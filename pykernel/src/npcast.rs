//! NumPy's array casts from floats to integers (`a.astype(np.int16)`, storing a float
//! array into an integer one): C conversions as compiled for x86-64, where a value out
//! of range (or NaN) becomes the "integer indefinite" (the most negative value) of the
//! conversion instruction. NumPy does not raise there, unlike scalar stores.

/// `cvttsd2si` to 32 bits.
#[inline(always)]
fn cvt32(x: f64) -> i32 {
    if (-2_147_483_648.0..2_147_483_648.0).contains(&x) {
        x as i32
    } else {
        i32::MIN
    }
}

/// `cvttsd2si` to 64 bits.
#[inline(always)]
fn cvt64(x: f64) -> i64 {
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// A float converted to an integer type as NumPy's array casts do.
pub trait FromFloatCast {
    /// The conversion of `x`.
    fn from_float(x: f64) -> Self;
}

macro_rules! via32 {
    ($($t:ty),*) => {$(
        impl FromFloatCast for $t {
            #[inline(always)]
            fn from_float(x: f64) -> $t {
                cvt32(x) as $t
            }
        }
    )*};
}
via32!(i8, i16, i32, u8, u16);

impl FromFloatCast for i64 {
    #[inline(always)]
    fn from_float(x: f64) -> i64 {
        cvt64(x)
    }
}

impl FromFloatCast for u32 {
    #[inline(always)]
    fn from_float(x: f64) -> u32 {
        if x >= 2_147_483_648.0 {
            (cvt32(x - 2_147_483_648.0) as u32) ^ 0x8000_0000
        } else {
            cvt32(x) as u32
        }
    }
}

impl FromFloatCast for u64 {
    #[inline(always)]
    fn from_float(x: f64) -> u64 {
        if x >= 9_223_372_036_854_775_808.0 {
            (cvt64(x - 9_223_372_036_854_775_808.0) as u64) ^ (1 << 63)
        } else {
            cvt64(x) as u64
        }
    }
}

/// `x` (a float) as integer type `T`, as NumPy's array casts convert it.
#[inline(always)]
pub fn float_cast<T: FromFloatCast>(x: f64) -> T {
    T::from_float(x)
}

#[cfg(test)]
mod tests {
    use super::float_cast;

    #[test]
    fn out_of_range_values_follow_the_conversion_instructions() {
        let nan = f64::NAN;
        assert_eq!(float_cast::<i16>(nan), 0);
        assert_eq!(float_cast::<i16>(70000.5), 4464);
        assert_eq!(float_cast::<i32>(f64::INFINITY), i32::MIN);
        assert_eq!(float_cast::<u32>(nan), 1 << 31);
        assert_eq!(float_cast::<u32>(f64::INFINITY), 0);
        assert_eq!(float_cast::<u32>(3e9), 3_000_000_000);
        assert_eq!(float_cast::<u32>(-70000.5), 4_294_897_296);
        assert_eq!(float_cast::<u64>(2f64.powi(63)), 1 << 63);
        assert_eq!(float_cast::<u64>(2f64.powi(64)), 0);
        assert_eq!(float_cast::<u64>(-1.0), u64::MAX);
        assert_eq!(float_cast::<i64>(-1e30), i64::MIN);
    }
}
