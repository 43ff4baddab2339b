//! NumPy's shape functions on kernel arrays: `reshape`, `ravel`, `transpose(axes)`,
//! `swapaxes`, `expand_dims`, `squeeze(axis)`, new axes (`a[:, None]`), `broadcast_to`,
//! `ascontiguousarray`. Views where NumPy gives views (contiguous data), copies
//! otherwise.

use crate::array::{Array, ArrayView};
use crate::broadcast::shape_text;
use crate::error::{KResult, value_error};

/// C-order strides of `shape`.
fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for k in (0..shape.len()).rev() {
        strides[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    }
    strides
}

/// A normalized axis (`-1` is the last of `n`), or NumPy's `AxisError` text.
fn axis(a: i64, n: usize) -> KResult<usize> {
    let k = if a < 0 { a + n as i64 } else { a };
    if (0..n as i64).contains(&k) {
        Ok(k as usize)
    } else {
        Err(value_error(format!(
            "axis {a} is out of bounds for array of dimension {n}"
        )))
    }
}

impl<T: Copy, const D: usize> ArrayView<T, D> {
    /// Are the elements contiguous in C order (axes of one element ignored)?
    pub fn is_c_contiguous(&self) -> bool {
        let (shape, strides) = (self.shape(), self.strides());
        if shape.contains(&0) {
            return true;
        }
        let mut acc = 1isize;
        for k in (0..D).rev() {
            if shape[k] != 1 && strides[k] != acc {
                return false;
            }
            acc *= shape[k] as isize;
        }
        true
    }

    /// This view with a new axis of one element at `at` (`a[:, None]`); `R` is `D + 1`.
    #[inline(always)]
    pub fn insert_axis<const R: usize>(&self, at: usize) -> ArrayView<T, R> {
        const { assert!(R == D + 1) };
        let (mut shape, mut strides) = ([1usize; R], [0isize; R]);
        let (s, t) = (self.shape(), self.strides());
        let mut j = 0;
        for k in 0..R {
            if k != at {
                shape[k] = s[j];
                strides[k] = t[j];
                j += 1;
            }
        }
        // SAFETY: the same elements.
        unsafe { self.derived(self.as_ptr(), shape, strides) }
    }
}

impl<T: Copy, const D: usize> Array<T, D> {
    /// The same elements as a view of another shape and strides (sharing the owner).
    fn restride<const R: usize>(&self, shape: [usize; R], strides: [isize; R]) -> Array<T, R> {
        // SAFETY: the caller gives a shape and strides within this array's elements.
        let v = unsafe { self.derived(self.as_ptr(), shape, strides) };
        Array::join(v, self.owner_ref())
    }

    /// A C-ordered copy, or this array itself when it is C-contiguous already.
    pub fn ascontiguous(&self) -> Array<T, D> {
        if self.is_c_contiguous() {
            self.clone()
        } else {
            self.copy()
        }
    }

    /// `a.reshape(shape)`: a view of C-contiguous data, a copy otherwise; `-1` stands for
    /// the extent that makes the size match.
    pub fn reshape<const R: usize>(&self, shape: [i64; R]) -> KResult<Array<T, R>> {
        let size: usize = self.shape().iter().product();
        let mut out = [0usize; R];
        let mut unknown = None;
        let mut known = 1usize;
        let bad = || {
            value_error(format!(
                "cannot reshape array of size {size} into shape {}",
                shape_text_i(&shape)
            ))
        };
        for (k, &n) in shape.iter().enumerate() {
            if n == -1 {
                if unknown.is_some() {
                    return Err(value_error("can only specify one unknown dimension"));
                }
                unknown = Some(k);
            } else if n < 0 {
                return Err(value_error("negative dimensions not allowed"));
            } else {
                out[k] = n as usize;
                known = known.checked_mul(n as usize).ok_or_else(bad)?;
            }
        }
        if let Some(k) = unknown {
            if known == 0 || size % known != 0 {
                return Err(bad());
            }
            out[k] = size / known;
        } else if known != size {
            return Err(bad());
        }
        let src = self.ascontiguous();
        let strides: [isize; R] = c_strides(&out).try_into().unwrap_or([1; R]);
        Ok(src.restride(out, strides))
    }

    /// `a.ravel()`: a 1-D view of C-contiguous data, a copy otherwise.
    pub fn ravel(&self) -> Array<T, 1> {
        let src = self.ascontiguous();
        let n: usize = self.shape().iter().product();
        src.restride([n], [1])
    }

    /// `a.transpose(axes)`: the axes permuted (a view).
    pub fn permute(&self, axes: [i64; D]) -> KResult<Array<T, D>> {
        let (s, t) = (self.shape(), self.strides());
        let (mut shape, mut strides) = ([0usize; D], [0isize; D]);
        let mut seen = [false; D];
        for (k, &a) in axes.iter().enumerate() {
            let j = axis(a, D)?;
            if seen[j] {
                return Err(value_error("repeated axis in transpose"));
            }
            seen[j] = true;
            shape[k] = s[j];
            strides[k] = t[j];
        }
        Ok(self.restride(shape, strides))
    }

    /// `np.swapaxes(a, i, j)` (a view).
    pub fn swapaxes(&self, i: i64, j: i64) -> KResult<Array<T, D>> {
        let (i, j) = (axis(i, D)?, axis(j, D)?);
        let mut axes = [0i64; D];
        for (k, a) in axes.iter_mut().enumerate() {
            *a = k as i64;
        }
        axes.swap(i, j);
        self.permute(axes)
    }

    /// `np.expand_dims(a, axis)` (a view); `R` is `D + 1`.
    pub fn expand_dims<const R: usize>(&self, at: i64) -> KResult<Array<T, R>> {
        let k = axis(at, R)?;
        Ok(Array::join(self.insert_axis::<R>(k), self.owner_ref()))
    }

    /// `a[..., None, ...]`: a new axis of one element at `at` (a view); `R` is `D + 1`.
    #[inline(always)]
    pub fn new_axis<const R: usize>(&self, at: usize) -> Array<T, R> {
        Array::join(self.insert_axis::<R>(at), self.owner_ref())
    }

    /// `np.squeeze(a, axis)` (a view); `R` is `D - 1`.
    pub fn squeeze_axis<const R: usize>(&self, at: i64) -> KResult<Array<T, R>> {
        let k = axis(at, D)?;
        let (s, t) = (self.shape(), self.strides());
        if s[k] != 1 {
            return Err(value_error(
                "cannot select an axis to squeeze out which has size not equal to one",
            ));
        }
        let (mut shape, mut strides) = ([0usize; R], [0isize; R]);
        let mut j = 0;
        for i in 0..D {
            if i != k && j < R {
                shape[j] = s[i];
                strides[j] = t[i];
                j += 1;
            }
        }
        Ok(self.restride(shape, strides))
    }

    /// `np.broadcast_to(a, shape)` (a view repeating elements).
    pub fn broadcast_to_shape<const R: usize>(&self, shape: [i64; R]) -> KResult<Array<T, R>> {
        let mut s = [0usize; R];
        for (k, &n) in shape.iter().enumerate() {
            if n < 0 {
                return Err(value_error(
                    "all elements of broadcast shape must be non-negative",
                ));
            }
            s[k] = n as usize;
        }
        let own = self.shape();
        let fits = D <= R
            && own
                .iter()
                .rev()
                .zip(s.iter().rev())
                .all(|(&a, &b)| a == b || a == 1);
        if !fits {
            return Err(value_error(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
                shape_text(&own),
                shape_text(&s)
            )));
        }
        Ok(Array::join(self.broadcast_to(s), self.owner_ref()))
    }
}

/// A requested shape as NumPy prints it (with `-1`).
fn shape_text_i(shape: &[i64]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reshape_of_contiguous_data_is_a_view_and_of_strided_data_a_copy() {
        let a = Array::<f64, 1>::from_vec((0..6).map(f64::from).collect(), [6]).unwrap();
        let b = a.reshape([2, -1]).unwrap();
        assert_eq!(b.shape(), [2, 3]);
        assert_eq!(b.as_ptr(), a.as_ptr());
        let t = b.t();
        let c = t.reshape([6]).unwrap();
        assert_ne!(c.as_ptr(), a.as_ptr());
        // SAFETY: in bounds.
        assert_eq!(unsafe { c.get_unchecked([1]) }, 3.0);
        let e = a.reshape([4]).unwrap_err();
        assert_eq!(
            e.message(),
            "cannot reshape array of size 6 into shape (4,)"
        );
    }

    #[test]
    fn axes_move_as_numpy_moves_them() {
        let a = Array::<f64, 2>::from_vec((0..6).map(f64::from).collect(), [2, 3]).unwrap();
        let e = a.expand_dims::<3>(1).unwrap();
        assert_eq!(e.shape(), [2, 1, 3]);
        let s = e.squeeze_axis::<2>(1).unwrap();
        assert_eq!(s.shape(), [2, 3]);
        assert!(e.squeeze_axis::<2>(0).is_err());
        assert_eq!(a.swapaxes(0, -1).unwrap().shape(), [3, 2]);
        assert_eq!(a.ravel().shape(), [6]);
        assert_eq!(
            a.broadcast_to_shape([4, 2, 3]).unwrap().strides(),
            [0, 3, 1]
        );
    }
}
