//! `np.pad` on kernel arrays, modes `constant`, `edge`, `wrap`, `reflect` and
//! `symmetric`, with NumPy's results, layout and errors.
//!
//! NumPy pads one axis after the other, each time reading the values already in place
//! along that axis (the corners come from the earlier axes' padding). For every mode but
//! `constant` an output element along an axis is a copy of one element along the same
//! axis, so the whole result is `a[map0(i0), map1(i1), ...]`: each axis's map is found
//! by running NumPy's own steps (`_set_wrap_both`, `_set_reflect_both`, which repeat for
//! pads wider than the array) on a vector of indices. For `constant`, an element in the
//! pad area of several axes takes the value of the last of them, as NumPy writes it last.

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};
use crate::ops::slice_indices;

/// `mode='constant'`.
pub const PAD_CONSTANT: u8 = 0;
/// `mode='edge'`.
pub const PAD_EDGE: u8 = 1;
/// `mode='wrap'`.
pub const PAD_WRAP: u8 = 2;
/// `mode='reflect'`.
pub const PAD_REFLECT: u8 = 3;
/// `mode='symmetric'`.
pub const PAD_SYMMETRIC: u8 = 4;

/// An element of a pad map: the index along the axis in the array (`>= 0`), or the
/// before (`BEFORE`) or after (`AFTER`) area of `constant` mode.
const BEFORE: isize = -1;
const AFTER: isize = -2;
/// Not written yet (NumPy's undefined area while it pads).
const UNSET: isize = -3;

/// The elements of `v[start:stop:step]` (Python's slice rules), copied.
fn slice(v: &[isize], start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<isize> {
    let (first, step, count) = slice_indices(v.len(), start, stop, Some(step)).unwrap_or((0, 1, 0));
    (0..count as i64)
        .map(|k| v[(first + k * step) as usize])
        .collect()
}

/// NumPy's `_set_wrap_both` on one axis: the pad areas still to fill afterwards.
fn wrap_step(v: &mut [isize], left: usize, right: usize, original: usize) -> (usize, usize) {
    let len = v.len();
    let period = (len - right - left) / original * original;
    let (mut new_left, mut new_right) = (0, 0);
    if left > 0 {
        let end = left + period;
        let chunk = v[end - period.min(left)..end].to_vec();
        let at = if left > period {
            new_left = left - period;
            left - period
        } else {
            0
        };
        v[at..at + chunk.len()].copy_from_slice(&chunk);
    }
    if right > 0 {
        let start = len - right - period;
        let chunk = v[start..start + period.min(right)].to_vec();
        if right > period {
            new_right = right - period;
        }
        let at = len - right;
        v[at..at + chunk.len()].copy_from_slice(&chunk);
    }
    (new_left, new_right)
}

/// NumPy's `_set_reflect_both` (`method='even'`) on one axis: the pad areas still to
/// fill afterwards.
fn reflect_step(
    v: &mut [isize],
    mut left: usize,
    mut right: usize,
    original: usize,
    include_edge: bool,
) -> (usize, usize) {
    let len = v.len() as i64;
    let mut old = (v.len() - right - left) as i64;
    let original = original as i64;
    let edge = if include_edge {
        old = old / original * original;
        1
    } else {
        old = (old - 1) / (original - 1) * (original - 1) + 1 - 1;
        0
    };
    if left > 0 {
        let chunk_len = old.min(left as i64);
        let stop = left as i64 - edge;
        let chunk = slice(v, Some(stop + chunk_len), Some(stop), -1);
        let at = left - chunk_len as usize;
        v[at..at + chunk.len()].copy_from_slice(&chunk);
        left -= chunk_len as usize;
    }
    if right > 0 {
        let chunk_len = old.min(right as i64);
        let start = -(right as i64) + edge - 2;
        let chunk = slice(v, Some(start), Some(start - chunk_len), -1);
        let at = (len - right as i64) as usize;
        v[at..at + chunk.len()].copy_from_slice(&chunk);
        right -= chunk_len as usize;
    }
    (left, right)
}

/// The map of one axis of `n` elements padded by `before` and `after` in `mode`.
fn axis_map(n: usize, before: usize, after: usize, mode: u8) -> Vec<isize> {
    let len = before + n + after;
    let mut v = vec![UNSET; len];
    for (k, x) in v[before..before + n].iter_mut().enumerate() {
        *x = k as isize;
    }
    let edge = mode == PAD_EDGE || (mode >= PAD_REFLECT && n == 1);
    match mode {
        PAD_CONSTANT => {
            v[..before].fill(BEFORE);
            v[before + n..].fill(AFTER);
        }
        _ if edge => {
            v[..before].fill(0);
            v[before + n..].fill(n as isize - 1);
        }
        _ => {
            let (mut l, mut r) = (before, after);
            while l > 0 || r > 0 {
                (l, r) = if mode == PAD_WRAP {
                    wrap_step(&mut v, l, r, n)
                } else {
                    reflect_step(&mut v, l, r, n, mode == PAD_SYMMETRIC)
                };
            }
        }
    }
    v
}

/// Is `a` Fortran-contiguous and not C-contiguous (NumPy's `flags.fnc`, which makes
/// `np.pad`'s result Fortran-ordered)?
fn fortran_only<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> bool {
    !a.is_c_contiguous() && a.t().is_c_contiguous()
}

/// `np.pad(a, widths, mode, constant_values)`: `widths[axis]` the (before, after) pair
/// of each axis, `values` the (before, after) constants of each axis in `constant` mode
/// (empty in the others).
pub fn pad<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    widths: [[i64; 2]; D],
    mode: u8,
    values: &[[T; 2]],
) -> KResult<Array<T, D>> {
    if widths.iter().flatten().any(|&w| w < 0) {
        return Err(value_error("index can't contain negative values"));
    }
    let (shape, strides) = (a.shape(), a.strides());
    let mut out = [0usize; D];
    for k in 0..D {
        out[k] = [shape[k], widths[k][0] as usize, widths[k][1] as usize]
            .iter()
            .try_fold(0usize, |acc, &x| acc.checked_add(x))
            .ok_or_else(|| value_error("array is too big"))?;
    }
    if mode != PAD_CONSTANT && shape.contains(&0) {
        for k in 0..D {
            if shape[k] == 0 && (widths[k][0] > 0 || widths[k][1] > 0) {
                return Err(value_error(format!(
                    "can't extend empty axis {k} using modes other than 'constant' or 'empty'"
                )));
            }
        }
    }
    let maps: Vec<Vec<isize>> = (0..D)
        .map(|k| axis_map(shape[k], widths[k][0] as usize, widths[k][1] as usize, mode))
        .collect();
    let out_strides = if fortran_only(a) {
        let mut s = [0isize; D];
        let mut acc = 1isize;
        for k in 0..D {
            s[k] = acc;
            acc = acc.wrapping_mul(out[k].max(1) as isize);
        }
        s
    } else {
        let mut s = [0isize; D];
        let mut acc = 1isize;
        for k in (0..D).rev() {
            s[k] = acc;
            acc = acc.wrapping_mul(out[k].max(1) as isize);
        }
        s
    };
    let p = a.as_ptr();
    crate::matrices::build_with(out, out_strides, |idx| {
        let mut at = 0isize;
        let mut constant = None;
        for k in 0..D {
            match maps[k][idx[k]] {
                BEFORE => constant = Some(values[k][0]),
                AFTER => constant = Some(values[k][1]),
                j => at += j * strides[k],
            }
        }
        Ok(match constant {
            Some(c) => c,
            // SAFETY: every map entry that is not a constant is an index along its axis.
            None => unsafe { *p.offset(at) },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(n: usize, b: usize, a: usize, mode: u8) -> Vec<isize> {
        axis_map(n, b, a, mode)
    }

    #[test]
    fn maps_repeat_as_numpy() {
        // np.pad(np.arange(3), (5, 4), mode) of each mode.
        assert_eq!(
            map(3, 5, 4, PAD_WRAP),
            vec![1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]
        );
        assert_eq!(
            map(3, 5, 4, PAD_REFLECT),
            vec![1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2]
        );
        assert_eq!(
            map(3, 5, 4, PAD_SYMMETRIC),
            vec![1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0]
        );
        assert_eq!(map(3, 2, 1, PAD_EDGE), vec![0, 0, 0, 1, 2, 2]);
        assert_eq!(map(1, 2, 1, PAD_REFLECT), vec![0, 0, 0, 0]);
        assert_eq!(map(2, 1, 1, PAD_CONSTANT), vec![BEFORE, 0, 1, AFTER]);
    }

    #[test]
    fn constant_corners_take_the_last_axis() {
        let a = Array::from_vec(vec![1i64, 2, 3, 4], [2, 2]).unwrap();
        let p = pad(&*a, [[1, 0], [0, 1]], PAD_CONSTANT, &[[7, 8], [9, 10]]).unwrap();
        assert_eq!(p.to_vec(), vec![7, 7, 10, 1, 2, 10, 3, 4, 10]);
        assert!(pad(&*a, [[-1, 0], [0, 0]], PAD_EDGE, &[]).is_err());
        let e = Array::from_vec(Vec::<i64>::new(), [0, 2]).unwrap();
        let err = pad(&*e, [[1, 0], [0, 0]], PAD_EDGE, &[]).unwrap_err();
        assert_eq!(
            err.message(),
            "can't extend empty axis 0 using modes other than 'constant' or 'empty'"
        );
    }
}
