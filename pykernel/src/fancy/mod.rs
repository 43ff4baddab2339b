//! NumPy's advanced indexing: boolean masks and integer arrays (`a[a > 0]`, `a[idx]`,
//! `a[i_arr, j_arr]`, `a[m, :]`, `a[:, idx] += v`), and the functions built on it
//! (`np.nonzero`, `np.flatnonzero`, `np.argwhere`, `np.extract`, `np.compress`,
//! `np.take`, `np.put`).
//!
//! An index is a list of [`Item`]s. A [`Plan`] (`plan.rs`) turns it into the result's
//! shape and the memory offset of every selected element, following NumPy's rules: a
//! mask of rank `k` stands for the `k` index arrays of its `nonzero()`; integers next to
//! index arrays count as index arrays of rank 0; the index arrays broadcast together,
//! and their dimensions replace the indexed axes when the index arrays are next to each
//! other, else they come first. Reads copy ([`gather`], `access.rs`); stores write the
//! elements in order, so that the last of repeated indices wins ([`fill`], [`assign`],
//! [`update`], [`update_with`]: `a[[0, 0]] += 1` adds once, as in NumPy). A mask of the
//! array's whole shape takes a path with no index arrays (`masks.rs`); the NumPy
//! functions are in `functions.rs`.

mod access;
mod functions;
mod masks;
mod plan;
#[cfg(test)]
mod tests;

pub use access::{assign, fill, gather, update, update_with};
pub use functions::{argwhere, compress, extract, flatnonzero, nonzero, put, take};
pub use plan::Plan;

use crate::array::ArrayView;

/// One item of an index with at least one array in it.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An integer (`a[0, idx]`).
    Int(i64),
    /// `lo:hi:st`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `None` / `np.newaxis`.
    NewAxis,
    /// `...`.
    Ellipsis,
    /// An integer array: its shape and values in C order.
    Ints(Vec<usize>, Vec<i64>),
    /// A boolean array (a mask): its shape and values in C order.
    Mask(Vec<usize>, Vec<bool>),
}

/// Integer dtypes usable as index values.
pub trait IndexValue: Copy {
    /// The value as an index (`u64` beyond `i64::MAX` saturates: out of bounds anyway).
    fn index_value(self) -> i64;
}

macro_rules! index_values {
    ($($t:ty),*) => {$(
        impl IndexValue for $t {
            #[inline(always)]
            fn index_value(self) -> i64 {
                i64::try_from(self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
index_values!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Item {
    /// An integer array used as an index.
    pub fn ints<T: IndexValue, const R: usize>(a: &ArrayView<T, R>) -> Item {
        let data = a
            .to_vec()
            .into_iter()
            .map(IndexValue::index_value)
            .collect();
        Item::Ints(a.shape().to_vec(), data)
    }

    /// A boolean array used as an index.
    pub fn mask<const R: usize>(a: &ArrayView<bool, R>) -> Item {
        Item::Mask(a.shape().to_vec(), masks::c_values(a))
    }

    /// A list of integers used as an index (a 1-D integer array).
    pub fn int_list(v: Vec<i64>) -> Item {
        Item::Ints(vec![v.len()], v)
    }

    /// A list of booleans used as an index (a 1-D mask).
    pub fn bool_list(v: Vec<bool>) -> Item {
        Item::Mask(vec![v.len()], v)
    }
}
