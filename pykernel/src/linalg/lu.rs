//! LU factorization with partial pivoting, as LAPACK's `getrf`, and what NumPy builds
//! on it: `np.linalg.det` (`getrf`, then the diagonal through `slogdet`'s loop),
//! `np.linalg.solve` and `np.linalg.inv` (`gesv`: `getrf`, then `getrs`).
//!
//! NumPy computes all three in float64 or complex128 (float32, complex64, integers and
//! bools are converted first, the result converted back), on a column-major copy of the
//! matrix; so do these ([`LuElem`] is `f64` or `Complex<f64>`). The pivot of column `j`
//! is the first row holding the largest `|x|` (`|re| + |im|` for complex numbers, as
//! LAPACK's `i?amax`), the multipliers are products by the pivot's reciprocal (as
//! OpenBLAS's `getf2`), and an exact zero pivot makes the matrix singular. Matrices of
//! more than [`NB`] columns are factored in panels of `NB` columns whose trailing
//! update is one matrixmultiply GEMM, as LAPACK's blocked `getrf` does; the triangular
//! solves are blocked the same way.

use num_complex::Complex;

use super::{DotElem, Gemm};

/// The panel width of the blocked factorization and solves (below it: plain loops).
pub(crate) const NB: usize = 48;

/// An element type the factorization runs in: `f64` or `Complex<f64>`.
pub trait LuElem: DotElem + PartialEq {
    /// The multiplicative identity.
    const ONE: Self;
    /// The pivot measure: `|x|`, or `|re| + |im|` (LAPACK's `i?amax`).
    fn abs1(self) -> f64;
    /// `a - b`.
    fn sub(a: Self, b: Self) -> Self;
    /// `1 / x` as OpenBLAS's `getf2` computes it (complex: Smith's formula).
    fn recip(self) -> Self;
    /// `a / b` (for pivots too small for their reciprocal to be finite).
    fn div(a: Self, b: Self) -> Self;
    /// Is `|x|` below the smallest normal number (LAPACK then divides instead)?
    fn tiny(self) -> bool;
    /// NumPy's determinant from the factored diagonal: the sign of the row
    /// permutation (`odd`: an odd number of swaps) times `exp(sum(log|u_ii|))` times the
    /// product of the diagonal's signs (`u / |u|` for complex numbers); zero when
    /// `getrf` found a zero pivot.
    fn det_from_diagonal(diag: impl Iterator<Item = Self>, odd: bool, singular: bool) -> Self;
}

impl LuElem for f64 {
    const ONE: f64 = 1.0;
    #[inline(always)]
    fn abs1(self) -> f64 {
        self.abs()
    }
    #[inline(always)]
    fn sub(a: f64, b: f64) -> f64 {
        a - b
    }
    #[inline(always)]
    fn recip(self) -> f64 {
        1.0 / self
    }
    #[inline(always)]
    fn div(a: f64, b: f64) -> f64 {
        a / b
    }
    #[inline(always)]
    fn tiny(self) -> bool {
        self.abs() < f64::MIN_POSITIVE
    }
    fn det_from_diagonal(diag: impl Iterator<Item = f64>, odd: bool, singular: bool) -> f64 {
        // `slogdet_single_element` and `det_from_slogdet` of NumPy's umath_linalg.
        let (mut sign, mut logdet) = if singular {
            (0.0, f64::NEG_INFINITY)
        } else {
            (if odd { -1.0 } else { 1.0 }, 0.0)
        };
        if !singular {
            for mut u in diag {
                if u < 0.0 {
                    sign = -sign;
                    u = -u;
                }
                logdet += u.ln();
            }
        }
        sign * logdet.exp()
    }
}

/// NumPy's complex product (no FMA): `(ar br - ai bi) + (ar bi + ai br) i`.
#[inline(always)]
fn cmul(a: Complex<f64>, b: Complex<f64>) -> Complex<f64> {
    Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

impl LuElem for Complex<f64> {
    const ONE: Self = Complex::new(1.0, 0.0);
    #[inline(always)]
    fn abs1(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    #[inline(always)]
    fn sub(a: Self, b: Self) -> Self {
        Complex::new(a.re - b.re, a.im - b.im)
    }
    fn recip(self) -> Self {
        // OpenBLAS's `zgetf2`.
        let (t1, t2) = (self.re, self.im);
        if t1.abs() >= t2.abs() {
            let ratio = t2 / t1;
            let den = 1.0 / (t1 * (1.0 + ratio * ratio));
            Complex::new(den, -ratio * den)
        } else {
            let ratio = t1 / t2;
            let den = 1.0 / (t2 * (1.0 + ratio * ratio));
            Complex::new(ratio * den, -den)
        }
    }
    fn div(a: Self, b: Self) -> Self {
        // Smith's algorithm (no overflow of `|b|^2` for tiny `b`).
        if b.re.abs() >= b.im.abs() {
            let r = b.im / b.re;
            let d = b.re + b.im * r;
            Complex::new((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        } else {
            let r = b.re / b.im;
            let d = b.re * r + b.im;
            Complex::new((a.re * r + a.im) / d, (a.im * r - a.re) / d)
        }
    }
    #[inline(always)]
    fn tiny(self) -> bool {
        self.re.abs() < f64::MIN_POSITIVE && self.im.abs() < f64::MIN_POSITIVE
    }
    fn det_from_diagonal(diag: impl Iterator<Item = Self>, odd: bool, singular: bool) -> Self {
        let (mut sign, mut logdet) = if singular {
            (Complex::new(0.0, 0.0), f64::NEG_INFINITY)
        } else {
            (Complex::new(if odd { -1.0 } else { 1.0 }, 0.0), 0.0)
        };
        if !singular {
            for u in diag {
                let abs = u.re.hypot(u.im);
                sign = cmul(sign, Complex::new(u.re / abs, u.im / abs));
                logdet += abs.ln();
            }
        }
        cmul(sign, Complex::new(logdet.exp(), 0.0))
    }
}

/// A square matrix in column-major order (`a[i + j * n]` is row `i`, column `j`).
pub(crate) struct ColMajor<T> {
    pub(crate) n: usize,
    pub(crate) a: Vec<T>,
}

impl<T: LuElem> ColMajor<T> {
    #[inline(always)]
    fn at(&self, i: usize, j: usize) -> T {
        self.a[i + j * self.n]
    }

    /// Columns `j` (read) and `c > j` (written), rows `rows`.
    #[inline(always)]
    fn two_columns(
        &mut self,
        j: usize,
        c: usize,
        rows: std::ops::Range<usize>,
    ) -> (&[T], &mut [T]) {
        let n = self.n;
        let (left, right) = self.a.split_at_mut(c * n);
        (
            &left[j * n + rows.start..j * n + rows.end],
            &mut right[rows.start..rows.end],
        )
    }

    /// Swaps rows `r` and `s` in columns `cols`.
    fn swap_rows(&mut self, r: usize, s: usize, cols: std::ops::Range<usize>) {
        let n = self.n;
        for c in cols {
            self.a.swap(r + c * n, s + c * n);
        }
    }
}

/// `y[i] -= x[i] * s` along two runs (LLVM vectorizes it).
#[inline(always)]
fn axpy_sub<T: LuElem>(y: &mut [T], x: &[T], s: T) {
    for (yi, &xi) in y.iter_mut().zip(x) {
        *yi = T::sub(*yi, T::mul(xi, s));
    }
}

/// The factorization `P·A = L·U` in place; `piv[j]` is the row swapped with row `j` at
/// step `j`. Returns whether a pivot was exactly zero (LAPACK's `info > 0`).
pub(crate) fn getrf<T: LuElem>(m: &mut ColMajor<T>, piv: &mut [usize]) -> bool {
    let n = m.n;
    let mut singular = false;
    let mut j0 = 0;
    while j0 < n {
        let jb = NB.min(n - j0);
        singular |= panel(m, j0, jb, piv);
        // The panel's swaps, applied to the columns on both sides of it.
        for (k, &p) in piv.iter().enumerate().skip(j0).take(jb) {
            if p != k {
                m.swap_rows(k, p, 0..j0);
                m.swap_rows(k, p, j0 + jb..n);
            }
        }
        let rest = j0 + jb;
        if rest < n {
            // U12 = L11⁻¹ A12 (unit lower triangle of the panel).
            for c in rest..n {
                for k in j0..j0 + jb {
                    let x = m.at(k, c);
                    let (l, y) = m.two_columns(k, c, k + 1..j0 + jb);
                    axpy_sub(y, l, x);
                }
            }
            // A22 -= L21 · U12, one GEMM.
            let p = m.a.as_mut_ptr();
            let ld = n as isize;
            // SAFETY: three disjoint blocks of the `n×n` column-major buffer.
            let done = unsafe {
                T::gemm(
                    Gemm::Subtract,
                    n - rest,
                    jb,
                    n - rest,
                    p.add(rest + j0 * n),
                    1,
                    ld,
                    p.add(j0 + rest * n),
                    1,
                    ld,
                    p.add(rest + rest * n),
                    1,
                    ld,
                )
            };
            // `f64` and `Complex<f64>` always have matrixmultiply's GEMM.
            debug_assert!(done);
        }
        j0 += jb;
    }
    singular
}

/// Factors columns `j0..j0 + jb` (rows `j0..n`) column by column, as LAPACK's `getf2`:
/// pivot, swap within the panel, scale, rank-1 update of the panel's other columns.
fn panel<T: LuElem>(m: &mut ColMajor<T>, j0: usize, jb: usize, piv: &mut [usize]) -> bool {
    let n = m.n;
    let mut singular = false;
    for j in j0..j0 + jb {
        // The first row with the largest pivot measure.
        let col = &m.a[j * n..(j + 1) * n];
        let mut p = j;
        let mut best = col[j].abs1();
        for (i, x) in col.iter().enumerate().skip(j + 1) {
            let v = x.abs1();
            if v > best {
                best = v;
                p = i;
            }
        }
        piv[j] = p;
        let pivot = m.at(p, j);
        if pivot == T::ZERO {
            singular = true;
        } else {
            if p != j {
                m.swap_rows(j, p, j0..j0 + jb);
            }
            let col = &mut m.a[j * n + j + 1..(j + 1) * n];
            if pivot.tiny() {
                col.iter_mut().for_each(|x| *x = T::div(*x, pivot));
            } else {
                let r = pivot.recip();
                col.iter_mut().for_each(|x| *x = T::mul(*x, r));
            }
        }
        for c in j + 1..j0 + jb {
            let x = m.at(j, c);
            let (l, y) = m.two_columns(j, c, j + 1..n);
            axpy_sub(y, l, x);
        }
    }
    singular
}

/// Solves `A·X = B` in place (`b`: `n×nrhs` column-major) from `getrf`'s factors, as
/// LAPACK's `getrs`: the row swaps, then `L` (unit lower), then `U`, each blocked.
pub(crate) fn getrs<T: LuElem>(lu: &ColMajor<T>, piv: &[usize], b: &mut [T], nrhs: usize) {
    let n = lu.n;
    if n == 0 || nrhs == 0 {
        return;
    }
    for (k, &p) in piv.iter().enumerate() {
        if p != k {
            for c in 0..nrhs {
                b.swap(k + c * n, p + c * n);
            }
        }
    }
    let l = &lu.a;
    let lp = l.as_ptr();
    let ld = n as isize;
    // Forward: L (unit diagonal), blocks of rows from the top.
    let mut k0 = 0;
    while k0 < n {
        let kb = NB.min(n - k0);
        for c in 0..nrhs {
            let col = &mut b[c * n..(c + 1) * n];
            for k in k0..k0 + kb {
                let x = col[k];
                axpy_sub(
                    &mut col[k + 1..k0 + kb],
                    &l[k * n + k + 1..k * n + k0 + kb],
                    x,
                );
            }
        }
        let below = k0 + kb;
        if below < n {
            let bp = b.as_mut_ptr();
            // SAFETY: `L21` is in `lu`; rows `k0..below` and `below..n` of `b` are
            // disjoint.
            let done = unsafe {
                T::gemm(
                    Gemm::Subtract,
                    n - below,
                    kb,
                    nrhs,
                    lp.add(below + k0 * n),
                    1,
                    ld,
                    bp.add(k0),
                    1,
                    ld,
                    bp.add(below),
                    1,
                    ld,
                )
            };
            // `f64` and `Complex<f64>` always have matrixmultiply's GEMM.
            debug_assert!(done);
        }
        k0 = below;
    }
    // Backward: U, blocks of rows from the bottom; products by the diagonal's
    // reciprocals (as OpenBLAS's `trsm`).
    let recips: Vec<T> = (0..n)
        .map(|k| {
            let u = lu.at(k, k);
            if u.tiny() { u } else { u.recip() }
        })
        .collect();
    let mut end = n;
    while end > 0 {
        let k0 = end - NB.min(end);
        for c in 0..nrhs {
            let col = &mut b[c * n..(c + 1) * n];
            for k in (k0..end).rev() {
                let u = lu.at(k, k);
                col[k] = if u.tiny() {
                    T::div(col[k], u)
                } else {
                    T::mul(col[k], recips[k])
                };
                let x = col[k];
                axpy_sub(&mut col[k0..k], &l[k * n + k0..k * n + k], x);
            }
        }
        if k0 > 0 {
            let bp = b.as_mut_ptr();
            // SAFETY: `U12` is in `lu`; rows `0..k0` and `k0..end` of `b` are disjoint.
            let done = unsafe {
                T::gemm(
                    Gemm::Subtract,
                    k0,
                    end - k0,
                    nrhs,
                    lp.add(k0 * n),
                    1,
                    ld,
                    bp.add(k0),
                    1,
                    ld,
                    bp,
                    1,
                    ld,
                )
            };
            // `f64` and `Complex<f64>` always have matrixmultiply's GEMM.
            debug_assert!(done);
        }
        end = k0;
    }
}
