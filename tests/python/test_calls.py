"""Calling the Python-callable regular exports like Python functions: argument
count, keywords, and wrong arguments raise TypeError / OverflowError instead of
crashing (SPEC section 8, robustness)."""

from __future__ import annotations

import numpy as np
import pytest

import kernel_harness as H


def fn(corpus, stem, name):
    sub = getattr(corpus, stem, None)
    assert sub is not None, f"pykernel_corpus.{stem} missing"
    f = getattr(sub, name, None)
    assert f is not None, f"pykernel_corpus.{stem}.{name} missing"
    return f


def test_keywords_like_python(corpus):
    add = fn(corpus, "int_arith", "add")
    assert add(a=1, b=2) == 3
    assert add(1, b=2) == 3
    ref = H.reference_module(H.CORPUS_DIR / "int_arith.py")
    assert add(b=5, a=-2) == ref.add(b=5, a=-2)


def test_keywords_are_nfkc_names(corpus):
    """A parameter written `µs` (micro sign) is `μs` (Greek mu) for CPython: the
    compiled function's keyword is that name too."""
    f = fn(corpus, "fuzz_findings", "nfkc_names")
    ref = H.reference_module(H.CORPUS_DIR / "fuzz_findings.py")
    assert f(**{"\u03bcs": [1.5]}) == ref.nfkc_names(**{"\u03bcs": [1.5]})
    with pytest.raises(TypeError):
        f(**{"\u00b5s": [1.5]})
    with pytest.raises(TypeError):
        ref.nfkc_names(**{"\u00b5s": [1.5]})


@pytest.mark.parametrize("args", [(), (1,), (1, 2, 3)])
def test_wrong_argument_count(corpus, args):
    with pytest.raises(TypeError):
        fn(corpus, "int_arith", "add")(*args)


@pytest.mark.parametrize("bad", ["x", None, 1.5, [1], np.float64(2.0), 1 + 2j])
def test_wrong_type_for_int(corpus, bad):
    with pytest.raises(TypeError):
        fn(corpus, "int_arith", "add")(bad, 1)


@pytest.mark.parametrize("bad", ["x", None, [1.0], 1 + 2j])
def test_wrong_type_for_float(corpus, bad):
    with pytest.raises(TypeError):
        fn(corpus, "float_arith", "fadd")(bad, 1.0)


def test_int_accepted_for_float(corpus):
    r = fn(corpus, "float_arith", "fadd")(1, 2)
    assert r == 3.0 and type(r) is float


def test_numpy_scalars_accepted(corpus):
    assert fn(corpus, "int_arith", "add")(np.int64(2), np.int32(3)) == 5
    assert fn(corpus, "float_arith", "fadd")(np.float64(0.5), np.float32(0.25)) == 0.75


@pytest.mark.parametrize("big", [2**63, -(2**63) - 1, 2**100])
def test_int_out_of_range(corpus, big):
    with pytest.raises(OverflowError):
        fn(corpus, "int_arith", "add")(big, 0)


@pytest.mark.parametrize("big", [2**31, -(2**31) - 1])
def test_int32_out_of_range(corpus, big):
    with pytest.raises(OverflowError):
        fn(corpus, "scalar_types", "add_i32")(big, 0)


def test_uint8_out_of_range(corpus):
    for bad in (-1, 256):
        with pytest.raises(OverflowError):
            fn(corpus, "scalar_types", "small_u8")(bad, 0)


def test_capsules_are_capsules(corpus):
    c = fn(corpus, "capsule_pointers", "dot")
    assert H.is_capsule(c)
    assert not callable(c)


def test_list_write_back_keeps_the_numbers_the_kernel_left(corpus):
    # An `int list` argument the kernel stores a float into is a float list inside the
    # kernel; after the call the caller's list holds the float where the kernel stored
    # it and still its own ints elsewhere, exactly as CPython leaves it.
    f = fn(corpus, "lists_unify", "set_first_arg")
    ref = H.reference_module(H.CORPUS_DIR / "lists_unify.py")
    big = 2**40 + 1
    got, want = [1, 2, big], [1, 2, big]
    assert f(got, 0.5) == ref.set_first_arg(want, 0.5) == 0.5
    assert got == want and [type(x) for x in got] == [float, int, int]
    assert got[2] is big


def test_unbound_local_error_has_cpythons_message(corpus):
    f = fn(corpus, "unbound_locals", "last_of_range")
    ref = H.reference_module(H.CORPUS_DIR / "unbound_locals.py")
    with pytest.raises(UnboundLocalError) as want:
        ref.last_of_range(0)
    with pytest.raises(UnboundLocalError) as got:
        f(0)
    assert str(got.value) == str(want.value)
    assert f(3) == ref.last_of_range(3) == 4


def test_docstrings_and_prototypes_are_the_functions_doc(corpus):
    """`__doc__` is the kernel's docstring (cleaned as `inspect.cleandoc` does), then
    the signatures the function accepts, as Pythran writes them."""
    import inspect

    f = fn(corpus, "raise_chain", "checked_sqrt")
    ref = H.reference_module(H.CORPUS_DIR / "raise_chain.py")
    want = inspect.cleandoc(ref.checked_sqrt.__doc__)
    assert f.__doc__.startswith(want + "\n\nSupported prototypes:\n\n- checked_sqrt(float)")
    g = fn(corpus, "overloads", "double_it")
    assert "Supported prototypes:" in g.__doc__
    assert g.__doc__.count("\n- double_it(") >= 2
