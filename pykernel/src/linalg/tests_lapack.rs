//! `det`/`inv`/`solve` (residuals on sizes around the panel width, exact small cases,
//! NumPy's errors), `einsum` against a naive sum, `cross` and `kron`.

use num_complex::Complex;

use super::lu::NB;
use super::*;
use crate::error::ErrorKind;

/// Deterministic pseudo-random values in [-1, 1).
fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

fn c_matrix<T: Copy>(data: Vec<T>, m: usize, n: usize) -> Array<T, 2> {
    Array::from_vec(data, [m, n]).unwrap()
}

#[test]
fn small_exact_cases() {
    let a = c_matrix(vec![1.0, 2.0, 3.0, 4.0], 2, 2);
    // NumPy + OpenBLAS: sign * exp(log 3 + log 0.666...): -2.0000000000000004.
    assert_eq!(det(&a, |x: f64| x).unwrap(), -2.0000000000000004);
    let e = c_matrix(Vec::<f64>::new(), 0, 0);
    assert_eq!(det(&e, |x: f64| x).unwrap(), 1.0);
    assert_eq!(inv(&e, |x: f64| x).unwrap().shape(), [0, 0]);
    let one = c_matrix(vec![-4.0], 1, 1);
    assert_eq!(det(&one, |x: f64| x).unwrap(), -4.0);
    assert_eq!(inv(&one, |x: f64| x).unwrap().to_vec(), vec![-0.25]);
    let i = c_matrix(vec![2i64, 0, 0, 4], 2, 2);
    let r = inv(&i, |x: i64| x as f64).unwrap();
    assert_eq!(r.to_vec(), vec![0.5, 0.0, 0.0, 0.25]);
}

#[test]
fn singular_and_shape_errors() {
    let s = c_matrix(vec![1.0, 2.0, 2.0, 4.0], 2, 2);
    assert_eq!(det(&s, |x: f64| x).unwrap(), 0.0);
    let e = inv(&s, |x: f64| x).unwrap_err();
    assert_eq!(
        (e.kind(), e.message()),
        (ErrorKind::LinAlg, "Singular matrix")
    );
    let r = c_matrix(vec![1.0; 6], 2, 3);
    let e = det(&r, |x: f64| x).unwrap_err();
    assert_eq!(e.message(), "Last 2 dimensions of the array must be square");
    let a = c_matrix(vec![1.0, 0.0, 0.0, 1.0], 2, 2);
    let b = Array::from_vec(vec![1.0; 3], [3]).unwrap();
    let e = solve::<_, _, f64, 2, 1, 1>(&a, &b, |x: f64| x, |x: f64| x).unwrap_err();
    assert_eq!(
        e.message(),
        "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \
         (m,m),(m)->(m) (size 3 is different from 2)"
    );
}

/// `max |A·X - B| / (max |A| · max |X| · n)` in units of f64's epsilon.
fn residual(a: &[f64], x: &[f64], b: &[f64], n: usize, nrhs: usize) -> f64 {
    let amax = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let xmax = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let mut worst = 0.0f64;
    for i in 0..n {
        for c in 0..nrhs {
            let s: f64 = (0..n).map(|k| a[i * n + k] * x[k * nrhs + c]).sum();
            worst = worst.max((s - b[i * nrhs + c]).abs());
        }
    }
    worst / (amax * xmax * n as f64) / f64::EPSILON
}

#[test]
fn solves_around_the_panel_width() {
    for n in [1, 2, 3, 7, NB - 1, NB, NB + 1, 2 * NB + 5, 150] {
        let a = values(n * n, n as u64);
        let b = values(n * 3, 7 + n as u64);
        let am = c_matrix(a.clone(), n, n);
        let bm = c_matrix(b.clone(), n, 3);
        let x = solve::<_, _, f64, 2, 2, 2>(&am, &bm, |v: f64| v, |v: f64| v).unwrap();
        let r = residual(&a, &x.to_vec(), &b, n, 3);
        assert!(r < 4.0, "n={n}: residual {r} eps");
        let xi = inv(&am, |v: f64| v).unwrap();
        let id: Vec<f64> = (0..n * n)
            .map(|k| if k / n == k % n { 1.0 } else { 0.0 })
            .collect();
        let r = residual(&a, &xi.to_vec(), &id, n, n);
        assert!(r < 4.0, "n={n}: inverse residual {r} eps");
        // The determinant of a triangular factor's product: det(A·Aᵀ) = det(A)².
        let d = det(&am, |v: f64| v).unwrap();
        let t = am.t();
        let d2 = det(&t, |v: f64| v).unwrap();
        assert!(
            (d - d2).abs() <= 1e-12 * d.abs().max(1e-300),
            "n={n}: {d} {d2}"
        );
    }
}

#[test]
fn complex_solve_and_det() {
    let n = NB + 3;
    let re = values(n * n, 3);
    let im = values(n * n, 4);
    let a: Vec<Complex<f64>> = re
        .iter()
        .zip(&im)
        .map(|(&r, &i)| Complex::new(r, i))
        .collect();
    let am = c_matrix(a.clone(), n, n);
    let x = inv(&am, |v: Complex<f64>| v).unwrap().to_vec();
    let mut worst = 0.0f64;
    for i in 0..n {
        for j in 0..n {
            let s: Complex<f64> = (0..n).map(|k| a[i * n + k] * x[k * n + j]).sum();
            let e = if i == j { 1.0 } else { 0.0 };
            worst = worst.max((s - Complex::new(e, 0.0)).norm());
        }
    }
    assert!(worst < 1e-10, "{worst}");
    let z = c_matrix(
        vec![
            Complex::new(0.0, 1.0),
            Complex::new(0.0, 0.0),
            Complex::new(0.0, 0.0),
            Complex::new(2.0, 0.0),
        ],
        2,
        2,
    );
    let d = det(&z, |v: Complex<f64>| v).unwrap();
    assert!((d - Complex::new(0.0, 2.0)).norm() < 1e-15, "{d}");
}

#[test]
fn batched_solve_broadcasts() {
    let n = 3;
    let a = values(2 * n * n, 11);
    let a3 = Array::from_vec(a.clone(), [2, n, n]).unwrap();
    let b = Array::from_vec(values(n, 12), [n]).unwrap();
    let x = solve::<_, _, f64, 3, 1, 2>(&a3, &b, |v: f64| v, |v: f64| v).unwrap();
    assert_eq!(x.shape(), [2, n]);
    for k in 0..2 {
        let ak = c_matrix(a[k * n * n..(k + 1) * n * n].to_vec(), n, n);
        let xk = solve::<_, _, f64, 2, 1, 1>(&ak, &b, |v: f64| v, |v: f64| v).unwrap();
        assert_eq!(xk.to_vec(), x.to_vec()[k * n..(k + 1) * n]);
    }
    let b4 = Array::from_vec(values(4 * n * 2, 13), [4, n, 2]).unwrap();
    let e = solve::<_, _, f64, 3, 3, 3>(&a3, &b4, |v: f64| v, |v: f64| v).unwrap_err();
    assert_eq!(
        e.message(),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,3)->(2,newaxis,newaxis) (4,3,2)->(4,newaxis,newaxis)  and requested shape (3,2)"
    );
    let d = det_stack(&a3, |v: f64| v).unwrap();
    assert_eq!(d.shape(), [2]);
}

/// `sum over all labels of prod` by brute force, for 2-D operands `ij,jk->ik`-like
/// strings given as label arrays.
#[test]
fn einsum_matches_naive_sums() {
    let a = c_matrix((0..12).map(|v| v as i64 - 5).collect(), 3, 4);
    let b = c_matrix((0..20).map(|v| (v % 7) as i64).collect(), 4, 5);
    let c = einsum2(&a, *b"ij", &b, *b"jk", *b"ik").unwrap();
    assert_eq!(c.to_vec(), dot22(&a, &b, Product::Dot).unwrap().to_vec());
    // The same product, output transposed ('ij,jk->ki'): the block rearranged.
    let ct = einsum2(&a, *b"ij", &b, *b"jk", *b"ki").unwrap();
    assert_eq!(ct.to_vec(), c.t().to_vec());
    // Frobenius inner product through the merged contiguous axes, and by loops on a
    // transposed operand.
    let s = einsum2_scalar(&a, *b"ij", &a, *b"ij").unwrap();
    assert_eq!(s, a.to_vec().iter().map(|x| x * x).sum::<i64>());
    let at = a.t();
    let s2 = einsum2_scalar(&at, *b"ji", &a, *b"ij").unwrap();
    assert_eq!(s2, s);
    // Trace, diagonal sums, row and column sums.
    let sq = c_matrix((0..9).collect::<Vec<i32>>(), 3, 3);
    assert_eq!(einsum1_scalar(&sq, *b"ii").unwrap(), 12);
    assert_eq!(
        einsum1(&sq, *b"ij", *b"i").unwrap().to_vec(),
        vec![3, 12, 21]
    );
    assert_eq!(
        einsum1(&sq, *b"ij", *b"j").unwrap().to_vec(),
        vec![9, 12, 15]
    );
    // A diagonal of a 3-D operand summed: 'iij->j'.
    let t = Array::from_vec((0..18).collect::<Vec<i64>>(), [3, 3, 2]).unwrap();
    let d = einsum1(&t, *b"iij", *b"j").unwrap();
    assert_eq!(d.to_vec(), vec![8 + 16, 1 + 9 + 17]);
    // Outer product and a broadcast extent 1.
    let x = Array::from_vec(vec![1.0, 2.0], [2]).unwrap();
    let y = Array::from_vec(vec![3.0, 4.0, 5.0], [3]).unwrap();
    let o = einsum2(&x, *b"i", &y, *b"j", *b"ij").unwrap();
    assert_eq!(o.to_vec(), vec![3.0, 4.0, 5.0, 6.0, 8.0, 10.0]);
    let one = Array::from_vec(vec![2.0], [1]).unwrap();
    assert_eq!(einsum2_scalar(&one, *b"i", &y, *b"i").unwrap(), 24.0);
    // NumPy's errors.
    let e = einsum2(&x, *b"i", &y, *b"i", *b"")
        .map(|_: Array<f64, 0>| ())
        .unwrap_err();
    assert_eq!(
        e.message(),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,)->(2,) (3,)->(3,) "
    );
    let r = c_matrix(vec![1.0; 6], 2, 3);
    let e = einsum1_scalar(&r, *b"ii").unwrap_err();
    assert_eq!(
        e.message(),
        "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)"
    );
    let e = einsum2(&r, *b"ij", &c_matrix(vec![1.0; 8], 4, 2), *b"jk", *b"ik").unwrap_err();
    assert_eq!(
        e.message(),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3)->(2,newaxis,3) (4,2)->(2,4) "
    );
}

#[test]
fn batched_einsum_is_matmul() {
    let a = Array::from_vec(values(2 * 3 * 4, 1), [2, 3, 4]).unwrap();
    let b = Array::from_vec(values(2 * 4 * 5, 2), [2, 4, 5]).unwrap();
    let e = einsum2(&a, *b"ijk", &b, *b"ikl", *b"ijl").unwrap();
    let m = matmul3::<f64, 3, 3, 3>(&a, &b).unwrap();
    assert_eq!(e.to_vec(), m.to_vec());
}

#[test]
fn cross_and_kron() {
    let a = Array::from_vec(vec![1i64, 2, 3, 4, 5, 6], [2, 3]).unwrap();
    let b = Array::from_vec(vec![7i64, 8, 9], [3]).unwrap();
    let c = cross::<_, 2, 1, 1, 2>(&a, &b).unwrap();
    assert_eq!(c.to_vec(), vec![-6, 12, -6, -3, 6, -3]);
    let v2 = Array::from_vec(vec![1.0f64, 0.0], [2]).unwrap();
    let z = Array::from_vec(vec![0.0f64, 0.0, 1.0], [3]).unwrap();
    let c = cross::<_, 1, 1, 0, 1>(&v2, &z).unwrap();
    assert_eq!(c.to_vec(), vec![0.0, -1.0, 0.0]);
    let e = cross::<_, 1, 1, 0, 1>(&v2, &v2).unwrap_err();
    assert!(
        e.message()
            .starts_with("np.cross of two arrays of 2-vectors")
    );
    let e = cross::<_, 2, 2, 1, 2>(&a, &c_matrix(vec![1i64; 9], 3, 3)).unwrap_err();
    assert_eq!(
        e.message(),
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between \
         arg 0 with shape (2,) and arg 1 with shape (3,)."
    );
    let k = kron::<_, 1, 2, 2>(
        &Array::from_vec(vec![1i16, 2], [2]).unwrap(),
        &c_matrix(vec![1i16, 2, 3, 4], 2, 2),
    )
    .unwrap();
    assert_eq!(k.shape(), [2, 4]);
    assert_eq!(k.to_vec(), vec![1, 2, 2, 4, 3, 4, 6, 8]);
}
