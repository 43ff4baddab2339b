//! Reductions along axes (`np.sum(a, axis=1)`, `a.max(axis=(0, 2), keepdims=True)`,
//! `var`, `std`, `ptp`), `argmin`/`argmax` and the scans `cumsum`/`cumprod`, with
//! NumPy's results.
//!
//! NumPy's reduction iterator walks the input in its memory order without flipping
//! reversed axes: axes sorted by decreasing stride (C order on ties), size-1 axes
//! dropped, and neighbours merged when they continue each other in the input and in the
//! output (two reduced axes, or two kept ones). When the innermost walk is over a
//! reduced axis, each run is added to its output element with pairwise summation (the
//! `run` of a fold); otherwise each input element is added to its own output element in
//! turn. Following that order makes float sums along the fast axis bit-exact and keeps
//! sums along slow axes vectorizable (whole rows added to a row of outputs).

use num_complex::Complex;

use crate::array::{Array, ArrayView};
use crate::broadcast::k_strides;
use crate::error::{ErrorKind, KResult, KernelError, value_error};
use crate::reduce::{PairwiseFloat, pairwise, pairwise_complex};

/// NumPy's buffer size: reductions that convert their elements (`mean` of integers)
/// sum pairwise within chunks of this many elements.
const BUFSIZE: usize = 8192;

/// The axes `axes` (negative from the end) of a `D`-dimensional array, as a mask;
/// NumPy's `AxisError` (a `ValueError`) out of range, and its error for a repeated axis.
pub fn axis_mask<const D: usize>(axes: &[i64]) -> KResult<[bool; D]> {
    let mut mask = [false; D];
    for &a in axes {
        let k = if a < 0 { a + D as i64 } else { a };
        if k < 0 || k >= D as i64 {
            return Err(KernelError::new(
                ErrorKind::Axis,
                format!("axis {a} is out of bounds for array of dimension {D}"),
            ));
        }
        if mask[k as usize] {
            return Err(value_error("duplicate value in 'axis'"));
        }
        mask[k as usize] = true;
    }
    Ok(mask)
}

/// One reduction: how an output element starts and takes in input elements.
pub trait AxisFold<T: Copy> {
    /// The output element type.
    type Acc: Copy;
    /// NumPy's ufunc name (`add`, `maximum`), for the empty-reduction error.
    fn name(&self) -> &'static str;
    /// The identity; `None` starts each output at its first input element (folds without
    /// an identity must give the same result when that element is taken in again).
    fn identity(&self) -> Option<Self::Acc>;
    /// An output started from its first element.
    fn first(&self, x: T) -> Self::Acc;
    /// `acc` with `x` taken in.
    fn step(&self, acc: Self::Acc, x: T) -> Self::Acc;
    /// `acc` with the run of `n` elements at `p` (stride `s`) taken in: NumPy's inner
    /// reduce loop (pairwise for float sums).
    ///
    /// # Safety
    /// The run must lie within a live array.
    #[inline(always)]
    unsafe fn run(&self, mut acc: Self::Acc, p: *const T, n: usize, s: isize) -> Self::Acc {
        for i in 0..n {
            // SAFETY: the caller's contract.
            acc = self.step(acc, unsafe { *p.offset(i as isize * s) });
        }
        acc
    }
}

/// A fold from an identity and a step function (integer sums and products, `any`,
/// `all`, `count_nonzero`).
pub struct FoldWith<A, F> {
    init: A,
    f: F,
    name: &'static str,
}

impl<A, F> FoldWith<A, F> {
    /// The fold `f` from `init`; `name` is NumPy's ufunc.
    pub fn new(name: &'static str, init: A, f: F) -> Self {
        FoldWith { init, f, name }
    }
}

impl<T: Copy, A: Copy, F: Fn(A, T) -> A> AxisFold<T> for FoldWith<A, F> {
    type Acc = A;
    fn name(&self) -> &'static str {
        self.name
    }
    fn identity(&self) -> Option<A> {
        Some(self.init)
    }
    fn first(&self, x: T) -> A {
        (self.f)(self.init, x)
    }
    #[inline(always)]
    fn step(&self, acc: A, x: T) -> A {
        (self.f)(acc, x)
    }
}

/// `np.add.reduce` of floats: pairwise along the inner reduced axis.
pub struct SumFloat;

impl<T: PairwiseFloat> AxisFold<T> for SumFloat {
    type Acc = T;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<T> {
        Some(T::ZERO)
    }
    fn first(&self, x: T) -> T {
        T::ZERO + x
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        acc + x
    }
    #[inline(always)]
    unsafe fn run(&self, acc: T, p: *const T, n: usize, s: isize) -> T {
        // SAFETY: the caller's contract.
        acc + pairwise(n, &|i| unsafe { *p.offset(i as isize * s) })
    }
}

/// `np.add.reduce` of complex numbers (NumPy's pairwise order over the parts).
pub struct SumComplex;

impl<T: PairwiseFloat> AxisFold<Complex<T>> for SumComplex {
    type Acc = Complex<T>;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<Complex<T>> {
        Some(Complex::new(T::ZERO, T::ZERO))
    }
    fn first(&self, x: Complex<T>) -> Complex<T> {
        Complex::new(T::ZERO + x.re, T::ZERO + x.im)
    }
    #[inline(always)]
    fn step(&self, acc: Complex<T>, x: Complex<T>) -> Complex<T> {
        Complex::new(acc.re + x.re, acc.im + x.im)
    }
    #[inline(always)]
    unsafe fn run(&self, acc: Complex<T>, p: *const Complex<T>, n: usize, s: isize) -> Complex<T> {
        // SAFETY: the caller's contract.
        let r = pairwise_complex(n, &|i| unsafe { *p.offset(i as isize * s) });
        Complex::new(acc.re + r.re, acc.im + r.im)
    }
}

/// The float64 sum of converted elements (`mean`/`var` of integers): NumPy converts
/// through buffers, so runs are summed pairwise a buffer at a time.
pub struct SumAsF64<C>(pub C);

impl<T: Copy, C: Fn(T) -> f64> AxisFold<T> for SumAsF64<C> {
    type Acc = f64;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<f64> {
        Some(0.0)
    }
    fn first(&self, x: T) -> f64 {
        0.0 + (self.0)(x)
    }
    #[inline(always)]
    fn step(&self, acc: f64, x: T) -> f64 {
        acc + (self.0)(x)
    }
    unsafe fn run(&self, mut acc: f64, p: *const T, n: usize, s: isize) -> f64 {
        let mut start = 0;
        while start < n {
            let m = (n - start).min(BUFSIZE);
            // SAFETY: the caller's contract.
            acc += pairwise(m, &|i| {
                (self.0)(unsafe { *p.offset((start + i) as isize * s) })
            });
            start += m;
        }
        acc
    }
}

/// `np.maximum.reduce` / `np.minimum.reduce`: NaN wins; no identity.
pub struct Extreme(pub bool);

impl<T: Copy + PartialOrd> AxisFold<T> for Extreme {
    type Acc = T;
    fn name(&self) -> &'static str {
        if self.0 { "maximum" } else { "minimum" }
    }
    fn identity(&self) -> Option<T> {
        None
    }
    fn first(&self, x: T) -> T {
        x
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn step(&self, b: T, x: T) -> T {
        // `b != b`: NaN, which stays; a NaN input wins.
        if b != b {
            b
        } else if x != x || (self.0 && x > b) || (!self.0 && x < b) {
            x
        } else {
            b
        }
    }
}

/// `np.nansum` of floats: NaN counts as 0 (NumPy replaces them, then sums pairwise).
pub struct NanSumFloat;

impl<T: PairwiseFloat + PartialEq> AxisFold<T> for NanSumFloat {
    type Acc = T;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<T> {
        Some(T::ZERO)
    }
    fn first(&self, x: T) -> T {
        self.step(T::ZERO, x)
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn step(&self, acc: T, x: T) -> T {
        acc + if x != x { T::ZERO } else { x }
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    unsafe fn run(&self, acc: T, p: *const T, n: usize, s: isize) -> T {
        // SAFETY: the caller's contract.
        acc + pairwise(n, &|i| {
            let x = unsafe { *p.offset(i as isize * s) };
            if x != x { T::ZERO } else { x }
        })
    }
}

/// `np.nansum` of complex numbers: an element with a NaN part counts as 0.
pub struct NanSumComplex;

impl<T: PairwiseFloat + PartialEq> AxisFold<Complex<T>> for NanSumComplex {
    type Acc = Complex<T>;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<Complex<T>> {
        Some(Complex::new(T::ZERO, T::ZERO))
    }
    fn first(&self, x: Complex<T>) -> Complex<T> {
        self.step(Complex::new(T::ZERO, T::ZERO), x)
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn step(&self, acc: Complex<T>, x: Complex<T>) -> Complex<T> {
        if x.re != x.re || x.im != x.im {
            acc
        } else {
            Complex::new(acc.re + x.re, acc.im + x.im)
        }
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    unsafe fn run(&self, acc: Complex<T>, p: *const Complex<T>, n: usize, s: isize) -> Complex<T> {
        // SAFETY: the caller's contract.
        let r = pairwise_complex(n, &|i| {
            let x = unsafe { *p.offset(i as isize * s) };
            if x.re != x.re || x.im != x.im {
                Complex::new(T::ZERO, T::ZERO)
            } else {
                x
            }
        });
        Complex::new(acc.re + r.re, acc.im + r.im)
    }
}

/// `np.fmax.reduce` / `np.fmin.reduce` (`np.nanmax`, `np.nanmin`): NaN only when every
/// element is NaN.
pub struct FExtreme(pub bool);

impl<T: Copy + PartialOrd> AxisFold<T> for FExtreme {
    type Acc = T;
    fn name(&self) -> &'static str {
        if self.0 { "fmax" } else { "fmin" }
    }
    fn identity(&self) -> Option<T> {
        None
    }
    fn first(&self, x: T) -> T {
        x
    }
    #[inline(always)]
    #[allow(clippy::eq_op)]
    fn step(&self, b: T, x: T) -> T {
        if b != b || (self.0 && x > b) || (!self.0 && x < b) {
            x
        } else {
            b
        }
    }
}

/// The sum of `map(x)` in NumPy's order over the temporary `map(a)` (pairwise along
/// the fast reduced axis): `np.linalg.norm` sums `|x|²` and `|x|` this way.
pub struct SumMapped<C>(pub C);

impl<T: Copy, F: PairwiseFloat, C: Fn(T) -> F> AxisFold<T> for SumMapped<C> {
    type Acc = F;
    fn name(&self) -> &'static str {
        "add"
    }
    fn identity(&self) -> Option<F> {
        Some(F::ZERO)
    }
    fn first(&self, x: T) -> F {
        F::ZERO + (self.0)(x)
    }
    #[inline(always)]
    fn step(&self, acc: F, x: T) -> F {
        acc + (self.0)(x)
    }
    #[inline(always)]
    unsafe fn run(&self, acc: F, p: *const T, n: usize, s: isize) -> F {
        // SAFETY: the caller's contract.
        acc + pairwise(n, &|i| (self.0)(unsafe { *p.offset(i as isize * s) }))
    }
}

/// `np.max(map(a))` / `np.min(map(a))` (`.0`: max): the extremes of `|x|` for
/// `np.linalg.norm(x, inf)`.
pub struct ExtremeMapped<C>(pub bool, pub C);

impl<T: Copy, F: Copy + PartialOrd, C: Fn(T) -> F> AxisFold<T> for ExtremeMapped<C> {
    type Acc = F;
    fn name(&self) -> &'static str {
        if self.0 { "maximum" } else { "minimum" }
    }
    fn identity(&self) -> Option<F> {
        None
    }
    fn first(&self, x: T) -> F {
        (self.1)(x)
    }
    #[inline(always)]
    fn step(&self, b: F, x: T) -> F {
        Extreme(self.0).step(b, (self.1)(x))
    }
}

/// Calls `f` with every index of `shape`, in C order.
fn for_each_index<const D: usize>(shape: [usize; D], mut f: impl FnMut(&[usize; D])) {
    if shape.contains(&0) {
        return;
    }
    let mut idx = [0usize; D];
    loop {
        f(&idx);
        let mut k = D;
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < shape[k] {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// Calls `f` with the index of the first element of every row (the last axis) of
/// `shape`, in C order; the rows have `shape[D - 1]` elements.
pub(crate) fn for_each_row<const D: usize>(shape: [usize; D], mut f: impl FnMut(&[usize; D])) {
    if D == 0 {
        return f(&[0; D]);
    }
    let mut rows = shape;
    rows[D - 1] = 1;
    if shape[D - 1] == 0 {
        return;
    }
    for_each_index(rows, |idx| f(idx));
}

/// The offset (in elements) of `idx` with `strides`.
#[inline(always)]
pub(crate) fn offset<const D: usize>(idx: &[usize; D], strides: &[isize; D]) -> isize {
    idx.iter().zip(strides).map(|(&i, &s)| i as isize * s).sum()
}

/// The result shape: the kept axes, and the reduced ones as 1 when `R == D` (keepdims).
pub(crate) fn out_shape<const D: usize, const R: usize>(
    shape: [usize; D],
    mask: [bool; D],
) -> [usize; R] {
    let mut out = [1usize; R];
    let mut j = 0;
    for k in 0..D {
        if R == D {
            out[k] = if mask[k] { 1 } else { shape[k] };
        } else if !mask[k] && j < R {
            out[j] = shape[k];
            j += 1;
        }
    }
    out
}

/// A new array of `shape` (with reduced axes of extent 1) laid out in `a`'s memory
/// order, filled with `v`; its strides with 0 on the reduced axes.
fn new_out<T: Copy, A: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    mask: [bool; D],
    v: A,
) -> (Vec<A>, [usize; D], [isize; D], [isize; D]) {
    let shape = a.shape();
    let mut full = shape;
    for k in 0..D {
        if mask[k] {
            full[k] = 1;
        }
    }
    let strides = k_strides(full, &[a.strides()]);
    let mut walk = strides;
    for k in 0..D {
        if mask[k] {
            walk[k] = 0;
        }
    }
    let n: usize = full.iter().product();
    (vec![v; n], full, strides, walk)
}

/// The reduction `f` of `a` over the axes in `mask`, as a new array of rank `R` (`D`
/// with `keepdims`, else `D` minus the reduced axes).
pub fn reduce_axes<T: Copy, F: AxisFold<T>, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    mask: [bool; D],
    f: &F,
) -> KResult<Array<F::Acc, R>> {
    let shape = a.shape();
    let in_strides = a.strides();
    let reduced_empty = (0..D).any(|k| mask[k] && shape[k] == 0);
    let kept_empty = (0..D).any(|k| !mask[k] && shape[k] == 0);
    let init = match f.identity() {
        Some(v) => v,
        None if reduced_empty && !kept_empty => {
            return Err(value_error(format!(
                "zero-size array to reduction operation {} which has no identity",
                f.name()
            )));
        }
        None if reduced_empty || kept_empty => {
            return Array::from_vec(Vec::new(), out_shape::<D, R>(shape, mask));
        }
        // Started below from the first element along the reduced axes.
        None => f.first(a_first(a)),
    };
    let (mut out, full, strides, walk) = new_out(a, mask, init);
    let base = a.as_ptr() as *const T;
    if f.identity().is_none() {
        let mut kept = shape;
        for k in 0..D {
            if mask[k] {
                kept[k] = 1;
            }
        }
        for_each_index(kept, |idx| {
            // SAFETY: `idx` is within `a` (0 along the reduced axes) and the output.
            unsafe {
                let x = *base.offset(offset(idx, &in_strides));
                out[offset(idx, &strides) as usize] = f.first(x);
            }
        });
    }
    if !reduced_empty && !kept_empty {
        // The walk: axes of more than one element, outer first, merged where they
        // continue each other in the input and in the output.
        let mut axes: Vec<(usize, isize, isize)> = (0..D)
            .filter(|&k| shape[k] > 1)
            .map(|k| (shape[k], in_strides[k], walk[k]))
            .collect();
        axes.sort_by_key(|&(_, s, _)| std::cmp::Reverse(s.unsigned_abs()));
        let mut merged: Vec<(usize, isize, isize)> = Vec::new();
        for (n, s, o) in axes.into_iter().rev() {
            match merged.last_mut() {
                Some((m, t, u)) if *t * *m as isize == s && *u * *m as isize == o => *m *= n,
                _ => merged.push((n, s, o)),
            }
        }
        merged.reverse();
        let (inner_n, inner_s, inner_o) = merged.pop().unwrap_or((1, 1, 0));
        let outer = merged;
        let mut idx = vec![0usize; outer.len()];
        let optr = out.as_mut_ptr();
        loop {
            let (mut p, mut o) = (0isize, 0isize);
            for (k, &(_, s, os)) in outer.iter().enumerate() {
                p += idx[k] as isize * s;
                o += idx[k] as isize * os;
            }
            // SAFETY: every offset is within `a` and the output (their extents).
            unsafe {
                let p = base.offset(p);
                let q = optr.offset(o);
                if inner_o == 0 {
                    *q = f.run(*q, p, inner_n, inner_s);
                } else {
                    for i in 0..inner_n as isize {
                        let qi = q.offset(i * inner_o);
                        *qi = f.step(*qi, *p.offset(i * inner_s));
                    }
                }
            }
            let mut k = outer.len();
            loop {
                if k == 0 {
                    return finish(out, full, strides, mask);
                }
                k -= 1;
                idx[k] += 1;
                if idx[k] < outer[k].0 {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
    finish(out, full, strides, mask)
}

/// The first element of a non-empty view.
fn a_first<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> T {
    // SAFETY: the view is not empty (checked by the caller).
    unsafe { *a.as_ptr() }
}

/// The output array of rank `R` from the `D`-dimensional buffer.
fn finish<A: Copy, const D: usize, const R: usize>(
    out: Vec<A>,
    full: [usize; D],
    strides: [isize; D],
    mask: [bool; D],
) -> KResult<Array<A, R>> {
    if R == D {
        let mut s = [0isize; R];
        let mut sh = [0usize; R];
        s.copy_from_slice(&strides[..R]);
        sh.copy_from_slice(&full[..R]);
        return Ok(Array::from_vec_with_strides(out, sh, s));
    }
    let (mut sh, mut s) = ([0usize; R], [0isize; R]);
    let mut j = 0;
    for k in 0..D {
        if !mask[k] && j < R {
            sh[j] = full[k];
            s[j] = strides[k];
            j += 1;
        }
    }
    Ok(Array::from_vec_with_strides(out, sh, s))
}

/// The single element of a reduction over every axis.
pub fn only<T: Copy, const D: usize>(a: Array<T, D>) -> T {
    // SAFETY: a reduction over every axis has exactly one element.
    unsafe { *a.as_ptr() }
}

/// Applies `f` to every element of a new array, in place.
pub fn map_in_place<T: Copy, const D: usize>(a: Array<T, D>, f: impl Fn(T) -> T) -> Array<T, D> {
    let n: usize = a.shape().iter().product();
    let p = a.as_ptr();
    // SAFETY: the arrays built here are contiguous (in some axis order) and unshared.
    for i in 0..n {
        unsafe { *p.add(i) = f(*p.add(i)) };
    }
    a
}

/// `f(a, b)` of two new arrays of one shape and layout (two reductions of one array),
/// into `a`.
pub fn zip_in_place<T: Copy, U: Copy, const D: usize>(
    a: Array<T, D>,
    b: &Array<U, D>,
    f: impl Fn(T, U) -> T,
) -> Array<T, D> {
    debug_assert_eq!(a.strides(), b.strides());
    let n: usize = a.shape().iter().product();
    let (p, q) = (a.as_ptr(), b.as_ptr() as *const U);
    // SAFETY: both are contiguous (in the same axis order), `n` elements, unshared.
    for i in 0..n {
        unsafe { *p.add(i) = f(*p.add(i), *q.add(i)) };
    }
    a
}

/// The number of elements reduced into each output element.
pub fn reduced_count<T: Copy, const D: usize>(a: &ArrayView<T, D>, mask: [bool; D]) -> usize {
    (0..D).filter(|&k| mask[k]).map(|k| a.shape()[k]).product()
}

/// `np.var` (and, through `sqrt`, `np.std`) as NumPy computes it: the mean with
/// `keepdims`, the squared deviations in a temporary laid out as `a`, their sum, divided
/// by `max(count - ddof, 0)`. `sum` is the mean's sum, `mean` divides it by the count,
/// `dev(x, m)` is `|x - m|²`, `div(s, n)` divides the final sum.
#[allow(clippy::too_many_arguments)]
pub fn var_axes<T, S, M, X, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    mask: [bool; D],
    ddof: i64,
    sum: &S,
    mean: impl Fn(S::Acc, usize) -> M,
    dev: impl Fn(T, M) -> X,
    div: impl Fn(X, f64) -> X,
) -> KResult<Array<X, R>>
where
    T: Copy,
    S: AxisFold<T>,
    M: Copy,
    X: PairwiseFloat,
{
    let n = reduced_count(a, mask);
    let sums: Array<S::Acc, D> = reduce_axes(a, mask, sum)?;
    let shape = a.shape();
    let mstr = sums.strides();
    let xstr = k_strides(shape, &[a.strides()]);
    let size: usize = shape.iter().product();
    let mut xs: Vec<X> = vec![X::ZERO; size];
    let (ap, mp) = (a.as_ptr() as *const T, sums.as_ptr() as *const S::Acc);
    let astr = a.strides();
    let last = D.saturating_sub(1);
    let (ms, xs_s, as_s) = if D == 0 {
        (0, 0, 0)
    } else {
        (
            if mask[last] { 0 } else { mstr[last] },
            xstr[last],
            astr[last],
        )
    };
    let row = if D == 0 { 1 } else { shape[last] };
    let xp = xs.as_mut_ptr();
    for_each_row(shape, |idx| {
        let mut m = *idx;
        for k in 0..D {
            if mask[k] {
                m[k] = 0;
            }
        }
        // SAFETY: the row from `idx` is within `a` and `xs`; `m`'s within the sums.
        unsafe {
            let (pa, pm, px) = (
                ap.offset(offset(idx, &astr)),
                mp.offset(offset(&m, &mstr)),
                xp.offset(offset(idx, &xstr)),
            );
            for j in 0..row as isize {
                *px.offset(j * xs_s) = dev(*pa.offset(j * as_s), mean(*pm.offset(j * ms), n));
            }
        }
    });
    let x = Array::from_vec_with_strides(xs, shape, xstr);
    let total: Array<X, R> = reduce_axes(&x, mask, &SumFloat)?;
    let rcount = (n as i64 - ddof).max(0) as f64;
    Ok(map_in_place(total, |s| div(s, rcount)))
}

/// `np.argmax` / `np.argmin` (`max`) along `axis` (`None`: of the flattened array, C
/// order): the first index of the extreme, NaN first; NumPy's error for an empty one.
pub fn arg_extreme<T: Copy + PartialOrd, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
    max: bool,
) -> KResult<Array<i64, R>> {
    let empty = || {
        value_error(format!(
            "attempt to get {} of an empty sequence",
            if max { "argmax" } else { "argmin" }
        ))
    };
    let shape = a.shape();
    let strides = a.strides();
    let base = a.as_ptr() as *const T;
    let better = Extreme(max);
    let Some(axis) = axis else {
        if shape.contains(&0) {
            return Err(empty());
        }
        let (mut best, mut at, mut i) = (None::<T>, 0i64, 0i64);
        for_each_index(shape, |idx| {
            // SAFETY: `idx` is within `a`.
            let x = unsafe { *base.offset(offset(idx, &strides)) };
            best = Some(match best {
                None => {
                    at = i;
                    x
                }
                Some(b) => {
                    let c = better.step(b, x);
                    // The new extreme (or the first NaN) moves the index.
                    #[allow(clippy::eq_op)]
                    if b == b && (c != b || (c != c)) {
                        at = i;
                    }
                    c
                }
            });
            i += 1;
        });
        return Array::from_vec(vec![at], [1usize; R]);
    };
    let [k] = axis_mask_index::<D>(axis)?;
    let n = shape[k];
    let mut kept = shape;
    kept[k] = 1;
    let kept_size: usize = kept.iter().product();
    if n == 0 && kept_size > 0 {
        return Err(empty());
    }
    let mut out = Vec::with_capacity(kept_size);
    for_each_index(kept, |idx| {
        let p = offset(idx, &strides);
        // SAFETY: the line along axis `k` from `idx` is within `a`.
        let get = |j: usize| unsafe { *base.offset(p + j as isize * strides[k]) };
        let (mut b, mut at) = (get(0), 0i64);
        for j in 1..n {
            let x = get(j);
            let c = better.step(b, x);
            #[allow(clippy::eq_op)]
            if b == b && (c != b || c != c) {
                at = j as i64;
            }
            b = c;
        }
        out.push(at);
    });
    let mask = {
        let mut m = [false; D];
        m[k] = true;
        m
    };
    let mut full = shape;
    full[k] = 1;
    let c = k_strides(full, &[]);
    finish(out, full, c, mask)
}

/// The one axis `axis` (negative from the end) of a `D`-dimensional array.
fn axis_mask_index<const D: usize>(axis: i64) -> KResult<[usize; 1]> {
    let m = axis_mask::<D>(&[axis])?;
    Ok([m.iter().position(|&b| b).unwrap_or(0)])
}

/// `np.cumsum` / `np.cumprod` (`op` with `conv` from the input type) along `axis`, or of
/// the flattened array (C order) with `None`; the result is C-ordered.
pub fn accumulate<T: Copy, O: Copy, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
    conv: impl Fn(T) -> O,
    op: impl Fn(O, O) -> O,
) -> KResult<Array<O, R>> {
    let shape = a.shape();
    let strides = a.strides();
    let base = a.as_ptr() as *const T;
    let size: usize = shape.iter().product();
    // The axis scanned, as a distance in elements of the C-ordered output (`None`: the
    // flattened array, one running value through every row).
    let (k, back) = match axis {
        None => (None, 0),
        Some(axis) => {
            let [k] = axis_mask_index::<D>(axis)?;
            (Some(k), shape[k + 1..].iter().product::<usize>())
        }
    };
    let mut out: Vec<O> = Vec::with_capacity(size);
    let o = out.as_mut_ptr();
    let m = shape.last().copied().unwrap_or(1);
    let s = strides.last().copied().unwrap_or(1);
    let mut at = 0usize;
    for_each_row(shape, |idx| {
        // SAFETY: the row from `idx` is within `a`; the output has room for `size`
        // elements, written in order (each read only after it was written).
        unsafe {
            let p = base.offset(offset(idx, &strides));
            let x = |j: usize| conv(*p.offset(j as isize * s));
            let along_row = k.is_none_or(|k| k + 1 == D);
            if along_row {
                let first = if k.is_none() && at > 0 {
                    op(*o.add(at - 1), x(0))
                } else {
                    x(0)
                };
                o.add(at).write(first);
                for j in 1..m {
                    o.add(at + j).write(op(*o.add(at + j - 1), x(j)));
                }
            } else if k.is_some_and(|k| idx[k] == 0) {
                for j in 0..m {
                    o.add(at + j).write(x(j));
                }
            } else {
                for j in 0..m {
                    o.add(at + j).write(op(*o.add(at + j - back), x(j)));
                }
            }
        }
        at += m;
    });
    // SAFETY: every element was written above.
    unsafe { out.set_len(size) };
    let mut sh = [0usize; R];
    if axis.is_none() {
        sh[0] = size;
    } else {
        sh.copy_from_slice(&shape[..R]);
    }
    Array::from_vec(out, sh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arr(n: usize, m: usize) -> Array<f64, 2> {
        Array::from_vec((0..n * m).map(|i| 1.0 / (1.0 + i as f64)).collect(), [n, m]).unwrap()
    }

    #[test]
    fn masks_normalize_and_refuse_bad_axes() {
        assert_eq!(axis_mask::<3>(&[-1, 0]).unwrap(), [true, false, true]);
        assert_eq!(
            axis_mask::<2>(&[2]).unwrap_err().message(),
            "axis 2 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            axis_mask::<2>(&[1, -1]).unwrap_err().message(),
            "duplicate value in 'axis'"
        );
    }

    #[test]
    fn sums_along_each_axis_follow_numpys_order() {
        let a = arr(3, 300);
        let rows: Array<f64, 1> = reduce_axes(&a, [false, true], &SumFloat).unwrap();
        for i in 0..3 {
            let want = 0.0 + pairwise(300, &|j| a.get([i as i64, j as i64]).unwrap());
            assert_eq!(rows.get([i as i64]).unwrap(), want);
        }
        let cols: Array<f64, 1> = reduce_axes(&a, [true, false], &SumFloat).unwrap();
        for j in [0i64, 17, 299] {
            let want =
                ((0.0 + a.get([0, j]).unwrap()) + a.get([1, j]).unwrap()) + a.get([2, j]).unwrap();
            assert_eq!(cols.get([j]).unwrap(), want);
        }
        let keep: Array<f64, 2> = reduce_axes(&a, [false, true], &SumFloat).unwrap();
        assert_eq!(keep.shape(), [3, 1]);
        // over both axes of a contiguous array: one pairwise run
        let all: Array<f64, 2> = reduce_axes(&a, [true, true], &SumFloat).unwrap();
        assert_eq!(only(all), crate::reduce::sum_float(&a));
    }

    #[test]
    fn extremes_start_from_the_first_element_and_refuse_empty_axes() {
        let a = Array::from_vec(vec![3.0, -1.0, f64::NAN, 2.0, 5.0, 0.0], [2, 3]).unwrap();
        let m: Array<f64, 1> = reduce_axes(&a, [false, true], &Extreme(true)).unwrap();
        assert!(m.get([0]).unwrap().is_nan());
        assert_eq!(m.get([1]).unwrap(), 5.0);
        let m: Array<f64, 1> = reduce_axes(&a, [true, false], &Extreme(false)).unwrap();
        assert_eq!(m.to_vec()[..2], [2.0, -1.0]);
        assert!(m.to_vec()[2].is_nan());
        let e = Array::<f64, 2>::from_vec(vec![], [0, 3]).unwrap();
        let err = reduce_axes::<f64, _, 2, 1>(&e, [true, false], &Extreme(true)).unwrap_err();
        assert_eq!(
            err.message(),
            "zero-size array to reduction operation maximum which has no identity"
        );
        let ok: Array<f64, 1> = reduce_axes(&e, [false, true], &Extreme(true)).unwrap();
        assert_eq!(ok.shape(), [0]);
    }

    #[test]
    fn argmax_takes_the_first_extreme_and_nan_first() {
        let a = Array::from_vec(vec![1.0, 5.0, 5.0, 0.0, f64::NAN, 7.0], [2, 3]).unwrap();
        let r: Array<i64, 1> = arg_extreme(&a, Some(1), true).unwrap();
        assert_eq!(r.to_vec(), [1, 1]);
        let r: Array<i64, 0> = arg_extreme(&a, None, false).unwrap();
        assert_eq!(only(r), 4);
        let r: Array<i64, 1> = arg_extreme(&a, Some(0), false).unwrap();
        assert_eq!(r.to_vec(), [1, 1, 0]);
    }

    #[test]
    fn scans_run_along_the_axis() {
        let a = Array::from_vec(vec![1i64, 2, 3, 4, 5, 6], [2, 3]).unwrap();
        let c: Array<i64, 2> = accumulate(&a, Some(0), |x| x, |s, x| s + x).unwrap();
        assert_eq!(c.to_vec(), [1, 2, 3, 5, 7, 9]);
        let c: Array<i64, 2> = accumulate(&a, Some(-1), |x| x, |s, x| s + x).unwrap();
        assert_eq!(c.to_vec(), [1, 3, 6, 4, 9, 15]);
        let c: Array<i64, 1> = accumulate(&a.t(), None, |x| x, |s, x| s * x).unwrap();
        assert_eq!(c.to_vec(), [1, 4, 8, 40, 120, 720]);
    }

    #[test]
    fn variance_divides_by_count_minus_ddof() {
        let a = Array::from_vec(vec![1.0, 2.0, 3.0, 4.0], [2, 2]).unwrap();
        let v: Array<f64, 1> = var_axes(
            &a,
            [false, true],
            1,
            &SumFloat,
            |s: f64, n| s / n as f64,
            |x: f64, m: f64| (x - m) * (x - m),
            |s, n| s / n,
        )
        .unwrap();
        assert_eq!(v.to_vec(), [0.5, 0.5]);
    }
}
