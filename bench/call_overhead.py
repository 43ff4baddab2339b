"""Python call overhead of a trivial array export: ns per call of `trivial(a)` (`a[0]`,
`bench/kernels/arrays.py`) on a 1-element float64 array.

Implementations: Pythran (`arrays_pythran.trivial`), pykernel (`bench_arrays.trivial`,
"n/a" until the `bench/rust-arrays` wheel is built with its `pykernel` feature) and
hand-written pyo3 + rust-numpy functions:

- `trivial_rs`: a `PyReadonlyArray1<f64>` argument (type check plus rust-numpy's
  dynamic borrow tracking), the usual way to take an array;
- `trivial_bound_rs`: a `&Bound<PyArray1<f64>>` argument read with `get_owned` (type
  check only, no borrow tracking);
- `trivial_detach_rs`: `trivial_rs` that also releases the GIL (`py.detach`) around the
  work, as the benchmark's other hand-written functions do.

References: the CPython function itself, and the builtin `len(a)`.

Each is timed with `timeit` (`--number` calls per repeat; the repeats of all functions
interleaved; minimum over `--repeat` repeats), reported in ns per call including
timeit's loop (a few ns, the same for all).

    python call_overhead.py [--number N] [--repeat R] [--pythran-dir DIR]
                            [--json FILE] [--markdown FILE]
"""

import argparse
import importlib
import json
import os
import platform
import sys
import timeit

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "kernels"))

import arrays  # noqa: E402
import bench_arrays  # noqa: E402


def load_pythran(directory):
    if not os.path.isdir(directory):
        return None
    sys.path.insert(0, directory)
    try:
        return importlib.import_module("arrays_pythran")
    except ImportError:
        return None
    finally:
        sys.path.remove(directory)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--number", type=int, default=500_000, help="calls per repeat")
    p.add_argument("--repeat", type=int, default=15, help="repeats (minimum taken)")
    p.add_argument("--pythran-dir", default=os.path.join(HERE, "build", "pythran"))
    p.add_argument("--json", metavar="FILE")
    p.add_argument("--markdown", metavar="FILE")
    args = p.parse_args()

    pythran = load_pythran(args.pythran_dir)
    a = np.zeros(1)
    a[0] = 0.5

    # label -> (callable or None, what)
    candidates = [
        ("pykernel", getattr(bench_arrays, "trivial", None),
         "`bench_arrays.trivial` (pykernel)"),
        ("pythran", getattr(pythran, "trivial", None) if pythran else None,
         "`arrays_pythran.trivial` (Pythran)"),
        ("rust", bench_arrays.trivial_rs,
         "`trivial_rs`: hand pyo3, `PyReadonlyArray1<f64>`"),
        ("rust_bound", bench_arrays.trivial_bound_rs,
         "`trivial_bound_rs`: hand pyo3, `&Bound<PyArray1<f64>>` + `get_owned`"),
        ("rust_detach", bench_arrays.trivial_detach_rs,
         "`trivial_detach_rs`: `trivial_rs` + `py.detach`"),
        ("cpython", arrays.trivial, "`arrays.trivial` run by CPython"),
        ("len", len, "reference: builtin `len(a)`"),
    ]
    funcs = {}
    for label, fn, _ in candidates:
        if fn is None:
            continue
        got = fn(a)
        want = len(a) if fn is len else 0.5
        if got != want:
            sys.exit(f"{label}: trivial(a) gives {got!r}, expected {want!r}")
        funcs[label] = fn

    timers = {label: timeit.Timer("f(a)", globals={"f": fn, "a": a})
              for label, fn in funcs.items()}
    for t in timers.values():                # warm-up
        t.timeit(args.number // 10)
    best = {label: float("inf") for label in timers}
    labels = list(timers)
    for r in range(args.repeat):
        for label in (labels if r % 2 == 0 else labels[::-1]):
            best[label] = min(best[label], timers[label].timeit(args.number))
    ns = {label: best[label] / args.number * 1e9 for label in labels}

    pythran_ns = ns.get("pythran")
    lines = ["| function | ns per call | / Pythran |", "|---|---:|---:|"]
    for label, _, what in candidates:
        if label in ns:
            rel = f"{ns[label] / pythran_ns:.2f}" if pythran_ns else "n/a"
            lines.append(f"| {what} | {ns[label]:.1f} | {rel} |")
        else:
            lines.append(f"| {what} | n/a | n/a |")
    lines.append("")
    if "pykernel" in ns and pythran_ns:
        ok = "met" if ns["pykernel"] <= pythran_ns else "not met"
        lines.append(f"pykernel {ns['pykernel']:.1f} ns vs Pythran {pythran_ns:.1f} ns per "
                     f"call (target: <= Pythran's: {ok}).  ")
    else:
        lines.append("pykernel: n/a (bench_arrays built without the `pykernel` feature).  ")
    lines.append(f"`f(a)` with `a = np.zeros(1)` (float64), timeit: {args.number:,} calls "
                 f"per repeat, min of {args.repeat} interleaved repeats; Python "
                 f"{platform.python_version()}, numpy {np.__version__}.")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"ns_per_call": ns, "number": args.number, "repeat": args.repeat},
                      f, indent=2)


if __name__ == "__main__":
    main()
