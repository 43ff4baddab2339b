//! `np.digitize` and the binary search NumPy runs under it (`npysort/binsearch.cpp`),
//! which also gives `np.searchsorted`'s results on unsorted arrays.

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};
use crate::sorting::SortKey;

#[inline(always)]
fn less<T: SortKey>(a: &T, b: &T) -> bool {
    a.order(b) == std::cmp::Ordering::Less
}

/// NumPy's `binsearch`: the insertion point of each key in `arr` (`right`: after equal
/// elements), keys taken in order, each search starting from the bounds the previous
/// key left when the keys increase (what NumPy does; it matters for unsorted `arr`).
pub(crate) fn binsearch<T: SortKey>(arr: &[T], keys: &[T], right: bool) -> Vec<i64> {
    // `cmp(a, b)`: `a < b` (left) or `a <= b` (right), NaN last.
    let cmp = |a: &T, b: &T| if right { !less(b, a) } else { less(a, b) };
    let n = arr.len();
    let mut out = Vec::with_capacity(keys.len());
    let Some(first) = keys.first() else {
        return out;
    };
    let (mut min_idx, mut max_idx) = (0usize, n);
    let mut last = *first;
    for key in keys {
        if cmp(&last, key) {
            max_idx = n;
        } else {
            min_idx = 0;
            max_idx = if max_idx < n { max_idx + 1 } else { n };
        }
        last = *key;
        while min_idx < max_idx {
            let mid = min_idx + ((max_idx - min_idx) >> 1);
            if cmp(&arr[mid], key) {
                min_idx = mid + 1;
            } else {
                max_idx = mid;
            }
        }
        out.push(min_idx as i64);
    }
    out
}

/// NumPy's `check_array_monotonic` of the bins as float64: 1 increasing (or all
/// equal, or empty), -1 decreasing, 0 neither.
fn monotonic(a: &[f64]) -> i32 {
    let Some(&first) = a.first() else {
        return 1;
    };
    let mut i = 1;
    while i < a.len() && a[i] == first {
        i += 1;
    }
    if i == a.len() {
        return 1;
    }
    let (mut last, mut next) = (first, a[i]);
    let increasing = last < next;
    for &x in &a[i + 1..] {
        last = next;
        next = x;
        if (increasing && last > next) || (!increasing && last < next) {
            return 0;
        }
    }
    if increasing { 1 } else { -1 }
}

/// The bins in the search type, checked for monotony (NumPy's `ValueError`), and
/// whether they decrease.
fn prepared_bins<B: Copy, C: SortKey>(
    bins: &ArrayView<B, 1>,
    conv: impl Fn(B) -> C,
    as_f64: impl Fn(B) -> f64,
) -> KResult<(Vec<C>, bool)> {
    let raw = bins.to_vec();
    let f: Vec<f64> = raw.iter().map(|&b| as_f64(b)).collect();
    let mono = monotonic(&f);
    if mono == 0 {
        return Err(value_error(
            "bins must be monotonically increasing or decreasing",
        ));
    }
    let mut c: Vec<C> = raw.into_iter().map(conv).collect();
    if mono == -1 {
        c.reverse();
    }
    Ok((c, mono == -1))
}

/// The bin numbers of `keys` (already in the search type).
fn bin_numbers<C: SortKey>(bins: &[C], decreasing: bool, keys: &[C], right: bool) -> Vec<i64> {
    // NumPy searches `side='left'` for `right=True` and the reverse.
    let found = binsearch(bins, keys, !right);
    if decreasing {
        let n = bins.len() as i64;
        found.into_iter().map(|i| n - i).collect()
    } else {
        found
    }
}

/// `np.digitize(x, bins, right)` of an array: both converted to their common type
/// (`cx`, `cb`); the bins are checked for monotony as float64 (`bf`), as NumPy does.
pub fn digitize<X: Copy, B: Copy, C: SortKey, const D: usize>(
    x: &ArrayView<X, D>,
    bins: &ArrayView<B, 1>,
    right: bool,
    cx: impl Fn(X) -> C,
    cb: impl Fn(B) -> C,
    bf: impl Fn(B) -> f64,
) -> KResult<Array<i64, D>> {
    let (bs, dec) = prepared_bins(bins, cb, bf)?;
    let keys: Vec<C> = x.to_vec().into_iter().map(cx).collect();
    Array::from_vec(bin_numbers(&bs, dec, &keys, right), x.shape())
}

/// `np.digitize(x, bins, right)` of a number: a NumPy int64.
pub fn digitize_one<B: Copy, C: SortKey>(
    x: C,
    bins: &ArrayView<B, 1>,
    right: bool,
    cb: impl Fn(B) -> C,
    bf: impl Fn(B) -> f64,
) -> KResult<i64> {
    let (bs, dec) = prepared_bins(bins, cb, bf)?;
    Ok(bin_numbers(&bs, dec, &[x], right)[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dig(x: &[f64], bins: &[f64], right: bool) -> KResult<Vec<i64>> {
        let xa = Array::from_vec(x.to_vec(), [x.len()])?;
        let ba = Array::from_vec(bins.to_vec(), [bins.len()])?;
        Ok(digitize(&xa, &ba, right, |v| v, |v| v, |v| v)?.to_vec())
    }

    #[test]
    fn increasing_decreasing_and_refused_bins() {
        assert_eq!(
            dig(&[0.0, 1.0, 1.5, 4.0], &[1.0, 2.0, 3.0], false).unwrap(),
            [0, 1, 1, 3]
        );
        assert_eq!(
            dig(&[0.0, 1.0, 1.5, 4.0], &[1.0, 2.0, 3.0], true).unwrap(),
            [0, 0, 1, 3]
        );
        assert_eq!(dig(&[1.0, 5.0], &[4.0, 2.0, 0.0], false).unwrap(), [2, 0]);
        assert_eq!(
            dig(&[1.0], &[1.0, 3.0, 2.0], false).unwrap_err().message(),
            "bins must be monotonically increasing or decreasing"
        );
        // `[0, nan]` passes NumPy's check as decreasing: its search of `[nan, 0]`.
        assert_eq!(
            dig(&[1.0, f64::NAN], &[0.0, f64::NAN], false).unwrap(),
            [0, 0]
        );
        assert_eq!(dig(&[1.0], &[], false).unwrap(), [0]);
    }

    #[test]
    fn binsearch_keeps_bounds_between_keys() {
        let arr = [1.0, 2.0, 2.0, 3.0];
        assert_eq!(binsearch(&arr, &[2.0, 2.0, 0.0, 9.0], false), [1, 1, 0, 4]);
        assert_eq!(binsearch(&arr, &[2.0, 2.0, 0.0, 9.0], true), [3, 3, 0, 4]);
    }
}
