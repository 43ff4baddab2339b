//! NumPy arrays through regular exports (feature `pyo3`): arguments are received as views
//! of the caller's memory (no copy), checked against the export type with messages that
//! name the argument; results go back as NumPy arrays (no copy for arrays the kernel
//! created; an argument returned as a whole comes back as that same object).

use numpy::npyffi::{self, NPY_ARRAY_ALIGNED, NPY_ARRAY_WRITEABLE};
use numpy::{
    Element, PyArray, PyArrayDescrMethods, PyArrayDyn, PyArrayMethods, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::array::Array;

/// The memory layout an export type asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `T[:]`, `T[:,:]`: C-contiguous.
    C,
    /// `T[:,:] order(F)`: Fortran-contiguous.
    F,
    /// `T[::]`: any strides.
    Any,
}

/// What an export line says about one array argument.
#[derive(Clone, Copy, Debug)]
pub struct ArraySpec<'a> {
    /// The kernel function's name (for messages).
    pub func: &'a str,
    /// The parameter name.
    pub name: &'a str,
    /// The export type as written (`float64[:,:]`).
    pub expected: &'a str,
    /// Required layout.
    pub layout: Layout,
    /// Fixed extents (`T[:,3]`): `None` for any.
    pub fixed: &'a [Option<usize>],
    /// The kernel may write to it (read-only arrays are refused then).
    pub writes: bool,
    /// Its position among the export's arguments.
    pub index: usize,
}

fn describe(obj: &Bound<'_, PyAny>) -> String {
    match obj.cast::<PyUntypedArray>() {
        Ok(a) => {
            let dtype = a
                .dtype()
                .str()
                .map(|s| s.to_string())
                .unwrap_or_else(|_| "?".into());
            format!("a {}-D {dtype} array", a.ndim())
        }
        Err(_) => obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".into()),
    }
}

static MATRIX: pyo3::sync::PyOnceLock<pyo3::Py<pyo3::types::PyType>> =
    pyo3::sync::PyOnceLock::new();
static MASKED_ARRAY: pyo3::sync::PyOnceLock<pyo3::Py<pyo3::types::PyType>> =
    pyo3::sync::PyOnceLock::new();

/// What to say about an ndarray subclass whose indexing or meaning the kernel would not
/// keep: `np.matrix` (a row stays a 1×n matrix, `*` is a matrix product) and
/// `np.ma.MaskedArray` (the kernel would ignore the mask). Other subclasses (`np.memmap`,
/// user subclasses) are arrays like any other. Plain ndarrays take one pointer compare.
fn refused_subclass(obj: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    let py = obj.py();
    // SAFETY: `obj` is a live object and we hold the GIL.
    if unsafe { npyffi::PyArray_CheckExact(py, obj.as_ptr()) } != 0 {
        return Ok(None);
    }
    if obj.is_instance(MATRIX.import(py, "numpy", "matrix")?)? {
        return Ok(Some(
            "a numpy.matrix (its indexing differs from an ndarray's; pass np.asarray(m))",
        ));
    }
    if obj.is_instance(MASKED_ARRAY.import(py, "numpy.ma", "MaskedArray")?)? {
        return Ok(Some(
            "a numpy.ma.MaskedArray (the kernel would ignore its mask; pass m.filled(...) or np.asarray(m))",
        ));
    }
    Ok(None)
}

/// [`array_arg`] for one signature of an overloaded export: `None` when `obj` does not
/// fit. The usual misfits (another dtype or rank: the next signature's) are told apart
/// before any error message is written (describing the array takes Python calls).
pub fn overload_array<T: Element + Copy, const D: usize>(
    obj: &Bound<'_, PyAny>,
    spec: &ArraySpec<'_>,
) -> Option<Array<T, D>> {
    let arr = obj.cast::<PyArrayDyn<T>>().ok()?;
    if arr.ndim() != D {
        return None;
    }
    array_arg(obj, spec).ok()
}

/// Converts argument `obj` to a kernel array view after checking dtype, rank, layout,
/// fixed extents and writeability, and that it is no `np.matrix` or masked array (whose
/// indexing the kernel would not keep); every failure is a `TypeError`/`ValueError`
/// naming the argument, the export type and what was given.
pub fn array_arg<T: Element + Copy, const D: usize>(
    obj: &Bound<'_, PyAny>,
    spec: &ArraySpec<'_>,
) -> PyResult<Array<T, D>> {
    let err = |what: String| {
        if spec.func.is_empty() {
            // An array inside a container: the caller's message names the argument.
            return format!("expected {}, got {what}", spec.expected);
        }
        format!(
            "{}() argument '{}' must be {}, got {what}",
            spec.func, spec.name, spec.expected
        )
    };
    let Ok(arr) = obj.cast::<PyArrayDyn<T>>() else {
        return Err(PyTypeError::new_err(err(describe(obj))));
    };
    if let Some(what) = refused_subclass(obj)? {
        return Err(PyTypeError::new_err(err(what.into())));
    }
    if arr.ndim() != D {
        return Err(PyTypeError::new_err(err(describe(obj))));
    }
    let layout_ok = match spec.layout {
        Layout::C => arr.is_c_contiguous(),
        Layout::F => arr.is_fortran_contiguous(),
        Layout::Any => true,
    };
    if !layout_ok {
        let layout = if spec.layout == Layout::F {
            "Fortran"
        } else {
            "C"
        };
        return Err(PyValueError::new_err(err(format!(
            "a non-{layout}-contiguous array (pass a contiguous copy, or declare the argument strided with `::`)"
        ))));
    }
    let shape_in = arr.shape();
    for (k, fixed) in spec.fixed.iter().enumerate() {
        if let Some(n) = fixed
            && shape_in.get(k) != Some(n)
        {
            return Err(PyValueError::new_err(err(format!(
                "an array of shape {shape_in:?}"
            ))));
        }
    }
    // SAFETY: `arr` is a live ndarray and we hold the GIL.
    let flags = unsafe { (*npyffi::_PyArray_GET_ITEM_DATA(arr.as_array_ptr())).flags };
    if spec.writes && flags & NPY_ARRAY_WRITEABLE == 0 {
        return Err(PyValueError::new_err(err(
            "a read-only array (the kernel writes to it)".into(),
        )));
    }
    // Compiled code reads elements as `T`s (and slices of them), which must be aligned:
    // an unaligned array the kernel only reads is copied (nothing can tell), one it
    // writes is refused.
    let aligned = flags & NPY_ARRAY_ALIGNED != 0;
    if !aligned && spec.writes {
        return Err(PyValueError::new_err(err(
            "an unaligned array (the kernel writes to it; pass an aligned copy)".into(),
        )));
    }
    let size = std::mem::size_of::<T>() as isize;
    let mut shape = [0usize; D];
    let mut strides = [0isize; D];
    for k in 0..D {
        shape[k] = shape_in[k];
        let s = arr.strides()[k];
        if size == 0 || s % size != 0 {
            return Err(PyValueError::new_err(err(
                "an array with unaligned strides".into(),
            )));
        }
        strides[k] = s / size;
    }
    // SAFETY: the array object outlives the call (the wrapper holds it); shape and
    // strides describe its memory.
    let view = unsafe { Array::from_raw(arr.data(), shape, strides) };
    if !aligned {
        // SAFETY: as above; every element is read with an unaligned load.
        let data = unsafe { view.to_vec_unaligned() };
        return Array::from_vec(data, shape).map_err(|e| PyValueError::new_err(e.to_string()));
    }
    Ok(view.with_origin(spec.index))
}

/// Is `a` exactly the NumPy array `obj` (same memory, shape and strides)?
fn views_whole<T: Element + Copy, const D: usize>(obj: &Bound<'_, PyAny>, a: &Array<T, D>) -> bool {
    obj.cast::<PyArrayDyn<T>>().is_ok_and(|arr| {
        arr.data() == a.as_ptr()
            && arr.shape() == a.shape()
            && arr
                .strides()
                .iter()
                .zip(a.strides())
                .all(|(&s, t)| s == t * std::mem::size_of::<T>() as isize)
    })
}

/// Converts a kernel array result to a NumPy array: an argument returned whole is that
/// same object; a view of part of an argument (`a[1:]`, a row, `a.T`) is a NumPy view
/// whose base is that argument, as in CPython; an array the kernel created moves into
/// NumPy without a copy, and a view of one (`out[:k]`, `m.T`, `m[:, j]`, or the whole
/// array while another result shares it) is a NumPy view of the kernel's buffer.
pub fn array_to_py<'py, T: Element + Copy + 'static, const D: usize>(
    py: Python<'py>,
    a: Array<T, D>,
    args: &[&Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    let from = a.origin().and_then(|k| args.get(k));
    match from {
        // The argument itself.
        Some(obj) if a.is_whole_origin() && views_whole(obj, &a) => return Ok((*obj).clone()),
        // A slice, row or transpose of it.
        Some(obj) => {
            if let Some(view) = view_of(py, obj, &a) {
                return Ok(view);
            }
        }
        // Not known to come from an argument: one it is exactly, if any.
        None if a.owner().is_none() => {
            if let Some(obj) = args.iter().find(|o| views_whole(o, &a)) {
                return Ok((*obj).clone());
            }
        }
        None => {}
    }
    let shape = a.shape();
    let a = match a.into_owned_vec() {
        Ok(data) => {
            let flat = PyArray::from_vec(py, data);
            return Ok(flat.reshape(shape.to_vec())?.into_any());
        }
        Err(a) => a,
    };
    if let Some(view) = created_view(py, &a)? {
        return Ok(view);
    }
    let flat = PyArray::from_vec(py, a.to_vec());
    Ok(flat.reshape(shape.to_vec())?.into_any())
}

/// A share of the memory of an array the kernel created, held by the NumPy arrays that
/// view it.
struct KeepAlive<T>(#[allow(dead_code)] crate::array::ArrayOwner<T>);

// SAFETY: the `Rc` inside is not thread-safe, but every operation on its count happens
// with the GIL held from the moment a `KeepAlive` exists: the kernel has returned, the
// remaining clones are the result being converted (dropped by the export's wrapper before
// it returns to Python, GIL held), and the capsule holding this share is dropped by
// Python, GIL held. So the counts are never touched by two threads at once.
unsafe impl<T: Send> Send for KeepAlive<T> {}

/// `a`, part or all of an array the kernel created that something else still refers to
/// (another result, a list), as a NumPy view of the kernel's buffer: its base is a 1-D
/// NumPy array over the whole buffer (as CPython's `out[:k].base` is `out`), which keeps
/// the buffer alive. `None` when `a` is not the kernel's memory.
fn created_view<'py, T: Element + Copy + 'static, const D: usize>(
    py: Python<'py>,
    a: &Array<T, D>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(owner) = a.owner() else {
        return Ok(None);
    };
    // SAFETY: a shared look at the Vec header; the buffer is never resized.
    let (buf, len) = {
        let v = unsafe { &*owner.get() };
        (v.as_ptr() as *mut T, v.len())
    };
    let size = std::mem::size_of::<T>();
    let strides = byte_strides(a);
    // Defensive: a view that leaves the buffer is copied instead.
    if let Some((lo, hi)) = crate::view::byte_span(a.as_ptr() as usize, &a.shape(), &strides, size)
        && (lo < buf as usize || hi > buf as usize + len * size)
    {
        return Ok(None);
    }
    let keep = pyo3::types::PyCapsule::new_with_value(
        py,
        KeepAlive(Some(owner.clone())),
        c"pykernel array memory",
    )?;
    let Some(whole) = numpy_view(py, &keep.into_any(), buf, [len], [size as isize], true) else {
        return Ok(None);
    };
    Ok(numpy_view(
        py,
        &whole,
        a.as_ptr(),
        a.shape(),
        strides,
        !a.is_readonly(),
    ))
}

/// `a`'s strides in bytes.
fn byte_strides<T, const D: usize>(a: &Array<T, D>) -> [isize; D]
where
    T: Copy,
{
    let size = std::mem::size_of::<T>() as isize;
    a.strides().map(|t| t * size)
}

/// `a` as a NumPy view of the array `base` (the argument it was sliced from), if it lies
/// within `base`'s memory; writeable only when `base` is.
fn view_of<'py, T: Element + Copy, const D: usize>(
    py: Python<'py>,
    base: &Bound<'py, PyAny>,
    a: &Array<T, D>,
) -> Option<Bound<'py, PyAny>> {
    let arr = base.cast::<PyArrayDyn<T>>().ok()?;
    let size = std::mem::size_of::<T>();
    let strides = byte_strides(a);
    let inner = crate::view::byte_span(a.as_ptr() as usize, &a.shape(), &strides, size);
    // An empty view addresses no memory (its pointer is inside `base` or at its start).
    if let Some(inner) = inner {
        let outer = crate::view::byte_span(arr.data() as usize, arr.shape(), arr.strides(), size)?;
        if inner.0 < outer.0 || inner.1 > outer.1 {
            return None;
        }
    }
    // SAFETY: we hold the GIL; `arr` is a live ndarray.
    let flags = unsafe { (*npyffi::_PyArray_GET_ITEM_DATA(arr.as_array_ptr())).flags };
    let writeable = flags & NPY_ARRAY_WRITEABLE != 0 && !a.is_readonly();
    numpy_view(py, base, a.as_ptr(), a.shape(), strides, writeable)
}

/// A new NumPy array of `T`s at `data` with extents `shape` and byte `strides`, whose base
/// object is `base` (which keeps the memory alive). `None` if NumPy refuses (the caller
/// copies instead).
fn numpy_view<'py, T: Element, const D: usize>(
    py: Python<'py>,
    base: &Bound<'py, PyAny>,
    data: *mut T,
    shape: [usize; D],
    mut strides: [isize; D],
    writeable: bool,
) -> Option<Bound<'py, PyAny>> {
    let mut dims: [npyffi::npy_intp; D] = shape.map(|n| n as npyffi::npy_intp);
    let flags = if writeable { NPY_ARRAY_WRITEABLE } else { 0 };
    // SAFETY: the callers pass memory that `base` keeps alive and that `shape` and
    // `strides` address; `PyArray_SetBaseObject` steals the reference we hand it.
    unsafe {
        let ptr = npyffi::PY_ARRAY_API.PyArray_NewFromDescr(
            py,
            npyffi::get_type_object(py, npyffi::NpyTypes::PyArray_Type),
            T::get_dtype(py).into_dtype_ptr(),
            D as std::ffi::c_int,
            dims.as_mut_ptr(),
            strides.as_mut_ptr(),
            data.cast(),
            flags,
            std::ptr::null_mut(),
        );
        if ptr.is_null() {
            // Fall back to a copy; the failure's exception is not the caller's.
            let _ = PyErr::take(py);
            return None;
        }
        let view = Bound::from_owned_ptr(py, ptr);
        if npyffi::PY_ARRAY_API.PyArray_SetBaseObject(py, ptr.cast(), base.clone().into_ptr()) != 0
        {
            let _ = PyErr::take(py);
            return None;
        }
        Some(view)
    }
}

/// Arrays inside lists and tuples of export arguments (`float64[:] list`,
/// `(float64[:,:], int)`): any layout is accepted; they must be writeable when the
/// kernel may write through that argument.
impl<T: Element + Copy + 'static, const D: usize> crate::python_list::PyValue for Array<T, D> {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        let writes = crate::python_list::arrays_written();
        let expected = format!(
            "a {}{D}-D {} array",
            if writes { "writeable " } else { "" },
            numpy::dtype::<T>(obj.py())
        );
        let spec = ArraySpec {
            func: "",
            name: "",
            expected: &expected,
            layout: Layout::Any,
            fixed: &[],
            writes,
            index: usize::MAX - 1,
        };
        array_arg(obj, &spec)
    }

    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        array_to_py(py, self.clone(), &[])
    }

    fn is_view_of(&self, obj: &Bound<'_, PyAny>) -> bool {
        views_whole(obj, self)
    }
}
