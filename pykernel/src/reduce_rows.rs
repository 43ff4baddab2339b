//! Reductions along axes of a fused elementwise expression, with no temporary where
//! NumPy's order allows: the expression's elements arrive as a stream in the memory
//! order of the temporary NumPy would have made; when that order is C order and the
//! reduced axes are the trailing ones (`np.sum(d ** 2, axis=-1)`) each output is the
//! fold of one run of the stream, and when they are the leading ones
//! (`np.sum(a - row, 0)`) each block of the stream is folded into the whole output.
//! Other cases gather the stream into the temporary and reduce it
//! (`reduce_axis::reduce_axes`), which is what NumPy does.

use std::mem::MaybeUninit;

use crate::array::Array;
use crate::broadcast::k_strides;
use crate::error::KResult;
use crate::reduce::{Source, filled};
use crate::reduce_axis::{AxisFold, out_shape, reduce_axes};

/// A buffer of `n` elements for [`Source::fill`].
fn buffer<T>(n: usize) -> Vec<MaybeUninit<T>> {
    let mut v = Vec::with_capacity(n);
    // SAFETY: `MaybeUninit` needs no initialization.
    unsafe { v.set_len(n) };
    v
}

/// The reduction `f` over the axes in `mask` of the `shape` elements of `src`, which
/// come in the order of a temporary with strides `vs` (in elements).
pub fn reduce_stream<T: Copy, F: AxisFold<T>, const D: usize, const R: usize>(
    shape: [usize; D],
    vs: [isize; D],
    mask: [bool; D],
    src: &mut impl Source<T>,
    f: &F,
) -> KResult<Array<F::Acc, R>> {
    let n: usize = shape.iter().product();
    let c_order = vs == k_strides(shape, &[]);
    let split = mask.iter().position(|&b| b != mask[0]).unwrap_or(D);
    let two_blocks = mask[split..].iter().all(|&b| b != mask[0]);
    let (outer, inner): (usize, usize) = (
        shape[..split].iter().product(),
        shape[split..].iter().product(),
    );
    if n == 0 || !c_order || !two_blocks || D == 0 {
        // The temporary itself.
        let mut buf = buffer::<T>(n);
        filled(src, &mut buf)?;
        let mut buf = std::mem::ManuallyDrop::new(buf);
        // SAFETY: `filled` wrote all `n` elements; `MaybeUninit<T>` has `T`'s layout.
        let data: Vec<T> =
            unsafe { Vec::from_raw_parts(buf.as_mut_ptr() as *mut T, buf.len(), buf.capacity()) };
        let tmp = Array::from_vec_with_strides(data, shape, vs);
        return reduce_axes(&tmp, mask, f);
    }
    let mut out: Vec<F::Acc> = Vec::new();
    if !mask[0] {
        // Trailing axes reduced: one run of `inner` elements per output.
        let mut buf = buffer::<T>(inner);
        out.reserve(outer);
        for _ in 0..outer {
            let xs = filled(src, &mut buf)?;
            let start = match f.identity() {
                Some(v) => v,
                None => f.first(xs[0]),
            };
            // SAFETY: the run is the buffer.
            out.push(unsafe { f.run(start, xs.as_ptr(), inner, 1) });
        }
    } else if split == D {
        // Every axis reduced: one run.
        let mut buf = buffer::<T>(n);
        let xs = filled(src, &mut buf)?;
        let start = match f.identity() {
            Some(v) => v,
            None => f.first(xs[0]),
        };
        // SAFETY: the run is the buffer.
        out.push(unsafe { f.run(start, xs.as_ptr(), n, 1) });
    } else {
        // Leading axes reduced: each block of `inner` elements folded into the output.
        let mut buf = buffer::<T>(inner);
        for r in 0..outer {
            let xs = filled(src, &mut buf)?;
            if r == 0 {
                out.extend(xs.iter().map(|&x| match f.identity() {
                    Some(v) => f.step(v, x),
                    None => f.first(x),
                }));
            } else {
                for (o, &x) in out.iter_mut().zip(xs) {
                    *o = f.step(*o, x);
                }
            }
        }
    }
    Array::from_vec(out, out_shape::<D, R>(shape, mask))
}
