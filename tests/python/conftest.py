"""pytest configuration for pykernel's end-to-end tests.

The wheels are built and installed beforehand (see tests/README.md):
- `pykernel_corpus` (tests/corpus-crate): every tests/corpus/*.py file compiled, one
  Python submodule per file. Required: tests fail if it is missing.
- `testlib` (examples/testlib): the seed's example. test_seed.py is skipped, with a
  message saying how to install it, only when it is not installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[2]
BUILD_CORPUS = (
    ".venv/bin/maturin build --release -m tests/corpus-crate/Cargo.toml "
    "-i .venv/bin/python && .venv/bin/python -m pip install --force-reinstall "
    "--no-deps tests/corpus-crate/target/wheels/pykernel_corpus-*.whl"
)
BUILD_TESTLIB = (
    ".venv/bin/maturin build --release -m examples/testlib/Cargo.toml "
    "-i .venv/bin/python && .venv/bin/python -m pip install --force-reinstall "
    "--no-deps examples/testlib/target/wheels/testlib-*.whl"
)


def _describe(name):
    try:
        mod = __import__(name)
    except ImportError as e:
        return f"{name}: not installed ({e})"
    return f"{name}: {getattr(mod, '__file__', '?')}"


def pytest_report_header(config):
    return [_describe("pykernel_corpus"), _describe("testlib")]


@pytest.fixture(scope="session")
def corpus():
    try:
        import pykernel_corpus
    except ImportError as e:
        pytest.fail(
            f"the pykernel_corpus wheel is not installed ({e}). Build and install it from "
            f"the repository root:\n  {BUILD_CORPUS}", pytrace=False)
    return pykernel_corpus


@pytest.fixture(scope="session")
def testlib():
    try:
        import testlib
    except ImportError as e:
        pytest.skip(
            f"the testlib example wheel (examples/testlib) is not installed ({e}); build "
            f"and install it from the repository root:\n  {BUILD_TESTLIB}")
    return testlib
