//! Reads (`gather`: a new array) and stores (`fill`, `assign`, `update`,
//! `update_with`) through an index.

use super::Item;
use super::masks::{c_values, count_true, each_masked, whole_mask};
use super::plan::{Plan, broadcast_all, broadcast_positions, mask_value_count, shape_text};
use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// `a[index]`: a new array of rank `M`, laid out as NumPy lays it out: its memory holds
/// the index arrays' axes first, so that when they sit after other axes (`a[:, idx]`)
/// the result is a transposed view of that memory, as in NumPy.
pub fn gather<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
) -> KResult<Array<T, M>> {
    gather_in(a, items, true)
}

/// [`gather`] with NumPy's layout (`numpy_layout`) or in C order (`np.take`,
/// `np.compress`).
pub(super) fn gather_in<T: Copy, const N: usize, const M: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    numpy_layout: bool,
) -> KResult<Array<T, M>> {
    let p = a.as_ptr();
    if let Some(m) = whole_mask(items, &a.shape()) {
        let mut data = crate::pool::take(count_true(m));
        // SAFETY: offsets of the view.
        each_masked(&a.shape(), &a.strides(), m, |o| {
            data.push(unsafe { *p.offset(o) })
        });
        let shape: [usize; M] = [data.len()][..]
            .try_into()
            .map_err(|_| value_error("internal error: rank of a mask result"))?;
        return Array::from_vec(data, shape);
    }
    let plan = Plan::build(&a.shape(), &a.strides(), items, numpy_layout)?;
    let shape = plan.shape_of::<M>()?;
    // SAFETY: every offset addresses an element of the view (indices were checked).
    let data: Vec<T> = plan
        .offsets
        .iter()
        .map(|&o| unsafe { *p.offset(o) })
        .collect();
    let (at, k) = (plan.adv_at, plan.adv_rank);
    let natural = plan.order.iter().enumerate().all(|(i, &o)| i == o);
    if !numpy_layout || (at == 0 && natural) {
        return Array::from_vec(data, shape);
    }
    // The memory: the index arrays' axes first, then the others in `plan.order`.
    let others: Vec<usize> = (0..M).filter(|&i| i < at || i >= at + k).collect();
    let mut inner = [0usize; M];
    inner[..k].copy_from_slice(&shape[at..at + k]);
    for (j, &o) in plan.order.iter().enumerate() {
        inner[k + j] = shape[others[o]];
    }
    let (view, owner) = Array::from_vec(data, inner)?.split();
    let c = view.strides();
    let mut strides = [0isize; M];
    strides[at..at + k].copy_from_slice(&c[..k]);
    for (j, &o) in plan.order.iter().enumerate() {
        strides[others[o]] = c[k + j];
    }
    // SAFETY: a permutation of the axes of the same memory.
    let out = unsafe { view.derived(view.as_ptr(), shape, strides) };
    Ok(Array::join(out, &owner))
}

/// `a[index] = v` with a number.
pub fn fill<T: Copy, const N: usize>(a: &ArrayView<T, N>, items: &[Item], v: T) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        let p = a.as_ptr();
        // SAFETY: offsets of the view; exports check that it is writeable.
        each_masked(&a.shape(), &a.strides(), m, |o| unsafe { *p.offset(o) = v });
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let p = a.as_ptr();
    for &o in &plan.offsets {
        // SAFETY: as in `gather`; exports check that written arrays are writeable.
        unsafe { *p.offset(o) = v };
    }
    Ok(())
}

/// `a[index] = v` with an array (broadcast to the result's shape, converted by `conv`);
/// `v` is read completely before anything is written (it may overlap `a`).
pub fn assign<T: Copy, U: Copy, const N: usize, const R: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    v: &ArrayView<U, R>,
    conv: impl Fn(U) -> T,
) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        let one = mask_value_count(count_true(m), &v.shape())?;
        let values = c_values(v);
        let p = a.as_ptr();
        let mut j = 0usize;
        each_masked(&a.shape(), &a.strides(), m, |o| {
            let x = conv(values[if one { 0 } else { j }]);
            // SAFETY: an offset of the view; exports check that it is writeable.
            unsafe { *p.offset(o) = x };
            j += 1;
        });
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let values = c_values(v);
    let pos = plan.value_positions(&v.shape())?;
    let p = a.as_ptr();
    for (&o, &k) in plan.offsets.iter().zip(&pos) {
        // SAFETY: as in `fill`; `k` is a position in `values`.
        unsafe { *p.offset(o) = conv(values[k]) };
    }
    Ok(())
}

/// `a[index] op= v` with a number: NumPy's `a[index] = a[index] op v` (every element is
/// read before any is written, so a repeated index is updated once). `f` computes the
/// new value from the current one.
pub fn update<T: Copy, const N: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    f: impl Fn(T) -> KResult<T>,
) -> KResult<()> {
    if let Some(m) = whole_mask(items, &a.shape()) {
        // Every new value first (an error leaves the array as it was, as in NumPy).
        let p = a.as_ptr();
        let mut offsets = Vec::with_capacity(count_true(m));
        each_masked(&a.shape(), &a.strides(), m, |o| offsets.push(o));
        // SAFETY: offsets of the view.
        let new: Vec<T> = offsets
            .iter()
            .map(|&o| f(unsafe { *p.offset(o) }))
            .collect::<KResult<_>>()?;
        for (&o, x) in offsets.iter().zip(new) {
            // SAFETY: as above; exports check that it is writeable.
            unsafe { *p.offset(o) = x };
        }
        return Ok(());
    }
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let p = a.as_ptr();
    // SAFETY: as in `gather`.
    let cur: Vec<T> = plan
        .offsets
        .iter()
        .map(|&o| unsafe { *p.offset(o) })
        .collect();
    let new: Vec<T> = cur.into_iter().map(f).collect::<KResult<_>>()?;
    for (&o, x) in plan.offsets.iter().zip(new) {
        // SAFETY: as in `fill`.
        unsafe { *p.offset(o) = x };
    }
    Ok(())
}

/// `a[index] op= v` with an array `v` broadcast to the selection (NumPy's in-place
/// operator on the copy `a[index]`, then stored back).
pub fn update_with<T: Copy, U: Copy, const N: usize, const R: usize>(
    a: &ArrayView<T, N>,
    items: &[Item],
    v: &ArrayView<U, R>,
    f: impl Fn(T, U) -> KResult<T>,
) -> KResult<()> {
    let plan = Plan::new(&a.shape(), &a.strides(), items)?;
    let vshape = v.shape();
    let fits = R <= plan.shape.len()
        && vshape
            .iter()
            .rev()
            .zip(plan.shape.iter().rev())
            .all(|(&x, &s)| x == s || x == 1);
    if !fits {
        let both = broadcast_all([plan.shape.as_slice(), vshape.as_slice()].into_iter());
        return Err(value_error(match both {
            Some(b) => format!(
                "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                shape_text(&plan.shape),
                shape_text(&b)
            ),
            None => format!(
                "operands could not be broadcast together with shapes {} {} {} ",
                shape_text(&plan.shape),
                shape_text(&vshape),
                shape_text(&plan.shape)
            ),
        }));
    }
    let values = c_values(v);
    let pos = broadcast_positions(&vshape, &plan.shape);
    let p = a.as_ptr();
    // SAFETY: as in `gather`.
    let new: Vec<T> = plan
        .offsets
        .iter()
        .zip(&pos)
        .map(|(&o, &k)| f(unsafe { *p.offset(o) }, values[k]))
        .collect::<KResult<_>>()?;
    for (&o, x) in plan.offsets.iter().zip(new) {
        // SAFETY: as in `fill`.
        unsafe { *p.offset(o) = x };
    }
    Ok(())
}
