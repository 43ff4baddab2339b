//! Best-of-N times (ms) of an n×n float64 matrix product: matrixmultiply's `dgemm`, gemm's
//! `gemm` (one thread), pykernel's `np.dot` of two matrices (`linalg::dot22`, which calls
//! matrixmultiply on the views' strides) and of a matrix and a vector (`linalg::dot21`).
//! `bench/gemm_choice.sh` runs it next to NumPy + OpenBLAS.

use pykernel::__private::linalg::{Product, dot21, dot22};
use pykernel::Array;
use std::time::Instant;

fn best(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut b = f64::INFINITY;
    for _ in 0..reps {
        let t = Instant::now();
        f();
        b = b.min(t.elapsed().as_secs_f64());
    }
    b * 1e3
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    println!("n,matrixmultiply_ms,gemm_ms,pykernel_dot_ms,pykernel_matvec_ms");
    for n in sizes {
        let a: Vec<f64> = (0..n * n)
            .map(|i| ((i * 7919) % 1000) as f64 / 1000.0)
            .collect();
        let b: Vec<f64> = (0..n * n)
            .map(|i| ((i * 104729) % 1000) as f64 / 1000.0)
            .collect();
        let mut c = vec![0.0f64; n * n];
        let reps = (2e8 / (n * n * n) as f64).clamp(3.0, 200.0) as usize;
        let (ni, p) = (n as isize, c.as_mut_ptr());
        // SAFETY: three n×n C-ordered buffers.
        let mm = best(reps, || unsafe {
            matrixmultiply::dgemm(
                n,
                n,
                n,
                1.0,
                a.as_ptr(),
                ni,
                1,
                b.as_ptr(),
                ni,
                1,
                0.0,
                p,
                ni,
                1,
            )
        });
        // SAFETY: as above (gemm takes column stride, then row stride).
        let gm = best(reps, || unsafe {
            gemm::gemm(
                n,
                n,
                n,
                p,
                1,
                ni,
                false,
                a.as_ptr(),
                1,
                ni,
                b.as_ptr(),
                1,
                ni,
                0.0,
                1.0,
                false,
                false,
                false,
                gemm::Parallelism::None,
            )
        });
        let (pa, pb) = (
            Array::from_vec(a.clone(), [n, n]).unwrap(),
            Array::from_vec(b.clone(), [n, n]).unwrap(),
        );
        let x = Array::from_vec(b[..n].to_vec(), [n]).unwrap();
        let pk = best(reps, || {
            std::hint::black_box(dot22(&pa, &pb, Product::Dot).unwrap());
        });
        let mv = best(reps.max(50), || {
            std::hint::black_box(dot21(&pa, &x, Product::Dot).unwrap());
        });
        println!("{n},{mm:.4},{gm:.4},{pk:.4},{mv:.4}");
    }
}
