"""The seed's two examples ("the Capsule Corporation"), from the `testlib` example wheel
(examples/testlib): pykernel's capsules `f`, `transform`, `transform_basic` against the
seed's C callbacks `c_f`, `c_transform` compiled with -O2 into the same wheel. No
`signature=` anywhere: the capsule names are SciPy's exact strings.
"""

from __future__ import annotations

import ctypes
import random
from ctypes import c_double, c_ssize_t, c_void_p

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy import LowLevelCallable, integrate, ndimage

import kernel_harness as H

NQUAD_U = "double (int, double *, void *)"
GT = "int (intptr_t *, double *, int, int, void *)"


def _cap(testlib, name):
    c = getattr(testlib, name, None)
    assert c is not None, f"testlib.{name} missing (module has {sorted(n for n in dir(testlib) if not n.startswith('_'))})"
    assert H.is_capsule(c), f"testlib.{name}: expected a PyCapsule, got {type(c)}"
    return c


def test_names(testlib):
    assert H.capsule_name(_cap(testlib, "f")) == NQUAD_U
    assert H.capsule_name(_cap(testlib, "transform")) == GT
    assert H.capsule_name(_cap(testlib, "transform_basic")) == GT
    # the C references are usable the same way
    LowLevelCallable(_cap(testlib, "c_f"))
    LowLevelCallable(_cap(testlib, "c_transform"))


def test_nquad_seed(testlib):
    c = ctypes.c_double(1.0)
    user_data = ctypes.cast(ctypes.pointer(c), ctypes.c_void_p)
    dat = [[0, 10], [-10, 0], [-1, 1]]
    got = integrate.nquad(LowLevelCallable(_cap(testlib, "f"), user_data), dat)
    want = integrate.nquad(LowLevelCallable(_cap(testlib, "c_f"), user_data), dat)
    assert got == want
    assert got[0] == pytest.approx(1200.0, rel=1e-12)
    pure = integrate.nquad(lambda x, y, z: 1.0 + x - y * z, dat)
    assert got == pure


def test_f_direct_calls_match_c(testlib):
    """Call both function pointers directly with the same (random) data."""
    f, _, _ = H.capsule_function(_cap(testlib, "f"))
    cf, _, _ = H.capsule_function(_cap(testlib, "c_f"))
    rng = random.Random(1234)
    for _ in range(200):
        x = (c_double * 3)(*(rng.uniform(-1e3, 1e3) for _ in range(3)))
        cp = (c_double * 1)(rng.uniform(-10, 10))
        ud = ctypes.cast(cp, c_void_p)
        a = f(3, x, ud)
        b = cf(3, x, ud)
        assert a == b, (list(x), cp[0], a, b)


@pytest.mark.parametrize("name", ["transform", "transform_basic"])
def test_geometric_transform_seed(testlib, name):
    shift = 0.5
    user_data = ctypes.c_double(shift)
    ptr = ctypes.cast(ctypes.pointer(user_data), ctypes.c_void_p)
    im = np.arange(12).reshape(4, 3).astype(np.float64)
    got = ndimage.geometric_transform(im, LowLevelCallable(_cap(testlib, name), ptr))
    want = ndimage.geometric_transform(im, LowLevelCallable(_cap(testlib, "c_transform"), ptr))
    assert_array_equal(got, want)
    py = ndimage.geometric_transform(im, lambda oc: tuple(c - shift for c in oc))
    assert_array_equal(got, py)
    # the output printed in the seed / SciPy's ndimage tutorial
    assert_allclose(got, [[0, 0, 0], [0, 1.3625, 2.7375], [0, 4.8125, 6.1875], [0, 8.2625, 9.6375]],
                    rtol=0, atol=5e-5)


@pytest.mark.parametrize("name", ["transform", "transform_basic"])
def test_transform_direct_calls_match_c(testlib, name):
    t, ret, _ = H.capsule_function(_cap(testlib, name))
    ct, _, _ = H.capsule_function(_cap(testlib, "c_transform"))
    assert ret == "int"
    rng = random.Random(99)
    for rank in (1, 2, 3, 5):
        for _ in range(20):
            oc = (c_ssize_t * rank)(*(rng.randint(-1000, 1000) for _ in range(rank)))
            shift = (c_double * 1)(rng.uniform(-3, 3))
            ic1 = (c_double * rank)()
            ic2 = (c_double * rank)()
            r1 = t(oc, ic1, rank, rank, ctypes.cast(shift, c_void_p))
            r2 = ct(oc, ic2, rank, rank, ctypes.cast(shift, c_void_p))
            assert (r1, list(ic1)) == (r2, list(ic2))
