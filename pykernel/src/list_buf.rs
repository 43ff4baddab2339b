//! The element buffer of a [`List`], taken once before a loop that cannot change any
//! list's length (the analysis pass decides which loops; `analysis/lists.rs` in
//! pykernel-build).
//!
//! Indexing a `List` reads the vector's address and length through the shared handle
//! each time, because a store through an element might, as far as the compiler knows,
//! have changed them. A `ListBuf` holds both in locals, so a loop's `counts[b] += 1` is
//! one compare and one store. Its methods are those of `List` with the same checks and
//! errors (negative indices from the end, CPython's `IndexError` messages).

use crate::error::KResult;
use crate::list::{List, from_end};

/// A list's element address and length, valid while the list's length does not change.
pub struct ListBuf<T> {
    ptr: *mut T,
    len: usize,
}

impl<T> Clone for ListBuf<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ListBuf<T> {}

impl<T: Clone> List<T> {
    /// The element buffer, for a loop in which no list changes its length.
    #[inline(always)]
    pub fn buf(&self) -> ListBuf<T> {
        let (ptr, len) = self.raw_parts();
        ListBuf { ptr, len }
    }
}

impl<T: Clone> ListBuf<T> {
    /// The index of `a[i]` (negative `i` from the end), or CPython's `IndexError`.
    #[inline(always)]
    fn slot(&self, i: i64, msg: &'static str) -> KResult<usize> {
        if (i as u64) < self.len as u64 {
            Ok(i as usize)
        } else {
            from_end(self.len, i, msg)
        }
    }

    /// `a[i]`.
    #[inline(always)]
    pub fn get(&self, i: i64) -> KResult<T> {
        let k = self.slot(i, "list index out of range")?;
        // SAFETY: `k < len`, and the list kept its length since `buf` (the loop's
        // contract).
        Ok(unsafe { (*self.ptr.add(k)).clone() })
    }

    /// The address of `a[i]`, for `a[i] op= v`.
    ///
    /// # Safety
    /// The list kept its length since [`List::buf`].
    #[inline(always)]
    pub unsafe fn elem_ptr(&self, i: i64) -> KResult<*mut T> {
        let k = self.slot(i, "list index out of range")?;
        // SAFETY: `k < len`.
        Ok(unsafe { self.ptr.add(k) })
    }

    /// `a[i]` without a bounds check.
    ///
    /// # Safety
    /// `0 <= i < len`, and the list kept its length since [`List::buf`].
    #[inline(always)]
    pub unsafe fn get_unchecked(&self, i: i64) -> T {
        // SAFETY: the caller's contract.
        unsafe { (*self.ptr.add(i as usize)).clone() }
    }

    /// `a[i] = x`.
    #[inline(always)]
    pub fn set(&self, i: i64, x: T) -> KResult<()> {
        let k = self.slot(i, "list assignment index out of range")?;
        // SAFETY: `k < len`, and the list kept its length since `buf`.
        unsafe { *self.ptr.add(k) = x };
        Ok(())
    }

    /// `a[i] = x` without a bounds check.
    ///
    /// # Safety
    /// As [`Self::get_unchecked`].
    #[inline(always)]
    pub unsafe fn set_unchecked(&self, i: i64, x: T) {
        // SAFETY: the caller's contract.
        unsafe { *self.ptr.add(i as usize) = x };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_go_to_the_list_with_lists_errors() {
        let l = List::from_vec(vec![1i64, 2, 3]);
        let b = l.buf();
        assert_eq!(b.get(-1).unwrap(), 3);
        b.set(0, 10).unwrap();
        unsafe { *b.elem_ptr(-3).unwrap() += 5 };
        assert_eq!(l.get(0).unwrap(), 15);
        assert_eq!(
            b.get(3).unwrap_err().to_string(),
            l.get(3).unwrap_err().to_string()
        );
        assert_eq!(
            b.set(-4, 0).unwrap_err().to_string(),
            l.set(-4, 0).unwrap_err().to_string()
        );
    }
}
