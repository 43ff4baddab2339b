//! The golden generated files compile against this runtime and behave as CPython does.

#![allow(missing_docs, dead_code)]

mod seed {
    include!("../../pykernel-build/tests/golden/ok/seed_testlib.rs");
}

mod scalars {
    include!("../../pykernel-build/tests/golden/ok/scalar_semantics.rs");
}

mod near_miss {
    include!("../../pykernel-build/tests/golden/ok/scipy_near_miss.rs");
}

#[test]
fn seed_f_matches_the_c_formula() {
    let mut x = [1.0f64, 2.0, 3.0];
    let mut c = 1.5f64;
    let r = unsafe { seed::f(3, x.as_mut_ptr(), &mut c) };
    assert_eq!(r, 1.5 + 1.0 - 2.0 * 3.0);
}

#[test]
fn seed_transforms_agree() {
    let mut out_coords = [3i64, 4];
    let mut shift = 0.5f64;
    let mut a = [0.0f64; 2];
    let mut b = [0.0f64; 2];
    assert_eq!(
        unsafe { seed::transform(out_coords.as_mut_ptr(), a.as_mut_ptr(), 2, 2, &mut shift) },
        1
    );
    assert_eq!(
        unsafe { seed::transform_basic(out_coords.as_mut_ptr(), b.as_mut_ptr(), 2, 2, &mut shift) },
        1
    );
    assert_eq!(a, [2.5, 3.5]);
    assert_eq!(a, b);
}

#[test]
fn capsule_errors_take_the_documented_path() {
    // as_array with a negative length is a ValueError in CPython: the ndimage-style
    // capsule returns 0 and records the error; it never unwinds.
    let mut out_coords = [3i64, 4];
    let mut shift = 0.5f64;
    let mut a = [0.0f64; 2];
    let r = unsafe { seed::transform(out_coords.as_mut_ptr(), a.as_mut_ptr(), 2, -1, &mut shift) };
    assert_eq!(r, 0);
    let e = pykernel::take_last_error().expect("an error was recorded");
    assert_eq!(e.kind(), pykernel::ErrorKind::Value);
    // Broadcasting (2,) into (3,) fails like NumPy.
    let mut b = [0.0f64; 3];
    let r = unsafe { seed::transform(out_coords.as_mut_ptr(), b.as_mut_ptr(), 2, 3, &mut shift) };
    assert_eq!(r, 0);
    assert!(
        pykernel::take_last_error()
            .unwrap()
            .message()
            .contains("could not broadcast")
    );
}

#[test]
fn regular_exports_follow_python() {
    assert_eq!(scalars::floor_ops(-7, 2), Ok(-4 + 1000));
    assert_eq!(scalars::floor_ops(7, -3), Ok(-3 + (-2) * 1000));
    let e = scalars::floor_ops(1, 0).unwrap_err();
    assert_eq!(e.kind(), pykernel::ErrorKind::ZeroDivision);
    // s = 0; for i in range(5, 0, -2): s += i * 0.5 -> 2.5, 4.0, 4.5; no break -> else: s = -1
    assert_eq!(scalars::mixed(5, 0.5), Ok(-1.0));
    assert_eq!(scalars::mixed(5, 3.0), Ok(15.0));
    assert_eq!(scalars::chained(0.0, 0.5, 1.0), Ok(true));
    assert_eq!(scalars::chained(0.0, 1.0, 1.0), Ok(false));
    assert_eq!(scalars::chained(0.0, f64::NAN, 1.0), Ok(false));
    let two_pi = 2.0 * std::f64::consts::PI;
    assert_eq!(scalars::helper_twice(3, 0.5), Ok((9.0 + 0.25) + two_pi));
    assert_eq!(scalars::narrow(3, 0.5), Ok(3.5));
}

#[test]
fn near_miss_still_compiles_with_its_own_name() {
    let mut x = [2.0f32];
    let mut c = 1.0f64;
    assert_eq!(unsafe { near_miss::f(1, x.as_mut_ptr(), &mut c) }, 3.0);
}

mod tuples {
    include!("../../pykernel-build/tests/golden/ok/tuples.rs");
}

mod view_augassign {
    include!("../../pykernel-build/tests/golden/ok/view_augassign.rs");
}

#[test]
fn tuples_pack_unpack_and_swap() {
    assert_eq!(tuples::divmod_(-7, 2), Ok((-4, 1)));
    assert_eq!(tuples::fib(10), Ok(55));
    assert_eq!(tuples::fib(0), Ok(0));
    // float32 * 2.0 stays float32; the nested tuple keeps its own types.
    assert_eq!(tuples::mixed(1.5, 3), Ok((3.0f32, 3i64, (3i64, 1.5f64))));
}

#[test]
fn augmented_slice_assignment_on_views() {
    let mut data = [1.0f64, 2.0, 3.0];
    // v[:] += 1 -> 2, 3, 4; v[1:] *= 2 -> 2, 6, 8; returns v[0] + 3
    let r = unsafe { view_augassign::g(data.as_mut_ptr(), 3, 1.0) };
    assert_eq!(r, 5.0);
    assert_eq!(data, [2.0, 6.0, 8.0]);
}

mod arrays {
    include!("../../pykernel-build/tests/golden/ok/arrays.rs");
}

mod lists {
    include!("../../pykernel-build/tests/golden/ok/lists.rs");
}

#[test]
fn arrays_from_rust_are_ndarray_views_with_in_place_writes() {
    // Written arguments are mutable views, read ones plain views; results are owned.
    let mut m =
        ndarray::Array2::from_shape_vec((2, 3), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    arrays::scale_inplace(m.view_mut(), 2.0).unwrap();
    assert_eq!(m.as_slice().unwrap(), &[-1.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
    let xs = ndarray::arr1(&[1i64, 2, 3, -1, 7]);
    let h: ndarray::Array1<i64> = arrays::hist(xs.view(), 4).unwrap();
    assert_eq!(h.as_slice().unwrap(), &[0, 1, 1, 3]);
    // A strided view works too (`float64[::]`), and comes back as an owned copy.
    let big = ndarray::Array1::from_iter((0..10).map(f64::from));
    let every_other = big.slice(ndarray::s![..;2]);
    let same = arrays::same(every_other).unwrap();
    assert_eq!(same.to_vec(), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    // Python's IndexError for an out-of-range index, as a KernelError.
    let empty = ndarray::Array1::<f64>::zeros(0);
    assert_eq!(
        arrays::total(empty.view()).unwrap_err().kind(),
        pykernel::ErrorKind::Index
    );
    // The runtime type itself, for code that builds arrays directly.
    let a = pykernel::Array::<f64, 1>::from_vec(vec![1.0, 2.0], [2]).unwrap();
    assert_eq!(a.clone().into_ndarray().unwrap().len(), 2);
}

#[test]
fn lists_from_rust_share_like_python_lists() {
    use pykernel::List;
    assert_eq!(
        lists::sieve(30).unwrap().to_vec(),
        vec![2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    );
    let xs = List::from_vec(vec![1.0, 2.0]);
    let (out, lo, hi, sorted, n) = lists::stats(xs.clone()).unwrap();
    // stats appends the sum to its argument: the caller's list sees it.
    assert_eq!(xs.to_vec(), vec![1.0, 2.0, 3.0]);
    assert_eq!((lo, hi, n), (1.0, 3.0, 3));
    assert_eq!(out.to_vec(), vec![0.0, 2.0, 6.0]);
    assert_eq!(sorted.to_vec(), vec![3.0, 2.0, 1.0]);
}
