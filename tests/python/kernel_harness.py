"""Shared machinery of the differential tests: corpus parsing, capsule calling.

Nothing in here knows about pykernel's internals: the compiled side is reached only
through what a user sees (the `pykernel_corpus` wheel: Python functions for regular
exports, PyCapsules for capsule exports).
"""

from __future__ import annotations

import ast
import builtins
import cmath
import ctypes
import importlib.util
import math
import os
import re
import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

TESTS_DIR = Path(__file__).resolve().parent.parent
# PYKERNEL_CORPUS_DIR (diagnosis only, as in tests/corpus-crate/build.rs): test the
# kernels of another directory, compiled into the wheel with the same variable.
CORPUS_DIR = Path(os.environ.get("PYKERNEL_CORPUS_DIR") or TESTS_DIR / "corpus")

# --------------------------------------------------------------------------------------
# Export comments (only what the corpus needs to know: names, capsule or not, arg types)
# --------------------------------------------------------------------------------------

EXPORT_RE = re.compile(r"^#\s*(?:pythran|pykernel)\s+export\b(?P<rest>.*)$")


@dataclass
class Export:
    name: str
    capsule: bool
    argtypes: list  # list of type strings without a trailing `?`, e.g. ["int", "float64*"]
    line: int
    optional: list = field(default_factory=list)  # per argument: a trailing `T?`

    @property
    def n_required(self) -> int:
        """Arguments a call must give (the ones before the trailing optionals)."""
        return sum(1 for o in self.optional if not o) if self.optional else len(self.argtypes)

    def accepts(self, n: int) -> bool:
        return self.n_required <= n <= len(self.argtypes)

    @property
    def types(self) -> list:
        """The argument types parsed (see `parse_type`)."""
        return [parse_type(t) for t in self.argtypes]


# --------------------------------------------------------------------------------------
# Export types (the subset of SPEC section 4's grammar the harness needs to read):
#   union   := postfix ('or' postfix)*
#   postfix := primary ('list' | 'set' | '[' dims ']' | '*' | 'order' '(' C|F ')'
#                       | ':' postfix 'dict')*
#   primary := word | '(' union (',' union)* ')'
# Parsed to nested tuples: ("scalar", "float"), ("list", T), ("set", T), ("tuple", [T..]),
# ("array", T, "dims"), ("ptr", T), ("dict", K, V), ("or", [T..]).
# --------------------------------------------------------------------------------------

SCALAR_WORDS = {
    "bool", "int", "float", "complex", "None", "byte", "str",
    "int8", "int16", "int32", "int64", "intc", "intp",
    "uint8", "uint16", "uint32", "uint64", "uintc", "uintp",
    "float32", "float64", "complex64", "complex128", "void",
}

_TYPE_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z_]\w*)|(?P<dims>\[[^\]]*\])|(?P<punct>[(),*:?]))")


def _type_tokens(text: str) -> list:
    toks, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TYPE_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse export type {text!r} at {text[pos:]!r}")
        toks.append(m.group("word") or m.group("dims") or m.group("punct"))
        pos = m.end()
    return toks


def parse_type(text: str):
    """Parse one export argument type (without a trailing `?`)."""
    toks = _type_tokens(text)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take(expected=None):
        nonlocal pos
        t = peek()
        if t is None or (expected is not None and t != expected):
            raise ValueError(f"export type {text!r}: expected {expected or 'a type'}, got {t!r}")
        pos += 1
        return t

    def union():
        alts = [postfix()]
        while peek() == "or":
            take()
            alts.append(postfix())
        return alts[0] if len(alts) == 1 else ("or", alts)

    def postfix():
        ty = primary()
        while True:
            t = peek()
            if t == "list":
                take()
                ty = ("list", ty)
            elif t == "set":
                take()
                ty = ("set", ty)
            elif t == "*":
                take()
                ty = ("ptr", ty)
            elif t is not None and t.startswith("["):
                take()
                ty = ("array", ty, t)
            elif t == "order":
                take()
                take("(")
                o = take()
                if o not in ("C", "F"):
                    raise ValueError(f"export type {text!r}: order({o})")
                take(")")
            elif t == ":":
                take()
                ty = ("dict", ty, postfix())
                take("dict")
            else:
                return ty

    def primary():
        t = take()
        if t == "(":
            elems = [union()]
            while peek() == ",":
                take()
                elems.append(union())
            take(")")
            return elems[0] if len(elems) == 1 else ("tuple", elems)
        if t not in SCALAR_WORDS:
            raise ValueError(f"export type {text!r}: unknown type word {t!r}")
        return ("scalar", t)

    ty = union()
    if peek() is not None:
        raise ValueError(f"export type {text!r}: trailing {toks[pos:]!r}")
    return ty


def split_optional(text: str):
    """`float?` -> ("float", True); `int list ?` -> ("int list", True)."""
    text = text.strip()
    if text.endswith("?"):
        return text[:-1].strip(), True
    return text, False


def _split_top(text: str, sep: str = ",") -> list:
    """Split on `sep` at bracket depth 0."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return [p.strip() for p in parts]


def parse_exports(source: str) -> list:
    lines = source.splitlines()
    exports = []
    i = 0
    while i < len(lines):
        m = EXPORT_RE.match(lines[i].strip())
        if not m:
            i += 1
            continue
        start = i
        text = m.group("rest")
        # continuation lines: while parentheses are unbalanced, the next comment line
        # continues the export.
        while text.count("(") > text.count(")") and i + 1 < len(lines):
            i += 1
            text += " " + lines[i].strip().lstrip("#")
        for item in _split_top(text):
            item = item.strip()
            capsule = False
            if item.startswith("capsule "):
                capsule = True
                item = item[len("capsule "):].strip()
            mm = re.match(r"^(\w+)\s*\((.*)\)$", item, re.S)
            if not mm:
                raise ValueError(f"cannot parse export {item!r} (line {start + 1})")
            args = [split_optional(a) for a in _split_top(mm.group(2)) if a]
            exports.append(Export(mm.group(1), capsule, [a for a, _ in args], start + 1,
                                  [o for _, o in args]))
        i += 1
    return exports


# --------------------------------------------------------------------------------------
# Case lines
# --------------------------------------------------------------------------------------

CASE_RE = re.compile(r"^#\s*case:\s*(?P<body>.+?)\s*$")
KNOWN_MARKERS = {"expect-wrap", "expect-error", "recursion-error", "ulp4", "linalg"}


@dataclass
class Case:
    stem: str
    path: Path
    line: int
    expr: str
    fname: str
    markers: set = field(default_factory=set)
    # `# expect-error TypeError [param]`: (exception class, parameter name or None)
    expect_error: tuple = None

    @property
    def id(self) -> str:
        return f"{self.stem}:{self.line}:{self.expr}"


def _split_markers(body: str):
    """`f(1, 2)  # expect-wrap` -> ("f(1, 2)", {"expect-wrap"}, None);
    `f(x)  # expect-error TypeError a` -> ("f(x)", {"expect-error"}, (TypeError, "a"))."""
    markers, expect_error = set(), None
    m = re.match(r"^(?P<expr>.*?)\s+#\s*(?P<markers>[\w\-, ]+)$", body)
    if m:
        words = [w for w in re.split(r"[ ,]+", m.group("markers").strip()) if w]
        if words and words[0] == "expect-error":
            # `expect-error <builtin exception> [<parameter named in the message>]`,
            # alone on the line.
            if not 2 <= len(words) <= 3:
                raise ValueError(f"`# expect-error <Exception> [param]` expected in {body!r}")
            exc = getattr(builtins, words[1], None)
            if not (isinstance(exc, type) and issubclass(exc, Exception)):
                raise ValueError(f"`# expect-error {words[1]}`: not a builtin exception ({body!r})")
            expect_error = (exc, words[2] if len(words) == 3 else None)
            words = words[:1]
        unknown = set(words) - KNOWN_MARKERS
        if unknown:
            raise ValueError(f"unknown case marker(s) {sorted(unknown)} in {body!r}")
        if "expect-error" in words and len(words) > 1:
            raise ValueError(f"`expect-error` cannot be combined with other markers: {body!r}")
        markers = set(words)
        body = m.group("expr")
    return body.strip(), markers, expect_error


def parse_cases(path: Path, source: str) -> list:
    cases = []
    for lineno, raw in enumerate(source.splitlines(), 1):
        m = CASE_RE.match(raw.strip())
        if not m:
            continue
        expr, markers, expect_error = _split_markers(m.group("body"))
        tree = ast.parse(expr, mode="eval").body
        if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)):
            raise ValueError(f"{path}:{lineno}: a case must be a call `f(...)`: {expr!r}")
        cases.append(Case(path.stem, path, lineno, expr, tree.func.id, markers, expect_error))
    return cases


@dataclass
class CorpusFile:
    path: Path
    stem: str
    source: str
    exports: list
    cases: list

    def export(self, name):
        return [e for e in self.exports if e.name == name]


def load_corpus() -> list:
    files = []
    for path in sorted(CORPUS_DIR.glob("*.py")):
        src = path.read_text()
        files.append(CorpusFile(path, path.stem, src, parse_exports(src), parse_cases(path, src)))
    return files


_ref_modules = {}


def reference_module(path: Path):
    """The corpus file imported by CPython, unchanged."""
    key = str(path)
    if key not in _ref_modules:
        spec = importlib.util.spec_from_file_location(f"corpus_ref_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _ref_modules[key] = mod
    return _ref_modules[key]


def readonly(a):
    """Case helper: the NumPy array `a`, made read-only (`a.flags.writeable = False`)."""
    a.flags.writeable = False
    return a


CASE_NAMESPACE = {"math": math, "cmath": cmath, "np": np, "inf": math.inf, "nan": math.nan,
                  "readonly": readonly}


def case_args(case: Case) -> list:
    """Evaluate the arguments of a case line (fresh objects every call: evaluating twice
    gives two independent sets of arrays with the same dtype, shape, strides, memory
    order and flags, e.g. a strided view of its own base for `np.arange(9.0)[::2]`)."""
    tree = ast.parse(case.expr, mode="eval").body
    if tree.keywords:
        raise ValueError(f"{case.id}: keyword arguments are not supported in cases")
    # One namespace for the whole call, arguments evaluated left to right: a name bound
    # by `:=` in one argument is seen by the next ones, so `f((x := np.zeros(3)), x)`
    # passes one array twice and `f((b := np.arange(6.0))[:4], b[2:])` overlapping views.
    ns = dict(CASE_NAMESPACE)
    with warnings.catch_warnings():
        # `np.matrix(...)` (a refused argument) warns that matrices are not recommended.
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        return [eval(compile(ast.Expression(a), "<case>", "eval"), ns) for a in tree.args]


# --------------------------------------------------------------------------------------
# Comparing results
# --------------------------------------------------------------------------------------

def wrap_int64(v):
    """CPython's exact integer reduced like NumPy int64 (two's complement wrap)."""
    if isinstance(v, bool) or not isinstance(v, int):
        return v
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >= 1 << 63 else v


def map_result(v, fn):
    """Apply `fn` to every scalar of a result (through tuples and lists)."""
    if isinstance(v, tuple):
        return tuple(map_result(x, fn) for x in v)
    if isinstance(v, list):
        return [map_result(x, fn) for x in v]
    return fn(v)


def array_leaves(v, path=()):
    """(path, array) for every NumPy array in a value (through tuples and lists)."""
    if isinstance(v, (tuple, list)):
        for k, x in enumerate(v):
            yield from array_leaves(x, path + (k,))
    elif isinstance(v, np.ndarray):
        yield path, v


# The dtypes an export type can name (`bool`, `int8` ... `complex128`): what an array
# in a case's result or argument must have.
ARRAY_DTYPES = {np.dtype(t) for t in (
    np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
    np.uint64, np.float32, np.float64, np.complex64, np.complex128)}


def check_arrays(v, where="value"):
    """AssertionError if an array inside `v` has a dtype or rank the compiled side cannot
    have (object arrays, float16, 0-d or rank > 5)."""
    for path, a in array_leaves(v):
        assert a.dtype in ARRAY_DTYPES and 1 <= a.ndim <= 5, (
            f"{where}{list(path) if path else ''}: a {a.ndim}-D {a.dtype} array "
            "(supported: ranks 1 to 5 of bool, int8..uint64, float32/64, complex64/128)")


def _elements_strides(a):
    """`a`'s strides in elements, on the axes of more than one element (NumPy itself
    ignores the stride of a length-1 axis); None for an empty array."""
    if a.size == 0:
        return None
    return tuple(s // a.itemsize for s, n in zip(a.strides, a.shape) if n > 1)


def _place_in_base(a):
    """(byte offset of `a`'s first element in its base array, the base's size in bytes)."""
    start = a.__array_interface__["data"][0]
    base_start = a.base.__array_interface__["data"][0]
    return start - base_start, a.base.nbytes


def check_array_identity(where, expected, got, ref_args, comp_args):
    """Arrays in the result (also inside tuples and lists): an argument CPython returns
    (`result is arg`) comes back as the compiled side's own corresponding argument
    object; an array CPython returns that shares no memory with the arguments (a new
    array) shares none on the compiled side either, and two result arrays that are
    independent in CPython are independent in the compiled result. A view of part of an
    argument (a row `a[0]`, `a[1:]`, `a.T`) is a view of the compiled side's
    corresponding argument too (shares its memory, writeable only if CPython's is).

    Views of arrays the kernel created (`out[:k]`, `m.T`, `m[:, j]`, CPython's result
    has an ndarray `base` that is no argument): the compiled result is a NumPy view too,
    with a base array, the same strides (in elements), at the same byte offset in a base
    of the same size, and writeable; two results that share memory in CPython (`return
    out, out[:k]`) share it in the compiled result."""
    ref_arrays = [a for a in ref_args if isinstance(a, np.ndarray)]
    comp_arrays = [a for a in comp_args if isinstance(a, np.ndarray)]
    # Arrays inside list and tuple arguments: results that are views of them are
    # neither new arrays nor views of a (top-level) argument.
    nested = [a for x in ref_args if isinstance(x, (list, tuple)) for _, a in array_leaves(x)]
    exp_leaves = list(array_leaves(expected))
    got_leaves = dict(array_leaves(got))
    for path, e in exp_leaves:
        g = got_leaves[path]
        at = f"result{list(path) if path else ''}"
        same = [i for i, a in enumerate(ref_args) if e is a]
        if same:
            i = same[0]
            assert g is comp_args[i], (
                f"{where}\n  CPython returns its argument {i} itself ({at} is arg {i}); the "
                f"compiled {at} is not the compiled side's argument {i} object")
            continue
        hit = [i for i, a in enumerate(comp_args) if g is a]
        assert not hit, (f"{where}\n  the compiled {at} is argument {hit[0]} itself; "
                         "CPython returns a different array")
        for i, a in enumerate(ref_args):
            if isinstance(a, np.ndarray) and np.shares_memory(e, a):
                assert isinstance(comp_args[i], np.ndarray) and np.shares_memory(g, comp_args[i]), (
                    f"{where}\n  CPython's {at} is a view of argument {i}; the compiled one "
                    "shares no memory with it")
                assert g.flags.writeable == e.flags.writeable, (
                    f"{where}\n  {at}: writeable {g.flags.writeable}, CPython's {e.flags.writeable}")
        if not any(np.shares_memory(e, a) for a in ref_arrays):
            assert not any(np.shares_memory(g, a) for a in comp_arrays), (
                f"{where}\n  CPython's {at} is a new array, the compiled one shares memory "
                "with an argument")
            if isinstance(e.base, np.ndarray) and not any(np.shares_memory(e, a) for a in nested):
                check_created_view(where, at, e, g)
    for k, (p1, e1) in enumerate(exp_leaves):
        for p2, e2 in exp_leaves[k + 1:]:
            g1, g2 = got_leaves[p1], got_leaves[p2]
            if not np.shares_memory(e1, e2):
                assert not np.shares_memory(g1, g2), (
                    f"{where}\n  result{list(p1)} and result{list(p2)} are independent "
                    "arrays in CPython, but share memory in the compiled result")
            elif not any(np.shares_memory(e, a) for e in (e1, e2) for a in nested):
                assert np.shares_memory(g1, g2), (
                    f"{where}\n  result{list(p1)} and result{list(p2)} share memory in "
                    "CPython, but are independent arrays in the compiled result")


def check_created_view(where, at, e, g):
    """CPython's result `e` is a view of an array the kernel created: the compiled `g`
    is a view as well, with the same strides and place in a base of the same size."""
    assert isinstance(g.base, np.ndarray), (
        f"{where}\n  CPython's {at} is a view of an array the kernel created (its base is an "
        f"array); the compiled one is not a view (base {type(g.base).__name__})")
    assert _elements_strides(g) == _elements_strides(e), (
        f"{where}\n  {at}: strides {g.strides}, CPython's {e.strides} (a view of an array "
        "the kernel created)")
    assert _place_in_base(g) == _place_in_base(e), (
        f"{where}\n  {at}: (byte offset in its base, base size) {_place_in_base(g)}, "
        f"CPython's {_place_in_base(e)}: not the same view of the kernel's array")
    assert g.flags.writeable == e.flags.writeable, (
        f"{where}\n  {at}: writeable {g.flags.writeable}, CPython's {e.flags.writeable}")


def flatten(v) -> list:
    """The scalars of a value (through tuples and lists)."""
    if isinstance(v, (tuple, list)):
        return [y for x in v for y in flatten(x)]
    return [v]


def float_bits(x: float) -> int:
    return struct.unpack("<q", struct.pack("<d", x))[0]


# Units in the last place that float results may differ by (`# ulp4` cases: NumPy's
# transcendental functions, whose last bits depend on the CPU; SPEC 9 allows 4).
ULPS = 0


# `# linalg` cases (LU solves, determinants, einsum sums: SPEC 9's "order of NumPy's own
# rounding"): each float or complex result may differ from CPython's by at most
# NORMWISE * eps * (its largest finite magnitude), eps of its dtype; 0 when off.
NORMWISE = 0


def _normwise(expected: np.ndarray, got: np.ndarray) -> bool:
    """`expected` and `got` (float or complex, one shape) agree normwise: the same
    non-finite values at the same places, finite ones within `NORMWISE` epsilons of the
    largest finite magnitude of `expected`."""
    if expected.size == 0:
        return True
    with np.errstate(all="ignore"):
        fin = np.isfinite(expected)
        if not np.array_equal(fin, np.isfinite(got)):
            return False
        same_nonfinite = (expected[~fin] == got[~fin]) | (np.isnan(expected[~fin]) & np.isnan(got[~fin]))
        if not np.all(same_nonfinite):
            return False
        if not fin.any():
            return True
        scale = float(np.max(np.abs(expected[fin])))
        eps = float(np.finfo(expected.dtype).eps)
        return bool(np.all(np.abs(got[fin] - expected[fin]) <= NORMWISE * eps * scale))


def _ulp_key(a: np.ndarray) -> np.ndarray:
    """Floats mapped to integers that count representable values (monotonic)."""
    i = a.view(np.dtype(f"i{a.dtype.itemsize}")).astype(np.int64)
    top = np.int64(-1) << (8 * a.dtype.itemsize - 1) if a.dtype.itemsize < 8 else np.iinfo(np.int64).min
    return np.where(i < 0, top - i, i)


def _same_float(expected, got) -> bool:
    """Bit for bit (so -0.0 != 0.0), except that NaN equals NaN (and `ULPS` apart)."""
    if math.isnan(expected) and math.isnan(got):
        return True
    if NORMWISE:
        t = np.float32 if isinstance(expected, np.float32) else np.float64
        return _normwise(np.array([expected], t), np.array([got], t))
    if isinstance(expected, np.float32):
        e, g = np.array([expected], np.float32), np.array([got], np.float32)
    else:
        e, g = np.array([float(expected)]), np.array([float(got)])
    return _same_float_array(e, g)


def _same_float_array(expected, got) -> bool:
    """Element-wise bit equality of two float arrays of one dtype, NaN == NaN (finite
    values may be `ULPS` units in the last place apart)."""
    uint = np.dtype(f"u{expected.dtype.itemsize}")
    same_bits = expected.view(uint) == got.view(uint)
    both_nan = np.isnan(expected) & np.isnan(got)
    ok = same_bits | both_nan
    if ULPS and not np.all(ok):
        with np.errstate(all="ignore"):
            close = np.isfinite(expected) & np.isfinite(got) & (
                np.abs(_ulp_key(expected) - _ulp_key(got)) <= ULPS)
        ok = ok | close
    return bool(np.all(ok))


def same_array(expected, got) -> bool:
    """NumPy arrays: both exactly `numpy.ndarray`, same dtype, same shape, same values
    (floats bit for bit, NaN == NaN; complex per component). Memory order and strides
    are not compared."""
    if type(expected) is not np.ndarray or type(got) is not np.ndarray:
        return False
    if expected.dtype != got.dtype or expected.shape != got.shape:
        return False
    e, g = np.ascontiguousarray(expected), np.ascontiguousarray(got)
    if NORMWISE and e.dtype.kind in "fc":
        return _normwise(e, g)
    if e.dtype.kind == "f":
        return _same_float_array(e, g)
    if e.dtype.kind == "c":
        return (_same_float_array(np.ascontiguousarray(e.real), np.ascontiguousarray(g.real))
                and _same_float_array(np.ascontiguousarray(e.imag), np.ascontiguousarray(g.imag)))
    return bool(np.array_equal(e, g))


def same_value(expected, got) -> bool:
    """Same Python type and same value, recursively through tuples and lists (same
    length, element by element); floats bit for bit (so -0.0 != 0.0), NaN == NaN;
    complex numbers component by component with the float rule; NumPy arrays with
    `same_array` (dtype, shape, values)."""
    if type(expected) is not type(got):
        return False
    if isinstance(expected, np.ndarray):
        return same_array(expected, got)
    if isinstance(expected, (tuple, list)):
        return len(expected) == len(got) and all(same_value(a, b) for a, b in zip(expected, got))
    if isinstance(expected, (float, np.floating)):
        return _same_float(expected, got)
    if isinstance(expected, (complex, np.complexfloating)):
        if NORMWISE:
            t = np.complex64 if isinstance(expected, np.complex64) else np.complex128
            return _normwise(np.array([expected], t), np.array([got], t))
        if isinstance(expected, np.complex64):
            return (_same_float(expected.real, got.real)
                    and _same_float(expected.imag, got.imag))
        return (_same_float(float(expected.real), float(got.real))
                and _same_float(float(expected.imag), float(got.imag)))
    return expected == got


def _unify_shapes(a, b, where):
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == "tuple" and len(a[1]) == len(b[1]):
        return ("tuple", tuple(_unify_shapes(x, y, where) for x, y in zip(a[1], b[1])))
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == "list":
        return ("list", _unify_shapes(a[1], b[1], where))
    if a == b:
        return a
    raise AssertionError(f"{where}: a list mixes elements of types {_shape_name(a)} and {_shape_name(b)}")


def _shape_name(sh) -> str:
    if sh is None:
        return "?"
    if isinstance(sh, tuple) and sh[0] == "tuple":
        return "(" + ", ".join(_shape_name(x) for x in sh[1]) + ")"
    if isinstance(sh, tuple) and sh[0] == "list":
        return _shape_name(sh[1]) + " list"
    return sh.__name__


def value_shape(v, where="value"):
    """The static type a value needs: a list's elements must all have one Python type
    (the compiled list has one element type), recursively."""
    if isinstance(v, tuple):
        return ("tuple", tuple(value_shape(x, where) for x in v))
    if isinstance(v, list):
        sh = None
        for x in v:
            sh = _unify_shapes(sh, value_shape(x, where), where)
        return ("list", sh)
    return type(v)


def check_homogeneous(v, where="value"):
    """AssertionError if a list inside `v` mixes element types (e.g. `[0, 1.5]`)."""
    value_shape(v, f"{where} {v!r}"[:300])


def show(v) -> str:
    if isinstance(v, np.ndarray):
        flags = "F" if v.ndim > 1 and v.flags.f_contiguous and not v.flags.c_contiguous else ""
        body = np.array2string(v, separator=", ", threshold=60, floatmode="unique")
        body = re.sub(r"\s*\n\s*", " ", body)
        return f"array({body}) [ndarray {v.dtype} shape={v.shape}{' ' + flags if flags else ''}]"
    if isinstance(v, tuple):
        return "(" + ", ".join(show(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    if isinstance(v, (float, np.floating)):
        return f"{v!r} [{type(v).__name__} {float(v).hex()}]"
    if isinstance(v, (complex, np.complexfloating)):
        return (f"{v!r} [{type(v).__name__} {float(v.real).hex()} "
                f"{float(v.imag).hex()}j]")
    return f"{v!r} [{type(v).__name__}]"


# --------------------------------------------------------------------------------------
# Capsules
# --------------------------------------------------------------------------------------

_api = ctypes.pythonapi
_api.PyCapsule_GetName.restype = ctypes.c_char_p
_api.PyCapsule_GetName.argtypes = [ctypes.py_object]
_api.PyCapsule_GetPointer.restype = ctypes.c_void_p
_api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_api.PyCapsule_IsValid.restype = ctypes.c_int
_api.PyCapsule_IsValid.argtypes = [ctypes.py_object, ctypes.c_char_p]


def is_capsule(obj) -> bool:
    return type(obj).__name__ == "PyCapsule"


def capsule_name(cap):
    raw = _api.PyCapsule_GetName(cap)
    return None if raw is None else raw.decode()


def capsule_pointer(cap) -> int:
    name = _api.PyCapsule_GetName(cap)
    ptr = _api.PyCapsule_GetPointer(cap, name)
    if not ptr:
        raise ValueError("capsule holds a NULL pointer")
    return ptr


C_TYPES = {
    "double": ctypes.c_double,
    "float": ctypes.c_float,
    "char": ctypes.c_char,
    "signed char": ctypes.c_byte,
    "unsigned char": ctypes.c_ubyte,
    "short": ctypes.c_short,
    "unsigned short": ctypes.c_ushort,
    "int": ctypes.c_int,
    "unsigned int": ctypes.c_uint,
    "long": ctypes.c_long,
    "unsigned long": ctypes.c_ulong,
    "long long": ctypes.c_longlong,
    "unsigned long long": ctypes.c_ulonglong,
    "int8_t": ctypes.c_int8,
    "int16_t": ctypes.c_int16,
    "int32_t": ctypes.c_int32,
    "int64_t": ctypes.c_int64,
    "uint8_t": ctypes.c_uint8,
    "uint16_t": ctypes.c_uint16,
    "uint32_t": ctypes.c_uint32,
    "uint64_t": ctypes.c_uint64,
    "intptr_t": ctypes.c_ssize_t,
    "npy_intp": ctypes.c_ssize_t,
    "Py_ssize_t": ctypes.c_ssize_t,
    "ssize_t": ctypes.c_ssize_t,
    "uintptr_t": ctypes.c_size_t,
    "npy_uintp": ctypes.c_size_t,
    "size_t": ctypes.c_size_t,
    "_Bool": ctypes.c_bool,
    "bool": ctypes.c_bool,
    "void": None,
}

# export type -> ctypes type (for pointees and scalars of capsule exports)
DTYPE_CTYPES = {
    "bool": ctypes.c_bool,
    "int": ctypes.c_int64,
    "float": ctypes.c_double,
    "int8": ctypes.c_int8,
    "byte": ctypes.c_int8,
    "int16": ctypes.c_int16,
    "int32": ctypes.c_int32,
    "intc": ctypes.c_int,
    "int64": ctypes.c_int64,
    "intp": ctypes.c_ssize_t,
    "uint8": ctypes.c_uint8,
    "uint16": ctypes.c_uint16,
    "uint32": ctypes.c_uint32,
    "uintc": ctypes.c_uint,
    "uint64": ctypes.c_uint64,
    "uintp": ctypes.c_size_t,
    "float32": ctypes.c_float,
    "float64": ctypes.c_double,
}

# SPEC section 5: C spelling of export types
C_SPELLING = {
    "float64": "double",
    "float": "double",
    "float32": "float",
    "int32": "int",
    "intc": "int",
    "intp": "intptr_t",
    "int64": "long",
    "int": "long",
    "void": "void",
}

# SPEC section 5: SciPy's catalogue (the canonical spelling of each entry)
SCIPY_CATALOGUE = [
    "double (double)",
    "double (double, void *)",
    "double (int, double *)",
    "double (int, double *, void *)",
    "int (double *, intptr_t, double *, void *)",
    "int (double *, intptr_t, double *, intptr_t, void *)",
    "int (intptr_t *, double *, int, int, void *)",
]


def c_spelling(t: str) -> str:
    t = t.strip()
    if t.endswith("*"):
        return c_spelling(t[:-1]) + " *"
    block = fixed_block(t)
    if block is not None:
        return c_spelling(block[0]) + " *"  # a block of fixed extents is a pointer
    return C_SPELLING.get(t, t)


def fixed_block(t: str):
    """`float64[3]`, `int64[2,2] order(F)` (a capsule argument of fixed extents) ->
    (dtype, shape, order); None for other types."""
    m = re.match(r"^(\w+)\[(\d+(?:,\d+)*)\](?:\s+order\((C|F)\))?$", t.strip())
    if not m:
        return None
    return m.group(1), tuple(int(d) for d in m.group(2).split(",")), m.group(3) or "C"


def _abi_class(c: str) -> str:
    """ABI class of a C spelling on LP64: long == intptr_t (8-byte signed int)."""
    if c.endswith(" *"):
        return _abi_class(c[:-2]) + " *"
    return {"long": "intptr_t", "long long": "intptr_t", "npy_intp": "intptr_t"}.get(c, c)


def expected_capsule_args(argtypes: list) -> tuple:
    """The argument list SPEC section 5 prescribes for a capsule export, and the
    catalogue entry it matches (or None)."""
    spelled = [c_spelling(t) for t in argtypes]
    for entry in SCIPY_CATALOGUE:
        ret, args = parse_c_signature(entry)
        if len(args) != len(spelled):
            continue
        ok = True
        for i, (want, have) in enumerate(zip(args, spelled)):
            last = i == len(args) - 1
            if want == "void *" and last and (have.endswith(" *")):
                continue  # typed user data in the last slot
            if _abi_class(want) != _abi_class(have):
                ok = False
                break
        if ok:
            return tuple(args), entry
    return tuple(spelled), None


def parse_c_signature(name: str):
    """`double (int, double *, void *)` -> ("double", ["int", "double *", "void *"])."""
    m = re.match(r"^(?P<ret>[A-Za-z_][\w ]*?(?: \*)?) \((?P<args>.*)\)$", name)
    if not m:
        raise ValueError(f"capsule name is not a C signature: {name!r}")
    args = [] if m.group("args") in ("", "void") else m.group("args").split(", ")
    return m.group("ret"), args


def c_type_to_ctypes(c: str):
    c = c.strip()
    if c.endswith("*"):
        base = c[:-1].strip()
        if base == "void":
            return ctypes.c_void_p
        return ctypes.POINTER(C_TYPES[base])
    if c not in C_TYPES:
        raise ValueError(f"unknown C type {c!r} in capsule name")
    return C_TYPES[c]


def capsule_function(cap):
    """A ctypes callable for the capsule, typed from its name. PYFUNCTYPE: called with
    the GIL held (as SciPy does), and a Python error set by the callee is raised."""
    name = capsule_name(cap)
    ret, args = parse_c_signature(name)
    restype = c_type_to_ctypes(ret)
    argtypes = [c_type_to_ctypes(a) for a in args]
    proto = ctypes.PYFUNCTYPE(restype, *argtypes)
    return proto(capsule_pointer(cap)), ret, args


def pointee_ctype(export_type: str, c_arg: str):
    """ctypes type of the elements behind a pointer argument: from the export line
    (a typed user-data pointer is named `void *` but points to e.g. float64)."""
    base = export_type.strip()[:-1].strip()
    if base == "void":
        return None
    return DTYPE_CTYPES[base]


class CapsuleArgs:
    """Build, from a case's Python values, ctypes arguments for the compiled capsule and
    ctypes pointer objects for the CPython reference (separate buffers)."""

    def __init__(self, export: Export, c_args: list, values: list):
        if len(values) != len(export.argtypes):
            raise ValueError(f"{export.name}: case has {len(values)} args, export has {len(export.argtypes)}")
        self.export = export
        self.c_args = c_args
        self.values = values
        self.native_arrays = {}
        self.ref_arrays = {}
        self.native = []
        self.ref = []
        for i, (t, v) in enumerate(zip(export.argtypes, values)):
            t = t.strip()
            block = fixed_block(t)
            if block is not None:
                # The compiled capsule gets a pointer to the block; CPython a NumPy view
                # of its own copy (what a kernel of fixed extents sees).
                dtype, shape, order = block
                elem = DTYPE_CTYPES[dtype]
                flat = np.asarray(v, dtype=np.dtype(dtype)).ravel(order=order).tolist()
                na = (elem * len(flat))(*flat)
                ra = (elem * len(flat))(*flat)
                self.native_arrays[i] = na
                self.ref_arrays[i] = ra
                self.native.append(na)
                self.ref.append(np.ctypeslib.as_array(ra).reshape(shape, order=order))
                continue
            if t.endswith("*"):
                elem = pointee_ctype(t, c_args[i] if i < len(c_args) else "")
                if v is None:
                    self.native.append(None)
                    self.ref.append(None)
                    continue
                if elem is None:
                    raise ValueError(f"{export.name}: arg {i} is void*: pass None in cases")
                vals = list(v) if isinstance(v, (list, tuple)) else [v]
                na = (elem * len(vals))(*vals)
                ra = (elem * len(vals))(*vals)
                self.native_arrays[i] = na
                self.ref_arrays[i] = ra
                self.native.append(ctypes.cast(na, ctypes.c_void_p) if c_args[i] == "void *" else na)
                self.ref.append(ctypes.cast(ra, ctypes.POINTER(elem)))
            else:
                self.native.append(v)
                self.ref.append(v)

    @staticmethod
    def contents(arr):
        return [arr[i] for i in range(len(arr))]

    def arrays_after(self, which: dict) -> dict:
        return {i: self.contents(a) for i, a in which.items()}


def c_value(ret: str, v):
    """Convert CPython's return value to what the C return type holds."""
    if ret == "void":
        return None
    ct = C_TYPES[ret]
    if ct in (ctypes.c_double, ctypes.c_float):
        return ct(float(v)).value
    if ct is ctypes.c_bool:
        return bool(v)
    return ct(int(v)).value


def c_value_elem(v):
    """An element read back from a ctypes array (already a Python scalar)."""
    if isinstance(v, np.generic):
        return v.item()
    return v
