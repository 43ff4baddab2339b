//! One-dimensional strided views over raw memory: what `numpy.ctypeslib.as_array(ptr, n)`
//! becomes in a compiled kernel (no allocation, no copy).

use crate::error::{ErrorKind, KResult, KernelError, value_error};
use crate::ops::{index, slice_indices};

/// A 1-D view: `len` elements starting at `ptr`, `stride` elements apart.
///
/// Views are created from raw pointers handed to a capsule; their validity is the
/// caller's contract, as in C.
#[derive(Debug)]
pub struct View1<T> {
    ptr: *mut T,
    len: usize,
    stride: isize,
}

impl<T> Clone for View1<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for View1<T> {}

/// A view operand of an elementwise expression, with its broadcast stride.
#[derive(Debug)]
pub struct Operand<T> {
    ptr: *const T,
    stride: isize,
}

impl<T> Clone for Operand<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Operand<T> {}

impl<T: Copy> Operand<T> {
    /// Element `k` of the broadcast operand.
    ///
    /// # Safety
    /// `k` must be below the length the operand was made for.
    #[inline(always)]
    pub unsafe fn at(&self, k: usize) -> T {
        // SAFETY: `k` < broadcast length, checked by `View1::operand`.
        unsafe { *self.ptr.offset(k as isize * self.stride) }
    }
}

impl<T: Copy> View1<T> {
    /// `as_array(ptr, n)`: `n` contiguous elements at `ptr`.
    ///
    /// # Safety
    /// `ptr` must be valid for `n` elements for as long as the view is used.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *mut T, n: i64) -> KResult<Self> {
        if n < 0 {
            return Err(value_error("negative dimensions are not allowed"));
        }
        if ptr.is_null() && n > 0 {
            return Err(value_error("NULL pointer access"));
        }
        Ok(View1 {
            ptr,
            len: n as usize,
            stride: 1,
        })
    }

    /// An empty view (the initial value of view variables).
    #[inline(always)]
    pub fn empty() -> Self {
        View1 {
            ptr: std::ptr::NonNull::dangling().as_ptr(),
            len: 0,
            stride: 1,
        }
    }

    /// Number of elements.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Is the view empty?
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `len(view)` as a Python int.
    #[inline(always)]
    pub fn len_i64(&self) -> i64 {
        self.len as i64
    }

    /// `view[i]` with negative indices and an `IndexError` when out of range.
    ///
    /// # Safety
    /// The view's memory must be valid.
    #[inline(always)]
    pub unsafe fn get(&self, i: i64) -> KResult<T> {
        let k = index(i, self.len).map_err(|_| self.index_error(i))?;
        // SAFETY: k < len.
        Ok(unsafe { *self.ptr.offset(k as isize * self.stride) })
    }

    /// `view[i] = v`.
    ///
    /// # Safety
    /// The view's memory must be valid and writable.
    #[inline(always)]
    pub unsafe fn set(&self, i: i64, v: T) -> KResult<()> {
        let k = index(i, self.len).map_err(|_| self.index_error(i))?;
        // SAFETY: k < len.
        unsafe { *self.ptr.offset(k as isize * self.stride) = v };
        Ok(())
    }

    fn index_error(&self, i: i64) -> KernelError {
        KernelError::new(
            ErrorKind::Index,
            format!(
                "index {i} is out of bounds for axis 0 with size {}",
                self.len
            ),
        )
    }

    /// `view[start:stop:step]` with Python's slice rules (clamping, negative values).
    #[inline(always)]
    pub fn slice(&self, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> KResult<Self> {
        let (start, step, len) = slice_indices(self.len, start, stop, step)?;
        let ptr = if len > 0 {
            self.ptr.wrapping_offset(start as isize * self.stride)
        } else {
            self.ptr
        };
        Ok(View1 {
            ptr,
            len,
            stride: self.stride * step as isize,
        })
    }

    /// This view as an operand broadcast to length `n` (NumPy's broadcasting rules in 1-D).
    #[inline(always)]
    pub fn operand(&self, n: usize) -> KResult<Operand<T>> {
        if self.len == n {
            Ok(Operand {
                ptr: self.ptr,
                stride: self.stride,
            })
        } else if self.len == 1 {
            Ok(Operand {
                ptr: self.ptr,
                stride: 0,
            })
        } else {
            Err(value_error(format!(
                "could not broadcast input array from shape ({},) into shape ({n},)",
                self.len
            )))
        }
    }

    /// Would writing `self` element by element while reading `other` differ from NumPy,
    /// which evaluates the right-hand side first? True when the memory overlaps and the
    /// element mapping is not the identity.
    #[inline(always)]
    pub fn conflicts<U>(&self, other: &View1<U>) -> bool {
        if self.len == 0 || other.len == 0 {
            return false;
        }
        if std::ptr::eq(self.ptr as *const (), other.ptr as *const ())
            && self.stride * size_of::<T>() as isize == other.stride * size_of::<U>() as isize
            && self.len == other.len
            && size_of::<T>() == size_of::<U>()
        {
            return false;
        }
        let span = |ptr: usize, len: usize, stride: isize, size: usize| {
            byte_span(ptr, &[len], &[stride * size as isize], size)
        };
        let a = span(self.ptr as usize, self.len, self.stride, size_of::<T>());
        let b = span(other.ptr as usize, other.len, other.stride, size_of::<U>());
        matches!((a, b), (Some((a0, a1)), Some((b0, b1))) if a0 < b1 && b0 < a1)
    }

    /// Writes `f(k)` to every element `k`.
    ///
    /// # Safety
    /// The view's memory must be valid and writable.
    #[inline(always)]
    pub unsafe fn assign(&self, f: impl Fn(usize) -> T) {
        if self.stride == 1 {
            // SAFETY: contiguous and valid by the caller's contract.
            let s = unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) };
            for (k, d) in s.iter_mut().enumerate() {
                *d = f(k);
            }
        } else {
            for k in 0..self.len {
                // SAFETY: k < len.
                unsafe { *self.ptr.offset(k as isize * self.stride) = f(k) };
            }
        }
    }

    /// Like [`View1::assign`], but evaluates every `f(k)` before writing (for overlapping operands).
    ///
    /// # Safety
    /// The view's memory must be valid and writable.
    pub unsafe fn assign_buffered(&self, f: impl Fn(usize) -> T) {
        let tmp: Vec<T> = (0..self.len).map(f).collect();
        // SAFETY: as for `assign`.
        unsafe { self.assign(|k| tmp[k]) };
    }
}

/// The byte range `[lo, hi)` that `shape`/`strides` (strides in bytes) address from
/// `ptr`, for elements of `size` bytes (`None` when empty).
pub(crate) fn byte_span(
    ptr: usize,
    shape: &[usize],
    strides: &[isize],
    size: usize,
) -> Option<(usize, usize)> {
    if shape.contains(&0) {
        return None;
    }
    let (mut lo, mut hi) = (ptr, ptr);
    for (&n, &s) in shape.iter().zip(strides) {
        let reach = (n as isize - 1).wrapping_mul(s);
        if reach < 0 {
            lo = lo.wrapping_sub(reach.unsigned_abs());
        } else {
            hi = hi.wrapping_add(reach as usize);
        }
    }
    Some((lo, hi.wrapping_add(size)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_follows_python() {
        let mut data = [0.0f64, 1.0, 2.0, 3.0, 4.0];
        let v = unsafe { View1::from_raw(data.as_mut_ptr(), 5) }.unwrap();
        let r = v.slice(None, None, Some(-1)).unwrap();
        assert_eq!(r.len(), 5);
        assert_eq!(unsafe { r.get(0) }, Ok(4.0));
        let s = v.slice(Some(1), Some(-1), None).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(unsafe { s.get(-1) }, Ok(3.0));
        assert_eq!(v.slice(Some(10), None, None).unwrap().len(), 0);
        assert_eq!(v.slice(Some(-100), Some(2), None).unwrap().len(), 2);
        assert!(unsafe { v.get(5) }.is_err());
        assert!(v.slice(None, None, Some(0)).is_err());
        let odd = v.slice(Some(1), None, Some(2)).unwrap();
        assert_eq!(unsafe { odd.get(1) }, Ok(3.0));
    }

    #[test]
    fn overlap_detection() {
        let mut data = [0i64; 8];
        let v = unsafe { View1::from_raw(data.as_mut_ptr(), 8) }.unwrap();
        let a = v.slice(Some(1), None, None).unwrap();
        let b = v.slice(None, Some(-1), None).unwrap();
        assert!(a.conflicts(&b));
        assert!(!v.conflicts(&v));
        let lo = v.slice(None, Some(4), None).unwrap();
        let hi = v.slice(Some(4), None, None).unwrap();
        assert!(!lo.conflicts(&hi));
    }

    #[test]
    fn buffered_assign_matches_numpy() {
        let mut data = [1i64, 2, 3, 4];
        let v = unsafe { View1::from_raw(data.as_mut_ptr(), 4) }.unwrap();
        let dst = v.slice(Some(1), None, None).unwrap();
        let src = v.slice(None, Some(-1), None).unwrap();
        let op = src.operand(dst.len()).unwrap();
        assert!(dst.conflicts(&src));
        unsafe { dst.assign_buffered(|k| op.at(k)) };
        assert_eq!(data, [1, 1, 2, 3]);
    }
}
