//! Python conversions of container arguments and results (feature `pyo3`): lists (and
//! tuples holding them) in, with their in-place changes written back, and out.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::list::List;

/// A kernel value that crosses the Python boundary inside a container.
pub trait PyValue: Sized {
    /// Lists are updated in place by [`PyValue::write_back`] (they keep their identity).
    const IS_LIST: bool = false;
    /// Converts a Python object (the caller's argument) to the kernel value.
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self>;
    /// Converts the kernel value to a new Python object.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// Makes the caller's object `obj` (converted by [`PyValue::from_py`]) show what the
    /// kernel did to the value in place. Scalars and tuples are immutable: nothing to do.
    fn write_back(&self, _obj: &Bound<'_, PyAny>) -> PyResult<()> {
        Ok(())
    }
    /// Is this value a view of the caller's object `obj` (an array passed in and still the
    /// same)? Then a container's write-back leaves `obj` in place.
    fn is_view_of(&self, _obj: &Bound<'_, PyAny>) -> bool {
        false
    }
    /// Does the caller's object `obj` still hold exactly this value (a number with the
    /// same bits)? Then a list's write-back leaves `obj` in place: an element the kernel
    /// did not change stays the caller's object, as in CPython, also where the kernel's
    /// list has a wider element type (an `int list` the kernel made a float list keeps
    /// the ints it did not overwrite).
    fn held_by(&self, _obj: &Bound<'_, PyAny>) -> bool {
        false
    }
}

/// Bit-for-bit equality (so `-0.0` differs from `0.0`, and a NaN equals itself).
trait SameBits: Copy {
    fn same_bits(self, other: Self) -> bool;
}

macro_rules! same_by_eq {
    ($($t:ty),*) => {$(
        impl SameBits for $t {
            #[inline]
            fn same_bits(self, other: Self) -> bool {
                self == other
            }
        }
    )*};
}

same_by_eq!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! same_by_bits {
    ($($t:ty),*) => {$(
        impl SameBits for $t {
            #[inline]
            fn same_bits(self, other: Self) -> bool {
                self.to_bits() == other.to_bits()
            }
        }
        impl SameBits for num_complex::Complex<$t> {
            #[inline]
            fn same_bits(self, other: Self) -> bool {
                self.re.same_bits(other.re) && self.im.same_bits(other.im)
            }
        }
    )*};
}

same_by_bits!(f32, f64);

macro_rules! scalar_value {
    ($($t:ty),*) => {$(
        impl PyValue for $t {
            #[inline]
            fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
                obj.extract()
            }
            #[inline]
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                pyo3::IntoPyObjectExt::into_bound_py_any(*self, py)
            }
            #[inline]
            fn held_by(&self, obj: &Bound<'_, PyAny>) -> bool {
                obj.extract::<$t>().is_ok_and(|v| v.same_bits(*self))
            }
        }
    )*};
}

scalar_value!(
    bool,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f32,
    f64,
    num_complex::Complex<f32>,
    num_complex::Complex<f64>
);

impl PyValue for () {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(())
        } else {
            Err(PyTypeError::new_err("expected None"))
        }
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(py.None().into_bound(py))
    }
}

macro_rules! tuple_value {
    ($n:expr; $($t:ident $i:tt),*) => {
        impl<$($t: PyValue),*> PyValue for ($($t,)*) {
            fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
                let t = obj.cast::<PyTuple>()?;
                if t.len() != $n {
                    return Err(PyTypeError::new_err(format!(
                        "expected a tuple of {} items, got {}", $n, t.len()
                    )));
                }
                Ok(($($t::from_py(&t.get_item($i)?)?,)*))
            }
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let items = [$(self.$i.to_py(py)?),*];
                PyTuple::new(py, items).map(Bound::into_any)
            }
            fn write_back(&self, obj: &Bound<'_, PyAny>) -> PyResult<()> {
                // A tuple cannot change, but lists inside it can.
                let t = obj.cast::<PyTuple>()?;
                $(self.$i.write_back(&t.get_item($i)?)?;)*
                Ok(())
            }
            fn held_by(&self, obj: &Bound<'_, PyAny>) -> bool {
                // Tuples holding lists or arrays are written back through, not compared.
                if $($t::IS_LIST ||)* false {
                    return false;
                }
                obj.cast::<PyTuple>().is_ok_and(|t| {
                    t.len() == $n && $(t.get_item($i).is_ok_and(|x| self.$i.held_by(&x)))&&*
                })
            }
        }
    };
}

tuple_value!(1; A 0);
tuple_value!(2; A 0, B 1);
tuple_value!(3; A 0, B 1, C 2);
tuple_value!(4; A 0, B 1, C 2, D 3);
tuple_value!(5; A 0, B 1, C 2, D 3, E 4);
tuple_value!(6; A 0, B 1, C 2, D 3, E 4, F 5);
tuple_value!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_value!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

impl<T: PyValue + Clone> PyValue for List<T> {
    const IS_LIST: bool = true;

    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        let l = obj.cast::<PyList>()?;
        let mut v = Vec::with_capacity(l.len());
        for item in l.iter() {
            v.push(T::from_py(&item)?);
        }
        Ok(List::from_vec(v))
    }

    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self.to_vec();
        let mut objs = Vec::with_capacity(items.len());
        for x in &items {
            objs.push(x.to_py(py)?);
        }
        PyList::new(py, objs).map(Bound::into_any)
    }

    /// The caller's list gets the kernel's elements: positions that still hold the
    /// caller's object are updated in place (so inner lists keep their identity), numbers
    /// the kernel did not change stay the caller's objects, the rest is replaced and the
    /// length follows the kernel's list.
    fn write_back(&self, obj: &Bound<'_, PyAny>) -> PyResult<()> {
        let l = obj.cast::<PyList>()?;
        let items = self.to_vec();
        let py = obj.py();
        let old_len = l.len();
        for (k, x) in items.iter().enumerate() {
            if k < old_len {
                let cur = l.get_item(k)?;
                if T::IS_LIST && cur.is_instance_of::<PyList>() {
                    x.write_back(&cur)?;
                } else if x.is_view_of(&cur) || x.held_by(&cur) {
                    // The caller's array itself (in-place writes are already there), or
                    // the very number the kernel left there.
                } else {
                    l.set_item(k, x.to_py(py)?)?;
                }
            } else {
                l.append(x.to_py(py)?)?;
            }
        }
        if items.len() < old_len {
            l.del_slice(items.len(), old_len)?;
        }
        Ok(())
    }
}

thread_local! {
    /// While a container argument is converted: may the kernel write to its arrays?
    /// (Read by the array conversion, which has no other way to learn it.)
    static ARRAYS_WRITTEN: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// May the kernel write to the arrays of the container argument being converted?
pub(crate) fn arrays_written() -> bool {
    ARRAYS_WRITTEN.with(std::cell::Cell::get)
}

/// Converts argument `name` of `func` to a kernel value, with a `TypeError` naming both
/// and the expected export type.
///
/// `writes`: may the kernel write to arrays inside this argument? If not, read-only
/// arrays are accepted there.
pub fn arg_from_py<T: PyValue>(
    obj: &Bound<'_, PyAny>,
    func: &str,
    name: &str,
    expected: &str,
    writes: bool,
) -> PyResult<T> {
    let before = ARRAYS_WRITTEN.with(|w| w.replace(writes));
    let r = T::from_py(obj);
    ARRAYS_WRITTEN.with(|w| w.set(before));
    r.map_err(|e| {
        if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) {
            return e;
        }
        let given = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".into());
        PyTypeError::new_err(format!(
            "{func}() argument '{name}' must be {expected}, not {given} ({e})"
        ))
    })
}
