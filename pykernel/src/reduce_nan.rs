//! `np.nanvar`/`np.nanstd` and `np.nanargmin`/`np.nanargmax` of floats, as
//! `numpy/lib/_nanfunctions_impl.py` computes them (the other `nan` functions are plain
//! reductions of values with NaN replaced, in the generated code).

use crate::array::{Array, ArrayView};
use crate::broadcast::k_strides;
use crate::error::{KResult, value_error};
use crate::reduce::PairwiseFloat;
use crate::reduce_axis::{
    AxisFold, FoldWith, SumFloat, arg_extreme, axis_mask, for_each_row, offset, reduce_axes,
    zip_in_place,
};

/// `np.nanvar(a, axis, ddof)` of floats or complex numbers: the count of numbers and
/// their sum (NaN as 0) with `keepdims`, the mean `mean(sum, count)` (NumPy's division
/// by an int64 count, cast back), the squared deviations `dev(x, mean)` in a temporary
/// laid out as `a` (0 where `a` is NaN), their sum, divided by `count - ddof` with
/// `div`, NaN where that is not positive.
#[allow(clippy::too_many_arguments)]
pub fn nanvar_axes<T, S, M, X, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    mask: [bool; D],
    ddof: i64,
    sum: &S,
    is_nan: impl Fn(T) -> bool,
    mean: impl Fn(S::Acc, i64) -> M,
    dev: impl Fn(T, M) -> X,
    div: impl Fn(X, f64) -> X,
) -> KResult<Array<X, R>>
where
    T: Copy,
    S: AxisFold<T>,
    M: Copy,
    X: PairwiseFloat + From<f32>,
{
    let count = FoldWith::new("add", 0i64, |c: i64, x: T| c + i64::from(!is_nan(x)));
    let counts: Array<i64, D> = reduce_axes(a, mask, &count)?;
    let sums: Array<S::Acc, D> = reduce_axes(a, mask, sum)?;
    let shape = a.shape();
    let mstr = sums.strides();
    debug_assert_eq!(mstr, counts.strides());
    let xstr = k_strides(shape, &[a.strides()]);
    let size: usize = shape.iter().product();
    let mut xs: Vec<X> = vec![X::ZERO; size];
    let (ap, mp, cp) = (
        a.as_ptr() as *const T,
        sums.as_ptr() as *const S::Acc,
        counts.as_ptr() as *const i64,
    );
    let astr = a.strides();
    let last = D.saturating_sub(1);
    let (ms, xs_s, as_s) = if D == 0 {
        (0, 0, 0)
    } else {
        (
            if mask[last] { 0 } else { mstr[last] },
            xstr[last],
            astr[last],
        )
    };
    let row = if D == 0 { 1 } else { shape[last] };
    let xp = xs.as_mut_ptr();
    for_each_row(shape, |idx| {
        let mut m = *idx;
        for k in 0..D {
            if mask[k] {
                m[k] = 0;
            }
        }
        // SAFETY: the row from `idx` is within `a` and `xs`; `m`'s within the sums and
        // counts (one layout).
        unsafe {
            let mo = offset(&m, &mstr);
            let (pa, pm, pc, px) = (
                ap.offset(offset(idx, &astr)),
                mp.offset(mo),
                cp.offset(mo),
                xp.offset(offset(idx, &xstr)),
            );
            for j in 0..row as isize {
                let x = *pa.offset(j * as_s);
                if !is_nan(x) {
                    let mj = mean(*pm.offset(j * ms), *pc.offset(j * ms));
                    *px.offset(j * xs_s) = dev(x, mj);
                }
            }
        }
    });
    let x = Array::from_vec_with_strides(xs, shape, xstr);
    let total: Array<X, R> = reduce_axes(&x, mask, &SumFloat)?;
    let cnt: Array<i64, R> = reduce_axes(a, mask, &count)?;
    Ok(zip_in_place(total, &cnt, |s, c| {
        let dof = c - ddof;
        if dof <= 0 {
            X::from(f32::NAN)
        } else {
            div(s, dof as f64)
        }
    }))
}

/// `np.nanargmin`/`np.nanargmax` (`max`) of floats along `axis` (`None`: flattened):
/// `ValueError: All-NaN slice encountered` when a lane is all NaN, else the index of the
/// extreme with NaN replaced by `fill` (`inf`, `-inf` for the maximum).
pub fn nan_arg_extreme<T, const D: usize, const R: usize>(
    a: &ArrayView<T, D>,
    axis: Option<i64>,
    max: bool,
    fill: T,
) -> KResult<Array<i64, R>>
where
    T: Copy + PartialOrd,
{
    #[allow(clippy::eq_op)]
    let nan = |x: T| x != x;
    let mask = match axis {
        None => [true; D],
        Some(ax) => axis_mask::<D>(&[ax])?,
    };
    if a.shape().iter().product::<usize>() > 0 {
        let all = FoldWith::new("logical_and", true, |s: bool, x: T| s && nan(x));
        let lanes: Array<bool, D> = reduce_axes(a, mask, &all)?;
        if lanes.to_vec().into_iter().any(|b| b) {
            return Err(value_error("All-NaN slice encountered"));
        }
    }
    let replaced: Vec<T> = a
        .to_vec()
        .into_iter()
        .map(|x| if nan(x) { fill } else { x })
        .collect();
    let r = Array::from_vec(replaced, a.shape())?;
    arg_extreme(&r, axis, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reduce_axis::NanSumFloat;

    #[test]
    fn nanvar_ignores_nan_and_refuses_small_counts() {
        let a = Array::from_vec(vec![1.0, f64::NAN, 3.0, f64::NAN, f64::NAN, 2.0], [2, 3]).unwrap();
        let v: Array<f64, 1> = nanvar_axes(
            &a,
            [false, true],
            0,
            &NanSumFloat,
            |x: f64| x.is_nan(),
            |s: f64, n| s / n as f64,
            |x: f64, m: f64| (x - m) * (x - m),
            |s, n| s / n,
        )
        .unwrap();
        assert_eq!(v.to_vec(), [1.0, 0.0]);
        let w: Array<f64, 1> = nanvar_axes(
            &a,
            [false, true],
            1,
            &NanSumFloat,
            |x: f64| x.is_nan(),
            |s: f64, n| s / n as f64,
            |x: f64, m: f64| (x - m) * (x - m),
            |s, n| s / n,
        )
        .unwrap();
        assert!(w.to_vec()[1].is_nan());
    }

    #[test]
    fn nanargmax_skips_nan_and_refuses_all_nan_lanes() {
        let a = Array::from_vec(vec![f64::NAN, 1.0, 5.0, f64::NAN, f64::NAN, 2.0], [2, 3]).unwrap();
        let r: Array<i64, 1> = nan_arg_extreme(&a, Some(1), true, f64::NEG_INFINITY).unwrap();
        assert_eq!(r.to_vec(), [2, 2]);
        let e = nan_arg_extreme::<f64, 2, 1>(&a, Some(0), true, f64::NEG_INFINITY).unwrap_err();
        assert_eq!(e.message(), "All-NaN slice encountered");
    }
}
