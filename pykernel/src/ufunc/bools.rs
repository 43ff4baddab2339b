//! The bool loops (`??->?`): `add` and `maximum` are `or`, `multiply` and `minimum` are
//! `and`, the bitwise ufuncs are the logical ones (NumPy's `loops.h.src` aliases).

/// The `bool` loops.
pub mod bool {
    /// `np.add`: logical or.
    #[inline(always)]
    pub fn add(a: bool, b: bool) -> bool {
        a | b
    }
    /// `np.multiply`: logical and.
    #[inline(always)]
    pub fn multiply(a: bool, b: bool) -> bool {
        a & b
    }
    /// `np.maximum`: logical or.
    #[inline(always)]
    pub fn maximum(a: bool, b: bool) -> bool {
        a | b
    }
    /// `np.minimum`: logical and.
    #[inline(always)]
    pub fn minimum(a: bool, b: bool) -> bool {
        a & b
    }
    /// `np.fmax`: logical or.
    #[inline(always)]
    pub fn fmax(a: bool, b: bool) -> bool {
        a | b
    }
    /// `np.fmin`: logical and.
    #[inline(always)]
    pub fn fmin(a: bool, b: bool) -> bool {
        a & b
    }
    /// `np.absolute`: the value itself.
    #[inline(always)]
    pub fn absolute(a: bool) -> bool {
        a
    }
    /// `np.floor`: the value itself.
    #[inline(always)]
    pub fn floor(a: bool) -> bool {
        a
    }
    /// `np.ceil`: the value itself.
    #[inline(always)]
    pub fn ceil(a: bool) -> bool {
        a
    }
    /// `np.trunc`: the value itself.
    #[inline(always)]
    pub fn trunc(a: bool) -> bool {
        a
    }
    /// `np.isnan`: never.
    #[inline(always)]
    pub fn isnan(_a: bool) -> bool {
        false
    }
    /// `np.isinf`: never.
    #[inline(always)]
    pub fn isinf(_a: bool) -> bool {
        false
    }
    /// `np.isfinite`: always.
    #[inline(always)]
    pub fn isfinite(_a: bool) -> bool {
        true
    }
    /// `np.logical_and`.
    #[inline(always)]
    pub fn logical_and(a: bool, b: bool) -> bool {
        a & b
    }
    /// `np.logical_or`.
    #[inline(always)]
    pub fn logical_or(a: bool, b: bool) -> bool {
        a | b
    }
    /// `np.logical_xor`.
    #[inline(always)]
    pub fn logical_xor(a: bool, b: bool) -> bool {
        a ^ b
    }
    /// `np.logical_not`.
    #[inline(always)]
    pub fn logical_not(a: bool) -> bool {
        !a
    }
    /// `np.bitwise_and`.
    #[inline(always)]
    pub fn bitwise_and(a: bool, b: bool) -> bool {
        a & b
    }
    /// `np.bitwise_or`.
    #[inline(always)]
    pub fn bitwise_or(a: bool, b: bool) -> bool {
        a | b
    }
    /// `np.bitwise_xor`.
    #[inline(always)]
    pub fn bitwise_xor(a: bool, b: bool) -> bool {
        a ^ b
    }
    /// `np.invert` (`~`): logical not.
    #[inline(always)]
    pub fn invert(a: bool) -> bool {
        !a
    }
    /// `np.greater`.
    #[inline(always)]
    pub fn greater(a: bool, b: bool) -> bool {
        a & !b
    }
    /// `np.greater_equal`.
    #[inline(always)]
    pub fn greater_equal(a: bool, b: bool) -> bool {
        a | !b
    }
    /// `np.less`.
    #[inline(always)]
    pub fn less(a: bool, b: bool) -> bool {
        !a & b
    }
    /// `np.less_equal`.
    #[inline(always)]
    pub fn less_equal(a: bool, b: bool) -> bool {
        !a | b
    }
    /// `np.equal`.
    #[inline(always)]
    pub fn equal(a: bool, b: bool) -> bool {
        a == b
    }
    /// `np.not_equal`.
    #[inline(always)]
    pub fn not_equal(a: bool, b: bool) -> bool {
        a != b
    }
}

/// NumPy's `qQ->?` comparisons: an int64 against a uint64, exactly (also a NumPy
/// integer against a Python int, which `special_integer_comparisons.cpp` compares
/// exactly: Python ints are int64 here).
pub mod i64_u64 {
    /// `a` as a 128-bit integer, `b` too: exact.
    #[inline(always)]
    fn wide(a: i64, b: u64) -> (i128, i128) {
        (a as i128, b as i128)
    }
    /// `np.greater`.
    #[inline(always)]
    pub fn greater(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a > b
    }
    /// `np.greater_equal`.
    #[inline(always)]
    pub fn greater_equal(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a >= b
    }
    /// `np.less`.
    #[inline(always)]
    pub fn less(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a < b
    }
    /// `np.less_equal`.
    #[inline(always)]
    pub fn less_equal(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a <= b
    }
    /// `np.equal`.
    #[inline(always)]
    pub fn equal(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a == b
    }
    /// `np.not_equal`.
    #[inline(always)]
    pub fn not_equal(a: i64, b: u64) -> bool {
        let (a, b) = wide(a, b);
        a != b
    }
}

/// NumPy's `Qq->?` comparisons: a uint64 against an int64, exactly.
pub mod u64_i64 {
    /// `np.greater`.
    #[inline(always)]
    pub fn greater(a: u64, b: i64) -> bool {
        super::i64_u64::less(b, a)
    }
    /// `np.greater_equal`.
    #[inline(always)]
    pub fn greater_equal(a: u64, b: i64) -> bool {
        super::i64_u64::less_equal(b, a)
    }
    /// `np.less`.
    #[inline(always)]
    pub fn less(a: u64, b: i64) -> bool {
        super::i64_u64::greater(b, a)
    }
    /// `np.less_equal`.
    #[inline(always)]
    pub fn less_equal(a: u64, b: i64) -> bool {
        super::i64_u64::greater_equal(b, a)
    }
    /// `np.equal`.
    #[inline(always)]
    pub fn equal(a: u64, b: i64) -> bool {
        super::i64_u64::equal(b, a)
    }
    /// `np.not_equal`.
    #[inline(always)]
    pub fn not_equal(a: u64, b: i64) -> bool {
        super::i64_u64::not_equal(b, a)
    }
}
