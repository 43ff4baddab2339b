"""The external suites: programs nobody on this project wrote, run by CPython + NumPy,
Pythran 0.19 and pykernel side by side.

Reads `../shared/external/` (see its README): `numpy-benchmarks/` (each file has a
`#setup:` and a `#run:` line) and `pythran-cases/` (Pythran's own test cases, run the
way Pythran's test harness runs them: every line starting with `#runas ` or `# runas` is
one run, `STMT; ...; EXPR`, the last statement the call). Skips with a message, exit
status 0, when that folder is absent.

For each program:

1. pykernel: every selected file is translated in the build script of
   `tests/external-crate` (one crate, one Python submodule per file that translates; the
   diagnostics of the others are reported per program). If rustc fails on generated
   code (a pykernel bug), the programs its errors point at are left out and the crate is
   rebuilt (bisection when an error cannot be attributed).
2. Pythran: `pythran -O3` per file, the `.so` cached by content hash (a failed build is
   cached too).
3. In ONE Python process per suite (a worker, restarted after a hang): the setup runs in
   a namespace holding the CPython module's globals and in one holding each compiled
   module's functions; the call is evaluated in each; the results and every array of
   the namespace afterwards are compared with CPython's (`compare`). Then the
   implementations that pass are timed, alternating, minimum over rounds, each call on a
   freshly set-up namespace (the setup is not timed). Every step has a timeout.

Prints (and writes to `--markdown`) one table per suite and the pass counts.

    python scripts/external_suites.py [--suite numpy-benchmarks|pythran-cases|all]
        [--only name,...] [--no-time] [--rounds N] [--timeout S] [--jobs N]
        [--no-pythran] [--external DIR] [--markdown FILE] [--json FILE]

Normally run through `scripts/external_suites.sh`, which creates the Pythran venv
(`bench/.venv-pythran`) and runs this file with its interpreter.
"""

import argparse
import ast
import concurrent.futures
import datetime
import gc
import hashlib
import importlib.util
import json
import os
import platform
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRATE = os.path.join(ROOT, "tests", "external-crate")
CARGO_TARGET = os.path.join(ROOT, "target", "external-suites")
WORK = os.path.join(CARGO_TARGET, "work")
IMPLS = ("numpy", "pythran", "pykernel")
PYTHRAN_FLAGS = ["-O3"]
# Pythran's np.dot & co. need a CBLAS; without a system one, Pythran can use the pip
# package scipy-openblas64 (the OpenBLAS NumPy's wheels ship), which
# scripts/external_suites.sh installs into the Pythran venv.
PYTHRAN_BLAS_FLAGS = ["--config", "compiler.blas=scipy-openblas"]

# --------------------------------------------------------------------------------------
# The suites and their programs (no compiled code needed: unit-tested in
# tests/python/test_external_suites.py)
# --------------------------------------------------------------------------------------

SUITES = {
    # name: (module prefix, title)
    "numpy-benchmarks": ("nb", "numpy-benchmarks"),
    "pythran-cases": ("pc", "Pythran test cases"),
}

# Pythran's harness (pythran/tests/__init__.py, TestFromDir.runas_markers) takes the
# lines that start with one of these; the text after the first space following the
# marker's start is the run.
RUNAS_MARKERS = ("#runas ", "# runas")


class Run:
    """One way to run a program: `setup` (statements) then `call` (an expression, or
    statements when the last statement is not an expression: then the result is None)."""

    def __init__(self, setup, call, call_is_expr=True):
        self.setup, self.call, self.call_is_expr = setup, call, call_is_expr

    def __repr__(self):
        return f"Run(setup={self.setup!r}, call={self.call!r})"

    def to_json(self):
        return {"setup": self.setup, "call": self.call, "call_is_expr": self.call_is_expr}

    @staticmethod
    def from_json(d):
        return Run(d["setup"], d["call"], d["call_is_expr"])


class Program:
    """A file of a suite and its runs."""

    def __init__(self, suite, path, runs, uses_numpy, error=None):
        self.suite, self.path, self.runs = suite, path, runs
        self.uses_numpy, self.error = uses_numpy, error
        self.stem = os.path.splitext(os.path.basename(path))[0]
        self.key = f"{suite}/{self.stem}"
        self.module = module_name(SUITES[suite][0], self.stem)

    def to_json(self):
        return {"suite": self.suite, "path": self.path, "uses_numpy": self.uses_numpy,
                "error": self.error, "runs": [r.to_json() for r in self.runs]}

    @staticmethod
    def from_json(d):
        return Program(d["suite"], d["path"], [Run.from_json(r) for r in d["runs"]],
                       d["uses_numpy"], d["error"])


def module_name(prefix, stem):
    """The submodule of `pykernel_external` holding a program: `<prefix>_<stem>`, made a
    Rust/Python identifier."""
    return prefix + "_" + re.sub(r"\W", "_", stem, flags=re.ASCII)


def split_statements(text):
    """Splits `STMT; ...; EXPR` into (setup source, call source, call is an expression).

    Parsed with `ast`, so a `;` inside a string or brackets does not split; where the
    text does not parse as a whole, falls back to Pythran's own rule (split on every
    `;`, the last piece is the call)."""
    text = text.strip()
    try:
        tree = ast.parse(text)
    except SyntaxError:
        pieces = text.split(";")
        return ";".join(pieces[:-1]).strip(), pieces[-1].strip(), True
    if not tree.body:
        return "", "None", True
    last = tree.body[-1]
    setup = "\n".join(ast.get_source_segment(text, s) for s in tree.body[:-1])
    if isinstance(last, ast.Expr):
        return setup, ast.get_source_segment(text, last.value), True
    return setup, ast.get_source_segment(text, last), False


def parse_numpy_benchmark(source):
    """The runs of a numpy-benchmarks file: its `#setup:` and `#run:` lines (one run per
    `#run:` line, all after the `#setup:` lines). Raises ValueError if one is missing."""
    setups = [line[len("#setup:"):].strip() for line in source.splitlines()
              if line.startswith("#setup:")]
    calls = [line[len("#run:"):].strip() for line in source.splitlines()
             if line.startswith("#run:")]
    if not setups or not calls:
        raise ValueError("no `#setup:` line" if not setups else "no `#run:` line")
    runs = []
    for call in calls:
        pre, expr, is_expr = split_statements(call)
        setup = "\n".join(s for s in [*setups, pre] if s)
        runs.append(Run(setup, expr, is_expr))
    return runs


def runas_lines(source):
    """The `#runas` lines of a Pythran test case, exactly as Pythran's harness finds
    them, without their marker."""
    out = []
    for line in source.splitlines(keepends=True):
        if any(line.startswith(m) for m in RUNAS_MARKERS):
            out.append(line[line.find(" ", 2) + 1:].strip())
    return out


def parse_pythran_case(source):
    """The runs of a Pythran test case (empty when it has no `#runas` line)."""
    return [Run(*split_statements(line)) for line in runas_lines(source)]


def uses_numpy(source):
    """Whether a file uses NumPy: the word `numpy` anywhere in it (an import in the code,
    or in a `#runas` line that builds arrays). With Pythran's `#runas` rule this selects
    63 of the 119 Pythran cases that have a run."""
    return re.search(r"\bnumpy\b", source) is not None


def discover(external, suite):
    """The programs of one suite, sorted by file name. Pythran cases without a `#runas`
    line are left out (Pythran's harness only compiles them)."""
    folder = os.path.join(external, suite)
    programs = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            source = f.read()
        error = None
        if suite == "numpy-benchmarks":
            try:
                runs = parse_numpy_benchmark(source)
            except ValueError as e:
                runs, error = [], str(e)
        else:
            runs = parse_pythran_case(source)
            if not runs:
                continue
        programs.append(Program(suite, path, runs, uses_numpy(source), error))
    return programs


# --------------------------------------------------------------------------------------
# Comparison with CPython + NumPy
# --------------------------------------------------------------------------------------

# Relative tolerance per float dtype (SPEC 9 / the external README); everything else
# compares exactly.
RTOL = {np.dtype(np.float64): 1e-9, np.dtype(np.complex128): 1e-9,
        np.dtype(np.float32): 1e-5, np.dtype(np.complex64): 1e-5,
        np.dtype(np.float16): 1e-3}


def scalar_dtype(x):
    """The dtype a scalar stands for: a NumPy scalar's own; Python's bool, int, float and
    complex are NumPy's bool, int64, float64 and complex128 (what they become in an
    array, and what Pythran and pykernel return for them). None for other objects."""
    if isinstance(x, np.generic):
        return x.dtype
    if isinstance(x, bool):
        return np.dtype(np.bool_)
    if isinstance(x, int):
        return np.dtype(np.int64)
    if isinstance(x, float):
        return np.dtype(np.float64)
    if isinstance(x, complex):
        return np.dtype(np.complex128)
    return None


def _close(want, got, dtype):
    """Values of one dtype: floats and complex with allclose (rtol per dtype, atol =
    rtol x the largest finite magnitude expected, NaN equal to NaN, infinities exact),
    everything else exactly. Returns None or what differs."""
    want = np.asarray(want)
    got = np.asarray(got)
    rtol = RTOL.get(dtype)
    if rtol is None:
        if want.dtype.kind in "biuUSb" or got.dtype.kind in "biuUSb":
            same = np.array_equal(want, got)
        else:
            same = bool(np.all(want == got)) if want.shape == got.shape else False
        if same:
            return None
        if want.ndim == 0:
            return f"{got.item()!r} instead of {want.item()!r}"
        bad = np.argwhere(want != got)
        first = tuple(int(i) for i in bad[0]) if len(bad) else ()
        return (f"{len(bad)} of {want.size} elements differ, first at {list(first)}: "
                f"{got[first]!r} instead of {want[first]!r}")
    finite = want[np.isfinite(want)]
    scale = float(np.max(np.abs(finite))) if finite.size else 0.0
    ok = np.isclose(got, want, rtol=rtol, atol=rtol * scale, equal_nan=True)
    if bool(np.all(ok)):
        return None
    if want.ndim == 0:
        return f"{got.item()!r} instead of {want.item()!r} (rtol {rtol:g})"
    bad = np.argwhere(~ok)
    first = tuple(int(i) for i in bad[0])
    with np.errstate(all="ignore"):
        err = np.abs(got - want) / np.maximum(np.abs(want), rtol * scale or 1e-300)
        worst = float(np.nanmax(np.where(ok, 0, err)))
    return (f"{len(bad)} of {want.size} elements differ beyond rtol {rtol:g}, first at "
            f"{list(first)}: {got[first]!r} instead of {want[first]!r}; max rel. error "
            f"{worst:.3g}")


def compare(want, got, where="result"):
    """Compares a compiled result `got` with CPython's `want`. Returns None when they
    agree, else a one-line description of the first difference.

    Arrays: both ndarrays, same dtype, same shape, values by `_close`. Tuples, lists
    and dicts: same type and length (keys), element by element. Scalars: same dtype as
    `scalar_dtype` sees it (a Python float equals an np.float64, never an np.float32),
    values by `_close`. Other objects (None, strings): `==`."""
    if isinstance(want, np.ndarray):
        if not isinstance(got, np.ndarray):
            return f"{where}: {type(got).__name__} instead of a {want.dtype} array"
        if got.dtype != want.dtype:
            return f"{where}: dtype {got.dtype} instead of {want.dtype}"
        if got.shape != want.shape:
            return f"{where}: shape {got.shape} instead of {want.shape}"
        d = _close(want, got, want.dtype)
        return None if d is None else f"{where}: {d}"
    if isinstance(want, (list, tuple)):
        if type(got) is not type(want):
            return f"{where}: {type(got).__name__} instead of {type(want).__name__}"
        if len(got) != len(want):
            return f"{where}: length {len(got)} instead of {len(want)}"
        for i, (w, g) in enumerate(zip(want, got)):
            d = compare(w, g, f"{where}[{i}]")
            if d is not None:
                return d
        return None
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"{where}: {type(got).__name__} instead of dict"
        if set(got) != set(want):
            return f"{where}: keys {sorted(map(repr, got))} instead of {sorted(map(repr, want))}"
        for k in want:
            d = compare(want[k], got[k], f"{where}[{k!r}]")
            if d is not None:
                return d
        return None
    wd = scalar_dtype(want)
    if wd is not None:
        gd = scalar_dtype(got)
        if gd is None:
            return f"{where}: {type(got).__name__} instead of {type(want).__name__}"
        if gd != wd:
            return (f"{where}: {type(got).__name__} ({gd}) instead of "
                    f"{type(want).__name__} ({wd})")
        d = _close(want, got, wd)
        return None if d is None else f"{where}: {d}"
    try:
        same = bool(want == got) and type(want) is type(got)
    except Exception:  # noqa: BLE001 - an object that cannot compare is a difference
        same = False
    return None if same else f"{where}: {got!r} instead of {want!r}"


def harmonize(value):
    """CPython's result with every list of numbers (nested lists included, also inside
    tuples) given one element type, the type of the numbers' sum: `[2, 3, 2037.0]`
    becomes `[2.0, 3.0, 2037.0]`. Pythran's test harness does the same to its reference
    (`harmonize_containers`), because a list has one element type in Pythran, as in
    pykernel (SPEC 6: int and float unify to float). Lists whose numbers all have one
    type are left alone (Pythran's rule would turn a list of bools into ints)."""
    if isinstance(value, tuple):
        return tuple(harmonize(v) for v in value)
    if not isinstance(value, list):
        return value
    flat = []

    def flatten(lst):
        for e in lst:
            if isinstance(e, list):
                flatten(e)
            else:
                flat.append(e)

    flatten(value)
    if (not flat or not all(scalar_dtype(v) is not None for v in flat)
            or len({type(v) for v in flat}) == 1):
        return value
    common = type(sum(flat[1:], flat[0]))

    def convert(lst):
        return [convert(e) if isinstance(e, list) else common(e) for e in lst]

    return convert(value)


def arrays_in(value):
    """The arrays in a namespace value: the value itself, or those inside tuples and
    lists (recursively), with their path."""
    if isinstance(value, np.ndarray):
        yield "", value
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            for sub, a in arrays_in(v):
                yield f"[{i}]{sub}", a


def compare_namespaces(want_ns, got_ns, names):
    """In-place effects: every array of the namespace (bound by the setup) after the
    call, compared like results. Returns None or the first difference."""
    for name in sorted(names):
        if name not in want_ns:
            continue
        want_arrays = dict(arrays_in(want_ns[name]))
        if not want_arrays:
            continue
        got_arrays = dict(arrays_in(got_ns.get(name)))
        for sub, w in want_arrays.items():
            if sub not in got_arrays:
                return f"`{name}{sub}` is no array after the call"
            d = compare(w, got_arrays[sub], f"`{name}{sub}` after the call")
            if d is not None:
                return d
    return None


# --------------------------------------------------------------------------------------
# The worker: one process per suite runs every implementation of every program
# --------------------------------------------------------------------------------------

class Emitter:
    """JSON lines to the parent, on a file descriptor of their own (the programs' prints
    go to stderr, also those of compiled code, which writes to fd 1)."""

    def __init__(self):
        self.out = os.fdopen(os.dup(1), "w", buffering=1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def __call__(self, **event):
        self.out.write(json.dumps(event) + "\n")
        self.out.flush()


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def short_exception(e):
    text = str(e).strip().splitlines()
    text = text[0] if text else ""
    if len(text) > 120:
        text = text[:117] + "..."
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


class Impl:
    """One implementation of a program: the namespace its setup starts from."""

    def __init__(self, name, base_ns):
        self.name, self.base = name, base_ns

    def fresh(self, setup_code):
        """A namespace set up for one call (random generators seeded, so that a setup
        that forgets to seed gives every implementation the same data). Returns the
        namespace and the names the setup bound."""
        ns = dict(self.base)
        ns.setdefault("__builtins__", __builtins__)
        before = set(ns)
        np.random.seed(0)
        random.seed(0)
        exec(setup_code, ns)
        return ns, {k for k, v in ns.items() if k not in before or v is not self.base.get(k)}


def compile_run(run, label):
    setup = compile(run.setup, f"<{label} setup>", "exec")
    call = compile(run.call, f"<{label} call>", "eval" if run.call_is_expr else "exec")
    return setup, call


def call(code, ns):
    return eval(code, ns)  # noqa: S307 - the suites' own run lines


def worker_main(job_file):
    """Runs the programs of a job file; emits `begin` before every step that runs code
    (with its timeout), `status`, `time` and `done` events."""
    emit = Emitter()
    warnings.simplefilter("ignore")
    with open(job_file) as f:
        job = json.load(f)
    timeout, rounds, timing = job["timeout"], job["rounds"], job["timing"]
    pk_ext = None
    if job["pykernel_so"]:
        emit(ev="begin", program=None, impl="pykernel", phase="import", timeout=60)
        try:
            pk_ext = load_module("pykernel_external", job["pykernel_so"])
        except BaseException as e:  # noqa: BLE001
            emit(ev="pykernel_import", error=short_exception(e))
    for entry in job["programs"]:
        prog = Program.from_json(entry["program"])
        run_program(emit, prog, entry, pk_ext, timeout, rounds, timing)
        emit(ev="done", program=prog.key)


def run_program(emit, prog, entry, pk_ext, timeout, rounds, timing):
    key = prog.key

    def begin(impl, phase, run, seconds):
        emit(ev="begin", program=key, impl=impl, phase=phase, run=run,
             timeout=min(float(timeout), max(30.0, seconds)))

    def status(impl, run, text, seconds=None):
        emit(ev="status", program=key, impl=impl, run=run, status=text, seconds=seconds)

    impls = {}
    begin("numpy", "import", None, timeout)
    sys.path.insert(0, os.path.dirname(prog.path))
    try:
        cpy = load_module(f"cpython_{prog.module}", prog.path)
        impls["numpy"] = Impl("numpy", vars(cpy))
    except BaseException as e:  # noqa: BLE001 - SystemExit from a script counts too
        for r in range(len(prog.runs)):
            status("numpy", r, f"raises {short_exception(e)}")
        return
    finally:
        sys.path.pop(0)
    if entry.get("pythran_so"):
        begin("pythran", "import", None, 60)
        try:
            impls["pythran"] = Impl("pythran", vars(load_module(prog.stem, entry["pythran_so"])))
        except BaseException as e:  # noqa: BLE001
            for r in range(len(prog.runs)):
                status("pythran", r, f"import raises {short_exception(e)}")
    if pk_ext is not None and entry.get("pykernel_built"):
        impls["pykernel"] = Impl("pykernel", vars(getattr(pk_ext, prog.module)))

    for r, run in enumerate(prog.runs):
        try:
            setup, code = compile_run(run, prog.stem)
        except SyntaxError as e:
            status("numpy", r, f"raises {short_exception(e)}")
            continue
        # The reference.
        begin("numpy", "check", r, timeout)
        t0 = time.perf_counter()
        try:
            ref_ns, names = impls["numpy"].fresh(setup)
        except BaseException as e:  # noqa: BLE001
            status("numpy", r, f"setup raises {short_exception(e)}")
            continue
        t_setup = time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            want = call(code, ref_ns)
        except BaseException as e:  # noqa: BLE001
            status("numpy", r, f"raises {short_exception(e)}")
            continue
        t_ref = time.perf_counter() - t0
        status("numpy", r, "pass", t_ref)
        passed = {"numpy": t_ref}
        budget = 10 * (t_ref + t_setup) + 5
        for name in ("pythran", "pykernel"):
            if name not in impls:
                continue
            begin(name, "check", r, budget)
            try:
                ns, _ = impls[name].fresh(setup)
            except BaseException as e:  # noqa: BLE001
                status(name, r, f"setup raises {short_exception(e)}")
                continue
            t0 = time.perf_counter()
            try:
                got = call(code, ns)
            except BaseException as e:  # noqa: BLE001
                status(name, r, f"raises {short_exception(e)}")
                continue
            t = time.perf_counter() - t0
            diff = compare(harmonize(want), got) if run.call_is_expr else None
            if diff is None:
                diff = compare_namespaces(ref_ns, ns, names)
            if diff is None:
                status(name, r, "pass", t)
                passed[name] = t
            else:
                status(name, r, f"wrong result: {diff}")
        del ref_ns, want
        if timing:
            time_run(emit, key, r, setup, code, impls, passed, t_setup, rounds, begin)


def time_run(emit, key, r, setup, code, impls, passed, t_setup, rounds, begin):
    """Times the implementations that passed: `rounds` rounds, each calling every
    implementation in turn (the order rotates and reverses between rounds) on `number`
    freshly set-up namespaces; per-call minimum over rounds. An implementation stops
    after the first round once it has used its time budget (slow CPython loops); a check
    call of more than a second counts as its first round."""
    order = [n for n in IMPLS if n in passed]
    number = {n: max(1, min(100, int(0.02 / max(passed[n], 1e-7)),
                            int(0.5 / max(t_setup, 1e-7))))
              for n in order}
    best, spent = {}, dict.fromkeys(order, 0.0)
    for name in order:
        if passed[name] > 1.0:
            best[name] = spent[name] = passed[name]
    for rnd in range(rounds):
        k = rnd % len(order)
        this = order[k:] + order[:k]
        if rnd % 2:
            this.reverse()
        for name in this:
            if name not in best and rnd > 0:
                continue  # it failed in an earlier round
            if spent[name] > 5.0 and name in best:
                continue
            n = number[name]
            begin(name, "time", r, 5 * n * (passed[name] + t_setup) + 10)
            try:
                spaces = [impls[name].fresh(setup)[0] for _ in range(n)]
                gc.collect()
                gc.disable()
                try:
                    t0 = time.perf_counter()
                    for ns in spaces:
                        eval(code, ns)  # noqa: S307
                    t = (time.perf_counter() - t0) / n
                finally:
                    gc.enable()
            except BaseException as e:  # noqa: BLE001
                emit(ev="time", program=key, impl=name, run=r, seconds=None,
                     error=short_exception(e))
                best.pop(name, None)
                continue
            spent[name] += t * n
            best[name] = min(best.get(name, t), t)
            del spaces
    for name, t in best.items():
        emit(ev="time", program=key, impl=name, run=r, seconds=t, number=number[name])


# --------------------------------------------------------------------------------------
# The parent: builds, runs the workers with timeouts, prints the tables
# --------------------------------------------------------------------------------------

def log(msg):
    print(f"external_suites: {msg}", file=sys.stderr, flush=True)


def shorten(text, n=160):
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def pythran_error(log_text):
    """The line of a failed Pythran build that says why: Pythran's own error (syntax,
    typing), else the first C++ compiler error, else Pythran's last word."""
    lines = [l.strip() for l in log_text.splitlines() if l.strip()]
    for l in lines:
        m = re.search(r"\b(Pythran\w*Error|NotImplementedError|CompileError)\b:?(.*)", l)
        if m and "Compilation error, trying hard" not in l:
            return (m.group(1) + ":" + m.group(2)).rstrip(":")
    for l in lines:
        m = re.search(r"\b((?:fatal )?error: .*)", l)
        if m and not l.startswith("E: "):
            return "g++ " + m.group(1)
    for prefix in ("E: ", "CRITICAL"):
        for l in lines:
            if l.startswith(prefix):
                return l.removeprefix("E: ")
    return lines[-1] if lines else "failed"


def pythran_flags():
    flags = list(PYTHRAN_FLAGS)
    if importlib.util.find_spec("scipy_openblas64") is not None:
        flags += PYTHRAN_BLAS_FLAGS
    return flags


def pythran_version():
    try:
        from importlib import metadata
        return metadata.version("pythran")
    except Exception:  # noqa: BLE001
        return None


def build_pythran(programs, jobs):
    """Compiles every program with `pythran -O3` (cached by content hash). Returns
    {key: ("ok", so_path) | ("error", message)}."""
    exe = os.path.join(os.path.dirname(sys.executable), "pythran")
    version = pythran_version()
    if version is None or not os.path.exists(exe):
        return {p.key: ("error", "Pythran is not installed") for p in programs}
    flags = pythran_flags()
    results, todo = {}, []
    for p in programs:
        with open(p.path, "rb") as f:
            digest = hashlib.sha256(
                f.read() + f"\0pythran {version} {' '.join(flags)}".encode()
            ).hexdigest()[:16]
        d = os.path.join(WORK, "pythran", p.suite, f"{p.stem}-{digest}")
        so = os.path.join(d, p.stem + ".so")
        if os.path.exists(so):
            results[p.key] = ("ok", so)
        elif os.path.exists(os.path.join(d, "FAILED")):
            with open(os.path.join(d, "build.log")) as f:
                results[p.key] = ("error", shorten(pythran_error(f.read())))
        else:
            todo.append((p, d, so))
    if todo:
        log(f"compiling {len(todo)} file(s) with pythran {version} {' '.join(flags)} "
            f"({jobs} at a time; cached afterwards)")

    def one(item):
        p, d, so = item
        os.makedirs(d, exist_ok=True)
        cmd = ["nice", "-n", "10", exe, *flags, p.path, "-o", so]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=d, capture_output=True, text=True, timeout=1200)
            out, ok = proc.stdout + proc.stderr, proc.returncode == 0 and os.path.exists(so)
        except subprocess.TimeoutExpired:
            out, ok = "pythran timed out after 1200 s", False
        with open(os.path.join(d, "build.log"), "w") as f:
            f.write(out)
        dt = time.perf_counter() - t0
        if ok:
            log(f"  pythran {p.key}: built in {dt:.0f} s")
            return p.key, ("ok", so)
        msg = shorten(pythran_error(out))
        with open(os.path.join(d, "FAILED"), "w") as f:
            f.write(msg + "\n")
        log(f"  pythran {p.key}: build error ({dt:.0f} s): {msg}")
        return p.key, ("error", msg)

    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        for key, res in pool.map(one, todo):
            results[key] = res
    return results


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w") as f:
        f.write(text)


def cargo_build(modules, programs_by_module, tag):
    """One `cargo build` of the crate with `modules`. Returns (ok, translation report,
    rustc errors [(message, rendered, [module...])], other output)."""
    lst = os.path.join(WORK, f"pykernel-{tag}.tsv")
    report_path = os.path.join(WORK, f"pykernel-{tag}.json")
    write_if_changed(lst, "".join(f"{m}\t{programs_by_module[m].path}\n" for m in modules))
    env = dict(os.environ,
               PYKERNEL_EXTERNAL_LIST=lst,
               PYKERNEL_EXTERNAL_REPORT=report_path,
               PYO3_PYTHON=sys.executable,
               PYO3_BUILD_EXTENSION_MODULE="1",
               CARGO_TARGET_DIR=CARGO_TARGET)
    cmd = ["nice", "-n", "5", "cargo", "build", "--release", "--message-format=json",
           "--manifest-path", os.path.join(CRATE, "Cargo.toml")]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    report = None
    if os.path.exists(report_path):
        with open(report_path) as f:
            report = json.load(f)
    errors, artifact = [], None
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if (msg.get("reason") == "compiler-artifact"
                and msg.get("target", {}).get("name") == "pykernel_external"):
            artifact = next((f for f in msg.get("filenames", []) if f.endswith(".so")), None)
        if msg.get("reason") != "compiler-message":
            continue
        m = msg["message"]
        if m.get("level") not in ("error", "error: internal compiler error"):
            continue
        if m.get("message", "").startswith("aborting due to"):
            continue
        errors.append((m, attribute(m, report)))
    ok = proc.returncode == 0 and artifact is not None
    return ok, report, errors, artifact, proc.stderr


def attribute(message, report):
    """The programs a rustc error is in: spans (and their macro expansions) in a
    generated kernel file, or on a program's line of external_mods.rs."""
    generated = {}
    if report:
        for p in report["programs"]:
            if p.get("generated"):
                generated[os.path.realpath(p["generated"])] = p["module"]
    found = set()

    def visit(span):
        if not span:
            return
        path = os.path.realpath(span.get("file_name", ""))
        if path in generated:
            found.add(generated[path])
        elif path.endswith("external_mods.rs"):
            for t in span.get("text", []):
                hit = re.search(r"pub mod (\w+)|(\w+)::register", t.get("text", ""))
                if hit:
                    found.add(hit.group(1) or hit.group(2))
        exp = span.get("expansion")
        if exp:
            visit(exp.get("span"))
            visit(exp.get("def_site_span"))

    def walk(m):
        for s in m.get("spans", []):
            visit(s)
        for c in m.get("children", []):
            walk(c)

    walk(message)
    return sorted(found)


def rustc_status(message):
    code = (message.get("code") or {}).get("code")
    text = message.get("message", "")
    where = ""
    for s in message.get("spans", []):
        if s.get("is_primary"):
            where = f" at {os.path.basename(s['file_name'])}:{s['line_start']}:{s['column_start']}"
            break
    return shorten(f"rustc error{' ' + code if code else ''}: {text}{where}")


def build_pykernel(programs):
    """Builds the crate with every program that translates. Returns (path of the
    extension or None, {module: status before running}): `build error ...` for a file
    the translator refuses, `rustc error ...` for generated code rustc refuses."""
    by_module = {p.module: p for p in programs}
    os.makedirs(WORK, exist_ok=True)
    statuses, logs = {}, []
    modules = sorted(by_module)
    translated = None
    t0 = time.perf_counter()
    for attempt in range(12):
        log(f"building tests/external-crate with {len(modules)} program(s) (cargo build --release)")
        ok, report, errors, artifact, stderr = cargo_build(modules, by_module, "build")
        if report is None:
            log("the build script did not write its report; cargo said:\n" + stderr[-3000:])
            return None, {m: "build failed (see the log)" for m in by_module}, 0.0
        if translated is None:
            translated = set()
            for p in report["programs"]:
                if p["status"] == "translated":
                    translated.add(p["module"])
                elif p["status"] == "refused":
                    statuses[p["module"]] = translation_status(p)
                else:
                    statuses[p["module"]] = "translator bug: " + shorten(p["message"])
            modules = sorted(translated)
            with open(os.path.join(WORK, "pykernel-diagnostics.txt"), "w") as f:
                for p in report["programs"]:
                    if p["status"] == "refused":
                        f.write(f"== {p['module']}\n{p['rendered']}\n")
                    elif p["status"] == "failed":
                        f.write(f"== {p['module']}\n{p['message']}\n\n")
        if ok:
            dst_dir = os.path.join(WORK, "lib")
            os.makedirs(dst_dir, exist_ok=True)
            dst = os.path.join(dst_dir, "pykernel_external.so")
            shutil.copyfile(artifact, dst + ".tmp")
            os.replace(dst + ".tmp", dst)
            for m in modules:
                statuses.setdefault(m, None)
            with open(os.path.join(WORK, "rustc-errors.log"), "w") as f:
                f.write("\n\n".join(logs))
            return dst, statuses, time.perf_counter() - t0
        blamed = set()
        for m, mods in errors:
            for mod in mods:
                if mod in modules and mod not in statuses:
                    statuses[mod] = rustc_status(m)
                    logs.append(f"== {mod}\n{m.get('rendered', '')}")
                    blamed.add(mod)
        if not blamed:
            # An error not attributable to a program (or a link error): bisect.
            culprit = bisect(modules, by_module)
            if culprit is None:
                log("the crate does not build even without programs; cargo said:\n"
                    + stderr[-3000:])
                return None, {m: statuses.get(m, "build failed (see the log)")
                              for m in by_module}, 0.0
            statuses[culprit] = "rustc error (found by bisection; see rustc-errors.log)"
            logs.append(f"== {culprit}\n(bisection)")
            blamed.add(culprit)
        log(f"rustc refused the generated code of {', '.join(sorted(blamed))} "
            "(a pykernel bug); rebuilding without them")
        modules = [m for m in modules if m not in blamed]
    return None, {m: statuses.get(m, "build failed") for m in by_module}, 0.0


def bisect(modules, by_module):
    """One program whose presence breaks the build, found by halving."""
    ok, *_ = cargo_build([], by_module, "bisect")
    if not ok:
        return None
    cand = list(modules)
    while len(cand) > 1:
        half = cand[: len(cand) // 2]
        ok, *_ = cargo_build(half, by_module, "bisect")
        cand = cand[len(cand) // 2:] if ok else half
    return cand[0] if cand else None


def translation_status(p):
    errs = [d for d in p["diagnostics"] if d["severity"] == "error"] or p["diagnostics"]
    if not errs:
        return "build error"
    d = errs[0]
    where = f"{os.path.basename(p['path'])}:{d['line']}:{d['col']}"
    more = f" (+{len(errs) - 1} more)" if len(errs) > 1 else ""
    return shorten(f"build error {d['code']}: {d['message']} at {where}{more}", 200)


class Supervisor:
    """Runs a worker over programs with a deadline per step; on a hang or a crash,
    records it for the step that was running and restarts the worker with the rest."""

    def __init__(self, args, pykernel_so):
        self.args, self.pykernel_so = args, pykernel_so

    def run(self, suite, entries, results):
        pending = list(entries)
        while pending:
            job = {"timeout": self.args.timeout, "rounds": self.args.rounds,
                   "timing": not self.args.no_time, "pykernel_so": self.pykernel_so,
                   "programs": pending}
            job_file = os.path.join(WORK, f"job-{suite}.json")
            with open(job_file, "w") as f:
                json.dump(job, f)
            done = self.one_worker(job_file, results)
            pending = [e for e in pending if e["program"]["key"] not in done]

    def one_worker(self, job_file, results):
        err_log = open(os.path.join(WORK, "worker-stderr.log"), "a")
        proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", job_file],
                                stdout=subprocess.PIPE, stderr=err_log, text=True,
                                start_new_session=True)
        done, current, deadline = set(), None, time.monotonic() + 120
        buf = ""
        try:
            while True:
                remaining = deadline - time.monotonic()
                ready, _, _ = select.select([proc.stdout], [], [], max(0.0, remaining))
                if not ready:
                    if current is None or not current.get("program"):
                        self.worker_failed(job_file, results, done, "the worker hung")
                    else:
                        self.blame(current, results, f"timeout ({current['phase']}, "
                                   f"{current['timeout']:.0f} s)")
                    break
                chunk = os.read(proc.stdout.fileno(), 65536).decode()
                if not chunk:
                    proc.wait()
                    if current is not None and current.get("program"):
                        rc = proc.returncode
                        how = f"signal {-rc}" if rc < 0 else f"exit status {rc}"
                        self.blame(current, results, f"crashed ({how})")
                    elif proc.returncode != 0 or current is not None:
                        self.worker_failed(job_file, results, done,
                                           f"the worker failed (exit status {proc.returncode})")
                    break
                buf += chunk
                while "\n" in buf:
                    line, buf = buf.split("\n", 1)
                    ev = json.loads(line)
                    if ev["ev"] == "begin":
                        current = ev
                        deadline = time.monotonic() + ev["timeout"]
                    elif ev["ev"] == "status":
                        results[ev["program"]]["status"].setdefault(ev["impl"], {})[
                            ev["run"]] = (ev["status"], ev.get("seconds"))
                    elif ev["ev"] == "time":
                        results[ev["program"]]["time"].setdefault(ev["impl"], {})[
                            ev["run"]] = ev.get("seconds")
                    elif ev["ev"] == "pykernel_import":
                        log(f"cannot import the pykernel extension: {ev['error']}")
                        for k, res in results.items():
                            res["pre"].setdefault("pykernel", "import of the extension "
                                                  f"failed: {ev['error']}")
                    elif ev["ev"] == "done":
                        done.add(ev["program"])
                        log(f"  {ev['program']}: {summary_line(results[ev['program']])}")
                        current = None
                        deadline = time.monotonic() + 120
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            err_log.close()
        if current is not None and current.get("program"):
            done.add(current["program"])
            log(f"  {current['program']}: {summary_line(results[current['program']])}")
        return done

    @staticmethod
    def worker_failed(job_file, results, done, what):
        """A failure outside any program: every program of the job is given up."""
        log(f"{what} outside a program; see {os.path.join(WORK, 'worker-stderr.log')}")
        with open(job_file) as f:
            for e in json.load(f)["programs"]:
                key = e["program"]["key"]
                if key not in done:
                    done.add(key)
                    for i in IMPLS:
                        results[key]["pre"].setdefault(i, what)

    @staticmethod
    def blame(current, results, what):
        if not current or not current.get("program"):
            return
        res = results[current["program"]]
        impl, run = current["impl"], current.get("run")
        if current["phase"] == "time":
            res["time"].setdefault(impl, {})[run] = None
            res.setdefault("notes", []).append(f"{impl} timing: {what}")
            return
        runs = [run] if run is not None else range(res["runs"])
        for r in runs:
            res["status"].setdefault(impl, {}).setdefault(r, (what, None))


def overall(res, impl):
    """The status of an implementation over all runs of a program."""
    pre = res.get("pre", {}).get(impl)
    if pre:
        return pre
    st = res["status"].get(impl, {})
    ref = res["status"].get("numpy", {})
    n = res["runs"]
    fails = []
    for r in range(n):
        s = st.get(r, (None,))[0]
        if impl != "numpy" and ref.get(r, ("",))[0] != "pass":
            s = "not run (the reference fails)" if s is None else s
        if s != "pass":
            fails.append((r, s or "not run"))
    if not fails:
        return "pass"
    r, s = fails[0]
    return s if n == 1 else f"run {r + 1}/{n}: {s}"


def total_time(res, impl):
    t = res["time"].get(impl, {})
    if len(t) != res["runs"] or any(v is None for v in t.values()):
        return None
    return sum(t.values())


def summary_line(res):
    return "; ".join(f"{i}: {overall(res, i)}" for i in IMPLS)


def fmt_time(t):
    if t is None:
        return ""
    if t >= 1:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.2f} ms"
    return f"{t * 1e6:.1f} µs"


def fmt_ratio(a, b):
    return "" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def md_cell(text):
    return (text or "").replace("|", "\\|").replace("\n", " ")


def suite_table(suite, programs, results, timing, pythran_enabled):
    """Markdown: counts, medians, one row per program."""
    title = SUITES[suite][1]
    rows, ratios_np, ratios_pt = [], [], []
    pk_pass = pt_pass = pk_pass_np = pt_pass_np = n_np = 0
    for p in programs:
        res = results[p.key]
        pk, pt, ref = overall(res, "pykernel"), overall(res, "pythran"), overall(res, "numpy")
        t_np, t_pt, t_pk = (total_time(res, i) for i in IMPLS)
        pk_ok, pt_ok = pk == "pass", pt == "pass"
        pk_pass += pk_ok
        pt_pass += pt_ok
        if p.uses_numpy:
            n_np += 1
            pk_pass_np += pk_ok
            pt_pass_np += pt_ok
        if pk_ok and t_pk is not None and t_np:
            ratios_np.append((t_pk / t_np, p.uses_numpy))
        if pk_ok and pt_ok and t_pk is not None and t_pt:
            ratios_pt.append((t_pk / t_pt, p.uses_numpy))
        name = p.stem + (f" ({len(p.runs)} runs)" if len(p.runs) > 1 else "")
        if suite == "pythran-cases":
            name += "" if p.uses_numpy else " ·"
        rows.append([f"`{name}`", md_cell(pk), md_cell(pt if pythran_enabled else "n/a"),
                     fmt_time(t_np), fmt_time(t_pt), fmt_time(t_pk),
                     fmt_ratio(t_pk, t_np), fmt_ratio(t_pk, t_pt)])
        if ref != "pass":
            rows[-1][1] += f" (CPython: {md_cell(ref)})"
    n = len(programs)
    out = [f"### {title}", ""]
    if suite == "pythran-cases":
        out += [f"pykernel passes **{pk_pass_np}/{n_np}** of the cases that use NumPy "
                f"({pk_pass}/{n} of all cases with a `#runas`); Pythran "
                f"{pythran_version() or ''} passes **{pt_pass_np}/{n_np}** ({pt_pass}/{n}).",
                "Cases that do not use NumPy are marked `·`.", ""]
    else:
        out += [f"pykernel passes **{pk_pass}/{n}**; Pythran {pythran_version() or ''} "
                f"passes **{pt_pass}/{n}**.", ""]
    if timing:
        def med(pairs, numpy_only=False):
            xs = [r for r, np_case in pairs if np_case or not numpy_only]
            return f"{statistics.median(xs):.2f} over {len(xs)}" if xs else "n/a (none)"
        out += [f"Median pykernel/NumPy: {med(ratios_np)} program(s) pykernel passes; median "
                f"pykernel/Pythran: {med(ratios_pt)} program(s) both pass."]
        if suite == "pythran-cases":
            out += [f"On the cases that use NumPy: {med(ratios_np, True)} and "
                    f"{med(ratios_pt, True)}."]
        out += [""]
    out += ["| program | pykernel | Pythran | CPython + NumPy | Pythran | pykernel | pk/NumPy | pk/Pythran |",
            "|---|---|---|---:|---:|---:|---:|---:|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    counts = {"pykernel": pk_pass, "pythran": pt_pass, "programs": n}
    if suite == "pythran-cases":
        counts.update(numpy_programs=n_np, pykernel_numpy=pk_pass_np, pythran_numpy=pt_pass_np)
    return "\n".join(out) + "\n", counts


def error_codes(programs, results):
    """How often each translator error code is the first error of a program."""
    counts = {}
    for p in programs:
        s = results[p.key].get("pre", {}).get("pykernel") or ""
        m = re.match(r"build error (PK\d+)", s)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def versions():
    def cmd(*c):
        try:
            return subprocess.run(c, capture_output=True, text=True, timeout=30).stdout.strip()
        except Exception:  # noqa: BLE001
            return "?"
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": cmd("git", "-C", ROOT, "rev-parse", "--short", "HEAD"),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pythran": pythran_version() or "not installed",
        "rustc": cmd("rustc", "--version"),
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
    }


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default="all", choices=["all", *SUITES])
    ap.add_argument("--only", default="", help="comma-separated file stems (or suite/stem)")
    ap.add_argument("--no-time", action="store_true", help="correctness only")
    ap.add_argument("--rounds", type=int, default=7, help="timing rounds (default 7)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds for the reference call; compiled calls get "
                         "10x the reference's time + 5 s, at least 30 s, at most this")
    ap.add_argument("--jobs", type=int, default=2, help="parallel Pythran compiles")
    ap.add_argument("--no-pythran", action="store_true")
    ap.add_argument("--external", default=os.path.join(os.path.dirname(ROOT), "shared", "external"))
    ap.add_argument("--markdown", default=os.path.join(WORK, "external-suites.md"))
    ap.add_argument("--json", default=os.path.join(WORK, "external-suites.json"))
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        worker_main(args.worker)
        return 0
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    present = [s for s in suites if os.path.isdir(os.path.join(args.external, s))]
    if not present:
        print(f"external_suites: skipped: {os.path.abspath(args.external)} has no "
              f"{' or '.join(suites)} (the external suites are not part of the "
              "repository; see docs/external-suites.md)")
        return 0
    t_start = time.perf_counter()
    only = {s.strip().removesuffix(".py") for s in args.only.split(",") if s.strip()}
    programs = []
    for suite in present:
        for p in discover(args.external, suite):
            if not only or p.stem in only or p.key in only:
                programs.append(p)
    if not programs:
        print("external_suites: no program selected")
        return 1
    os.makedirs(WORK, exist_ok=True)
    results = {p.key: {"runs": len(p.runs), "status": {}, "time": {}, "pre": {}}
               for p in programs}
    for p in programs:
        if p.error:
            for i in IMPLS:
                results[p.key]["pre"][i] = f"cannot run: {p.error}"

    # pykernel (first: it is the quicker build, and its errors are the news)
    t0 = time.perf_counter()
    so, pk_status, _ = build_pykernel(programs)
    t_pk_build = time.perf_counter() - t0
    log(f"pykernel build: {t_pk_build:.0f} s")
    for p in programs:
        s = pk_status.get(p.module, "not built")
        if s:
            results[p.key]["pre"].setdefault("pykernel", s)

    # Pythran
    t0 = time.perf_counter()
    pythran = ({p.key: ("skip", "not run (--no-pythran)") for p in programs}
               if args.no_pythran else build_pythran(programs, args.jobs))
    t_pt_build = time.perf_counter() - t0
    log(f"pythran builds: {t_pt_build:.0f} s")
    for p in programs:
        kind, val = pythran[p.key]
        if kind != "ok":
            results[p.key]["pre"].setdefault(
                "pythran", f"build error: {val}" if kind == "error" else val)

    # Run, one worker per suite.
    sup = Supervisor(args, so)
    t0 = time.perf_counter()
    for suite in present:
        entries = []
        for p in programs:
            if p.suite != suite or p.error:
                continue
            entries.append({"program": {**p.to_json(), "key": p.key},
                            "pythran_so": pythran[p.key][1] if pythran[p.key][0] == "ok" else None,
                            "pykernel_built": pk_status.get(p.module, "x") is None})
        log(f"running {len(entries)} {suite} program(s) in one worker process")
        sup.run(suite, entries, results)
    t_run = time.perf_counter() - t0

    # Report.
    v = versions()
    cmdline = os.environ.get("EXTERNAL_SUITES_CMD") or " ".join(
        ["scripts/external_suites.py", *(argv if argv is not None else sys.argv[1:])])
    parts = [f"`{cmdline}` — {v['date']}, commit {v['commit']}; {v['cpu']}, {v['cores']} cores; "
             f"Python {v['python']}, NumPy {v['numpy']}, Pythran {v['pythran']} (`pythran "
             f"{' '.join(pythran_flags())}`), {v['rustc']}. Times: per call, minimum over "
             f"{args.rounds} rounds" + (" (timing off: `--no-time`)" if args.no_time else "")
             + ".", ""]
    summary = {}
    for suite in present:
        progs = [p for p in programs if p.suite == suite]
        text, counts = suite_table(suite, progs, results, not args.no_time, not args.no_pythran)
        summary[suite] = counts
        parts.append(text)
        codes = error_codes(progs, results)
        if codes:
            parts.append("First pykernel build error per program, by code: "
                         + ", ".join(f"{c} ×{n}" for c, n in codes) + ".\n")
    total = time.perf_counter() - t_start
    parts.append(f"Wall time: {total:.0f} s (pykernel build {t_pk_build:.0f} s, Pythran builds "
                 f"{t_pt_build:.0f} s, runs {t_run:.0f} s).\n")
    text = "\n".join(parts)
    os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
    with open(args.markdown, "w") as f:
        f.write(text)
    with open(args.json, "w") as f:
        json.dump({"versions": v, "summary": summary, "results": {
            p.key: {"pykernel": overall(results[p.key], "pykernel"),
                    "pythran": overall(results[p.key], "pythran"),
                    "numpy": overall(results[p.key], "numpy"),
                    "times": {i: total_time(results[p.key], i) for i in IMPLS},
                    "uses_numpy": p.uses_numpy, "notes": results[p.key].get("notes", [])}
            for p in programs}}, f, indent=1)
    print(text)
    log(f"written to {os.path.relpath(args.markdown, ROOT)} and {os.path.relpath(args.json, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
