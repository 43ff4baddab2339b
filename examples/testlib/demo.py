"""The seed's two SciPy examples, run with the capsules of the `testlib` wheel.

`testlib.f`, `testlib.transform` and `testlib.transform_basic` are compiled by pykernel
from `kernels/testlib.py`; `testlib.c_f` and `testlib.c_transform` are the seed's C code
(`csrc/testlib.c`, -O2). Every result is checked against the C capsule and against a
pure-Python version; then a timing table compares the three.

Run after installing the wheel (scripts/demo.sh does both):

    python demo.py               # checks, then the timing table (~30 s)
    python demo.py --no-timing   # checks only (a second); exit status 1 if one fails
"""

import ctypes
import gc
import sys
import textwrap
import timeit

import numpy as np
import scipy
from scipy import LowLevelCallable, integrate, ndimage

import testlib

FAILURES = []


def check(label, ok, detail=""):
    print(f"  [{'ok' if ok else 'FAIL'}] {label}{(': ' + detail) if detail else ''}")
    if not ok:
        FAILURES.append(label)


def best_times(stmts, repeat=7):
    """{label: stmt} -> {label: seconds per call}: timeit, each sample >= 0.2 s (as
    `python -m timeit`), repeats interleaved across the labels, min over the repeats."""
    timers = {label: timeit.Timer(stmt) for label, stmt in stmts.items()}
    numbers = {label: t.autorange()[0] for label, t in timers.items()}
    best = dict.fromkeys(stmts, float("inf"))
    for _ in range(repeat):
        for label, t in timers.items():
            best[label] = min(best[label], t.timeit(numbers[label]) / numbers[label])
    return best


print(f"numpy {np.__version__}, scipy {scipy.__version__}, Python {sys.version.split()[0]}")
print("capsules from pykernel:")
for name in ("f", "transform", "transform_basic"):
    print(f"  testlib.{name:<16} {getattr(testlib, name)!r}")
print("capsules from C (-O2):")
for name in ("c_f", "c_transform"):
    print(f"  testlib.{name:<16} {getattr(testlib, name)!r}")

# --------------------------------------------------------------------------------------
# 1. integrate.nquad  (SciPy tutorial "Faster integration using low-level callbacks")
# --------------------------------------------------------------------------------------
print("\n== integrate.nquad(LowLevelCallable(f, user_data), [[0, 10], [-10, 0], [-1, 1]]) ==")
c = ctypes.c_double(1.0)
user_data = ctypes.cast(ctypes.pointer(c), ctypes.c_void_p)
dat = [[0, 10], [-10, 0], [-1, 1]]

func = LowLevelCallable(testlib.f, user_data)          # no signature= needed
c_func = LowLevelCallable(testlib.c_f, user_data)
py_c = c.value


def py_func(x, y, z):
    return py_c + x - y * z


res_pk = integrate.nquad(func, dat)
res_c = integrate.nquad(c_func, dat)
res_py = integrate.nquad(py_func, dat)
print(f"  pykernel capsule: {res_pk}")
print(f"  C capsule       : {res_c}")
print(f"  pure Python     : {res_py}")
check("nquad: pykernel == C capsule (bitwise)", res_pk == res_c)
check("nquad: pykernel == pure Python", np.allclose(res_pk[0], res_py[0], rtol=1e-12, atol=0),
      f"{res_pk[0]!r} vs {res_py[0]!r}")
check("nquad: value == 1200", abs(res_pk[0] - 1200.0) < 1e-9, repr(res_pk[0]))

# --------------------------------------------------------------------------------------
# 2. ndimage.geometric_transform  (SciPy ndimage tutorial, C callbacks)
# --------------------------------------------------------------------------------------
print("\n== ndimage.geometric_transform(im, LowLevelCallable(transform, ptr)), shift = 0.5 ==")
shift = 0.5
shift_data = ctypes.c_double(shift)
ptr = ctypes.cast(ctypes.pointer(shift_data), ctypes.c_void_p)

callbacks = {
    "transform (as_array)": LowLevelCallable(testlib.transform, ptr),   # no signature=
    "transform_basic": LowLevelCallable(testlib.transform_basic, ptr),
}
c_callback = LowLevelCallable(testlib.c_transform, ptr)


def py_mapping(output_coordinates):
    return tuple(o - shift for o in output_coordinates)


im = np.arange(12).reshape(4, 3).astype(np.float64)
ref_c = ndimage.geometric_transform(im, c_callback)
ref_py = ndimage.geometric_transform(im, py_mapping)
for label, cb in callbacks.items():
    out = ndimage.geometric_transform(im, cb)
    print(f"  {label}:\n{textwrap.indent(np.array2string(out), '    ')}")
    check(f"geometric_transform {label}: == C capsule (bitwise)", np.array_equal(out, ref_c))
    check(f"geometric_transform {label}: == pure-Python mapping",
          np.allclose(out, ref_py, rtol=1e-12, atol=1e-12))
print(f"  C capsule:\n{textwrap.indent(np.array2string(ref_c), '    ')}")

# A larger image, 3-D too, to exercise ranks other than 2.
rng = np.random.default_rng(0)
big = rng.random((200, 200))
vol = rng.random((12, 10, 8))
for label, cb in callbacks.items():
    check(f"geometric_transform {label}: 200x200 == C capsule",
          np.array_equal(ndimage.geometric_transform(big, cb),
                         ndimage.geometric_transform(big, c_callback)))
    check(f"geometric_transform {label}: 12x10x8 == C capsule",
          np.array_equal(ndimage.geometric_transform(vol, cb),
                         ndimage.geometric_transform(vol, c_callback)))

if FAILURES:
    print(f"\n{len(FAILURES)} check(s) FAILED: {FAILURES}")
    sys.exit(1)

if "--no-timing" in sys.argv[1:]:
    print("\nall checks passed")
    sys.exit(0)

# --------------------------------------------------------------------------------------
# 3. Timing, side by side
# --------------------------------------------------------------------------------------
print("\n== timing (timeit, 7 interleaved repeats, min time per call) ==")
gc.collect()
rows = []
t = best_times({
    "pk": lambda: integrate.nquad(func, dat),
    "c": lambda: integrate.nquad(c_func, dat),
    "py": lambda: integrate.nquad(py_func, dat),
})
rows.append(("nquad, f", t["pk"], t["c"], t["py"]))
for label, cb in callbacks.items():
    t = best_times({
        "pk": lambda: ndimage.geometric_transform(big, cb),
        "c": lambda: ndimage.geometric_transform(big, c_callback),
        "py": lambda: ndimage.geometric_transform(big, py_mapping),
    })
    rows.append((f"geometric_transform 200x200, {label}", t["pk"], t["c"], t["py"]))

head = ("benchmark", "pykernel capsule", "C capsule (-O2)", "pure Python", "pykernel/C", "Python/pykernel")
table = [head] + [
    (name, f"{pk * 1e3:.3f} ms", f"{cc * 1e3:.3f} ms", f"{py * 1e3:.1f} ms", f"{pk / cc:.3f}", f"{py / pk:.0f}x")
    for name, pk, cc, py in rows
]
widths = [max(len(r[i]) for r in table) for i in range(len(head))]
for i, r in enumerate(table):
    print("  " + "  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(r, widths))))
    if i == 0:
        print("  " + "  ".join("-" * w for w in widths))
print("\nall checks passed")
