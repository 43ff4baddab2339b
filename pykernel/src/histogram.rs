//! `np.histogram(a, bins, range, density, weights)` step by step as
//! `numpy/lib/_histograms_impl.py` computes it: the range and its checks, the edges
//! from `np.linspace`, the bin of each value from NumPy's formula
//! `int((x - first) / (last - first) * bins)` in NumPy's dtypes, corrected against the
//! edges, weights summed per block of 65536 values; bins given as edges count with
//! sorted values and binary search.

use num_complex::Complex;

use crate::array::{Array, ArrayView};
use crate::complex::np_c_div;
use crate::error::{ErrorKind, KResult, KernelError, value_error};
use crate::histnum::{Dt, Num};
use crate::npcast::float_cast;
use crate::reduce::{pairwise, pairwise_complex};
use crate::sorting::SortKey;

/// NumPy's block of values counted at once.
const BLOCK: usize = 65536;

/// Elements of the histogrammed array (a bool array counts as uint8).
pub trait HistElem: Copy {
    /// The dtype.
    const DT: Dt;
    /// The value as a NumPy scalar.
    fn num(self) -> Num;
    /// The value as float64 (NumPy's cast).
    fn f64(self) -> f64;
    /// The value as float32 (NumPy's cast), as an exact float64.
    fn f32(self) -> f64;
}

macro_rules! int_elem {
    ($($t:ty => $d:ident),*) => {$(
        impl HistElem for $t {
            const DT: Dt = Dt::$d;
            #[inline(always)]
            fn num(self) -> Num {
                Num::np_int(Dt::$d, self as i128)
            }
            #[inline(always)]
            fn f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn f32(self) -> f64 {
                self as f32 as f64
            }
        }
    )*};
}
int_elem!(i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16, u32 => U32, u64 => U64);

impl HistElem for bool {
    const DT: Dt = Dt::U8;
    fn num(self) -> Num {
        Num::np_int(Dt::U8, self as i128)
    }
    fn f64(self) -> f64 {
        self as u8 as f64
    }
    fn f32(self) -> f64 {
        self as u8 as f64
    }
}

impl HistElem for f32 {
    const DT: Dt = Dt::F32;
    fn num(self) -> Num {
        Num::np_float(Dt::F32, self as f64)
    }
    fn f64(self) -> f64 {
        self as f64
    }
    fn f32(self) -> f64 {
        self as f64
    }
}

impl HistElem for f64 {
    const DT: Dt = Dt::F64;
    fn num(self) -> Num {
        Num::np_float(Dt::F64, self)
    }
    fn f64(self) -> f64 {
        self
    }
    fn f32(self) -> f64 {
        self as f32 as f64
    }
}

/// The float type of the edges of equal bins.
pub trait EdgeFloat: Copy + SortKey {
    /// The dtype.
    const DT: Dt;
    /// A float64 value rounded to this type.
    fn from_f64(x: f64) -> Self;
    /// The value as float64.
    fn to_f64(self) -> f64;
}

impl EdgeFloat for f32 {
    const DT: Dt = Dt::F32;
    fn from_f64(x: f64) -> f32 {
        x as f32
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
}

impl EdgeFloat for f64 {
    const DT: Dt = Dt::F64;
    fn from_f64(x: f64) -> f64 {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
}

/// The counts' dtype: int64 without weights, the weights' dtype with them.
pub trait Weight: Copy {
    /// Zero.
    const ZERO: Self;
    /// A bool (its cumulative sums cannot be added back: NumPy's `TypeError`).
    const BOOL: bool = false;
    /// The density's element (float64, complex128 for complex weights).
    type Dens: Copy;
    /// The weight as float64 parts, as `np.bincount` reads it.
    fn parts(self) -> (f64, f64);
    /// `n += sums.astype(ntype)` (`n.real += ...` for complex).
    fn add_sums(self, re: f64, im: f64) -> Self;
    /// `+` in this dtype (integers wrap).
    fn wadd(self, o: Self) -> Self;
    /// `-` in this dtype (`!=` for bool, as `np.diff`).
    fn wsub(self, o: Self) -> Self;
    /// `n / db / n.sum()` of the counts `n` and the bin widths `db`.
    fn density(n: &[Self], db: &[f64]) -> Vec<Self::Dens>;
}

macro_rules! int_weight {
    ($($t:ty => $sum:ty),*) => {$(
        impl Weight for $t {
            const ZERO: $t = 0;
            type Dens = f64;
            #[inline(always)]
            fn parts(self) -> (f64, f64) {
                (self as f64, 0.0)
            }
            #[inline(always)]
            fn add_sums(self, re: f64, _: f64) -> $t {
                self.wrapping_add(float_cast::<$t>(re))
            }
            #[inline(always)]
            fn wadd(self, o: $t) -> $t {
                self.wrapping_add(o)
            }
            #[inline(always)]
            fn wsub(self, o: $t) -> $t {
                self.wrapping_sub(o)
            }
            fn density(n: &[$t], db: &[f64]) -> Vec<f64> {
                let s = n.iter().fold(0 as $sum, |s, &x| s.wrapping_add(x as $sum)) as f64;
                n.iter().zip(db).map(|(&x, &d)| x as f64 / d / s).collect()
            }
        }
    )*};
}
int_weight!(i8 => i64, i16 => i64, i32 => i64, i64 => i64, u8 => u64, u16 => u64, u32 => u64, u64 => u64);

impl Weight for bool {
    const ZERO: bool = false;
    const BOOL: bool = true;
    type Dens = f64;
    fn parts(self) -> (f64, f64) {
        (self as u8 as f64, 0.0)
    }
    fn add_sums(self, re: f64, _: f64) -> bool {
        self || re != 0.0
    }
    fn wadd(self, o: bool) -> bool {
        self || o
    }
    fn wsub(self, o: bool) -> bool {
        self != o
    }
    fn density(n: &[bool], db: &[f64]) -> Vec<f64> {
        let s = n.iter().filter(|&&x| x).count() as f64;
        n.iter()
            .zip(db)
            .map(|(&x, &d)| x as u8 as f64 / d / s)
            .collect()
    }
}

macro_rules! float_weight {
    ($($t:ty),*) => {$(
        impl Weight for $t {
            const ZERO: $t = 0.0;
            type Dens = f64;
            #[inline(always)]
            fn parts(self) -> (f64, f64) {
                (self as f64, 0.0)
            }
            #[inline(always)]
            fn add_sums(self, re: f64, _: f64) -> $t {
                self + re as $t
            }
            #[inline(always)]
            fn wadd(self, o: $t) -> $t {
                self + o
            }
            #[inline(always)]
            fn wsub(self, o: $t) -> $t {
                self - o
            }
            fn density(n: &[$t], db: &[f64]) -> Vec<f64> {
                let s = pairwise(n.len(), &|i| n[i]) as f64;
                n.iter().zip(db).map(|(&x, &d)| x as f64 / d / s).collect()
            }
        }
    )*};
}
float_weight!(f32, f64);

impl Weight for Complex<f64> {
    const ZERO: Complex<f64> = Complex::new(0.0, 0.0);
    type Dens = Complex<f64>;
    fn parts(self) -> (f64, f64) {
        (self.re, self.im)
    }
    fn add_sums(self, re: f64, im: f64) -> Complex<f64> {
        Complex::new(self.re + re, self.im + im)
    }
    fn wadd(self, o: Self) -> Self {
        self + o
    }
    fn wsub(self, o: Self) -> Self {
        self - o
    }
    fn density(n: &[Self], db: &[f64]) -> Vec<Complex<f64>> {
        let s = pairwise_complex(n.len(), &|i| n[i]);
        n.iter()
            .zip(db)
            .map(|(&x, &d)| np_c_div(np_c_div(x, Complex::new(d, 0.0)), s))
            .collect()
    }
}

impl Weight for Complex<f32> {
    const ZERO: Complex<f32> = Complex::new(0.0, 0.0);
    type Dens = Complex<f64>;
    fn parts(self) -> (f64, f64) {
        (self.re as f64, self.im as f64)
    }
    fn add_sums(self, re: f64, im: f64) -> Complex<f32> {
        // `n.real += ...` adds in float64, then stores.
        Complex::new((self.re as f64 + re) as f32, (self.im as f64 + im) as f32)
    }
    fn wadd(self, o: Self) -> Self {
        self + o
    }
    fn wsub(self, o: Self) -> Self {
        self - o
    }
    fn density(n: &[Self], db: &[f64]) -> Vec<Complex<f64>> {
        let s = pairwise_complex(n.len(), &|i| n[i]);
        let s = Complex::new(s.re as f64, s.im as f64);
        n.iter()
            .map(|x| Complex::new(x.re as f64, x.im as f64))
            .zip(db)
            .map(|(x, &d)| np_c_div(np_c_div(x, Complex::new(d, 0.0)), s))
            .collect()
    }
}

/// The weights (or ones) of the flattened array, checked against its shape.
fn flat_weights<T: Copy, W: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    weights: Option<&ArrayView<W, D>>,
    one: W,
) -> KResult<Vec<W>> {
    match weights {
        Some(w) if w.shape() != a.shape() => {
            Err(value_error("weights should have the same shape as a."))
        }
        Some(w) => Ok(w.to_vec()),
        None => Ok(vec![one; a.shape().iter().product()]),
    }
}

/// `a[i]` of the edges with Python's negative indices and NumPy's `IndexError`.
#[inline(always)]
fn edge<B: Copy>(edges: &[B], i: i64) -> KResult<B> {
    let n = edges.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(KernelError::new(
            ErrorKind::Index,
            format!("index {i} is out of bounds for axis 0 with size {n}"),
        ));
    }
    Ok(edges[j as usize])
}

/// `x >= bound` / `x <= bound` of an array element against a number, as NumPy compares
/// them (integers exactly, otherwise in the promoted float type).
#[derive(Clone, Copy)]
enum Bound {
    Exact(i128),
    F32(f64),
    F64(f64),
}

impl Bound {
    fn new(a: Dt, y: Num) -> Bound {
        if a.is_int() && y.dt.is_int() {
            return Bound::Exact(y.int());
        }
        match y.with_array(a) {
            Dt::F32 => Bound::F32(y.to_float(Dt::F32)),
            _ => Bound::F64(y.to_float(Dt::F64)),
        }
    }

    /// `x` compared with the bound: `Some(Less)`, ... (`None` for NaN).
    #[inline(always)]
    fn cmp<T: HistElem>(self, x: T) -> Option<std::cmp::Ordering> {
        match self {
            Bound::Exact(b) => Some(x.num().int().cmp(&b)),
            Bound::F32(b) => x.f32().partial_cmp(&b),
            Bound::F64(b) => x.f64().partial_cmp(&b),
        }
    }
}

/// `np.linspace(first, last, n + 1)` computed in the type of `first` and `last` (float64
/// for integers), then converted to the edges' type.
fn linspace<B: EdgeFloat>(first: Num, last: Num, bins: usize) -> Vec<B> {
    let (d, _) = first.promote(last);
    let dt = if d.is_int() { Dt::F64 } else { d };
    let num = bins + 1;
    let (start, stop) = (first.to_float(dt), last.to_float(dt));
    let r = |x: f64| if dt == Dt::F32 { x as f32 as f64 } else { x };
    let div = bins as f64;
    let delta = r(stop - start);
    let step = r(delta / r(div));
    let mut out: Vec<B> = (0..num)
        .map(|k| {
            let k = r(k as f64);
            let y = if step == 0.0 {
                r(r(k / r(div)) * delta)
            } else {
                r(k * step)
            };
            B::from_f64(r(y + start))
        })
        .collect();
    out[num - 1] = B::from_f64(stop);
    out
}

/// `_get_outer_edges`: the range (given, or the array's extremes, or `(0, 1)` for an
/// empty array), with NumPy's errors, widened by 0.5 on both sides when empty.
fn outer_edges<T: HistElem>(a: &[T], range: Option<(Num, Num)>) -> KResult<(Num, Num)> {
    let (first, last) = match range {
        Some((f, l)) => {
            if f.compare(l) == Some(std::cmp::Ordering::Greater) {
                return Err(value_error(
                    "max must be larger than min in range parameter.",
                ));
            }
            if !(f.is_finite() && l.is_finite()) {
                return Err(value_error(format!(
                    "supplied range of [{}, {}] is not finite",
                    f.text(),
                    l.text()
                )));
            }
            (f, l)
        }
        None if a.is_empty() => (Num::py_int(0), Num::py_int(1)),
        None => {
            let (mut lo, mut hi) = (a[0].num(), a[0].num());
            for x in &a[1..] {
                let v = x.num();
                // NaN propagates (`np.min`/`np.max`).
                if lo.compare(lo).is_some() && v.compare(lo).is_none_or(|o| o.is_lt()) {
                    lo = v;
                }
                if hi.compare(hi).is_some() && v.compare(hi).is_none_or(|o| o.is_gt()) {
                    hi = v;
                }
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(value_error(format!(
                    "autodetected range of [{}, {}] is not finite",
                    lo.text(),
                    hi.text()
                )));
            }
            (lo, hi)
        }
    };
    if first.compare(last) == Some(std::cmp::Ordering::Equal) {
        return Ok((first.add_py_float(-0.5), last.add_py_float(0.5)));
    }
    Ok((first, last))
}

/// `np.histogram(a, bins, range, weights=...)` with `bins` equal bins: the counts (of
/// `W`: int64 with `one` 1 and no weights) and the edges.
pub fn histogram_bins<T: HistElem, B: EdgeFloat, W: Weight, const D: usize>(
    a: &ArrayView<T, D>,
    bins: i64,
    range: Option<(Num, Num)>,
    weights: Option<&ArrayView<W, D>>,
    one: W,
) -> KResult<(Array<W, 1>, Array<B, 1>)> {
    let w = flat_weights(a, weights, one)?;
    if bins < 1 {
        return Err(value_error("`bins` must be positive, when an integer"));
    }
    let xs = a.to_vec();
    let (first, last) = outer_edges(&xs, range)?;
    let n = bins as usize;
    let edges: Vec<B> = linspace(first, last, n);
    if edges.windows(2).any(|p| p[0].to_f64() >= p[1].to_f64()) {
        return Err(value_error(format!(
            "Too many bins for data range. Cannot create {n} finite-sized bins."
        )));
    }
    // The bin formula's types: `x - first` in `t1`, divided by `last - first` in `t2`.
    let denom = last.unsigned_sub(first)?;
    let t1 = first.with_array(B::DT);
    let t2 = crate::histnum::promote_dt(t1, denom.dt);
    let (f1, dn) = (first.to_float(t1), denom.to_float(t2));
    let nn = Num::py_int(bins).to_float(t2);
    let r2 = |x: f64| if t2 == Dt::F32 { x as f32 as f64 } else { x };
    let index = |xb: f64| -> i64 {
        let d = if t1 == Dt::F32 {
            (xb as f32 - f1 as f32) as f64
        } else {
            xb - f1
        };
        float_cast::<i64>(r2(r2(d / dn) * nn))
    };
    let (lo, hi) = (Bound::new(T::DT, first), Bound::new(T::DT, last));
    let ef: Vec<f64> = edges.iter().map(|e| e.to_f64()).collect();
    let mut counts = vec![W::ZERO; n];
    let (mut vals, mut idx, mut ws) = (Vec::new(), Vec::new(), Vec::new());
    for (xb, wb) in xs.chunks(BLOCK).zip(w.chunks(BLOCK)) {
        // The kept values as the edges' type, their weights and first bins.
        vals.clear();
        idx.clear();
        ws.clear();
        for (&x, &wt) in xb.iter().zip(wb) {
            if lo.cmp(x).is_some_and(|o| o.is_ge()) && hi.cmp(x).is_some_and(|o| o.is_le()) {
                let v = B::from_f64(if B::DT == Dt::F32 { x.f32() } else { x.f64() }).to_f64();
                let i = index(v);
                vals.push(v);
                idx.push(if i == bins { i - 1 } else { i });
                ws.push(wt);
            }
        }
        // Corrected against the edges, each step over the whole block as NumPy does.
        for (i, &v) in idx.iter_mut().zip(&vals) {
            if v < edge(&ef, *i)? {
                *i -= 1;
            }
        }
        for (i, &v) in idx.iter_mut().zip(&vals) {
            if v >= edge(&ef, *i + 1)? && *i != bins - 1 {
                *i += 1;
            }
        }
        // `np.bincount(idx, weights, minlength=bins)`, added to the counts.
        if idx.iter().any(|&i| i < 0) {
            return Err(value_error(
                "'list' argument must have no negative elements",
            ));
        }
        let len = idx
            .iter()
            .map(|&i| i as usize + 1)
            .max()
            .unwrap_or(0)
            .max(n);
        if len > n {
            return Err(value_error(format!(
                "non-broadcastable output operand with shape ({n},) doesn't match the broadcast shape ({len},)"
            )));
        }
        let mut sums = vec![(0.0f64, 0.0f64); n];
        for (&i, &wt) in idx.iter().zip(&ws) {
            let (re, im) = wt.parts();
            sums[i as usize].0 += re;
            sums[i as usize].1 += im;
        }
        for (c, &(re, im)) in counts.iter_mut().zip(&sums) {
            *c = c.add_sums(re, im);
        }
    }
    Ok((
        Array::from_vec(counts, [n])?,
        Array::from_vec(edges, [n + 1])?,
    ))
}

/// `np.histogram(a, bins=edges, weights=...)`: counts between the given edges (the
/// last bin includes its right edge), compared in their common type `C`.
pub fn histogram_edges<T: Copy, E: Copy + PartialOrd, C: SortKey, W: Weight, const D: usize>(
    a: &ArrayView<T, D>,
    edges: &ArrayView<E, 1>,
    weights: Option<&ArrayView<W, D>>,
    one: W,
    ca: impl Fn(T) -> C,
    ce: impl Fn(E) -> C,
) -> KResult<Array<W, 1>> {
    let w = flat_weights(a, weights, one)?;
    let es = edges.to_vec();
    if es.windows(2).any(|p| p[0] > p[1]) {
        return Err(value_error(
            "`bins` must increase monotonically, when an array",
        ));
    }
    let ec: Vec<C> = es.into_iter().map(ce).collect();
    let m = ec.len();
    let xs = a.to_vec();
    let mut cum = vec![W::ZERO; m];
    for (xb, wb) in xs.chunks(BLOCK).zip(w.chunks(BLOCK)) {
        if W::BOOL {
            return Err(KernelError::new(
                ErrorKind::Type,
                "Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with casting rule 'same_kind'",
            ));
        }
        // Sorted values and their weights' running sums (stable order for ties).
        let mut idx: Vec<usize> = (0..xb.len()).collect();
        let keys: Vec<C> = xb.iter().map(|&x| ca(x)).collect();
        idx.sort_by(|&i, &j| keys[i].order(&keys[j]));
        let sorted: Vec<C> = idx.iter().map(|&i| keys[i]).collect();
        let mut cw = Vec::with_capacity(xb.len() + 1);
        cw.push(W::ZERO);
        for &i in &idx {
            let last = *cw.last().expect("a running sum");
            cw.push(W::wadd(last, wb[i]));
        }
        for (j, e) in ec.iter().enumerate() {
            let right = j + 1 == m;
            let k = sorted.partition_point(|x| {
                if right {
                    x.order(e).is_le()
                } else {
                    x.order(e).is_lt()
                }
            });
            cum[j] = cum[j].wadd(cw[k]);
        }
    }
    let n: Vec<W> = cum.windows(2).map(|p| p[1].wsub(p[0])).collect();
    let len = n.len();
    Array::from_vec(n, [len])
}

/// `density=True`: `n / np.diff(edges) / n.sum()` (float64; complex128 for complex
/// weights); `diff` gives the edges' differences as float64.
pub fn histogram_density<W: Weight, E: Copy>(
    n: &Array<W, 1>,
    edges: &ArrayView<E, 1>,
    diff: impl Fn(E, E) -> f64,
) -> KResult<Array<W::Dens, 1>> {
    let es = edges.to_vec();
    let db: Vec<f64> = es.windows(2).map(|p| diff(p[1], p[0])).collect();
    let out = W::density(&n.to_vec(), &db);
    let len = out.len();
    Array::from_vec(out, [len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hist(a: &[f64], bins: i64, range: Option<(f64, f64)>) -> KResult<(Vec<i64>, Vec<f64>)> {
        let x = Array::from_vec(a.to_vec(), [a.len()])?;
        let r = range.map(|(f, l)| (Num::py_float(f), Num::py_float(l)));
        let (n, e) = histogram_bins::<f64, f64, i64, 1>(&x, bins, r, None, 1)?;
        Ok((n.to_vec(), e.to_vec()))
    }

    #[test]
    fn values_on_edges_land_in_numpys_bins() {
        let (n, e) = hist(&[0.0, 0.1, 0.2, 0.3, 0.7, 1.0], 10, None).unwrap();
        assert_eq!(n, [1, 1, 2, 0, 0, 0, 1, 0, 0, 1]);
        assert_eq!(e[3], 0.30000000000000004);
        let (n, _) = hist(&[1.0, 2.0, 2.0, 3.0], 3, Some((1.0, 3.0))).unwrap();
        assert_eq!(n, [1, 2, 1]);
    }

    #[test]
    fn errors_are_numpys() {
        let e = hist(&[1.0, f64::NAN], 10, None).unwrap_err();
        assert_eq!(
            e.message(),
            "autodetected range of [nan, nan] is not finite"
        );
        let e = hist(&[1.0], 10, Some((0.0, f64::INFINITY))).unwrap_err();
        assert_eq!(e.message(), "supplied range of [0.0, inf] is not finite");
        let e = hist(&[1.0], 0, None).unwrap_err();
        assert_eq!(e.message(), "`bins` must be positive, when an integer");
        let e = hist(&[1.0], 3, Some((2.0, 1.0))).unwrap_err();
        assert_eq!(
            e.message(),
            "max must be larger than min in range parameter."
        );
    }
}
