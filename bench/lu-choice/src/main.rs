//! Best-of-N times (ms) of `np.linalg.solve(A, b)` (one right-hand side),
//! `np.linalg.inv(A)` and `np.linalg.det(A)` of an n×n float64 matrix: pykernel's
//! runtime (`linalg::solve`, `inv`, `det`: copy to column-major, blocked LU with
//! matrixmultiply updates, blocked triangular solves, result allocation included) and
//! faer's `PartialPivLu` (one thread). `bench/lu_choice.sh` runs it next to NumPy +
//! OpenBLAS.

use faer::linalg::solvers::{DenseSolveCore, PartialPivLu, Solve};
use faer::{Mat, Par};
use pykernel::__private::linalg::{det, inv, solve};
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
    faer::set_global_parallelism(Par::Seq);
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    println!(
        "n,pykernel_solve_ms,faer_solve_ms,pykernel_inv_ms,faer_inv_ms,pykernel_det_ms,faer_det_ms"
    );
    for n in sizes {
        let a: Vec<f64> = (0..n * n)
            .map(|i| ((i * 7919) % 1000) as f64 / 1000.0 + if i % (n + 1) == 0 { 1.0 } else { 0.0 })
            .collect();
        let b: Vec<f64> = (0..n)
            .map(|i| ((i * 104729) % 1000) as f64 / 1000.0)
            .collect();
        let am = Array::from_vec(a.clone(), [n, n]).unwrap();
        let bv = Array::from_vec(b.clone(), [n]).unwrap();
        let fa = Mat::<f64>::from_fn(n, n, |i, j| a[i * n + j]);
        let fb = Mat::<f64>::from_fn(n, 1, |i, _| b[i]);
        let reps = (1e8 / (n * n * n) as f64).clamp(3.0, 200.0) as usize;
        let id = |x: f64| x;
        let ps = best(reps, || {
            std::hint::black_box(solve::<_, _, f64, 2, 1, 1>(&am, &bv, id, id).unwrap());
        });
        let fs = best(reps, || {
            let lu = PartialPivLu::new(fa.as_ref());
            std::hint::black_box(lu.solve(&fb));
        });
        let pi = best(reps, || {
            std::hint::black_box(inv(&am, id).unwrap());
        });
        let fi = best(reps, || {
            let lu = PartialPivLu::new(fa.as_ref());
            std::hint::black_box(lu.inverse());
        });
        let pd = best(reps, || {
            std::hint::black_box(det(&am, id).unwrap());
        });
        let fd = best(reps, || {
            std::hint::black_box(fa.as_ref().determinant());
        });
        println!("{n},{ps:.4},{fs:.4},{pi:.4},{fi:.4},{pd:.4},{fd:.4}");
    }
}
