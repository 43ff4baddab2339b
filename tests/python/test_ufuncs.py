"""pykernel's NumPy ufunc loops against NumPy itself (a fast subset of
scripts/check_ufuncs.py, which runs ~100x more values).

Every loop of `pykernel::__private::ufunc` runs over special values (+-0, +-inf, NaN,
subnormals, extremes, shift counts past the width, every pair of them for binary loops)
and 2,000 random values per dtype; non-transcendental loops must match NumPy bit for bit
(NaN equal to NaN), transcendental ones within 4 ULP. Needs the `pykernel_ufunc_check`
wheel: `scripts/install-wheel.sh tests/ufunc-check` (scripts/test.sh builds it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import check_ufuncs  # noqa: E402


@pytest.fixture(scope="module")
def ufunc_check():
    try:
        import pykernel_ufunc_check
    except ImportError as e:
        pytest.fail(
            f"the pykernel_ufunc_check wheel is not installed ({e}). Build and install "
            "it from the repository root:\n  scripts/install-wheel.sh tests/ufunc-check",
            pytrace=False)
    return pykernel_ufunc_check


@pytest.fixture(scope="module")
def rows(ufunc_check):
    return check_ufuncs.run(n=2000)


def test_every_loop_agrees_with_numpy(rows):
    assert len(rows) > 600
    bad = check_ufuncs.failures(rows)
    assert not bad, "\n".join(bad)


def test_transcendental_loops_are_measured_in_ulp(rows):
    measured = {r["name"] for r in rows if "max_ulp" in r}
    for name in ["f64::sin", "f32::exp", "f64::arctan2", "c128::log", "f32::power"]:
        assert name in measured


def test_integer_power_of_a_negative_exponent_raises_numpys_error(ufunc_check):
    assert check_ufuncs.check_errors(ufunc_check) == []


@pytest.mark.parametrize("name,args,want", [
    # NaN propagation: maximum keeps NaN from either side, fmax ignores it.
    ("f64::maximum", [[1.0, np.nan], [np.nan, 1.0]], [np.nan, np.nan]),
    ("f64::fmax", [[1.0, np.nan], [np.nan, 1.0]], [1.0, 1.0]),
    # Integer division by zero is 0; MIN // -1 wraps; abs(MIN) wraps.
    ("i32::floor_divide", [[7, -2**31], [0, -1]], [0, -2**31]),
    ("i8::absolute", [[-128, -5]], [-128, 5]),
    # Shifts past the width.
    ("i16::right_shift", [[-8, 8], [40, 40]], [-1, 0]),
    ("u8::left_shift", [[1, 1], [7, 8]], [128, 0]),
    # Python's floor semantics for float remainder, C's for fmod.
    ("f64::remainder", [[-7.5, 7.5], [2.0, -2.0]], [0.5, -0.5]),
    ("f64::fmod", [[-7.5, 7.5], [2.0, -2.0]], [-1.5, 1.5]),
])
def test_documented_edge_cases(ufunc_check, name, args, want):
    ins = next(e[1] for e in ufunc_check.loops() if e[0] == name)
    out = next(e[2] for e in ufunc_check.loops() if e[0] == name)
    arrays = [np.array(a, dtype=d) for a, d in zip(args, ins)]
    got = check_ufuncs.run_ours(ufunc_check, name, arrays, out)
    np.testing.assert_array_equal(got, np.array(want, dtype=out))
    with np.errstate(all="ignore"):
        numpy = check_ufuncs.numpy_call(name.split("::")[1], arrays, name)
    np.testing.assert_array_equal(got, numpy)
