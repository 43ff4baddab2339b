//! pykernel from plain Rust: the kernels of `kernels/testlib.py` are translated by
//! `build.rs` and called directly, with no Python at build or run time of this binary.

// Array exports take and return ndarray types: pykernel re-exports the ndarray it was
// built with (0.17), so this crate needs no ndarray dependency of its own.
use pykernel::ndarray::{Array1, array};

/// The kernels of `kernels/testlib.py`.
mod testlib {
    pykernel::include_kernel!("testlib.py");
}

/// `f(n, x, &c)`: the seed's integrand `c + x - y*z` (a capsule export, so an
/// `unsafe extern "C" fn` taking raw pointers).
fn integrand(c: f64, point: [f64; 3]) -> f64 {
    let mut x = point;
    let mut c = c;
    // SAFETY: `x` holds the 3 values `f` reads and `c` the one user-data value.
    unsafe { testlib::f(3, x.as_mut_ptr(), &mut c) }
}

/// Midpoint rule for the integral of `f` over `[0,10] x [-10,0] x [-1,1]` with `n`
/// cells per axis. The integrand is linear in each variable, so the midpoint rule is
/// exact: the result is 1200 for c = 1, up to rounding.
fn integrate_f(c: f64, n: usize) -> f64 {
    let ranges = [(0.0, 10.0), (-10.0, 0.0), (-1.0, 1.0)];
    let h: Vec<f64> = ranges.iter().map(|(a, b)| (b - a) / n as f64).collect();
    let mut sum = 0.0;
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                let p = [
                    ranges[0].0 + (i as f64 + 0.5) * h[0],
                    ranges[1].0 + (j as f64 + 0.5) * h[1],
                    ranges[2].0 + (k as f64 + 0.5) * h[2],
                ];
                sum += integrand(c, p);
            }
        }
    }
    sum * h[0] * h[1] * h[2]
}

/// The ndimage callback `transform_basic` / `transform`: input = output - shift.
/// Returns (C int status, input coordinates).
fn shifted(
    callback: unsafe extern "C" fn(*mut i64, *mut f64, i32, i32, *mut f64) -> i32,
    output: &[i64],
    shift: f64,
) -> (i32, Vec<f64>) {
    let mut out = output.to_vec();
    let mut input = vec![0.0; output.len()];
    let mut shift = shift;
    let rank = output.len() as i32;
    // SAFETY: both coordinate buffers hold `rank` elements; user data is one f64.
    let status = unsafe { callback(out.as_mut_ptr(), input.as_mut_ptr(), rank, rank, &mut shift) };
    (status, input)
}

fn main() {
    let show = |label: &str, value: &dyn std::fmt::Debug| println!("{label:<30} = {value:?}");
    show("f(3, [2, 3, 4], c=1)", &integrand(1.0, [2.0, 3.0, 4.0]));
    show("midpoint integral of f, n=20", &integrate_f(1.0, 20));
    show(
        "transform_basic([3, 5], 0.5)",
        &shifted(testlib::transform_basic, &[3, 5], 0.5),
    );
    show(
        "transform([3, 5, 7], 0.5)",
        &shifted(testlib::transform, &[3, 5, 7], 0.5),
    );
    show("hypot2(3, 4)", &testlib::hypot2(3.0, 4.0));
    show("floor_div(-7, 2)", &testlib::floor_div(-7, 2));
    show("floor_div(7, 0)", &testlib::floor_div(7, 0));
    let x: Array1<f64> = array![1.0, 2.0, 4.0, 8.0, 16.0];
    show(
        "moving_average(x, 2)",
        &testlib::moving_average(x.view(), 2),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capsule_f() {
        // 1 + 2 - 3 * 4
        assert_eq!(integrand(1.0, [2.0, 3.0, 4.0]), -9.0);
        assert_eq!(integrand(0.5, [0.0, -1.0, 2.0]), 2.5);
        let v = integrate_f(1.0, 20);
        assert!((v - 1200.0).abs() < 1e-9, "{v}");
    }

    #[test]
    fn capsule_transforms() {
        for callback in [testlib::transform_basic, testlib::transform] {
            assert_eq!(shifted(callback, &[3, 5], 0.5), (1, vec![2.5, 4.5]));
            assert_eq!(
                shifted(callback, &[0, 1, -2], 1.0),
                (1, vec![-1.0, 0.0, -3.0])
            );
            assert_eq!(shifted(callback, &[], 1.0), (1, vec![]));
        }
    }

    #[test]
    fn regular_exports() {
        assert_eq!(testlib::hypot2(3.0, 4.0).unwrap(), 5.0);
        assert_eq!(testlib::hypot2(0.0, 0.0).unwrap(), 0.0);
        assert_eq!(testlib::floor_div(-7, 2).unwrap(), -4);
        assert_eq!(testlib::floor_div(7, -2).unwrap(), -4);
        assert_eq!(testlib::floor_div(-7, -3).unwrap(), 2);
        assert_eq!(testlib::floor_div(i64::MIN, -1).unwrap(), i64::MIN); // wraps, as NumPy int64
        assert!(testlib::floor_div(7, 0).is_err());
    }

    #[test]
    fn array_export_with_ndarray_types() {
        let x = array![1.0, 2.0, 4.0, 8.0, 16.0];
        let m = testlib::moving_average(x.view(), 2).unwrap();
        assert_eq!(m, array![1.5, 3.0, 6.0, 12.0]);
        // CPython: np.zeros(len(x) - w + 1) with a negative length is a ValueError.
        assert!(testlib::moving_average(x.view(), 7).is_err());
    }
}
