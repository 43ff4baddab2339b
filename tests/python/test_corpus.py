"""Differential tests: every `# case:` of every tests/corpus/*.py file, run by CPython
(the reference) and by the compiled code in the `pykernel_corpus` wheel.

Regular exports: same value (floats bit for bit, NaN == NaN), same Python type, or the
same exception type. Capsule exports: called through ctypes with the C signature read
from the capsule name; same C return value and same in-place effects on the pointer
arguments; where CPython raises, the capsule follows SPEC section 5's error path.
"""

from __future__ import annotations

import contextlib
import copy
import ctypes
import io
import math
import warnings

import numpy as np
import pytest

import kernel_harness as H

FILES = H.load_corpus()
FILE_BY_STEM = {f.stem: f for f in FILES}
CASES = [c for f in FILES for c in f.cases]
CAPSULE_EXPORTS = [(f, e) for f in FILES for e in f.exports if e.capsule]


# --------------------------------------------------------------------------------------
# The corpus itself (no compiled code needed)
# --------------------------------------------------------------------------------------

def test_corpus_size():
    functions = {(f.stem, e.name) for f in FILES for e in f.exports}
    assert len(FILES) >= 25, f"only {len(FILES)} corpus files"
    assert len(functions) >= 60, f"only {len(functions)} exported functions"


@pytest.mark.parametrize("cfile", FILES, ids=lambda f: f.stem)
def test_corpus_file_consistent(cfile):
    assert cfile.stem.isidentifier(), "corpus file names must be Rust/Python identifiers"
    assert cfile.exports, f"{cfile.path}: no export comments"
    names = {e.name for e in cfile.exports}
    case_names = {c.fname for c in cfile.cases}
    missing = sorted(names - case_names)
    assert not missing, f"{cfile.path}: exported functions without a `# case:` line: {missing}"
    stray = sorted(case_names - names)
    assert not stray, f"{cfile.path}: cases for functions that are not exported: {stray}"
    for e in cfile.exports:
        if e.capsule:
            assert len(cfile.export(e.name)) == 1, f"{e.name}: a capsule cannot be overloaded"
    for e in cfile.exports:
        e.types  # the harness reads every export type (raises on unknown words)
        if e.capsule:
            assert not any(e.optional), f"{e.name}: a capsule cannot have optional arguments"
        opt = e.optional or [False] * len(e.argtypes)
        assert opt == sorted(opt), f"{e.name}: only trailing arguments may be optional (`T?`)"
    for c in cfile.cases:
        n = len(H.case_args(c))
        if c.expect_error is not None:
            continue  # a wrong argument count is a validation case like any other
        assert any(e.accepts(n) for e in cfile.export(c.fname)), (
            f"{c.id}: {n} arguments, but no export of {c.fname} takes {n}: "
            f"{[e.argtypes for e in cfile.export(c.fname)]}")
    ref = H.reference_module(cfile.path)  # CPython runs the file unchanged
    for n in names:
        assert callable(getattr(ref, n)), n


@pytest.mark.parametrize("case", [c for c in CASES if c.markers - {"expect-error"}],
                         ids=lambda c: c.id)
def test_corpus_markers_are_needed(case):
    """A marker is only allowed where CPython's result really differs from the spec's.
    (`expect-error` cases are checked against the compiled function only.)"""
    cfile = FILE_BY_STEM[case.stem]
    fn = getattr(H.reference_module(case.path), case.fname)
    args = reference_args(cfile, case, H.case_args(case))
    if "expect-wrap" in case.markers:
        r = fn(*args)
        flat = list(r) if isinstance(r, tuple) else [r]
        assert any(isinstance(v, int) and not -(2**63) <= v < 2**63 for v in flat), (
            f"`expect-wrap` on a case whose CPython result {r!r} fits in int64")
    if "recursion-error" in case.markers:
        with pytest.raises(RecursionError):
            fn(*args)


# Exceptions that mean a broken case (a typo, a wrong argument), never a tested
# semantics: CPython must not raise them for a case.
BROKEN_CASE_ERRORS = (TypeError, NameError, AttributeError, RecursionError)


def _is_regular(c) -> bool:
    exports = FILE_BY_STEM[c.stem].export(c.fname)
    return bool(exports) and not exports[0].capsule


@pytest.mark.parametrize("case", [c for c in CASES if _is_regular(c) and c.expect_error is None],
                         ids=lambda c: c.id)
def test_corpus_case_runs_in_cpython(case):
    """CPython evaluates the case (with the arguments the harness gives it) without a
    sign of a broken case, and every list it returns or leaves in a list argument is
    homogeneous (one Python type per element, as the compiled list has one static
    element type: e.g. no `0` left among floats), and its ints fit in int64 unless the
    case says `# expect-wrap` (or the export has unsigned parameters). NumPy arrays it
    returns or receives have a dtype and rank an export type can name."""
    cfile = FILE_BY_STEM[case.stem]
    fn = getattr(H.reference_module(case.path), case.fname)
    args = reference_args(cfile, case, H.case_args(case))
    H.check_arrays(args, "argument")
    try:
        r = run_cpython(fn, args)
    except RecursionError:
        if "recursion-error" in case.markers:
            return  # deliberate: a depth limit test
        pytest.fail(f"{case.id}: CPython raised RecursionError (`# recursion-error`?)", pytrace=False)
    except BROKEN_CASE_ERRORS as e:
        # Not broken: a read of a local that some path leaves unassigned compiles, and
        # raises where CPython does (a NameError inside a comprehension, CPython 3.11).
        if isinstance(e, UnboundLocalError) or str(e).startswith("cannot access free variable"):
            return
        pytest.fail(f"{case.id}: CPython raised {type(e).__name__}: {e}", pytrace=False)
    except Exception:  # noqa: BLE001 - a tested exception
        return
    H.check_homogeneous(r, "result")
    H.check_arrays(r, "result")
    for i, a in enumerate(args):
        if isinstance(a, list):
            H.check_homogeneous(a, f"argument {i} after the call")
    unsigned = any(t.startswith("uint") for e in cfile.export(case.fname) for t in e.argtypes)
    if "expect-wrap" not in case.markers and not unsigned:
        big = [v for v in H.flatten((r, [a for a in args if isinstance(a, list)]))
               if isinstance(v, int) and not isinstance(v, bool) and not -(2**63) <= v < 2**63]
        assert not big, f"{case.id}: CPython's int {big[0]} does not fit in int64 (`# expect-wrap`?)"


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

SCALAR_CONVERT = {
    "float": float, "float64": float, "float32": float,
    "complex": complex, "complex128": complex, "complex64": complex,
    "int": int, "int64": int, "int32": int, "int16": int, "int8": int, "intc": int,
    "intp": int, "uint8": int, "uint16": int, "uint32": int, "uint64": int, "uintc": int,
    "uintp": int, "byte": int,
    "bool": bool,
}


NUMPY_SCALARS = {
    "int8": np.int8, "byte": np.int8, "int16": np.int16, "int32": np.int32, "intc": np.intc,
    "int64": np.int64, "intp": np.intp, "uint8": np.uint8, "uint16": np.uint16,
    "uint32": np.uint32, "uintc": np.uintc, "uint64": np.uint64, "uintp": np.uintp,
    "float32": np.float32, "float64": np.float64,
    "complex64": np.complex64, "complex128": np.complex128,
}


def _is_number(v) -> bool:
    return isinstance(v, (int, float, complex)) and not isinstance(v, bool)


def convert_arg(ty, v):
    """A case's value for a parameter of export type `ty` (see `H.parse_type`), as the
    compiled function sees it: an int given for a `float` becomes a float, an int or
    float given for a `complex` becomes a complex, also inside lists (`float list`,
    `float list list`) and tuples (`(int, float) list`)."""
    kind = ty[0]
    if kind == "scalar":
        conv = SCALAR_CONVERT.get(ty[1])
        if conv is float and isinstance(v, int) and not isinstance(v, bool):
            return float(v)
        if conv is complex and isinstance(v, (int, float)) and not isinstance(v, bool):
            return complex(v)
        return v
    if kind == "list" and isinstance(v, list):
        return [convert_arg(ty[1], x) for x in v]
    if kind == "tuple" and isinstance(v, tuple) and len(v) == len(ty[1]):
        return tuple(convert_arg(t, x) for t, x in zip(ty[1], v))
    return v


def call_args(cfile, case, args):
    """(CPython's arguments, NumPy-scalar arguments or None) for a regular export.

    With a single export line, a `float` parameter gets a float even if the case wrote
    `3` (the compiled function sees a float), a `complex` one a complex, also inside
    list and tuple arguments (`convert_arg`). Trailing optional (`T?`) arguments may be
    left out: both sides get the same arguments (CPython uses its default). If a
    parameter has a sized dtype (`int32`, `float32`, `int64`, `complex64`, ...), the
    second list has those arguments as NumPy scalars: the result *type* is what
    CPython computes from them (SPEC 6: NumPy 2 promotion), while the value or
    exception still comes from CPython with plain Python numbers (so `int32 // 0` is
    still a ZeroDivisionError)."""
    exports = cfile.export(case.fname)
    if len(exports) != 1 or exports[0].capsule:
        return list(args), None
    export = exports[0]
    if not export.accepts(len(args)):
        return list(args), None
    py, npy, sized = [], [], False
    for t, ty, v in zip(export.argtypes, export.types, args):
        t = t.strip()
        v = convert_arg(ty, v)
        py.append(v)
        if t in NUMPY_SCALARS and _is_number(v):
            npy.append(NUMPY_SCALARS[t](v))
            sized = True
        else:
            npy.append(v)
    return py, (npy if sized else None)


def reference_args(cfile, case, args):
    return call_args(cfile, case, args)[0]


def _as_typed(v, t):
    """`v` (from CPython with Python numbers) with the NumPy scalar types of `t` (the
    same computation with NumPy-scalar arguments), through tuples and lists."""
    if isinstance(v, (tuple, list)):
        if type(t) is type(v) and len(t) == len(v):
            return type(v)(_as_typed(a, b) for a, b in zip(v, t))
        return v
    if isinstance(t, np.generic) and not isinstance(v, np.generic):
        return type(t)(v)
    return v


def numpy_result_type(fn, np_args, value, args_after=None):
    """`value` (CPython's result with Python numbers) as the type CPython's result has
    when the sized-dtype arguments are NumPy scalars. With `args_after` (CPython's
    arguments after its call), returns (value, args_after), the list arguments typed
    the same way."""
    np_args = copy.deepcopy(np_args)  # the run may mutate list arguments
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            typed = fn(*np_args)
        except Exception:  # noqa: BLE001
            return value if args_after is None else (value, args_after)
    value = _as_typed(value, typed)
    if args_after is None:
        return value
    return value, [_as_typed(a, t) if isinstance(a, list) else a
                   for a, t in zip(args_after, np_args)]


def compiled_module(corpus, stem):
    sub = getattr(corpus, stem, None)
    if sub is None:
        pytest.fail(
            f"pykernel_corpus has no submodule {stem!r}: tests/corpus/{stem}.py was not "
            "compiled into the wheel (excluded with PYKERNEL_CORPUS_EXCLUDE?)", pytrace=False)
    return sub


def compiled_function(corpus, stem, name):
    sub = compiled_module(corpus, stem)
    fn = getattr(sub, name, None)
    if fn is None:
        pytest.fail(f"pykernel_corpus.{stem} has no attribute {name!r}; it has "
                    f"{sorted(n for n in dir(sub) if not n.startswith('__'))}", pytrace=False)
    return fn


def run_cpython(fn, args):
    """CPython's call, without NumPy's warnings (overflow in int8 scalar arithmetic,
    float division by zero of array elements, ...): they change no result."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return fn(*args)


def printing(run, fn, args):
    """`run(fn, args)` and what it wrote to `sys.stdout` (`print` in kernels writes
    there too)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        r = run(fn, args)
    return r, buf.getvalue()


def outcome(fn, args):
    try:
        return ("value", fn(*args))
    except Exception as e:  # noqa: BLE001 - the exception type is what we compare
        return ("raise", e)


def outcome_cpython(fn, args):
    try:
        return ("value", run_cpython(fn, args))
    except Exception as e:  # noqa: BLE001 - the exception type is what we compare
        return ("raise", e)


def describe(o) -> str:
    if o[0] == "value":
        return "returned " + H.show(o[1])
    return f"raised {type(o[1]).__name__}: {o[1]}"


# --------------------------------------------------------------------------------------
# Compiled vs CPython
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("cfile", FILES, ids=lambda f: f.stem)
def test_compiled_exports_present(corpus, cfile):
    sub = compiled_module(corpus, cfile.stem)
    for e in cfile.exports:
        obj = getattr(sub, e.name, None)
        assert obj is not None, f"pykernel_corpus.{cfile.stem}.{e.name} missing"
        if e.capsule:
            assert H.is_capsule(obj), f"{e.name} is a capsule export but got {type(obj)}"
        else:
            assert callable(obj), f"{e.name} is a regular export but got {type(obj)}"


@pytest.mark.parametrize("cfile,export", CAPSULE_EXPORTS, ids=lambda x: getattr(x, "name", getattr(x, "stem", "")))
def test_capsule_name(corpus, cfile, export):
    """SPEC 5: the name is the C signature in SciPy's exact spelling; catalogue
    matches get the catalogue's name."""
    cap = compiled_function(corpus, cfile.stem, export.name)
    name = H.capsule_name(cap)
    assert name is not None, "capsule has no name"
    ret, args = H.parse_c_signature(name)
    want_args, entry = H.expected_capsule_args(export.argtypes)
    if entry is not None:
        assert name == entry, f"export {export.argtypes} matches SciPy's {entry!r}, got {name!r}"
    else:
        assert tuple(args) == want_args, f"capsule name {name!r}: expected arguments {want_args}"
    assert H.c_type_to_ctypes(ret) is not None or ret == "void"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(corpus, case):
    cfile = FILE_BY_STEM[case.stem]
    exports = cfile.export(case.fname)
    if exports and exports[0].capsule:
        run_capsule_case(corpus, cfile, exports[0], case)
    elif case.expect_error is not None:
        run_expect_error_case(corpus, cfile, case)
    else:
        run_regular_case(corpus, cfile, case)


def run_expect_error_case(corpus, cfile, case):
    """`# expect-error Exc [param]`: the compiled function alone raises exactly `Exc`
    (argument validation: CPython would accept a wrong dtype), with `'param'` in the
    message if given; its array and list arguments are left unchanged."""
    comp_fn = compiled_function(corpus, case.stem, case.fname)
    exc, param = case.expect_error
    comp_args, _ = call_args(cfile, case, H.case_args(case))
    before, _ = call_args(cfile, case, H.case_args(case))
    got = outcome(comp_fn, comp_args)
    where = f"{case.path.name}:{case.line}: {case.expr}"
    H.ULPS = 4 if "ulp4" in case.markers else 0
    H.NORMWISE = 64 if "linalg" in case.markers else 0
    assert got[0] == "raise" and type(got[1]) is exc, (
        f"{where}\n  expected {exc.__name__}\n  compiled {describe(got)}")
    if param is not None:
        assert f"'{param}'" in str(got[1]), (
            f"{where}\n  the {exc.__name__} does not name the argument '{param}': {got[1]}")
    for i, (a, b) in enumerate(zip(before, comp_args)):
        if isinstance(a, (list, tuple, np.ndarray)):
            a, b = H.map_result(a, _as_ndarray), H.map_result(b, _as_ndarray)
            assert H.same_value(a, b), (
                f"{where}\n  argument {i} changed although the call was refused:\n"
                f"  before {H.show(a)}\n  after  {H.show(b)}")


def _as_ndarray(v):
    """An ndarray subclass instance (`np.matrix`, a masked array: refused arguments) as a
    plain ndarray of the same memory, so that `same_value` compares its contents."""
    return v.view(np.ndarray) if isinstance(v, np.ndarray) else v


def run_regular_case(corpus, cfile, case):
    ref_fn = getattr(H.reference_module(case.path), case.fname)
    comp_fn = compiled_function(corpus, case.stem, case.fname)
    # Each side gets its own arguments: the case's expressions are evaluated once per
    # side, so list and array arguments are independent objects with the same contents
    # and, for arrays, the same dtype, shape, strides, memory order and flags (a deep
    # copy would make `np.arange(9.0)[::2]` contiguous). Their state after the call is
    # compared below.
    ref_args, np_args = call_args(cfile, case, H.case_args(case))
    comp_args, _ = call_args(cfile, case, H.case_args(case))
    orig_ref_args = list(ref_args)  # the objects CPython received (identity checks)
    if np_args is not None:
        # NumPy-scalar run (result types only): its own arrays, too.
        fresh = H.case_args(case)
        np_args = [fresh[i] if isinstance(a, np.ndarray) else a for i, a in enumerate(np_args)]

    expected, printed = printing(outcome_cpython, ref_fn, ref_args)
    numpy_reference = (np_args is not None and expected[0] == "raise"
                       and isinstance(expected[1], ZeroDivisionError))
    if numpy_reference:
        # SPEC 6: NumPy scalars divide by zero as NumPy does (inf/nan, 0 for integer `//`
        # and `%`) where Python numbers raise: CPython with the sized-dtype arguments as
        # NumPy scalars (and arguments of its own) is the reference then.
        _, ref_args = call_args(cfile, case, H.case_args(case))
        orig_ref_args = list(ref_args)
        expected, printed = printing(outcome_cpython, ref_fn, ref_args)
        np_args = None  # its result has NumPy's types already
    if "expect-wrap" in case.markers and expected[0] == "value":
        expected = ("value", H.map_result(expected[1], H.wrap_int64))
        ref_args = [H.map_result(a, H.wrap_int64) if isinstance(a, list) else a for a in ref_args]
    if np_args is not None and expected[0] == "value":
        value, ref_args = numpy_result_type(ref_fn, np_args, expected[1], ref_args)
        expected = ("value", value)

    got, got_printed = printing(outcome, comp_fn, comp_args)
    where = f"{case.path.name}:{case.line}: {case.expr}"
    H.ULPS = 4 if "ulp4" in case.markers else 0
    H.NORMWISE = 64 if "linalg" in case.markers else 0
    ref_label = "CPython" + (f" ({', '.join(sorted(case.markers))})" if case.markers else "")
    if numpy_reference:
        ref_label += " (NumPy-scalar arguments)"
    # What `print` wrote (through sys.stdout), exactly.
    assert got_printed == printed, (
        f"{where}: printed\n  {ref_label} {printed!r}\n  compiled {got_printed!r}")
    if expected[0] == "raise":
        assert got[0] == "raise" and type(got[1]) is type(expected[1]), (
            f"{where}\n  {ref_label} {describe(expected)}\n  compiled {describe(got)}")
    else:
        assert got[0] == "value" and H.same_value(expected[1], got[1]), (
            f"{where}\n  {ref_label} {describe(expected)}\n  compiled {describe(got)}")
        H.check_array_identity(where, expected[1], got[1], orig_ref_args, comp_args)
        # In-place effects on list arguments (element writes, append, pop, sort, ...)
        # are visible to the caller exactly as in CPython.
        for i, a in enumerate(ref_args):
            if isinstance(a, list):
                assert H.same_value(ref_args[i], comp_args[i]), (
                    f"{where}\n  list argument {i} after the call:\n"
                    f"  {ref_label} {H.show(ref_args[i])}\n  compiled {H.show(comp_args[i])}")
    # Array arguments are views of the caller's memory: their contents after the call
    # (dtype, shape, values) are CPython's, also when the kernel raised part way.
    for i, a in enumerate(ref_args):
        if isinstance(a, np.ndarray):
            assert H.same_value(ref_args[i], comp_args[i]), (
                f"{where}\n  array argument {i} after the call:\n"
                f"  {ref_label} {H.show(ref_args[i])}\n  compiled {H.show(comp_args[i])}")


def run_capsule_case(corpus, cfile, export, case):
    ref_fn = getattr(H.reference_module(case.path), case.fname)
    cap = compiled_function(corpus, case.stem, case.fname)
    assert H.is_capsule(cap), f"{case.fname}: expected a capsule, got {type(cap)}"
    fn, ret, cargs = H.capsule_function(cap)
    assert len(cargs) == len(export.argtypes), (
        f"capsule name {H.capsule_name(cap)!r} has {len(cargs)} arguments, the export {len(export.argtypes)}")
    values = H.case_args(case)
    ca = H.CapsuleArgs(export, cargs, values)
    where = f"{case.path.name}:{case.line}: {case.expr}  [{H.capsule_name(cap)}]"

    with np.errstate(all="ignore"):  # NumPy's warnings in CPython's run (1.0 / 0.0 ...)
        expected = outcome(ref_fn, ca.ref)
    got = outcome(fn, ca.native)
    ref_arrays = ca.arrays_after(ca.ref_arrays)
    got_arrays = ca.arrays_after(ca.native_arrays)

    if expected[0] == "value":
        want = H.c_value(ret, expected[1])
        assert got[0] == "value" and H.same_value(want, got[1]), (
            f"{where}\n  CPython {describe(('value', want))}\n  compiled {describe(got)}")
    else:
        # SPEC 5: a capsule never unwinds; double-returning ones return NaN,
        # int-returning (ndimage) ones return 0 with the Python exception set.
        if ret in ("double", "float"):
            assert got[0] == "value" and isinstance(got[1], float) and math.isnan(got[1]), (
                f"{where}\n  CPython {describe(expected)} -> expected NaN\n  compiled {describe(got)}")
        else:
            assert got[0] == "raise" and type(got[1]) is type(expected[1]), (
                f"{where}\n  CPython {describe(expected)} -> expected 0 with "
                f"{type(expected[1]).__name__} set\n  compiled {describe(got)}")
            # Called without the GIL (as a C caller would): 0, and no exception left set.
            nogil = ctypes.CFUNCTYPE(fn._restype_, *fn._argtypes_)(ctypes.cast(fn, ctypes.c_void_p).value)
            ca2 = H.CapsuleArgs(export, cargs, H.case_args(case))
            r = nogil(*ca2.native)
            assert r == 0, f"{where}: without the GIL the capsule returned {r!r}, expected 0"
    for i in ref_arrays:
        exp_vals = [H.c_value_elem(v) for v in ref_arrays[i]]
        got_vals = [H.c_value_elem(v) for v in got_arrays[i]]
        assert len(exp_vals) == len(got_vals) and all(
            H.same_value(a, b) for a, b in zip(exp_vals, got_vals)), (
            f"{where}\n  pointer argument {i} after the call:\n  CPython  {exp_vals}\n  compiled {got_vals}")
