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

/// Diagnosis variants: the hand-written kernels with one operation replaced, to show
/// where pykernel's extra time goes (see `bench/README.md`, "Findings").
mod diag {
    /// Python's `a % b` as pykernel's runtime computes it today (`pykernel::__private::
    /// modulo`): remainder, then a branchless sign fix-up on the result.
    #[inline(always)]
    fn py_mod_today(a: i64, b: i64) -> i64 {
        let r = a.wrapping_rem(b);
        if r != 0 && ((r < 0) != (b < 0)) {
            r.wrapping_add(b)
        } else {
            r
        }
    }

    /// Proposed: test the operands' signs first (a predictable branch, off the data
    /// path), so that for non-negative operands the result is the bare remainder.
    #[inline(always)]
    fn py_mod_fast(a: i64, b: i64) -> i64 {
        if a >= 0 && b > 0 {
            a % b
        } else {
            py_mod_today(a, b)
        }
    }

    macro_rules! gcd_sum_with {
        ($name:ident, $modf:ident) => {
            pub fn $name(n: i64) -> i64 {
                let mut s = 0i64;
                for i in 1..n {
                    for j in 1..n {
                        let (mut a, mut b) = (i, j);
                        while b != 0 {
                            (a, b) = (b, $modf(a, b));
                        }
                        s = s.wrapping_add(a);
                    }
                }
                s
            }
        };
    }
    gcd_sum_with!(gcd_sum_pymod_today, py_mod_today);
    gcd_sum_with!(gcd_sum_pymod_fast, py_mod_fast);

    /// `int ** int` as pykernel's runtime computes it today (`wrapping_pow_u64!`).
    #[inline(always)]
    fn ipow_today(base: i64, exp: i64) -> i64 {
        let (mut base, mut exp, mut acc) = (base, exp as u64, 1i64);
        while exp > 0 {
            if exp & 1 == 1 {
                acc = base.wrapping_mul(acc);
            }
            exp >>= 1;
            if exp > 0 {
                base = base.wrapping_mul(base);
            }
        }
        acc
    }

    /// Proposed: the standard library's `wrapping_pow` whenever the exponent fits in
    /// a `u32` (always, in practice), the u64 loop otherwise.
    #[inline(always)]
    fn ipow_fast(base: i64, exp: i64) -> i64 {
        match u32::try_from(exp) {
            Ok(e) => base.wrapping_pow(e),
            Err(_) => ipow_today(base, exp),
        }
    }

    macro_rules! armstrong_with {
        ($name:ident, $powf:ident) => {
            pub fn $name(n: i64) -> i64 {
                let mut c = 0;
                for i in 1..n {
                    let mut k = 1i64;
                    let mut m = i;
                    while m >= 10 {
                        m /= 10;
                        k += 1;
                    }
                    let mut s = 0i64;
                    let mut m = i;
                    while m > 0 {
                        s = s.wrapping_add($powf(m % 10, k));
                        m /= 10;
                    }
                    if s == i {
                        c += 1;
                    }
                }
                c
            }
        };
    }
    armstrong_with!(armstrong_count_ipow_today, ipow_today);
    armstrong_with!(armstrong_count_ipow_fast, ipow_fast);
}

macro_rules! py_wrappers {
    ($($name:ident => $hand:path => $ret:ty;)*) => {
        $(
            /// Hand-written Rust (or diagnosis) version of a kernel of `loops.py`.
            #[pyfunction]
            fn $name(n: i64) -> $ret {
                $hand(n)
            }
        )*
        fn register_hand(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

py_wrappers! {
    collatz_longest_rs => hand::collatz_longest => i64;
    gcd_sum_rs => hand::gcd_sum => i64;
    newton_sqrt_sum_rs => hand::newton_sqrt_sum => i64;
    int_hash_rs => hand::int_hash => i64;
    prime_count_rs => hand::prime_count => i64;
    pi_leibniz_rs => hand::pi_leibniz => f64;
    armstrong_count_rs => hand::armstrong_count => i64;
    mandel_count_rs => hand::mandel_count => i64;
    diag_gcd_sum_pymod_today => diag::gcd_sum_pymod_today => i64;
    diag_gcd_sum_pymod_fast => diag::gcd_sum_pymod_fast => i64;
    diag_armstrong_count_ipow_today => diag::armstrong_count_ipow_today => i64;
    diag_armstrong_count_ipow_fast => diag::armstrong_count_ipow_fast => i64;
}

/// The Python module `bench_loops`.
#[pymodule]
fn bench_loops(m: &Bound<'_, PyModule>) -> PyResult<()> {
    loops::register(m)?;
    register_hand(m)
}
