"""SciPy end to end: every entry of SciPy's LowLevelCallable catalogue (SPEC section 5),
with capsules from the pykernel_corpus wheel passed as `LowLevelCallable(capsule)` or
`LowLevelCallable(capsule, user_data)` -- never with `signature=`.

Each result is compared with the same kernel run by CPython through SciPy's Python
callable path (the kernel source is tests/corpus/scipy_callbacks.py, imported
unchanged; pointers are ctypes POINTER objects). Equality is exact: SciPy runs the same
algorithm on bit-identical integrand values.
"""

from __future__ import annotations

import ctypes
import math
import warnings
from ctypes import POINTER, c_double, c_int64, c_ssize_t, c_void_p

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from scipy import LowLevelCallable, integrate, ndimage

import kernel_harness as H

STEM = "scipy_callbacks"
PATH = H.CORPUS_DIR / f"{STEM}.py"
ref = H.reference_module(PATH)
PD = POINTER(c_double)

QUAD_D = "double (double)"
QUAD_DU = "double (double, void *)"
NQUAD = "double (int, double *)"
NQUAD_U = "double (int, double *, void *)"
GF = "int (double *, intptr_t, double *, void *)"
GF1D = "int (double *, intptr_t, double *, intptr_t, void *)"
GT = "int (intptr_t *, double *, int, int, void *)"

EXPECTED_NAMES = {
    "q_gauss": QUAD_D,
    "q_fail": QUAD_D,
    "q_scaled": QUAD_DU,
    "q_opaque": QUAD_DU,
    "nq_poly": NQUAD,
    "nq_block": NQUAD,
    "f": NQUAD_U,
    "nq_opaque": NQUAD_U,
    "gf_mean": GF,
    "gf_weighted_max": GF,
    "gf_range_view": GF,
    "gf_intdiv": GF,
    "gf_oob": GF,
    "gf_shape_err": GF,
    "q_deep": QUAD_D,
    "gf_deep": GF,
    "gf1d_box": GF1D,
    "gf1d_diff": GF1D,
    "gt_shift": GT,
    "gt_view": GT,
    "gt_transpose": GT,
}


@pytest.fixture(scope="module")
def caps(corpus):
    sub = getattr(corpus, STEM, None)
    if sub is None:
        pytest.fail(f"pykernel_corpus has no submodule {STEM!r}", pytrace=False)
    return sub


def cap(caps, name):
    c = getattr(caps, name, None)
    assert c is not None, f"pykernel_corpus.{STEM}.{name} missing"
    assert H.is_capsule(c), f"{name}: expected a PyCapsule, got {type(c)}"
    return c


def user_data(*values):
    """A C double array and a void* to it (kept alive by the caller)."""
    arr = (c_double * len(values))(*values)
    return arr, ctypes.cast(arr, c_void_p)


def llc(capsule, data=None):
    f = LowLevelCallable(capsule) if data is None else LowLevelCallable(capsule, data)
    return f


# --------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------

def test_every_capsule_of_the_file_is_checked():
    exported = {e.name for e in H.parse_exports(PATH.read_text()) if e.capsule}
    assert exported == set(EXPECTED_NAMES)
    assert set(EXPECTED_NAMES.values()) == set(H.SCIPY_CATALOGUE), "every catalogue entry covered"


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_capsule_name_is_scipy_signature(caps, name):
    c = cap(caps, name)
    assert H.capsule_name(c) == EXPECTED_NAMES[name]
    # LowLevelCallable reads the signature from the capsule name
    assert LowLevelCallable(c).signature == EXPECTED_NAMES[name]


# --------------------------------------------------------------------------------------
# integrate.quad / dblquad / tplquad / nquad
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [(0.0, 1.0), (-2.0, 3.5), (-np.inf, np.inf)])
def test_quad_double_double(caps, a, b):
    got = integrate.quad(llc(cap(caps, "q_gauss")), a, b)
    want = integrate.quad(lambda x: ref.q_gauss(x), a, b)
    assert got == want


def test_quad_double_double_void_typed_user_data(caps):
    arr, ptr = user_data(2.0, 3.0)
    got = integrate.quad(llc(cap(caps, "q_scaled"), ptr), 0.0, 2.0)
    want = integrate.quad(lambda x: ref.q_scaled(x, ctypes.cast(arr, PD)), 0.0, 2.0)
    assert got == want
    # user data is really read: a different value gives a different integral
    arr[0] = -1.0
    got2 = integrate.quad(llc(cap(caps, "q_scaled"), ptr), 0.0, 2.0)
    want2 = integrate.quad(lambda x: ref.q_scaled(x, ctypes.cast(arr, PD)), 0.0, 2.0)
    assert got2 == want2 and got2[0] != got[0]


def test_quad_double_double_void_opaque(caps):
    got = integrate.quad(llc(cap(caps, "q_opaque")), 0.0, 3.0)
    want = integrate.quad(lambda x: ref.q_opaque(x, None), 0.0, 3.0)
    assert got == want


def test_quad_int_double_ptr_with_args(caps):
    """`double (int, double *)` through plain quad: xx[0] is x, xx[1:] are args."""
    got = integrate.quad(llc(cap(caps, "nq_poly")), 0.0, 1.0, args=(2.0, 3.0))
    want = integrate.quad(lambda *xs: _nq_ref(ref.nq_poly, xs), 0.0, 1.0, args=(2.0, 3.0))
    assert got == want


_NO_UD = object()


def _nq_ref(kernel, xs, ud=_NO_UD):
    """Call a `double (int, double *[, void *])` kernel from SciPy's Python path."""
    arr = (c_double * len(xs))(*xs)
    if ud is _NO_UD:
        return kernel(len(xs), ctypes.cast(arr, PD))
    return kernel(len(xs), ctypes.cast(arr, PD), ud)


def test_nquad_int_double_ptr(caps):
    ranges = [[0.0, 1.0], [-1.0, 2.0], [0.5, 1.5]]
    got = integrate.nquad(llc(cap(caps, "nq_poly")), ranges)
    want = integrate.nquad(lambda *xs: _nq_ref(ref.nq_poly, xs), ranges)
    assert got == want


def test_nquad_fixed_extent_block(caps):
    """`capsule nq_block(int32, float64[3])`: SciPy's `double (int, double *)`."""
    ranges = [[0.0, 1.0], [-1.0, 2.0], [0.5, 1.5]]
    got = integrate.nquad(llc(cap(caps, "nq_block")), ranges)
    want = integrate.nquad(lambda x, y, z: x * y + z * 3, ranges)
    assert got == want


def test_nquad_seed_example(caps):
    """The seed's benchmark: nquad(LowLevelCallable(f, user_data), dat)."""
    c = c_double(1.0)
    ud = ctypes.cast(ctypes.pointer(c), c_void_p)
    dat = [[0, 10], [-10, 0], [-1, 1]]
    got = integrate.nquad(LowLevelCallable(cap(caps, "f"), ud), dat)
    cp = ctypes.cast(ctypes.pointer(c), PD)
    want = integrate.nquad(lambda *xs: _nq_ref(ref.f, xs, cp), dat)
    assert got == want
    # integral of 1 + x - y*z over [0,10]x[-10,0]x[-1,1]
    assert got[0] == pytest.approx(1200.0, rel=1e-12)


def test_nquad_int_double_ptr_void_opaque(caps):
    ranges = [[0.0, 1.0], [1.0, 2.0]]
    got = integrate.nquad(llc(cap(caps, "nq_opaque")), ranges)
    want = integrate.nquad(lambda *xs: _nq_ref(ref.nq_opaque, xs, None), ranges)
    assert got == want


def test_dblquad(caps):
    got = integrate.dblquad(llc(cap(caps, "nq_poly")), 0.0, 1.0, -1.0, 2.0)
    want = integrate.dblquad(lambda y, x: _nq_ref(ref.nq_poly, (y, x)), 0.0, 1.0, -1.0, 2.0)
    assert got == want


def test_tplquad(caps):
    c = c_double(0.5)
    ud = ctypes.cast(ctypes.pointer(c), c_void_p)
    got = integrate.tplquad(LowLevelCallable(cap(caps, "f"), ud), 0.0, 1.0, -1.0, 1.0, 0.0, 2.0)
    cp = ctypes.cast(ctypes.pointer(c), PD)
    want = integrate.tplquad(lambda z, y, x: _nq_ref(ref.f, (z, y, x), cp), 0.0, 1.0, -1.0, 1.0, 0.0, 2.0)
    assert got == want


def test_quad_error_returns_nan(caps):
    """A double-returning capsule that fails (integer division by zero) returns NaN:
    SciPy gets NaN, no crash, no stray Python exception."""
    fn, ret, _ = H.capsule_function(cap(caps, "q_fail"))
    assert ret == "double"
    assert math.isnan(fn(0.5))
    assert fn(3.0) == ref.q_fail(3.0)
    with pytest.raises(ZeroDivisionError):
        ref.q_fail(0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res, err = integrate.quad(llc(cap(caps, "q_fail")), 0.0, 1.0)
    assert math.isnan(res)
    # where the kernel does not fail, same as CPython
    got = integrate.quad(llc(cap(caps, "q_fail")), 2.5, 3.5)
    want = integrate.quad(lambda x: ref.q_fail(x), 2.5, 3.5)
    assert got == want


# --------------------------------------------------------------------------------------
# ndimage.generic_filter
# --------------------------------------------------------------------------------------

def _gf_py(kernel, ud=None):
    """SciPy's Python-callable path for a generic_filter kernel.

    SciPy (1.17) keeps calling a Python filter function after it raised, with the
    exception still set; a ctypes call in that state fails with SystemError. So after
    the first exception the wrapper re-raises it without touching ctypes, and SciPy
    reports the original exception."""
    failed = []

    def py(buf):
        if failed:
            raise failed[0]
        try:
            buf = np.ascontiguousarray(buf, dtype=np.float64)
            out = (c_double * 1)()
            r = kernel(buf.ctypes.data_as(PD), len(buf), ctypes.cast(out, PD), ud)
        except Exception as e:
            failed.append(e)
            raise
        assert r == 1
        return out[0]
    return py


IMAGE = np.array([[1.0, 5.0, -2.0, 7.5, 3.0],
                  [0.25, 9.0, 4.0, -6.0, 2.0],
                  [8.0, -1.5, 3.0, 0.0, 1.0],
                  [2.0, 2.0, 6.5, -3.0, 4.0]])


@pytest.mark.parametrize("kw", [dict(size=3), dict(size=(2, 4), mode="constant", cval=1.5),
                                dict(footprint=np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]]), mode="wrap")])
def test_generic_filter_opaque(caps, kw):
    got = ndimage.generic_filter(IMAGE, llc(cap(caps, "gf_mean")), **kw)
    want = ndimage.generic_filter(IMAGE, _gf_py(ref.gf_mean), **kw)
    assert_array_equal(got, want)


def test_generic_filter_typed_user_data_int64_size(caps):
    arr, ptr = user_data(0.5)
    got = ndimage.generic_filter(IMAGE, llc(cap(caps, "gf_weighted_max"), ptr), size=3)
    want = ndimage.generic_filter(IMAGE, _gf_py(ref.gf_weighted_max, ctypes.cast(arr, PD)), size=3)
    assert_array_equal(got, want)
    assert_array_equal(got, ndimage.maximum_filter(IMAGE, size=3) * 0.5)


def test_generic_filter_as_array_view(caps):
    got = ndimage.generic_filter(IMAGE, llc(cap(caps, "gf_range_view")), size=(3, 2))
    want = ndimage.generic_filter(IMAGE, _gf_py(ref.gf_range_view), size=(3, 2))
    assert_array_equal(got, want)


def test_generic_filter_integer_division_by_zero_raises(caps):
    """An ndimage callback that fails returns 0 with the Python exception set: SciPy
    raises it (ZeroDivisionError, as CPython's kernel does)."""
    ok_image = np.arange(16.0).reshape(4, 4) * 0.5  # no window is all > 10
    got = ndimage.generic_filter(ok_image, llc(cap(caps, "gf_intdiv")), size=3)
    want = ndimage.generic_filter(ok_image, _gf_py(ref.gf_intdiv), size=3)
    assert_array_equal(got, want)

    bad_image = np.arange(25.0).reshape(5, 5)  # bottom-right windows are all > 10
    with pytest.raises(ZeroDivisionError):
        ndimage.generic_filter(bad_image, _gf_py(ref.gf_intdiv), size=3)
    with pytest.raises(ZeroDivisionError):
        ndimage.generic_filter(bad_image, llc(cap(caps, "gf_intdiv")), size=3)
    # the interpreter is still fine afterwards
    got = ndimage.generic_filter(ok_image, llc(cap(caps, "gf_intdiv")), size=3)
    assert_array_equal(got, want)


def test_generic_filter_float_division_by_zero(corpus):
    """SPEC 6 through SciPy: Python floats read through the `double *` buffer raise
    ZeroDivisionError on `/ 0.0` (the callback returns 0 with the exception set, SciPy
    raises it), NumPy scalars of an `as_array` view give inf/nan as NumPy does."""
    mod = corpus.float_zero_div
    ratio_ref = H.reference_module(H.CORPUS_DIR / "float_zero_div.py").gf_ratio_sum
    ok_image = np.arange(1.0, 17.0).reshape(4, 4)
    got = ndimage.generic_filter(ok_image, llc(mod.gf_ratio_sum), size=2)
    want = ndimage.generic_filter(ok_image, _gf_py(ratio_ref), size=2)
    assert_array_equal(got, want)
    with pytest.raises(ZeroDivisionError):
        ndimage.generic_filter(IMAGE, _gf_py(ratio_ref), size=2)
    with pytest.raises(ZeroDivisionError):
        ndimage.generic_filter(IMAGE, llc(mod.gf_ratio_sum), size=2)
    view_ref = H.reference_module(H.CORPUS_DIR / "float_zero_div.py").gf_view_ratio
    with np.errstate(all="ignore"):
        want = ndimage.generic_filter(IMAGE, _gf_py(view_ref), size=2)
    got = ndimage.generic_filter(IMAGE, llc(mod.gf_view_ratio), size=2)
    assert np.isnan(got).any() or np.isinf(got).any()
    assert H.same_value(got, want)


def test_generic_filter_index_error_raises(caps):
    ok_image = np.arange(12.0).reshape(3, 4)
    got = ndimage.generic_filter(ok_image, llc(cap(caps, "gf_oob")), size=2)
    want = ndimage.generic_filter(ok_image, _gf_py(ref.gf_oob), size=2)
    assert_array_equal(got, want)
    for bad_image in (ok_image + 15.0, ok_image - 30.0):
        with pytest.raises(IndexError):
            ndimage.generic_filter(bad_image, _gf_py(ref.gf_oob), size=2)
        with pytest.raises(IndexError):
            ndimage.generic_filter(bad_image, llc(cap(caps, "gf_oob")), size=2)


def test_generic_filter_broadcast_error_raises(caps):
    """A slice assignment whose shapes do not broadcast: ValueError, as in NumPy."""
    got = ndimage.generic_filter(IMAGE, llc(cap(caps, "gf_shape_err")), size=(1, 2))
    want = ndimage.generic_filter(IMAGE, _gf_py(ref.gf_shape_err), size=(1, 2))
    assert_array_equal(got, want)
    with pytest.raises(ValueError):
        ndimage.generic_filter(IMAGE, _gf_py(ref.gf_shape_err), size=3)
    with pytest.raises(ValueError):
        ndimage.generic_filter(IMAGE, llc(cap(caps, "gf_shape_err")), size=3)


def test_recursion_too_deep_takes_the_error_paths(caps):
    """A recursive helper that goes deeper than CPython's limit of 1000 frames: a quad
    integrand returns NaN, an ndimage callback makes SciPy raise RecursionError; no
    crash, and the depth count is back to zero afterwards."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res, _ = integrate.quad(llc(cap(caps, "q_deep")), 4000.0, 6000.0)
    assert math.isnan(res)
    with pytest.raises(RecursionError):
        integrate.quad(lambda x: ref.q_deep(x), 4000.0, 6000.0)
    got = integrate.quad(llc(cap(caps, "q_deep")), 0.0, 20.0)
    assert got == integrate.quad(lambda x: ref.q_deep(x), 0.0, 20.0)

    ok_image = np.arange(12.0).reshape(3, 4) * 40.0  # depths up to 440
    want = ndimage.generic_filter(ok_image, _gf_py(ref.gf_deep), size=2)
    assert_array_equal(ndimage.generic_filter(ok_image, llc(cap(caps, "gf_deep")), size=2), want)
    bad_image = ok_image.copy()
    bad_image[1, 2] = 5000.0
    with pytest.raises(RecursionError):
        ndimage.generic_filter(bad_image, _gf_py(ref.gf_deep), size=2)
    with pytest.raises(RecursionError):
        ndimage.generic_filter(bad_image, llc(cap(caps, "gf_deep")), size=2)
    assert_array_equal(ndimage.generic_filter(ok_image, llc(cap(caps, "gf_deep")), size=2), want)


# --------------------------------------------------------------------------------------
# ndimage.generic_filter1d
# --------------------------------------------------------------------------------------

def _gf1d_py(kernel, ud=None):
    def py(iline, oline):
        assert iline.flags.c_contiguous and oline.flags.c_contiguous
        r = kernel(iline.ctypes.data_as(PD), len(iline), oline.ctypes.data_as(PD), len(oline), ud)
        assert r == 1
    return py


@pytest.mark.parametrize("size,axis", [(3, -1), (4, 0), (1, 1)])
def test_generic_filter1d_typed_user_data(caps, size, axis):
    arr, ptr = user_data(1.0 / size)
    got = ndimage.generic_filter1d(IMAGE, llc(cap(caps, "gf1d_box"), ptr), size, axis=axis)
    want = ndimage.generic_filter1d(IMAGE, _gf1d_py(ref.gf1d_box, ctypes.cast(arr, PD)), size, axis=axis)
    assert_array_equal(got, want)


def test_generic_filter1d_as_array_views(caps):
    got = ndimage.generic_filter1d(IMAGE, llc(cap(caps, "gf1d_diff")), 3, mode="nearest")
    want = ndimage.generic_filter1d(IMAGE, _gf1d_py(ref.gf1d_diff), 3, mode="nearest")
    assert_array_equal(got, want)


# --------------------------------------------------------------------------------------
# ndimage.geometric_transform
# --------------------------------------------------------------------------------------

def _gt_py(kernel, index_ctype, ud=None):
    def mapping(out_coords):
        rank = len(out_coords)
        oc = (index_ctype * rank)(*out_coords)
        ic = (c_double * rank)()
        r = kernel(ctypes.cast(oc, POINTER(index_ctype)), ctypes.cast(ic, PD), rank, rank, ud)
        assert r == 1
        return tuple(ic)
    return mapping


IM12 = np.arange(12).reshape(4, 3).astype(np.float64)


@pytest.mark.parametrize("kw", [dict(), dict(order=1), dict(output_shape=(5, 4), mode="nearest")])
def test_geometric_transform_shift(caps, kw):
    arr, ptr = user_data(0.5)
    got = ndimage.geometric_transform(IM12, llc(cap(caps, "gt_shift"), ptr), **kw)
    want = ndimage.geometric_transform(IM12, _gt_py(ref.gt_shift, c_ssize_t, ctypes.cast(arr, PD)), **kw)
    assert_array_equal(got, want)


def test_geometric_transform_seed_as_array(caps):
    arr, ptr = user_data(0.25)
    got = ndimage.geometric_transform(IM12, llc(cap(caps, "gt_view"), ptr))
    want = ndimage.geometric_transform(IM12, _gt_py(ref.gt_view, c_int64, ctypes.cast(arr, PD)))
    assert_array_equal(got, want)


def test_geometric_transform_transpose(caps):
    got = ndimage.geometric_transform(IM12, llc(cap(caps, "gt_transpose")), output_shape=(3, 4), order=0)
    want = ndimage.geometric_transform(IM12, _gt_py(ref.gt_transpose, c_ssize_t), output_shape=(3, 4), order=0)
    assert_array_equal(got, want)
    assert_array_equal(got, IM12.T)


def test_geometric_transform_3d(caps):
    vol = np.arange(24.0).reshape(2, 3, 4)
    arr, ptr = user_data(-0.5)
    got = ndimage.geometric_transform(vol, llc(cap(caps, "gt_shift"), ptr), order=1)
    want = ndimage.geometric_transform(vol, _gt_py(ref.gt_shift, c_ssize_t, ctypes.cast(arr, PD)), order=1)
    assert_array_equal(got, want)
