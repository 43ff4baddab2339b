//! `np.partition`, `a.partition()` and `np.argpartition`: NumPy's introselect
//! (`numpy/_core/src/npysort/selection.cpp`), followed step by step so that every
//! element lands where NumPy puts it, not only the `kth` ones.
//!
//! NumPy runs this algorithm for every dtype when several `kth` are given, and for one
//! `kth` when it has no SIMD selection for the dtype (bool and 8-bit integers; 16-bit
//! ones too for `argpartition`). The translator only accepts those cases: the SIMD
//! selections give a CPU-dependent order.

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};
use crate::sorting::{SortKey, for_each, from_lanes, lanes, norm_axis};

/// NumPy's `NPY_MAX_PIVOT_STACK`.
const MAX_PIVOTS: usize = 50;

/// Elements of a selection: compared with NumPy's `Tag::less` (NaN last).
pub trait Select: SortKey {
    /// Floating point (NumPy's `inexact`: the `kth == num - 1` shortcut).
    const INEXACT: bool;
}

macro_rules! select {
    ($inexact:expr => $($t:ty),*) => {$(
        impl Select for $t {
            const INEXACT: bool = $inexact;
        }
    )*};
}
select!(false => bool, i8, i16, i32, i64, u8, u16, u32, u64);
select!(true => f32, f64);

/// What introselect permutes: the values themselves (`partition`), or indices into
/// fixed values (`argpartition`). The functions below take a base position `b` (NumPy's
/// `v + low`) and address `b + i`.
trait Sortee<T> {
    fn val(&self, i: isize) -> T;
    fn swap(&mut self, i: isize, j: isize);
}

/// The values of a lane (`partition`).
struct Vals<'a, T>(&'a mut [T]);

impl<T: Copy> Sortee<T> for Vals<'_, T> {
    #[inline(always)]
    fn val(&self, i: isize) -> T {
        self.0[i as usize]
    }
    #[inline(always)]
    fn swap(&mut self, i: isize, j: isize) {
        self.0.swap(i as usize, j as usize);
    }
}

/// Indices into the values of a lane (`argpartition`).
struct Args<'a, T> {
    v: &'a [T],
    idx: &'a mut [i64],
}

impl<T: Copy> Sortee<T> for Args<'_, T> {
    #[inline(always)]
    fn val(&self, i: isize) -> T {
        self.v[self.idx[i as usize] as usize]
    }
    #[inline(always)]
    fn swap(&mut self, i: isize, j: isize) {
        self.idx.swap(i as usize, j as usize);
    }
}

#[inline(always)]
fn less<T: SortKey>(a: T, b: T) -> bool {
    a.order(&b) == std::cmp::Ordering::Less
}

/// The pivots found so far (NumPy's `pivots`/`npiv`), for several `kth`.
struct Pivots {
    p: [isize; MAX_PIVOTS],
    n: usize,
}

fn store_pivot(pivot: isize, kth: isize, pivots: &mut Option<&mut Pivots>) {
    let Some(s) = pivots else { return };
    if pivot == kth && s.n == MAX_PIVOTS {
        s.p[s.n - 1] = pivot;
    } else if pivot >= kth && s.n < MAX_PIVOTS {
        s.p[s.n] = pivot;
        s.n += 1;
    }
}

/// `median3_swap_`: the median of `low`, `mid`, `high` to `low`, the smallest to
/// `low + 1`.
fn median3_swap<T: Select, S: Sortee<T>>(s: &mut S, low: isize, mid: isize, high: isize) {
    if less(s.val(high), s.val(mid)) {
        s.swap(high, mid);
    }
    if less(s.val(high), s.val(low)) {
        s.swap(high, low);
    }
    if less(s.val(low), s.val(mid)) {
        s.swap(low, mid);
    }
    s.swap(mid, low + 1);
}

/// `median5_`: the position (from `b`) of the median of the five elements at `b..b+5`.
fn median5<T: Select, S: Sortee<T>>(s: &mut S, b: isize) -> isize {
    let lt = |s: &S, i: isize, j: isize| less(s.val(b + i), s.val(b + j));
    for (i, j) in [(1, 0), (4, 3), (3, 0), (4, 1), (2, 1)] {
        if lt(s, i, j) {
            s.swap(b + i, b + j);
        }
    }
    if lt(s, 3, 2) {
        if lt(s, 3, 1) { 1 } else { 3 }
    } else {
        2
    }
}

/// `unguarded_partition_`: moves `ll` up and `hh` down around `pivot`.
fn unguarded_partition<T: Select, S: Sortee<T>>(
    s: &mut S,
    pivot: T,
    ll: &mut isize,
    hh: &mut isize,
) {
    loop {
        loop {
            *ll += 1;
            if !less(s.val(*ll), pivot) {
                break;
            }
        }
        loop {
            *hh -= 1;
            if !less(pivot, s.val(*hh)) {
                break;
            }
        }
        if *hh < *ll {
            break;
        }
        s.swap(*ll, *hh);
    }
}

/// `median_of_median5_` of the `num` elements from `b`: the medians of the groups of
/// five to the front, then their median selected; its position from `b`.
fn median_of_median5<T: Select, S: Sortee<T>>(s: &mut S, b: isize, num: isize) -> isize {
    let nmed = num / 5;
    for i in 0..nmed {
        let subleft = 5 * i;
        let m = median5(s, b + subleft);
        s.swap(b + subleft + m, b + i);
    }
    if nmed > 2 {
        introselect(s, b, nmed, nmed / 2, None);
    }
    nmed / 2
}

/// `dumb_select_` of the `num` elements from `b`: selection sort of the first
/// `kth + 1` positions.
fn dumb_select<T: Select, S: Sortee<T>>(s: &mut S, b: isize, num: isize, kth: isize) {
    for i in 0..=kth {
        let mut minidx = i;
        let mut minval = s.val(b + i);
        for k in i + 1..num {
            if less(s.val(b + k), minval) {
                minidx = k;
                minval = s.val(b + k);
            }
        }
        s.swap(b + i, b + minidx);
    }
}

/// `npy_get_msb`: the position of the highest set bit.
fn msb(mut n: isize) -> isize {
    let mut d = 0;
    loop {
        n >>= 1;
        if n == 0 {
            return d;
        }
        d += 1;
    }
}

/// `introselect_` of the `num` elements from `b`: the element of rank `kth` to
/// position `kth`, smaller ones before, larger ones after, exactly as NumPy moves them.
fn introselect<T: Select, S: Sortee<T>>(
    s: &mut S,
    b: isize,
    num: isize,
    kth: isize,
    mut pivots: Option<&mut Pivots>,
) {
    let mut low = 0isize;
    let mut high = num - 1;
    if let Some(p) = pivots.as_deref_mut() {
        while p.n > 0 {
            let top = p.p[p.n - 1];
            if top > kth {
                high = top - 1;
                break;
            } else if top == kth {
                return;
            }
            low = top + 1;
            p.n -= 1;
        }
    }
    if kth - low < 3 {
        dumb_select(s, b + low, high - low + 1, kth - low);
        store_pivot(kth, kth, &mut pivots);
        return;
    } else if T::INEXACT && kth == num - 1 {
        let mut maxidx = low;
        let mut maxval = s.val(b + low);
        for k in low + 1..num {
            if !less(s.val(b + k), maxval) {
                maxidx = k;
                maxval = s.val(b + k);
            }
        }
        s.swap(b + kth, b + maxidx);
        return;
    }
    let mut depth_limit = msb(num) * 2;
    while low + 1 < high {
        let mut ll = low + 1;
        let mut hh = high;
        if depth_limit > 0 || hh - ll < 5 {
            let mid = low + (high - low) / 2;
            median3_swap(s, b + low, b + mid, b + high);
        } else {
            let mid = ll + median_of_median5(s, b + ll, hh - ll);
            s.swap(b + mid, b + low);
            ll -= 1;
            hh += 1;
        }
        depth_limit -= 1;
        let pivot = s.val(b + low);
        let (mut l2, mut h2) = (b + ll, b + hh);
        unguarded_partition(s, pivot, &mut l2, &mut h2);
        (ll, hh) = (l2 - b, h2 - b);
        s.swap(b + low, b + hh);
        if hh != kth {
            store_pivot(hh, kth, &mut pivots);
        }
        if hh >= kth {
            high = hh - 1;
        }
        if hh <= kth {
            low = ll;
        }
    }
    if high == low + 1 && less(s.val(b + high), s.val(b + low)) {
        s.swap(b + high, b + low);
    }
    store_pivot(kth, kth, &mut pivots);
}

/// NumPy's `partition_prep_kth_array`: negative `kth` from the end, bounds checked
/// (`ValueError: kth(=5) out of bounds (5)`), sorted.
fn prep_kth(kth: &[i64], n: usize) -> KResult<Vec<isize>> {
    let mut ks = Vec::with_capacity(kth.len());
    for &k in kth {
        let k = if k < 0 { k + n as i64 } else { k };
        if k < 0 || k >= n as i64 {
            return Err(value_error(format!("kth(={k}) out of bounds ({n})")));
        }
        ks.push(k as isize);
    }
    ks.sort_unstable();
    Ok(ks)
}

/// One lane selected for every `kth` in turn, sharing the pivots (NumPy's loop).
fn select_lane<T: Select, S: Sortee<T>>(s: &mut S, n: usize, kth: &[isize]) {
    if n <= 1 {
        return;
    }
    let mut piv = Pivots {
        p: [0; MAX_PIVOTS],
        n: 0,
    };
    for &k in kth {
        introselect(s, 0, n as isize, k, Some(&mut piv));
    }
}

/// The length of the lanes along `axis` (`None`: the flattened array).
fn lane_len<T: Copy, const D: usize>(a: &ArrayView<T, D>, axis: Option<i64>) -> KResult<usize> {
    Ok(match axis {
        None => a.shape().iter().product(),
        Some(ax) => a.shape()[norm_axis::<D>(ax)?],
    })
}

/// `np.partition(a, kth, axis)` (`None`: of the flattened array): a new array.
pub fn partition<T: Select, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    kth: &[i64],
    axis: Option<i64>,
) -> KResult<Array<T, R>> {
    let ks = prep_kth(kth, lane_len(a, axis)?)?;
    let (mut ls, k) = lanes(a, axis)?;
    for l in &mut ls {
        let n = l.len();
        select_lane(&mut Vals(l), n, &ks);
    }
    from_lanes(ls, a.shape(), k.min(D.saturating_sub(1)), axis.is_none())
}

/// `a.partition(kth, axis)`: in place, each lane along `axis`.
pub fn partition_in_place<T: Select, const D: usize>(
    a: &ArrayView<T, D>,
    kth: &[i64],
    axis: i64,
) -> KResult<()> {
    let k = norm_axis::<D>(axis)?;
    let shape = a.shape();
    let ks = prep_kth(kth, shape[k])?;
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
            select_lane(&mut Vals(&mut buf), n, &ks);
            for (j, &x) in buf.iter().enumerate() {
                *base.offset(off + j as isize * strides[k]) = x;
            }
        }
    });
    Ok(())
}

/// `np.argpartition(a, kth, axis)` (`None`: of the flattened array): int64 indices.
pub fn argpartition<T: Select, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    kth: &[i64],
    axis: Option<i64>,
) -> KResult<Array<i64, R>> {
    let ks = prep_kth(kth, lane_len(a, axis)?)?;
    let (ls, k) = lanes(a, axis)?;
    let idx: Vec<Vec<i64>> = ls
        .iter()
        .map(|l| {
            let n = l.len();
            // NumPy leaves zeros when there is nothing to select.
            let mut ix: Vec<i64> = if n <= 1 {
                vec![0; n]
            } else {
                (0..n as i64).collect()
            };
            select_lane(&mut Args { v: l, idx: &mut ix }, n, &ks);
            ix
        })
        .collect();
    from_lanes(idx, a.shape(), k.min(D.saturating_sub(1)), axis.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(v: &[i8], kth: &[i64]) -> Vec<i8> {
        let a = Array::from_vec(v.to_vec(), [v.len()]).unwrap();
        let r: Array<i8, 1> = partition(&a, kth, Some(-1)).unwrap();
        r.to_vec()
    }

    #[test]
    fn introselect_moves_elements_as_numpy() {
        // np.partition(np.array([5,3,9,1,7,2,8,6,4,0]*3, np.int8), 7) in NumPy 2.4.
        let v: Vec<i8> = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0].repeat(3);
        assert_eq!(
            part(&v, &[7]),
            [
                0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4, 5, 6, 8, 9, 5, 6, 9, 8, 7, 7, 8, 6,
                9, 7
            ]
        );
        assert_eq!(part(&[3, 1, 2], &[0]), [1, 3, 2]);
    }

    #[test]
    fn kth_is_checked_and_sorted() {
        assert_eq!(prep_kth(&[-1, 0], 4).unwrap(), [0, 3]);
        let e = prep_kth(&[5], 5).unwrap_err();
        assert_eq!(e.message(), "kth(=5) out of bounds (5)");
        let e = prep_kth(&[-7], 5).unwrap_err();
        assert_eq!(e.message(), "kth(=-2) out of bounds (5)");
    }

    #[test]
    fn argpartition_of_one_element_is_zero() {
        let a = Array::from_vec(vec![4u8], [1]).unwrap();
        let r: Array<i64, 1> = argpartition(&a, &[0], Some(0)).unwrap();
        assert_eq!(r.to_vec(), [0]);
    }
}
