//! NumPy broadcasting for whole-array expressions: the broadcast shape of the operands
//! (with NumPy's error messages), operands as views of that shape (stride 0 along
//! broadcast axes), and the overlap test that decides when an operand of an in-place
//! operation must be copied first.

use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// A shape as NumPy prints it: `(3,)`, `(2,3)`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// The broadcast shape (of rank `R`, the largest rank) of operands of these shapes, or
/// NumPy's `ValueError`.
#[inline]
pub fn broadcast_shape<const R: usize>(shapes: &[&[usize]]) -> KResult<[usize; R]> {
    // The usual case, operands of one shape, without the general walk (small arrays in
    // loops run this once per statement).
    if let Some(first) = shapes.first()
        && first.len() == R
        && shapes[1..].iter().all(|s| same_shape(s, first))
    {
        let mut out = [0usize; R];
        out.copy_from_slice(first);
        return Ok(out);
    }
    broadcast_general(shapes)
}

/// `a == b` for short shapes, without a call to `memcmp`.
#[inline(always)]
fn same_shape(a: &[usize], b: &[usize]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn broadcast_general<const R: usize>(shapes: &[&[usize]]) -> KResult<[usize; R]> {
    let mut out = [1usize; R];
    for s in shapes {
        let off = R - s.len();
        for (k, &n) in s.iter().enumerate() {
            let o = &mut out[off + k];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                let all: Vec<String> = shapes.iter().map(|s| shape_text(s)).collect();
                return Err(value_error(format!(
                    "operands could not be broadcast together with shapes {} ",
                    all.join(" ")
                )));
            }
        }
    }
    Ok(out)
}

/// The check of `dest[...] = value`: `value`'s shape must broadcast to `dest`'s.
pub fn check_store(dest: &[usize], value: &[usize]) -> KResult<()> {
    let ok = value.len() <= dest.len()
        && value
            .iter()
            .rev()
            .zip(dest.iter().rev())
            .all(|(&v, &d)| v == d || v == 1);
    if ok {
        Ok(())
    } else {
        Err(value_error(format!(
            "could not broadcast input array from shape {} into shape {}",
            shape_text(value),
            shape_text(dest)
        )))
    }
}

/// The check of `a op= b`: the operands (`a` first) broadcast, to exactly `a`'s shape.
#[inline]
pub fn check_inplace(dest: &[usize], operands: &[&[usize]]) -> KResult<()> {
    // Operands of the destination's shape (the usual case) need no broadcasting.
    if operands.iter().all(|s| same_shape(s, dest)) {
        return Ok(());
    }
    check_inplace_general(dest, operands)
}

fn check_inplace_general(dest: &[usize], operands: &[&[usize]]) -> KResult<()> {
    let rank = operands
        .iter()
        .map(|s| s.len())
        .max()
        .unwrap_or(0)
        .max(dest.len());
    // No allocation for the usual ranks: this runs before every in-place operation.
    let mut small = [1usize; 8];
    let mut big = Vec::new();
    let out: &mut [usize] = if rank <= 8 {
        &mut small[..rank]
    } else {
        big.resize(rank, 1);
        &mut big
    };
    let mut ok = true;
    for s in std::iter::once(dest).chain(operands.iter().copied()) {
        let off = rank - s.len();
        for (k, &n) in s.iter().enumerate() {
            let o = &mut out[off + k];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                ok = false;
            }
        }
    }
    if !ok {
        let mut all: Vec<String> = std::iter::once(dest)
            .chain(operands.iter().copied())
            .map(shape_text)
            .collect();
        all.push(shape_text(dest));
        return Err(value_error(format!(
            "operands could not be broadcast together with shapes {} ",
            all.join(" ")
        )));
    }
    if !same_shape(out, dest) {
        return Err(value_error(format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
            shape_text(dest),
            shape_text(out)
        )));
    }
    Ok(())
}

impl<T: Copy, const D: usize> ArrayView<T, D> {
    /// This view as an operand of shape `shape` (rank `R >= D`): missing leading axes
    /// and axes of extent 1 get stride 0. `shape` must be a broadcast shape of this
    /// view's (see [`broadcast_shape`]).
    #[inline(always)]
    pub fn broadcast_to<const R: usize>(&self, shape: [usize; R]) -> ArrayView<T, R> {
        let mut strides = [0isize; R];
        let off = R - D;
        let (own_shape, own_strides) = (self.shape(), self.strides());
        for k in 0..D {
            strides[off + k] = if own_shape[k] == 1 && shape[off + k] != 1 {
                0
            } else {
                own_strides[k]
            };
        }
        // SAFETY: the same memory, read through a shape that repeats elements.
        unsafe { self.derived(self.as_ptr(), shape, strides) }
    }

    /// Do this view and `other` share any memory (the same elements included)?
    pub fn shares_memory<U: Copy, const E: usize>(&self, other: &ArrayView<U, E>) -> bool {
        matches!((self.span(), other.span()), (Some((a0, a1)), Some((b0, b1))) if a0 < b1 && b0 < a1)
    }

    /// Do this view and `other` share memory, other than as the very same elements in
    /// the same order (the case where an elementwise loop may read and write in place)?
    pub fn overlaps<U: Copy, const E: usize>(&self, other: &ArrayView<U, E>) -> bool {
        let same = D == E
            && size_of::<T>() == size_of::<U>()
            && std::ptr::eq(self.as_ptr() as *const (), other.as_ptr() as *const ())
            && self.shape()[..] == other.shape()[..]
            && self.strides()[..] == other.strides()[..];
        !same && self.shares_memory(other)
    }

    /// The byte range this view addresses (`None` when empty).
    fn span(&self) -> Option<(usize, usize)> {
        crate::view::byte_span(
            self.as_ptr() as usize,
            &self.shape(),
            &self.strides().map(|s| s * size_of::<T>() as isize),
            size_of::<T>(),
        )
    }
}

/// The memory order NumPy gives the result of an elementwise operation (`order='K'`):
/// the axes sorted by the operands' strides, outer to inner, C order where they do not
/// tell (NumPy's `npyiter_find_best_axis_ordering`: an axis moves inwards only when every
/// operand striding both axes agrees).
fn k_order<const R: usize>(operands: &[[isize; R]]) -> [usize; R] {
    let mut perm: [usize; R] = std::array::from_fn(|k| k);
    let inner_first = |outer: usize, inner: usize| {
        let mut decided = false;
        for s in operands {
            let (a, b) = (s[outer], s[inner]);
            if a != 0 && b != 0 {
                if a.unsigned_abs() >= b.unsigned_abs() {
                    return false;
                }
                decided = true;
            }
        }
        decided
    };
    for i in 1..R {
        let mut j = i;
        while j > 0 && inner_first(perm[j - 1], perm[j]) {
            perm.swap(j - 1, j);
            j -= 1;
        }
    }
    perm
}

/// Asks the kernel for transparent huge pages for a large new buffer, as NumPy does
/// (a 512th of the page faults on first touch; Linux only, a hint).
pub(crate) fn hugepages(addr: usize, bytes: usize) {
    #[cfg(target_os = "linux")]
    if bytes >= 4 << 20 {
        const PAGE: usize = 4096;
        let start = addr.div_ceil(PAGE) * PAGE;
        let end = (addr + bytes) / PAGE * PAGE;
        if end > start {
            // SAFETY: advice on memory this allocation owns; failure is harmless.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (addr, bytes);
}

/// The result of an elementwise loop being written: memory allocated but not yet
/// initialized (no zeroing pass, as NumPy allocates its results), laid out in memory as
/// NumPy lays out the result of an elementwise operation on operands with the given
/// (broadcast) strides. The loop writes every element through [`NewArray::view`], then
/// [`NewArray::finish`] makes it an array; dropped before that, it frees the memory
/// without reading it.
pub struct NewArray<T, const D: usize> {
    buf: Vec<T>,
    view: ArrayView<T, D>,
}

/// The strides (in elements) NumPy gives the contiguous result of an elementwise
/// operation over `shape` on operands with these strides (NumPy's "K" order: the
/// operands' memory order, C order where they do not tell).
pub fn k_strides<const D: usize>(shape: [usize; D], operands: &[[isize; D]]) -> [isize; D] {
    let perm = k_order(operands);
    let mut strides = [0isize; D];
    let mut acc = 1isize;
    for &k in perm.iter().rev() {
        strides[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    }
    strides
}

impl<T: Copy, const D: usize> NewArray<T, D> {
    /// Allocates the result of a loop over `shape` reading arrays with these strides.
    pub fn uninit_k(shape: [usize; D], operands: &[[isize; D]]) -> KResult<Self> {
        let n = shape
            .iter()
            .try_fold(1usize, |acc, &x| acc.checked_mul(x))
            .ok_or_else(|| value_error("array is too big"))?;
        let strides = k_strides(shape, operands);
        let mut buf: Vec<T> = match crate::pool::cached(n) {
            Some(b) => b,
            None => {
                let mut b = Vec::with_capacity(n);
                hugepages(b.as_mut_ptr() as usize, n * size_of::<T>());
                b
            }
        };
        // SAFETY: written only through raw pointers into the allocation until `finish`.
        let view = unsafe { ArrayView::<T, D>::empty().derived(buf.as_mut_ptr(), shape, strides) };
        Ok(NewArray { buf, view })
    }

    /// The view the loop writes through (raw pointer writes only).
    #[inline(always)]
    pub fn view(&self) -> ArrayView<T, D> {
        self.view
    }

    /// The array, once every element is written.
    ///
    /// # Safety
    /// Every element of the view must have been written.
    pub unsafe fn finish(self) -> Array<T, D> {
        let NewArray { mut buf, view } = self;
        let n = buf.capacity().min(view.shape().iter().product());
        // SAFETY: the caller wrote all `n` elements.
        unsafe { buf.set_len(n) };
        Array::from_vec_with_strides(buf, view.shape(), view.strides())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_broadcast_as_numpy_and_fail_with_its_message() {
        assert_eq!(broadcast_shape::<2>(&[&[2, 3], &[3]]).unwrap(), [2, 3]);
        assert_eq!(
            broadcast_shape::<3>(&[&[2, 1, 4], &[5, 1]]).unwrap(),
            [2, 5, 4]
        );
        assert_eq!(broadcast_shape::<1>(&[&[0], &[1]]).unwrap(), [0]);
        let e = broadcast_shape::<2>(&[&[2, 3], &[4]]).unwrap_err();
        assert_eq!(
            e.message(),
            "operands could not be broadcast together with shapes (2,3) (4,) "
        );
        let e = check_store(&[2, 3], &[4]).unwrap_err();
        assert_eq!(
            e.message(),
            "could not broadcast input array from shape (4,) into shape (2,3)"
        );
        assert!(check_store(&[2, 3], &[1, 3]).is_ok());
        let e = check_inplace(&[2, 3], &[&[3, 3]]).unwrap_err();
        assert_eq!(
            e.message(),
            "operands could not be broadcast together with shapes (2,3) (3,3) (2,3) "
        );
        let e = check_inplace(&[2, 3], &[&[2, 2, 3]]).unwrap_err();
        assert_eq!(
            e.message(),
            "non-broadcastable output operand with shape (2,3) doesn't match the broadcast shape (2,2,3)"
        );
        assert!(check_inplace(&[2, 3], &[&[3], &[]]).is_ok());
    }

    #[test]
    fn results_take_the_memory_order_of_their_operands() {
        assert_eq!(k_order::<2>(&[[3, 1]]), [0, 1]);
        assert_eq!(k_order::<2>(&[[1, 3]]), [1, 0]);
        // a broadcast operand does not decide; disagreeing operands keep C order
        assert_eq!(k_order::<2>(&[[0, 1], [1, 3]]), [1, 0]);
        assert_eq!(k_order::<2>(&[[3, 1], [1, 3]]), [0, 1]);
        assert_eq!(k_order::<3>(&[[1, 2, 6]]), [2, 1, 0]);
    }

    #[test]
    fn broadcast_views_repeat_elements_and_overlap_is_detected() {
        let a = Array::<f64, 1>::from_vec(vec![1.0, 2.0, 3.0], [3]).unwrap();
        let b = a.broadcast_to([2, 3]);
        assert_eq!(b.strides(), [0, 1]);
        // SAFETY: in bounds.
        assert_eq!(unsafe { b.get_unchecked([1, 2]) }, 3.0);
        let head = a.slice_axis(0, None, Some(2), None).unwrap();
        let tail = a.slice_axis(0, Some(1), None, None).unwrap();
        assert!(head.overlaps(&*tail));
        assert!(!a.overlaps(&*a));
        let other = Array::<f64, 1>::from_vec(vec![0.0; 3], [3]).unwrap();
        assert!(!a.overlaps(&*other));
    }
}
