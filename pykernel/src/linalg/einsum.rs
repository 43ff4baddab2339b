//! `np.einsum` of one or two operands whose subscripts were checked when compiling
//! (letters, one per axis; the output labels given or implied).
//!
//! NumPy's steps: repeated labels of an operand become one axis (their diagonal;
//! `ValueError` when their extents differ), the iteration runs over the output labels
//! then the summed ones in alphabetical order, and the operands broadcast along each
//! label (extent 1 stretches; NumPy's "remapped shapes" `ValueError` otherwise). Two
//! operands whose labels are at most one batch, one row, one column and one summed axis
//! (summed labels that are contiguous together count as one) are a (batched) matrix
//! product: they go to the products of [`super`] (GEMM, matrix-vector, dot). Anything
//! else is a loop over the output whose innermost sum is a strided dot product. Sums are
//! in the operands' dtype (integers wrap, bools `or` their `and`s), as NumPy's einsum.

use super::{DotElem, product_into, zeros};
use crate::array::{Array, ArrayView};
use crate::error::{KResult, value_error};

/// An operand with its repeated labels combined: data, labels, extents, strides.
struct Operand<T> {
    ptr: *const T,
    labels: Vec<u8>,
    dims: Vec<usize>,
    strides: Vec<isize>,
}

/// Operand `iop` with its repeated labels combined into one axis (the diagonal), as
/// NumPy's `get_combined_dims_view`.
fn combine<T: Copy, const D: usize>(
    a: &ArrayView<T, D>,
    labels: [u8; D],
    iop: usize,
) -> KResult<Operand<T>> {
    let mut op = Operand {
        ptr: a.as_ptr(),
        labels: Vec::with_capacity(D),
        dims: Vec::with_capacity(D),
        strides: Vec::with_capacity(D),
    };
    for ((&l, &n), &s) in labels.iter().zip(&a.shape()).zip(&a.strides()) {
        match op.labels.iter().position(|&x| x == l) {
            Some(p) if op.dims[p] != n => {
                return Err(value_error(format!(
                    "dimensions in operand {iop} for collapsing index '{}' don't match ({} != {n})",
                    l as char, op.dims[p]
                )));
            }
            Some(p) => op.strides[p] += s,
            None => {
                op.labels.push(l);
                op.dims.push(n);
                op.strides.push(s);
            }
        }
    }
    Ok(op)
}

/// A shape as NumPy's iterator prints it: leading new axes left out, `newaxis` for the
/// others (`None`), `(3,)` for one axis, `()` for none.
fn remapped_text(dims: &[Option<usize>]) -> String {
    let first = dims.iter().position(Option::is_some);
    let Some(first) = first else {
        return "()".into();
    };
    let parts: Vec<String> = dims[first..]
        .iter()
        .map(|d| d.map_or("newaxis".into(), |n| n.to_string()))
        .collect();
    if dims.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(","))
    }
}

/// The iteration: labels (output, then summed ones in alphabetical order), extents, and
/// each operand's stride per label (0 where it does not have it or broadcasts).
struct Iteration {
    labels: Vec<u8>,
    dims: Vec<usize>,
    strides: Vec<Vec<isize>>,
}

fn iteration<T>(ops: &[Operand<T>], out: &[u8]) -> KResult<Iteration> {
    let mut labels = out.to_vec();
    let mut summed: Vec<u8> = ops
        .iter()
        .flat_map(|o| o.labels.iter().copied())
        .filter(|l| !out.contains(l))
        .collect();
    summed.sort_unstable();
    summed.dedup();
    labels.extend(summed);
    let mut dims = vec![1usize; labels.len()];
    let mut strides = vec![vec![0isize; labels.len()]; ops.len()];
    for (k, l) in labels.iter().enumerate() {
        for (o, st) in ops.iter().zip(strides.iter_mut()) {
            let Some(p) = o.labels.iter().position(|x| x == l) else {
                continue;
            };
            let n = o.dims[p];
            if n != 1 {
                if dims[k] != 1 && dims[k] != n {
                    return Err(broadcast_error(ops, &labels));
                }
                dims[k] = n;
                st[k] = o.strides[p];
            }
        }
    }
    Ok(Iteration {
        labels,
        dims,
        strides,
    })
}

/// NumPy's iterator message for operands that do not broadcast.
fn broadcast_error<T>(ops: &[Operand<T>], labels: &[u8]) -> crate::KernelError {
    let mut text = String::from(
        "operands could not be broadcast together with remapped shapes [original->remapped]: ",
    );
    for o in ops {
        let dims: Vec<Option<usize>> = o.dims.iter().map(|&n| Some(n)).collect();
        let remapped: Vec<Option<usize>> = labels
            .iter()
            .map(|l| o.labels.iter().position(|x| x == l).map(|p| o.dims[p]))
            .collect();
        text.push_str(&format!(
            "{}->{} ",
            remapped_text(&dims),
            remapped_text(&remapped)
        ));
    }
    value_error(text)
}

/// One axis of a matrix product: extent and each operand's stride.
#[derive(Clone, Copy)]
struct Axis {
    n: usize,
    sa: isize,
    sb: isize,
}

/// The labels of a two-operand einsum as a (batched) matrix product, if they are:
/// `[batch, rows, cols, summed]` (each may be absent: extent 1) and, for each output
/// label, which of the first three it is (or none, for an extent 1 left out).
fn as_product(
    it: &Iteration,
    nout: usize,
    la: &[u8],
    lb: &[u8],
) -> Option<([Axis; 4], Vec<Option<usize>>)> {
    let mut cat: [Vec<Axis>; 4] = Default::default();
    let mut which = vec![None; nout];
    for (k, &l) in it.labels.iter().enumerate() {
        let ax = Axis {
            n: it.dims[k],
            sa: it.strides[0][k],
            sb: it.strides[1][k],
        };
        if ax.n == 1 {
            continue;
        }
        let (in_a, in_b) = (la.contains(&l), lb.contains(&l));
        let c = match (k < nout, in_a, in_b) {
            (true, true, true) => 0,
            (true, true, false) => 1,
            (true, false, true) => 2,
            (false, true, true) => 3,
            _ => return None,
        };
        if k < nout {
            which[k] = Some(c);
        }
        cat[c].push(ax);
    }
    // Summed axes that are contiguous together in both operands are one.
    let sum = &mut cat[3];
    'merge: while sum.len() > 1 {
        for x in 0..sum.len() {
            for y in 0..sum.len() {
                let (p, q) = (sum[x], sum[y]);
                let n = q.n as isize;
                if x != y && p.sa == n * q.sa && p.sb == n * q.sb {
                    sum[y] = Axis {
                        n: p.n * q.n,
                        sa: q.sa,
                        sb: q.sb,
                    };
                    sum.remove(x);
                    continue 'merge;
                }
            }
        }
        return None;
    }
    let one = Axis { n: 1, sa: 0, sb: 0 };
    if cat.iter().any(|c| c.len() > 1) {
        return None;
    }
    let axes = [0, 1, 2, 3].map(|c| cat[c].first().copied().unwrap_or(one));
    Some((axes, which))
}

/// A two-operand einsum as matrix products: `C[b] = A[b]·B[b]` into a C-ordered
/// `(batch, m, n)` block, then arranged in the output's label order.
fn by_product<T: DotElem>(
    a: &Operand<T>,
    b: &Operand<T>,
    axes: [Axis; 4],
    which: &[Option<usize>],
    out_dims: &[usize],
) -> Vec<T> {
    let [bt, m, n, k] = axes;
    let mut c = zeros::<T>(bt.n * m.n * n.n);
    for i in 0..bt.n as isize {
        // SAFETY: batch `i` of each operand is within its view (stride 0 when absent).
        let (x, y) = unsafe {
            (
                Array::from_raw(a.ptr.offset(i * bt.sa).cast_mut(), [m.n, k.n], [m.sa, k.sa]),
                Array::from_raw(b.ptr.offset(i * bt.sb).cast_mut(), [k.n, n.n], [k.sb, n.sb]),
            )
        };
        let block = i as usize * m.n * n.n;
        product_into(&x, &y, &mut c[block..block + m.n * n.n]);
    }
    let cat_stride = [(m.n * n.n) as isize, n.n as isize, 1];
    let strides: Vec<isize> = which
        .iter()
        .map(|w| w.map_or(0, |c| cat_stride[c]))
        .collect();
    // The block is already in the output's order when its labels come batch, rows, cols.
    let ordered: Vec<usize> = which.iter().flatten().copied().collect();
    if ordered.windows(2).all(|w| w[0] < w[1]) {
        return c;
    }
    let mut out = Vec::with_capacity(c.len());
    odometer(out_dims, &[strides], |off| out.push(c[off[0] as usize]));
    out
}

/// Calls `f` with each operand's offset for every index of `dims` in C order.
fn odometer(dims: &[usize], strides: &[Vec<isize>], mut f: impl FnMut(&[isize])) {
    if dims.contains(&0) {
        return;
    }
    let r = dims.len();
    let mut idx = vec![0usize; r];
    let mut off = vec![0isize; strides.len()];
    loop {
        f(&off);
        let mut k = r;
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            for (o, s) in off.iter_mut().zip(strides) {
                *o += s[k];
            }
            if idx[k] < dims[k] {
                break;
            }
            for (o, s) in off.iter_mut().zip(strides) {
                *o -= s[k] * dims[k] as isize;
            }
            idx[k] = 0;
        }
    }
}

/// Any einsum: for every output element, the sum over the summed labels of the product
/// of the operands' elements; the innermost summed label is one strided dot product.
fn by_loops<T: DotElem>(ops: &[Operand<T>], it: &Iteration, nout: usize) -> Vec<T> {
    let out_dims = &it.dims[..nout];
    let out_strides: Vec<Vec<isize>> = it.strides.iter().map(|s| s[..nout].to_vec()).collect();
    let sum_dims = &it.dims[nout..];
    let total: usize = out_dims.iter().product();
    let mut out = Vec::with_capacity(total);
    let last = it.labels.len().saturating_sub(1);
    let outer_strides: Vec<Vec<isize>> = it
        .strides
        .iter()
        .map(|s| s[nout.min(last)..last].to_vec())
        .collect();
    let element = |off: &[isize]| -> T {
        let at = |o: usize, d: isize| -> T {
            // SAFETY: every offset stays within the operand's view.
            unsafe { *ops[o].ptr.offset(d) }
        };
        let Some((&inner, outer)) = sum_dims.split_last() else {
            return match ops.len() {
                1 => at(0, off[0]),
                _ => T::mul(at(0, off[0]), at(1, off[1])),
            };
        };
        let mut acc = T::ZERO;
        odometer(outer, &outer_strides, |o| {
            let (pa, sa) = (off[0] + o[0], it.strides[0][last]);
            let part = if ops.len() == 1 {
                let mut s = T::ZERO;
                for i in 0..inner as isize {
                    s = T::add(s, at(0, pa + i * sa));
                }
                s
            } else {
                let (pb, sb) = (off[1] + o[1], it.strides[1][last]);
                // SAFETY: both strided runs are within the operands' views.
                unsafe { T::dot_run(inner, ops[0].ptr.offset(pa), sa, ops[1].ptr.offset(pb), sb) }
            };
            acc = T::add(acc, part);
        });
        acc
    };
    odometer(out_dims, &out_strides, |off| out.push(element(off)));
    out
}

/// The result of an einsum: its elements in C order and its shape.
fn run<T: DotElem>(ops: &[Operand<T>], out: &[u8]) -> KResult<(Vec<T>, Vec<usize>)> {
    let it = iteration(ops, out)?;
    let nout = out.len();
    let out_dims = it.dims[..nout].to_vec();
    if let [a, b] = ops
        && let Some((axes, which)) = as_product(&it, nout, &a.labels, &b.labels)
    {
        return Ok((by_product(a, b, axes, &which, &out_dims), out_dims));
    }
    Ok((by_loops(ops, &it, nout), out_dims))
}

/// The result as an array of `O` dimensions.
fn into_array<T: Copy, const O: usize>((data, dims): (Vec<T>, Vec<usize>)) -> KResult<Array<T, O>> {
    let shape: [usize; O] = dims
        .try_into()
        .map_err(|_| value_error("einsum: unexpected result rank"))?;
    Array::from_vec(data, shape)
}

/// The single element of a result with no output labels.
fn into_scalar<T: DotElem>((data, _): (Vec<T>, Vec<usize>)) -> T {
    data.first().copied().unwrap_or(T::ZERO)
}

/// `np.einsum` of one operand with labels `la` (some summed: not a view).
pub fn einsum1<T: DotElem, const D: usize, const O: usize>(
    a: &ArrayView<T, D>,
    la: [u8; D],
    out: [u8; O],
) -> KResult<Array<T, O>> {
    into_array(run(&[combine(a, la, 0)?], &out)?)
}

/// `np.einsum` of one operand summed to a number.
pub fn einsum1_scalar<T: DotElem, const D: usize>(a: &ArrayView<T, D>, la: [u8; D]) -> KResult<T> {
    Ok(into_scalar(run(&[combine(a, la, 0)?], &[])?))
}

/// `np.einsum` of two operands (converted to their common dtype first).
pub fn einsum2<T: DotElem, const D: usize, const E: usize, const O: usize>(
    a: &ArrayView<T, D>,
    la: [u8; D],
    b: &ArrayView<T, E>,
    lb: [u8; E],
    out: [u8; O],
) -> KResult<Array<T, O>> {
    into_array(run(&[combine(a, la, 0)?, combine(b, lb, 1)?], &out)?)
}

/// `np.einsum` of two operands summed to a number.
pub fn einsum2_scalar<T: DotElem, const D: usize, const E: usize>(
    a: &ArrayView<T, D>,
    la: [u8; D],
    b: &ArrayView<T, E>,
    lb: [u8; E],
) -> KResult<T> {
    Ok(into_scalar(run(
        &[combine(a, la, 0)?, combine(b, lb, 1)?],
        &[],
    )?))
}
