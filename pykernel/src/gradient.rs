//! `np.gradient` along one axis (`edge_order=1`, uniform spacing): central differences
//! inside, one-sided ones at both ends, as NumPy computes them.

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// The gradient of `f` along `axis`: `interior(f[i + 1], f[i - 1])` inside (NumPy's
/// `(f[2:] - f[:-2]) / (2. * dx)`) and `edge(later, earlier)` at the ends (`(f[1] -
/// f[0]) / dx`, `(f[-1] - f[-2]) / dx`). The result is laid out as `np.empty_like(f)`.
pub fn gradient_axis<T: Copy, U: Copy, const D: usize>(
    f: &ArrayView<T, D>,
    axis: usize,
    interior: impl Fn(T, T) -> U,
    edge: impl Fn(T, T) -> U,
) -> KResult<Array<U, D>> {
    let (shape, strides) = (f.shape(), f.strides());
    let n = shape[axis];
    if n < 2 {
        return Err(value_error(
            "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.",
        ));
    }
    let out = crate::array::keep_order_strides(shape, strides);
    let (p, s) = (f.as_ptr(), strides[axis]);
    crate::matrices::build_with(shape, out, |idx| {
        let i = idx[axis];
        let base: isize = idx
            .iter()
            .zip(&strides)
            .enumerate()
            .map(|(k, (&j, &st))| if k == axis { 0 } else { j as isize * st })
            .sum();
        // SAFETY: `i - 1`, `i` and `i + 1` below are indices along `axis` (`n >= 2`).
        let at = |j: usize| unsafe { *p.offset(base + j as isize * s) };
        Ok(if i == 0 {
            edge(at(1), at(0))
        } else if i == n - 1 {
            edge(at(n - 1), at(n - 2))
        } else {
            interior(at(i + 1), at(i - 1))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_inside_one_sided_at_the_ends() {
        let f = Array::from_vec(vec![1.0, 2.0, 4.0, 7.0, 11.0, 16.0], [2, 3]).unwrap();
        let along = |axis| {
            gradient_axis(&*f, axis, |h: f64, l: f64| (h - l) / 2.0, |h, l| h - l)
                .unwrap()
                .to_vec()
        };
        assert_eq!(along(1), vec![1.0, 1.5, 2.0, 4.0, 4.5, 5.0]);
        assert_eq!(along(0), vec![6.0, 9.0, 12.0, 6.0, 9.0, 12.0]);
        let one = Array::from_vec(vec![1.0], [1]).unwrap();
        assert!(gradient_axis(&*one, 0, |h: f64, l: f64| h - l, |h, l| h - l).is_err());
    }
}
