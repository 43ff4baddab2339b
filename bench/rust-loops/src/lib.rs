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

    /// The multiples as `(i * i..n + 1).step_by(i)`, Python's `range(i * i, n + 1, i)`;
    /// `(i * i..=n).step_by(i)` would be much slower (see `diag::sieve_count_incl`).
    pub fn sieve_count(n: i64) -> i64 {
        let n = n as usize;
        let mut is_p = vec![true; n + 1];
        is_p[0] = false;
        is_p[1] = false;
        let mut i = 2;
        while i * i <= n {
            if is_p[i] {
                for j in (i * i..n + 1).step_by(i) {
                    is_p[j] = false;
                }
            }
            i += 1;
        }
        is_p.iter().filter(|&&b| b).count() as i64
    }

    pub fn coin_ways(n: i64) -> i64 {
        let n = n as usize;
        let mut ways = vec![0i64; n + 1];
        ways[0] = 1;
        for c in [1, 2, 5, 10, 20, 50, 100, 200] {
            for a in c..=n {
                ways[a] = (ways[a] + ways[a - c]) % 2_147_483_647;
            }
        }
        ways[n]
    }
}

/// Diagnosis variants: the hand-written kernels with one operation replaced, to show
/// where pykernel's extra time goes (see `bench/README.md`, "Findings").
mod diag {
    /// `newton_sqrt` with Python's check that the divisor of `x / y` is not zero
    /// (CPython raises `ZeroDivisionError`; pykernel's `py_truediv` does the same test).
    fn newton_sqrt_zero_check(x: f64) -> Result<f64, ()> {
        let mut y = if x > 1.0 { x } else { 1.0 };
        loop {
            if y == 0.0 {
                return Err(());
            }
            let z = 0.5 * (y + x / y);
            if z >= y {
                return Ok(y);
            }
            y = z;
        }
    }

    pub fn newton_sqrt_sum_zero_check(n: i64) -> i64 {
        let mut count = 0;
        for i in 1..n {
            let x = 0.37 * i as f64;
            match newton_sqrt_zero_check(x) {
                Ok(y) if y == x.sqrt() => count += 1,
                Ok(_) => {}
                Err(()) => return -1,
            }
        }
        count
    }

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

    // --- sieve_count: the hand-written loop shapes ------------------------------------

    /// The hand-written sieve with an inclusive range, `(i * i..=n).step_by(i)`: the
    /// standard library turns `StepBy<Range<usize>>` into a counted loop, but not
    /// `StepBy<RangeInclusive>`, whose every step pays an overflow check and the
    /// `exhausted` flag (about 20 instructions per store instead of 6).
    pub fn sieve_count_incl(n: i64) -> i64 {
        let n = n as usize;
        let mut is_p = vec![true; n + 1];
        is_p[0] = false;
        is_p[1] = false;
        let mut i = 2;
        while i * i <= n {
            if is_p[i] {
                for j in (i * i..=n).step_by(i) {
                    is_p[j] = false;
                }
            }
            i += 1;
        }
        is_p.iter().filter(|&&b| b).count() as i64
    }

    /// The hand-written sieve with a `while` loop for the multiples.
    pub fn sieve_count_while(n: i64) -> i64 {
        let n = n as usize;
        let mut is_p = vec![true; n + 1];
        is_p[0] = false;
        is_p[1] = false;
        let mut i = 2;
        while i * i <= n {
            if is_p[i] {
                let mut j = i * i;
                while j <= n {
                    is_p[j] = false;
                    j += i;
                }
            }
            i += 1;
        }
        is_p.iter().filter(|&&b| b).count() as i64
    }

    /// The sieve on pykernel's runtime `List<bool>`, written as the generated code is
    /// (`range_len` + counted loop, `set`/`get` with Python index checks, `item` loop).
    pub fn sieve_count_list(n: i64) -> i64 {
        use pykernel::__private::List;
        let is_p = List::repeat_vec(vec![true], n + 1);
        is_p.set(0, false).unwrap();
        is_p.set(1, false).unwrap();
        let mut i = 2i64;
        while i * i <= n {
            if is_p.get(i).unwrap() {
                let (start, step) = (i * i, i);
                let m = pykernel::__private::range_len(start, n + 1, step).unwrap();
                for k in 0..m {
                    is_p.set(start.wrapping_add((k as i64).wrapping_mul(step)), false)
                        .unwrap();
                }
            }
            i += 1;
        }
        let mut count = 0;
        let mut k = 0;
        while let Some(b) = is_p.item(k) {
            k += 1;
            if b {
                count += 1;
            }
        }
        count
    }

    // --- coin_ways: what separates pykernel from the hand-written loop ----------------

    const COINS: [usize; 8] = [1, 2, 5, 10, 20, 50, 100, 200];
    const COIN_MOD: i64 = 2_147_483_647;

    /// Hand-written, but the coins come from memory (`black_box`), as pykernel's list
    /// does: the coin values are no longer compile-time constants in the inner loop.
    pub fn coin_ways_dyn_coins(n: i64) -> i64 {
        let n = n as usize;
        let coins: &[usize] = std::hint::black_box(&COINS);
        let mut ways = vec![0i64; n + 1];
        ways[0] = 1;
        for &c in coins {
            for a in c..=n {
                ways[a] = (ways[a] + ways[a - c]) % COIN_MOD;
            }
        }
        ways[n]
    }

    /// As `coin_ways_dyn_coins`, with `rem_euclid` (pykernel's `%` by a positive
    /// constant) instead of `%`.
    pub fn coin_ways_dyn_rem_euclid(n: i64) -> i64 {
        let n = n as usize;
        let coins: &[usize] = std::hint::black_box(&COINS);
        let mut ways = vec![0i64; n + 1];
        ways[0] = 1;
        for &c in coins {
            for a in c..=n {
                ways[a] = (ways[a] + ways[a - c]).rem_euclid(COIN_MOD);
            }
        }
        ways[n]
    }

    /// pykernel's runtime as it is: `List<i64>` (`Rc<UnsafeCell<Vec>>`), `get`/`set` with
    /// Python index handling, i64 loop variables, `rem_euclid`.
    pub fn coin_ways_list_today(n: i64) -> i64 {
        use pykernel::__private::List;
        let coins = List::from_vec(vec![1i64, 2, 5, 10, 20, 50, 100, 200]);
        let ways = List::repeat_vec(vec![0i64], n + 1);
        ways.set(0, 1).unwrap();
        let mut k = 0;
        while let Some(c) = coins.item(k) {
            k += 1;
            for a in c..n + 1 {
                let v = (ways
                    .get(a)
                    .unwrap()
                    .wrapping_add(ways.get(a.wrapping_sub(c)).unwrap()))
                .rem_euclid(COIN_MOD);
                ways.set(a, v).unwrap();
            }
        }
        ways.get(n).unwrap()
    }

    /// `a[i]` as `List::get` does it today: normalise a negative index (`sar`, `and`,
    /// `add` when the sign of `i` is unknown), then one unsigned check.
    #[inline(always)]
    fn get_today<T: Copy>(v: &[T], i: i64) -> T {
        let n = v.len() as i64;
        let k = if i < 0 { i.wrapping_add(n) } else { i };
        if k < 0 || k >= n {
            index_error();
        }
        v[k as usize]
    }

    /// `a[i] = x` as `List::set` does it today.
    #[inline(always)]
    fn set_today<T>(v: &mut [T], i: i64, x: T) {
        let n = v.len() as i64;
        let k = if i < 0 { i.wrapping_add(n) } else { i };
        if k < 0 || k >= n {
            index_error();
        }
        v[k as usize] = x;
    }

    /// `a[i]` with a branch-free wrap, `i + ((i >> 63) & len)`, then one unsigned check:
    /// the source form of what LLVM already makes of `get_today` (`sar`, `and`, `add`).
    #[inline(always)]
    fn get_wrap<T: Copy>(v: &[T], i: i64) -> T {
        let k = i.wrapping_add((i >> 63) & v.len() as i64);
        match v.get(k as usize) {
            Some(x) => *x,
            None => index_error(),
        }
    }

    /// `a[i] = x` with the branch-free wrap.
    #[inline(always)]
    fn set_wrap<T>(v: &mut [T], i: i64, x: T) {
        let k = i.wrapping_add((i >> 63) & v.len() as i64);
        match v.get_mut(k as usize) {
            Some(slot) => *slot = x,
            None => index_error(),
        }
    }

    /// Proposed `a[i]`: the common case `0 <= i < len` first, with one unsigned compare
    /// (a negative `i` is a huge `usize`); negative indices on the other branch.
    #[inline(always)]
    fn get_fast<T: Copy>(v: &[T], i: i64) -> T {
        match v.get(i as usize) {
            Some(x) => *x,
            None => get_negative(v, i),
        }
    }

    /// Proposed `a[i] = x`, likewise.
    #[inline(always)]
    fn set_fast<T>(v: &mut [T], i: i64, x: T) {
        match v.get_mut(i as usize) {
            Some(slot) => *slot = x,
            None => set_negative(v, i, x),
        }
    }

    // The negative-index paths stay out of line: inlined, LLVM merges them with the fast
    // path and the sieve's store recomputes its index with an `imul` (1.09x instead of
    // 1.00x hand Rust, measured).
    #[inline(never)]
    fn get_negative<T: Copy>(v: &[T], i: i64) -> T {
        get_today(v, i)
    }

    #[inline(never)]
    fn set_negative<T>(v: &mut [T], i: i64, x: T) {
        set_today(v, i, x)
    }

    #[cold]
    #[inline(never)]
    fn index_error() -> ! {
        panic!("list index out of range")
    }

    macro_rules! sieve_with {
        ($name:ident, $get:ident, $set:ident) => {
            /// The sieve on a plain `Vec<bool>` in the generated code's shape (i64
            /// variables, `range_len` + counted loop), with the given `a[i]`/`a[i] = x`.
            pub fn $name(n: i64) -> i64 {
                let mut is_p = vec![true; (n + 1).max(0) as usize];
                $set(&mut is_p, 0, false);
                $set(&mut is_p, 1, false);
                let mut i = 2i64;
                while i.wrapping_mul(i) <= n {
                    if $get(&is_p, i) {
                        let (start, step) = (i.wrapping_mul(i), i);
                        let m = pykernel::__private::range_len(start, n + 1, step).unwrap();
                        for k in 0..m {
                            $set(
                                &mut is_p,
                                start.wrapping_add((k as i64).wrapping_mul(step)),
                                false,
                            );
                        }
                    }
                    i += 1;
                }
                is_p.iter().filter(|&&b| b).count() as i64
            }
        };
    }
    sieve_with!(sieve_count_idx_today, get_today, set_today);
    sieve_with!(sieve_count_idx_fast, get_fast, set_fast);
    sieve_with!(sieve_count_idx_wrap, get_wrap, set_wrap);

    /// `x % m` for a positive constant `m` as pykernel emits it today.
    #[inline(always)]
    fn mod_today(x: i64, m: i64) -> i64 {
        x.rem_euclid(m)
    }

    /// Proposed: the bare remainder when `x >= 0` (a predictable branch off the data
    /// path), Python's fix-up otherwise; what `py_mod` already does for variable divisors.
    #[inline(always)]
    fn mod_fast(x: i64, m: i64) -> i64 {
        if x >= 0 { x % m } else { x.rem_euclid(m) }
    }

    macro_rules! coin_ways_with {
        ($name:ident, $get:ident, $set:ident, $modf:ident) => {
            /// `coin_ways` on a plain `Vec<i64>` with pykernel's i64 loop variables, coins
            /// from memory, and the given `a[i]`/`a[i] = x` and `%`.
            pub fn $name(n: i64) -> i64 {
                let coins: &[i64] = std::hint::black_box(&[1, 2, 5, 10, 20, 50, 100, 200]);
                let mut ways = vec![0i64; (n + 1).max(0) as usize];
                $set(&mut ways, 0, 1);
                for &c in coins {
                    for a in c..n + 1 {
                        let x = $get(&ways, a).wrapping_add($get(&ways, a.wrapping_sub(c)));
                        $set(&mut ways, a, $modf(x, COIN_MOD));
                    }
                }
                $get(&ways, n)
            }
        };
    }
    coin_ways_with!(
        coin_ways_idx_today_mod_today,
        get_today,
        set_today,
        mod_today
    );
    coin_ways_with!(coin_ways_idx_fast_mod_today, get_fast, set_fast, mod_today);
    coin_ways_with!(coin_ways_idx_today_mod_fast, get_today, set_today, mod_fast);
    coin_ways_with!(coin_ways_idx_fast_mod_fast, get_fast, set_fast, mod_fast);
    coin_ways_with!(coin_ways_idx_wrap_mod_fast, get_wrap, set_wrap, mod_fast);
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
    sieve_count_rs => hand::sieve_count => i64;
    coin_ways_rs => hand::coin_ways => i64;
    diag_newton_sqrt_sum_zero_check => diag::newton_sqrt_sum_zero_check => i64;
    diag_gcd_sum_pymod_today => diag::gcd_sum_pymod_today => i64;
    diag_gcd_sum_pymod_fast => diag::gcd_sum_pymod_fast => i64;
    diag_armstrong_count_ipow_today => diag::armstrong_count_ipow_today => i64;
    diag_armstrong_count_ipow_fast => diag::armstrong_count_ipow_fast => i64;
    diag_sieve_count_incl => diag::sieve_count_incl => i64;
    diag_sieve_count_while => diag::sieve_count_while => i64;
    diag_sieve_count_list => diag::sieve_count_list => i64;
    diag_sieve_count_idx_today => diag::sieve_count_idx_today => i64;
    diag_sieve_count_idx_fast => diag::sieve_count_idx_fast => i64;
    diag_sieve_count_idx_wrap => diag::sieve_count_idx_wrap => i64;
    diag_coin_ways_dyn_coins => diag::coin_ways_dyn_coins => i64;
    diag_coin_ways_dyn_rem_euclid => diag::coin_ways_dyn_rem_euclid => i64;
    diag_coin_ways_list_today => diag::coin_ways_list_today => i64;
    diag_coin_ways_idx_today_mod_today => diag::coin_ways_idx_today_mod_today => i64;
    diag_coin_ways_idx_fast_mod_today => diag::coin_ways_idx_fast_mod_today => i64;
    diag_coin_ways_idx_today_mod_fast => diag::coin_ways_idx_today_mod_fast => i64;
    diag_coin_ways_idx_fast_mod_fast => diag::coin_ways_idx_fast_mod_fast => i64;
    diag_coin_ways_idx_wrap_mod_fast => diag::coin_ways_idx_wrap_mod_fast => i64;
}

/// The Python module `bench_loops`.
#[pymodule]
fn bench_loops(m: &Bound<'_, PyModule>) -> PyResult<()> {
    loops::register(m)?;
    register_hand(m)
}
