//! `bench_loops`: the issue-3 scalar/loop benchmark as a Python extension module.
//!
//! - `bench_loops.<name>`: compiled by pykernel from `../kernels/loops.py` (plain Python
//!   with `#pythran export` comments), registered with `loops::register`.
//! - `bench_loops.<name>_rs`: the same algorithm hand-written in idiomatic Rust, the
//!   reference for speed. Each returns exactly what CPython returns for `loops.<name>`.

use pyo3::prelude::*;

/// The kernels of `../kernels/loops.py`, translated at build time by `build.rs`.
mod loops {
    pykernel::include_kernel!("loops.py");
}

/// Hand-written Rust versions of the kernels in `loops.py` (same algorithms, same
/// results, written as a Rust programmer would).
mod hand {
    fn collatz_len(mut x: i64) -> i64 {
        let mut k = 1;
        while x != 1 {
            if x % 2 == 0 {
                x /= 2;
            } else {
                x = 3 * x + 1;
            }
            k += 1;
        }
        k
    }

    pub fn collatz_longest(n: i64) -> i64 {
        let (mut best, mut best_len) = (1, 1);
        for s in 1..n {
            let k = collatz_len(s);
            if k > best_len {
                best_len = k;
                best = s;
            }
        }
        best
    }

    fn gcd(mut a: i64, mut b: i64) -> i64 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    pub fn gcd_sum(n: i64) -> i64 {
        let mut s = 0i64;
        for i in 1..n {
            for j in 1..n {
                s = s.wrapping_add(gcd(i, j));
            }
        }
        s
    }

    fn newton_sqrt(x: f64) -> f64 {
        let mut y = if x > 1.0 { x } else { 1.0 };
        loop {
            let z = 0.5 * (y + x / y);
            if z >= y {
                return y;
            }
            y = z;
        }
    }

    pub fn newton_sqrt_sum(n: i64) -> i64 {
        (1..n)
            .filter(|&i| {
                let x = 0.37 * i as f64;
                newton_sqrt(x) == x.sqrt()
            })
            .count() as i64
    }

    const FNV_OFFSET: u32 = 2_166_136_261;
    const FNV_PRIME: u32 = 16_777_619;

    pub fn int_hash(n: i64) -> i64 {
        let mut h = FNV_OFFSET;
        for i in 0..n {
            let mut x = i as u32;
            for _ in 0..4 {
                h = (h ^ (x & 0xff)).wrapping_mul(FNV_PRIME);
                x >>= 8;
            }
            h ^= h << 13;
            h ^= h >> 17;
            h ^= h << 5;
        }
        i64::from(h)
    }

    fn is_prime(m: i64) -> bool {
        if m < 2 {
            return false;
        }
        if m % 2 == 0 {
            return m == 2;
        }
        let mut d = 3;
        while d * d <= m {
            if m % d == 0 {
                return false;
            }
            d += 2;
        }
        true
    }

    pub fn prime_count(n: i64) -> i64 {
        (0..n).filter(|&m| is_prime(m)).count() as i64
    }

    pub fn pi_leibniz(n: i64) -> f64 {
        let mut s = 0.0;
        let mut sign = 1.0;
        for k in 0..n {
            s += sign / (2 * k + 1) as f64;
            sign = -sign;
        }
        4.0 * s
    }

    fn num_digits(mut m: i64) -> u32 {
        let mut k = 1;
        while m >= 10 {
            m /= 10;
            k += 1;
        }
        k
    }

    pub fn armstrong_count(n: i64) -> i64 {
        let mut c = 0;
        for i in 1..n {
            let k = num_digits(i);
            let mut s = 0i64;
            let mut m = i;
            while m > 0 {
                s += (m % 10).pow(k);
                m /= 10;
            }
            if s == i {
                c += 1;
            }
        }
        c
    }

    pub fn mandel_count(n: i64) -> i64 {
        let nf = n as f64;
        let mut c = 0;
        for py in 0..n {
            let ci = -1.5 + 3.0 * py as f64 / nf;
            for px in 0..n {
                let cr = -2.0 + 3.0 * px as f64 / nf;
                let (mut zr, mut zi) = (0.0f64, 0.0f64);
                let mut k = 0;
                while k < 100 && zr * zr + zi * zi <= 4.0 {
                    (zr, zi) = (zr * zr - zi * zi + cr, 2.0 * zr * zi + ci);
                    k += 1;
                }
                if k == 100 {
                    c += 1;
                }
            }
        }
        c
    }
}

macro_rules! py_wrappers {
    ($($name:ident => $hand:ident -> $ret:ty;)*) => {
        $(
            /// Hand-written Rust version of the kernel of the same name in `loops.py`.
            #[pyfunction]
            fn $name(n: i64) -> $ret {
                hand::$hand(n)
            }
        )*
        fn register_hand(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

py_wrappers! {
    collatz_longest_rs => collatz_longest -> i64;
    gcd_sum_rs => gcd_sum -> i64;
    newton_sqrt_sum_rs => newton_sqrt_sum -> i64;
    int_hash_rs => int_hash -> i64;
    prime_count_rs => prime_count -> i64;
    pi_leibniz_rs => pi_leibniz -> f64;
    armstrong_count_rs => armstrong_count -> i64;
    mandel_count_rs => mandel_count -> i64;
}

/// The Python module `bench_loops`.
#[pymodule]
fn bench_loops(m: &Bound<'_, PyModule>) -> PyResult<()> {
    loops::register(m)?;
    register_hand(m)
}
