//! NumPy's array-building functions on kernel arrays: `roll`, `tile`, `repeat`,
//! `diff`, `concatenate` (and `stack`, `vstack`, `hstack`, `column_stack` through it),
//! `flip` (a view) and `meshgrid`, with NumPy's results and errors.
//!
//! Most of them are a *gather*: each output axis reads its input at an index given by a
//! table (`roll`: `(i - shift) mod n`, `tile`: `i mod n`, `repeat`: `i / k`). The
//! innermost table is cut into runs of constant step, so that a run of consecutive
//! elements is one slice copy and a repeated element one fill.

use crate::array::{Array, ArrayView};
use crate::error::{ErrorKind, KResult, KernelError, value_error};

/// A normalized axis (`-1` is the last of `n`), or NumPy's `AxisError`.
pub fn norm_axis(a: i64, n: usize) -> KResult<usize> {
    let k = if a < 0 { a.wrapping_add(n as i64) } else { a };
    if (0..n as i64).contains(&k) {
        Ok(k as usize)
    } else {
        Err(KernelError::new(
            ErrorKind::Axis,
            format!("axis {a} is out of bounds for array of dimension {n}"),
        ))
    }
}

/// The product of `shape`, or NumPy's error for an array too big to allocate.
fn total(shape: &[usize]) -> KResult<usize> {
    shape
        .iter()
        .try_fold(1usize, |acc, &x| acc.checked_mul(x))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| value_error("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."))
}

/// A count NumPy takes as a dimension (`tile` reps, `repeat` counts).
fn dimension(n: i64) -> KResult<usize> {
    usize::try_from(n).map_err(|_| value_error("negative dimensions are not allowed"))
}

/// Runs of a table of offsets: (first offset, step, length), consecutive entries of a
/// run differing by its step.
fn runs(table: &[isize]) -> Vec<(isize, isize, usize)> {
    let mut out: Vec<(isize, isize, usize)> = Vec::new();
    for &off in table {
        match out.last_mut() {
            Some((first, step, len)) if *len == 1 => {
                *step = off.wrapping_sub(*first);
                *len = 2;
            }
            Some((first, step, len)) if first.wrapping_add(*step * *len as isize) == off => {
                *len += 1;
            }
            _ => out.push((off, 0, 1)),
        }
    }
    out
}

/// The array of `shape` whose element `[i0, i1, ...]` is the one at offset
/// `tables[0][i0] + tables[1][i1] + ...` (in elements) from `src`'s first element.
///
/// Every offset must address an element of `src` (tables built from in-bounds indices).
fn gather<T: Copy, const D: usize, const R: usize>(
    src: &ArrayView<T, D>,
    shape: [usize; R],
    tables: &[Vec<isize>; R],
) -> KResult<Array<T, R>> {
    let n = total(&shape)?;
    let mut out: Vec<T> = crate::pool::take(n);
    if n > 0 {
        let p = src.as_ptr();
        let inner = runs(&tables[R - 1]);
        let mut idx = [0usize; R];
        loop {
            let base: isize = (0..R - 1).map(|k| tables[k][idx[k]]).sum();
            for &(first, step, len) in &inner {
                // SAFETY: every offset of the tables addresses an element of `src`.
                unsafe {
                    let q = p.offset(base + first);
                    match step {
                        1 => out.extend_from_slice(std::slice::from_raw_parts(q, len)),
                        0 => out.resize(out.len() + len, *q),
                        s => out.extend((0..len).map(|j| *q.offset(j as isize * s))),
                    }
                }
            }
            // The next index of the outer axes, in C order.
            let mut k = R - 1;
            loop {
                if k == 0 {
                    return Array::from_vec(out, shape);
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
    Array::from_vec(out, shape)
}

/// The identity table of an axis of `n` elements with `stride`.
fn straight(n: usize, stride: isize) -> Vec<isize> {
    (0..n).map(|i| i as isize * stride).collect()
}

/// `np.roll(a)` without `axis`: the flattened elements shifted by `shift`, reshaped back.
pub fn roll_flat<T: Copy, const D: usize>(a: &ArrayView<T, D>, shift: i64) -> KResult<Array<T, D>> {
    let mut v = a.to_vec();
    if !v.is_empty() {
        let s = shift.rem_euclid(v.len() as i64) as usize;
        v.rotate_right(s);
    }
    Array::from_vec(v, a.shape())
}

/// `np.roll(a, shifts, axes)`: each (shift, axis) pair shifts along its axis (an axis
/// given twice is shifted by the sum, as NumPy does).
pub fn roll_axes<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    pairs: &[(i64, i64)],
) -> KResult<Array<T, D>> {
    let mut shift = [0i64; D];
    for &(s, ax) in pairs {
        let k = norm_axis(ax, D)?;
        shift[k] = shift[k].wrapping_add(s);
    }
    let (shape, strides) = (a.shape(), a.strides());
    let tables: [Vec<isize>; D] = std::array::from_fn(|k| {
        let n = shape[k] as i64;
        (0..n)
            .map(|i| (i - shift[k].rem_euclid(n.max(1))).rem_euclid(n.max(1)) as isize * strides[k])
            .collect()
    });
    gather(a, shape, &tables)
}

/// `np.tile(a, reps)`: `R` is the larger of `D` and the number of reps; the shorter of
/// the shape and the reps is padded with ones in front.
pub fn tile<T: Copy, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    reps: &[i64],
) -> KResult<Array<T, R>> {
    let reps = reps
        .iter()
        .map(|&r| dimension(r))
        .collect::<KResult<Vec<usize>>>()?;
    let (shape, strides) = (a.shape(), a.strides());
    let mut out = [0usize; R];
    let mut tables: [Vec<isize>; R] = std::array::from_fn(|_| Vec::new());
    for k in 0..R {
        let (n, s) = match (k + D).checked_sub(R) {
            Some(j) => (shape[j], strides[j]),
            None => (1, 0),
        };
        let r = (k + reps.len()).checked_sub(R).map_or(1, |j| reps[j]);
        out[k] = n
            .checked_mul(r)
            .ok_or_else(|| value_error("array is too big"))?;
        tables[k] = (0..out[k]).map(|i| (i % n) as isize * s).collect();
    }
    gather(a, out, &tables)
}

/// The source index of each output index of `np.repeat` along an axis of `n` elements:
/// `counts` has one count per element, or one for all.
fn repeat_table(n: usize, counts: &[i64], stride: isize) -> KResult<Vec<isize>> {
    if counts.len() != 1 && counts.len() != n {
        return Err(value_error(format!(
            "operands could not be broadcast together with shape ({n},) ({},)",
            counts.len()
        )));
    }
    if counts.iter().any(|&c| c < 0) {
        return Err(value_error(if counts.len() == 1 {
            "negative dimensions are not allowed"
        } else {
            "repeats may not contain negative values."
        }));
    }
    let count = |j: usize| counts[if counts.len() == 1 { 0 } else { j }] as usize;
    let len = (0..n).try_fold(0usize, |acc, j| acc.checked_add(count(j)));
    let len = len.ok_or_else(|| value_error("array is too big"))?;
    total(&[len])?;
    let mut t = Vec::with_capacity(len);
    for j in 0..n {
        t.extend(std::iter::repeat_n(j as isize * stride, count(j)));
    }
    Ok(t)
}

/// `np.repeat(a, counts)` without `axis`: the flattened elements, each repeated.
pub fn repeat_flat<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    counts: &[i64],
) -> KResult<Array<T, 1>> {
    let flat = a.flatten();
    let n = flat.shape()[0];
    let table = repeat_table(n, counts, 1)?;
    gather(&*flat, [table.len()], &[table])
}

/// `np.repeat(a, counts, axis)`.
pub fn repeat_axis<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    counts: &[i64],
    axis: i64,
) -> KResult<Array<T, D>> {
    let ax = norm_axis(axis, D)?;
    let (mut shape, strides) = (a.shape(), a.strides());
    let mut tables: [Vec<isize>; D] = std::array::from_fn(|k| straight(shape[k], strides[k]));
    tables[ax] = repeat_table(shape[ax], counts, strides[ax])?;
    shape[ax] = tables[ax].len();
    gather(a, shape, &tables)
}

/// `np.diff(a, n, axis)` with `sub(later, earlier)` NumPy's difference for the dtype
/// (`not_equal` for booleans). `n == 0` gives `a` itself, as NumPy does.
pub fn diff<T: Copy, const D: usize>(
    a: Array<T, D>,
    n: i64,
    axis: i64,
    sub: impl Fn(T, T) -> T,
) -> KResult<Array<T, D>> {
    if n < 0 {
        return Err(value_error(format!(
            "order must be non-negative but got {n}"
        )));
    }
    let ax = norm_axis(axis, D)?;
    if n == 0 {
        return Ok(a);
    }
    let mut shape = a.shape();
    let mut data = a.to_vec();
    let outer: usize = shape[..ax].iter().product();
    let inner: usize = shape[ax + 1..].iter().product();
    for _ in 0..n {
        let m = shape[ax];
        if m == 0 {
            break;
        }
        let mut next = Vec::with_capacity(outer * (m - 1) * inner);
        for o in 0..outer {
            let block = &data[o * m * inner..(o + 1) * m * inner];
            for i in 0..m - 1 {
                let (lo, hi) = (
                    &block[i * inner..(i + 1) * inner],
                    &block[(i + 1) * inner..(i + 2) * inner],
                );
                next.extend(hi.iter().zip(lo).map(|(&h, &l)| sub(h, l)));
            }
        }
        data = next;
        shape[ax] = m - 1;
    }
    Array::from_vec(data, shape)
}

/// A new array of `f` of every element (the conversion of a joined array to the
/// result's dtype).
pub fn converted<T: Copy, U: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    f: impl Fn(T) -> U,
) -> KResult<Array<U, D>> {
    Array::from_vec(a.to_vec().into_iter().map(f).collect(), a.shape())
}

/// `np.concatenate(parts, axis)`: NumPy's errors for mismatched extents.
pub fn concatenate<T: Copy, const D: usize>(
    parts: &[ArrayView<T, D>],
    axis: i64,
) -> KResult<Array<T, D>> {
    let ax = norm_axis(axis, D)?;
    let Some(first) = parts.first() else {
        return Err(value_error("need at least one array to concatenate"));
    };
    let mut shape = first.shape();
    for (k, p) in parts.iter().enumerate().skip(1) {
        let s = p.shape();
        for d in 0..D {
            if d != ax && s[d] != shape[d] {
                return Err(value_error(format!(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {} and the array at index {k} has size {}",
                    shape[d], s[d]
                )));
            }
        }
        shape[ax] = shape[ax]
            .checked_add(s[ax])
            .ok_or_else(|| value_error("array is too big"))?;
    }
    let n = total(&shape)?;
    let outer: usize = shape[..ax].iter().product();
    let mut out: Vec<T> = crate::pool::take(n);
    let blocks: Vec<(Vec<T>, usize)> = parts
        .iter()
        .map(|p| {
            let chunk: usize = p.shape()[ax..].iter().product();
            (p.to_vec(), chunk)
        })
        .collect();
    for o in 0..outer {
        for (data, chunk) in &blocks {
            out.extend_from_slice(&data[o * chunk..(o + 1) * chunk]);
        }
    }
    Array::from_vec(out, shape)
}

/// `np.stack(parts, axis)`: `R` is `D + 1`.
pub fn stack<T: Copy, const D: usize, const R: usize>(
    parts: &[ArrayView<T, D>],
    axis: i64,
) -> KResult<Array<T, R>> {
    let ax = norm_axis(axis, R)?;
    let Some(first) = parts.first() else {
        return Err(value_error("need at least one array to stack"));
    };
    if parts.iter().any(|p| p.shape() != first.shape()) {
        return Err(value_error("all input arrays must have the same shape"));
    }
    let views: Vec<ArrayView<T, R>> = parts.iter().map(|p| p.insert_axis::<R>(ax)).collect();
    concatenate(&views, ax as i64)
}

/// `np.flip(a, axes)` (every axis when `axes` is empty): a view.
pub fn flip<T: Copy, const D: usize>(a: &Array<T, D>, axes: &[i64]) -> KResult<Array<T, D>> {
    let mut mask = [axes.is_empty(); D];
    let mut seen = [false; D];
    for &x in axes {
        let k = norm_axis(x, D)?;
        if seen[k] {
            return Err(value_error("repeated axis"));
        }
        seen[k] = true;
        mask[k] = true;
    }
    let (shape, mut strides) = (a.shape(), a.strides());
    let mut p = a.as_ptr();
    let empty = shape.contains(&0);
    for k in 0..D {
        if mask[k] {
            if !empty {
                // SAFETY: the last element along axis `k` is in bounds.
                p = unsafe { p.offset((shape[k] as isize - 1) * strides[k]) };
            }
            strides[k] = -strides[k];
        }
    }
    // SAFETY: the same elements, in the reversed order along the flipped axes.
    let v = unsafe { a.derived(p, shape, strides) };
    Ok(Array::join(v, a.owner_ref()))
}

/// One array of `np.meshgrid`: the 1-D `v` along `axis` of `shape`, repeated along the
/// other axes (a new C-ordered array).
pub fn mesh<T: Copy, const R: usize>(
    v: &ArrayView<T, 1>,
    shape: [usize; R],
    axis: usize,
) -> KResult<Array<T, R>> {
    let s = v.strides()[0];
    let tables: [Vec<isize>; R] = std::array::from_fn(|k| {
        if k == axis {
            straight(shape[k], s)
        } else {
            vec![0; shape[k]]
        }
    });
    gather(v, shape, &tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arr<const D: usize>(v: Vec<i64>, shape: [usize; D]) -> Array<i64, D> {
        Array::from_vec(v, shape).unwrap()
    }

    #[test]
    fn runs_split_tables() {
        assert_eq!(runs(&[3, 4, 0, 1, 2]), vec![(3, 1, 2), (0, 1, 3)]);
        assert_eq!(runs(&[0, 0, 5, 5]), vec![(0, 0, 2), (5, 0, 2)]);
        assert_eq!(runs(&[7]), vec![(7, 0, 1)]);
        assert_eq!(runs(&[]), vec![]);
    }

    #[test]
    fn roll_matches_numpy() {
        let a = arr((0..6).collect(), [2, 3]);
        assert_eq!(roll_flat(&a, 7).unwrap().to_vec(), vec![5, 0, 1, 2, 3, 4]);
        assert_eq!(
            roll_axes(&a, &[(1, 1)]).unwrap().to_vec(),
            vec![2, 0, 1, 5, 3, 4]
        );
        assert_eq!(
            roll_axes(&a, &[(-1, 0)]).unwrap().to_vec(),
            vec![3, 4, 5, 0, 1, 2]
        );
        // Both shifts on one axis add up.
        assert_eq!(
            roll_axes(&a, &[(1, 1), (1, -1)]).unwrap().to_vec(),
            vec![1, 2, 0, 4, 5, 3]
        );
        let e = roll_axes(&a, &[(1, 2)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Axis);
        let z = arr(vec![], [0]);
        assert_eq!(roll_axes(&z, &[(3, 0)]).unwrap().shape(), [0]);
        assert_eq!(roll_flat(&z, -3).unwrap().shape(), [0]);
    }

    #[test]
    fn tile_pads_shape_and_reps() {
        let a = arr(vec![1, 2], [2]);
        let t: Array<i64, 2> = tile(&a, &[2, 2]).unwrap();
        assert_eq!(t.shape(), [2, 4]);
        assert_eq!(t.to_vec(), vec![1, 2, 1, 2, 1, 2, 1, 2]);
        let b = arr(vec![1, 2, 3, 4], [2, 2]);
        let t: Array<i64, 2> = tile(&b, &[2]).unwrap();
        assert_eq!(t.to_vec(), vec![1, 2, 1, 2, 3, 4, 3, 4]);
        assert!(tile::<i64, 1, 1>(&a, &[-1]).is_err());
        let t: Array<i64, 1> = tile(&a, &[0]).unwrap();
        assert_eq!(t.shape(), [0]);
    }

    #[test]
    fn repeat_counts_and_errors() {
        let a = arr(vec![1, 2, 3, 4], [2, 2]);
        assert_eq!(
            repeat_flat(&a, &[2]).unwrap().to_vec(),
            vec![1, 1, 2, 2, 3, 3, 4, 4]
        );
        let r = repeat_axis(&a, &[1, 2], 0).unwrap();
        assert_eq!((r.shape(), r.to_vec()), ([3, 2], vec![1, 2, 3, 4, 3, 4]));
        let r = repeat_axis(&a, &[0], 1).unwrap();
        assert_eq!(r.shape(), [2, 0]);
        let e = repeat_axis(&a, &[1, 2, 3], 1).unwrap_err();
        assert_eq!(
            e.message(),
            "operands could not be broadcast together with shape (2,) (3,)"
        );
        assert!(repeat_flat(&a, &[-1]).is_err());
    }

    #[test]
    fn diff_orders() {
        let a = arr(vec![1, 4, 9, 16, 25, 36], [2, 3]);
        let d = diff(a.clone(), 1, -1, |h, l| h - l).unwrap();
        assert_eq!((d.shape(), d.to_vec()), ([2, 2], vec![3, 5, 9, 11]));
        let d = diff(a.clone(), 1, 0, |h, l| h - l).unwrap();
        assert_eq!(d.to_vec(), vec![15, 21, 27]);
        let d = diff(a.clone(), 5, 1, |h, l| h - l).unwrap();
        assert_eq!(d.shape(), [2, 0]);
        let same = diff(a.clone(), 0, 0, |h, l| h - l).unwrap();
        assert_eq!(same.as_ptr(), a.as_ptr());
        assert!(diff(a, -1, 0, |h, l| h - l).is_err());
    }

    #[test]
    fn concatenate_and_stack() {
        let a = arr(vec![1, 2, 3, 4], [2, 2]);
        let b = arr(vec![5, 6], [1, 2]);
        let c = concatenate(&[*a, *b], 0).unwrap();
        assert_eq!((c.shape(), c.to_vec()), ([3, 2], vec![1, 2, 3, 4, 5, 6]));
        let e = concatenate(&[*a, *b], 1).unwrap_err();
        assert!(e.message().contains(
            "along dimension 0, the array at index 0 has size 2 and the array at index 1 has size 1"
        ));
        let s: Array<i64, 3> = stack(&[*a, *a], -1).unwrap();
        assert_eq!(s.shape(), [2, 2, 2]);
        assert_eq!(s.to_vec(), vec![1, 1, 2, 2, 3, 3, 4, 4]);
        assert!(stack::<i64, 2, 3>(&[*a, *b], 0).is_err());
    }

    #[test]
    fn flip_is_a_view() {
        let a = arr((0..6).collect(), [2, 3]);
        let f = flip(&a, &[1]).unwrap();
        assert_eq!(f.to_vec(), vec![2, 1, 0, 5, 4, 3]);
        let g = flip(&a, &[]).unwrap();
        assert_eq!(g.to_vec(), vec![5, 4, 3, 2, 1, 0]);
        g.set([0, 0], 50).unwrap();
        assert_eq!(a.get([1, 2]).unwrap(), 50);
        assert!(flip(&a, &[0, -2]).is_err());
    }

    #[test]
    fn meshgrid_axes() {
        let x = arr(vec![1, 2, 3], [3]);
        let m = mesh(&x, [2, 3], 1).unwrap();
        assert_eq!(m.to_vec(), vec![1, 2, 3, 1, 2, 3]);
        let m = mesh(&x, [3, 2], 0).unwrap();
        assert_eq!(m.to_vec(), vec![1, 1, 2, 2, 3, 3]);
    }
}
