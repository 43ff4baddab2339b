//! The integer loops: one module per dtype (`i8` ... `u64`) with one function per
//! ufunc, NumPy's inner loops element by element (`loops_autovec.dispatch.c.src`,
//! `loops_arithmetic.dispatch.c.src`, `loops_modulo.dispatch.c.src`, `loops.c.src`).
//!
//! Arithmetic wraps; division and modulo by zero give 0 (NumPy only warns), and so does
//! `MIN % -1`; `MIN // -1` is `MIN`; `abs(MIN)` is `MIN`. Shifts by a count at or past
//! the width (or negative, which NumPy reads as huge) give 0, or -1 for a right shift of
//! a negative number. Only `power` can fail: a negative exponent is NumPy's `ValueError`.

/// The functions every integer dtype has.
macro_rules! int_common {
    ($t:ty) => {
        use crate::error::KResult;
        use crate::ops::PyInt;

        const BITS: u64 = <$t>::BITS as u64;

        /// `np.add`: wraps.
        #[inline(always)]
        pub fn add(a: $t, b: $t) -> $t {
            a.wrapping_add(b)
        }
        /// `np.subtract`: wraps.
        #[inline(always)]
        pub fn subtract(a: $t, b: $t) -> $t {
            a.wrapping_sub(b)
        }
        /// `np.multiply`: wraps.
        #[inline(always)]
        pub fn multiply(a: $t, b: $t) -> $t {
            a.wrapping_mul(b)
        }
        /// `np.floor_divide`: floors; 0 for a zero divisor, `MIN // -1` is `MIN`.
        #[inline(always)]
        pub fn floor_divide(a: $t, b: $t) -> $t {
            a.np_floordiv(b)
        }
        /// `np.remainder` (`%`): the sign of the divisor; 0 for a zero divisor.
        #[inline(always)]
        pub fn remainder(a: $t, b: $t) -> $t {
            a.np_mod(b)
        }
        /// `np.fmod`: C's `%` (the sign of the dividend); 0 for a zero divisor and for
        /// `MIN % -1`.
        #[inline(always)]
        pub fn fmod(a: $t, b: $t) -> $t {
            a.checked_rem(b).unwrap_or(0)
        }
        /// `np.square`: wraps.
        #[inline(always)]
        pub fn square(a: $t) -> $t {
            a.wrapping_mul(a)
        }
        /// `np.negative`: wraps (`-MIN` is `MIN`; unsigned values wrap around).
        #[inline(always)]
        pub fn negative(a: $t) -> $t {
            a.wrapping_neg()
        }
        /// `np.positive`.
        #[inline(always)]
        pub fn positive(a: $t) -> $t {
            a
        }
        /// `np.conjugate`: the value itself.
        #[inline(always)]
        pub fn conjugate(a: $t) -> $t {
            a
        }
        /// `np.floor`: the value itself (NumPy 2.x keeps integer dtypes).
        #[inline(always)]
        pub fn floor(a: $t) -> $t {
            a
        }
        /// `np.ceil`: the value itself.
        #[inline(always)]
        pub fn ceil(a: $t) -> $t {
            a
        }
        /// `np.trunc`: the value itself.
        #[inline(always)]
        pub fn trunc(a: $t) -> $t {
            a
        }
        /// `np.maximum`.
        #[inline(always)]
        pub fn maximum(a: $t, b: $t) -> $t {
            if a > b { a } else { b }
        }
        /// `np.minimum`.
        #[inline(always)]
        pub fn minimum(a: $t, b: $t) -> $t {
            if a < b { a } else { b }
        }
        /// `np.fmax`: as `maximum` for integers.
        #[inline(always)]
        pub fn fmax(a: $t, b: $t) -> $t {
            maximum(a, b)
        }
        /// `np.fmin`: as `minimum` for integers.
        #[inline(always)]
        pub fn fmin(a: $t, b: $t) -> $t {
            minimum(a, b)
        }
        /// `np.isnan`: never.
        #[inline(always)]
        pub fn isnan(_a: $t) -> bool {
            false
        }
        /// `np.isinf`: never.
        #[inline(always)]
        pub fn isinf(_a: $t) -> bool {
            false
        }
        /// `np.isfinite`: always.
        #[inline(always)]
        pub fn isfinite(_a: $t) -> bool {
            true
        }
        /// `np.logical_and`.
        #[inline(always)]
        pub fn logical_and(a: $t, b: $t) -> bool {
            a != 0 && b != 0
        }
        /// `np.logical_or`.
        #[inline(always)]
        pub fn logical_or(a: $t, b: $t) -> bool {
            a != 0 || b != 0
        }
        /// `np.logical_xor`.
        #[inline(always)]
        pub fn logical_xor(a: $t, b: $t) -> bool {
            (a != 0) != (b != 0)
        }
        /// `np.logical_not`.
        #[inline(always)]
        pub fn logical_not(a: $t) -> bool {
            a == 0
        }
        /// `np.bitwise_and`.
        #[inline(always)]
        pub fn bitwise_and(a: $t, b: $t) -> $t {
            a & b
        }
        /// `np.bitwise_or`.
        #[inline(always)]
        pub fn bitwise_or(a: $t, b: $t) -> $t {
            a | b
        }
        /// `np.bitwise_xor`.
        #[inline(always)]
        pub fn bitwise_xor(a: $t, b: $t) -> $t {
            a ^ b
        }
        /// `np.invert`.
        #[inline(always)]
        pub fn invert(a: $t) -> $t {
            !a
        }
        /// `np.left_shift` (`npy_lshift`): 0 for a count at or past the width, or
        /// negative.
        #[inline(always)]
        pub fn left_shift(a: $t, b: $t) -> $t {
            // A negative count is huge as an unsigned number, as NumPy's `(size_t)b`.
            if (b as u64) < BITS {
                a.wrapping_shl(b as u32)
            } else {
                0
            }
        }
        /// `np.greater`.
        #[inline(always)]
        pub fn greater(a: $t, b: $t) -> bool {
            a > b
        }
        /// `np.greater_equal`.
        #[inline(always)]
        pub fn greater_equal(a: $t, b: $t) -> bool {
            a >= b
        }
        /// `np.less`.
        #[inline(always)]
        pub fn less(a: $t, b: $t) -> bool {
            a < b
        }
        /// `np.less_equal`.
        #[inline(always)]
        pub fn less_equal(a: $t, b: $t) -> bool {
            a <= b
        }
        /// `np.equal`.
        #[inline(always)]
        pub fn equal(a: $t, b: $t) -> bool {
            a == b
        }
        /// `np.not_equal`.
        #[inline(always)]
        pub fn not_equal(a: $t, b: $t) -> bool {
            a != b
        }
        /// `np.round(a, decimals)`: `a` for `decimals >= 0`, else NumPy's float64 route
        /// (`rint(a / 10**-d) * 10**-d`) and its C cast back to the integer dtype.
        #[inline(always)]
        pub fn round(a: $t, decimals: i64) -> $t {
            if decimals >= 0 {
                a
            } else {
                crate::ufunc::round::cast_f64(crate::ufunc::round::round_f64(a as f64, decimals))
            }
        }
        /// `np.power` (wrapping); shared by the signed and unsigned versions.
        #[inline(always)]
        fn power_wrapping(a: $t, b: $t) -> KResult<$t> {
            a.py_pow(b)
        }
    };
}

/// A signed integer dtype's module.
macro_rules! signed {
    ($m:ident, $t:ty, $name:literal) => {
        #[doc = concat!("The `", $name, "` loops.")]
        pub mod $m {
            int_common!($t);

            /// `np.absolute`: wraps (`abs(MIN)` is `MIN`).
            #[inline(always)]
            pub fn absolute(a: $t) -> $t {
                a.wrapping_abs()
            }
            /// `np.sign`: -1, 0 or 1.
            #[inline(always)]
            pub fn sign(a: $t) -> $t {
                a.signum()
            }
            /// `np.reciprocal`: NumPy's `(int)(1.0 / a)`: 1 and -1 are their own
            /// reciprocals, other non-zero values give 0, and 0 gives what the C cast
            /// of infinity gives on x86-64 (`MIN` for 32 and 64 bits, 0 for narrower).
            #[inline(always)]
            pub fn reciprocal(a: $t) -> $t {
                match a {
                    1 => 1,
                    -1 => -1,
                    0 if BITS >= 32 => <$t>::MIN,
                    _ => 0,
                }
            }
            /// `np.right_shift` (`npy_rshift`): arithmetic; a count at or past the width
            /// (or negative) gives 0, or -1 for a negative value.
            #[inline(always)]
            pub fn right_shift(a: $t, b: $t) -> $t {
                if (b as u64) < BITS {
                    a >> (b as u32)
                } else if a < 0 {
                    -1
                } else {
                    0
                }
            }
            /// `np.power`: wraps; a negative exponent is NumPy's `ValueError`.
            #[inline(always)]
            pub fn power(a: $t, b: $t) -> KResult<$t> {
                power_wrapping(a, b)
            }
        }
    };
}

/// An unsigned integer dtype's module.
macro_rules! unsigned {
    ($m:ident, $t:ty, $name:literal) => {
        #[doc = concat!("The `", $name, "` loops.")]
        pub mod $m {
            int_common!($t);

            /// `np.absolute`: the value itself.
            #[inline(always)]
            pub fn absolute(a: $t) -> $t {
                a
            }
            /// `np.sign`: 0 or 1.
            #[inline(always)]
            pub fn sign(a: $t) -> $t {
                (a > 0) as $t
            }
            /// `np.reciprocal`: NumPy's `(unsigned)(1.0 / a)`: 1 for 1, else 0 (0 too:
            /// the C cast of infinity).
            #[inline(always)]
            pub fn reciprocal(a: $t) -> $t {
                (a == 1) as $t
            }
            /// `np.right_shift` (`npy_rshift`): 0 for a count at or past the width.
            #[inline(always)]
            pub fn right_shift(a: $t, b: $t) -> $t {
                if (b as u64) < BITS {
                    a >> (b as u32)
                } else {
                    0
                }
            }
            /// `np.power`: wraps (never fails).
            #[inline(always)]
            pub fn power(a: $t, b: $t) -> $t {
                match power_wrapping(a, b) {
                    Ok(v) => v,
                    // Unsigned exponents are never negative.
                    Err(_) => 0,
                }
            }
        }
    };
}

signed!(i8, i8, "int8");
signed!(i16, i16, "int16");
signed!(i32, i32, "int32");
signed!(i64, i64, "int64");
unsigned!(u8, u8, "uint8");
unsigned!(u16, u16, "uint16");
unsigned!(u32, u32, "uint32");
unsigned!(u64, u64, "uint64");
