//! `a.item()`, `a.item(i)` and `a.tolist()`: elements of an array as Python values.

use crate::array::ArrayView;
use crate::error::{ErrorKind, KResult, KernelError, value_error};
use crate::list::List;

/// `a.item()`: the one element; NumPy's `ValueError` for another size.
pub fn item<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> KResult<T> {
    if a.shape().iter().product::<usize>() != 1 {
        return Err(value_error(
            "can only convert an array of size 1 to a Python scalar",
        ));
    }
    // SAFETY: the array has one element, at its pointer.
    Ok(unsafe { *a.as_ptr() })
}

/// `a.item(i)`: element `i` of the flattened array (C order, negative from the end);
/// NumPy's `IndexError` out of range.
pub fn item_flat<T: Copy, const D: usize>(a: &ArrayView<T, D>, i: i64) -> KResult<T> {
    let shape = a.shape();
    let size: usize = shape.iter().product();
    let j = if i < 0 { i + size as i64 } else { i };
    if j < 0 || j >= size as i64 {
        return Err(KernelError::new(
            ErrorKind::Index,
            format!("index {i} is out of bounds for size {size}"),
        ));
    }
    let (mut rest, mut off) = (j as usize, 0isize);
    let strides = a.strides();
    for k in (0..D).rev() {
        off += (rest % shape[k]) as isize * strides[k];
        rest /= shape[k];
    }
    // SAFETY: the index is within the array.
    Ok(unsafe { *a.as_ptr().offset(off) })
}

/// `count` lists of `k` items each, from `items` in order: one level of `a.tolist()`.
pub fn tolist_group<U>(items: Vec<U>, count: usize, k: usize) -> Vec<List<U>> {
    let mut it = items.into_iter();
    (0..count)
        .map(|_| List::from_vec(it.by_ref().take(k).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Array;

    #[test]
    fn items_by_flat_index_and_errors() {
        let a = Array::from_vec((0..6i64).collect(), [2, 3]).unwrap();
        assert_eq!(item_flat(&a.t(), 1).unwrap(), 3);
        assert_eq!(item_flat(&a, -1).unwrap(), 5);
        assert_eq!(
            item_flat(&a, 6).unwrap_err().message(),
            "index 6 is out of bounds for size 6"
        );
        assert!(item(&a).is_err());
        let rows = tolist_group((0..6).collect(), 2, 3);
        assert_eq!(rows[1].to_vec(), [3, 4, 5]);
        assert!(tolist_group::<i64>(Vec::new(), 2, 0)[1].is_empty());
    }
}
