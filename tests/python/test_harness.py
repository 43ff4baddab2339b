"""The differential harness itself (no compiled code): the array comparison, identity
checks, `# expect-error` parsing and case evaluation catch what they must. Names start
with `test_corpus_` so they run with the other checks that need no wheel (`-k corpus_`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import kernel_harness as H


def test_corpus_harness_same_array():
    a = np.array([1.0, -0.0, np.nan])
    assert H.same_value(a, a.copy())
    assert H.same_value(a, np.asfortranarray(a))
    assert not H.same_value(a, np.array([1.0, 0.0, np.nan]))  # -0.0 != 0.0
    assert not H.same_value(a, a.astype(np.float32))  # dtype
    assert not H.same_value(np.zeros((2, 3)), np.zeros((3, 2)))  # shape
    assert not H.same_value(np.zeros(0), np.zeros((0, 1)))
    assert not H.same_value(np.zeros(3), [0.0, 0.0, 0.0])  # type
    assert not H.same_value(np.zeros(3), np.ma.zeros(3))  # subclass
    assert not H.same_value(np.arange(3), np.arange(3).astype(np.int32))
    m = np.arange(6.0).reshape(2, 3)
    assert H.same_value(m.T, np.ascontiguousarray(m.T))
    assert not H.same_value(m.T, m.reshape(3, 2))
    c = np.array([complex(1, -0.0), complex(np.nan, 2)])
    assert H.same_value(c, c.copy())
    assert not H.same_value(c, np.array([complex(1, 0.0), complex(np.nan, 2)]))
    assert not H.same_value(c, c.astype(np.complex64))
    assert H.same_value(np.array([True, False]), np.array([True, False]))
    assert not H.same_value(np.array([True, False]), np.array([True, True]))
    assert H.same_value((np.ones(2), 3), (np.ones(2), 3))
    assert not H.same_value((np.ones(2), 3), (np.ones(2), 3.0))
    assert not H.same_value(np.float64(1.0), 1.0)
    assert not H.same_value(np.True_, True)


def test_corpus_harness_identity():
    a, b = np.ones(3), np.ones(3)
    ca, cb = np.ones(3), np.ones(3)
    H.check_array_identity("w", a, ca, [a, b], [ca, cb])
    H.check_array_identity("w", (b, a), (cb, ca), [a, b], [ca, cb])
    with pytest.raises(AssertionError, match="returns its argument 0 itself"):
        H.check_array_identity("w", a, ca.copy(), [a, b], [ca, cb])
    with pytest.raises(AssertionError, match="argument 0 object"):
        H.check_array_identity("w", a, cb, [a, b], [ca, cb])
    new, cnew = np.zeros(2), np.zeros(2)
    H.check_array_identity("w", new, cnew, [a], [ca])
    with pytest.raises(AssertionError, match="is argument 0 itself"):
        H.check_array_identity("w", new, ca, [a], [ca])
    with pytest.raises(AssertionError, match="shares memory"):
        H.check_array_identity("w", new, ca[1:], [a], [ca])
    # a view of an argument is a view of the compiled argument too
    m, cm = np.zeros((2, 2)), np.zeros((2, 2))
    H.check_array_identity("w", m[0], cm[0], [m], [cm])
    with pytest.raises(AssertionError, match="shares no memory"):
        H.check_array_identity("w", m[0], cm[0].copy(), [m], [cm])
    # two independent results must stay independent
    with pytest.raises(AssertionError, match="independent"):
        H.check_array_identity("w", (np.zeros(2), np.zeros(2)), (cnew, cnew), [], [])
    # results that share memory in CPython share it in the compiled result
    shared = np.zeros(2)
    H.check_array_identity("w", (shared, shared), (cnew, cnew), [], [])
    with pytest.raises(AssertionError, match="share memory in CPython"):
        H.check_array_identity("w", (shared, shared), (np.zeros(2), np.zeros(2)), [], [])


def test_corpus_harness_views_of_new_arrays():
    """A view of an array the kernel created (CPython's result has an array base that
    is no argument) must be the same view on the compiled side: a base array, the same
    strides in elements, the same place in a base of the same size."""
    out, cout = np.arange(6.0), np.arange(6.0)
    H.check_array_identity("w", out[:3], cout[:3], [], [])
    H.check_array_identity("w", (out, out[1::2]), (cout, cout[1::2]), [], [])
    m, cm = np.zeros((3, 4)), np.zeros((3, 4))
    H.check_array_identity("w", (m.T, m[:, 1], m[1:, ::-2]), (cm.T, cm[:, 1], cm[1:, ::-2]), [], [])
    # an empty view: only its being a view counts
    H.check_array_identity("w", out[6:], cout[:0], [], [])
    with pytest.raises(AssertionError, match="not a view"):
        H.check_array_identity("w", out[:3], cout[:3].copy(), [], [])
    with pytest.raises(AssertionError, match="not a view"):
        H.check_array_identity("w", out[6:], np.zeros(0), [], [])
    with pytest.raises(AssertionError, match="strides"):
        H.check_array_identity("w", m.T, np.zeros(12).reshape(4, 3), [], [])
    # a copy that happens to be a view of something else is still found out
    with pytest.raises(AssertionError, match="same view"):
        H.check_array_identity("w", out[1:4], np.arange(3.0)[:], [], [])
    with pytest.raises(AssertionError, match="same view"):
        H.check_array_identity("w", out[2:], cout[:4], [], [])
    with pytest.raises(AssertionError, match="share memory in CPython"):
        H.check_array_identity("w", (out, out[:3]), (cout, np.arange(6.0)[:3]), [], [])
    # views of arrays inside list arguments are neither new arrays nor argument views
    lst, clst = [np.ones(4)], [np.ones(4)]
    H.check_array_identity("w", lst[0][1:], np.ones(3), [lst], [clst])


def test_corpus_harness_markers():
    expr, markers, err = H._split_markers("f(np.arange(3))  # expect-error TypeError a")
    assert (expr, markers, err) == ("f(np.arange(3))", {"expect-error"}, (TypeError, "a"))
    assert H._split_markers("f()  # expect-error TypeError")[2] == (TypeError, None)
    assert H._split_markers("f(1)  # expect-wrap")[1:] == ({"expect-wrap"}, None)
    assert H._split_markers("f(5000)  # recursion-error")[1:] == ({"recursion-error"}, None)
    for bad in ("f()  # expect-error", "f()  # expect-error NoSuchError",
                "f()  # expect-error print", "f()  # expect-error TypeError a b",
                "f()  # expect-wrap expect-error"):
        with pytest.raises(ValueError):
            H._split_markers(bad)


def test_corpus_harness_case_args(tmp_path: Path):
    src = ("#pykernel export f(float64[:], float64[:])\n"
           "def f(a, b):\n    return a\n"
           "# case: f((x := np.arange(6.0))[:4], x[2:])\n"
           "# case: f(np.arange(10.0)[::2], readonly(np.asfortranarray(np.ones((2, 3)))))\n")
    path = tmp_path / "probe.py"
    path.write_text(src)
    c1, c2 = H.parse_cases(path, src)
    a, b = H.case_args(c1)
    assert np.shares_memory(a, b) and a[2] is not None and b[0] == 2.0
    a2, _ = H.case_args(c1)
    assert not np.shares_memory(a, a2), "every evaluation gives new arrays"
    s, f = H.case_args(c2)
    assert s.strides == (16,) and np.array_equal(s, [0.0, 2.0, 4.0, 6.0, 8.0])
    assert f.flags.f_contiguous and not f.flags.c_contiguous and not f.flags.writeable
