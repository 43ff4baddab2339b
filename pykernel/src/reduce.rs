//! Whole-array reductions with NumPy's results: `np.sum` of floats in NumPy's pairwise
//! order (bit for bit for contiguous data), integer sums that wrap, `min`/`max` that
//! propagate NaN and refuse empty arrays, `prod`, `any`, `all`, `count_nonzero`, `mean`.
//!
//! NumPy walks the elements in memory order ("K" order: axes sorted by stride,
//! reversed axes walked forwards, contiguous axes merged) and adds each inner run with
//! pairwise summation to an accumulator that starts at 0.0; a reduction that converts
//! (the float64 sum behind `mean` of integers) goes through buffers of 8192 elements.

use std::mem::MaybeUninit;

use num_complex::Complex;

use crate::array::ArrayView;
use crate::error::{KResult, value_error};

/// NumPy's pairwise block size.
const PW_BLOCKSIZE: usize = 128;
/// NumPy's default buffer size, for reductions that convert their elements.
const BUFSIZE: usize = 8192;

/// Floats NumPy sums pairwise.
pub trait PairwiseFloat: Copy + std::ops::Add<Output = Self> {
    /// `0.0`.
    const ZERO: Self;
}

impl PairwiseFloat for f64 {
    const ZERO: f64 = 0.0;
}

impl PairwiseFloat for f32 {
    const ZERO: f32 = 0.0;
}

/// NumPy's pairwise sum of `n` values `get(0..n)`.
#[inline]
pub fn pairwise<T: PairwiseFloat>(n: usize, get: &impl Fn(usize) -> T) -> T {
    pairwise_from(0, n, get)
}

/// [`pairwise`] of `get(o..o + n)`.
fn pairwise_from<T: PairwiseFloat>(o: usize, n: usize, get0: &impl Fn(usize) -> T) -> T {
    let get = |i: usize| get0(o + i);
    if n < 8 {
        let mut res = T::ZERO;
        for i in 0..n {
            res = res + get(i);
        }
        res
    } else if n <= PW_BLOCKSIZE {
        let mut r = [T::ZERO; 8];
        for (j, x) in r.iter_mut().enumerate() {
            *x = get(j);
        }
        let mut i = 8;
        while i < n - (n % 8) {
            for (j, x) in r.iter_mut().enumerate() {
                *x = *x + get(i + j);
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res = res + get(i);
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_from(o, n2, get0) + pairwise_from(o + n2, n - n2, get0)
    }
}

/// NumPy's pairwise sum of complex values (real and imaginary parts interleaved, in
/// blocks of four numbers).
pub fn pairwise_complex<T: PairwiseFloat>(
    n: usize,
    get: &impl Fn(usize) -> Complex<T>,
) -> Complex<T> {
    // NumPy counts the parts: `m` floats for `n` numbers.
    let m = 2 * n;
    let part = |k: usize| {
        let z = get(k / 2);
        if k % 2 == 0 { z.re } else { z.im }
    };
    fn go<T: PairwiseFloat>(o: usize, m: usize, part0: &impl Fn(usize) -> T) -> (T, T) {
        let part = |i: usize| part0(o + i);
        if m < 8 {
            let (mut rr, mut ri) = (T::ZERO, T::ZERO);
            let mut i = 0;
            while i < m {
                rr = rr + part(i);
                ri = ri + part(i + 1);
                i += 2;
            }
            (rr, ri)
        } else if m <= PW_BLOCKSIZE {
            let mut r = [T::ZERO; 8];
            for (j, x) in r.iter_mut().enumerate() {
                *x = part(j);
            }
            let mut i = 8;
            while i < m - (m % 8) {
                for (j, x) in r.iter_mut().enumerate() {
                    *x = *x + part(i + j);
                }
                i += 8;
            }
            let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
            let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
            while i < m {
                rr = rr + part(i);
                ri = ri + part(i + 1);
                i += 2;
            }
            (rr, ri)
        } else {
            let mut m2 = m / 2;
            m2 -= m2 % 8;
            let (a, b) = go(o, m2, part0);
            let (c, d) = go(o + m2, m - m2, part0);
            (a + c, b + d)
        }
    }
    let (re, im) = go(0, m, &part);
    Complex::new(re, im)
}

/// The elements of a fused whole-array expression, produced in order, a block at a
/// time: each call fills its buffer with the next elements.
pub trait Source<T> {
    /// Writes the next `buf.len()` elements into `buf`, every one of them (the buffer
    /// is not initialized before: no zeroing pass per block).
    fn fill(&mut self, buf: &mut [MaybeUninit<T>]) -> KResult<()>;
}

impl<T, F: FnMut(&mut [MaybeUninit<T>]) -> KResult<()>> Source<T> for F {
    fn fill(&mut self, buf: &mut [MaybeUninit<T>]) -> KResult<()> {
        self(buf)
    }
}

/// `buf` filled by `src`, as initialized elements.
#[inline(always)]
pub(crate) fn filled<'b, T>(
    src: &mut impl Source<T>,
    buf: &'b mut [MaybeUninit<T>],
) -> KResult<&'b [T]> {
    src.fill(buf)?;
    // SAFETY: `Source::fill` writes every element of the buffer it is given.
    Ok(unsafe { &*(buf as *const [MaybeUninit<T>] as *const [T]) })
}

/// NumPy's `np.sum` of the `n` elements of `src` (its pairwise order over them, as over
/// the temporary array NumPy would have made, with no temporary).
pub fn sum_stream<T: PairwiseFloat>(n: usize, src: &mut impl Source<T>) -> KResult<T> {
    fn go<T: PairwiseFloat>(n: usize, src: &mut impl Source<T>) -> KResult<T> {
        if n <= PW_BLOCKSIZE {
            let mut buf = [MaybeUninit::<T>::uninit(); PW_BLOCKSIZE];
            let xs = filled(src, &mut buf[..n])?;
            return Ok(pairwise(n, &|i| xs[i]));
        }
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        let a = go(n2, src)?;
        let b = go(n - n2, src)?;
        Ok(a + b)
    }
    Ok(T::ZERO + go(n, src)?)
}

/// [`sum_stream`] of complex elements: NumPy's pairwise order over the interleaved
/// parts (blocks of 64 numbers), as for the elements of an array.
pub fn sum_stream_complex<T: PairwiseFloat>(
    n: usize,
    src: &mut impl Source<Complex<T>>,
) -> KResult<Complex<T>> {
    // `m`: the number of parts (twice the numbers), as NumPy counts.
    fn go<T: PairwiseFloat>(m: usize, src: &mut impl Source<Complex<T>>) -> KResult<(T, T)> {
        if m <= PW_BLOCKSIZE {
            let mut buf = [MaybeUninit::<Complex<T>>::uninit(); PW_BLOCKSIZE / 2];
            let k = m / 2;
            let zs = filled(src, &mut buf[..k])?;
            let z = pairwise_complex(k, &|i| zs[i]);
            return Ok((z.re, z.im));
        }
        let mut m2 = m / 2;
        m2 -= m2 % 8;
        let (a, b) = go(m2, src)?;
        let (c, d) = go(m - m2, src)?;
        Ok((a + c, b + d))
    }
    let (re, im) = go(2 * n, src)?;
    Ok(Complex::new(T::ZERO + re, T::ZERO + im))
}

/// The float64 sum of `n` elements converted as NumPy's buffered reductions do (`mean`
/// of integers): pairwise within buffers of 8192 elements.
pub fn sum_stream_f64<T: Copy>(
    n: usize,
    src: &mut impl Source<T>,
    conv: impl Fn(T) -> f64,
) -> KResult<f64> {
    let mut acc = 0.0f64;
    let mut buf: Vec<MaybeUninit<T>> = Vec::with_capacity(BUFSIZE.min(n));
    // SAFETY: `MaybeUninit` needs no initialization.
    unsafe { buf.set_len(BUFSIZE.min(n)) };
    let mut left = n;
    while left > 0 {
        let m = left.min(BUFSIZE);
        let xs = filled(src, &mut buf[..m])?;
        acc += pairwise(m, &|i| conv(xs[i]));
        left -= m;
    }
    Ok(acc)
}

/// Folds the `n` elements of `src` in order, a block at a time.
pub fn fold_stream<T: Copy, A>(
    n: usize,
    src: &mut impl Source<T>,
    init: A,
    f: impl Fn(A, T) -> A,
) -> KResult<A> {
    let mut acc = init;
    let mut buf = [MaybeUninit::<T>::uninit(); PW_BLOCKSIZE];
    let mut left = n;
    while left > 0 {
        let m = left.min(PW_BLOCKSIZE);
        for &x in filled(src, &mut buf[..m])? {
            acc = f(acc, x);
        }
        left -= m;
    }
    Ok(acc)
}

/// `np.max`/`np.min` of the `n` elements of `src` (NaN wins; none is NumPy's error).
pub fn extreme_stream<T: Copy + PartialOrd>(
    n: usize,
    src: &mut impl Source<T>,
    max: bool,
) -> KResult<T> {
    if n == 0 {
        return Err(value_error(format!(
            "zero-size array to reduction operation {} which has no identity",
            if max { "maximum" } else { "minimum" }
        )));
    }
    let mut first = [MaybeUninit::<T>::uninit()];
    let first = filled(src, &mut first)?;
    #[allow(clippy::eq_op)]
    fold_stream(n - 1, src, first[0], |b, x| {
        if b != b {
            b
        } else if x != x || (max && x > b) || (!max && x < b) {
            x
        } else {
            b
        }
    })
}

/// `np.argmax` / `np.argmin` (`max`) of the `n` elements of `src` in C order (a rank-1
/// kernel): the first index of the extreme, NaN first; NumPy's error when empty.
pub fn arg_extreme_stream<T: Copy + PartialOrd>(
    n: usize,
    src: &mut impl Source<T>,
    max: bool,
) -> KResult<i64> {
    if n == 0 {
        return Err(value_error(format!(
            "attempt to get {} of an empty sequence",
            if max { "argmax" } else { "argmin" }
        )));
    }
    // Per block: is there a NaN (the first one wins), else the block's extreme, then
    // its first position only when it beats the best so far. Each step vectorizes; a
    // running (value, index) pair would be one long chain of dependent compares.
    let better = |x: T, b: T| if max { x > b } else { x < b };
    let mut buf = [MaybeUninit::<T>::uninit(); PW_BLOCKSIZE];
    let mut best: Option<T> = None;
    let (mut at, mut base, mut found_nan) = (0usize, 0usize, false);
    let mut left = n;
    #[allow(clippy::eq_op)]
    while left > 0 {
        let m = left.min(PW_BLOCKSIZE);
        let xs = filled(src, &mut buf[..m])?;
        left -= m;
        if found_nan {
            // The rest is computed (an element may raise), but cannot change the result.
            continue;
        }
        if xs.iter().fold(false, |h, &x| h | (x != x)) {
            at = base + xs.iter().position(|&x| x != x).unwrap_or(0);
            found_nan = true;
            continue;
        }
        let e = xs[1..]
            .iter()
            .fold(xs[0], |e, &x| if better(x, e) { x } else { e });
        if best.is_none_or(|b| better(e, b)) {
            best = Some(e);
            at = base + xs.iter().position(|&x| x == e).unwrap_or(0);
        }
        base += m;
    }
    Ok(at as i64)
}

impl<T: Copy, const D: usize> ArrayView<T, D> {
    /// Calls `f(ptr, len, stride)` for each inner run of this view's elements in NumPy's
    /// memory ("K") order.
    pub fn for_each_run(&self, mut f: impl FnMut(*const T, usize, isize)) {
        let (mut shape, mut strides) = (self.shape().to_vec(), self.strides().to_vec());
        if shape.contains(&0) {
            return;
        }
        let mut ptr = self.as_ptr() as *const T;
        // Walk reversed axes forwards; drop axes of one element.
        let mut axes: Vec<(usize, isize)> = Vec::new();
        for (n, s) in shape.drain(..).zip(strides.drain(..)) {
            if n == 1 {
                continue;
            }
            if s < 0 {
                ptr = ptr.wrapping_offset((n as isize - 1) * s);
                axes.push((n, -s));
            } else {
                axes.push((n, s));
            }
        }
        // Outer axes first: by decreasing stride (stable, so C order wins ties).
        axes.sort_by_key(|a| std::cmp::Reverse(a.1));
        // Merge an axis into the next inner one when it continues it.
        let mut merged: Vec<(usize, isize)> = Vec::new();
        for (n, s) in axes.into_iter().rev() {
            match merged.last_mut() {
                Some((m, t)) if *t * *m as isize == s => *m *= n,
                _ => merged.push((n, s)),
            }
        }
        merged.reverse();
        let Some(&(inner_n, inner_s)) = merged.last() else {
            f(ptr, 1, 1);
            return;
        };
        let outer = &merged[..merged.len() - 1];
        let mut idx = vec![0usize; outer.len()];
        loop {
            let mut p = ptr;
            for (k, &(_, s)) in outer.iter().enumerate() {
                p = p.wrapping_offset(idx[k] as isize * s);
            }
            f(p, inner_n, inner_s);
            // odometer
            let mut k = outer.len();
            loop {
                if k == 0 {
                    return;
                }
                k -= 1;
                idx[k] += 1;
                if idx[k] < outer[k].0 {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
}

/// `np.sum` of a float array (NumPy's order; bit for bit for contiguous data).
pub fn sum_float<T: PairwiseFloat, const D: usize>(a: &ArrayView<T, D>) -> T {
    let mut acc = T::ZERO;
    a.for_each_run(|p, n, s| {
        // SAFETY: the run lies within the view.
        acc = acc + pairwise(n, &|i| unsafe { *p.offset(i as isize * s) });
    });
    acc
}

/// `np.sum` of a complex array.
pub fn sum_complex<T: PairwiseFloat, const D: usize>(a: &ArrayView<Complex<T>, D>) -> Complex<T> {
    let mut acc = Complex::new(T::ZERO, T::ZERO);
    a.for_each_run(|p, n, s| {
        // SAFETY: the run lies within the view.
        let r = pairwise_complex(n, &|i| unsafe { *p.offset(i as isize * s) });
        acc = Complex::new(acc.re + r.re, acc.im + r.im);
    });
    acc
}

/// The float64 sum of values converted as NumPy's buffered reductions do (`mean` of
/// integers): pairwise within buffers of 8192 elements.
pub fn sum_as_f64<T: Copy, const D: usize>(a: &ArrayView<T, D>, conv: impl Fn(T) -> f64) -> f64 {
    let mut acc = 0.0f64;
    let mut buf: Vec<f64> = Vec::with_capacity(BUFSIZE);
    let flush = |buf: &mut Vec<f64>, acc: &mut f64| {
        *acc += pairwise(buf.len(), &|i| buf[i]);
        buf.clear();
    };
    a.for_each_run(|p, n, s| {
        for i in 0..n {
            // SAFETY: the run lies within the view.
            buf.push(conv(unsafe { *p.offset(i as isize * s) }));
            if buf.len() == BUFSIZE {
                flush(&mut buf, &mut acc);
            }
        }
    });
    if !buf.is_empty() {
        flush(&mut buf, &mut acc);
    }
    acc
}

/// Folds every element (integer sums and products, `any`, `all`, `count_nonzero`: order
/// does not matter).
pub fn fold<T: Copy, A, const D: usize>(a: &ArrayView<T, D>, init: A, f: impl Fn(A, T) -> A) -> A {
    let mut acc = Some(init);
    a.for_each_run(|p, n, s| {
        let mut v = acc.take().expect("accumulator");
        for i in 0..n {
            // SAFETY: the run lies within the view.
            v = f(v, unsafe { *p.offset(i as isize * s) });
        }
        acc = Some(v);
    });
    acc.expect("accumulator")
}

/// `np.max` / `np.min` (`max`: true for the maximum): NaN wins; an empty array is
/// NumPy's `ValueError`.
pub fn extreme<T: Copy + PartialOrd, const D: usize>(a: &ArrayView<T, D>, max: bool) -> KResult<T> {
    let mut best: Option<T> = None;
    a.for_each_run(|p, n, s| {
        for i in 0..n {
            // SAFETY: the run lies within the view.
            let x = unsafe { *p.offset(i as isize * s) };
            best = Some(match best {
                None => x,
                // `x != x`: NaN; a NaN kept stays (the comparison is false).
                #[allow(clippy::eq_op)]
                Some(b) if b != b => b,
                #[allow(clippy::eq_op)]
                Some(_) if x != x => x,
                Some(b) if (max && x > b) || (!max && x < b) => x,
                Some(b) => b,
            });
        }
    });
    best.ok_or_else(|| {
        value_error(format!(
            "zero-size array to reduction operation {} which has no identity",
            if max { "maximum" } else { "minimum" }
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Array;

    #[test]
    fn pairwise_blocks_match_the_reference_order() {
        // 0.1 added 1000 times: pairwise gives NumPy's 100.00000000000001 (a plain loop
        // gives 99.9999999999986).
        let a = Array::<f64, 1>::from_vec(vec![0.1; 1000], [1000]).unwrap();
        assert_eq!(sum_float(&a), 100.00000000000001);
        let e = Array::<f64, 1>::from_vec(vec![-0.0], [1]).unwrap();
        assert_eq!(sum_float(&e).to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn runs_follow_memory_order_and_merge_contiguous_axes() {
        let a = Array::<f64, 2>::from_vec((0..6).map(f64::from).collect(), [2, 3]).unwrap();
        let mut runs = Vec::new();
        a.for_each_run(|_, n, s| runs.push((n, s)));
        assert_eq!(runs, vec![(6, 1)]);
        let t = a.t();
        let mut runs = Vec::new();
        t.for_each_run(|_, n, s| runs.push((n, s)));
        assert_eq!(runs, vec![(6, 1)]);
        let col = a.slice_axis(1, Some(0), Some(2), None).unwrap();
        let mut runs = Vec::new();
        col.for_each_run(|_, n, s| runs.push((n, s)));
        assert_eq!(runs, vec![(2, 1), (2, 1)]);
    }

    fn as_uninit<T>(xs: &[T]) -> &[MaybeUninit<T>] {
        // SAFETY: `MaybeUninit<T>` has `T`'s layout.
        unsafe { &*(xs as *const [T] as *const [MaybeUninit<T>]) }
    }

    #[test]
    fn streamed_sums_are_the_pairwise_sums_of_the_same_elements() {
        let xs: Vec<f64> = (0..1000).map(|i| 1.0 / (1.0 + i as f64)).collect();
        let a = Array::<f64, 1>::from_vec(xs.clone(), [1000]).unwrap();
        let mut pos = 0;
        let mut src = |buf: &mut [MaybeUninit<f64>]| {
            buf.copy_from_slice(as_uninit(&xs[pos..pos + buf.len()]));
            pos += buf.len();
            Ok(())
        };
        assert_eq!(sum_stream(1000, &mut src).unwrap(), sum_float(&a));
        let mut pos = 0;
        let mut src = |buf: &mut [MaybeUninit<f64>]| {
            buf.copy_from_slice(as_uninit(&xs[pos..pos + buf.len()]));
            pos += buf.len();
            Ok(())
        };
        assert_eq!(extreme_stream(1000, &mut src, true).unwrap(), 1.0);
        // complex: the same order as the array's, for sizes around the block boundaries
        for n in [0, 1, 3, 63, 64, 65, 100, 1000] {
            let zs: Vec<Complex<f64>> = (0..n)
                .map(|i| Complex::new(1.0 / (1.0 + i as f64), (i as f64).sqrt() * 1e-3))
                .collect();
            let a = Array::<Complex<f64>, 1>::from_vec(zs.clone(), [n]).unwrap();
            let mut pos = 0;
            let mut src = |buf: &mut [MaybeUninit<Complex<f64>>]| {
                buf.copy_from_slice(as_uninit(&zs[pos..pos + buf.len()]));
                pos += buf.len();
                Ok(())
            };
            let got = sum_stream_complex(n, &mut src).unwrap();
            let want = sum_complex(&a);
            assert_eq!(
                (got.re.to_bits(), got.im.to_bits()),
                (want.re.to_bits(), want.im.to_bits()),
                "{n}"
            );
        }
    }

    #[test]
    fn stream_argmax_finds_the_first_extreme_across_blocks() {
        let run = |xs: &[f64], max: bool| {
            let mut pos = 0;
            let mut src = |buf: &mut [MaybeUninit<f64>]| {
                buf.copy_from_slice(as_uninit(&xs[pos..pos + buf.len()]));
                pos += buf.len();
                Ok(())
            };
            arg_extreme_stream(xs.len(), &mut src, max)
        };
        let mut xs: Vec<f64> = (0..300).map(|i| ((i * 37) % 101) as f64).collect();
        let want = xs.iter().position(|&x| x == 100.0).unwrap() as i64;
        assert_eq!(run(&xs, true).unwrap(), want);
        assert_eq!(run(&xs, false).unwrap(), 0);
        xs[250] = -1.0;
        xs[280] = -1.0;
        assert_eq!(run(&xs, false).unwrap(), 250);
        xs[200] = f64::NAN;
        xs[260] = f64::NAN;
        assert_eq!(run(&xs, true).unwrap(), 200);
        assert_eq!(run(&xs, false).unwrap(), 200);
        assert!(run(&[], true).is_err());
        assert_eq!(run(&[0.0, -0.0], false).unwrap(), 0);
        assert_eq!(run(&[1.0, 0.0, -0.0], false).unwrap(), 1);
    }

    #[test]
    fn extremes_propagate_nan_and_refuse_empty_arrays() {
        let a = Array::<f64, 1>::from_vec(vec![1.0, f64::NAN, 3.0], [3]).unwrap();
        assert!(extreme(&a, true).unwrap().is_nan());
        let e = Array::<f64, 1>::from_vec(vec![], [0]).unwrap();
        assert!(extreme(&e, false).is_err());
        let b = Array::<i64, 1>::from_vec(vec![4, -2, 9], [3]).unwrap();
        assert_eq!(extreme(&b, true).unwrap(), 9);
        assert_eq!(fold(&b, 0i64, |a, x| a.wrapping_add(x)), 11);
    }
}
