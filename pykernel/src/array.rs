//! N-dimensional arrays in compiled kernels: NumPy arrays passed in (views of the caller's
//! memory: writes are seen by the caller) and arrays the kernel creates (`np.zeros`, ...).
//!
//! An [`Array`] is a strided view: a pointer, a shape and strides (in elements), plus,
//! for arrays the kernel allocated, a reference-counted owner of the memory. Cloning is
//! cheap and shares the memory, as NumPy views do.

use std::cell::UnsafeCell;
use std::rc::Rc;

use crate::error::{ErrorKind, KResult, KernelError, value_error};

/// The memory of an array the kernel created (none for views of the caller's memory).
pub type ArrayOwner<T> = Option<Rc<UnsafeCell<crate::pool::Buf<T>>>>;

/// A `D`-dimensional strided view: pointer, extents, strides (in elements). `Copy`, with
/// no destructor, so that generated loops keep it in registers.
pub struct ArrayView<T, const D: usize> {
    ptr: *mut T,
    shape: [usize; D],
    strides: [isize; D],
    /// `k + 1` for export argument `k`, with [`PART`] set for a view of part of it (a
    /// slice, row or transpose), 0 otherwise: lets a returned argument come back as that
    /// very object, and a returned slice of one as a NumPy view of it.
    origin: u32,
}

/// The flag of [`ArrayView::origin`] that marks a view of part of an argument.
const PART: u32 = 1 << 31;

/// The flag of [`ArrayView::origin`] that marks a read-only view (NumPy's diagonals):
/// returned to Python, it is a NumPy view without the `WRITEABLE` flag. Views taken from
/// it keep the flag, as NumPy's views of a read-only array are read-only.
const READONLY: u32 = 1 << 30;

/// The origin of a view taken from a view with origin `o`.
#[inline(always)]
fn part_of(o: u32) -> u32 {
    if o & !READONLY == 0 { o } else { o | PART }
}

impl<T, const D: usize> Clone for ArrayView<T, D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, const D: usize> Copy for ArrayView<T, D> {}

/// A `D`-dimensional array of `T`: a view plus, for arrays the kernel created, the owner
/// of the memory. It dereferences to its [`ArrayView`].
pub struct Array<T, const D: usize> {
    view: ArrayView<T, D>,
    owner: ArrayOwner<T>,
}

impl<T, const D: usize> std::ops::Deref for Array<T, D> {
    type Target = ArrayView<T, D>;
    fn deref(&self) -> &ArrayView<T, D> {
        &self.view
    }
}

impl<T, const D: usize> Clone for Array<T, D> {
    /// Another view of the same memory (Python assignment), not a copy.
    fn clone(&self) -> Self {
        Array {
            view: self.view,
            owner: self.owner.clone(),
        }
    }
}

impl<T, const D: usize> std::fmt::Debug for Array<T, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Array")
            .field("shape", &self.view.shape)
            .field("strides", &self.view.strides)
            .field("owned", &self.owner.is_some())
            .finish()
    }
}

impl<T: Copy, const D: usize> Array<T, D> {
    /// This array, marked as export argument `k` (see [`ArrayView::origin`]).
    pub fn with_origin(self, k: usize) -> Self {
        Array {
            view: self.view.with_origin(k),
            owner: self.owner,
        }
    }

    /// `a.T` (a view sharing the owner).
    #[inline(always)]
    pub fn t(&self) -> Self {
        Array::join(self.view.t(), &self.owner)
    }

    /// A slice along one axis (a view sharing the owner); see [`ArrayView::slice_axis`].
    #[inline(always)]
    pub fn slice_axis(
        &self,
        axis: usize,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> KResult<Self> {
        Ok(Array::join(
            self.view.slice_axis(axis, start, stop, step)?,
            &self.owner,
        ))
    }
}

impl<T, const D: usize> Array<T, D> {
    /// The owner of the memory, for arrays the kernel created (`None` for views of
    /// memory the caller owns).
    #[cfg(feature = "pyo3")]
    pub(crate) fn owner(&self) -> &ArrayOwner<T> {
        &self.owner
    }

    /// The owner of the memory (`None` for views of memory the caller owns).
    #[inline(always)]
    pub(crate) fn owner_ref(&self) -> &ArrayOwner<T> {
        &self.owner
    }

    /// The view and the owner, apart (generated code keeps array variables this way).
    #[inline(always)]
    pub fn split(self) -> (ArrayView<T, D>, ArrayOwner<T>) {
        (self.view, self.owner)
    }

    /// An array from a view and (a share of) the owner of its memory.
    #[inline(always)]
    pub fn join(view: ArrayView<T, D>, owner: &ArrayOwner<T>) -> Self {
        Array {
            view,
            owner: owner.clone(),
        }
    }
}

/// An index that is not in `0..n`: Python's negative index from the end, or the
/// `IndexError`. Inline, with only the error out of line: a call that returns into a
/// loop would make LLVM keep the loop's float values in memory (calls clobber every
/// vector register).
#[inline(always)]
fn index_from_end(i: i64, axis: usize, n: usize) -> KResult<i64> {
    match crate::ops::negative_index(i, n) {
        Some(j) => Ok(j as i64),
        None => Err(out_of_bounds(i, axis, n)),
    }
}

#[cold]
#[inline(never)]
fn out_of_bounds(i: i64, axis: usize, n: usize) -> KernelError {
    KernelError::new(
        ErrorKind::Index,
        format!("index {i} is out of bounds for axis {axis} with size {n}"),
    )
}

/// Is a view of `shape` with `strides` (in elements) contiguous in C order? As NumPy's
/// flag: axes of extent 1 do not count, and an empty array is contiguous.
fn is_c_contiguous<const D: usize>(shape: [usize; D], strides: [isize; D]) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut want = 1isize;
    for k in (0..D).rev() {
        if shape[k] != 1 {
            if strides[k] != want {
                return false;
            }
            want = want.wrapping_mul(shape[k] as isize);
        }
    }
    true
}

/// The strides (in elements) NumPy's `order='K'` gives a new array of `shape` made like a
/// prototype with strides `proto`: C order for C-contiguous (and 0-/1-D) prototypes,
/// Fortran order for Fortran-contiguous ones, and otherwise the prototype's axes ordered
/// by decreasing absolute stride, ties in axis order (`PyArray_CreateSortedStridePerm`).
pub(crate) fn keep_order_strides<const D: usize>(
    shape: [usize; D],
    proto: [isize; D],
) -> [isize; D] {
    if D <= 1 || is_c_contiguous(shape, proto) {
        return c_strides(shape);
    }
    if is_c_contiguous(reversed(shape), reversed(proto)) {
        let mut s = c_strides(reversed(shape));
        s.reverse();
        return s;
    }
    let mut perm: [usize; D] = std::array::from_fn(|k| k);
    // Stable: equal strides keep their axis order.
    perm.sort_by_key(|&k| std::cmp::Reverse(proto[k].unsigned_abs()));
    let mut strides = [0isize; D];
    let mut acc = 1isize;
    for &k in perm.iter().rev() {
        strides[k] = acc;
        acc = acc.wrapping_mul(shape[k] as isize);
    }
    strides
}

fn reversed<T: Copy, const D: usize>(mut shape: [T; D]) -> [T; D] {
    shape.reverse();
    shape
}

/// C-order (row-major) strides of `shape`, in elements.
fn c_strides<const D: usize>(shape: [usize; D]) -> [isize; D] {
    let mut strides = [0isize; D];
    let mut acc = 1isize;
    for k in (0..D).rev() {
        strides[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    }
    strides
}

impl<T: Copy, const D: usize> Array<T, D> {
    /// A view of memory the caller owns.
    ///
    /// # Safety
    /// `ptr` with `shape` and `strides` (in elements) must address valid `T`s for as long
    /// as the view (and its clones) are used.
    pub unsafe fn from_raw(ptr: *mut T, shape: [usize; D], strides: [isize; D]) -> Self {
        Array {
            view: ArrayView {
                ptr,
                shape,
                strides,
                origin: 0,
            },
            owner: None,
        }
    }

    /// The block of `shape` elements at `ptr`, in C order (Fortran order when
    /// `fortran`): a capsule argument declared with fixed extents (`float64[3]`).
    /// `ValueError` for a NULL pointer to a non-empty block.
    ///
    /// # Safety
    /// `ptr` must be valid for the whole block for as long as the view is used.
    pub unsafe fn from_c_block(ptr: *mut T, shape: [usize; D], fortran: bool) -> KResult<Self> {
        if ptr.is_null() && !shape.contains(&0) {
            return Err(value_error("NULL pointer access"));
        }
        let strides = if fortran {
            let mut s = c_strides(reversed(shape));
            s.reverse();
            s
        } else {
            c_strides(shape)
        };
        // SAFETY: the caller's contract.
        Ok(unsafe { Self::from_raw(ptr, shape, strides) })
    }

    /// A new C-ordered array holding `data` (`data.len()` must be the product of `shape`).
    pub fn from_vec(data: Vec<T>, shape: [usize; D]) -> KResult<Self> {
        let n: usize = shape.iter().product();
        if data.len() != n {
            return Err(value_error(format!(
                "cannot reshape array of size {} into shape {shape:?}",
                data.len()
            )));
        }
        let owner = Rc::new(UnsafeCell::new(crate::pool::Buf::new(data)));
        // SAFETY: the Vec is never resized; its buffer lives as long as `owner`.
        let ptr = unsafe { (*owner.get()).as_mut_ptr() };
        Ok(Array {
            view: ArrayView {
                ptr,
                shape,
                strides: c_strides(shape),
                origin: 0,
            },
            owner: Some(owner),
        })
    }

    /// `np.full(shape, value)` (also `zeros`, `ones`, `empty`): negative extents raise
    /// `ValueError` as NumPy does.
    pub fn full(shape: [i64; D], value: T) -> KResult<Self> {
        let mut s = [0usize; D];
        for (k, &n) in shape.iter().enumerate() {
            if n < 0 {
                return Err(value_error("negative dimensions are not allowed"));
            }
            s[k] = n as usize;
        }
        let n = s
            .iter()
            .try_fold(1usize, |acc, &x| acc.checked_mul(x))
            .ok_or_else(|| value_error("array is too big"))?;
        Self::from_vec(filled(n, value), s)
    }

    /// `np.full_like(proto, value)` (also `zeros_like`, `ones_like`, `empty_like`): the
    /// prototype's shape, and its memory order as NumPy's default `order='K'` keeps it (a
    /// Fortran-ordered prototype gives a Fortran-ordered array).
    pub fn full_like<U: Copy>(proto: &ArrayView<U, D>, value: T) -> KResult<Self> {
        let shape = proto.shape();
        let strides = keep_order_strides(shape, proto.strides());
        let n = shape
            .iter()
            .try_fold(1usize, |acc, &x| acc.checked_mul(x))
            .ok_or_else(|| value_error("array is too big"))?;
        let mut a = Self::from_vec(vec![value; n], shape)?;
        a.view.strides = strides;
        Ok(a)
    }

    /// An array of the elements `data` with `shape` and `strides` (in elements, a
    /// permutation of a contiguous layout of `data`).
    pub(crate) fn from_vec_with_strides(
        data: Vec<T>,
        shape: [usize; D],
        strides: [isize; D],
    ) -> Self {
        let owner = Rc::new(UnsafeCell::new(crate::pool::Buf::new(data)));
        // SAFETY: the Vec is never resized; its buffer lives as long as `owner`.
        let ptr = unsafe { (*owner.get()).as_mut_ptr() };
        Array {
            view: ArrayView {
                ptr,
                shape,
                strides,
                origin: 0,
            },
            owner: Some(owner),
        }
    }

    /// An empty array (the initial value of array variables).
    pub fn empty() -> Self {
        Array {
            view: ArrayView::empty(),
            owner: None,
        }
    }

    /// The owned buffer, if this array is the whole of one the kernel created, in C order,
    /// and nothing else refers to it (so it can become a NumPy array without a copy).
    pub fn into_owned_vec(self) -> Result<Vec<T>, Self> {
        let whole = self.view.strides == c_strides(self.view.shape) && !self.view.is_readonly();
        match self.owner {
            Some(owner) if whole => {
                // SAFETY: a shared look at the Vec header; nothing mutates it meanwhile.
                let buf = unsafe { &*owner.get() };
                // The first elements of a longer buffer (`out[:k]`) are not the whole.
                let n: usize = self.view.shape.iter().product();
                if !std::ptr::eq(buf.as_ptr(), self.view.ptr) || buf.len() != n {
                    return Err(Array {
                        view: self.view,
                        owner: Some(owner),
                    });
                }
                match Rc::try_unwrap(owner) {
                    Ok(cell) => Ok(cell.into_inner().into_vec()),
                    Err(owner) => Err(Array {
                        view: self.view,
                        owner: Some(owner),
                    }),
                }
            }
            owner => Err(Array {
                view: self.view,
                owner,
            }),
        }
    }
}

impl<T: Copy, const D: usize> ArrayView<T, D> {
    /// A view of (part of) the same memory with another shape and strides: it keeps
    /// this view's origin as a part of it (a returned reshape of an argument is a NumPy
    /// view of that argument).
    ///
    /// # Safety
    /// `ptr` with `shape` and `strides` (in elements) must address valid `T`s for as
    /// long as the view is used.
    #[inline(always)]
    pub(crate) unsafe fn derived<const R: usize>(
        &self,
        ptr: *mut T,
        shape: [usize; R],
        strides: [isize; R],
    ) -> ArrayView<T, R> {
        ArrayView {
            ptr,
            shape,
            strides,
            origin: part_of(self.origin),
        }
    }

    /// An empty view (the initial value of array variables).
    pub fn empty() -> Self {
        ArrayView {
            ptr: std::ptr::NonNull::dangling().as_ptr(),
            shape: [0; D],
            strides: [1; D],
            origin: 0,
        }
    }

    /// The extents.
    #[inline(always)]
    pub fn shape(&self) -> [usize; D] {
        self.shape
    }

    /// The strides, in elements.
    #[inline(always)]
    pub fn strides(&self) -> [isize; D] {
        self.strides
    }

    /// The export argument this is a view of, whole or in part (`Some(k)`), if any.
    #[inline(always)]
    pub fn origin(&self) -> Option<usize> {
        ((self.origin & !(PART | READONLY)) as usize).checked_sub(1)
    }

    /// Is this export argument [`Self::origin`] itself (not a slice, row or transpose)?
    #[inline(always)]
    pub fn is_whole_origin(&self) -> bool {
        self.origin & !READONLY != 0 && self.origin & PART == 0
    }

    /// This view, marked as export argument `k`.
    #[inline(always)]
    pub fn with_origin(mut self, k: usize) -> Self {
        self.origin = u32::try_from(k + 1)
            .ok()
            .filter(|o| o & (PART | READONLY) == 0)
            .unwrap_or(0);
        self
    }

    /// Is this view read-only (a diagonal, as NumPy's `np.diagonal` gives)?
    #[inline(always)]
    pub fn is_readonly(&self) -> bool {
        self.origin & READONLY != 0
    }

    /// This view, marked read-only (see [`Self::is_readonly`]).
    #[inline(always)]
    pub(crate) fn readonly(mut self) -> Self {
        self.origin |= READONLY;
        self
    }

    /// The address of element `[0, 0, ...]`.
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut T {
        self.ptr
    }

    /// `a.shape[k]`.
    #[inline(always)]
    pub fn dim(&self, k: usize) -> i64 {
        self.shape[k] as i64
    }

    /// `len(a)`: the first extent.
    #[inline(always)]
    pub fn len_i64(&self) -> i64 {
        self.shape.first().map_or(0, |&n| n as i64)
    }

    /// `a.size`.
    #[inline(always)]
    pub fn size(&self) -> i64 {
        self.shape.iter().product::<usize>() as i64
    }

    /// The offset (in elements) of `a[idx]`, with negative indices counted from the end
    /// and `IndexError` out of bounds.
    #[inline(always)]
    fn offset(&self, idx: [i64; D]) -> KResult<isize> {
        let mut off = 0isize;
        for (k, &i) in idx.iter().enumerate() {
            let n = self.shape[k];
            let j = if (i as u64) < n as u64 {
                i
            } else {
                index_from_end(i, k, n)?
            };
            off += j as isize * self.strides[k];
        }
        Ok(off)
    }

    /// The address of `a[i, j, ...]`, with negative indices counted from the end and
    /// `IndexError` out of bounds (`a[i] += v` checks its index once).
    #[inline(always)]
    pub fn elem_ptr(&self, idx: [i64; D]) -> KResult<*mut T> {
        let off = self.offset(idx)?;
        // SAFETY: in bounds of the view's memory.
        Ok(unsafe { self.ptr.offset(off) })
    }

    /// `a[i, j, ...]` with every index given.
    #[inline(always)]
    pub fn get(&self, idx: [i64; D]) -> KResult<T> {
        let off = self.offset(idx)?;
        // SAFETY: in bounds; the memory is valid (`from_raw`'s contract or owned).
        Ok(unsafe { *self.ptr.offset(off) })
    }

    /// `a[i, j, ...]` without bounds checks (loops whose index range was checked once
    /// before the loop).
    ///
    /// # Safety
    /// Every index must be within `0..shape[axis]`.
    #[inline(always)]
    pub unsafe fn get_unchecked(&self, idx: [i64; D]) -> T {
        let mut off = 0isize;
        for (k, &i) in idx.iter().enumerate() {
            off += i as isize * self.strides[k];
        }
        // SAFETY: the caller checked the indices.
        unsafe { *self.ptr.offset(off) }
    }

    /// Is the innermost axis contiguous (stride 1, or at most one element)? Loops test
    /// it once to run a copy that uses [`Self::get_unit`] and [`Self::set_unit`].
    #[inline(always)]
    pub fn unit_inner(&self) -> bool {
        D == 0 || self.strides[D - 1] == 1 || self.shape[D - 1] <= 1
    }

    /// [`Self::get_unchecked`] with the innermost stride the constant 1, which lets LLVM
    /// see neighbouring elements (vectorization, values forwarded between iterations).
    ///
    /// # Safety
    /// As [`Self::get_unchecked`], and [`Self::unit_inner`] holds.
    #[inline(always)]
    pub unsafe fn get_unit(&self, idx: [i64; D]) -> T {
        // SAFETY: the caller's contract.
        unsafe { *self.ptr.offset(self.unit_offset(idx)) }
    }

    /// [`Self::set_unchecked`] with the innermost stride the constant 1.
    ///
    /// # Safety
    /// As [`Self::get_unit`].
    #[inline(always)]
    pub unsafe fn set_unit(&self, idx: [i64; D], v: T) {
        // SAFETY: the caller's contract.
        unsafe { *self.ptr.offset(self.unit_offset(idx)) = v };
    }

    #[inline(always)]
    fn unit_offset(&self, idx: [i64; D]) -> isize {
        let mut off = 0isize;
        for (k, &i) in idx.iter().enumerate() {
            off += if k + 1 == D {
                i as isize
            } else {
                i as isize * self.strides[k]
            };
        }
        off
    }

    /// The address of `a[i, j, ...]`, computed without checks (wrapping pointer
    /// arithmetic, so any index is safe to pass; only in-bounds results may be used).
    #[inline(always)]
    pub fn lane_ptr(&self, idx: [i64; D]) -> *mut T {
        let mut off = 0isize;
        for (k, &i) in idx.iter().enumerate() {
            off = off.wrapping_add((i as isize).wrapping_mul(self.strides[k]));
        }
        self.ptr.wrapping_offset(off)
    }

    /// `a[i, j, ...]` with negative indices counted from the end but no bounds check
    /// (`Config::bounds_checks(false)`).
    ///
    /// # Safety
    /// Every index must be within `-shape[axis]..shape[axis]`.
    #[inline(always)]
    pub unsafe fn get_nocheck(&self, idx: [i64; D]) -> T {
        // SAFETY: the caller's contract, after wrapping negative indices.
        unsafe { self.get_unchecked(self.wrap_all(idx)) }
    }

    /// `a[i, j, ...] = v` like [`Self::get_nocheck`].
    ///
    /// # Safety
    /// As [`Self::get_nocheck`].
    #[inline(always)]
    pub unsafe fn set_nocheck(&self, idx: [i64; D], v: T) {
        // SAFETY: the caller's contract, after wrapping negative indices.
        unsafe { self.set_unchecked(self.wrap_all(idx), v) }
    }

    /// Negative indices counted from the end (no check).
    #[inline(always)]
    fn wrap_all(&self, mut idx: [i64; D]) -> [i64; D] {
        for (k, i) in idx.iter_mut().enumerate() {
            *i = i.wrapping_add((*i >> 63) & self.shape[k] as i64);
        }
        idx
    }

    /// `a[i, j, ...] = v` without bounds checks.
    ///
    /// # Safety
    /// As [`Self::get_unchecked`].
    #[inline(always)]
    pub unsafe fn set_unchecked(&self, idx: [i64; D], v: T) {
        let mut off = 0isize;
        for (k, &i) in idx.iter().enumerate() {
            off += i as isize * self.strides[k];
        }
        // SAFETY: the caller checked the indices.
        unsafe { *self.ptr.offset(off) = v };
    }

    /// `a[i, j, ...] = v`.
    #[inline(always)]
    pub fn set(&self, idx: [i64; D], v: T) -> KResult<()> {
        let off = self.offset(idx)?;
        // SAFETY: as in `get`; exports check that written arrays are writeable.
        unsafe { *self.ptr.offset(off) = v };
        Ok(())
    }

    /// The elements in C order (row-major), copied.
    pub fn to_vec(&self) -> Vec<T> {
        let n: usize = self.shape.iter().product();
        let mut out = crate::pool::take(n);
        if n > 0 && self.is_c_contiguous() {
            // SAFETY: a C-contiguous view's `n` elements follow each other from `ptr`.
            out.extend_from_slice(unsafe { std::slice::from_raw_parts(self.ptr, n) });
            return out;
        }
        self.for_each_offset(|off| {
            // SAFETY: offsets of in-bounds indices.
            out.push(unsafe { *self.ptr.offset(off) });
        });
        out
    }

    /// The elements in C order, read one by one with unaligned loads (for NumPy arrays
    /// whose memory is not aligned for `T`).
    ///
    /// # Safety
    /// The view must address readable memory (of any alignment).
    pub unsafe fn to_vec_unaligned(&self) -> Vec<T> {
        let mut out = Vec::with_capacity(self.shape.iter().product());
        self.for_each_offset(|off| {
            // SAFETY: offsets of in-bounds indices; `read_unaligned` needs no alignment.
            out.push(unsafe { self.ptr.offset(off).read_unaligned() });
        });
        out
    }

    /// `a.flatten()`: a new 1-D array of the elements in C order.
    pub fn flatten(&self) -> Array<T, 1> {
        let data = self.to_vec();
        let n = data.len();
        // The length matches: `to_vec` returns exactly the elements.
        Array::from_vec(data, [n]).unwrap_or_else(|_| Array::empty())
    }

    /// `a.copy()`: a new C-ordered array.
    pub fn copy(&self) -> Array<T, D> {
        // The shape fits: `to_vec` returns exactly its product.
        Array::from_vec(self.to_vec(), self.shape).unwrap_or_else(|_| Array::empty())
    }
}

impl<T: Copy, const D: usize> Array<T, D> {
    /// An array owning the elements of `a` (moved, not copied, when `a` is in standard
    /// C order): what Rust callers pass to a compiled kernel. Keep a clone to see the
    /// kernel's in-place writes (`Array::clone` shares the memory).
    pub fn from_ndarray(a: ndarray::ArrayD<T>) -> KResult<Self> {
        if a.ndim() != D {
            return Err(value_error(format!(
                "expected a {D}-D array, got {} dimensions",
                a.ndim()
            )));
        }
        let mut shape = [0usize; D];
        shape.copy_from_slice(a.shape());
        let data = if a.is_standard_layout() {
            a.into_raw_vec_and_offset().0
        } else {
            a.iter().copied().collect()
        };
        Self::from_vec(data, shape)
    }

    /// A view of an `ndarray` view's memory, for the Rust-callable exports (which borrow
    /// the view for the whole call and return owned arrays).
    ///
    /// # Safety
    /// `ptr`, `shape` and `strides` (in elements, as `ndarray` gives them) must describe
    /// valid memory for as long as the returned array and its clones are used.
    pub unsafe fn from_ndarray_parts(ptr: *mut T, shape: &[usize], strides: &[isize]) -> Self {
        let mut sh = [0usize; D];
        let mut st = [0isize; D];
        sh.copy_from_slice(&shape[..D]);
        st.copy_from_slice(&strides[..D]);
        // SAFETY: the caller's contract.
        unsafe { Self::from_raw(ptr, sh, st) }
    }

    /// The elements as an owned `ndarray` array (moved without a copy when this is the
    /// only reference to an array the kernel created).
    ///
    /// # Errors
    /// None in practice: the shape always matches the elements.
    pub fn into_ndarray(self) -> KResult<ndarray::ArrayD<T>> {
        let shape = self.view.shape.to_vec();
        let data = self.into_owned_vec().unwrap_or_else(|a| a.to_vec());
        ndarray::ArrayD::from_shape_vec(shape, data).map_err(|e| value_error(e.to_string()))
    }
}

impl<T: Copy, const D: usize> ArrayView<T, D> {
    /// `a.T`: the axes reversed (a view).
    #[inline(always)]
    pub fn t(&self) -> Self {
        let mut shape = self.shape;
        let mut strides = self.strides;
        shape.reverse();
        strides.reverse();
        ArrayView {
            ptr: self.ptr,
            shape,
            strides,
            origin: part_of(self.origin),
        }
    }

    /// `a[..., lo:hi:st, ...]` on one axis (a view of the same rank), with Python's slice
    /// rules.
    #[inline(always)]
    pub fn slice_axis(
        &self,
        axis: usize,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> KResult<Self> {
        let (first, step, count) = crate::ops::slice_indices(self.shape[axis], start, stop, step)?;
        let mut out = *self;
        out.origin = part_of(self.origin);
        if count > 0 {
            // SAFETY: `first` is in bounds on `axis` when the slice is not empty.
            out.ptr = unsafe { self.ptr.offset(first as isize * self.strides[axis]) };
        }
        out.shape[axis] = count;
        out.strides[axis] = self.strides[axis] * step as isize;
        Ok(out)
    }

    /// `a[...] = value` on every element of this view.
    pub fn fill(&self, value: T) {
        self.for_each_offset(|off| {
            // SAFETY: offsets of in-bounds indices.
            unsafe { *self.ptr.offset(off) = value };
        });
    }

    /// `a[...] = b`: `b` must have the same shape (or broadcast from a single element);
    /// the source is read completely before writing, as NumPy does for overlapping views.
    pub fn assign(&self, src: &ArrayView<T, D>) -> KResult<()> {
        let one = src.shape.iter().all(|&n| n == 1);
        if src.shape != self.shape && !one {
            return Err(value_error(format!(
                "could not broadcast input array from shape {:?} into shape {:?}",
                src.shape, self.shape
            )));
        }
        let data = src.to_vec();
        if one {
            if let Some(&v) = data.first() {
                self.fill(v);
            }
            return Ok(());
        }
        let mut k = 0;
        self.for_each_offset(|off| {
            // SAFETY: offsets of in-bounds indices; `data` has one value per element.
            unsafe { *self.ptr.offset(off) = data[k] };
            k += 1;
        });
        Ok(())
    }

    /// Calls `f` with the offset of every element, in C order.
    fn for_each_offset(&self, mut f: impl FnMut(isize)) {
        if self.shape.contains(&0) {
            return;
        }
        let mut idx = [0usize; D];
        loop {
            let off: isize = (0..D).map(|k| idx[k] as isize * self.strides[k]).sum();
            f(off);
            let mut k = D;
            loop {
                if k == 0 {
                    return;
                }
                k -= 1;
                idx[k] += 1;
                if idx[k] < self.shape[k] {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
}

/// `np.array(rows)` of a list of lists (or of 1-D arrays): a 2-D array; NumPy's error
/// when the rows differ in length.
pub fn array_from_rows<T: Copy>(rows: Vec<Vec<T>>) -> KResult<Array<T, 2>> {
    let n = rows.len();
    let m = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != m) {
        return Err(value_error(format!(
            "setting an array element with a sequence. The requested array has an \
             inhomogeneous shape after 1 dimensions. The detected shape was ({n},) + \
             inhomogeneous part."
        )));
    }
    Array::from_vec(rows.into_iter().flatten().collect(), [n, m])
}

/// `np.arange(start, stop, step)` with integers (int64).
pub fn arange_int(start: i64, stop: i64, step: i64) -> KResult<Array<i64, 1>> {
    if step == 0 {
        return Err(value_error("Maximum allowed size exceeded"));
    }
    let span = stop as i128 - start as i128;
    let n = if step > 0 {
        (span + step as i128 - 1).div_euclid(step as i128)
    } else {
        (span + step as i128 + 1).div_euclid(step as i128)
    };
    let n = n.max(0) as usize;
    let data = (0..n)
        .map(|k| start.wrapping_add((k as i64).wrapping_mul(step)))
        .collect();
    Array::from_vec(data, [n])
}

/// `np.arange(start, stop, step)` with floats: NumPy's length `ceil((stop - start) /
/// step)` and elements `start + k * delta` with `delta = (start + step) - start`.
pub fn arange_float(start: f64, stop: f64, step: f64) -> KResult<Array<f64, 1>> {
    if step == 0.0 {
        return Err(value_error("Maximum allowed size exceeded"));
    }
    let n = ((stop - start) / step).ceil();
    if n.is_nan() {
        return Err(value_error("arange: cannot compute length"));
    }
    let n = if n < 0.0 { 0 } else { n as usize };
    let delta = (start + step) - start;
    let data = (0..n)
        .map(|k| {
            if k == 0 {
                start
            } else {
                start + k as f64 * delta
            }
        })
        .collect();
    Array::from_vec(data, [n])
}

/// `np.linspace(start, stop, num)` (float64; endpoint included, NumPy's formula).
pub fn linspace(start: f64, stop: f64, num: i64) -> KResult<Array<f64, 1>> {
    if num < 0 {
        return Err(value_error(format!(
            "Number of samples, {num}, must be non-negative."
        )));
    }
    let n = num as usize;
    let div = n.saturating_sub(1) as f64;
    let delta = stop - start;
    let mut data: Vec<f64> = (0..n).map(|k| k as f64).collect();
    if n > 1 {
        let step = delta / div;
        if step == 0.0 {
            for y in &mut data {
                *y = *y / div * delta + start;
            }
        } else {
            for y in &mut data {
                *y = *y * step + start;
            }
        }
        data[n - 1] = stop;
    } else {
        for y in &mut data {
            *y = *y * delta + start;
        }
    }
    Array::from_vec(data, [n])
}

macro_rules! sub_views {
    ($($d:literal => $e:literal),*) => {$(
        impl<T: Copy> ArrayView<T, $d> {
            /// `a[i]`: the sub-array along the first axis (a view).
            #[inline(always)]
            pub fn sub(&self, i: i64) -> KResult<ArrayView<T, $e>> {
                let n = self.shape[0];
                let j = if (i as u64) < n as u64 { i } else { index_from_end(i, 0, n)? };
                let mut shape = [0usize; $e];
                let mut strides = [0isize; $e];
                shape.copy_from_slice(&self.shape[1..]);
                strides.copy_from_slice(&self.strides[1..]);
                Ok(ArrayView {
                    // SAFETY: `j` is in bounds on axis 0.
                    ptr: unsafe { self.ptr.offset(j as isize * self.strides[0]) },
                    shape,
                    strides,
                    origin: part_of(self.origin),
                })
            }
        }

        impl<T: Copy> ArrayView<T, $d> {
            /// `a[..., i, ...]` on one axis: the sub-array without that axis (a view).
            #[inline(always)]
            pub fn index_axis(&self, axis: usize, i: i64) -> KResult<ArrayView<T, $e>> {
                let n = self.shape[axis];
                let j = if (i as u64) < n as u64 { i } else { index_from_end(i, axis, n)? };
                let mut shape = [0usize; $e];
                let mut strides = [0isize; $e];
                let mut k = 0;
                for a in 0..$d {
                    if a != axis {
                        shape[k] = self.shape[a];
                        strides[k] = self.strides[a];
                        k += 1;
                    }
                }
                Ok(ArrayView {
                    // SAFETY: `j` is in bounds on `axis`.
                    ptr: unsafe { self.ptr.offset(j as isize * self.strides[axis]) },
                    shape,
                    strides,
                    origin: part_of(self.origin),
                })
            }
        }

        impl<T: Copy> Array<T, $d> {
            /// `a[i]`: the sub-array along the first axis (a view sharing the owner).
            #[inline(always)]
            pub fn sub(&self, i: i64) -> KResult<Array<T, $e>> {
                Ok(Array::join(self.view.sub(i)?, &self.owner))
            }

            /// `a[..., i, ...]` (a view sharing the owner); see [`ArrayView::index_axis`].
            #[inline(always)]
            pub fn index_axis(&self, axis: usize, i: i64) -> KResult<Array<T, $e>> {
                Ok(Array::join(self.view.index_axis(axis, i)?, &self.owner))
            }
        }
    )*};
}

sub_views!(2 => 1, 3 => 2, 4 => 3, 5 => 4);

/// `n` copies of `value`: in a cached buffer (`pool`) if one fits, else large blocks on
/// huge pages, zeros from the allocator's zeroed pages (written when first touched).
fn filled<T: Copy>(n: usize, value: T) -> Vec<T> {
    // SAFETY: the bytes of a plain number (no padding in the element types).
    let bytes =
        unsafe { std::slice::from_raw_parts(&value as *const T as *const u8, size_of::<T>()) };
    if let Some(mut v) = crate::pool::cached(n) {
        // Warm memory: writing it beats a page fault per 4 KiB.
        v.resize(n, value);
        return v;
    }
    if bytes.iter().all(|&b| b == 0) {
        let v = vec![value; n];
        crate::broadcast::hugepages(v.as_ptr() as usize, n * size_of::<T>());
        return v;
    }
    let mut v = Vec::with_capacity(n);
    crate::broadcast::hugepages(v.as_ptr() as usize, n * size_of::<T>());
    v.resize(n, value);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_index_and_views() {
        let a = Array::<f64, 2>::full([2, 3], 0.0).unwrap();
        a.set([1, -1], 5.0).unwrap();
        assert_eq!(a.get([1, 2]), Ok(5.0));
        assert_eq!(a.get([2, 0]).unwrap_err().kind(), ErrorKind::Index);
        let row = a.sub(-1).unwrap();
        assert_eq!(row.get([2]), Ok(5.0));
        row.set([0], 1.0).unwrap();
        assert_eq!(a.get([1, 0]), Ok(1.0), "a row is a view");
        assert_eq!(a.to_vec(), vec![0.0, 0.0, 0.0, 1.0, 0.0, 5.0]);
        assert!(Array::<i64, 1>::full([-1], 0).is_err());
    }

    #[test]
    fn owned_buffers_come_back_without_copy_only_when_unshared() {
        let a = Array::<i64, 1>::full([4], 7).unwrap();
        let b = a.clone();
        let a = a.into_owned_vec().unwrap_err();
        drop(b);
        assert_eq!(a.into_owned_vec().unwrap(), vec![7; 4]);
        let m = Array::<i64, 2>::full([2, 2], 1).unwrap();
        assert!(
            m.sub(1).unwrap().into_owned_vec().is_err(),
            "a row is not the whole buffer"
        );
        drop(m);
        // The first elements of a buffer nothing else refers to: still not the whole.
        let a = Array::<i64, 1>::full([6], 1).unwrap();
        let head = a.slice_axis(0, None, Some(3), None).unwrap();
        drop(a);
        let head = head.into_owned_vec().unwrap_err();
        assert_eq!(head.into_ndarray().unwrap().shape(), &[3]);
        let empty = Array::<i64, 1>::full([4], 1).unwrap();
        let empty = empty.slice_axis(0, Some(0), Some(0), None).unwrap();
        assert_eq!(empty.into_ndarray().unwrap().shape(), &[0]);
    }

    #[test]
    fn like_keeps_the_prototypes_memory_order() {
        let c = Array::<f64, 2>::full([2, 3], 0.0).unwrap();
        assert_eq!(Array::<i32, 2>::full_like(&c, 1).unwrap().strides(), [3, 1]);
        // Fortran order (a transpose of a C array); with an axis of extent 1 the
        // transpose is C-contiguous as well, and gets C order (NumPy: strides (8, 8)).
        assert_eq!(
            Array::<f64, 2>::full_like(&c.t(), 0.0).unwrap().strides(),
            [1, 3]
        );
        let col = Array::<f64, 2>::full([1, 4], 0.0).unwrap();
        assert_eq!(
            Array::<f64, 2>::full_like(&col.t(), 0.0).unwrap().strides(),
            [1, 1]
        );
        // Neither: axes by decreasing |stride| (a 2x3x4 array viewed as axes (1, 2, 0),
        // one of them reversed).
        let mut data = vec![0.0f64; 24];
        let p = unsafe { Array::from_raw(data.as_mut_ptr(), [3, 4, 2], [4, -1, 12]) };
        let like = Array::<f64, 3>::full_like(&p, 0.0).unwrap();
        assert_eq!(like.strides(), [4, 1, 12]);
        assert_eq!(like.shape(), [3, 4, 2]);
        // 1-D strided views give contiguous arrays.
        let v = Array::<f64, 1>::full([6], 0.0).unwrap();
        let v = v.slice_axis(0, None, None, Some(-2)).unwrap();
        assert_eq!(Array::<f64, 1>::full_like(&v, 0.0).unwrap().strides(), [1]);
    }

    #[test]
    fn strided_views_copy_in_c_order() {
        let mut data = [1i32, 2, 3, 4, 5, 6];
        // A transposed 2x3 -> 3x2 view.
        let t = unsafe { Array::from_raw(data.as_mut_ptr(), [3, 2], [1, 3]) };
        assert_eq!(t.to_vec(), vec![1, 4, 2, 5, 3, 6]);
        assert_eq!(t.copy().strides(), [2, 1]);
    }
}
