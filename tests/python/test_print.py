"""`print` in kernels writes through Python's `sys.stdout`: it interleaves with Python's
own prints, pytest's `capsys` captures it, and a `sys.stdout` replaced by the user sees
it. The kernels are tests/corpus/print_values.py (whose text the corpus test compares
with CPython's for every case); here, where the text goes."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import numpy as np

import kernel_harness as H

PATH = Path(__file__).resolve().parents[1] / "corpus" / "print_values.py"


def cpython_text(name, *args):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        getattr(H.reference_module(PATH), name)(*args)
    return buf.getvalue()


def test_interleaves_with_python_prints(corpus, capsys):
    want = cpython_text("ints_and_bools", 3, True)
    assert want  # the kernel prints something
    print("before")
    corpus.print_values.ints_and_bools(3, True)
    print("between")
    corpus.print_values.from_helper(3)
    print("after")
    out = capsys.readouterr().out
    assert out == "before\n" + want + "between\n" + cpython_text("from_helper", 3) + "after\n"


def test_writes_to_a_replaced_stdout(corpus):
    class Recorder:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)
            return len(s)

        def flush(self):
            pass

    rec = Recorder()
    old = sys.stdout
    sys.stdout = rec
    try:
        corpus.print_values.floats(0.1)
    finally:
        sys.stdout = old
    assert "".join(rec.parts) == cpython_text("floats", 0.1)


def test_stdout_none_prints_nothing(corpus):
    # CPython's print does nothing when sys.stdout is None (pythonw).
    old = sys.stdout
    sys.stdout = None
    try:
        r = corpus.print_values.numpy_scalars(
            np.array([0.5]), np.array([0.5], dtype=np.float32),
            np.array([1], dtype=np.int32), np.array([1j]))
    finally:
        sys.stdout = old
    assert r == 1
