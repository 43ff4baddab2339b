//! Unit tests of the runtime of masks and index arrays.

use super::*;
use crate::array::Array;
use crate::error::ErrorKind;

fn arr<const D: usize>(data: Vec<i64>, shape: [usize; D]) -> Array<i64, D> {
    Array::from_vec(data, shape).unwrap()
}

#[test]
fn mask_of_same_shape_selects_in_c_order() {
    let a = arr((0..6).collect(), [2, 3]);
    let m = Item::Mask(vec![2, 3], vec![true, false, true, false, true, true]);
    let r: Array<i64, 1> = gather(&a, &[m]).unwrap();
    assert_eq!(r.to_vec(), vec![0, 2, 4, 5]);
}

#[test]
fn mask_of_strided_arrays() {
    // A transposed array and a mask longer than a word of 8.
    let a = arr((0..30).collect(), [3, 10]);
    let t = a.t();
    let m: Vec<bool> = (0..30).map(|k| k % 7 == 0 || k == 29).collect();
    let r: Array<i64, 1> = gather(&t, &[Item::Mask(vec![10, 3], m.clone())]).unwrap();
    assert_eq!(r.to_vec(), vec![0, 12, 24, 7, 19, 29]);
    fill(&t, &[Item::Mask(vec![10, 3], m.clone())], -1).unwrap();
    assert_eq!(t.to_vec().iter().filter(|&&x| x == -1).count(), 6);
    update(&t, &[Item::Mask(vec![10, 3], m)], |x| Ok(x - 1)).unwrap();
    assert_eq!(a.to_vec().iter().filter(|&&x| x == -2).count(), 6);
}

#[test]
fn mask_on_rows_and_on_columns() {
    let a = arr((0..6).collect(), [2, 3]);
    let rows: Array<i64, 2> = gather(&a, &[Item::bool_list(vec![false, true])]).unwrap();
    assert_eq!((rows.shape(), rows.to_vec()), ([1, 3], vec![3, 4, 5]));
    let cols: Array<i64, 2> = gather(
        &a,
        &[
            Item::Slice(None, None, None),
            Item::bool_list(vec![true, false, true]),
        ],
    )
    .unwrap();
    assert_eq!((cols.shape(), cols.to_vec()), ([2, 2], vec![0, 2, 3, 5]));
}

#[test]
fn mask_shape_mismatch_is_numpys_index_error() {
    let a = arr((0..3).collect(), [3]);
    let e = gather::<i64, 1, 1>(&a, &[Item::bool_list(vec![true; 4])]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Index);
    assert_eq!(
        e.message(),
        "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 4"
    );
}

#[test]
fn integer_arrays_negative_repeated_and_out_of_range() {
    let a = arr(vec![10, 11, 12], [3]);
    let r: Array<i64, 1> = gather(&a, &[Item::int_list(vec![2, -1, 0, 0])]).unwrap();
    assert_eq!(r.to_vec(), vec![12, 12, 10, 10]);
    let e = gather::<i64, 1, 1>(&a, &[Item::int_list(vec![5])]).unwrap_err();
    assert_eq!(
        e.message(),
        "index 5 is out of bounds for axis 0 with size 3"
    );
    let e = gather::<i64, 1, 1>(&a, &[Item::int_list(vec![-4])]).unwrap_err();
    assert_eq!(
        e.message(),
        "index -4 is out of bounds for axis 0 with size 3"
    );
}

#[test]
fn index_arrays_broadcast_and_place_their_axes() {
    let a = arr((0..24).collect(), [2, 3, 4]);
    // Next to each other: in place.
    let r: Array<i64, 2> = gather(
        &a,
        &[
            Item::Slice(None, None, None),
            Item::int_list(vec![1, 0]),
            Item::int_list(vec![1, 2]),
        ],
    )
    .unwrap();
    assert_eq!((r.shape(), r.to_vec()), ([2, 2], vec![5, 2, 17, 14]));
    // Apart (an int, a slice, an array): first.
    let r: Array<i64, 2> = gather(
        &a,
        &[
            Item::Int(0),
            Item::Slice(None, None, None),
            Item::int_list(vec![1, 2]),
        ],
    )
    .unwrap();
    assert_eq!((r.shape(), r.to_vec()), ([2, 3], vec![1, 5, 9, 2, 6, 10]));
    let e = gather::<i64, 3, 1>(
        &a,
        &[Item::int_list(vec![0, 1]), Item::int_list(vec![0, 1, 2])],
    )
    .unwrap_err();
    assert_eq!(
        e.message(),
        "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) "
    );
}

#[test]
fn layout_is_numpys() {
    let b = arr((0..12).collect(), [3, 4]);
    let r: Array<i64, 2> = gather(
        &b,
        &[Item::Slice(None, None, None), Item::int_list(vec![0, 1])],
    )
    .unwrap();
    assert_eq!((r.shape(), r.strides()), ([3, 2], [1, 3]));
    assert_eq!(r.to_vec(), vec![0, 1, 4, 5, 8, 9]);
    let [rows, cols] = nonzero(&b, |x| x % 5 == 0).unwrap();
    assert_eq!(
        (rows.strides(), rows.to_vec(), cols.to_vec()),
        ([2], vec![0, 1, 2], vec![0, 1, 2])
    );
    let w = argwhere(&b, |x| x > 9).unwrap();
    assert_eq!(
        (w.shape(), w.strides(), w.to_vec()),
        ([2, 2], [1, 2], vec![2, 2, 2, 3])
    );
    // A Fortran-ordered source: the other axes keep its memory order (NumPy's "K").
    let f = arr((0..24).collect(), [4, 3, 2]).t();
    let r: Array<i64, 3> = gather(
        &f,
        &[
            Item::Slice(None, None, None),
            Item::int_list(vec![0, 2]),
            Item::Slice(None, None, None),
        ],
    )
    .unwrap();
    assert_eq!((r.shape(), r.strides()), ([2, 2, 4], [1, 8, 2]));
    assert_eq!(r.get([1, 1, 3]).unwrap(), 3 * 6 + 2 * 2 + 1);
    let t: Array<i64, 2> = take(&b, Item::int_list(vec![1, 2]), Some(1)).unwrap();
    assert_eq!((t.strides(), t.to_vec()), ([2, 1], vec![1, 2, 5, 6, 9, 10]));
}

#[test]
fn stores_last_write_wins_and_updates_read_first() {
    let a = arr(vec![0, 0, 0], [3]);
    fill(&a, &[Item::int_list(vec![0, 2])], 7).unwrap();
    assert_eq!(a.to_vec(), vec![7, 0, 7]);
    let v = arr(vec![1, 2], [2]);
    assign(&a, &[Item::int_list(vec![1, 1])], &v, |x| x).unwrap();
    assert_eq!(a.to_vec(), vec![7, 2, 7]);
    update(&a, &[Item::int_list(vec![0, 0])], |x| Ok(x + 1)).unwrap();
    assert_eq!(a.to_vec(), vec![8, 2, 7]);
    update_with(&a, &[Item::int_list(vec![2, 1])], &v, |x, y| Ok(x * y)).unwrap();
    assert_eq!(a.to_vec(), vec![8, 4, 7]);
}

#[test]
fn mask_assignment_messages() {
    let a = arr(vec![0, 1, 2], [3]);
    let m = Item::Mask(vec![3], vec![false, true, true]);
    let v = arr(vec![1, 2, 3], [3]);
    let e = assign(&a, std::slice::from_ref(&m), &v, |x| x).unwrap_err();
    assert_eq!(
        e.message(),
        "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true"
    );
    let one = arr(vec![9], [1]);
    assign(&a, &[m], &one, |x| x).unwrap();
    assert_eq!(a.to_vec(), vec![0, 9, 9]);
    let e = assign(&a, &[Item::int_list(vec![0, 1])], &v, |x| x).unwrap_err();
    assert_eq!(
        e.message(),
        "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)"
    );
}

#[test]
fn functions() {
    let a = arr(vec![0, 3, 0, 4, 5, 0], [2, 3]);
    let [r, c] = nonzero(&a, |x| x != 0).unwrap();
    assert_eq!((r.to_vec(), c.to_vec()), (vec![0, 1, 1], vec![1, 0, 1]));
    assert_eq!(flatnonzero(&a, |x| x != 0).unwrap().to_vec(), vec![1, 3, 4]);
    let w = argwhere(&a, |x| x != 0).unwrap();
    assert_eq!((w.shape(), w.to_vec()), ([3, 2], vec![0, 1, 1, 0, 1, 1]));
    let e = extract(
        &arr(vec![1, 0, 1, 1], [4]),
        |x| x != 0,
        &arr(vec![1, 2, 3], [3]),
    );
    assert_eq!(
        e.unwrap_err().message(),
        "index 3 is out of bounds for axis 0 with size 3"
    );
    let cond = arr(vec![0, 1], [2]);
    let k: Array<i64, 2> = compress(&cond, |x| x != 0, &a, Some(-1)).unwrap();
    assert_eq!((k.shape(), k.to_vec()), ([2, 1], vec![3, 5]));
    let t: Array<i64, 1> = take(&a, Item::int_list(vec![4, -1]), None).unwrap();
    assert_eq!(t.to_vec(), vec![5, 0]);
    let b = arr(vec![0; 5], [5]);
    put(&b, Item::int_list(vec![0, 2, 4, 1]), vec![1, 2]).unwrap();
    assert_eq!(b.to_vec(), vec![1, 2, 2, 0, 1]);
}
