//! Prints pykernel's complex and `cmath` results over a fixed input grid, for
//! `scripts/check_cmath.py` to compare with CPython and NumPy bit for bit.
//!
//! One line per (function, input): `name|args|result`, where `args` are the inputs' f64
//! bit patterns in hex (a complex is two of them) and `result` is `ok:` and the result's
//! bit patterns (16 hex digits per f64, 8 per f32), `ok:true`/`ok:false`, or
//! `err:<Python exception name>`. The grid must stay in sync with the script's.
//!
//! Residual differences: none on Linux/glibc x86-64 (the script reports 0 mismatches).

use pykernel::__private::{self as pk, C32, C64, KResult, cmath};
use std::fmt::Write as _;
use std::io::Write;

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;

const V: [f64; 40] = [
    0.0,
    -0.0,
    5e-324,
    -5e-324,
    1e-300,
    -1e-300,
    2.2250738585072014e-308,
    1e-160,
    -1e-160,
    0.5,
    -0.5,
    0.7,
    1.0,
    -1.0,
    0.9999999999999999,
    1.0000000000000002,
    1.5,
    2.0,
    -2.0,
    3.0,
    10.0,
    -10.0,
    100.0,
    700.0,
    709.0,
    710.0,
    -710.0,
    720.0,
    -745.5,
    1e10,
    1e150,
    1e154,
    1e300,
    -1e300,
    4.4e307,
    f64::MAX,
    -f64::MAX,
    INF,
    -INF,
    NAN,
];
const W: [f64; 16] = [
    0.0, -0.0, 5e-324, 1e-300, 0.5, 1.0, -1.0, 2.0, -2.5, 3.0, 1e10, 1e300, -1e300, INF, -INF, NAN,
];
const EXPONENTS: [f64; 27] = [
    0.0, -0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, -1.0, -2.0, -3.0, -7.0, 10.0, 50.0, 99.0, 100.0,
    101.0, -99.0, -100.0, -101.0, 150.0, 0.5, -0.5, 1.5, 1e16, 1e308, -1e308,
];
const EXP_IMAG: [f64; 7] = [0.0, -0.0, 1.0, -0.5, 1e308, INF, NAN];

/// splitmix64, as in the script.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    /// A float from its bits: sign, biased exponent by category, 52 mantissa bits.
    fn real(&mut self, cat: u64) -> f64 {
        let sign = self.next() & 1;
        let e = match cat {
            0 => 1023 - 60 + self.next() % 121,
            1 => 1022 + self.next() % 2,
            2 => self.next() % 2047,
            _ => 1013 + self.next() % 18,
        };
        let mant = self.next() >> 12;
        f64::from_bits((sign << 63) | (e << 52) | mant)
    }

    fn complex(&mut self) -> C64 {
        let cat = self.next() % 3;
        let re = self.real(cat);
        C64::new(re, self.real(cat))
    }
}

fn unary_inputs() -> Vec<C64> {
    let mut rng = SplitMix(1);
    let mut v: Vec<C64> = V.iter().flat_map(|&x| V.map(|y| C64::new(x, y))).collect();
    v.extend((0..3000).map(|_| rng.complex()));
    v
}

fn binary_inputs() -> Vec<(C64, C64)> {
    let mut rng = SplitMix(2);
    let grid: Vec<C64> = W.iter().flat_map(|&x| W.map(|y| C64::new(x, y))).collect();
    let mut v: Vec<_> = grid
        .iter()
        .flat_map(|&x| grid.iter().map(move |&y| (x, y)))
        .collect();
    v.extend((0..5000).map(|_| {
        let x = rng.complex();
        (x, rng.complex())
    }));
    v
}

fn pow_inputs() -> Vec<(C64, C64)> {
    let mut rng = SplitMix(3);
    let mut v = Vec::new();
    for &a in &W {
        for &b in &W {
            for &p in &EXPONENTS {
                for &q in &EXP_IMAG {
                    v.push((C64::new(a, b), C64::new(p, q)));
                }
            }
        }
    }
    for _ in 0..5000 {
        let cat = rng.next() % 2;
        let re = rng.real(cat);
        let a = C64::new(re, rng.real(cat));
        let b = if rng.next() % 2 == 0 {
            C64::new((rng.next() % 201) as f64 - 100.0, 0.0)
        } else {
            let re = rng.real(3);
            let im = if rng.next() % 2 != 0 {
                rng.real(3)
            } else {
                0.0
            };
            C64::new(re, im)
        };
        v.push((a, b));
    }
    v
}

fn rect_inputs() -> Vec<(f64, f64)> {
    let mut rng = SplitMix(4);
    let mut v: Vec<_> = V.iter().flat_map(|&x| V.map(|y| (x, y))).collect();
    v.extend((0..2000).map(|_| {
        let r = rng.real(0);
        (r, rng.real(2))
    }));
    v
}

/// A result in the dump's format.
trait Show {
    fn show(&self, out: &mut String);
}

impl Show for f64 {
    fn show(&self, out: &mut String) {
        write!(out, "{:016x}", self.to_bits()).unwrap();
    }
}

impl Show for f32 {
    fn show(&self, out: &mut String) {
        write!(out, "{:08x}", self.to_bits()).unwrap();
    }
}

impl Show for C64 {
    fn show(&self, out: &mut String) {
        write!(out, "{:016x},{:016x}", self.re.to_bits(), self.im.to_bits()).unwrap();
    }
}

impl Show for C32 {
    fn show(&self, out: &mut String) {
        write!(out, "{:08x},{:08x}", self.re.to_bits(), self.im.to_bits()).unwrap();
    }
}

impl Show for (f64, f64) {
    fn show(&self, out: &mut String) {
        write!(out, "{:016x},{:016x}", self.0.to_bits(), self.1.to_bits()).unwrap();
    }
}

impl Show for bool {
    fn show(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Appends one line: `name|args|result`.
fn line<T: Show>(out: &mut String, name: &str, args: &[f64], r: KResult<T>) {
    out.push_str(name);
    out.push('|');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        a.show(out);
    }
    match r {
        Ok(v) => {
            out.push_str("|ok:");
            v.show(out);
        }
        Err(e) => {
            out.push_str("|err:");
            out.push_str(e.kind().python_name());
        }
    }
    out.push('\n');
}

fn to32(z: C64) -> C32 {
    C32::new(z.re as f32, z.im as f32)
}

type Unary = fn(C64) -> KResult<C64>;

const UNARY: [(&str, Unary); 16] = [
    ("sqrt", cmath::sqrt),
    ("exp", cmath::exp),
    ("log", cmath::log),
    ("log10", cmath::log10),
    ("sin", cmath::sin),
    ("cos", cmath::cos),
    ("tan", cmath::tan),
    ("asin", cmath::asin),
    ("acos", cmath::acos),
    ("atan", cmath::atan),
    ("sinh", cmath::sinh),
    ("cosh", cmath::cosh),
    ("tanh", cmath::tanh),
    ("asinh", cmath::asinh),
    ("acosh", cmath::acosh),
    ("atanh", cmath::atanh),
];

fn main() {
    let mut out = String::new();
    let un = unary_inputs();
    for (name, f) in UNARY {
        for &z in &un {
            line(&mut out, name, &[z.re, z.im], f(z));
        }
    }
    for &z in &un {
        let a = [z.re, z.im];
        line(&mut out, "phase", &a, cmath::phase(z));
        line(&mut out, "polar", &a, cmath::polar(z));
        line(&mut out, "isnan", &a, Ok(cmath::isnan(z)));
        line(&mut out, "isinf", &a, Ok(cmath::isinf(z)));
        line(&mut out, "isfinite", &a, Ok(cmath::isfinite(z)));
        line(&mut out, "c_abs", &a, pk::c_abs(z));
        line(&mut out, "np_c_abs", &a, Ok(pk::np_c_abs(z)));
        line(&mut out, "np_c_abs32", &a, Ok(pk::np_c_abs32(to32(z))));
        line(&mut out, "np_c_abs_simd", &a, Ok(pk::np_c_abs_simd(z)));
        line(
            &mut out,
            "np_c_abs_simd32",
            &a,
            Ok(pk::np_c_abs_simd32(to32(z))),
        );
    }
    for (r, phi) in rect_inputs() {
        line(&mut out, "rect", &[r, phi], cmath::rect(r, phi));
    }
    for (x, y) in binary_inputs() {
        let a = [x.re, x.im, y.re, y.im];
        line(&mut out, "c_div", &a, pk::c_div(x, y));
        line(&mut out, "c_mul", &a, Ok(pk::c_mul(x, y)));
        line(&mut out, "log_base", &a, cmath::log_base(x, y));
        line(&mut out, "isclose", &a, Ok(cmath::isclose(x, y)));
        line(&mut out, "np_c_div", &a, Ok(pk::np_c_div(x, y)));
        line(
            &mut out,
            "np_c_div32",
            &a,
            Ok(pk::np_c_div32(to32(x), to32(y))),
        );
        line(&mut out, "np_c_mul_fma", &a, Ok(pk::np_c_mul_fma(x, y)));
        let m = pk::np_c_mul_fma32(to32(x), to32(y));
        line(&mut out, "np_c_mul_fma32", &a, Ok(m));
    }
    for (x, y) in pow_inputs() {
        let a = [x.re, x.im, y.re, y.im];
        line(&mut out, "c_pow", &a, pk::c_pow(x, y));
        line(&mut out, "np_c_pow", &a, Ok(pk::np_c_pow(x, y)));
        line(
            &mut out,
            "np_c_pow32",
            &a,
            Ok(pk::np_c_pow32(to32(x), to32(y))),
        );
    }
    std::io::stdout().lock().write_all(out.as_bytes()).unwrap();
}
