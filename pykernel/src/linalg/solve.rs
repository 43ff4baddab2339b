//! `np.linalg.det`, `np.linalg.inv` and `np.linalg.solve` of matrices and stacks of
//! matrices (3-D arrays), on the factorization of [`super::lu`], with NumPy's checks in
//! NumPy's order: a square matrix (`LinAlgError`), the core dimensions of the gufunc
//! (`ValueError`), the stacks broadcast together (`ValueError`), then a singular matrix
//! (`LinAlgError: Singular matrix`; `det` gives 0 instead).
//!
//! Each takes its operands in their own dtype with the conversion to the computing type
//! `W` (`f64` or `Complex<f64>`), applied while the matrix is copied into its
//! column-major work buffer. Results are new C-ordered arrays.

use super::lu::{ColMajor, LuElem, getrf, getrs};
use crate::array::{Array, ArrayView};
use crate::error::{ErrorKind, KResult, KernelError, value_error};

/// NumPy's `LinAlgError` with `msg`.
fn linalg_error(msg: &'static str) -> KernelError {
    KernelError::new(ErrorKind::LinAlg, msg)
}

/// `(batch, rows, cols)` and their strides of a matrix (a stack of one) or a stack.
fn stack_of<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> ([usize; 3], [isize; 3]) {
    let (s, t) = (a.shape(), a.strides());
    match D {
        1 => ([1, s[0], 1], [0, t[0], 0]),
        2 => ([1, s[0], s[1]], [0, t[0], t[1]]),
        _ => ([s[0], s[1], s[2]], [t[0], t[1], t[2]]),
    }
}

/// NumPy's `_assert_stacked_square`.
fn check_square(shape: [usize; 3]) -> KResult<()> {
    if shape[1] != shape[2] {
        return Err(linalg_error(
            "Last 2 dimensions of the array must be square",
        ));
    }
    Ok(())
}

/// Matrix `k` of a stack, converted into a column-major buffer.
fn load<T: Copy, W: LuElem>(
    ptr: *const T,
    shape: [usize; 3],
    strides: [isize; 3],
    k: usize,
    f: &impl Fn(T) -> W,
) -> Vec<W> {
    let ([_, m, n], [s0, s1, s2]) = (shape, strides);
    let mut out = Vec::with_capacity(m * n);
    for j in 0..n as isize {
        for i in 0..m as isize {
            // SAFETY: `k`, `i`, `j` are within the view's extents.
            out.push(f(unsafe { *ptr.offset(k as isize * s0 + i * s1 + j * s2) }));
        }
    }
    out
}

/// The LU factors of matrix `k` of a stack: the factors, the swaps and whether a pivot
/// was zero.
fn factor<T: Copy, W: LuElem>(
    a: &ArrayView<T, 3>,
    k: usize,
    f: &impl Fn(T) -> W,
) -> (ColMajor<W>, Vec<usize>, bool) {
    let n = a.shape()[1];
    let mut m = ColMajor {
        n,
        a: load(a.as_ptr(), a.shape(), a.strides(), k, f),
    };
    let mut piv = vec![0; n];
    let singular = getrf(&mut m, &mut piv);
    (m, piv, singular)
}

/// A 2-D or 3-D view as a stack (a matrix is a stack of one).
fn as3<T: Copy, const D: usize>(a: &ArrayView<T, D>) -> ArrayView<T, 3> {
    let (s, t) = stack_of(a);
    // SAFETY: the same elements, with a leading axis of extent 1 for a matrix.
    *unsafe { Array::from_raw(a.as_ptr(), s, t) }
}

/// The determinant of matrix `k` of a stack.
fn det_of<T: Copy, W: LuElem>(a: &ArrayView<T, 3>, k: usize, f: &impl Fn(T) -> W) -> W {
    let (m, piv, singular) = factor(a, k, f);
    let odd = piv.iter().enumerate().filter(|&(i, &p)| p != i).count() % 2 == 1;
    W::det_from_diagonal((0..m.n).map(|i| m.a[i + i * m.n]), odd, singular)
}

/// `np.linalg.det(a)` of a matrix: NumPy's scalar (1 for a 0×0 matrix).
pub fn det<T: Copy, W: LuElem>(a: &ArrayView<T, 2>, f: impl Fn(T) -> W) -> KResult<W> {
    let a = as3(a);
    check_square(a.shape())?;
    Ok(det_of(&a, 0, &f))
}

/// `np.linalg.det(a)` of a stack of matrices: one determinant per matrix.
pub fn det_stack<T: Copy, W: LuElem>(
    a: &ArrayView<T, 3>,
    f: impl Fn(T) -> W,
) -> KResult<Array<W, 1>> {
    check_square(a.shape())?;
    let k = a.shape()[0];
    Array::from_vec((0..k).map(|i| det_of(a, i, &f)).collect(), [k])
}

/// Writes the column-major `m×n` block `x` in C order at `out`.
fn store_c<W: Copy>(x: &[W], m: usize, n: usize, out: &mut Vec<W>) {
    for i in 0..m {
        out.extend((0..n).map(|j| x[i + j * m]));
    }
}

/// `np.linalg.inv(a)` of a matrix (`D == 2`) or a stack (`D == 3`): NumPy's `gesv` with
/// the identity as right-hand side.
pub fn inv<T: Copy, W: LuElem, const D: usize>(
    a: &ArrayView<T, D>,
    f: impl Fn(T) -> W,
) -> KResult<Array<W, D>> {
    let s = as3(a);
    check_square(s.shape())?;
    let [k, n, _] = s.shape();
    let mut out = Vec::with_capacity(k * n * n);
    for i in 0..k {
        let (m, piv, singular) = factor(&s, i, &f);
        if singular {
            return Err(linalg_error("Singular matrix"));
        }
        let mut x = vec![W::ZERO; n * n];
        for d in 0..n {
            x[d + d * n] = W::ONE;
        }
        getrs(&m, &piv, &mut x, n);
        store_c(&x, n, n, &mut out);
    }
    Array::from_vec(out, a.shape())
}

/// A shape as Python prints a tuple without spaces (`(3,)`, `(2,3)`), in NumPy's
/// gufunc messages.
fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// `np.linalg.solve(a, b)`: `a` a matrix (`D == 2`) or a stack (`D == 3`); `b` a vector
/// (`E == 1`: NumPy 2's `solve1`, `(m,m),(m)->(m)`), a matrix or a stack of matrices
/// (`solve`, `(m,m),(m,n)->(m,n)`); the stacks broadcast. `O` is the result's rank.
pub fn solve<TA: Copy, TB: Copy, W: LuElem, const D: usize, const E: usize, const O: usize>(
    a: &ArrayView<TA, D>,
    b: &ArrayView<TB, E>,
    fa: impl Fn(TA) -> W,
    fb: impl Fn(TB) -> W,
) -> KResult<Array<W, O>> {
    let sa = as3(a);
    check_square(sa.shape())?;
    let [ka, m, _] = sa.shape();
    let (bs, bt) = stack_of(b);
    let vector = E == 1;
    let [kb, bm, nrhs] = bs;
    if bm != m {
        let (name, sig) = if vector {
            ("solve1", "(m,m),(m)->(m)")
        } else {
            ("solve", "(m,m),(m,n)->(m,n)")
        };
        return Err(value_error(format!(
            "{name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature {sig} (size {bm} is different from {m})"
        )));
    }
    let batch = match (D == 3, E == 3) {
        (false, false) => 1,
        (true, false) => ka,
        (false, true) => kb,
        _ if ka == kb || kb == 1 => ka,
        _ if ka == 1 => kb,
        _ => {
            return Err(value_error(format!(
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {}->({ka},newaxis,newaxis) {}->({kb},newaxis,newaxis)  \
                 and requested shape ({m},{nrhs})",
                shape_text(&a.shape()),
                shape_text(&b.shape())
            )));
        }
    };
    let mut out = Vec::with_capacity(batch * m * nrhs);
    let mut factors: Option<(usize, ColMajor<W>, Vec<usize>)> = None;
    for i in 0..batch {
        let ia = if ka == 1 { 0 } else { i };
        // One factorization serves every right-hand side of a broadcast matrix.
        if factors.as_ref().is_none_or(|(j, ..)| *j != ia) {
            let (lu, piv, singular) = factor(&sa, ia, &fa);
            if singular {
                return Err(linalg_error("Singular matrix"));
            }
            factors = Some((ia, lu, piv));
        }
        let Some((_, lu, piv)) = factors.as_ref() else {
            continue;
        };
        let ib = if kb == 1 { 0 } else { i };
        let mut x = load(b.as_ptr(), bs, bt, ib, &fb);
        getrs(lu, piv, &mut x, nrhs);
        store_c(&x, m, nrhs, &mut out);
    }
    let mut shape = Vec::with_capacity(3);
    if D == 3 || E == 3 {
        shape.push(batch);
    }
    shape.push(m);
    if !vector {
        shape.push(nrhs);
    }
    let shape: [usize; O] = shape
        .try_into()
        .map_err(|_| value_error("solve: unexpected result rank"))?;
    Array::from_vec(out, shape)
}
