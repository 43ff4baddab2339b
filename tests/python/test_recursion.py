"""Recursion limits beyond what a `# case:` sees (tests/corpus/recursion.py): calls from
Python follow `sys.setrecursionlimit`, capsules keep CPython's default of 1000, threads
count on their own, and a stack too small for the allowed depth gives RecursionError,
never a crash (SPEC 8: no call crashes Python)."""

from __future__ import annotations

import ctypes
import math
import subprocess
import sys
import textwrap
import threading

import pytest

import kernel_harness as H


@pytest.fixture(scope="module")
def rec(corpus):
    sub = getattr(corpus, "recursion", None)
    assert sub is not None, "pykernel_corpus.recursion missing"
    return sub


@pytest.fixture
def limit():
    """Sets sys.setrecursionlimit for the test and restores it."""
    saved = sys.getrecursionlimit()
    yield sys.setrecursionlimit
    sys.setrecursionlimit(saved)


def test_python_calls_follow_sys_setrecursionlimit(rec, limit):
    ref = H.reference_module(H.CORPUS_DIR / "recursion.py")
    with pytest.raises(RecursionError):
        rec.count_down(5000)
    limit(20_000)
    assert rec.count_down(5000) == ref.count_down(5000) == 5000
    assert rec.is_even(10_001) is ref.is_even(10_001) is False
    with pytest.raises(RecursionError):
        rec.count_down(25_000)
    limit(100)
    with pytest.raises(RecursionError):
        rec.count_down(500)
    assert rec.count_down(50) == 50


def test_the_depth_is_back_to_zero_after_an_error(rec):
    for _ in range(3):
        with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
            rec.power_rec(1.5, -1)
        # A loop of calls, each close to the limit: nothing leaks between calls.
        assert rec.sum_of_depths(20, 900) == 18_000


def test_capsules_keep_the_default_limit(rec, limit):
    """A capsule has no Python caller to take a limit from: CPython's default, 1000."""
    fn, ret, _ = H.capsule_function(rec.depth_capsule)
    assert ret == "double"
    limit(100_000)
    assert fn(900.0) == 450.0
    assert math.isnan(fn(1200.0))
    # Called without the GIL, as a C caller would.
    nogil = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(
        ctypes.cast(fn, ctypes.c_void_p).value)
    assert nogil(900.0) == 450.0
    assert math.isnan(nogil(1200.0))


def test_threads_count_on_their_own(rec):
    results = {}

    def run(k):
        try:
            results[k] = rec.count_down(900 if k % 2 else 5000)
        except RecursionError as e:
            results[k] = type(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {k: 900 if k % 2 else RecursionError for k in range(6)}


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=300)


def test_a_stack_too_small_for_the_limit_is_a_recursion_error():
    """With the limit raised far beyond what the stack holds, in the main thread and in
    a thread with a 1 MiB stack: RecursionError, and the interpreter goes on."""
    r = run_python("""
        import sys, threading
        import pykernel_corpus as pc
        sys.setrecursionlimit(10**8)
        f = pc.recursion.through_helper
        try:
            f(10**7)
        except RecursionError as e:
            print("main:", e)
        out = {}
        def deep():
            try:
                out["r"] = f(10**6)
            except RecursionError as e:
                out["r"] = str(e)
        threading.stack_size(1 << 20)
        t = threading.Thread(target=deep)
        t.start()
        t.join()
        print("thread:", out["r"])
        print("after:", f(100))
    """)
    assert r.returncode == 0, f"exit {r.returncode}\n{r.stdout}\n{r.stderr}"
    lines = r.stdout.splitlines()
    assert lines[0] == "main: maximum recursion depth exceeded (the thread's stack is nearly full)"
    assert lines[1] == "thread: maximum recursion depth exceeded (the thread's stack is nearly full)"
    assert lines[2] == "after: 100.0"
