//! Integer bounds computed before a loop, for the checks that let the loop run without
//! per-access bounds checks.
//!
//! `pykernel-build`'s bounds analysis proves that an index stays within `[lo, hi]` for a
//! whole loop, where `lo` and `hi` are formulas over values known before the loop
//! (`len(a)`, parameters, the `range` arguments). The generated code evaluates those
//! formulas with [`Bnd`]: exact integer arithmetic that gives up ("unknown") as soon as
//! a value leaves the `int64` range or a divisor is not positive. A check on an unknown
//! bound fails, and the loop runs its checked copy, so an overflow can only cost speed.
//!
//! Keeping every value inside `int64` also makes the formulas mirror what the kernel
//! computes: the kernel's `int64` arithmetic wraps, and it agrees with exact arithmetic
//! exactly when the exact value fits.

/// An exact `int64` value, or unknown. See the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bnd(Option<i64>);

impl Bnd {
    /// A known value.
    #[inline(always)]
    pub const fn of(v: i64) -> Bnd {
        Bnd(Some(v))
    }

    /// An unknown value.
    #[inline(always)]
    pub const fn unknown() -> Bnd {
        Bnd(None)
    }

    /// The value, if known.
    #[inline(always)]
    pub const fn get(self) -> Option<i64> {
        self.0
    }

    #[inline(always)]
    fn lift(self, o: Bnd, f: impl FnOnce(i64, i64) -> Option<i64>) -> Bnd {
        match (self.0, o.0) {
            (Some(a), Some(b)) => Bnd(f(a, b)),
            _ => Bnd(None),
        }
    }

    /// Python's `self // d`, for a positive `d` only (unknown otherwise).
    #[inline(always)]
    pub fn fdiv(self, d: Bnd) -> Bnd {
        self.lift(d, |a, d| (d > 0).then(|| a.div_euclid(d)))
    }

    /// Python's `self % d`, for a positive `d` only (unknown otherwise).
    #[inline(always)]
    pub fn fmod(self, d: Bnd) -> Bnd {
        self.lift(d, |a, d| (d > 0).then(|| a.rem_euclid(d)))
    }

    /// The smaller of the two.
    #[inline(always)]
    pub fn min(self, o: Bnd) -> Bnd {
        self.lift(o, |a, b| Some(a.min(b)))
    }

    /// The larger of the two.
    #[inline(always)]
    pub fn max(self, o: Bnd) -> Bnd {
        self.lift(o, |a, b| Some(a.max(b)))
    }

    /// Known?
    #[inline(always)]
    pub fn known(self) -> bool {
        self.0.is_some()
    }

    /// Known and `> 0`?
    #[inline(always)]
    pub fn gt0(self) -> bool {
        matches!(self.0, Some(v) if v > 0)
    }

    /// Known and `>= 0`?
    #[inline(always)]
    pub fn ge0(self) -> bool {
        matches!(self.0, Some(v) if v >= 0)
    }

    /// Known and `< n`?
    #[inline(always)]
    pub fn lt(self, n: i64) -> bool {
        matches!(self.0, Some(v) if v < n)
    }

    /// Known and `> o` (known too)?
    #[inline(always)]
    pub fn gt(self, o: Bnd) -> bool {
        matches!((self.0, o.0), (Some(a), Some(b)) if a > b)
    }
}

impl std::ops::Add for Bnd {
    type Output = Bnd;
    #[inline(always)]
    fn add(self, o: Bnd) -> Bnd {
        self.lift(o, i64::checked_add)
    }
}

impl std::ops::Sub for Bnd {
    type Output = Bnd;
    #[inline(always)]
    fn sub(self, o: Bnd) -> Bnd {
        self.lift(o, i64::checked_sub)
    }
}

impl std::ops::Mul for Bnd {
    type Output = Bnd;
    #[inline(always)]
    fn mul(self, o: Bnd) -> Bnd {
        self.lift(o, i64::checked_mul)
    }
}

impl std::ops::Neg for Bnd {
    type Output = Bnd;
    #[inline(always)]
    fn neg(self) -> Bnd {
        Bnd(self.0.and_then(i64::checked_neg))
    }
}

#[cfg(test)]
mod tests {
    use super::Bnd;

    #[test]
    fn arithmetic_is_exact_until_it_leaves_int64() {
        let a = Bnd::of(i64::MAX - 1);
        assert_eq!((a + Bnd::of(1)).get(), Some(i64::MAX));
        assert_eq!((a + Bnd::of(2)).get(), None);
        assert_eq!((-Bnd::of(i64::MIN)).get(), None);
        assert_eq!((Bnd::of(1 << 40) * Bnd::of(1 << 30)).get(), None);
        // Unknown is sticky.
        assert_eq!((a + Bnd::of(2) - Bnd::of(5)).get(), None);
    }

    #[test]
    fn floor_division_is_pythons_and_needs_a_positive_divisor() {
        assert_eq!(Bnd::of(-7).fdiv(Bnd::of(2)).get(), Some(-4));
        assert_eq!(Bnd::of(7).fdiv(Bnd::of(2)).get(), Some(3));
        assert_eq!(Bnd::of(7).fdiv(Bnd::of(0)).get(), None);
        assert_eq!(Bnd::of(7).fdiv(Bnd::of(-2)).get(), None);
        assert_eq!(Bnd::of(-7).fmod(Bnd::of(3)).get(), Some(2));
        assert_eq!(Bnd::of(-7).fmod(Bnd::of(0)).get(), None);
    }

    #[test]
    fn checks_on_unknown_bounds_fail() {
        let u = Bnd::of(i64::MAX) + Bnd::of(1);
        assert!(!u.ge0() && !u.lt(10) && !u.gt0() && !u.known());
        assert!(Bnd::of(0).ge0() && Bnd::of(9).lt(10) && !Bnd::of(10).lt(10));
        assert!(Bnd::of(3).gt(Bnd::of(2)) && !Bnd::of(3).gt(u));
    }
}
