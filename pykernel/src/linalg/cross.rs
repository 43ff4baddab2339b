//! `np.cross` and `np.kron`: NumPy's formulas, element by element in the operands'
//! common dtype (integers wrap; no fused multiply-add), into new C-ordered arrays.

use num_complex::Complex;

use super::DotElem;
use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// An element type of `np.cross`: NumPy's `subtract` and `negative` (bools have none).
pub trait CrossElem: DotElem {
    /// `a - b` (wrapping for integers).
    fn sub(a: Self, b: Self) -> Self;
    /// `-a` (wrapping for integers, also unsigned ones).
    fn neg(a: Self) -> Self;
}

macro_rules! int_cross {
    ($($t:ty),*) => {$(
        impl CrossElem for $t {
            #[inline(always)]
            fn sub(a: $t, b: $t) -> $t {
                a.wrapping_sub(b)
            }
            #[inline(always)]
            fn neg(a: $t) -> $t {
                a.wrapping_neg()
            }
        }
    )*};
}
int_cross!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_cross {
    ($($t:ty),*) => {$(
        impl CrossElem for $t {
            #[inline(always)]
            fn sub(a: $t, b: $t) -> $t {
                a - b
            }
            #[inline(always)]
            fn neg(a: $t) -> $t {
                -a
            }
        }
        impl CrossElem for Complex<$t> {
            #[inline(always)]
            fn sub(a: Self, b: Self) -> Self {
                Complex::new(a.re - b.re, a.im - b.im)
            }
            #[inline(always)]
            fn neg(a: Self) -> Self {
                Complex::new(-a.re, -a.im)
            }
        }
    )*};
}
float_cross!(f32, f64);

/// A shape as Python prints a tuple (`(2, 5)`, `(3,)`, `()`), in `np.broadcast`'s
/// message.
fn py_tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The leading axes of `a` and `b` broadcast to `R` axes (NumPy's `np.broadcast`
/// message otherwise), and each operand's strides along them (0 where broadcast).
fn broadcast_lead<const R: usize>(
    sa: &[usize],
    ta: &[isize],
    sb: &[usize],
    tb: &[isize],
) -> KResult<([usize; R], [isize; R], [isize; R])> {
    let mut shape = [1usize; R];
    let (mut pa, mut pb) = ([0isize; R], [0isize; R]);
    for s in [sa, sb] {
        let off = R - s.len();
        for k in 0..s.len() {
            let o = &mut shape[off + k];
            if *o == 1 {
                *o = s[k];
            } else if s[k] != 1 && s[k] != *o {
                return Err(value_error(format!(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch \
                     is between arg 0 with shape {} and arg 1 with shape {}.",
                    py_tuple(sa),
                    py_tuple(sb)
                )));
            }
        }
    }
    for (s, t, p) in [(sa, ta, &mut pa), (sb, tb, &mut pb)] {
        let off = R - s.len();
        for k in 0..s.len() {
            p[off + k] = if s[k] == 1 { 0 } else { t[k] };
        }
    }
    Ok((shape, pa, pb))
}

/// Calls `f(offset_a, offset_b)` for every index of `shape` in C order.
fn walk<const R: usize>(
    shape: &[usize; R],
    pa: &[isize; R],
    pb: &[isize; R],
    mut f: impl FnMut(isize, isize),
) {
    if shape.contains(&0) {
        return;
    }
    let mut idx = [0usize; R];
    let (mut oa, mut ob) = (0isize, 0isize);
    loop {
        f(oa, ob);
        let mut k = R;
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            oa += pa[k];
            ob += pb[k];
            if idx[k] < shape[k] {
                break;
            }
            oa -= pa[k] * shape[k] as isize;
            ob -= pb[k] * shape[k] as isize;
            idx[k] = 0;
        }
    }
}

/// `np.cross(a, b)` of arrays of 3-vectors, or of a 2-vector and a 3-vector (the
/// missing component is 0), along the last axes; the other axes broadcast. `L` is the
/// number of leading axes of the result (`O - 1`). Two 2-vectors give a result of one
/// dimension less, not known when compiling: a `ValueError` saying so.
pub fn cross<T: CrossElem, const D: usize, const E: usize, const L: usize, const O: usize>(
    a: &ArrayView<T, D>,
    b: &ArrayView<T, E>,
) -> KResult<Array<T, O>> {
    let (sa, sb) = (a.shape(), b.shape());
    let (na, nb) = (sa[D - 1], sb[E - 1]);
    if !matches!(na, 2 | 3) || !matches!(nb, 2 | 3) {
        return Err(value_error(
            "incompatible dimensions for cross product\n(dimension must be 2 or 3)",
        ));
    }
    if na == 2 && nb == 2 {
        return Err(value_error(
            "np.cross of two arrays of 2-vectors is not supported by pykernel (its result \
             has one dimension less, which is not known when compiling; NumPy 2 deprecates \
             it): write a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]",
        ));
    }
    let (ta, tb) = (a.strides(), b.strides());
    let (lead, pa, pb) =
        broadcast_lead::<L>(&sa[..D - 1], &ta[..D - 1], &sb[..E - 1], &tb[..E - 1])?;
    let (ca, cb) = (ta[D - 1], tb[E - 1]);
    let (pa_, pb_) = (a.as_ptr(), b.as_ptr());
    let n: usize = lead.iter().product();
    let mut out = Vec::with_capacity(n * 3);
    walk(&lead, &pa, &pb, |oa, ob| {
        // SAFETY: `oa`, `ob` address a vector of each view; `k < na`, `k < nb`.
        let x = |k: isize| unsafe { *pa_.offset(oa + k * ca) };
        let y = |k: isize| unsafe { *pb_.offset(ob + k * cb) };
        let (a0, a1, b0, b1) = (x(0), x(1), y(0), y(1));
        let c2 = T::sub(T::mul(a0, b1), T::mul(a1, b0));
        let (c0, c1) = match (na, nb) {
            (3, 3) => {
                let (a2, b2) = (x(2), y(2));
                (
                    T::sub(T::mul(a1, b2), T::mul(a2, b1)),
                    T::sub(T::mul(a2, b0), T::mul(a0, b2)),
                )
            }
            // NumPy: `cp0 = a1 * b2`, `cp1 = -(a0 * b2)` (so -0.0 where it gives one).
            (2, _) => {
                let b2 = y(2);
                (T::mul(a1, b2), T::neg(T::mul(a0, b2)))
            }
            _ => {
                let a2 = x(2);
                (T::neg(T::mul(a2, b1)), T::mul(a2, b0))
            }
        };
        out.extend([c0, c1, c2]);
    });
    let mut shape = [3usize; O];
    shape[..L].copy_from_slice(&lead);
    Array::from_vec(out, shape)
}

/// `np.kron(a, b)`: both padded with leading axes of extent 1 to `O` axes, element
/// `(i * nb + j)` along each axis is `a[i] * b[j]` (NumPy's broadcast `multiply`).
pub fn kron<T: DotElem, const D: usize, const E: usize, const O: usize>(
    a: &ArrayView<T, D>,
    b: &ArrayView<T, E>,
) -> KResult<Array<T, O>> {
    let pad = |s: &[usize], t: &[isize]| {
        let (mut ps, mut pt) = ([1usize; O], [0isize; O]);
        ps[O - s.len()..].copy_from_slice(s);
        pt[O - t.len()..].copy_from_slice(t);
        (ps, pt)
    };
    let ((sa, ta), (sb, tb)) = (pad(&a.shape(), &a.strides()), pad(&b.shape(), &b.strides()));
    let mut shape = [0usize; O];
    for k in 0..O {
        shape[k] = sa[k] * sb[k];
    }
    let total: usize = shape.iter().product();
    let mut out = Vec::with_capacity(total);
    if total > 0 {
        // The C order of the result walks (i0, j0, i1, j1, ...); the last `j` is a row.
        let (pa, pb) = (a.as_ptr(), b.as_ptr());
        let mut idx = vec![0usize; 2 * O];
        let ext: Vec<usize> = (0..2 * O)
            .map(|k| if k % 2 == 0 { sa[k / 2] } else { sb[k / 2] })
            .collect();
        let row = sb[O - 1];
        let rs = tb[O - 1];
        'outer: loop {
            let (mut oa, mut ob) = (0isize, 0isize);
            for k in 0..O {
                oa += idx[2 * k] as isize * ta[k];
                ob += idx[2 * k + 1] as isize * tb[k];
            }
            // SAFETY: the indices are within both views.
            let x = unsafe { *pa.offset(oa) };
            out.extend((0..row as isize).map(|j| T::mul(x, unsafe { *pb.offset(ob + j * rs) })));
            let mut k = 2 * O - 1;
            loop {
                if k == 0 {
                    break 'outer;
                }
                k -= 1;
                idx[k] += 1;
                if idx[k] < ext[k] {
                    break;
                }
                idx[k] = 0;
            }
        }
    }
    Array::from_vec(out, shape)
}
