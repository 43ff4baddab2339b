#!/usr/bin/env python3
"""Generates the ufunc catalogue of pykernel-build from NumPy's own introspection.

Writes two files (both committed; rerun after a NumPy upgrade and review the diff):

  pykernel-build/src/numpy/ufunc_table.rs
      data only: every ufunc issue 11 supports, with its aliases, `nin`/`nout`, its
      loops in NumPy's search order (`np.<name>.types`, duplicates removed, object
      loops left out), and the type resolver NumPy uses for it; plus NumPy's
      "safe" cast table between the type codes that appear in those loops.

  pykernel-build/tests/fixtures/ufunc_resolution.txt
      NumPy's actual behaviour for every ufunc called on every single/pair of operand
      kinds: the 13 supported dtypes (as arrays: NumPy scalars and 0-d arrays behave
      the same under NEP 50) and Python bool/int/float/complex scalars, on either side.
      For each call: the result dtype or NumPy's exception (class and message), the
      loop dtypes (`ufunc.resolve_dtypes`), and which out-of-range Python ints raise
      `OverflowError`. `numpy::tests` asserts that `resolve` agrees with every line.
      Also `np.round`, `np.real`, `np.imag` and `np.angle` (not ufuncs).

Which type resolver each ufunc has is not visible from Python: RESOLVER below records it
from NumPy's `numpy/_core/code_generators/generate_umath.py` (the `TypeResolver` of
each `Ufunc(...)`; none given means the default linear search), `umathmodule.c` (the
promoter of the logical ufuncs) and `special_integer_comparisons.cpp` (comparisons of
NumPy integers with Python ints). The fixture is what proves the record right.

    .venv/bin/python scripts/gen_ufunc_table.py    # needs numpy==2.4.6 (scripts/venv.sh)
"""

import os
import subprocess
import sys
import warnings

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "pykernel-build", "src", "numpy", "ufunc_table.rs")
FIXTURE = os.path.join(ROOT, "pykernel-build", "tests", "fixtures", "ufunc_resolution.txt")
NUMPY_VERSION = "2.4.6"

# Issue 11's ufuncs, by NumPy's canonical name (`np.<name>.__name__`); aliases come from
# ALIASES below and are checked to be the same objects.
UFUNCS = """
sqrt exp exp2 expm1 log log2 log10 log1p sin cos tan arcsin arccos arctan arctan2 sinh
cosh tanh arcsinh arccosh arctanh hypot power square reciprocal negative positive absolute
fabs sign floor ceil trunc rint remainder fmod floor_divide divide add subtract multiply
minimum maximum fmin fmax copysign deg2rad rad2deg degrees radians isnan isinf isfinite
logical_and logical_or logical_xor logical_not bitwise_and bitwise_or bitwise_xor invert
left_shift right_shift greater less equal not_equal greater_equal less_equal conjugate
""".split()

ALIASES = {"mod": "remainder", "true_divide": "divide", "abs": "absolute", "conj": "conjugate"}

# generate_umath.py's TypeResolver per ufunc (None: PyUFunc_DefaultTypeResolver).
RESOLVER = {
    "add": "Addition",
    "subtract": "Subtraction",
    "multiply": "Multiplication",
    "floor_divide": "Division",
    "divide": "TrueDivision",
    "absolute": "Absolute",
    "negative": "Negative",
    "positive": "SimpleUniform",
    "sign": "SimpleUniform",
    "greater": "Comparison",
    "greater_equal": "Comparison",
    "less": "Comparison",
    "less_equal": "Comparison",
    "equal": "Comparison",
    "not_equal": "Comparison",
    "logical_and": "Comparison",
    "logical_or": "Comparison",
    "logical_xor": "Comparison",
    "maximum": "SimpleUniform",
    "minimum": "SimpleUniform",
    "fmax": "SimpleUniform",
    "fmin": "SimpleUniform",
    "remainder": "Remainder",
    "isnan": "IsFinite",
    "isinf": "IsFinite",
    "isfinite": "IsFinite",
}
# umathmodule.c: install_logical_ufunc_promoter.
LOGICAL_PROMOTER = {"logical_and", "logical_or", "logical_xor"}
# special_integer_comparisons.cpp: (NumPy integer, Python int) loops.
PYINT_COMPARISONS = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}

# Type codes: the supported ones, and the others that appear in loops (kept so that the
# linear search stops at them as NumPy does: `sqrt(int8)` is a float16 loop).
SUPPORTED = {
    "?": "Bool", "b": "Int8", "B": "UInt8", "h": "Int16", "H": "UInt16", "i": "Int32",
    "I": "UInt32", "l": "Int64", "q": "Int64", "L": "UInt64", "Q": "UInt64",
    "f": "Float32", "d": "Float64", "F": "Complex64", "D": "Complex128",
}
OTHER = {"e": "float16", "g": "longdouble", "G": "clongdouble", "m": "timedelta64",
         "M": "datetime64"}
CODES = "?bBhHiIlLqQefdgFDGmM"

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
PY = {"pybool": True, "pyint": 1, "pyfloat": 1.0, "pycomplex": 1 + 0j}
ARGS = DTYPES + list(PY)
# Python ints tried against every loop that takes one (`OverflowError` when out of range).
OVERFLOW_VALUES = [-1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, 2**31 - 1, 2**31,
                   2**32 - 1, 2**32, -129, -32769, -2**31 - 1, -2**63, 2**63 - 1]


def canonical_code(c):
    """`l`/`q` and `L`/`Q` are the same 64-bit types on Linux: keep one spelling."""
    return {"q": "l", "Q": "L"}.get(c, c)


def loops(uf):
    out, seen = [], set()
    for t in uf.types:
        ins, outs = t.split("->")
        if "O" in t:
            continue
        key = "".join(canonical_code(c) for c in ins) + "->" + "".join(
            canonical_code(c) for c in outs)
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def write_table():
    lines = [
        f"//! The ufunc catalogue: generated by `scripts/gen_ufunc_table.py` from NumPy "
        f"{NUMPY_VERSION}.",
        "//! Data only; do not edit (rerun the script). Loops are NumPy's type codes in its",
        "//! search order (`np.<ufunc>.types`, duplicates and object loops removed; `l`/`q`",
        "//! and `L`/`Q` are the same 64-bit types here and are written `l`/`L`).",
        "",
        "use super::{Resolver, UfuncDef};",
        "",
        "/// Every supported ufunc, by NumPy's canonical name.",
        "pub(crate) static UFUNCS: &[UfuncDef] = &[",
    ]
    for name in UFUNCS:
        uf = getattr(np, name)
        assert isinstance(uf, np.ufunc) and uf.__name__ == name, name
        aliases = sorted(a for a, c in ALIASES.items() if c == name)
        for a in aliases:
            assert getattr(np, a) is uf, a
        assert uf.nout == 1, name
        resolver = RESOLVER.get(name, "Default")
        lines.append("    UfuncDef {")
        lines.append(f'        name: "{name}",')
        lines.append(f"        aliases: &[{', '.join(repr(a).replace(chr(39), chr(34)) for a in aliases)}],")
        lines.append(f"        nin: {uf.nin},")
        lines.append(f"        resolver: Resolver::{resolver},")
        lines.append(f"        logical_promoter: {str(name in LOGICAL_PROMOTER).lower()},")
        lines.append(f"        pyint_comparison: {str(name in PYINT_COMPARISONS).lower()},")
        ls = ", ".join(f'"{t}"' for t in loops(uf))
        lines.append(f"        loops: &[{ls}],")
        lines.append("    },")
    lines.append("];")
    lines.append("")
    lines.append("/// NumPy's `can_cast(from, to, \"safe\")` between the loop type codes: each code")
    lines.append("/// with every code it casts to safely.")
    lines.append("pub(crate) static SAFE_CASTS: &[(u8, &str)] = &[")
    codes = [c for c in CODES if c not in "qQ"]
    for f in codes:
        to = "".join(t for t in codes if np.can_cast(np.dtype(f), np.dtype(t), "safe"))
        lines.append(f"    (b'{f}', \"{to}\"),")
    lines.append("];")
    lines.append("")
    os.makedirs(os.path.dirname(TABLE), exist_ok=True)
    with open(TABLE, "w") as f:
        f.write("\n".join(lines))
    # The file is checked by `cargo fmt --check` like the rest of the crate.
    subprocess.run(["rustfmt", "--edition", "2024", TABLE], check=True)
    print(f"wrote {os.path.relpath(TABLE, ROOT)}")


SHORT = {"bool": "b1", "int8": "i1", "int16": "i2", "int32": "i4", "int64": "i8",
         "uint8": "u1", "uint16": "u2", "uint32": "u4", "uint64": "u8", "float16": "f2",
         "float32": "f4", "float64": "f8", "float128": "f16", "complex64": "c8",
         "complex128": "c16", "object": "O", "timedelta64": "m8", "datetime64": "M8"}
PY_SHORT = {"pybool": "Pb", "pyint": "Pi", "pyfloat": "Pf", "pycomplex": "Pc"}


def short(dt):
    return SHORT[np.dtype(dt).name]


def operand(kind, value=None):
    if kind in PY:
        return PY[kind] if value is None else value
    return np.ones(2, dtype=kind)


def resolve_key(kind):
    return {"pybool": np.dtype(bool), "pyint": int, "pyfloat": float,
            "pycomplex": complex}.get(kind) or np.dtype(kind)


class Messages:
    def __init__(self):
        self.index = {}

    def ref(self, exc):
        text = f"{type(exc).__name__}: {exc}"
        assert "\n" not in text and "\t" not in text, text
        if text not in self.index:
            self.index[text] = len(self.index)
        return f"!{self.index[text]}"


def call(fn, args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            return fn(*args)


def ufunc_case(uf, kinds, msgs):
    args = [operand(k) for k in kinds]
    try:
        r = call(uf, args)
        result = short(np.asarray(r).dtype)
    except Exception as e:  # NumPy's own errors are the data
        result = msgs.ref(e)
    try:
        loop = uf.resolve_dtypes(tuple(resolve_key(k) for k in kinds) + (None,))
        loop = ",".join(short(d) for d in loop[: uf.nin]) + "->" + short(loop[-1])
    except Exception:
        loop = "-"
    ovf = []
    if not result.startswith("!"):
        for i, k in enumerate(kinds):
            if k != "pyint":
                continue
            bits = ""
            for v in OVERFLOW_VALUES:
                a = list(args)
                a[i] = v
                try:
                    call(uf, a)
                    bits += "0"
                except OverflowError as e:
                    assert "out of bounds" in str(e), e
                    bits += "1"
                except Exception:  # a value error of the loop itself (power): no overflow
                    bits += "0"
            ovf.append(f"{i}:{bits}")
    return result, loop, " ".join(ovf) or "-"


def other_case(name, fn, kinds, msgs):
    """np.round / real / imag / angle: result dtype, and whether it stays a Python scalar."""
    args = [operand(k) for k in kinds]
    try:
        r = call(fn, args)
        result = short(np.asarray(r).dtype)
        if type(r) in (bool, int, float, complex):
            result = PY_SHORT["py" + type(r).__name__]
    except Exception as e:
        result = msgs.ref(e)
    return result


def write_fixture():
    msgs = Messages()
    rows = []
    for name in UFUNCS:
        uf = getattr(np, name)
        combos = [[a] for a in ARGS] if uf.nin == 1 else [[a, b] for a in ARGS for b in ARGS]
        for kinds in combos:
            result, loop, ovf = ufunc_case(uf, kinds, msgs)
            ks = ",".join(PY_SHORT.get(k) or SHORT[k] for k in kinds)
            rows.append(f"{name}\t{ks}\t{result}\t{loop}\t{ovf}")
    others = {
        "round0": lambda x: np.round(x, 0),
        "round1": lambda x: np.round(x, 1),
        "round-1": lambda x: np.round(x, -1),
        "real": np.real,
        "imag": np.imag,
        "angle": np.angle,
        "angle_deg": lambda x: np.angle(x, deg=True),
    }
    for name, fn in others.items():
        for k in ARGS:
            ks = PY_SHORT.get(k) or SHORT[k]
            rows.append(f"{name}\t{ks}\t{other_case(name, fn, [k], msgs)}\t-\t-")
    header = [
        f"# NumPy {NUMPY_VERSION} ufunc type resolution, generated by scripts/gen_ufunc_table.py.",
        "# ufunc<TAB>operands<TAB>result dtype or !message<TAB>loop (resolve_dtypes)<TAB>overflow",
        "# operands: arrays b1 i1..i8 u1..u8 f4 f8 c8 c16; Python scalars Pb Pi Pf Pc.",
        f"# overflow: per Python int operand, `index:bits`, bit k = 1 when {OVERFLOW_VALUES}[k]",
        "# raises OverflowError (out of bounds for the loop dtype).",
    ]
    for text, i in msgs.index.items():
        header.append(f"@{i}\t{text}")
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w") as f:
        f.write("\n".join(header + rows) + "\n")
    print(f"wrote {os.path.relpath(FIXTURE, ROOT)}: {len(rows)} cases, {len(msgs.index)} messages")


def main():
    if np.__version__ != NUMPY_VERSION:
        sys.exit(f"NumPy {NUMPY_VERSION} expected (scripts/venv.sh), found {np.__version__}")
    write_table()
    write_fixture()


if __name__ == "__main__":
    main()
