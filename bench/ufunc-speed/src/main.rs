//! Times plain `for` loops over slices of 10**6 elements calling the runtime's ufunc
//! loops (`pykernel::__private::ufunc`): the libm-based functions and the branch-free
//! vectorizable ones (`ufunc::vmath`). Prints `name ns/element`, the best of 7 runs.
//! `bench/ufunc_speed.sh` runs it built for the default target and for
//! `-C target-cpu=native`, next to NumPy's time for the same ufunc.

use std::hint::black_box;
use std::time::Instant;

use pykernel::__private::ufunc::{self, vmath};

const N: usize = 1_000_000;

/// Inputs of one function: uniform in `[lo, hi)` (a fixed LCG, like `np.random`'s range).
fn inputs(lo: f64, hi: f64, seed: u64) -> Vec<f64> {
    let mut s = seed;
    (0..N)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            lo + (hi - lo) * ((s >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

/// Best time of 7 runs of `f`, in ns per element.
fn best(mut f: impl FnMut()) -> f64 {
    (0..7)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e9 / N as f64
        })
        .fold(f64::INFINITY, f64::min)
}

#[inline(never)]
fn map1_f64(x: &[f64], out: &mut [f64], f: impl Fn(f64) -> f64) {
    for (o, &a) in out.iter_mut().zip(x) {
        *o = f(a);
    }
}

#[inline(never)]
fn map2_f64(x: &[f64], y: &[f64], out: &mut [f64], f: impl Fn(f64, f64) -> f64) {
    for ((o, &a), &b) in out.iter_mut().zip(x).zip(y) {
        *o = f(a, b);
    }
}

#[inline(never)]
fn map1_f32(x: &[f32], out: &mut [f32], f: impl Fn(f32) -> f32) {
    for (o, &a) in out.iter_mut().zip(x) {
        *o = f(a);
    }
}

fn main() {
    let x = inputs(-10.0, 10.0, 1);
    let y = inputs(-10.0, 10.0, 2);
    let pos = inputs(1e-3, 1e3, 3);
    let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let pos32: Vec<f32> = pos.iter().map(|&v| v as f32).collect();
    let mut out = vec![0.0f64; N];
    let mut out32 = vec![0.0f32; N];
    macro_rules! unary {
        ($name:literal, $xs:expr, $f:expr) => {
            let t = best(|| map1_f64(black_box(&$xs), &mut out, $f));
            println!("{:<22} {t:7.2}", $name);
        };
    }
    macro_rules! unary32 {
        ($name:literal, $xs:expr, $f:expr) => {
            let t = best(|| map1_f32(black_box(&$xs), &mut out32, $f));
            println!("{:<22} {t:7.2}", $name);
        };
    }
    unary!("f64::exp", x, ufunc::f64::exp);
    unary!("f64::exp_libm", x, ufunc::f64::exp_libm);
    unary!("f64::log", pos, ufunc::f64::log);
    unary!("f64::log_libm", pos, ufunc::f64::log_libm);
    unary!("f64::sin", x, ufunc::f64::sin);
    unary!("vmath::sin_medium", x, vmath::sin_medium);
    unary!("f64::cos", x, ufunc::f64::cos);
    unary!("vmath::cos_medium", x, vmath::cos_medium);
    let t = best(|| map2_f64(black_box(&x), black_box(&y), &mut out, ufunc::f64::arctan2));
    println!("{:<22} {t:7.2}", "f64::arctan2");
    let t = best(|| {
        map2_f64(
            black_box(&x),
            black_box(&y),
            &mut out,
            ufunc::f64::arctan2_libm,
        )
    });
    println!("{:<22} {t:7.2}", "f64::arctan2_libm");
    unary!("f64::tanh", x, ufunc::f64::tanh);
    let t = best(|| map2_f64(black_box(&pos), black_box(&y), &mut out, ufunc::f64::power));
    println!("{:<22} {t:7.2}", "f64::power");
    unary!("f64::sqrt", pos, ufunc::f64::sqrt);
    unary32!("f32::exp", x32, ufunc::f32::exp);
    unary32!("f32::exp_libm", x32, ufunc::f32::exp_libm);
    unary32!("f32::log", pos32, ufunc::f32::log);
    unary32!("f32::log_libm", pos32, ufunc::f32::log_libm);
    unary32!("f32::sin", x32, ufunc::f32::sin);
    unary32!("f32::cos", x32, ufunc::f32::cos);
    black_box((&out, &out32));
}
