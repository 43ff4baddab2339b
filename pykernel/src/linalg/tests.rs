//! The products against a naive reference, on C-ordered, transposed, reversed and
//! strided views (matrixmultiply gets the views' strides directly).

use super::*;

/// A view of `v` with `shape`, `strides` starting at element `start` (may be negative
/// strides from the end).
fn view<T: Copy>(v: &mut [T], start: usize, shape: [usize; 2], strides: [isize; 2]) -> Array<T, 2> {
    // SAFETY: every test keeps its views inside `v`.
    unsafe { Array::from_raw(v.as_mut_ptr().add(start), shape, strides) }
}

fn naive(a: &ArrayView<f64, 2>, b: &ArrayView<f64, 2>) -> Vec<f64> {
    let ([m, k], [_, n]) = (a.shape(), b.shape());
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            for p in 0..k {
                c[i * n + j] +=
                    a.get([i as i64, p as i64]).unwrap() * b.get([p as i64, j as i64]).unwrap();
            }
        }
    }
    c
}

#[test]
fn gemm_on_strided_views() {
    // Values whose products and sums are exact: every order gives the same bits.
    let mut da: Vec<f64> = (0..200).map(|i| (i % 7) as f64 - 3.0).collect();
    let mut db: Vec<f64> = (0..200).map(|i| (i % 5) as f64 * 0.5).collect();
    let cases: Vec<(Array<f64, 2>, Array<f64, 2>)> = vec![
        // C order, 3×4 · 4×5.
        (
            view(&mut da, 0, [3, 4], [4, 1]),
            view(&mut db, 0, [4, 5], [5, 1]),
        ),
        // Transposed (F order) A, strided B (every other column).
        (
            view(&mut da, 0, [3, 4], [1, 3]),
            view(&mut db, 0, [4, 5], [10, 2]),
        ),
        // Reversed rows of A (negative row stride), reversed columns of B.
        (
            view(&mut da, 8, [3, 4], [-4, 1]),
            view(&mut db, 4, [4, 5], [5, -1]),
        ),
        // A broadcast row (zero stride).
        (
            view(&mut da, 0, [3, 4], [0, 1]),
            view(&mut db, 0, [4, 2], [2, 1]),
        ),
    ];
    for (a, b) in &cases {
        let c = dot22(a, b, Product::Dot).unwrap();
        assert_eq!(c.to_vec(), naive(a, b));
        assert_eq!(c.strides(), [c.shape()[1] as isize, 1]);
    }
}

#[test]
fn int_and_bool_products_wrap_and_or() {
    let mut a = vec![100i8, 100, 1, 2];
    let mut b = vec![2i8, 0, 1, 1];
    let c = dot22(
        &view(&mut a, 0, [2, 2], [2, 1]),
        &view(&mut b, 0, [2, 2], [2, 1]),
        Product::Dot,
    )
    .unwrap();
    // 100*2 + 100*1 = 300 wraps to 44 in int8.
    assert_eq!(c.to_vec(), vec![44, 100, 4, 2]);
    // The column-order loop (F-order B) gives the same.
    let c2 = dot22(
        &view(&mut a, 0, [2, 2], [2, 1]),
        &view(&mut b, 0, [2, 2], [1, 2]),
        Product::Dot,
    )
    .unwrap();
    // a = [[100, 100], [1, 2]], b = [[2, 1], [0, 1]]: 200 wraps to -56.
    assert_eq!(c2.to_vec(), vec![-56, -56, 2, 3]);
    let mut p = vec![true, false, false, false];
    let mut q = vec![false, true, true, false];
    let r = dot22(
        &view(&mut p, 0, [2, 2], [2, 1]),
        &view(&mut q, 0, [2, 2], [2, 1]),
        Product::Dot,
    )
    .unwrap();
    assert_eq!(r.to_vec(), vec![false, true, false, false]);
}

#[test]
fn complex_gemm_and_vdot() {
    let mut a: Vec<Complex<f64>> = (0..6)
        .map(|i| Complex::new(i as f64, 1.0 - i as f64))
        .collect();
    let mut b: Vec<Complex<f64>> = (0..6).map(|i| Complex::new(0.5 * i as f64, 2.0)).collect();
    let av = view(&mut a, 0, [2, 3], [3, 1]);
    let bv = view(&mut b, 0, [3, 2], [1, 3]);
    let c = dot22(&av, &bv, Product::Dot).unwrap();
    for i in 0..2i64 {
        for j in 0..2i64 {
            let mut s = Complex::new(0.0, 0.0);
            for p in 0..3i64 {
                s += av.get([i, p]).unwrap() * bv.get([p, j]).unwrap();
            }
            assert_eq!(c.get([i, j]).unwrap(), s);
        }
    }
    let v = vdot(&av, &av).unwrap();
    let norm: f64 = a.iter().map(|z| z.norm_sqr()).sum();
    assert_eq!(v, Complex::new(norm, 0.0));
}

#[test]
fn vectors_and_errors() {
    let mut a: Vec<f64> = (0..40).map(|i| i as f64).collect();
    let m = view(&mut a, 0, [4, 10], [10, 1]);
    let x = m.sub(1).unwrap();
    // Long enough for the eight-lane loop and its tail.
    let s = dot11(&x, &x, Product::Dot).unwrap();
    assert_eq!(s, (10..20).map(|i| (i * i) as f64).sum::<f64>());
    // F-order 3×4 (columns contiguous) · a 4-vector of stride 10.
    let f = view(&mut a, 0, [3, 4], [1, 3]);
    let v = m.t().sub(0).unwrap();
    let y = dot21(&f, &v, Product::Dot).unwrap();
    let want: Vec<f64> = (0..3)
        .map(|i| (0..4).map(|j| ((i + 3 * j) * 10 * j) as f64).sum())
        .collect();
    assert_eq!(y.to_vec(), want);
    // 1-D · 2-D is the transposed product.
    let w = dot12(&v, &m, Product::Dot).unwrap();
    let want: Vec<f64> = (0..10)
        .map(|j| (0..4).map(|i| (10 * i * (10 * i + j)) as f64).sum())
        .collect();
    assert_eq!(w.to_vec(), want);
    let e = dot21(&m, &v, Product::Dot).unwrap_err();
    assert_eq!(
        e.message(),
        "shapes (4,10) and (4,) not aligned: 10 (dim 1) != 4 (dim 0)"
    );
    let e = dot22(&m, &m, Product::Matmul).unwrap_err();
    assert_eq!(
        e.message(),
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
         signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 10)"
    );
    // k = 0: zeros; m = 0: empty.
    let z = dot22(
        &view(&mut a, 0, [2, 0], [1, 1]),
        &view(&mut a, 0, [0, 3], [1, 1]),
        Product::Dot,
    )
    .unwrap();
    assert_eq!((z.shape(), z.to_vec()), ([2, 3], vec![0.0; 6]));
    let mut t = vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0];
    assert_eq!(
        diagonal(&view(&mut t, 0, [2, 3], [3, 1])).to_vec(),
        vec![1.0, 5.0]
    );
    let o = outer(
        &view(&mut t, 0, [1, 2], [3, 1]),
        &view(&mut t, 0, [3, 1], [1, 1]),
    )
    .unwrap();
    assert_eq!(o.to_vec(), vec![1.0, 2.0, 3.0, 2.0, 4.0, 6.0]);
}

#[test]
fn matvec_four_rows_at_a_time() {
    // 7 rows (one block of four, three left) of 19 elements (two lanes of eight, three
    // left), float64 and float32, exact values.
    let mut a: Vec<f64> = (0..7 * 19).map(|i| (i % 11) as f64 - 5.0).collect();
    let mut x: Vec<f64> = (0..19).map(|i| (i % 4) as f64 * 0.5).collect();
    let av = view(&mut a, 0, [7, 19], [19, 1]);
    // SAFETY: 19 elements.
    let xv = unsafe { Array::from_raw(x.as_mut_ptr(), [19], [1]) };
    let y = dot21(&av, &xv, Product::Dot).unwrap();
    let want: Vec<f64> = (0..7)
        .map(|i| (0..19).map(|j| a[i * 19 + j] * x[j]).sum())
        .collect();
    assert_eq!(y.to_vec(), want);
    let mut a32: Vec<f32> = a.iter().map(|&v| v as f32).collect();
    let mut x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    // SAFETY: 7×19 and 19 elements.
    let (av, xv) = unsafe {
        (
            Array::from_raw(a32.as_mut_ptr(), [7, 19], [19, 1]),
            Array::from_raw(x32.as_mut_ptr(), [19], [1]),
        )
    };
    let y32 = dot21(&av, &xv, Product::Dot).unwrap();
    assert_eq!(
        y32.to_vec(),
        want.iter().map(|&v| v as f32).collect::<Vec<_>>()
    );
}

#[test]
fn batched_matmul() {
    let mut a: Vec<i64> = (0..24).collect();
    let mut b: Vec<i64> = (0..24).map(|i| i % 5 - 2).collect();
    // SAFETY: every view below stays inside its 24 elements.
    let (a3, b3, b2, x) = unsafe {
        (
            Array::from_raw(a.as_mut_ptr(), [2, 3, 4], [12, 4, 1]),
            Array::from_raw(b.as_mut_ptr(), [2, 4, 2], [1, 2, 8]),
            Array::from_raw(b.as_mut_ptr(), [4, 2], [2, 1]),
            Array::from_raw(b.as_mut_ptr(), [4], [1]),
        )
    };
    let naive = |i: usize, r: usize, c: usize, bm: &ArrayView<i64, 3>| -> i64 {
        (0..4)
            .map(|p| {
                a3.get([i as i64, r as i64, p]).unwrap() * bm.get([i as i64, p, c as i64]).unwrap()
            })
            .sum()
    };
    let c: Array<i64, 3> = matmul3(&a3, &b3).unwrap();
    assert_eq!(c.shape(), [2, 3, 2]);
    for i in 0..2 {
        for r in 0..3 {
            for col in 0..2 {
                assert_eq!(
                    c.get([i as i64, r as i64, col as i64]).unwrap(),
                    naive(i, r, col, &b3)
                );
            }
        }
    }
    // A 2-D right operand is broadcast along the stack; a 1-D one drops its axis.
    let d: Array<i64, 3> = matmul3(&a3, &b2).unwrap();
    assert_eq!(
        d.sub(1).unwrap().to_vec(),
        dot22(&a3.sub(1).unwrap(), &b2, Product::Dot)
            .unwrap()
            .to_vec()
    );
    let e: Array<i64, 2> = matmul3(&a3, &x).unwrap();
    assert_eq!(e.shape(), [2, 3]);
    assert_eq!(
        e.sub(0).unwrap().to_vec(),
        dot21(&a3.sub(0).unwrap(), &x, Product::Dot)
            .unwrap()
            .to_vec()
    );
    // Stacks of 2 and 3 matrices do not broadcast.
    let mut z = vec![0i64; 36];
    // SAFETY: 3×4×3 elements.
    let z3 = unsafe { Array::from_raw(z.as_mut_ptr(), [3, 4, 3], [12, 3, 1]) };
    let err = matmul3::<i64, 3, 3, 3>(&a3, &z3).unwrap_err();
    assert_eq!(
        err.message(),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,4)->(2,newaxis,newaxis) (3,4,3)->(3,newaxis,newaxis)  and requested shape (3,3)"
    );
}

#[test]
#[cfg(target_arch = "x86_64")]
fn avx2_rows_match_the_portable_loop_bit_for_bit() {
    if !std::is_x86_feature_detected!("avx2") {
        return;
    }
    // Inexact values: any difference in summation order would show in the last bits.
    let vals: Vec<f64> = (0..4 * 37)
        .map(|i| ((i * 7919) % 1013) as f64 / 97.0 - 5.1)
        .collect();
    let x: Vec<f64> = (0..37)
        .map(|i| ((i * 104729) % 101) as f64 / 13.0 - 3.3)
        .collect();
    let rows = [&vals[0..37], &vals[37..74], &vals[74..111], &vals[111..148]];
    // SAFETY: AVX2 is present.
    let fast = unsafe { super::rows4_dot_f64_avx2(rows, &x) };
    assert_eq!(
        fast.map(f64::to_bits),
        super::rows4_dot_f64(rows, &x).map(f64::to_bits)
    );
    let v32: Vec<f32> = vals.iter().map(|&v| v as f32).collect();
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let rows = [&v32[0..37], &v32[37..74], &v32[74..111], &v32[111..148]];
    // SAFETY: AVX2 is present.
    let fast = unsafe { super::rows4_dot_f32_avx2(rows, &x32) };
    assert_eq!(
        fast.map(f32::to_bits),
        super::rows4_dot_f32(rows, &x32).map(f32::to_bits)
    );
}
