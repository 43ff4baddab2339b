//! Branch-free float64 `exp`, `log` and `atan2` that LLVM vectorizes inside a loop (no
//! calls, no data-dependent branches: special cases are selects), with the accuracy of
//! a good libm (below 1 ULP from the exact result), so within a few ULP of NumPy's
//! SIMD/SVML results as the platform libm is; float32 versions through them; and
//! `sin`/`cos` for arguments below `MEDIUM_LIMIT` (not yet full-range).
//!
//! No fused multiply-add: results are the same on every CPU and under every target
//! feature set (SPEC 9: run-time SIMD dispatch must not change results). The algorithms
//! are the classic ones of Sun's fdlibm (Cody-Waite argument reduction, minimax
//! polynomials on the reduced interval), written without branches. The constants are
//! fdlibm's, as printed there (more digits than a double holds).

/// `2**k` for an integer-valued `k` in `[-1022, 1023]`, from its bits without any
/// float-to-integer conversion (SSE2 and AVX2 have no packed one for 64-bit integers):
/// the low mantissa bits of `k + 1023 + 2**52` are `k + 1023`.
#[inline(always)]
fn pow2f(k: f64) -> f64 {
    const MAGIC: f64 = 4503599627371519.0; // 2**52 + 1023
    f64::from_bits((k + MAGIC).to_bits() << 52)
}

/// `y * 2**k` for an integer-valued `k` in `[-2044, 2046]`, rounded once (as C's
/// `scalbn`): two factors in the normal range, the first product exact for the `y` of
/// the callers (`0.5 <= |y| < 2`).
#[inline(always)]
fn scale(y: f64, k: f64) -> f64 {
    let k1 = round_magic(k * 0.5);
    (y * pow2f(k1)) * pow2f(k - k1)
}

/// Round to nearest integer as a float, for `|x| < 2**51` (the 1.5 * 2**52 trick).
#[inline(always)]
fn round_magic(x: f64) -> f64 {
    const MAGIC: f64 = 6755399441055744.0; // 1.5 * 2**52
    (x + MAGIC) - MAGIC
}

/// The low two bits of an integer-valued `n` (`|n| < 2**51`), without conversion.
#[inline(always)]
fn low_bits(n: f64) -> u64 {
    const MAGIC: f64 = 6755399441055744.0;
    (n + MAGIC).to_bits() & 3
}

/// `exp(x)` (fdlibm's algorithm: `x = k ln2 + r`, `exp(r)` by a rational approximation).
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const INV_LN2: f64 = std::f64::consts::LOG2_E;
    const P1: f64 = 1.666_666_666_666_660_190_37e-1;
    const P2: f64 = -2.777_777_777_701_559_338_42e-3;
    const P3: f64 = 6.613_756_321_437_934_361_17e-5;
    const P4: f64 = -1.653_390_220_546_525_153_90e-6;
    const P5: f64 = 4.138_136_797_057_238_460_39e-8;
    const OVER: f64 = 7.097_827_128_933_839_730_96e2;
    const UNDER: f64 = -7.451_332_191_019_412_076_235e2;
    // Clamp so the reduction stays in range; the selects below fix the ends.
    let xc = x.clamp(-750.0, 710.0);
    let kf = round_magic(xc * INV_LN2);
    let hi = xc - kf * LN2_HI; // exact: kf has at most 11 bits, LN2_HI 32
    let lo = kf * LN2_LO;
    let r = hi - lo;
    let t = r * r;
    let c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    let y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    let res = scale(y, kf);
    let res = if x > OVER { f64::INFINITY } else { res };
    let res = if x < UNDER { 0.0 } else { res };
    if x.is_nan() { x } else { res }
}

/// `log(x)` (fdlibm's algorithm: `x = 2**k (1 + f)`, `log(1 + f)` from `s = f / (2 + f)`
/// by a polynomial in `s**2`).
#[inline(always)]
pub fn log(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const LG1: f64 = 6.666_666_666_666_735_130e-1;
    const LG2: f64 = 3.999_999_999_940_941_908e-1;
    const LG3: f64 = 2.857_142_874_366_239_149e-1;
    const LG4: f64 = 2.222_219_843_214_978_396e-1;
    const LG5: f64 = 1.818_357_216_161_805_012e-1;
    const LG6: f64 = 1.531_383_769_920_937_332e-1;
    const LG7: f64 = 1.479_819_860_511_658_591e-1;
    // Subnormals: scale into the normal range first.
    let sub = x < f64::MIN_POSITIVE;
    let xs = if sub { x * 18014398509481984.0 } else { x }; // 2**54
    let bits = xs.to_bits();
    // The exponent as a float: its 11 bits as the low mantissa bits of 2**52.
    let e = f64::from_bits(0x4330_0000_0000_0000 | ((bits >> 52) & 0x7ff))
        - (4503599627370496.0 + 1023.0)
        - if sub { 54.0 } else { 0.0 };
    // The mantissa m in [1, 2); move it to [sqrt(2)/2, sqrt(2)).
    let m1 = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let big = m1 > std::f64::consts::SQRT_2;
    let m = if big { m1 * 0.5 } else { m1 };
    let k = if big { e + 1.0 } else { e };
    let f = m - 1.0;
    let hfsq = 0.5 * f * f;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let res = k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    let res = if x == 0.0 { f64::NEG_INFINITY } else { res };
    let res = if x < 0.0 { f64::NAN } else { res };
    if x == f64::INFINITY || x.is_nan() {
        x
    } else {
        res
    }
}

/// `atan(t)` for `t >= 0` (fdlibm's `s_atan.c`: five intervals chosen by selects).
#[inline(always)]
fn atan_pos(t: f64) -> f64 {
    const ATANHI: [f64; 4] = [
        4.636_476_090_008_060_935_15e-1,
        std::f64::consts::FRAC_PI_4,
        9.827_937_232_473_290_540_43e-1,
        std::f64::consts::FRAC_PI_2,
    ];
    const ATANLO: [f64; 4] = [
        2.269_877_745_296_168_709_24e-17,
        3.061_616_997_868_383_017_93e-17,
        1.390_331_103_123_099_845_16e-17,
        6.123_233_995_736_766_035_87e-17,
    ];
    const AT: [f64; 11] = [
        3.333_333_333_333_293_180_27e-1,
        -1.999_999_999_987_648_324_76e-1,
        1.428_571_427_250_346_637_11e-1,
        -1.111_111_040_546_235_578_80e-1,
        9.090_887_133_436_506_561_96e-2,
        -7.691_876_205_044_829_994_95e-2,
        6.661_073_137_387_531_206_69e-2,
        -5.833_570_133_790_573_486_45e-2,
        4.976_877_994_615_932_360_17e-2,
        -3.653_157_274_421_691_552_70e-2,
        1.628_582_011_536_578_236_23e-2,
    ];
    // The interval: (a t + b) / (c t + d) is the reduced argument, atan(t) =
    // hi + atan(reduced) (+ lo).
    let i1 = t >= 0.4375;
    let i2 = t >= 0.6875;
    let i3 = t >= 1.1875;
    let i4 = t >= 2.4375;
    let (a, b, c, d) = if i4 {
        (0.0, -1.0, 1.0, 0.0)
    } else if i3 {
        (1.0, -1.5, 1.5, 1.0)
    } else if i2 {
        (1.0, -1.0, 1.0, 1.0)
    } else if i1 {
        (2.0, -1.0, 1.0, 2.0)
    } else {
        (1.0, 0.0, 0.0, 1.0)
    };
    // Selects, not an indexed load: a table lookup would be a gather.
    let (hi, lo) = if i4 {
        (ATANHI[3], ATANLO[3])
    } else if i3 {
        (ATANHI[2], ATANLO[2])
    } else if i2 {
        (ATANHI[1], ATANLO[1])
    } else if i1 {
        (ATANHI[0], ATANLO[0])
    } else {
        (0.0, 0.0)
    };
    let tt = if i4 && t > 1e300 { 1e300 } else { t }; // keep 0 * t finite
    let x = (a * tt + b) / (c * tt + d);
    let z = x * x;
    let w = z * z;
    let s1 = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
    let s2 = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
    let res = hi - ((x * (s1 + s2) - lo) - x);
    // Beyond 2**66 atan is pi/2 to double precision.
    if t >= 7.378_697_629_483_820_646_4e19 {
        ATANHI[3] + ATANLO[3]
    } else {
        res
    }
}

/// `atan2(y, x)` (fdlibm's `e_atan2.c` with its special cases as selects).
#[inline(always)]
pub fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    const PI_LO: f64 = 1.224_646_799_147_353_207_2e-16;
    let neg_x = x.is_sign_negative();
    let neg_y = y.is_sign_negative();
    // fdlibm's shortcuts for exponents 60 apart give the same doubles as atan itself
    // (pi/2, and pi - tiny), so there is no test for them here.
    let z = atan_pos((y / x).abs());
    let mut res = match (neg_x, neg_y) {
        (false, false) => z,
        (false, true) => -z,
        (true, false) => PI - (z - PI_LO),
        (true, true) => (z - PI_LO) - PI,
    };
    // Special values, in fdlibm's order of precedence (later selects win).
    let x_inf = x.is_infinite();
    let y_inf = y.is_infinite();
    let signed = |v: f64| if neg_y { -v } else { v };
    if y_inf {
        res = signed(FRAC_PI_2);
    }
    if x_inf && !y_inf {
        res = if neg_x { signed(PI) } else { signed(0.0) };
    }
    if x_inf && y_inf {
        res = signed(if neg_x { 3.0 * FRAC_PI_4 } else { FRAC_PI_4 });
    }
    if x == 0.0 && y != 0.0 {
        res = signed(FRAC_PI_2);
    }
    if y == 0.0 {
        res = if neg_x { signed(PI) } else { y };
    }
    if x == 1.0 {
        res = if y_inf {
            signed(FRAC_PI_2)
        } else {
            signed(atan_pos(y.abs()))
        };
    }
    if x.is_nan() || y.is_nan() { x + y } else { res }
}

/// `sin` and `cos` of the reduced argument `y0 + y1` (`|y0| <= pi/4`): fdlibm's kernels.
#[inline(always)]
fn kernel_sin(x: f64, y: f64) -> f64 {
    const S1: f64 = -1.666_666_666_666_663_243_48e-1;
    const S2: f64 = 8.333_333_333_322_489_461_24e-3;
    const S3: f64 = -1.984_126_982_985_794_931_34e-4;
    const S4: f64 = 2.755_731_370_707_006_767_89e-6;
    const S5: f64 = -2.505_076_025_340_686_341_95e-8;
    const S6: f64 = 1.589_690_995_211_550_102_21e-10;
    let z = x * x;
    let v = z * x;
    let r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

#[inline(always)]
fn kernel_cos(x: f64, y: f64) -> f64 {
    const C1: f64 = 4.166_666_666_666_660_190_37e-2;
    const C2: f64 = -1.388_888_888_887_410_957_49e-3;
    const C3: f64 = 2.480_158_728_947_672_941_78e-5;
    const C4: f64 = -2.755_731_435_139_066_330_35e-7;
    const C5: f64 = 2.087_572_321_298_174_827_90e-9;
    const C6: f64 = -1.135_964_755_778_819_482_65e-11;
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

/// `x = n pi/2 + (y0 + y1)` for `|n| < 2**20` (fdlibm's three-step Cody-Waite).
#[inline(always)]
fn rem_pio2_medium(x: f64) -> (f64, f64, f64) {
    const INV_PIO2: f64 = std::f64::consts::FRAC_2_PI;
    const PIO2_1: f64 = 1.570_796_326_734_125_614_17e0;
    const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
    const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;
    const PIO2_3: f64 = 2.022_266_248_711_166_455_80e-21;
    const PIO2_3T: f64 = 8.478_427_660_368_899_569_97e-32;
    let n = round_magic(x * INV_PIO2);
    // Three rounds, each with the next 33 bits of pi/2 (products exact for |n| < 2**20).
    let r1 = x - n * PIO2_1;
    let w = n * PIO2_2;
    let r2 = r1 - w;
    let w = n * PIO2_2T - ((r1 - r2) - w);
    let _ = w; // the second round's tail is the third round's head
    let w = n * PIO2_3;
    let r3 = r2 - w;
    let w = n * PIO2_3T - ((r2 - r3) - w);
    let y0 = r3 - w;
    let y1 = (r3 - y0) - w;
    (y0, y1, n)
}

/// The arguments below which [`sin_medium`] and [`cos_medium`] are accurate:
/// `2**19 pi/2`, fdlibm's bound for its three-step reduction (whose products are exact
/// up to `2**20 pi/2`).
pub const MEDIUM_LIMIT: f64 = 823_549.664_582_642_7;

/// `sin(x)` for `|x| < MEDIUM_LIMIT` (fdlibm's reduction and kernels, branch-free;
/// NaN beyond): a full-range vectorizable `sin` needs a branch-free Payne-Hanek
/// reduction for larger arguments, not written yet, so `ufunc::f64::sin` is the C
/// library's.
#[inline(always)]
pub fn sin_medium(x: f64) -> f64 {
    let (y0, y1, n) = rem_pio2_medium(x);
    let s = kernel_sin(y0, y1);
    let c = kernel_cos(y0, y1);
    let q = low_bits(n);
    let r = if q & 1 == 0 { s } else { c };
    let r = if q & 2 == 0 { r } else { -r };
    if x.is_finite() { r } else { f64::NAN }
}

/// `cos(x)` for `|x| < MEDIUM_LIMIT`, as [`sin_medium`].
#[inline(always)]
pub fn cos_medium(x: f64) -> f64 {
    let (y0, y1, n) = rem_pio2_medium(x);
    let s = kernel_sin(y0, y1);
    let c = kernel_cos(y0, y1);
    let q = low_bits(n);
    let r = if q & 1 == 0 { c } else { -s };
    let r = if q & 2 == 0 { r } else { -r };
    if x.is_finite() { r } else { f64::NAN }
}

/// float32 `exp`: the float64 one, rounded (vectorizable).
#[inline(always)]
pub fn exp_f32(x: f32) -> f32 {
    exp(x as f64) as f32
}

/// float32 `log`: the float64 one, rounded (vectorizable).
#[inline(always)]
pub fn log_f32(x: f32) -> f32 {
    log(x as f64) as f32
}

/// float32 `arctan2`: the float64 one, rounded (vectorizable).
#[inline(always)]
pub fn atan2_f32(y: f32, x: f32) -> f32 {
    atan2(y as f64, x as f64) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in ULP (0 for two NaNs, `u64::MAX` for one).
    fn ulps(a: f64, b: f64) -> u64 {
        if a.is_nan() || b.is_nan() {
            return if a.is_nan() && b.is_nan() {
                0
            } else {
                u64::MAX
            };
        }
        let key = |x: f64| {
            let i = x.to_bits() as i64;
            if i < 0 { -(i & i64::MAX) - 1 } else { i }
        };
        key(a).abs_diff(key(b))
    }

    fn values() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::MAX,
            -f64::MAX,
            1.0,
            -1.0,
            709.78,
            709.79,
            -708.4,
            -745.1,
            -745.2,
            1e-300,
            0.5,
            std::f64::consts::PI,
            MEDIUM_LIMIT * 0.999,
        ];
        let mut s = 7u64;
        for _ in 0..20000 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = (s >> 11) as f64 / (1u64 << 53) as f64;
            v.push((u - 0.5) * 1500.0);
            v.push(f64::from_bits(s >> 1)); // every magnitude, positive
        }
        v
    }

    #[test]
    fn exp_and_log_within_one_ulp_of_the_c_library() {
        for x in values() {
            assert!(
                ulps(exp(x), x.exp()) <= 1,
                "exp({x:e}): {} vs {}",
                exp(x),
                x.exp()
            );
            assert!(
                ulps(log(x), x.ln()) <= 1,
                "log({x:e}): {} vs {}",
                log(x),
                x.ln()
            );
            assert!(ulps(log(-x), (-x).ln()) <= 1, "log({:e})", -x);
        }
        assert_eq!(exp(-745.2), 0.0);
        assert_eq!(exp(709.79), f64::INFINITY);
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert!(log(-1.0).is_nan());
    }

    #[test]
    fn atan2_within_one_ulp_and_exact_on_special_values() {
        let vs = values();
        let pairs = vs[..21]
            .iter()
            .flat_map(|&y| vs[..21].iter().map(move |&x| (y, x)));
        let spread = vs
            .iter()
            .enumerate()
            .step_by(7)
            .flat_map(|(i, &y)| vs.iter().skip(i % 13).step_by(997).map(move |&x| (y, x)));
        for (y, x) in pairs.chain(spread) {
            let (a, b) = (atan2(y, x), y.atan2(x));
            let exact = !(x.is_finite() && y.is_finite()) || x == 0.0 || y == 0.0;
            let limit = if exact { 0 } else { 1 };
            assert!(ulps(a, b) <= limit, "atan2({y:e}, {x:e}): {a:e} vs {b:e}");
            if !b.is_nan() {
                assert_eq!(
                    a.is_sign_negative(),
                    b.is_sign_negative(),
                    "atan2({y:e}, {x:e})"
                );
            }
        }
    }

    #[test]
    fn sin_cos_medium_within_one_ulp_below_the_limit() {
        for x in values() {
            if x.abs() < MEDIUM_LIMIT {
                assert!(ulps(sin_medium(x), x.sin()) <= 1, "sin({x:e})");
                assert!(ulps(cos_medium(x), x.cos()) <= 1, "cos({x:e})");
            }
        }
        assert!(sin_medium(f64::INFINITY).is_nan());
    }
}
