"""NumPy arrays through regular exports, beyond what a differential `# case:` can see:
reference counts (no leaked or stolen references to arguments and results), the
result arrays' flags, keyword calls, the overload error message, and kernels running
in several Python threads at once (the GIL is released during the call)."""

from __future__ import annotations

import gc
import resource
import sys
import threading

import numpy as np
import pytest


def fn(corpus, stem, name):
    sub = getattr(corpus, stem, None)
    assert sub is not None, f"pykernel_corpus.{stem} missing"
    f = getattr(sub, name, None)
    assert f is not None, f"pykernel_corpus.{stem}.{name} missing"
    return f


def test_argument_refcounts_unchanged(corpus):
    """Reading, writing and returning an argument leaves its reference count as it was
    (the returned object is the argument: one more reference while it is held)."""
    total = fn(corpus, "arrays_basic", "total")
    alias = fn(corpus, "arrays_inplace", "alias_local")
    same = fn(corpus, "arrays_layout", "s_same")
    a = np.arange(5.0)
    t = np.arange(6.0).reshape(2, 3).T
    before = (sys.getrefcount(a), sys.getrefcount(t))
    for _ in range(1000):
        total(a)
        alias(a)
        r = same(t)
        assert r is t
        del r
    assert (sys.getrefcount(a), sys.getrefcount(t)) == before


def test_argument_refcounts_after_errors(corpus):
    """A refused argument (wrong dtype, read-only) and a kernel that raises part way
    leak no reference either."""
    vsum = fn(corpus, "arrays_errors", "vsum")
    axpy = fn(corpus, "arrays_errors", "axpy")
    partial = fn(corpus, "arrays_inplace", "partial_then_raise")
    bad = np.arange(3)
    ro = np.ones(2)
    ro.flags.writeable = False
    a = np.ones(3)
    before = (sys.getrefcount(bad), sys.getrefcount(ro), sys.getrefcount(a))
    for _ in range(500):
        with pytest.raises(TypeError):
            vsum(bad)
        with pytest.raises(ValueError):
            axpy(1.0, np.ones(2), ro)
        with pytest.raises(IndexError):
            partial(a)
    assert (sys.getrefcount(bad), sys.getrefcount(ro), sys.getrefcount(a)) == before


def test_new_arrays_are_ordinary_numpy_arrays(corpus):
    """Arrays the kernel creates come back as plain, writeable, C-contiguous ndarrays
    that hold their memory after the call (one reference: the caller's)."""
    zeros2 = fn(corpus, "arrays_create", "zeros2")
    r = zeros2(3, 4)
    assert type(r) is np.ndarray and r.dtype == np.float64 and r.shape == (3, 4)
    assert r.flags.c_contiguous and r.flags.writeable and r.flags.aligned
    assert sys.getrefcount(r) == 2
    r[2, 3] = -1.0  # writeable, and the memory is still there
    assert r[2, 3] == -1.0 and r[1, 2] == 6.0
    del r
    # Many calls: the memory of dropped results is released (no growth to measure
    # portably; this at least runs the free path many times).
    for _ in range(2000):
        zeros2(10, 10)


def test_row_of_argument_is_a_view(corpus):
    """A row of an argument comes back as a NumPy view of that argument, as in CPython."""
    get_row = fn(corpus, "arrays_nd", "get_row")
    a = np.arange(6.0).reshape(2, 3)
    r = get_row(a, 1)
    assert np.array_equal(r, [3.0, 4.0, 5.0]) and r.dtype == np.float64
    assert r.base is a.base and r is not a  # NumPy collapses bases to the owner
    r[0] = 100.0
    assert a[1, 0] == 100.0
    del a
    assert r[0] == 100.0, "the view keeps its argument's memory alive"
    ro = np.arange(6.0).reshape(2, 3)
    ro.flags.writeable = False
    assert not get_row(ro, 0).flags.writeable


def test_views_of_new_arrays_share_and_keep_the_kernels_memory(corpus):
    """A returned view of an array the kernel created (`out[:k]`, returned alone or
    next to `out`) is a NumPy view of the kernel's buffer: writes through one result are
    seen through the other, the memory lives as long as any of them, and it is released
    when they are gone, also when the last one dies in another thread."""
    both = fn(corpus, "arrays_created_views", "both")
    full, head = both(5, 2)
    assert type(head) is np.ndarray and isinstance(head.base, np.ndarray)
    assert np.shares_memory(full, head) and head.flags.writeable
    head[0] = -1.0
    assert full[0] == -1.0
    del full
    gc.collect()
    assert head.tolist() == [-1.0, 1.5], "the view keeps the kernel's memory alive"
    first_k = fn(corpus, "arrays_created_views", "first_k")
    r = first_k(np.arange(6), 3)
    assert sys.getrefcount(r) == 2  # only the caller's
    assert r.tolist() == [0, 2, 4]
    # 300 results of 1.6 MB each: leaking them would grow the process by 480 MB.
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(100):
        keep = [both(200_000, 100_000)[1] for _ in range(3)]
        t = threading.Thread(target=keep.clear)
        t.start()
        t.join()
        assert keep == []
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"the process grew by {grown_mb:.0f} MB: views leak the kernel's memory"


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_ndarray_subclasses(corpus, tmp_path):
    """`np.matrix` (a row of it stays a 1×n matrix) and masked arrays (the kernel would
    ignore the mask) are refused with a TypeError naming the argument, also inside
    lists; other subclasses (`np.memmap`, a user's subclass that keeps ndarray's
    indexing) are arrays like any other: read, written in place, returned as the same
    object."""
    vsum = fn(corpus, "arrays_errors", "vsum")
    msum = fn(corpus, "arrays_errors", "msum")
    with pytest.raises(TypeError, match=r"msum\(\) argument 'a' must be .* got a numpy\.matrix"):
        msum(np.matrix(np.ones((2, 2), dtype=np.int32)))
    with pytest.raises(TypeError, match=r"vsum\(\) argument 'a' .*numpy\.ma\.MaskedArray"):
        vsum(np.ma.masked_array([1.0, 2.0], mask=[False, True]))
    list_arg = fn(corpus, "arrays_containers", "list_arg")
    with pytest.raises(TypeError, match=r"list_arg\(\) argument 'arrays' .*MaskedArray"):
        list_arg([np.ones(2), np.ma.ones(2)])

    class Tagged(np.ndarray):
        pass

    t = np.arange(3.0).view(Tagged)
    assert vsum(t) == 3.0
    alias = fn(corpus, "arrays_inplace", "alias_local")
    assert alias(t) is t and t[0] == 99.0
    assert list_arg([t]) == (102.0, 1) and t[0] == -1.0
    mm = np.memmap(tmp_path / "m.dat", dtype=np.float64, mode="w+", shape=(3,))
    mm[:] = [1.0, 2.0, 3.0]
    assert vsum(mm) == 6.0
    axpy = fn(corpus, "arrays_errors", "axpy")
    axpy(2.0, np.ones(3), mm)
    assert mm.tolist() == [3.0, 4.0, 5.0]
    assert alias(mm) is mm and mm[0] == 99.0


def test_keyword_arguments(corpus):
    axpy = fn(corpus, "arrays_inplace", "axpy")
    x, y = np.array([1.0, 2.0]), np.array([0.5, 0.5])
    r = axpy(y=y, x=x, alpha=2.0)
    assert r is y and np.array_equal(y, [2.5, 4.5])
    with pytest.raises(TypeError):
        axpy(2.0, x, z=y)


def test_validation_messages(corpus):
    """The messages name the function, the argument, the export type and what was
    given (docs/guide.md, Arrays)."""
    msum = fn(corpus, "arrays_errors", "msum")
    with pytest.raises(TypeError, match=r"msum\(\) argument 'a' must be .*int32\[:,:\].*1-D"):
        msum(np.ones(3, dtype=np.int32))
    with pytest.raises(ValueError, match=r"msum\(\) argument 'a' .*non-C-contiguous"):
        msum(np.ones((3, 2), dtype=np.int32).T)
    running = fn(corpus, "arrays_overload", "running")
    with pytest.raises(TypeError, match=r"running\(float64\[:\]\)"):
        running(np.ones(2, dtype=np.int16))


def test_threads(corpus):
    """Kernels on separate arrays in several threads at once give each thread its own
    correct result."""
    matmul = fn(corpus, "arrays_algos", "matmul")
    rng = np.random.default_rng(0)
    mats = [rng.standard_normal((60, 60)) for _ in range(8)]
    results = [None] * len(mats)

    def work(i):
        for _ in range(5):
            results[i] = matmul(mats[i], mats[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(mats))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for m, r in zip(mats, results):
        expect = np.zeros((60, 60))
        for i in range(60):
            for k in range(60):
                expect[i, :] += m[i, k] * m[k, :]
        assert np.array_equal(r, expect)
