//! Python lists in compiled kernels: shared, growable, with Python's reference semantics.
//!
//! `b = a` makes `b` the same list as `a` (an append through one is seen through the
//! other), as in CPython. A [`List`] is a reference-counted handle to one `Vec`.
//!
//! Every access is a short borrow that ends before the method returns (elements are
//! returned by value, cloned), so no reference into the `Vec` ever outlives a call: that
//! is what makes the interior mutability below sound in single-threaded kernel code.

use std::cell::UnsafeCell;
use std::rc::Rc;

use crate::error::{ErrorKind, KResult, KernelError, value_error};
use crate::ops::slice_indices;

/// A Python list of `T` (`int list`, `float list`, lists of tuples, lists of lists).
pub struct List<T>(Rc<UnsafeCell<Vec<T>>>);

impl<T> Clone for List<T> {
    /// Another reference to the same list (Python assignment), not a copy.
    fn clone(&self) -> Self {
        List(Rc::clone(&self.0))
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with(|v| f.debug_list().entries(v.iter()).finish())
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::from_vec(Vec::new())
    }
}

#[cold]
#[inline(never)]
fn index_error(msg: &'static str) -> KernelError {
    KernelError::new(ErrorKind::Index, msg)
}

/// A negative index counted from the end of a list of `len`, or `IndexError(msg)` (see
/// [`crate::ops::negative_index`]).
#[inline(always)]
pub(crate) fn from_end(len: usize, i: i64, msg: &'static str) -> KResult<usize> {
    crate::ops::negative_index(i, len).ok_or_else(|| index_error(msg))
}

impl<T> List<T> {
    /// A new list holding `v`.
    #[inline]
    pub fn from_vec(v: Vec<T>) -> Self {
        List(Rc::new(UnsafeCell::new(v)))
    }

    /// An empty list.
    #[inline]
    pub fn new() -> Self {
        Self::from_vec(Vec::new())
    }

    /// Runs `f` on the elements. `f` must not touch any list (it only reads `v`).
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&Vec<T>) -> R) -> R {
        // SAFETY: the borrow lives only during `f`, which the callers in this module keep
        // free of list accesses; kernels are single-threaded (`List` is not `Send`).
        f(unsafe { &*self.0.get() })
    }

    /// Runs `f` on the elements, mutably, under the same rule as [`Self::with`].
    #[inline(always)]
    fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<T>) -> R) -> R {
        // SAFETY: as in `with`; no other borrow of this Vec is alive during `f`.
        f(unsafe { &mut *self.0.get() })
    }

    /// The elements' address and the length (for [`crate::list_buf::ListBuf`]).
    #[inline(always)]
    pub(crate) fn raw_parts(&self) -> (*mut T, usize) {
        self.with_mut(|v| (v.as_mut_ptr(), v.len()))
    }

    /// `len(a)` as a `usize`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.with(Vec::len)
    }

    /// `not a`.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `len(a)`.
    #[inline(always)]
    pub fn len_i64(&self) -> i64 {
        self.len() as i64
    }

    /// Is this the very same list as `other` (`a is b`)?
    #[inline]
    pub fn same(&self, other: &List<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `a.append(v)`.
    #[inline]
    pub fn push(&self, v: T) {
        self.with_mut(|vec| vec.push(v));
    }

    /// `a.reverse()`.
    pub fn reverse(&self) {
        self.with_mut(|v| v.reverse());
    }

    /// `a.clear()`.
    pub fn clear(&self) {
        // Dropping the elements may drop other lists, never this one (we hold it).
        let old = self.with_mut(std::mem::take);
        drop(old);
    }

    /// `a.insert(i, v)`: Python clamps the position to the list.
    pub fn insert(&self, i: i64, v: T) {
        self.with_mut(|vec| {
            let n = vec.len() as i64;
            let k = if i < 0 {
                (i.saturating_add(n)).max(0)
            } else {
                i.min(n)
            };
            vec.insert(k as usize, v);
        });
    }

    /// `a.pop()` / `a.pop(i)`.
    pub fn pop(&self, i: Option<i64>) -> KResult<T> {
        self.with_mut(|vec| {
            if vec.is_empty() {
                return Err(index_error("pop from empty list"));
            }
            let n = vec.len() as i64;
            let i = i.unwrap_or(-1);
            let k = if i < 0 { i.saturating_add(n) } else { i };
            if k < 0 || k >= n {
                return Err(index_error("pop index out of range"));
            }
            Ok(vec.remove(k as usize))
        })
    }
}

impl<T: Clone> List<T> {
    /// `[a, b, c] * n` (a non-positive `n` gives an empty list).
    pub fn repeat_vec(items: Vec<T>, n: i64) -> Self {
        if n <= 0 || items.is_empty() {
            return Self::new();
        }
        let n = n as usize;
        if items.len() == 1 {
            let x = items.into_iter().next();
            return Self::from_vec(x.map(|x| vec![x; n]).unwrap_or_default());
        }
        let mut out = Vec::with_capacity(items.len().saturating_mul(n));
        for _ in 0..n {
            out.extend(items.iter().cloned());
        }
        Self::from_vec(out)
    }

    /// A copy of the elements.
    pub fn to_vec(&self) -> Vec<T> {
        self.with(|v| v.clone())
    }

    /// `a.copy()`, `a[:]`, `list(a)`: a new list with the same elements.
    pub fn copy(&self) -> Self {
        Self::from_vec(self.to_vec())
    }

    /// `a[i]`.
    #[inline(always)]
    pub fn get(&self, i: i64) -> KResult<T> {
        self.with(|v| match v.get(i as usize) {
            // A negative `i` is huge as a usize: it takes the out-of-line path.
            Some(x) => Ok(x.clone()),
            None => from_end(v.len(), i, "list index out of range").map(|k| v[k].clone()),
        })
    }

    /// The address of `a[i]` (negative `i` from the end), for `a[i] op= v`: one index
    /// check for the read and the write.
    ///
    /// # Safety
    /// The pointer is valid until the list's length changes; the caller writes through it
    /// before anything else touches the list.
    #[inline(always)]
    pub unsafe fn elem_ptr(&self, i: i64) -> KResult<*mut T> {
        self.with_mut(|v| {
            let k = if (i as u64) < v.len() as u64 {
                i as usize
            } else {
                from_end(v.len(), i, "list index out of range")?
            };
            // SAFETY: `k < len`.
            Ok(unsafe { v.as_mut_ptr().add(k) })
        })
    }

    /// `a[i]` without a bounds check (loops whose index range was checked once).
    ///
    /// # Safety
    /// `0 <= i < len`, and nothing changes the list's length meanwhile.
    #[inline(always)]
    pub unsafe fn get_unchecked(&self, i: i64) -> T {
        // SAFETY: the caller's contract.
        self.with(|v| unsafe { v.get_unchecked(i as usize) }.clone())
    }

    /// `a[i] = x` without a bounds check.
    ///
    /// # Safety
    /// As [`Self::get_unchecked`].
    #[inline(always)]
    pub unsafe fn set_unchecked(&self, i: i64, x: T) {
        // SAFETY: the caller's contract.
        let old =
            self.with_mut(|v| std::mem::replace(unsafe { v.get_unchecked_mut(i as usize) }, x));
        drop(old);
    }

    /// Element `k` if the list still has it (iteration re-checks the length each step,
    /// as CPython's list iterator does).
    #[inline(always)]
    pub fn item(&self, k: usize) -> Option<T> {
        self.with(|v| v.get(k).cloned())
    }

    /// `a[i] = x`.
    #[inline(always)]
    pub fn set(&self, i: i64, x: T) -> KResult<()> {
        let old = self.with_mut(|v| {
            let k = if (i as u64) < v.len() as u64 {
                i as usize
            } else {
                from_end(v.len(), i, "list assignment index out of range")?
            };
            Ok(std::mem::replace(&mut v[k], x))
        })?;
        // The old element is dropped after the borrow (it may be a list).
        drop(old);
        Ok(())
    }

    /// `a.extend(b)` and `a += b` (in place; `a.extend(a)` doubles `a`).
    pub fn extend(&self, other: &List<T>) {
        let items = other.to_vec();
        self.with_mut(|v| v.extend(items));
    }

    /// `a *= n` (in place).
    pub fn repeat_in_place(&self, n: i64) {
        let items = self.to_vec();
        let new = Self::repeat_vec(items, n).to_vec();
        let old = self.with_mut(|v| std::mem::replace(v, new));
        drop(old);
    }

    /// `a + b`: a new list.
    pub fn concat(&self, other: &List<T>) -> Self {
        let mut v = self.to_vec();
        v.extend(other.to_vec());
        Self::from_vec(v)
    }

    /// `a * n`: a new list.
    pub fn repeat(&self, n: i64) -> Self {
        Self::repeat_vec(self.to_vec(), n)
    }

    /// `a[start:stop:step]`: a new list.
    pub fn slice(&self, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> KResult<Self> {
        let (first, step, count) = slice_indices(self.len(), start, stop, step)?;
        let out = self.with(|v| {
            (0..count)
                .map(|k| v[(first + k as i64 * step) as usize].clone())
                .collect()
        });
        Ok(Self::from_vec(out))
    }

    /// `a[start:stop:step] = b`: a plain slice may change the length; an extended slice
    /// (step other than 1) needs as many elements as it selects.
    pub fn set_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        other: &List<T>,
    ) -> KResult<()> {
        let items = other.to_vec();
        let (first, step_v, count) = slice_indices(self.len(), start, stop, step)?;
        if step.unwrap_or(1) == 1 {
            let first = first as usize;
            let old: Vec<T> = self.with_mut(|v| v.splice(first..first + count, items).collect());
            drop(old);
            return Ok(());
        }
        if items.len() != count {
            return Err(value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                items.len()
            )));
        }
        let old: Vec<T> = self.with_mut(|v| {
            items
                .into_iter()
                .enumerate()
                .map(|(k, x)| std::mem::replace(&mut v[(first + k as i64 * step_v) as usize], x))
                .collect()
        });
        drop(old);
        Ok(())
    }
}

impl<T> List<T> {
    /// `x in a`, with `eq(element)` telling whether an element equals `x` (Python
    /// compares across types: `2.0 in [1, 2]`). `eq` must only read.
    #[inline]
    pub fn contains_by(&self, eq: impl Fn(&T) -> bool) -> bool {
        self.with(|v| v.iter().any(eq))
    }

    /// `a.count(x)`, with `eq` as in [`Self::contains_by`].
    pub fn count_by(&self, eq: impl Fn(&T) -> bool) -> i64 {
        self.with(|v| v.iter().filter(|y| eq(y)).count() as i64)
    }

    /// `a.index(x)`, with `eq` as in [`Self::contains_by`].
    pub fn index_by(&self, eq: impl Fn(&T) -> bool) -> KResult<i64> {
        self.with(|v| v.iter().position(eq))
            .map(|k| k as i64)
            .ok_or_else(|| value_error("list.index(x): x not in list"))
    }
}

impl<T: Clone + PartialEq> List<T> {
    /// `x in a`.
    pub fn contains(&self, x: &T) -> bool {
        self.with(|v| v.iter().any(|y| y == x))
    }

    /// `a.count(x)`.
    pub fn count(&self, x: &T) -> i64 {
        self.with(|v| v.iter().filter(|y| *y == x).count() as i64)
    }

    /// `a.index(x)`.
    pub fn index_of(&self, x: &T) -> KResult<i64> {
        self.with(|v| v.iter().position(|y| y == x))
            .map(|k| k as i64)
            .ok_or_else(|| value_error("list.index(x): x not in list"))
    }

    /// `a == b`: same length and equal elements.
    pub fn equals(&self, other: &List<T>) -> bool {
        self.same(other) || self.to_vec() == other.to_vec()
    }
}

impl<T: Clone + PartialOrd> List<T> {
    /// `a.sort()` / `a.sort(reverse=True)`: stable, like CPython's (equal elements keep
    /// their order, also with `reverse=True`). NaNs compare as equal to everything here;
    /// CPython's result with NaNs depends on its merge order.
    pub fn sort(&self, reverse: bool) {
        self.with_mut(|v| {
            if reverse {
                v.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
            } else {
                v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            }
        });
    }

    /// `sorted(a)` / `sorted(a, reverse=True)`: a new sorted list.
    pub fn sorted(&self, reverse: bool) -> Self {
        let out = self.copy();
        out.sort(reverse);
        out
    }
}

/// Lists of lists: rows borrowed (no reference count up and down per access).
impl<T> List<List<T>> {
    /// `a[i]`, borrowed. The generated code takes it only inside one expression whose
    /// remaining evaluation cannot change any list (indices and values that call no
    /// kernel function and no mutating method), so the row outlives the borrow.
    #[inline(always)]
    pub fn row(&self, i: i64) -> KResult<&List<T>> {
        // SAFETY: see above; kernels are single-threaded (`List` is not `Send`).
        let rows = unsafe { &*self.0.get() };
        match rows.get(i as usize) {
            Some(r) => Ok(r),
            None => Ok(&rows[from_end(rows.len(), i, "list index out of range")?]),
        }
    }

    /// `a[i]`, borrowed, without a bounds check.
    ///
    /// # Safety
    /// `0 <= i < len(a)`, and the rule of [`Self::row`].
    #[inline(always)]
    pub unsafe fn row_unchecked(&self, i: i64) -> &List<T> {
        // SAFETY: the caller's contract.
        unsafe { (&*self.0.get()).get_unchecked(i as usize) }
    }
}

/// Rows of a list of lists read and written in place: `a[i][j]` without taking a
/// reference to the row (a reference count up and down per access otherwise).
impl<T: Clone> List<List<T>> {
    /// `a[i][j]`.
    #[inline(always)]
    pub fn get2(&self, i: i64, j: i64) -> KResult<T> {
        self.row(i)?.get(j)
    }

    /// `a[i][j]` without bounds checks.
    ///
    /// # Safety
    /// `0 <= i < len(a)`, `0 <= j < len(a[i])`, and no length changes meanwhile.
    #[inline(always)]
    pub unsafe fn get2_unchecked(&self, i: i64, j: i64) -> T {
        // SAFETY: the caller's contract.
        self.with(|rows| unsafe { rows.get_unchecked(i as usize).get_unchecked(j) })
    }

    /// `a[i][j] = x`.
    #[inline(always)]
    pub fn set2(&self, i: i64, j: i64, x: T) -> KResult<()> {
        self.row(i)?.set(j, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_semantics() {
        let a = List::from_vec(vec![1i64, 2]);
        let b = a.clone();
        b.push(3);
        assert_eq!(a.len(), 3);
        let c = a.copy();
        c.push(4);
        assert_eq!(a.len(), 3);
        a.extend(&a.clone());
        assert_eq!(a.to_vec(), vec![1, 2, 3, 1, 2, 3]);
    }

    #[test]
    fn indexing_and_errors() {
        let a = List::from_vec(vec![10i64, 20, 30]);
        assert_eq!(a.get(-1), Ok(30));
        assert_eq!(a.get(3).unwrap_err().kind(), ErrorKind::Index);
        assert!(a.set(-4, 0).is_err());
        a.set(-3, 5).unwrap();
        assert_eq!(a.pop(None), Ok(30));
        assert_eq!(a.pop(Some(0)), Ok(5));
        assert_eq!(
            a.pop(Some(5)).unwrap_err().message(),
            "pop index out of range"
        );
        a.pop(None).unwrap();
        assert_eq!(a.pop(None).unwrap_err().message(), "pop from empty list");
        a.insert(-100, 1);
        a.insert(100, 3);
        a.insert(1, 2);
        assert_eq!(a.to_vec(), vec![1, 2, 3]);
    }

    #[test]
    fn slices() {
        let a = List::from_vec((0..10i64).collect());
        assert_eq!(a.slice(None, None, Some(-1)).unwrap().to_vec()[0], 9);
        assert_eq!(
            a.slice(Some(1), Some(-1), Some(3)).unwrap().to_vec(),
            vec![1, 4, 7]
        );
        assert_eq!(a.slice(Some(20), None, None).unwrap().len(), 0);
        a.set_slice(Some(1), Some(9), None, &List::from_vec(vec![-1]))
            .unwrap();
        assert_eq!(a.to_vec(), vec![0, -1, 9]);
        assert!(a.set_slice(None, None, Some(2), &List::new()).is_err());
        a.set_slice(None, None, Some(-2), &List::from_vec(vec![7, 8]))
            .unwrap();
        assert_eq!(a.to_vec(), vec![8, -1, 7]);
    }

    #[test]
    fn repeat_sort_search() {
        assert_eq!(
            List::repeat_vec(vec![1i64, 2], 2).to_vec(),
            vec![1, 2, 1, 2]
        );
        assert!(List::repeat_vec(vec![1i64], -3).is_empty());
        let a = List::from_vec(vec![3.0f64, -0.0, 1.0, 0.0]);
        let s = a.sorted(false).to_vec();
        assert_eq!(
            s[0].to_bits(),
            (-0.0f64).to_bits(),
            "stable: -0.0 stays first"
        );
        assert_eq!(a.sorted(true).to_vec()[0], 3.0);
        assert!(a.contains(&1.0));
        assert_eq!(a.count(&0.0), 2);
        assert_eq!(a.index_of(&1.0), Ok(2));
        assert!(a.index_of(&5.0).is_err());
    }
}
