//! Masks of the array's whole shape, read in one pass with no index arrays, and the
//! contiguous copies of index arrays and values.

use super::Item;
use crate::array::ArrayView;

/// arrays, one pass over the array in C order).
pub(super) fn whole_mask<'a>(items: &'a [Item], shape: &[usize]) -> Option<&'a [bool]> {
    match items {
        [Item::Mask(s, m)] if s.as_slice() == shape => Some(m),
        _ => None,
    }
}

/// Is a view of `shape` and `strides` contiguous in C order (axes of one element do not
/// count)?
pub(super) fn c_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    let mut expect = 1isize;
    for (&n, &s) in shape.iter().zip(strides).rev() {
        if n == 0 {
            return true;
        }
        if n != 1 && s != expect {
            return false;
        }
        expect *= n as isize;
    }
    true
}

/// The elements of `a` in C order (one copy of the memory when it is contiguous).
pub(super) fn c_values<T: Copy, const R: usize>(a: &ArrayView<T, R>) -> Vec<T> {
    let (shape, strides) = (a.shape(), a.strides());
    if shape.contains(&0) {
        return Vec::new();
    }
    if c_contiguous(&shape, &strides) {
        let n: usize = shape.iter().product();
        // SAFETY: a contiguous view addresses `n` elements from its first.
        return unsafe { std::slice::from_raw_parts(a.as_ptr(), n) }.to_vec();
    }
    a.to_vec()
}

/// Calls `f(offset)` for each element of an array of `shape` and `strides` where the
/// mask `m` (same shape, C order) is true, in C order; eight false elements are skipped
/// at a time (masks are often sparse).
#[inline(always)]
pub(super) fn each_masked(
    shape: &[usize],
    strides: &[isize],
    m: &[bool],
    mut f: impl FnMut(isize),
) {
    let contiguous = c_contiguous(shape, strides);
    let at = |k: usize| {
        if contiguous {
            return k as isize;
        }
        let (mut off, mut r) = (0isize, k);
        for (&n, &s) in shape.iter().zip(strides).rev() {
            off += (r % n) as isize * s;
            r /= n;
        }
        off
    };
    // SAFETY: a `bool` is one byte, 0 or 1.
    let bytes = unsafe { std::slice::from_raw_parts(m.as_ptr().cast::<u8>(), m.len()) };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0usize;
    for c in &mut chunks {
        let word = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if word != 0 {
            for (i, &b) in c.iter().enumerate() {
                if b != 0 {
                    f(at(base + i));
                }
            }
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b != 0 {
            f(at(base + i));
        }
    }
}

/// The number of true elements of a mask.
pub(super) fn count_true(m: &[bool]) -> usize {
    m.iter().map(|&b| b as usize).sum()
}
