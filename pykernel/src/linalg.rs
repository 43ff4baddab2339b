//! Linear algebra of NumPy programs: `np.dot`, `@`/`np.matmul`, `np.inner`, `np.vdot`,
//! `np.outer`, `np.trace` here; `np.einsum`, `np.cross`, `np.kron` and
//! `np.linalg.det`/`inv`/`solve` in the submodules.
//!
//! The operands arrive already converted to the result dtype (NumPy's `dot` casts both
//! to their common type first). Float and complex matrix products go through
//! `matrixmultiply`'s blocked SIMD GEMM, which takes arbitrary row and column strides,
//! so transposed, reversed and strided views need no copy. Integer and bool products
//! are plain loops in the order that walks memory contiguously (NumPy uses no BLAS for
//! them either): integers wrap, a bool product is the `or` of `and`s.

use num_complex::Complex;

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// Which function's shape error to raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Product {
    /// `np.dot`, `a.dot(b)` (also `np.inner`, given the transpose of its second operand).
    Dot,
    /// `np.matmul`, `a @ b`.
    Matmul,
}

/// What a GEMM does with its result matrix `C`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gemm {
    /// `C = A·B` (products: `np.dot`, `@`).
    Set,
    /// `C -= A·B` (the trailing updates of the LU factorization).
    Subtract,
}

impl Gemm {
    /// GEMM's `alpha` and `beta` (`C = alpha·A·B + beta·C`) for this update.
    fn alpha_beta<T: From<i8>>(self) -> (T, T) {
        match self {
            Gemm::Set => (T::from(1), T::from(0)),
            Gemm::Subtract => (T::from(-1), T::from(1)),
        }
    }
}

/// An element type of a product: NumPy's multiply and add for the dtype.
pub trait DotElem: Copy + 'static {
    /// The additive identity (`False` for bool).
    const ZERO: Self;
    /// NumPy's `*` (wrapping for ints, `and` for bool).
    fn mul(a: Self, b: Self) -> Self;
    /// NumPy's `+` (wrapping for ints, `or` for bool).
    fn add(a: Self, b: Self) -> Self;
    /// The complex conjugate (`np.vdot`'s first operand); the value itself otherwise.
    #[inline(always)]
    fn conj(a: Self) -> Self {
        a
    }

    /// `sum(a[i * sa] * b[i * sb] for i in 0..n)`.
    ///
    /// # Safety
    /// Both strided runs must be readable.
    #[inline]
    unsafe fn dot_run(n: usize, a: *const Self, sa: isize, b: *const Self, sb: isize) -> Self {
        let mut acc = Self::ZERO;
        for i in 0..n as isize {
            // SAFETY: the caller's contract.
            acc = Self::add(
                acc,
                Self::mul(unsafe { *a.offset(i * sa) }, unsafe { *b.offset(i * sb) }),
            );
        }
        acc
    }

    /// `y = A·x` for an `m×k` matrix of contiguous rows (row stride `ra`) and a
    /// contiguous `x`, by a kernel that reads four rows at a time; `false` when the type
    /// has none (the caller then takes one dot product per row).
    ///
    /// # Safety
    /// `a` must address `m` rows of `k` elements, `x` `k` elements; `y.len() == m`.
    #[inline]
    unsafe fn matvec_rows(
        k: usize,
        a: *const Self,
        ra: isize,
        x: *const Self,
        y: &mut [Self],
    ) -> bool {
        let _ = (k, a, ra, x, y);
        false
    }

    /// `C = A·B` or `C -= A·B` (`update`; `m×k` by `k×n`, strides in elements) by
    /// matrixmultiply's blocked GEMM; `false` when the type has none (the caller then
    /// loops).
    ///
    /// # Safety
    /// The three strided matrices must be valid; `c` must not alias `a` or `b`.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    unsafe fn gemm(
        update: Gemm,
        m: usize,
        k: usize,
        n: usize,
        a: *const Self,
        rsa: isize,
        csa: isize,
        b: *const Self,
        rsb: isize,
        csb: isize,
        c: *mut Self,
        rsc: isize,
        csc: isize,
    ) -> bool {
        let _ = (update, m, k, n, a, rsa, csa, b, rsb, csb, c, rsc, csc);
        false
    }
}

impl DotElem for bool {
    const ZERO: bool = false;
    #[inline(always)]
    fn mul(a: bool, b: bool) -> bool {
        a & b
    }
    #[inline(always)]
    fn add(a: bool, b: bool) -> bool {
        a | b
    }
}

macro_rules! int_elem {
    ($($t:ty),*) => {$(
        impl DotElem for $t {
            const ZERO: $t = 0;
            #[inline(always)]
            fn mul(a: $t, b: $t) -> $t {
                a.wrapping_mul(b)
            }
            #[inline(always)]
            fn add(a: $t, b: $t) -> $t {
                a.wrapping_add(b)
            }
        }
    )*};
}
int_elem!(i8, i16, i32, i64, u8, u16, u32, u64);

/// A contiguous float dot product with sixteen partial sums (the loop vectorizes into
/// four vector accumulators; BLAS's `ddot` also sums in lanes, so the result is within
/// NumPy's own rounding of it).
macro_rules! unit_dot {
    ($name:ident, $t:ty) => {
        #[inline(always)]
        fn $name(a: &[$t], b: &[$t]) -> $t {
            const L: usize = 16;
            let n = a.len().min(b.len());
            let (a, b) = (&a[..n], &b[..n]);
            let mut acc = [0.0 as $t; L];
            let (ca, cb) = (a.chunks_exact(L), b.chunks_exact(L));
            let (ra, rb) = (ca.remainder(), cb.remainder());
            for (x, y) in ca.zip(cb) {
                for l in 0..L {
                    acc[l] += x[l] * y[l];
                }
            }
            let mut tail = 0.0 as $t;
            for (x, y) in ra.iter().zip(rb) {
                tail += x * y;
            }
            let mut w = L;
            while w > 1 {
                w /= 2;
                for l in 0..w {
                    acc[l] += acc[l + w];
                }
            }
            acc[0] + tail
        }
    };
}
unit_dot!(unit_dot_f64, f64);
unit_dot!(unit_dot_f32, f32);

/// Four dot products of contiguous rows with one contiguous vector: each load of `x`
/// serves four rows (BLAS's `gemv` does the same), eight lanes per row.
macro_rules! rows4_dot {
    ($name:ident, $t:ty) => {
        #[inline(always)]
        fn $name(r: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
            const L: usize = 8;
            let n = x.len();
            let r = r.map(|row| &row[..n]);
            let (mut s0, mut s1, mut s2, mut s3) = (
                [0.0 as $t; L],
                [0.0 as $t; L],
                [0.0 as $t; L],
                [0.0 as $t; L],
            );
            let cx = x.chunks_exact(L);
            let tail_x = cx.remainder();
            let [c0, c1, c2, c3] = r.map(|row| row.chunks_exact(L));
            for ((((xs, a0), a1), a2), a3) in cx.zip(c0).zip(c1).zip(c2).zip(c3) {
                let xs: &[$t; L] = xs.try_into().unwrap_or(&[0.0; L]);
                // One loop per row: LLVM keeps each row's lanes in vector registers.
                for l in 0..L {
                    s0[l] += a0[l] * xs[l];
                }
                for l in 0..L {
                    s1[l] += a1[l] * xs[l];
                }
                for l in 0..L {
                    s2[l] += a2[l] * xs[l];
                }
                for l in 0..L {
                    s3[l] += a3[l] * xs[l];
                }
            }
            let mut acc = [s0, s1, s2, s3];
            let start = n - tail_x.len();
            let mut out = [0.0 as $t; 4];
            for k in 0..4 {
                let a = &mut acc[k];
                let mut w = L;
                while w > 1 {
                    w /= 2;
                    for l in 0..w {
                        a[l] += a[l + w];
                    }
                }
                let mut tail = 0.0 as $t;
                for (p, q) in r[k][start..].iter().zip(tail_x) {
                    tail += p * q;
                }
                out[k] = a[0] + tail;
            }
            out
        }
    };
}
rows4_dot!(rows4_dot_f64, f64);
rows4_dot!(rows4_dot_f32, f32);

/// The same loop compiled for AVX2 (chosen at run time, as NumPy does; no FMA
/// contraction, so every level gives the same result).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn unit_dot_f64_avx2(a: &[f64], b: &[f64]) -> f64 {
    unit_dot_f64(a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn unit_dot_f32_avx2(a: &[f32], b: &[f32]) -> f32 {
    unit_dot_f32(a, b)
}

/// The sum of the eight lanes `lo ++ hi` in the portable loops' tree order (`a[l] +=
/// a[l + 4]`, then `a[l] += a[l + 2]`, then `a[0] + a[1]`), in registers.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn hsum_f64(lo: std::arch::x86_64::__m256d, hi: std::arch::x86_64::__m256d) -> f64 {
    use std::arch::x86_64::*;
    let v = _mm256_add_pd(lo, hi);
    let s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd::<1>(v));
    _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)))
}

/// The sum of the eight lanes of `lo` in the same tree order (`hi` is unused: eight
/// float32 lanes fill one register).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn hsum_f32(lo: std::arch::x86_64::__m256, _hi: std::arch::x86_64::__m256) -> f32 {
    use std::arch::x86_64::*;
    let s = _mm_add_ps(_mm256_castps256_ps128(lo), _mm256_extractf128_ps::<1>(lo));
    let t = _mm_add_ps(s, _mm_movehl_ps(s, s));
    _mm_cvtss_f32(_mm_add_ss(t, _mm_shuffle_ps::<1>(t, t)))
}

/// The four-row kernel in AVX2 intrinsics (LLVM keeps the portable one in 128-bit
/// registers): per row two 256-bit accumulators, i.e. the same eight lanes and the same
/// summation order as [`rows4_dot_f64`], so every SIMD level gives the same bits.
macro_rules! rows4_avx2 {
    ($name:ident, $t:ty, $w:expr, $vt:ty, $load:ident, $mul:ident, $add:ident,
     $zero:ident, $hsum:ident) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        fn $name(r: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
            use std::arch::x86_64::*;
            const L: usize = 8;
            let n = x.len();
            let r = r.map(|row| &row[..n]);
            let chunks = n / L;
            let mut lo: [$vt; 4] = [$zero(); 4];
            let mut hi: [$vt; 4] = [$zero(); 4];
            for c in 0..chunks {
                let o = c * L;
                // SAFETY: `o + L <= n` elements in `x` and every row.
                unsafe {
                    let x0 = $load(x.as_ptr().add(o));
                    let x1 = if $w < L {
                        $load(x.as_ptr().add(o + $w))
                    } else {
                        $zero()
                    };
                    for k in 0..4 {
                        let p = r[k].as_ptr().add(o);
                        lo[k] = $add(lo[k], $mul($load(p), x0));
                        if $w < L {
                            hi[k] = $add(hi[k], $mul($load(p.add($w)), x1));
                        }
                    }
                }
            }
            let mut out = [0.0 as $t; 4];
            let start = chunks * L;
            for k in 0..4 {
                let mut tail = 0.0 as $t;
                for (p, q) in r[k][start..].iter().zip(&x[start..]) {
                    tail += p * q;
                }
                out[k] = $hsum(lo[k], hi[k]) + tail;
            }
            out
        }
    };
}
rows4_avx2!(
    rows4_dot_f64_avx2,
    f64,
    4,
    __m256d,
    _mm256_loadu_pd,
    _mm256_mul_pd,
    _mm256_add_pd,
    _mm256_setzero_pd,
    hsum_f64
);
rows4_avx2!(
    rows4_dot_f32_avx2,
    f32,
    8,
    __m256,
    _mm256_loadu_ps,
    _mm256_mul_ps,
    _mm256_add_ps,
    _mm256_setzero_ps,
    hsum_f32
);

macro_rules! float_elem {
    ($t:ty, $gemm:path, $unit:ident, $avx:ident, $rows:ident, $rows_avx:ident) => {
        impl DotElem for $t {
            const ZERO: $t = 0.0;
            #[inline(always)]
            fn mul(a: $t, b: $t) -> $t {
                a * b
            }
            #[inline(always)]
            fn add(a: $t, b: $t) -> $t {
                a + b
            }
            #[inline]
            unsafe fn dot_run(n: usize, a: *const $t, sa: isize, b: *const $t, sb: isize) -> $t {
                if sa == 1 && sb == 1 && n > 0 {
                    // SAFETY: the caller's contract: `n` contiguous elements each.
                    let (x, y) = unsafe {
                        (
                            std::slice::from_raw_parts(a, n),
                            std::slice::from_raw_parts(b, n),
                        )
                    };
                    #[cfg(target_arch = "x86_64")]
                    if crate::__private::simd_level() >= 1 {
                        // SAFETY: AVX2 is present (`simd_level`).
                        return unsafe { $avx(x, y) };
                    }
                    return $unit(x, y);
                }
                let mut acc = 0.0;
                for i in 0..n as isize {
                    // SAFETY: the caller's contract.
                    acc += unsafe { *a.offset(i * sa) * *b.offset(i * sb) };
                }
                acc
            }
            #[inline]
            unsafe fn matvec_rows(
                k: usize,
                a: *const $t,
                ra: isize,
                x: *const $t,
                y: &mut [$t],
            ) -> bool {
                #[cfg(target_arch = "x86_64")]
                let avx2 = crate::__private::simd_level() >= 1;
                // SAFETY: the caller's contract: `k` contiguous elements at each.
                let row =
                    |i: usize| unsafe { std::slice::from_raw_parts(a.offset(i as isize * ra), k) };
                // SAFETY: as above.
                let xs = unsafe { std::slice::from_raw_parts(x, k) };
                let m = y.len();
                let mut i = 0;
                while i + 4 <= m {
                    let rows = [row(i), row(i + 1), row(i + 2), row(i + 3)];
                    #[cfg(target_arch = "x86_64")]
                    let v = if avx2 {
                        // SAFETY: AVX2 is present (`simd_level`).
                        unsafe { $rows_avx(rows, xs) }
                    } else {
                        $rows(rows, xs)
                    };
                    #[cfg(not(target_arch = "x86_64"))]
                    let v = $rows(rows, xs);
                    y[i..i + 4].copy_from_slice(&v);
                    i += 4;
                }
                for (j, yj) in y.iter_mut().enumerate().skip(i) {
                    // SAFETY: row `j` and `x` hold `k` contiguous elements.
                    *yj = unsafe { Self::dot_run(k, row(j).as_ptr(), 1, x, 1) };
                }
                true
            }
            #[inline]
            unsafe fn gemm(
                update: Gemm,
                m: usize,
                k: usize,
                n: usize,
                a: *const $t,
                rsa: isize,
                csa: isize,
                b: *const $t,
                rsb: isize,
                csb: isize,
                c: *mut $t,
                rsc: isize,
                csc: isize,
            ) -> bool {
                // SAFETY: the caller's contract; matrixmultiply takes any strides for A
                // and B (negative and zero included) and distinct ones for C.
                let (alpha, beta) = update.alpha_beta();
                unsafe { $gemm(m, k, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc) };
                true
            }
        }
    };
}
float_elem!(
    f64,
    matrixmultiply::dgemm,
    unit_dot_f64,
    unit_dot_f64_avx2,
    rows4_dot_f64,
    rows4_dot_f64_avx2
);
float_elem!(
    f32,
    matrixmultiply::sgemm,
    unit_dot_f32,
    unit_dot_f32_avx2,
    rows4_dot_f32,
    rows4_dot_f32_avx2
);

macro_rules! complex_elem {
    ($t:ty, $gemm:path) => {
        impl DotElem for Complex<$t> {
            const ZERO: Complex<$t> = Complex::new(0.0, 0.0);
            #[inline(always)]
            fn mul(a: Self, b: Self) -> Self {
                Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
            }
            #[inline(always)]
            fn add(a: Self, b: Self) -> Self {
                Complex::new(a.re + b.re, a.im + b.im)
            }
            #[inline(always)]
            fn conj(a: Self) -> Self {
                Complex::new(a.re, -a.im)
            }
            #[inline]
            unsafe fn gemm(
                update: Gemm,
                m: usize,
                k: usize,
                n: usize,
                a: *const Self,
                rsa: isize,
                csa: isize,
                b: *const Self,
                rsb: isize,
                csb: isize,
                c: *mut Self,
                rsc: isize,
                csc: isize,
            ) -> bool {
                let (alpha, beta) = update.alpha_beta();
                // SAFETY: `Complex<T>` is `repr(C)` `{re, im}`, the layout of
                // matrixmultiply's `[T; 2]`; strides count complex elements in both.
                unsafe {
                    $gemm(
                        matrixmultiply::CGemmOption::Standard,
                        matrixmultiply::CGemmOption::Standard,
                        m,
                        k,
                        n,
                        [alpha, 0.0],
                        a as *const [$t; 2],
                        rsa,
                        csa,
                        b as *const [$t; 2],
                        rsb,
                        csb,
                        [beta, 0.0],
                        c as *mut [$t; 2],
                        rsc,
                        csc,
                    )
                };
                true
            }
        }
    };
}
complex_elem!(f64, matrixmultiply::zgemm);
complex_elem!(f32, matrixmultiply::cgemm);

/// A shape as Python prints a tuple without spaces (`(2,3)`, `(4,)`).
fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// NumPy's error for operands whose summed axes differ: `a` has `ka` along its last
/// axis, `b` has `kb` along axis `db`.
fn not_aligned(op: Product, sa: &[usize], sb: &[usize], db: usize) -> crate::KernelError {
    let (ka, kb) = (sa[sa.len() - 1], sb[db]);
    match op {
        Product::Dot => value_error(format!(
            "shapes {} and {} not aligned: {ka} (dim {}) != {kb} (dim {db})",
            shape_text(sa),
            shape_text(sb),
            sa.len() - 1
        )),
        Product::Matmul => value_error(format!(
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature (n?,k),(k,m?)->(n?,m?) (size {kb} is different from {ka})"
        )),
    }
}

/// `n` zeros in a buffer from the kernel's cache of large buffers (a product's result
/// is often as large as the one of the previous call, which is freed by then).
fn zeros<T: DotElem>(n: usize) -> Vec<T> {
    let mut v = crate::pool::take(n);
    v.resize(n, T::ZERO);
    v
}

/// 1-D · 1-D: a number.
pub fn dot11<T: DotElem>(a: &ArrayView<T, 1>, b: &ArrayView<T, 1>, op: Product) -> KResult<T> {
    if a.shape()[0] != b.shape()[0] {
        return Err(not_aligned(op, &a.shape(), &b.shape(), 0));
    }
    // SAFETY: both views address `n` elements along their strides.
    Ok(unsafe {
        T::dot_run(
            a.shape()[0],
            a.as_ptr(),
            a.strides()[0],
            b.as_ptr(),
            b.strides()[0],
        )
    })
}

/// `y = A·x` for an `m×k` matrix and a `k` vector, into a new array.
fn matvec<T: DotElem>(a: &ArrayView<T, 2>, x: &ArrayView<T, 1>) -> Vec<T> {
    let [m, k] = a.shape();
    let [ra, ca] = a.strides();
    let sx = x.strides()[0];
    let mut y = zeros(m);
    if ra == 1 && ca != 1 {
        // Column-major A: `y += A[:, j] * x[j]`, contiguous down each column.
        for j in 0..k as isize {
            // SAFETY: `j < k` and every `i < m` are in bounds of the views.
            let xj = unsafe { *x.as_ptr().offset(j * sx) };
            let col = unsafe { a.as_ptr().offset(j * ca) };
            for (i, yi) in y.iter_mut().enumerate() {
                *yi = T::add(*yi, T::mul(unsafe { *col.add(i) }, xj));
            }
        }
    } else if !(ca == 1
        && sx == 1
        && k > 0
        && unsafe { T::matvec_rows(k, a.as_ptr(), ra, x.as_ptr(), &mut y) })
    {
        for (i, yi) in y.iter_mut().enumerate() {
            // SAFETY: row `i < m` has `k` elements along stride `ca`.
            *yi = unsafe { T::dot_run(k, a.as_ptr().offset(i as isize * ra), ca, x.as_ptr(), sx) };
        }
    }
    y
}

/// 2-D · 1-D: a new vector.
pub fn dot21<T: DotElem>(
    a: &ArrayView<T, 2>,
    x: &ArrayView<T, 1>,
    op: Product,
) -> KResult<Array<T, 1>> {
    if a.shape()[1] != x.shape()[0] {
        return Err(not_aligned(op, &a.shape(), &x.shape(), 0));
    }
    Array::from_vec(matvec(a, x), [a.shape()[0]])
}

/// 1-D · 2-D: a new vector (`x·B` is `Bᵀ·x`).
pub fn dot12<T: DotElem>(
    x: &ArrayView<T, 1>,
    b: &ArrayView<T, 2>,
    op: Product,
) -> KResult<Array<T, 1>> {
    if x.shape()[0] != b.shape()[0] {
        return Err(not_aligned(op, &x.shape(), &b.shape(), 0));
    }
    Array::from_vec(matvec(&b.t(), x), [b.shape()[1]])
}

/// 2-D · 2-D: a new C-ordered matrix.
pub fn dot22<T: DotElem>(
    a: &ArrayView<T, 2>,
    b: &ArrayView<T, 2>,
    op: Product,
) -> KResult<Array<T, 2>> {
    let ([m, k], [k2, n]) = (a.shape(), b.shape());
    if k != k2 {
        return Err(not_aligned(op, &a.shape(), &b.shape(), 0));
    }
    let mut c = zeros(m * n);
    product_into(a, b, &mut c);
    Array::from_vec(c, [m, n])
}

/// `c = a·b` into the zeroed C-ordered `m×n` block `c` (shapes already checked).
fn product_into<T: DotElem>(a: &ArrayView<T, 2>, b: &ArrayView<T, 2>, c: &mut [T]) {
    let ([m, k], [_, n]) = (a.shape(), b.shape());
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    let ([ra, ca], [rb, cb]) = (a.strides(), b.strides());
    // A row times a matrix, or a matrix times a column: matrix-vector products, which
    // read the matrix once without packing it (`np.dot(x1, x2.T)` with `x1` of one row).
    // SAFETY (both views): row 0 of `a`, column 0 of `b`, in bounds.
    if m == 1 {
        let row = unsafe { Array::from_raw(a.as_ptr(), [k], [ca]) };
        c.copy_from_slice(&matvec(&b.t(), &row));
        return;
    }
    if n == 1 {
        let col = unsafe { Array::from_raw(b.as_ptr(), [k], [rb]) };
        c.copy_from_slice(&matvec(a, &col));
        return;
    }
    // SAFETY: the views address their shapes; `c` is an `m×n` C-ordered block.
    let done = unsafe {
        T::gemm(
            Gemm::Set,
            m,
            k,
            n,
            a.as_ptr(),
            ra,
            ca,
            b.as_ptr(),
            rb,
            cb,
            c.as_mut_ptr(),
            n as isize,
            1,
        )
    };
    if done {
        return;
    }
    if cb == 1 || ca != 1 {
        // `C[i, :] += A[i, p] * B[p, :]`: rows of B and C walked contiguously.
        for i in 0..m {
            let row = &mut c[i * n..(i + 1) * n];
            for p in 0..k as isize {
                // SAFETY: `i < m`, `p < k`, `j < n` are in bounds of the views.
                let aip = unsafe { *a.as_ptr().offset(i as isize * ra + p * ca) };
                let brow = unsafe { b.as_ptr().offset(p * rb) };
                for (j, cij) in row.iter_mut().enumerate() {
                    *cij = T::add(*cij, T::mul(aip, unsafe { *brow.offset(j as isize * cb) }));
                }
            }
        }
    } else {
        // Rows of A and columns of B both contiguous: one dot product per element.
        for i in 0..m {
            for j in 0..n {
                // SAFETY: row `i` of A and column `j` of B have `k` elements.
                c[i * n + j] = unsafe {
                    T::dot_run(
                        k,
                        a.as_ptr().offset(i as isize * ra),
                        ca,
                        b.as_ptr().offset(j as isize * cb),
                        rb,
                    )
                };
            }
        }
    }
}

/// An operand of a batched `matmul` as a stack of matrices: `(batch, rows, cols)` and
/// the three strides. A 1-D operand is one row (`a`) or one column (`b`), a 2-D one a
/// stack of one.
fn as_stack<T: Copy, const D: usize>(v: &ArrayView<T, D>, left: bool) -> ([usize; 3], [isize; 3]) {
    let (s, t) = (v.shape(), v.strides());
    match D {
        1 if left => ([1, 1, s[0]], [0, 0, t[0]]),
        1 => ([1, s[0], 1], [0, t[0], 0]),
        2 => ([1, s[0], s[1]], [0, t[0], t[1]]),
        _ => ([s[0], s[1], s[2]], [t[0], t[1], t[2]]),
    }
}

/// `a @ b` with a 3-D operand (a stack of matrices; the other one is broadcast along
/// the stack, or both stacks broadcast when one has one matrix): a new C-ordered array
/// of `O` dimensions (a 1-D operand's axis is dropped from the result, as NumPy does).
pub fn matmul3<T: DotElem, const D: usize, const E: usize, const O: usize>(
    a: &ArrayView<T, D>,
    b: &ArrayView<T, E>,
) -> KResult<Array<T, O>> {
    let (([ba, m, k], [sa0, sa1, sa2]), ([bb, k2, n], [sb0, sb1, sb2])) =
        (as_stack(a, true), as_stack(b, false));
    if k != k2 {
        return Err(not_aligned(Product::Matmul, &[k], &[k2], 0));
    }
    let batch = match (ba, bb) {
        (x, y) if x == y => x,
        (1, y) => y,
        (x, 1) => x,
        _ => {
            return Err(value_error(format!(
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {}->({ba},newaxis,newaxis) {}->({bb},newaxis,newaxis)  \
                 and requested shape ({m},{n})",
                shape_text(&a.shape()),
                shape_text(&b.shape())
            )));
        }
    };
    let mut c = zeros(batch * m * n);
    for i in 0..batch {
        let (ia, ib) = (if ba == 1 { 0 } else { i }, if bb == 1 { 0 } else { i });
        // SAFETY: matrix `ia` of `a` and `ib` of `b` are in bounds of the views.
        let (x, y) = unsafe {
            (
                Array::from_raw(a.as_ptr().offset(ia as isize * sa0), [m, k], [sa1, sa2]),
                Array::from_raw(b.as_ptr().offset(ib as isize * sb0), [k, n], [sb1, sb2]),
            )
        };
        product_into(&x, &y, &mut c[i * m * n..(i + 1) * m * n]);
    }
    let mut shape = vec![batch];
    if D > 1 {
        shape.push(m);
    }
    if E > 1 {
        shape.push(n);
    }
    let shape: [usize; O] = shape
        .try_into()
        .map_err(|_| value_error("matmul: unexpected result rank"))?;
    Array::from_vec(c, shape)
}

/// `a @= b`: the product `r` must have `a`'s shape (it is stored into `a`); NumPy's
/// error otherwise.
pub fn inplace_shape<T: Copy, U: Copy, const D: usize>(
    a: &ArrayView<U, D>,
    r: Array<T, D>,
) -> KResult<Array<T, D>> {
    let (sa, sr) = (a.shape(), r.shape());
    if sa == sr {
        return Ok(r);
    }
    if sa[..D - 1] != sr[..D - 1] {
        return Err(value_error(format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast \
             shape {}",
            shape_text(&sa),
            shape_text(&sr)
        )));
    }
    Err(value_error(format!(
        "matmul: Output operand 0 has a mismatch in its core dimension {}, with gufunc \
         signature (n?,k),(k,m?)->(n?,m?) (size {} is different from {})",
        usize::from(D > 1),
        sa[D - 1],
        sr[D - 1]
    )))
}

/// The elements of `a` in C order: the view's own memory when it is C-contiguous.
fn c_order<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> std::borrow::Cow<'_, [T]> {
    let n: usize = a.shape().iter().product();
    let mut expect = 1isize;
    let mut contiguous = true;
    for (&s, &st) in a.shape().iter().zip(a.strides().iter()).rev() {
        if s != 1 && st != expect {
            contiguous = false;
        }
        expect *= s as isize;
    }
    if contiguous && n > 0 {
        // SAFETY: a C-contiguous view of `n` elements.
        std::borrow::Cow::Borrowed(unsafe { std::slice::from_raw_parts(a.as_ptr(), n) })
    } else {
        std::borrow::Cow::Owned(a.to_vec())
    }
}

/// `np.vdot(a, b)`: both flattened in C order, the first conjugated.
pub fn vdot<T: DotElem, const D: usize, const E: usize>(
    a: &ArrayView<T, D>,
    b: &ArrayView<T, E>,
) -> KResult<T> {
    let (x, y) = (c_order(a), c_order(b));
    if x.len() != y.len() {
        return Err(value_error(format!(
            "cannot reshape array of size {} into shape ({},)",
            y.len(),
            x.len()
        )));
    }
    if is_real::<T>() {
        // SAFETY: two contiguous runs of `len` elements.
        return Ok(unsafe { T::dot_run(x.len(), x.as_ptr(), 1, y.as_ptr(), 1) });
    }
    let mut acc = T::ZERO;
    for (&p, &q) in x.iter().zip(y.iter()) {
        acc = T::add(acc, T::mul(T::conj(p), q));
    }
    Ok(acc)
}

/// Is `T` a real (not complex) element type?
fn is_real<T: 'static>() -> bool {
    let id = std::any::TypeId::of::<T>();
    id != std::any::TypeId::of::<Complex<f64>>() && id != std::any::TypeId::of::<Complex<f32>>()
}

/// `np.outer(a, b)`: `out[i, j] = a.flat[i] * b.flat[j]`, a new C-ordered matrix.
pub fn outer<T: DotElem, const D: usize, const E: usize>(
    a: &ArrayView<T, D>,
    b: &ArrayView<T, E>,
) -> KResult<Array<T, 2>> {
    let (x, y) = (c_order(a), c_order(b));
    let mut out = Vec::with_capacity(x.len() * y.len());
    for &p in x.iter() {
        out.extend(y.iter().map(|&q| T::mul(p, q)));
    }
    Array::from_vec(out, [x.len(), y.len()])
}

/// `np.dot(s, a)` with a number: `s * a` elementwise, a new C-ordered array.
pub fn scale<T: DotElem, const D: usize>(a: &ArrayView<T, D>, s: T, left: bool) -> Array<T, D> {
    let data: Vec<T> = a
        .to_vec()
        .into_iter()
        .map(|x| if left { T::mul(s, x) } else { T::mul(x, s) })
        .collect();
    // The length is the product of the shape (`to_vec`).
    Array::from_vec(data, a.shape()).unwrap_or_else(|_| Array::empty())
}

/// The main diagonal of a matrix, as a view (`np.trace` sums it).
pub fn diagonal<T: Copy>(a: &ArrayView<T, 2>) -> Array<T, 1> {
    let [m, n] = a.shape();
    let [r, c] = a.strides();
    // SAFETY: `min(m, n)` elements along `r + c` stay inside the matrix's memory.
    unsafe { Array::from_raw(a.as_ptr(), [m.min(n)], [r + c]) }
}

/// Converts every element (the operands of a product of two dtypes), into a new
/// C-ordered array.
pub fn convert<T: Copy, U: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    f: impl Fn(T) -> U,
) -> Array<U, D> {
    let data: Vec<U> = a.to_vec().into_iter().map(f).collect();
    // The length is the product of the shape (`to_vec`).
    Array::from_vec(data, a.shape()).unwrap_or_else(|_| Array::empty())
}

mod cross;
mod einsum;
mod lu;
mod solve;

pub use cross::{CrossElem, cross, kron};
pub use einsum::{einsum1, einsum1_scalar, einsum2, einsum2_scalar};
pub use lu::LuElem;
pub use solve::{det, det_stack, inv, solve};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lapack;
