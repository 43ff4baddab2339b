//! Sorting and searching with NumPy's results: `np.sort` / `a.sort()` (NaN last),
//! `np.argsort` (stable: NumPy's `kind='stable'` order exactly), `np.searchsorted`,
//! `np.unique` (NaNs collapsed into one, as NumPy 2's `equal_nan=True`),
//! `np.median` and `np.bincount`.

use std::cmp::Ordering;

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};
use crate::reduce::pairwise;

/// Elements NumPy can sort: a total order with NaN last (`-0.0` equals `0.0`).
pub trait SortKey: Copy {
    /// NumPy's order.
    fn order(&self, other: &Self) -> Ordering;
    /// NaN (sorted last, and "larger" than everything in `searchsorted`).
    fn is_nan(&self) -> bool {
        false
    }
}

macro_rules! int_key {
    ($($t:ty),*) => {$(
        impl SortKey for $t {
            #[inline(always)]
            fn order(&self, other: &Self) -> Ordering {
                self.cmp(other)
            }
        }
    )*};
}
int_key!(i8, i16, i32, i64, u8, u16, u32, u64, bool);

macro_rules! float_key {
    ($($t:ty),*) => {$(
        impl SortKey for $t {
            #[inline(always)]
            fn order(&self, other: &Self) -> Ordering {
                match self.partial_cmp(other) {
                    Some(o) => o,
                    None => self.is_nan().cmp(&other.is_nan()),
                }
            }
            #[inline(always)]
            fn is_nan(&self) -> bool {
                <$t>::is_nan(*self)
            }
        }
    )*};
}
float_key!(f32, f64);

/// The lanes of `a` along `axis` (`None`: the flattened array, C order) as vectors,
/// with the shape of the result (`D` axes, or 1 for `None`).
pub(crate) fn lanes<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
) -> KResult<(Vec<Vec<T>>, usize)> {
    match axis {
        None => Ok((vec![a.to_vec()], D)),
        Some(ax) => {
            let k = norm_axis::<D>(ax)?;
            let shape = a.shape();
            let strides = a.strides();
            let n = shape[k];
            let mut kept = shape;
            kept[k] = 1;
            let count: usize = kept.iter().product();
            let mut out = Vec::with_capacity(count);
            let base = a.as_ptr() as *const T;
            for_each(kept, |idx| {
                let off: isize = idx
                    .iter()
                    .zip(&strides)
                    .map(|(&i, &s)| i as isize * s)
                    .sum();
                // SAFETY: the lane from `idx` along axis `k` is within the view.
                let lane = (0..n)
                    .map(|j| unsafe { *base.offset(off + j as isize * strides[k]) })
                    .collect();
                out.push(lane);
            });
            Ok((out, k))
        }
    }
}

/// Calls `f` with every index of `shape` in C order.
pub(crate) fn for_each<const D: usize>(shape: [usize; D], mut f: impl FnMut(&[usize; D])) {
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

/// `axis` (negative from the end) of a `D`-dimensional array; NumPy's `AxisError`.
pub(crate) fn norm_axis<const D: usize>(axis: i64) -> KResult<usize> {
    let m = crate::reduce_axis::axis_mask::<D>(&[axis])?;
    Ok(m.iter().position(|&b| b).unwrap_or(0))
}

/// Writes lanes (of the result's C-ordered layout) back into a new array of `shape`
/// with the lanes along axis `k`.
pub(crate) fn from_lanes<T: Copy, const D: usize, const R: usize>(
    lanes: Vec<Vec<T>>,
    shape: [usize; D],
    k: usize,
    flat: bool,
) -> KResult<Array<T, R>> {
    if flat {
        let v = lanes.into_iter().next().unwrap_or_default();
        let mut sh = [1usize; R];
        sh[0] = v.len();
        return Array::from_vec(v, sh);
    }
    let size: usize = shape.iter().product();
    let mut out: Vec<T> = Vec::with_capacity(size);
    let spare = out.spare_capacity_mut();
    let inner: usize = shape[k + 1..].iter().product();
    let mut kept = shape;
    kept[k] = 1;
    let mut lane_no = 0;
    for_each(kept, |idx| {
        // C-order offset of `idx` in the result.
        let mut off = 0usize;
        for d in 0..D {
            off = off * shape[d] + idx[d];
        }
        for (j, &x) in lanes[lane_no].iter().enumerate() {
            spare[off + j * inner].write(x);
        }
        lane_no += 1;
    });
    // SAFETY: every element of every lane was written (the lanes tile the array).
    unsafe { out.set_len(size) };
    let mut sh = [0usize; R];
    sh.copy_from_slice(&shape[..R]);
    Array::from_vec(out, sh)
}

/// `np.sort(a, axis)` (`None`: the flattened array).
pub fn sort<T: SortKey, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
) -> KResult<Array<T, R>> {
    let (mut ls, k) = lanes(a, axis)?;
    for l in &mut ls {
        l.sort_unstable_by(|x, y| x.order(y));
    }
    from_lanes(ls, a.shape(), k.min(D.saturating_sub(1)), axis.is_none())
}

/// `a.sort(axis)`: in place, each lane along `axis`.
pub fn sort_in_place<T: SortKey, const D: usize>(a: &ArrayView<T, D>, axis: i64) -> KResult<()> {
    let k = norm_axis::<D>(axis)?;
    let shape = a.shape();
    let strides = a.strides();
    let n = shape[k];
    let mut kept = shape;
    kept[k] = 1;
    let base = a.as_ptr();
    let mut buf: Vec<T> = Vec::with_capacity(n);
    for_each(kept, |idx| {
        let off: isize = idx
            .iter()
            .zip(&strides)
            .map(|(&i, &s)| i as isize * s)
            .sum();
        buf.clear();
        // SAFETY: the lane from `idx` along axis `k` is within the view.
        unsafe {
            buf.extend((0..n).map(|j| *base.offset(off + j as isize * strides[k])));
            buf.sort_unstable_by(|x, y| x.order(y));
            for (j, &x) in buf.iter().enumerate() {
                *base.offset(off + j as isize * strides[k]) = x;
            }
        }
    });
    Ok(())
}

/// `np.argsort(a, axis)` (`None`: of the flattened array): stable, so equal elements
/// keep their order (NumPy's `kind='stable'` result).
pub fn argsort<T: SortKey, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
) -> KResult<Array<i64, R>> {
    let (ls, k) = lanes(a, axis)?;
    let idx: Vec<Vec<i64>> = ls
        .iter()
        .map(|l| {
            let mut ix: Vec<i64> = (0..l.len() as i64).collect();
            ix.sort_by(|&i, &j| l[i as usize].order(&l[j as usize]));
            ix
        })
        .collect();
    from_lanes(idx, a.shape(), k.min(D.saturating_sub(1)), axis.is_none())
}

/// `np.searchsorted(a, v, side)` for one value: the insertion point in sorted `a`
/// (`right`: after equal elements), NaN counted as the largest value, as NumPy.
pub fn searchsorted_one<T: SortKey>(a: &ArrayView<T, 1>, v: T, right: bool) -> i64 {
    let n = a.shape()[0];
    let s = a.strides()[0];
    let p = a.as_ptr() as *const T;
    // SAFETY: `i < n`.
    let at = |i: usize| unsafe { *p.offset(i as isize * s) };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let o = at(mid).order(&v);
        let go_right = if right {
            o != Ordering::Greater
        } else {
            o == Ordering::Less
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo as i64
}

/// `np.searchsorted(a, v, side)` for an array of values: an int64 array of `v`'s shape
/// (NumPy's search, keys in C order: also its results when `a` is not sorted).
pub fn searchsorted<T: SortKey, const D: usize>(
    a: &ArrayView<T, 1>,
    v: &ArrayView<T, D>,
    right: bool,
) -> KResult<Array<i64, D>> {
    let out = crate::digitize::binsearch(&a.to_vec(), &v.to_vec(), right);
    Array::from_vec(out, v.shape())
}

/// `np.unique(a, return_index, return_inverse, return_counts)`: the sorted distinct
/// elements of the flattened array (NaNs as one), the index of each one's first
/// occurrence, the index into the result of every element (in the shape of `a`, as
/// NumPy 2), and the counts.
#[allow(clippy::type_complexity)]
pub fn unique<T: SortKey, const D: usize>(
    a: &ArrayView<T, D>,
) -> KResult<(Array<T, 1>, Array<i64, 1>, Array<i64, D>, Array<i64, 1>)> {
    let xs = a.to_vec();
    let mut ix: Vec<usize> = (0..xs.len()).collect();
    ix.sort_by(|&i, &j| xs[i].order(&xs[j]));
    let same = |x: &T, y: &T| x.order(y) == Ordering::Equal || (x.is_nan() && y.is_nan());
    let (mut vals, mut first, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    let mut inverse = vec![0i64; xs.len()];
    for &i in &ix {
        let x = xs[i];
        match vals.last() {
            Some(v) if same(v, &x) => {
                *counts.last_mut().expect("a count per value") += 1;
            }
            _ => {
                vals.push(x);
                first.push(i as i64);
                counts.push(1i64);
            }
        }
        inverse[i] = vals.len() as i64 - 1;
    }
    let n = vals.len();
    Ok((
        Array::from_vec(vals, [n])?,
        Array::from_vec(first, [n])?,
        Array::from_vec(inverse, a.shape())?,
        Array::from_vec(counts, [n])?,
    ))
}

/// Numbers `np.median` averages: the mean of the middle one or two, as NumPy's `mean`
/// computes it (float64 for integers).
pub trait Median: SortKey {
    /// The result type.
    type Out: Copy;
    /// NaN of the result type.
    const NAN: Self::Out;
    /// `np.mean` of `xs` (one or two elements).
    fn mean(xs: &[Self]) -> Self::Out;
    /// `(lo + hi) / 2` as `np.nanmedian` computes it along a short axis (a masked sum
    /// from 0, halved in the array's type: `x + x` may overflow); `mean` for integers.
    fn half_sum(lo: Self, hi: Self) -> Self::Out {
        Self::mean(&[lo, hi])
    }
}

macro_rules! median_int {
    ($($t:ty),*) => {$(
        impl Median for $t {
            type Out = f64;
            const NAN: f64 = f64::NAN;
            fn mean(xs: &[Self]) -> f64 {
                pairwise(xs.len(), &|i| xs[i] as f64) / xs.len() as f64
            }
        }
    )*};
}
median_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Median for bool {
    type Out = f64;
    const NAN: f64 = f64::NAN;
    fn mean(xs: &[Self]) -> f64 {
        pairwise(xs.len(), &|i| xs[i] as u8 as f64) / xs.len() as f64
    }
}

macro_rules! median_float {
    ($($t:ty),*) => {$(
        impl Median for $t {
            type Out = $t;
            const NAN: $t = <$t>::NAN;
            fn mean(xs: &[Self]) -> $t {
                ((0.0 as $t + pairwise(xs.len(), &|i| xs[i])) as f64 / xs.len() as f64) as $t
            }
            fn half_sum(lo: $t, hi: $t) -> $t {
                (0.0 as $t + lo + hi) / 2.0
            }
        }
    )*};
}
median_float!(f32, f64);

/// `np.median(a, axis)` (`None`: of the flattened array, rank `R` 0): NaN when a lane
/// has a NaN; an empty lane gives NaN (NumPy warns).
pub fn median<T: Median, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
) -> KResult<Array<T::Out, R>> {
    let (ls, k) = lanes(a, axis)?;
    let vals: Vec<T::Out> = ls
        .into_iter()
        .map(|l| {
            if l.is_empty() || l.iter().any(|x| x.is_nan()) {
                T::NAN
            } else {
                lane_median(l, false)
            }
        })
        .collect();
    Array::from_vec(vals, reduced_shape::<D, R>(a.shape(), k, axis.is_some()))
}

/// The median of a non-empty lane (NaN-free), as `np.median` (`short`: as
/// `np.nanmedian` along a short axis).
fn lane_median<T: Median>(mut l: Vec<T>, short: bool) -> T::Out {
    let n = l.len();
    let h = n / 2;
    let (_, mid, _) = l.select_nth_unstable_by(h, |x, y| x.order(y));
    let hi = *mid;
    let lo = if n % 2 == 1 {
        hi
    } else {
        *l[..h]
            .iter()
            .max_by(|x, y| x.order(y))
            .expect("a lower half")
    };
    match (short, n % 2) {
        (true, _) => T::half_sum(lo, hi),
        (false, 1) => T::mean(&[hi]),
        _ => T::mean(&[lo, hi]),
    }
}

/// `np.nanmedian(a, axis)`: the median of each lane's numbers, NaN for a lane of NaNs
/// (or an empty one). NumPy averages the middle two with `np.median` for the whole
/// array, a 1-D one or lanes of 600 elements or more, and as a masked sum halved in the
/// array's type along shorter axes (`1.7e308` alone gives `inf` there). Integers:
/// `np.median`.
pub fn nanmedian<T: Median, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
) -> KResult<Array<T::Out, R>> {
    let (ls, k) = lanes(a, axis)?;
    let short = axis.is_some() && D > 1 && a.shape()[k] < 600;
    let vals: Vec<T::Out> = ls
        .into_iter()
        .map(|l| {
            let nums: Vec<T> = l.into_iter().filter(|x| !x.is_nan()).collect();
            if nums.is_empty() {
                T::NAN
            } else {
                lane_median(nums, short)
            }
        })
        .collect();
    let sh = reduced_shape::<D, R>(a.shape(), k, axis.is_some());
    if !short {
        return Array::from_vec(vals, sh);
    }
    // NumPy's masked median lays its result out in the input's memory order.
    let mut full = a.shape();
    full[k] = 1;
    let strides = crate::broadcast::k_strides(full, &[a.strides()]);
    let mut out = vals.clone();
    let mut i = 0;
    for_each(full, |idx| {
        let off: isize = idx
            .iter()
            .zip(&strides)
            .map(|(&j, &s)| j as isize * s)
            .sum();
        out[off as usize] = vals[i];
        i += 1;
    });
    let mut st = [0isize; R];
    let mut j = 0;
    for (d, &s) in strides.iter().enumerate() {
        if d != k && j < R {
            st[j] = s;
            j += 1;
        }
    }
    Ok(Array::from_vec_with_strides(out, sh, st))
}

/// The shape of a reduction over axis `k` (every axis when not `along`).
fn reduced_shape<const D: usize, const R: usize>(
    shape: [usize; D],
    k: usize,
    along: bool,
) -> [usize; R] {
    let mut sh = [1usize; R];
    if along {
        let mut j = 0;
        for (d, &n) in shape.iter().enumerate() {
            if d != k && j < R {
                sh[j] = n;
                j += 1;
            }
        }
    }
    sh
}

/// `np.bincount(x, minlength=...)`: how many times each value occurs; NumPy's errors
/// for negative values and a negative `minlength`.
pub fn bincount<T: Copy + Into<i64>>(
    x: &ArrayView<T, 1>,
    minlength: i64,
) -> KResult<Array<i64, 1>> {
    let xs: Vec<i64> = x.to_vec().into_iter().map(Into::into).collect();
    let len = bin_len(&xs, minlength)?;
    let mut out = vec![0i64; len];
    for v in xs {
        out[v as usize] += 1;
    }
    Array::from_vec(out, [len])
}

/// `np.bincount(x, weights, minlength)`: the sum of the weights of each value (float64,
/// added in order).
pub fn bincount_weighted<T: Copy + Into<i64>, W: Copy>(
    x: &ArrayView<T, 1>,
    w: &ArrayView<W, 1>,
    minlength: i64,
    conv: impl Fn(W) -> f64,
) -> KResult<Array<f64, 1>> {
    let xs: Vec<i64> = x.to_vec().into_iter().map(Into::into).collect();
    if w.shape()[0] != xs.len() {
        return Err(value_error(
            "The weights and list don't have the same length.",
        ));
    }
    let len = bin_len(&xs, minlength)?;
    let mut out = vec![0.0f64; len];
    for (v, wt) in xs.into_iter().zip(w.to_vec()) {
        out[v as usize] += conv(wt);
    }
    Array::from_vec(out, [len])
}

/// The length of `bincount`'s result.
fn bin_len(xs: &[i64], minlength: i64) -> KResult<usize> {
    if minlength < 0 {
        return Err(value_error("'minlength' must not be negative"));
    }
    if xs.iter().any(|&v| v < 0) {
        return Err(value_error(
            "'list' argument must have no negative elements",
        ));
    }
    let top = xs.iter().max().map_or(0, |&m| m + 1);
    Ok(top.max(minlength) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_put_nan_last_along_any_axis() {
        let a = Array::from_vec(vec![3.0, f64::NAN, 1.0, 2.0, -1.0, 0.5], [2, 3]).unwrap();
        let s: Array<f64, 2> = sort(&a, Some(-1)).unwrap();
        let v = s.to_vec();
        assert_eq!(v[..2], [1.0, 3.0]);
        assert!(v[2].is_nan());
        assert_eq!(v[3..], [-1.0, 0.5, 2.0]);
        let s: Array<f64, 2> = sort(&a, Some(0)).unwrap();
        assert_eq!(s.to_vec()[0], 2.0);
        let f: Array<f64, 1> = sort(&a, None).unwrap();
        assert_eq!(f.to_vec()[..5], [-1.0, 0.5, 1.0, 2.0, 3.0]);
        let i: Array<i64, 1> = argsort(&a.t().copy(), None).unwrap();
        assert_eq!(i.shape(), [6]);
    }

    #[test]
    fn argsort_is_stable_and_searchsorted_takes_sides() {
        let a = Array::from_vec(vec![2i64, 1, 2, 1, 0], [5]).unwrap();
        let i: Array<i64, 1> = argsort(&a, Some(0)).unwrap();
        assert_eq!(i.to_vec(), [4, 1, 3, 0, 2]);
        let s = Array::from_vec(vec![1.0, 2.0, 2.0, 3.0, f64::NAN], [5]).unwrap();
        assert_eq!(searchsorted_one(&s, 2.0, false), 1);
        assert_eq!(searchsorted_one(&s, 2.0, true), 3);
        assert_eq!(searchsorted_one(&s, f64::NAN, false), 4);
        assert_eq!(searchsorted_one(&s, 9.0, true), 4);
    }

    #[test]
    fn unique_median_and_bincount() {
        let a = Array::from_vec(vec![3.0, f64::NAN, 1.0, 3.0, f64::NAN], [5]).unwrap();
        let (v, first, inv, counts) = unique(&a).unwrap();
        assert_eq!(v.to_vec()[..2], [1.0, 3.0]);
        assert_eq!(v.shape(), [3]);
        assert_eq!(first.to_vec(), [2, 0, 1]);
        assert_eq!(inv.to_vec(), [1, 2, 0, 1, 2]);
        assert_eq!(counts.to_vec(), [1, 2, 2]);
        let m = Array::from_vec(vec![4i64, 1, 3, 2], [4]).unwrap();
        let r: Array<f64, 0> = median(&m, None).unwrap();
        assert_eq!(r.to_vec(), [2.5]);
        let x = Array::from_vec(vec![1i64, 3, 1], [3]).unwrap();
        assert_eq!(bincount(&x, 6).unwrap().to_vec(), [0, 2, 0, 1, 0, 0]);
        let neg = Array::from_vec(vec![-1i64], [1]).unwrap();
        assert!(bincount(&neg, 0).is_err());
    }
}
