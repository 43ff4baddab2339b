//! NumPy's matrix constructors and diagonals on kernel arrays: `eye`, `tri`, `diag` of
//! a vector, `diagonal` (a read-only view, as NumPy's), `triu`/`tril` (laid out as
//! NumPy's `where` lays them out) and `indices`.

use crate::array::{Array, ArrayView};
use crate::error::{ErrorKind, KResult, KernelError, overflow_error, value_error};

/// A dimension NumPy allocates (`np.zeros((n, m))`): negative ones raise its error.
fn dimension(n: i64) -> KResult<usize> {
    usize::try_from(n).map_err(|_| value_error("negative dimensions are not allowed"))
}

/// The product of `shape`, or NumPy's error for an array too big to allocate.
fn total(shape: &[usize]) -> KResult<usize> {
    shape
        .iter()
        .try_fold(1usize, |acc, &x| acc.checked_mul(x))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| value_error("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."))
}

/// A new array of `shape` laid out with `strides` (a permutation of a contiguous
/// layout), element `[i0, i1, ...]` being `f([i0, i1, ...])`, computed in C order.
pub(crate) fn build_with<T: Copy, const R: usize>(
    shape: [usize; R],
    strides: [isize; R],
    mut f: impl FnMut(&[usize; R]) -> KResult<T>,
) -> KResult<Array<T, R>> {
    let n = total(&shape)?;
    let mut out: Vec<T> = crate::pool::cached(n).unwrap_or_else(|| Vec::with_capacity(n));
    let spare = &mut out.spare_capacity_mut()[..n];
    if n > 0 {
        let mut idx = [0usize; R];
        let mut at = 0isize;
        'all: loop {
            spare[at as usize].write(f(&idx)?);
            for k in (0..R).rev() {
                idx[k] += 1;
                at += strides[k];
                if idx[k] < shape[k] {
                    continue 'all;
                }
                at -= strides[k] * shape[k] as isize;
                idx[k] = 0;
            }
            break;
        }
    }
    // SAFETY: the strides are a permutation of a contiguous layout of `n` elements, so
    // the loop above wrote each of them once.
    unsafe { out.set_len(n) };
    Ok(Array::from_vec_with_strides(out, shape, strides))
}

/// C-order strides of `shape` (NumPy's: an axis of 0 elements counts as 1).
fn c_strides<const R: usize>(shape: [usize; R]) -> [isize; R] {
    let mut strides = [0isize; R];
    let mut acc = 1isize;
    for k in (0..R).rev() {
        strides[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    }
    strides
}

/// `np.eye(n, m, k)`: ones where `j - i == k`, `zero` elsewhere.
pub fn eye<T: Copy>(n: i64, m: Option<i64>, k: i64, zero: T, one: T) -> KResult<Array<T, 2>> {
    let shape = [dimension(n)?, dimension(m.unwrap_or(n))?];
    build_with(shape, c_strides(shape), |&[i, j]| {
        Ok(if j as i64 - i as i64 == k { one } else { zero })
    })
}

/// `np.tri(n, m, k)`: `yes` where `j <= i + k` (`np.greater_equal.outer` of two
/// `arange`s: negative extents give empty axes, not errors).
pub fn tri<T: Copy>(n: i64, m: Option<i64>, k: i64, yes: T, no: T) -> KResult<Array<T, 2>> {
    let shape = [n.max(0) as usize, m.unwrap_or(n).max(0) as usize];
    build_with(shape, c_strides(shape), |&[i, j]| {
        Ok(if (j as i128 - i as i128) <= k as i128 {
            yes
        } else {
            no
        })
    })
}

/// `np.diag(v, k)` of a vector: the `(n + |k|)`-square matrix with `v` on diagonal `k`.
pub fn diag_matrix<T: Copy>(v: &ArrayView<T, 1>, k: i64, zero: T) -> KResult<Array<T, 2>> {
    let len = v.shape()[0];
    let n = len
        .checked_add(k.unsigned_abs() as usize)
        .ok_or_else(|| value_error("array is too big"))?;
    let (p, s) = (v.as_ptr(), v.strides()[0]);
    build_with([n, n], c_strides([n, n]), |&[i, j]| {
        Ok(if j as i128 - i as i128 == k as i128 {
            let at = i.min(j);
            // SAFETY: on diagonal `k`, `min(i, j)` is below `len`.
            unsafe { *p.offset(at as isize * s) }
        } else {
            zero
        })
    })
}

/// An axis of `np.diagonal` (`which` is `axis1` or `axis2`): NumPy's `AxisError`.
fn diagonal_axis(a: i64, n: usize, which: &str) -> KResult<usize> {
    let k = if a < 0 { a.wrapping_add(n as i64) } else { a };
    if (0..n as i64).contains(&k) {
        Ok(k as usize)
    } else {
        Err(KernelError::new(
            ErrorKind::Axis,
            format!("{which}: axis {a} is out of bounds for array of dimension {n}"),
        ))
    }
}

/// `np.diagonal(a, offset, axis1, axis2)` (`R` is `D - 1`): a read-only view, the other
/// axes first and the diagonal last, at the address NumPy gives it.
pub fn diagonal<T: Copy, const D: usize, const R: usize>(
    a: &Array<T, D>,
    offset: i64,
    axis1: i64,
    axis2: i64,
) -> KResult<Array<T, R>> {
    const { assert!(R + 1 == D) };
    let offset = i32::try_from(offset)
        .map_err(|_| overflow_error("Python int too large to convert to C int"))?
        as i64;
    let a1 = diagonal_axis(axis1, D, "axis1")?;
    let a2 = diagonal_axis(axis2, D, "axis2")?;
    if a1 == a2 {
        return Err(value_error("axis1 and axis2 cannot be the same"));
    }
    let (shape, strides) = (a.shape(), a.strides());
    let (mut dim1, mut dim2) = (shape[a1] as i64, shape[a2] as i64);
    let step = if offset >= 0 {
        dim2 -= offset;
        strides[a2]
    } else {
        dim1 += offset;
        strides[a1]
    };
    let mut ptr = a.as_ptr();
    let size = dim1.min(dim2);
    let size = if size < 0 {
        0
    } else {
        // NumPy's pointer, also for an empty diagonal (one past a row or column).
        ptr = ptr.wrapping_offset(offset.unsigned_abs() as isize * step);
        size as usize
    };
    let (mut out_shape, mut out_strides) = ([0usize; R], [0isize; R]);
    for (j, k) in (0..D).filter(|&k| k != a1 && k != a2).enumerate() {
        out_shape[j] = shape[k];
        out_strides[j] = strides[k];
    }
    out_shape[R - 1] = size;
    out_strides[R - 1] = strides[a1] + strides[a2];
    // SAFETY: the diagonal's elements are elements of `a`.
    let v = unsafe { a.derived(ptr, out_shape, out_strides) }.readonly();
    Ok(Array::join(v, a.owner_ref()))
}

/// `np.triu(m, k)` (`upper`) or `np.tril(m, k)`: `m` where NumPy's `tri` mask keeps it,
/// `zero` elsewhere; a 1-D `m` is broadcast to a square (`R` is `max(D, 2)`). The
/// memory order is NumPy's `where(mask, ...)` result's: its operands' order "K".
pub fn tri_part<T: Copy, const D: usize, const R: usize>(
    m: &ArrayView<T, D>,
    k: i64,
    upper: bool,
    zero: T,
) -> KResult<Array<T, R>> {
    const { assert!(R == if D < 2 { 2 } else { D }) };
    let (mut shape, mut strides) = ([0usize; R], [0isize; R]);
    if D == 1 {
        shape = [m.shape()[0]; R];
        strides[R - 1] = m.strides()[0];
    } else {
        shape.copy_from_slice(&m.shape());
        strides.copy_from_slice(&m.strides());
    }
    // The mask `tri(rows, cols)`: C-ordered, repeated along the leading axes.
    let mut mask = [0isize; R];
    mask[R - 1] = 1;
    mask[R - 2] = shape[R - 1].max(1) as isize;
    let out = crate::broadcast::k_strides(shape, &[mask, strides]);
    let p = m.as_ptr();
    build_with(shape, out, |idx| {
        let d = idx[R - 1] as i128 - idx[R - 2] as i128;
        let keep = if upper {
            d >= k as i128
        } else {
            d <= k as i128
        };
        Ok(if keep {
            let at: isize = idx
                .iter()
                .zip(&strides)
                .map(|(&i, &s)| i as isize * s)
                .sum();
            // SAFETY: `idx` is in the (broadcast) shape of `m`.
            unsafe { *p.offset(at) }
        } else {
            zero
        })
    })
}

/// `np.indices(dims)` (`R` is `dims.len() + 1`), each index converted by `conv`;
/// `bool_dtype`: NumPy's `arange` of booleans refuses more than two values.
pub fn indices<T: Copy, const R: usize>(
    dims: &[i64],
    bool_dtype: bool,
    conv: impl Fn(i64) -> T,
) -> KResult<Array<T, R>> {
    let mut shape = [dims.len(); R];
    for (k, &n) in dims.iter().enumerate() {
        shape[k + 1] = dimension(n)?;
    }
    if bool_dtype && dims.iter().any(|&n| n > 2) {
        return Err(KernelError::new(
            ErrorKind::Type,
            "arange() is only supported for booleans when the result has at most length 2.",
        ));
    }
    build_with(shape, c_strides(shape), |idx| {
        Ok(conv(idx[idx[0] + 1] as i64))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eye_and_tri_as_numpy() {
        let e = eye(3, Some(4), -1, 0i64, 1).unwrap();
        assert_eq!(e.to_vec(), vec![0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
        assert_eq!(eye(2, None, 5, 0i64, 1).unwrap().to_vec(), vec![0; 4]);
        assert!(eye(-1, None, 0, 0i64, 1).is_err());
        let t = tri(2, Some(3), 0, 1i64, 0).unwrap();
        assert_eq!(t.to_vec(), vec![1, 0, 0, 1, 1, 0]);
        assert_eq!(tri(-1, None, 0, 1i64, 0).unwrap().shape(), [0, 0]);
        assert_eq!(tri(3, Some(-2), 0, 1i64, 0).unwrap().shape(), [3, 0]);
    }

    #[test]
    fn diag_and_diagonal() {
        let v = Array::from_vec(vec![1i64, 2], [2]).unwrap();
        let m = diag_matrix(&v, -1, 0).unwrap();
        assert_eq!(m.to_vec(), vec![0, 0, 0, 1, 0, 0, 0, 2, 0]);
        let a = Array::from_vec((0..6i64).collect(), [2, 3]).unwrap();
        let d: Array<i64, 1> = diagonal(&a, 1, 0, 1).unwrap();
        assert_eq!(d.to_vec(), vec![1, 5]);
        assert!(d.is_readonly());
        let d: Array<i64, 1> = diagonal(&a, -1, 1, 0).unwrap();
        assert_eq!(d.to_vec(), vec![1, 5]);
        let d: Array<i64, 1> = diagonal(&a, -1, 0, 1).unwrap();
        assert_eq!(d.to_vec(), vec![3]);
        let d: Array<i64, 1> = diagonal(&a, 3, 0, 1).unwrap();
        assert_eq!((d.shape(), d.as_ptr()), ([0], a.as_ptr().wrapping_add(3)));
        let d: Array<i64, 1> = diagonal(&a, 4, 0, 1).unwrap();
        assert_eq!((d.shape(), d.as_ptr()), ([0], a.as_ptr()));
        let e = diagonal::<i64, 2, 1>(&a, 0, 0, 2).unwrap_err();
        assert_eq!(
            e.message(),
            "axis2: axis 2 is out of bounds for array of dimension 2"
        );
        assert!(diagonal::<i64, 2, 1>(&a, 0, 1, -1).is_err());
    }

    #[test]
    fn triangles() {
        let a = Array::from_vec((1..=6i64).collect(), [2, 3]).unwrap();
        let u: Array<i64, 2> = tri_part(&*a, 0, true, 0).unwrap();
        assert_eq!(u.to_vec(), vec![1, 2, 3, 0, 5, 6]);
        let l: Array<i64, 2> = tri_part(&*a, -1, false, 0).unwrap();
        assert_eq!(l.to_vec(), vec![0, 0, 0, 4, 0, 0]);
        let v = Array::from_vec(vec![1i64, 2, 3], [3]).unwrap();
        let u: Array<i64, 2> = tri_part(&*v, 0, true, 0).unwrap();
        assert_eq!(u.to_vec(), vec![1, 2, 3, 0, 2, 3, 0, 0, 3]);
    }

    #[test]
    fn indices_grid() {
        let g: Array<i64, 3> = indices(&[2, 3], false, |v| v).unwrap();
        assert_eq!(g.to_vec(), vec![0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2]);
        assert!(indices::<bool, 2>(&[3], true, |v| v != 0).is_err());
        assert!(indices::<i64, 2>(&[-1], false, |v| v).is_err());
    }
}
