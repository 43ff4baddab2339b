"""The parts of scripts/external_suites.py that need neither the external suites nor
compiled code: parsing of `#setup:`/`#run:`/`#runas` lines, program selection, result
comparison, and the skip when the suites are absent."""

import importlib.util
import os

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "external_suites", os.path.join(ROOT, "scripts", "external_suites.py"))
es = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(es)


# --- parsing -----------------------------------------------------------------------------

def test_split_statements_last_statement_is_the_call():
    assert es.split_statements("import numpy as np; x = np.ones(3); f(x, 2)") == (
        "import numpy as np\nx = np.ones(3)", "f(x, 2)", True)
    assert es.split_statements("f(1)") == ("", "f(1)", True)
    # two calls: the first is setup (Pythran's rule), a tuple of calls is one expression
    assert es.split_statements("fannkuch(9);fannkuch2(9)") == ("fannkuch(9)", "fannkuch2(9)", True)
    assert es.split_statements("a = 1; clip(a, .5), clip(a, 2)") == (
        "a = 1", "clip(a, .5), clip(a, 2)", True)


def test_split_statements_semicolons_inside_strings_and_statement_calls():
    assert es.split_statements('x = "a;b"; f(x, ";")') == ('x = "a;b"', 'f(x, ";")', True)
    setup, call, is_expr = es.split_statements("x = 1; y = f(x)")
    assert (setup, call, is_expr) == ("x = 1", "y = f(x)", False)


def test_split_statements_falls_back_to_pythrans_split():
    # not Python 3: Pythran's harness splits on every `;`
    assert es.split_statements("print 1; f(2)") == ("print 1", "f(2)", True)


def test_parse_numpy_benchmark():
    src = ("#from: somewhere\n"
           "#setup: import numpy as np ; N = 3 ; x = np.ones(N)\n"
           "#run: f(x, N)\n\n"
           "#pythran export f(float64[], int)\n"
           "def f(x, n):\n    return x * n\n")
    [run] = es.parse_numpy_benchmark(src)
    assert run.setup == "import numpy as np ; N = 3 ; x = np.ones(N)"
    assert (run.call, run.call_is_expr) == ("f(x, N)", True)
    with pytest.raises(ValueError, match="#run:"):
        es.parse_numpy_benchmark("#setup: x = 1\n")
    with pytest.raises(ValueError, match="#setup:"):
        es.parse_numpy_benchmark("#run: f(1)\n")


def test_runas_lines_follow_pythrans_markers():
    src = ("#runas f(1)\n"
           "# runas f(2)\n"
           "#runas  g(3) ; h(4)\n"
           "#norunas f(5)\n"
           "#skip.runas f(6)\n"
           "    #runas f(7)\n"
           "#bench f(8)\n"
           "#pythran export f(int)\n")
    assert es.runas_lines(src) == ["f(1)", "f(2)", "g(3) ; h(4)"]
    runs = es.parse_pythran_case(src)
    assert [(r.setup, r.call) for r in runs] == [("", "f(1)"), ("", "f(2)"), ("g(3)", "h(4)")]
    assert es.parse_pythran_case("#pythran export f(int)\ndef f(x): return x\n") == []


def test_uses_numpy():
    assert es.uses_numpy("import numpy as np\n")
    assert es.uses_numpy("#runas import numpy ; f(numpy.ones(2))\n")
    assert es.uses_numpy("from numpy import zeros\n")
    assert not es.uses_numpy("import math\n# numpyish\n")


def test_discover_and_module_names(tmp_path):
    nb = tmp_path / "numpy-benchmarks"
    pc = tmp_path / "pythran-cases"
    nb.mkdir()
    pc.mkdir()
    (nb / "b.py").write_text("#setup: x = 1\n#run: b(x)\ndef b(x): return x\n")
    (nb / "a.py").write_text("#run: a(1)\ndef a(x): return x\n")  # no setup
    (pc / "with_np.py").write_text("#runas import numpy as np; f(np.ones(2))\ndef f(x): return x\n")
    (pc / "plain.py").write_text("# runas f(1)\ndef f(x): return x\n")
    (pc / "norun.py").write_text("#pythran export f(int)\ndef f(x): return x\n")
    (pc / "_hidden.py").write_text("#runas f(1)\n")
    (pc / "LICENSE").write_text("BSD\n")
    nbs = es.discover(str(tmp_path), "numpy-benchmarks")
    assert [(p.stem, p.error) for p in nbs] == [("a", "no `#setup:` line"), ("b", None)]
    pcs = es.discover(str(tmp_path), "pythran-cases")
    assert [(p.stem, p.uses_numpy, p.module) for p in pcs] == [
        ("_hidden", False, "pc__hidden"), ("plain", False, "pc_plain"),
        ("with_np", True, "pc_with_np")]
    assert es.module_name("nb", "a-b.c") == "nb_a_b_c"
    # a program survives the trip to the worker
    p = es.Program.from_json(pcs[2].to_json())
    assert (p.key, p.runs[0].call) == ("pythran-cases/with_np", "f(np.ones(2))")


# --- comparison ----------------------------------------------------------------------------

def test_compare_arrays_dtype_shape_and_exact_values():
    a = np.arange(6, dtype=np.int32).reshape(2, 3)
    assert es.compare(a, a.copy()) is None
    assert "dtype int64 instead of int32" in es.compare(a, a.astype(np.int64))
    assert "shape (3, 2)" in es.compare(a, a.reshape(3, 2))
    b = a.copy()
    b[1, 2] += 1
    assert "1 of 6 elements differ, first at [1, 2]" in es.compare(a, b)
    assert "list instead of a int32 array" in es.compare(a, a.tolist())
    assert es.compare(np.array([True, False]), np.array([True, True])) is not None


def test_compare_floats_with_the_dtypes_tolerance():
    x = np.linspace(1.0, 2.0, 5)
    assert es.compare(x, x * (1 + 1e-11)) is None
    assert "beyond rtol 1e-09" in es.compare(x, x * (1 + 1e-7))
    x32 = x.astype(np.float32)
    assert es.compare(x32, x32 * np.float32(1 + 1e-6)) is None
    assert es.compare(x32, x32 * np.float32(1 + 1e-3)) is not None
    # NaN equals NaN; infinities must match exactly
    n = np.array([np.nan, np.inf, -np.inf, 1.0])
    assert es.compare(n, n.copy()) is None
    assert es.compare(n, np.array([np.nan, np.inf, np.inf, 1.0])) is not None
    assert es.compare(n, np.array([0.0, np.inf, -np.inf, 1.0])) is not None
    # cancellation near zero is judged against the array's scale
    assert es.compare(np.array([1e3, 0.0]), np.array([1e3, 1e-12])) is None
    assert es.compare(np.array([1e3, 0.0]), np.array([1e3, 1e-3])) is not None
    c = np.array([1 + 2j, 3 - 1j])
    assert es.compare(c, c * (1 + 1e-12)) is None
    assert es.compare(c, c.conj()) is not None


def test_compare_scalars_python_and_numpy():
    assert es.compare(np.float64(1.5), 1.5) is None
    assert es.compare(1.5, np.float64(1.5 * (1 + 1e-12))) is None
    assert "float32" in es.compare(np.float64(1.5), np.float32(1.5))
    assert es.compare(np.int64(3), 3) is None
    assert "int32" in es.compare(np.int64(3), np.int32(3))
    assert "float (float64) instead of int (int64)" in es.compare(3, 3.0)
    assert es.compare(True, np.True_) is None
    assert es.compare(True, 1) is not None
    assert es.compare(2 + 1j, complex(2, 1)) is None
    assert es.compare(None, None) is None
    assert es.compare(None, 0) is not None
    assert es.compare("ab", "ab") is None
    assert es.compare(2**70, 2**70) is None
    assert es.compare(2**70, 2**70 + 1) is not None


def test_compare_containers():
    want = (np.ones(2), [1.0, 2.0], {"k": 1})
    assert es.compare(want, (np.ones(2), [1.0, 2.0], {"k": 1})) is None
    assert "result[1]: tuple instead of list" in es.compare(want, (np.ones(2), (1.0, 2.0), {"k": 1}))
    assert "length 1 instead of 2" in es.compare([1, 2], [1])
    assert "result[2]['k']" in es.compare(want, (np.ones(2), [1.0, 2.0], {"k": 2}))
    assert "result[0][1]" in es.compare([[1, 2]], [[1, 3]])


def test_harmonize_like_pythrans_harness():
    assert es.harmonize([2, 3, 2037.0]) == [2.0, 3.0, 2037.0]
    h = es.harmonize([[0, 1], [0.5]])
    assert h == [[0.0, 1.0], [0.5]] and type(h[0][0]) is float
    assert es.harmonize(([1, 2.5], 3)) == ([1.0, 2.5], 3)
    b = [True, False]
    assert es.harmonize(b) is b  # one type: left alone (no bool -> int)
    mixed = [1, "a"]
    assert es.harmonize(mixed) is mixed
    assert es.compare(es.harmonize([2, 3.5]), [2.0, 3.5]) is None


def test_compare_namespaces_sees_in_place_effects():
    want = {"u": np.array([1.0, 2.0]), "args": (1, np.zeros(2)), "n": 3}
    got = {"u": np.array([1.0, 2.0]), "args": (1, np.zeros(2)), "n": 4}
    assert es.compare_namespaces(want, got, {"u", "args", "n"}) is None
    got["args"][1][0] = 1.0
    assert "`args[1]` after the call" in es.compare_namespaces(want, got, {"u", "args"})
    got["u"] = [1.0, 2.0]
    assert "`u` is no array" in es.compare_namespaces(want, got, {"u"})


# --- the skip ---------------------------------------------------------------------------------

def test_skips_cleanly_without_the_suites(tmp_path, capsys):
    assert es.main(["--external", str(tmp_path / "absent"), "--no-pythran"]) == 0
    assert "skipped" in capsys.readouterr().out


# --- build diagnostics ------------------------------------------------------------------------

def test_pythran_error_lines():
    cxx = ("In file included from /tmp/t.cpp:26:\n"
           "/x/pythonic/numpy/dot.hpp:1050:10: fatal error: cblas.h: No such file or directory\n"
           "WARNING: Compilation error, trying hard to find its origin...\n"
           "CRITICAL: Cover me Jack. Jack? Jaaaaack!!!!\n")
    assert es.pythran_error(cxx) == "g++ fatal error: cblas.h: No such file or directory"
    typing = ("CRITICAL: I am in trouble. Your input file does not seem to match Pythran's "
              "constraints...\nf.py:3:4 error: Unsupported attribute 'random' for module 'numpy'\n"
              "pythran.syntax.PythranSyntaxError: Unsupported attribute 'random'\n")
    assert es.pythran_error(typing) == "PythranSyntaxError: Unsupported attribute 'random'"
    assert es.pythran_error("CRITICAL: something\n") == "CRITICAL: something"
    assert es.pythran_error("") == "failed"


def test_rustc_errors_are_attributed_to_programs():
    report = {"programs": [
        {"module": "nb_a", "status": "translated", "generated": "/out/pykernel/a.rs"},
        {"module": "pc_a", "status": "translated", "generated": "/out/pykernel/a_2.rs"},
        {"module": "nb_b", "status": "refused", "diagnostics": []}]}
    # an error inside a macro expanded in a generated file: found through the expansion
    msg = {"message": "mismatched types", "code": {"code": "E0308"}, "spans": [
        {"file_name": "/reg/pykernel/src/glue.rs", "is_primary": True, "line_start": 9,
         "column_start": 5, "text": [],
         "expansion": {"span": {"file_name": "/out/pykernel/a_2.rs", "line_start": 40,
                                "column_start": 1, "text": []}}}], "children": []}
    assert es.attribute(msg, report) == ["pc_a"]
    assert es.rustc_status(msg) == "rustc error E0308: mismatched types at glue.rs:9:5"
    # an error on a program's line of external_mods.rs
    msg = {"message": "cannot find function", "spans": [
        {"file_name": "/out/external_mods.rs", "is_primary": True, "line_start": 5,
         "column_start": 1,
         "text": [{"text": "    { let sub = ...; nb_a::register(&sub)?; m.add_submodule(&sub)?; }"}]}],
        "children": []}
    assert es.attribute(msg, report) == ["nb_a"]
    # nowhere in particular: not attributed (the driver bisects)
    msg = {"message": "linking failed", "spans": [], "children": []}
    assert es.attribute(msg, report) == []


def test_pythran_error_prefers_pythrans_reason():
    log = ("WARNING: No pythran specification, nothing will be exported\n"
           "CRITICAL: Chair to keyboard interface error\n"
           "E: Empty spec files while generating native module\n")
    assert es.pythran_error(log) == "Empty spec files while generating native module"
