//! `a ** k` of float arrays for a small integer literal `k`, without `pow`.
//!
//! NumPy calls the C library's `pow` for every element (40–100 cycles, and no vector
//! loop); the product of `k` factors by binary powering is a few multiplications that
//! LLVM vectorizes. Each multiplication is carried out in double-double arithmetic
//! (Dekker's exact product, without fused multiply-add, so the same on every CPU), so
//! the result is the exact power rounded once or twice: within 1 ULP of `pow` (SPEC 9
//! allows 4 for transcendental loops). Zeros, infinities, NaN, overflow and underflow
//! take the plain product, which gives `pow`'s values and signs there.

/// The largest exponent written as products (binary powering of 9 takes 5
/// multiplications; the plain product alone stays within 4 ULP up to here).
pub const MAX_EXPONENT: i64 = 9;

/// Veltkamp's split of `a` into two halves of 26 bits (exact: `a == hi + lo`).
#[inline(always)]
fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a; // 2**27 + 1
    let hi = c - (c - a);
    (hi, a - hi)
}

/// `a * b` as `p + e` exactly (Dekker), for products that neither overflow nor underflow.
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    (p, e)
}

/// The double-double product of `x` and `y` (relative error about 2**-104).
#[inline(always)]
fn dd_mul(x: (f64, f64), y: (f64, f64)) -> (f64, f64) {
    let (p, e) = two_prod(x.0, y.0);
    let e = e + (x.0 * y.1 + x.1 * y.0);
    let s = p + e;
    (s, e - (s - p))
}

/// `x ** k` for `1 <= k <= MAX_EXPONENT`.
#[inline(always)]
pub fn powi_f64(x: f64, k: u32) -> f64 {
    let mut plain = 1.0f64;
    let mut acc = (1.0f64, 0.0f64);
    let mut base_plain = x;
    let mut base = (x, 0.0f64);
    let mut n = k;
    // `k` is a constant at every call: LLVM unrolls this completely.
    while n > 0 {
        if n & 1 == 1 {
            plain *= base_plain;
            acc = dd_mul(acc, base);
        }
        n >>= 1;
        if n > 0 {
            base_plain *= base_plain;
            base = dd_mul(base, base);
        }
    }
    let r = acc.0 + acc.1;
    // Selects, not branches: the loop around stays vectorizable.
    let exact = plain.is_finite() && plain != 0.0 && r.is_finite();
    if exact { r } else { plain }
}

/// `x ** k` of float32 (`1 <= k <= MAX_EXPONENT`): the float64 power rounded to float32
/// (within 1 ULP of `powf`; float32 overflow and underflow as `powf`).
#[inline(always)]
pub fn powi_f32(x: f32, k: u32) -> f32 {
    powi_f64(f64::from(x), k) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place between two finite floats of one sign.
    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
    }

    #[test]
    fn products_are_within_one_ulp_of_pow() {
        // A deterministic spread of magnitudes and mantissas, both signs.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut worst = 0;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mant = 1.0 + (state >> 11) as f64 / (1u64 << 53) as f64;
            let exp = ((state & 0xff) as i32 - 128) / 3;
            let sign = if state & 0x100 != 0 { -1.0 } else { 1.0 };
            let x = sign * mant * 2f64.powi(exp);
            for k in 1..=MAX_EXPONENT as u32 {
                let (got, want) = (powi_f64(x, k), x.powf(f64::from(k)));
                assert_eq!(
                    got.is_sign_negative(),
                    want.is_sign_negative(),
                    "{x} ** {k}"
                );
                if want.is_finite() && want != 0.0 {
                    worst = worst.max(ulps(got, want));
                } else {
                    assert_eq!(got.to_bits(), want.to_bits(), "{x} ** {k}");
                }
            }
        }
        assert!(worst <= 1, "{worst} ULP");
    }

    #[test]
    fn special_values_are_pows() {
        let xs = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e300,
            -1e300,
            1e-300,
            -1e-300,
            5e-324,
            f64::MAX,
            1.0,
            -1.0,
        ];
        for x in xs {
            for k in 1..=MAX_EXPONENT as u32 {
                let (got, want) = (powi_f64(x, k), x.powf(f64::from(k)));
                if want.is_nan() {
                    assert!(got.is_nan(), "{x} ** {k}");
                } else {
                    assert_eq!(got.to_bits(), want.to_bits(), "{x} ** {k}: {got} vs {want}");
                }
            }
        }
        // Results near the ends of the range: subnormal and near overflow.
        for i in 0..2000 {
            let t = f64::from(i) / 2000.0;
            for (x, k) in [
                (1e-106 * (1.0 + 9.0 * t), 3),
                (1e-40 * (1.0 + t), 8),
                (1e34 * (1.0 + t), 9),
            ] {
                let (got, want) = (powi_f64(x, k), x.powf(f64::from(k)));
                assert!(ulps(got, want) <= 1, "{x} ** {k}: {got} vs {want}");
            }
        }
        assert_eq!(powi_f32(3.0e13, 3), f32::INFINITY);
        assert_eq!(powi_f32(-1.5, 3), -3.375);
    }
}
