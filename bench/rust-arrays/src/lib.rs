//! `bench_arrays`: the issue-3 array loop benchmark as a Python extension module.
//!
//! - `bench_arrays.<name>` (cargo feature `pykernel` only): compiled by pykernel from
//!   `../kernels/arrays.py` (plain Python with `#pythran export` comments), registered
//!   with `arrays::register`. `bench_arrays.HAS_PYKERNEL` says whether they are there.
//! - `bench_arrays.<name>_rs`: the same algorithm hand-written in idiomatic Rust with
//!   ndarray (rows, `Zip` and shifted slices where a Rust programmer would use them,
//!   `a[[i, j]]` elsewhere; safe code only, no SIMD intrinsics, no BLAS), releasing the
//!   GIL while it runs. The speed reference.
//! - `bench_arrays.<name>_rs_idx`: the same algorithm with nothing but element indexing
//!   `a[[i, j]]`, line by line as the Python is written (diagnosis: what bounds-checked
//!   element indexing costs a compiler that keeps it).
//! - `bench_arrays.trivial_*`: variants of `trivial` (`a[0]`) for the call overhead
//!   (`bench/call_overhead.py`).
//!
//! Every function does the same floating-point operations in the same order as the
//! Python kernel, so results are bit-identical to CPython's.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, Zip, s};
use numpy::{
    IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;

/// The kernels of `../kernels/arrays.py`, translated at build time by `build.rs`.
#[cfg(feature = "pykernel")]
mod arrays {
    pykernel::include_kernel!("arrays.py");
}

/// Hand-written Rust versions of the kernels in `arrays.py`, as a Rust programmer would
/// write them with ndarray.
mod hand {
    use super::*;

    /// `a @ b`, loops in i-k-j order: row i of c accumulates `a[i, k] * (row k of b)`.
    pub fn matmul(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
        let mut c = Array2::zeros((a.nrows(), b.ncols()));
        for (ai, mut ci) in a.rows().into_iter().zip(c.rows_mut()) {
            for (&aik, bk) in ai.iter().zip(b.rows()) {
                Zip::from(&mut ci)
                    .and(&bk)
                    .for_each(|cij, &bkj| *cij += aik * bkj);
            }
        }
        c
    }

    /// Floyd–Warshall in place on a square matrix.
    pub fn floyd_warshall(mut d: ArrayViewMut2<f64>) {
        let n = d.nrows();
        for k in 0..n {
            for i in 0..n {
                if i == k {
                    // Row k against itself: element by element, as the Python does.
                    let dkk = d[[k, k]];
                    for j in 0..n {
                        let (dkj, v) = (d[[k, j]], dkk + d[[k, j]]);
                        d[[k, j]] = if v < dkj { v } else { dkj };
                    }
                } else {
                    let (mut di, dk) = d.multi_slice_mut((s![i, ..], s![k, ..]));
                    let dik = di[k];
                    Zip::from(&mut di).and(&dk).for_each(|dij, &dkj| {
                        let v = dik + dkj;
                        *dij = if v < *dij { v } else { *dij };
                    });
                }
            }
        }
    }

    /// `iters` Jacobi sweeps of the 5-point average; two buffers, swapped.
    pub fn stencil5(u: ArrayView2<f64>, iters: i64) -> Array2<f64> {
        let (n, m) = u.dim();
        let mut a = Array2::zeros((n, m));
        a.assign(&u);
        let mut b = a.clone();
        if n < 3 || m < 3 {
            return a;
        }
        for _ in 0..iters {
            Zip::from(b.slice_mut(s![1..n - 1, 1..m - 1]))
                .and(a.slice(s![1..n - 1, 1..m - 1]))
                .and(a.slice(s![..n - 2, 1..m - 1]))
                .and(a.slice(s![2.., 1..m - 1]))
                .and(a.slice(s![1..n - 1, ..m - 2]))
                .and(a.slice(s![1..n - 1, 2..]))
                .for_each(|bij, &c, &up, &down, &left, &right| {
                    *bij = 0.2 * (c + up + down + left + right);
                });
            std::mem::swap(&mut a, &mut b);
        }
        a
    }

    /// Valid-mode sliding dot product; `1 <= w.len() <= x.len()`.
    pub fn conv1d(x: ArrayView1<f64>, w: ArrayView1<f64>) -> Array1<f64> {
        x.windows(w.len())
            .into_iter()
            .map(|xi| Zip::from(&xi).and(&w).fold(0.0, |s, &xv, &wv| s + xv * wv))
            .collect()
    }

    /// Counts in `nbins >= 1` equal bins over `[lo, hi)`, clamped to the end bins.
    pub fn histogram(x: ArrayView1<f64>, nbins: usize, lo: f64, hi: f64) -> Array1<i64> {
        let mut counts = Array1::zeros(nbins);
        let width = (hi - lo) / nbins as f64;
        let last = nbins as i64 - 1;
        x.for_each(|&v| {
            let k = (((v - lo) / width) as i64).clamp(0, last);
            counts[k as usize] += 1;
        });
        counts
    }

    /// Insertion sort in place.
    pub fn insertion_sort(mut a: ArrayViewMut1<f64>) {
        for i in 1..a.len() {
            let v = a[i];
            let mut j = i;
            while j > 0 && a[j - 1] > v {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = v;
        }
    }
}

/// The same algorithms with element indexing only, line by line as in `arrays.py`.
mod idx {
    use super::*;

    pub fn matmul(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
        let (n, p) = a.dim();
        let m = b.ncols();
        let mut c = Array2::zeros((n, m));
        for i in 0..n {
            for k in 0..p {
                let aik = a[[i, k]];
                for j in 0..m {
                    c[[i, j]] += aik * b[[k, j]];
                }
            }
        }
        c
    }

    pub fn floyd_warshall(mut d: ArrayViewMut2<f64>) {
        let n = d.nrows();
        for k in 0..n {
            for i in 0..n {
                let dik = d[[i, k]];
                for j in 0..n {
                    let (dij, v) = (d[[i, j]], dik + d[[k, j]]);
                    d[[i, j]] = if v < dij { v } else { dij };
                }
            }
        }
    }

    pub fn stencil5(u: ArrayView2<f64>, iters: i64) -> Array2<f64> {
        let (n, m) = u.dim();
        let mut a = Array2::zeros((n, m));
        let mut b = Array2::zeros((n, m));
        for i in 0..n {
            for j in 0..m {
                a[[i, j]] = u[[i, j]];
                b[[i, j]] = u[[i, j]];
            }
        }
        for _ in 0..iters {
            for i in 1..n.saturating_sub(1) {
                for j in 1..m.saturating_sub(1) {
                    b[[i, j]] = 0.2
                        * (a[[i, j]]
                            + a[[i - 1, j]]
                            + a[[i + 1, j]]
                            + a[[i, j - 1]]
                            + a[[i, j + 1]]);
                }
            }
            std::mem::swap(&mut a, &mut b);
        }
        a
    }

    pub fn conv1d(x: ArrayView1<f64>, w: ArrayView1<f64>) -> Array1<f64> {
        let (n, m) = (x.len(), w.len());
        let mut y = Array1::zeros(n - m + 1);
        for i in 0..n - m + 1 {
            let mut s = 0.0;
            for k in 0..m {
                s += x[i + k] * w[k];
            }
            y[i] = s;
        }
        y
    }
}

fn value_error(msg: &str) -> PyErr {
    PyValueError::new_err(msg.to_owned())
}

fn check_matmul(a: &ArrayView2<f64>, b: &ArrayView2<f64>) -> PyResult<()> {
    if a.ncols() != b.nrows() {
        return Err(value_error("matmul: a.shape[1] != b.shape[0]"));
    }
    Ok(())
}

fn check_conv1d(x: &ArrayView1<f64>, w: &ArrayView1<f64>) -> PyResult<()> {
    if w.is_empty() || w.len() > x.len() {
        return Err(value_error("conv1d: need 1 <= len(w) <= len(x)"));
    }
    Ok(())
}

fn check_square(d: &Bound<'_, PyArray2<f64>>) -> PyResult<()> {
    let shape = d.shape();
    if shape[0] != shape[1] {
        return Err(value_error("floyd_warshall: d must be square"));
    }
    Ok(())
}

/// Hand-written Rust version of `arrays.matmul`.
#[pyfunction]
fn matmul_rs<'py>(
    py: Python<'py>,
    a: PyReadonlyArray2<'py, f64>,
    b: PyReadonlyArray2<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let (a, b) = (a.as_array(), b.as_array());
    check_matmul(&a, &b)?;
    Ok(py.detach(|| hand::matmul(a, b)).into_pyarray(py))
}

/// `matmul` with element indexing only.
#[pyfunction]
fn matmul_rs_idx<'py>(
    py: Python<'py>,
    a: PyReadonlyArray2<'py, f64>,
    b: PyReadonlyArray2<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let (a, b) = (a.as_array(), b.as_array());
    check_matmul(&a, &b)?;
    Ok(py.detach(|| idx::matmul(a, b)).into_pyarray(py))
}

/// Hand-written Rust version of `arrays.floyd_warshall` (in place; returns `d`).
#[pyfunction]
fn floyd_warshall_rs<'py>(
    py: Python<'py>,
    d: Bound<'py, PyArray2<f64>>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    check_square(&d)?;
    {
        let mut rw = d.try_readwrite()?;
        let view = rw.as_array_mut();
        py.detach(|| hand::floyd_warshall(view));
    }
    Ok(d)
}

/// `floyd_warshall` with element indexing only.
#[pyfunction]
fn floyd_warshall_rs_idx<'py>(
    py: Python<'py>,
    d: Bound<'py, PyArray2<f64>>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    check_square(&d)?;
    {
        let mut rw = d.try_readwrite()?;
        let view = rw.as_array_mut();
        py.detach(|| idx::floyd_warshall(view));
    }
    Ok(d)
}

/// Hand-written Rust version of `arrays.stencil5`.
#[pyfunction]
fn stencil5_rs<'py>(
    py: Python<'py>,
    u: PyReadonlyArray2<'py, f64>,
    iters: i64,
) -> Bound<'py, PyArray2<f64>> {
    let u = u.as_array();
    py.detach(|| hand::stencil5(u, iters)).into_pyarray(py)
}

/// `stencil5` with element indexing only.
#[pyfunction]
fn stencil5_rs_idx<'py>(
    py: Python<'py>,
    u: PyReadonlyArray2<'py, f64>,
    iters: i64,
) -> Bound<'py, PyArray2<f64>> {
    let u = u.as_array();
    py.detach(|| idx::stencil5(u, iters)).into_pyarray(py)
}

/// Hand-written Rust version of `arrays.conv1d`.
#[pyfunction]
fn conv1d_rs<'py>(
    py: Python<'py>,
    x: PyReadonlyArray1<'py, f64>,
    w: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (x, w) = (x.as_array(), w.as_array());
    check_conv1d(&x, &w)?;
    Ok(py.detach(|| hand::conv1d(x, w)).into_pyarray(py))
}

/// `conv1d` with element indexing only.
#[pyfunction]
fn conv1d_rs_idx<'py>(
    py: Python<'py>,
    x: PyReadonlyArray1<'py, f64>,
    w: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (x, w) = (x.as_array(), w.as_array());
    check_conv1d(&x, &w)?;
    Ok(py.detach(|| idx::conv1d(x, w)).into_pyarray(py))
}

/// Hand-written Rust version of `arrays.histogram` (int64 counts).
#[pyfunction]
fn histogram_rs<'py>(
    py: Python<'py>,
    x: PyReadonlyArray1<'py, f64>,
    nbins: i64,
    lo: f64,
    hi: f64,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let nbins = usize::try_from(nbins)
        .ok()
        .filter(|&b| b >= 1)
        .ok_or_else(|| value_error("histogram: nbins must be >= 1"))?;
    let x = x.as_array();
    Ok(py
        .detach(|| hand::histogram(x, nbins, lo, hi))
        .into_pyarray(py))
}

/// Hand-written Rust version of `arrays.insertion_sort` (in place; returns None).
#[pyfunction]
fn insertion_sort_rs(py: Python<'_>, a: Bound<'_, PyArray1<f64>>) -> PyResult<()> {
    let mut rw = a.try_readwrite()?;
    let view = rw.as_array_mut();
    py.detach(|| hand::insertion_sort(view));
    Ok(())
}

fn empty_index_error() -> PyErr {
    PyIndexError::new_err("index 0 is out of bounds for axis 0 with size 0")
}

/// `arrays.trivial` (`a[0]`) as a typical pyo3 + rust-numpy function: a
/// `PyReadonlyArray1` argument (dtype/rank check and rust-numpy's borrow tracking).
#[pyfunction]
fn trivial_rs(a: PyReadonlyArray1<'_, f64>) -> PyResult<f64> {
    a.get(0).copied().ok_or_else(empty_index_error)
}

/// `trivial` taking `&Bound<PyArray1<f64>>` and reading the element with `get_owned`
/// (dtype/rank check, no borrow tracking): the cheapest safe pyo3 path.
#[pyfunction]
fn trivial_bound_rs(a: &Bound<'_, PyArray1<f64>>) -> PyResult<f64> {
    a.get_owned(0).ok_or_else(empty_index_error)
}

/// `trivial_rs` that also releases the GIL around the (tiny) work, as the benchmark's
/// other functions do: the cost of `py.detach` per call.
#[pyfunction]
fn trivial_detach_rs(py: Python<'_>, a: PyReadonlyArray1<'_, f64>) -> PyResult<f64> {
    let a = a.as_array();
    py.detach(|| a.get(0).copied())
        .ok_or_else(empty_index_error)
}

/// The Python module `bench_arrays`.
#[pymodule]
fn bench_arrays(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[cfg(feature = "pykernel")]
    arrays::register(m)?;
    m.add("HAS_PYKERNEL", cfg!(feature = "pykernel"))?;
    m.add_function(wrap_pyfunction!(matmul_rs, m)?)?;
    m.add_function(wrap_pyfunction!(matmul_rs_idx, m)?)?;
    m.add_function(wrap_pyfunction!(floyd_warshall_rs, m)?)?;
    m.add_function(wrap_pyfunction!(floyd_warshall_rs_idx, m)?)?;
    m.add_function(wrap_pyfunction!(stencil5_rs, m)?)?;
    m.add_function(wrap_pyfunction!(stencil5_rs_idx, m)?)?;
    m.add_function(wrap_pyfunction!(conv1d_rs, m)?)?;
    m.add_function(wrap_pyfunction!(conv1d_rs_idx, m)?)?;
    m.add_function(wrap_pyfunction!(histogram_rs, m)?)?;
    m.add_function(wrap_pyfunction!(insertion_sort_rs, m)?)?;
    m.add_function(wrap_pyfunction!(trivial_rs, m)?)?;
    m.add_function(wrap_pyfunction!(trivial_bound_rs, m)?)?;
    m.add_function(wrap_pyfunction!(trivial_detach_rs, m)?)?;
    Ok(())
}
