//! `np.nonzero`, `np.flatnonzero`, `np.argwhere`, `np.extract`, `np.compress`,
//! `np.take`, `np.put`.

use super::Item;
use super::access::gather_in;
use super::masks::c_values;
use super::plan::{Dim, normalize, out_of_bounds, walk};
use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// Columns of a new C-ordered `(rows, N)` array (views of it, as NumPy's `nonzero`).
fn columns<const N: usize>(data: Vec<i64>, rows: usize) -> KResult<[Array<i64, 1>; N]> {
    let (view, owner) = Array::from_vec(data, [rows, N])?.split();
    let mut out = Vec::with_capacity(N);
    for k in 0..N {
        let ptr = if rows == 0 {
            view.as_ptr()
        } else {
            // SAFETY: column `k` of a non-empty array.
            unsafe { view.as_ptr().add(k) }
        };
        // SAFETY: column `k`: `rows` elements `N` apart.
        let col = unsafe { view.derived(ptr, [rows], [N as isize]) };
        out.push(Array::join(col, &owner));
    }
    out.try_into()
        .map_err(|_| value_error("internal error: columns"))
}

/// Axis `axis` (negative from the end) of a rank-`N` array, or NumPy's `AxisError`.
fn axis_of<const N: usize>(axis: i64) -> KResult<usize> {
    let m = crate::reduce_axis::axis_mask::<N>(&[axis])?;
    Ok(m.iter().position(|&b| b).unwrap_or(0))
}

/// The C-order multi-indices of the elements of `a` that are true (`is_true`).
fn true_positions<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> Vec<[usize; N]> {
    let shape = a.shape();
    let mut out = Vec::new();
    let mut idx = [0usize; N];
    for x in c_values(a) {
        if is_true(x) {
            out.push(idx);
        }
        for k in (0..N).rev() {
            idx[k] += 1;
            if idx[k] < shape[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    out
}

/// `np.nonzero(a)` / `a.nonzero()` / `np.where(a)`: one index array per axis (the
/// columns of one `(count, N)` array, as in NumPy).
pub fn nonzero<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<[Array<i64, 1>; N]> {
    let pos = true_positions(a, is_true);
    let data: Vec<i64> = pos.iter().flatten().map(|&i| i as i64).collect();
    columns::<N>(data, pos.len())
}

/// `np.flatnonzero(a)`: the C-order positions of the true elements (NumPy's
/// `nonzero` of `a.ravel()`).
pub fn flatnonzero<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<Array<i64, 1>> {
    let data: Vec<i64> = a
        .to_vec()
        .into_iter()
        .enumerate()
        .filter(|(_, x)| is_true(*x))
        .map(|(k, _)| k as i64)
        .collect();
    let n = data.len();
    let [col] = columns::<1>(data, n)?;
    Ok(col)
}

/// `np.argwhere(a)`: the indices of the true elements, one row each (the transpose of
/// an `(N, count)` array, as in NumPy).
pub fn argwhere<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    is_true: impl Fn(T) -> bool,
) -> KResult<Array<i64, 2>> {
    let pos = true_positions(a, is_true);
    let count = pos.len();
    let mut data = vec![0i64; N * count];
    for (r, p) in pos.iter().enumerate() {
        for k in 0..N {
            data[k * count + r] = p[k] as i64;
        }
    }
    Ok(Array::from_vec(data, [N, count])?.t())
}

/// `np.extract(cond, a)`: the elements of `a` (flattened) where `cond` (flattened) is
/// true; a true condition past the end of `a` raises NumPy's `IndexError`.
pub fn extract<C: Copy, T: Copy, const K: usize, const N: usize>(
    cond: &ArrayView<C, K>,
    is_true: impl Fn(C) -> bool,
    a: &ArrayView<T, N>,
) -> KResult<Array<T, 1>> {
    let values = c_values(a);
    let mut out = Vec::new();
    for (k, c) in c_values(cond).into_iter().enumerate() {
        if is_true(c) {
            match values.get(k) {
                Some(&x) => out.push(x),
                None => return Err(out_of_bounds(k as i64, 0, values.len())),
            }
        }
    }
    let n = out.len();
    Array::from_vec(out, [n])
}

/// `np.compress(cond, a, axis)`: the slices of `a` along `axis` where the 1-D `cond` is
/// true (`axis` `None`: of `a` flattened, giving rank `M` = 1).
pub fn compress<C: Copy, T: Copy, const N: usize, const M: usize>(
    cond: &ArrayView<C, 1>,
    is_true: impl Fn(C) -> bool,
    a: &ArrayView<T, N>,
    axis: Option<i64>,
) -> KResult<Array<T, M>> {
    let picked: Vec<i64> = cond
        .to_vec()
        .into_iter()
        .enumerate()
        .filter(|(_, c)| is_true(*c))
        .map(|(k, _)| k as i64)
        .collect();
    match axis {
        None => gather_in(&a.flatten(), &[Item::int_list(picked)], false),
        Some(ax) => {
            let ax = axis_of::<N>(ax)?;
            let mut items = vec![Item::Slice(None, None, None); ax];
            items.push(Item::int_list(picked));
            gather_in(a, &items, false)
        }
    }
}

/// `np.take(a, index, axis)`: `a.flatten()[index]` without an axis, else `index` along
/// `axis` (every other axis whole).
pub fn take<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    index: Item,
    axis: Option<i64>,
) -> KResult<Array<T, M>> {
    match axis {
        None => gather_in(&a.flatten(), &[index], false),
        Some(ax) => {
            let ax = axis_of::<N>(ax)?;
            let mut items = vec![Item::Slice(None, None, None); ax];
            items.push(index);
            gather_in(a, &items, false)
        }
    }
}

/// `np.put(a, index, values)`: `a.flat[index] = values`, the values repeated as needed
/// (none: nothing is written).
pub fn put<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    index: Item,
    values: Vec<T>,
) -> KResult<()> {
    let data = match index {
        Item::Int(i) => vec![i],
        Item::Ints(_, d) => d,
        _ => return Err(value_error("internal error: put index")),
    };
    if values.is_empty() {
        return Ok(());
    }
    // Offsets of the elements in C order.
    let mut all = Vec::with_capacity(a.size() as usize);
    let dims: Vec<Dim> = a
        .shape()
        .iter()
        .zip(a.strides())
        .map(|(&n, s)| Dim::Step(n, s))
        .collect();
    if a.size() > 0 {
        walk(&dims, 0, &mut all);
    }
    let n = all.len();
    let p = a.as_ptr();
    for (k, &i) in data.iter().enumerate() {
        let j = normalize(i, 0, n)?;
        // SAFETY: `j` is in bounds; exports check that written arrays are writeable.
        unsafe { *p.offset(all[j]) = values[k % values.len()] };
    }
    Ok(())
}
