"""The array-building functions of `np_matrices`, `np_pad` and `np_split` (corpus files)
beyond what the differential corpus compares (values, dtypes, exception types, views):
every case's exception *message* is NumPy's word for word, and every array in the
result is laid out in memory as NumPy's (strides in elements on the axes of more than
one element: `np.pad` of a Fortran-ordered array is Fortran-ordered, `np.triu` of a
3-D one follows NumPy's iterator, `np.gradient` keeps its input's order)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import kernel_harness as H

STEMS = ("np_matrices", "np_pad", "np_split")
FILES = [f for f in H.load_corpus() if f.stem in STEMS]
CASES = [(f, c) for f in FILES for c in f.cases]


def _run(fn, args):
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ("value", fn(*args))
        except Exception as e:  # noqa: BLE001 - compared below
            return ("raise", e)


def _layout(a):
    return H._elements_strides(a), a.flags.c_contiguous, a.flags.f_contiguous


@pytest.mark.parametrize("cfile,case", CASES, ids=lambda x: getattr(x, "id", ""))
def test_messages_and_memory_order(corpus, cfile, case):
    ref = getattr(H.reference_module(cfile.path), case.fname)
    comp = getattr(getattr(corpus, cfile.stem), case.fname)
    expected = _run(ref, H.case_args(case))
    got = _run(comp, H.case_args(case))
    where = f"{case.path.name}:{case.line}: {case.expr}"
    if expected[0] == "raise":
        assert got[0] == "raise", f"{where}: compiled returned, CPython raised {expected[1]!r}"
        assert str(got[1]) == str(expected[1]), (
            f"{where}\n  CPython  {type(expected[1]).__name__}: {expected[1]}\n"
            f"  compiled {type(got[1]).__name__}: {got[1]}")
        return
    assert got[0] == "value", f"{where}: compiled raised {got[1]!r}"
    got_leaves = dict(H.array_leaves(got[1]))
    for path, e in H.array_leaves(expected[1]):
        g = got_leaves[path]
        assert _layout(g) == _layout(e), (
            f"{where}: result{list(path)} strides/C/F {_layout(g)}, NumPy's {_layout(e)}")
