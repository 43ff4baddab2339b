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

/// A run of the innermost axis: (first offset, step, length).
type Run = (isize, isize, usize);

/// The array of `shape` whose element `[i0, ..., i(R-2), j]` is the one at offset
/// `tables[0][i0] + ... + tables[R-2][i(R-2)] + inner(j)` (in elements) from `src`'s
/// first element, `inner` given as runs of the innermost axis (in order, their lengths
/// adding up to its extent).
///
/// Every offset must address an element of `src` (tables and runs built from in-bounds
/// indices).
fn gather<T: Copy, const D: usize, const R: usize>(
    src: &ArrayView<T, D>,
    shape: [usize; R],
    tables: &[Vec<isize>],
    inner: &[Run],
) -> KResult<Array<T, R>> {
    let n = total(&shape)?;
    let mut out: Vec<T> = fresh(n);
    if n > 0 {
        let p = src.as_ptr();
        let mut idx = [0usize; R];
        loop {
            let base: isize = (0..R - 1).map(|k| tables[k][idx[k]]).sum();
            for &(first, step, len) in inner {
                // SAFETY: every offset of the tables and runs addresses an element of `src`.
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

/// An empty buffer for `n` elements: a cached one (`pool`), else a new allocation on
/// huge pages when large (as NumPy's), which saves most of the page faults of its first
/// writes.
fn fresh<T>(n: usize) -> Vec<T> {
    crate::pool::cached(n).unwrap_or_else(|| {
        let v = Vec::with_capacity(n);
        crate::broadcast::hugepages(v.as_ptr() as usize, n.saturating_mul(size_of::<T>()));
        v
    })
}

/// Calls `f` with the elements of `a` in C order: the memory itself when `a` is
/// C-contiguous, else a copy.
fn with_elems<T: Copy, const D: usize, R>(a: &ArrayView<T, D>, f: impl FnOnce(&[T]) -> R) -> R {
    let n: usize = a.shape().iter().product();
    if n > 0 && a.is_c_contiguous() {
        // SAFETY: a C-contiguous view's `n` elements follow each other from its pointer.
        f(unsafe { std::slice::from_raw_parts(a.as_ptr(), n) })
    } else {
        f(&a.to_vec())
    }
}

/// The identity table of an axis of `n` elements with `stride`.
fn straight(n: usize, stride: isize) -> Vec<isize> {
    (0..n).map(|i| i as isize * stride).collect()
}

/// `np.roll(a)` without `axis`: the flattened elements shifted by `shift`, reshaped back.
pub fn roll_flat<T: Copy, const D: usize>(a: &ArrayView<T, D>, shift: i64) -> KResult<Array<T, D>> {
    let v = with_elems(a, |x| {
        let n = x.len();
        let mut out: Vec<T> = fresh(n);
        if n > 0 {
            let cut = n - shift.rem_euclid(n as i64) as usize;
            out.extend_from_slice(&x[cut..]);
            out.extend_from_slice(&x[..cut]);
        }
        out
    });
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
    // Output index `i` reads `(i - shift) mod n`: the last `s` elements, then the others.
    let split = |k: usize| {
        let n = shape[k];
        let s = shift[k].rem_euclid(n.max(1) as i64) as usize;
        (n, s, strides[k])
    };
    let tables: Vec<Vec<isize>> = (0..D - 1)
        .map(|k| {
            let (n, s, st) = split(k);
            (0..n).map(|i| ((i + n - s) % n) as isize * st).collect()
        })
        .collect();
    let (n, s, st) = split(D - 1);
    let inner = [((n - s) as isize * st, st, s), (0, st, n - s)];
    gather(a, shape, &tables, &inner)
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
    let mut tables: Vec<Vec<isize>> = Vec::with_capacity(R);
    let mut inner = Vec::new();
    for (k, extent) in out.iter_mut().enumerate() {
        let (n, s) = match (k + D).checked_sub(R) {
            Some(j) => (shape[j], strides[j]),
            None => (1, 0),
        };
        let r = (k + reps.len()).checked_sub(R).map_or(1, |j| reps[j]);
        *extent = n
            .checked_mul(r)
            .ok_or_else(|| value_error("array is too big"))?;
        if k + 1 < R {
            tables.push((0..*extent).map(|i| (i % n) as isize * s).collect());
        } else if n > 0 {
            inner = vec![(0, s, n); r];
        }
    }
    gather(a, out, &tables, &inner)
}

/// The length of `np.repeat` of `n` elements by `counts` (one per element, or one for
/// all), with NumPy's errors.
fn repeat_len(n: usize, counts: &[i64]) -> KResult<usize> {
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
    total(&[len])
}

/// `np.repeat(a, counts)` without `axis`: the flattened elements, each repeated.
pub fn repeat_flat<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    counts: &[i64],
) -> KResult<Array<T, 1>> {
    let n = a.shape().iter().product();
    let len = repeat_len(n, counts)?;
    let v = with_elems(a, |x| {
        let mut out: Vec<T> = fresh(len);
        let spare = &mut out.spare_capacity_mut()[..len];
        match counts {
            // One count: each element fills a chunk (a vectorized broadcast store).
            [k] if *k > 0 => {
                for (chunk, &v) in spare.chunks_exact_mut(*k as usize).zip(x) {
                    chunk.fill(std::mem::MaybeUninit::new(v));
                }
            }
            [_] => {}
            _ => {
                let mut at = 0;
                for (&v, &k) in x.iter().zip(counts) {
                    spare[at..at + k as usize].fill(std::mem::MaybeUninit::new(v));
                    at += k as usize;
                }
            }
        }
        // SAFETY: the chunks cover the `len` elements (`repeat_len` summed the counts).
        unsafe { out.set_len(len) };
        out
    });
    Array::from_vec(v, [len])
}

/// `np.repeat(a, counts, axis)`.
pub fn repeat_axis<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    counts: &[i64],
    axis: i64,
) -> KResult<Array<T, D>> {
    let ax = norm_axis(axis, D)?;
    let (mut shape, strides) = (a.shape(), a.strides());
    let len = repeat_len(shape[ax], counts)?;
    let count = |j: usize| counts[if counts.len() == 1 { 0 } else { j }] as usize;
    let mut tables: Vec<Vec<isize>> = (0..D - 1).map(|k| straight(shape[k], strides[k])).collect();
    let mut inner = vec![(0, strides[D - 1], shape[D - 1])];
    if ax + 1 < D {
        let mut t = Vec::with_capacity(len);
        for j in 0..shape[ax] {
            t.extend(std::iter::repeat_n(j as isize * strides[ax], count(j)));
        }
        tables[ax] = t;
    } else {
        inner = (0..shape[ax])
            .map(|j| (j as isize * strides[ax], 0, count(j)))
            .filter(|r| r.2 > 0)
            .collect();
    }
    shape[ax] = len;
    gather(a, shape, &tables, &inner)
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
        let mut next = fresh(outer * (m - 1) * inner);
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
    let n = a.shape().iter().product();
    let mut out = fresh(n);
    with_elems(a, |x| out.extend(x.iter().map(|&v| f(v))));
    Array::from_vec(out, a.shape())
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
    let mut out: Vec<T> = fresh(n);
    // The parts' elements in C order: their memory when C-contiguous, else copies.
    let copies: Vec<Option<Vec<T>>> = parts
        .iter()
        .map(|p| {
            let n: usize = p.shape().iter().product();
            (n > 0 && !p.is_c_contiguous()).then(|| p.to_vec())
        })
        .collect();
    let blocks: Vec<(&[T], usize)> = parts
        .iter()
        .zip(&copies)
        .map(|(p, copy)| {
            let chunk: usize = p.shape()[ax..].iter().product();
            let n: usize = p.shape().iter().product();
            let data: &[T] = match copy {
                Some(v) => v,
                None if n == 0 => &[],
                // SAFETY: a C-contiguous view's `n` elements follow each other.
                None => unsafe { std::slice::from_raw_parts(p.as_ptr(), n) },
            };
            (data, chunk)
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

/// `np.flip(a, axes)` (every axis when `axes` is `None`): a view.
pub fn flip<T: Copy, const D: usize>(
    a: &Array<T, D>,
    axes: Option<&[i64]>,
) -> KResult<Array<T, D>> {
    let mut mask = [axes.is_none(); D];
    let mut seen = [false; D];
    for &x in axes.unwrap_or(&[]) {
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

/// `np.rot90(m, k, axes)`: a view (flips and a transpose), NumPy's checks of `axes`.
pub fn rot90<T: Copy, const D: usize>(
    a: &Array<T, D>,
    k: i64,
    axes: [i64; 2],
) -> KResult<Array<T, D>> {
    let [a0, a1] = axes;
    if a0 == a1 || a0.abs_diff(a1) == D as u64 {
        return Err(value_error("Axes must be different."));
    }
    let n = D as i64;
    if a0 >= n || a0 < -n || a1 >= n || a1 < -n {
        return Err(value_error(format!(
            "Axes=({a0}, {a1}) out of range for array of ndim={D}."
        )));
    }
    let mut perm: [i64; D] = std::array::from_fn(|i| i as i64);
    perm.swap(norm_axis(a0, D)?, norm_axis(a1, D)?);
    match k.rem_euclid(4) {
        0 => a.slice_axis(0, None, None, None),
        2 => flip(&flip(a, Some(&[a0]))?, Some(&[a1])),
        1 => flip(a, Some(&[a1]))?.permute(perm),
        _ => flip(&a.permute(perm)?, Some(&[a1])),
    }
}

/// One array of `np.meshgrid`: the 1-D `v` along `axis` of `shape`, repeated along the
/// other axes (a new C-ordered array).
pub fn mesh<T: Copy, const R: usize>(
    v: &ArrayView<T, 1>,
    shape: [usize; R],
    axis: usize,
) -> KResult<Array<T, R>> {
    let s = v.strides()[0];
    let tables: Vec<Vec<isize>> = (0..R - 1)
        .map(|k| {
            if k == axis {
                straight(shape[k], s)
            } else {
                vec![0; shape[k]]
            }
        })
        .collect();
    let step = if axis == R - 1 { s } else { 0 };
    let inner = [(0, step, shape[R - 1])];
    gather(v, shape, &tables, &inner)
}

/// NumPy's `binary_search_with_guess` (`compiled_base.c`): the `j` with
/// `arr[j] <= key < arr[j + 1]`, `-1` below `arr[0]`, `len` above the last element (the
/// last index for a key equal to it). Reproduced step by step: for samples that are not
/// increasing, the index found depends on the search.
fn search_with_guess(key: f64, arr: &[f64], guess: isize) -> isize {
    const LIKELY_IN_CACHE_SIZE: isize = 8;
    let len = arr.len() as isize;
    let at = |i: isize| arr[i as usize];
    let (mut imin, mut imax) = (0isize, len);
    if key > at(len - 1) {
        return len;
    } else if key < at(0) {
        return -1;
    }
    if len <= 4 {
        let mut i = 1;
        while i < len && key >= at(i) {
            i += 1;
        }
        return i - 1;
    }
    let guess = guess.min(len - 3).max(1);
    if key < at(guess) {
        if key < at(guess - 1) {
            imax = guess - 1;
            if guess > LIKELY_IN_CACHE_SIZE && key >= at(guess - LIKELY_IN_CACHE_SIZE) {
                imin = guess - LIKELY_IN_CACHE_SIZE;
            }
        } else {
            return guess - 1;
        }
    } else if key < at(guess + 1) {
        return guess;
    } else if key < at(guess + 2) {
        return guess + 1;
    } else {
        imin = guess + 2;
        if guess < len - LIKELY_IN_CACHE_SIZE - 1 && key < at(guess + LIKELY_IN_CACHE_SIZE) {
            imax = guess + LIKELY_IN_CACHE_SIZE;
        }
    }
    while imin < imax {
        let imid = imin + ((imax - imin) >> 1);
        if key >= at(imid) {
            imin = imid + 1;
        } else {
            imax = imid;
        }
    }
    imin - 1
}

/// The sample points of `np.interp(x, xp, fp, left, right)`, checked as NumPy checks
/// them.
pub struct Interp {
    xp: Vec<f64>,
    fp: Vec<f64>,
    left: f64,
    right: f64,
}

impl Interp {
    /// NumPy's errors for empty samples and samples of different lengths.
    pub fn new(
        xp: &ArrayView<f64, 1>,
        fp: &ArrayView<f64, 1>,
        left: Option<f64>,
        right: Option<f64>,
    ) -> KResult<Interp> {
        let (xp, fp) = (xp.to_vec(), fp.to_vec());
        if xp.is_empty() {
            return Err(value_error("array of sample points is empty"));
        }
        if fp.len() != xp.len() {
            return Err(value_error("fp and xp are not of the same length."));
        }
        let left = left.unwrap_or(fp[0]);
        let right = right.unwrap_or(fp[fp.len() - 1]);
        Ok(Interp {
            xp,
            fp,
            left,
            right,
        })
    }

    /// The value at `x`; `j` is the index found for the previous `x` (NumPy's guess).
    pub fn at(&self, x: f64, j: &mut isize) -> f64 {
        let (dx, dy) = (&self.xp, &self.fp);
        let len = dx.len() as isize;
        if len == 1 {
            return if x < dx[0] {
                self.left
            } else if x > dx[0] {
                self.right
            } else {
                dy[0]
            };
        }
        if x.is_nan() {
            return x;
        }
        *j = search_with_guess(x, dx, *j);
        let k = *j;
        if k == -1 {
            self.left
        } else if k == len {
            self.right
        } else if k == len - 1 || dx[k as usize] == x {
            dy[k as usize]
        } else {
            let k = k as usize;
            let slope = (dy[k + 1] - dy[k]) / (dx[k + 1] - dx[k]);
            let mut r = slope * (x - dx[k]) + dy[k];
            if r.is_nan() {
                r = slope * (x - dx[k + 1]) + dy[k + 1];
                if r.is_nan() && dy[k] == dy[k + 1] {
                    r = dy[k];
                }
            }
            r
        }
    }

    /// `np.interp` of a number.
    pub fn one(&self, x: f64) -> f64 {
        self.at(x, &mut 0)
    }

    /// `np.interp` of an array (a new C-ordered array of its shape).
    pub fn array<const D: usize>(&self, x: &ArrayView<f64, D>) -> KResult<Array<f64, D>> {
        let mut j = 0;
        let v: Vec<f64> = x.to_vec().into_iter().map(|x| self.at(x, &mut j)).collect();
        Array::from_vec(v, x.shape())
    }
}

/// `np.convolve(a, v, mode)` (`mode`: 0 valid, 1 same, 2 full) as NumPy computes it:
/// the longer array first, then `correlate(a, v[::-1])` with its dot products over the
/// overlapping parts, each summed from `zero` in index order by `mul_add(sum, x, y)`.
pub fn convolve<T: Copy>(
    a: &ArrayView<T, 1>,
    v: &ArrayView<T, 1>,
    mode: u8,
    zero: T,
    mul_add: impl Fn(T, T, T) -> T,
) -> KResult<Array<T, 1>> {
    let (mut a, mut w) = (a.to_vec(), v.to_vec());
    if a.is_empty() {
        return Err(value_error("a cannot be empty"));
    }
    if w.is_empty() {
        return Err(value_error("v cannot be empty"));
    }
    if w.len() > a.len() {
        std::mem::swap(&mut a, &mut w);
    }
    w.reverse();
    let out = correlate_loop(&a, &w, mode, zero, mul_add);
    let len = out.len();
    Array::from_vec(out, [len])
}

/// `np.correlate(a, v, mode)` (`v` already conjugated for complex arrays, as NumPy's
/// `correlate2` does first): the longer array first, the result reversed when they were
/// swapped.
pub fn correlate<T: Copy>(
    a: &ArrayView<T, 1>,
    v: &ArrayView<T, 1>,
    mode: u8,
    zero: T,
    mul_add: impl Fn(T, T, T) -> T,
) -> KResult<Array<T, 1>> {
    let (mut a, mut w) = (a.to_vec(), v.to_vec());
    if a.is_empty() {
        return Err(value_error("first array argument cannot be empty"));
    }
    if w.is_empty() {
        return Err(value_error("second array argument cannot be empty"));
    }
    let inverted = a.len() < w.len();
    if inverted {
        std::mem::swap(&mut a, &mut w);
    }
    let mut out = correlate_loop(&a, &w, mode, zero, mul_add);
    if inverted {
        out.reverse();
    }
    let len = out.len();
    Array::from_vec(out, [len])
}

/// NumPy's `_pyarray_correlate` loop: `a` at least as long as `w`, neither empty.
fn correlate_loop<T: Copy>(
    a: &[T],
    w: &[T],
    mode: u8,
    zero: T,
    mul_add: impl Fn(T, T, T) -> T,
) -> Vec<T> {
    let (n1, n2) = (a.len(), w.len());
    let dot = |x: &[T], y: &[T]| x.iter().zip(y).fold(zero, |s, (&p, &q)| mul_add(s, p, q));
    let (n_left, n_right) = match mode {
        0 => (0, 0),
        1 => (n2 / 2, n2 - n2 / 2 - 1),
        _ => (n2 - 1, n2 - 1),
    };
    let mut out = Vec::with_capacity(n1 + n_left + n_right - n2 + 1);
    let (mut n, mut i2) = (n2 - n_left, n_left);
    for _ in 0..n_left {
        out.push(dot(&a[..n], &w[i2..i2 + n]));
        n += 1;
        i2 -= 1;
    }
    for i in 0..n1 - n2 + 1 {
        out.push(dot(&a[i..i + n2], w));
    }
    for i1 in n1 - n2 + 1..n1 - n2 + 1 + n_right {
        n -= 1;
        out.push(dot(&a[i1..i1 + n], &w[..n]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arr<const D: usize>(v: Vec<i64>, shape: [usize; D]) -> Array<i64, D> {
        Array::from_vec(v, shape).unwrap()
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
        let t: Array<i64, 3> = tile(&b.t(), &[2, 1, 2]).unwrap();
        assert_eq!(t.shape(), [2, 2, 4]);
        assert_eq!(t.to_vec()[..8], [1, 3, 1, 3, 2, 4, 2, 4]);
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
        let r = repeat_axis(&a, &[2, 0], 1).unwrap();
        assert_eq!((r.shape(), r.to_vec()), ([2, 2], vec![1, 1, 3, 3]));
        let r = repeat_axis(&a.t(), &[3], -1).unwrap();
        assert_eq!(r.to_vec(), vec![1, 1, 1, 3, 3, 3, 2, 2, 2, 4, 4, 4]);
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
        let f = flip(&a, Some(&[1])).unwrap();
        assert_eq!(f.to_vec(), vec![2, 1, 0, 5, 4, 3]);
        assert_eq!(flip(&a, Some(&[])).unwrap().to_vec(), a.to_vec());
        let g = flip(&a, None).unwrap();
        assert_eq!(g.to_vec(), vec![5, 4, 3, 2, 1, 0]);
        g.set([0, 0], 50).unwrap();
        assert_eq!(a.get([1, 2]).unwrap(), 50);
        assert!(flip(&a, Some(&[0, -2])).is_err());
    }

    #[test]
    fn rot90_as_numpy() {
        let a = arr((0..6).collect(), [2, 3]);
        assert_eq!(
            rot90(&a, 1, [0, 1]).unwrap().to_vec(),
            vec![2, 5, 1, 4, 0, 3]
        );
        assert_eq!(
            rot90(&a, 2, [0, 1]).unwrap().to_vec(),
            vec![5, 4, 3, 2, 1, 0]
        );
        assert_eq!(
            rot90(&a, -1, [0, 1]).unwrap().to_vec(),
            vec![3, 0, 4, 1, 5, 2]
        );
        assert_eq!(rot90(&a, 4, [1, 0]).unwrap().to_vec(), a.to_vec());
        assert_eq!(rot90(&a, 1, [1, 0]).unwrap().shape(), [3, 2]);
        let e = rot90(&a, 1, [0, -2]).unwrap_err();
        assert_eq!(e.message(), "Axes must be different.");
        let e = rot90(&a, 1, [0, 5]).unwrap_err();
        assert_eq!(e.message(), "Axes=(0, 5) out of range for array of ndim=2.");
    }

    #[test]
    fn meshgrid_axes() {
        let x = arr(vec![1, 2, 3], [3]);
        let m = mesh(&x, [2, 3], 1).unwrap();
        assert_eq!(m.to_vec(), vec![1, 2, 3, 1, 2, 3]);
        let m = mesh(&x, [3, 2], 0).unwrap();
        assert_eq!(m.to_vec(), vec![1, 1, 2, 2, 3, 3]);
    }
    #[test]
    fn interp_as_numpy() {
        let xp = Array::from_vec(vec![1.0, 2.0, 3.0], [3]).unwrap();
        let fp = Array::from_vec(vec![3.0, 2.0, 0.0], [3]).unwrap();
        let ip = Interp::new(&xp, &fp, None, Some(-1.0)).unwrap();
        assert_eq!(ip.one(2.5), 1.0);
        assert_eq!(ip.one(0.0), 3.0);
        assert_eq!(ip.one(3.0), 0.0);
        assert_eq!(ip.one(3.5), -1.0);
        assert!(ip.one(f64::NAN).is_nan());
        let e = Interp::new(&xp, &Array::from_vec(vec![1.0], [1]).unwrap(), None, None);
        assert_eq!(
            e.err().unwrap().message(),
            "fp and xp are not of the same length."
        );
        // The search with a guess on a long table agrees with a plain search.
        let xs: Vec<f64> = (0..100).map(|i| i as f64 * 0.5).collect();
        for (g, key) in [(0, 30.2), (50, 3.1), (97, 49.5), (10, 11.0), (40, 0.0)] {
            let j = search_with_guess(key, &xs, g);
            let plain = xs.iter().rposition(|&x| x <= key).unwrap() as isize;
            assert_eq!(j, plain, "key {key} guess {g}");
        }
    }

    #[test]
    fn convolve_modes() {
        let a = Array::from_vec(vec![1.0, 2.0, 3.0], [3]).unwrap();
        let v = Array::from_vec(vec![0.0, 1.0, 0.5], [3]).unwrap();
        let f = |m| {
            convolve(&a, &v, m, 0.0, |s, x, y| s + x * y)
                .unwrap()
                .to_vec()
        };
        assert_eq!(f(2), vec![0.0, 1.0, 2.5, 4.0, 1.5]);
        assert_eq!(f(1), vec![1.0, 2.5, 4.0]);
        assert_eq!(f(0), vec![2.5]);
        let b = Array::from_vec(vec![1i64, 2], [2]).unwrap();
        let c = Array::from_vec(vec![1i64, 2, 3, 4], [4]).unwrap();
        let same = convolve(&b, &c, 1, 0, |s, x, y| s + x * y).unwrap();
        assert_eq!(same.to_vec(), vec![1, 4, 7, 10]);
        let e = Array::from_vec(Vec::<i64>::new(), [0]).unwrap();
        assert_eq!(
            convolve(&b, &e, 2, 0, |s, x, y| s + x * y)
                .unwrap_err()
                .message(),
            "v cannot be empty"
        );
    }
}
