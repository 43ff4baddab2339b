"""Issue-3 benchmark: array loop kernels, pykernel vs hand-written Rust (ndarray) vs Pythran.

The kernels are `bench/kernels/arrays.py` (plain Python loops over NumPy arrays). In one
process:

- CPython runs the file itself;
- `bench_arrays.<name>` is the same file compiled by pykernel (the `bench/rust-arrays`
  wheel built with its `pykernel` feature; "n/a" when the wheel was built without it),
  `bench_arrays.<name>_rs` the same algorithm hand-written in Rust with ndarray, and
  `bench_arrays.<name>_rs_idx` (some kernels) the same with `a[[i, j]]` indexing only;
- `arrays_pythran.<name>` is the same file compiled by Pythran (imported from
  `--pythran-dir`, if present).

Every implementation is first checked against CPython on small inputs (values, dtypes,
shapes, in-place effects). Then each kernel is timed at the benchmark size with
interleaved repeats (every round calls each compiled implementation once, in an order
that alternates between rounds, on fresh copies of in-place arguments made outside the
timer; the time is the minimum over rounds), and the compiled results are compared with
each other. CPython is ~1000x slower here, so by default it is timed at a reduced size
(where its result is compared with the compiled ones too) and its time scaled to the
benchmark size by the operation count (shown with "~"); `--cpython full` times it at the
benchmark size (about 80 s more), `--cpython skip` not at all.
(The estimates agree with direct measurements within the run-to-run noise of CPython
here, about ±30%.) Prints Markdown tables.

    python run_arrays.py [--rounds N] [--cpython reduced|full|skip] [--quick] [--only a,b]
                         [--no-diag] [--pythran-dir DIR] [--json FILE] [--markdown FILE]
"""

import argparse
import gc
import importlib
import importlib.metadata
import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "kernels"))

import arrays  # noqa: E402  (CPython runs the kernel file itself)
import bench_arrays  # noqa: E402  (the wheel: hand-written Rust, and pykernel if built with it)

SEED = 20240603


class Kernel:
    """One kernel: how to make its arguments for a size, which arguments it modifies,
    the benchmark size, small sizes checked against CPython, the reduced size CPython is
    timed at, and the operation count used to scale CPython's time."""

    def __init__(self, name, make, bench, small, reduced, work, label, inplace=(),
                 quick=None):
        self.name, self.make, self.bench, self.small = name, make, bench, small
        self.reduced, self.work, self.label, self.inplace = reduced, work, label, inplace
        self.quick = quick if quick is not None else reduced


def _fw_graph(rng, n, density=0.1):
    d = rng.uniform(1.0, 100.0, (n, n))
    d[rng.random((n, n)) >= density] = np.inf
    np.fill_diagonal(d, 0.0)
    return d


def _sort_input(rng, n, kind):
    if kind == "dups":
        return rng.integers(0, 5, n).astype(np.float64)
    a = rng.random(n)
    if kind == "sorted":
        a.sort()
    elif kind == "reversed":
        a = np.sort(a)[::-1].copy()
    return a


# Benchmark sizes give 5-20 ms per compiled call (2-CPU x86-64 VM).
KERNELS = {k.name: k for k in [
    Kernel("matmul",
           lambda rng, s: (rng.standard_normal(s[:2]), rng.standard_normal(s[1:])),
           bench=(400, 400, 400),
           small=[(1, 1, 1), (2, 3, 4), (7, 5, 6), (16, 16, 16), (0, 3, 2), (3, 0, 2)],
           reduced=(80, 80, 80), quick=(200, 200, 200),
           work=lambda s: s[0] * s[1] * s[2],
           label=lambda s: f"{s[0]}×{s[1]} @ {s[1]}×{s[2]}"),
    Kernel("floyd_warshall",
           lambda rng, s: (_fw_graph(rng, s),),
           bench=400, small=[0, 1, 2, 5, 17, 40], reduced=80, quick=200,
           work=lambda s: s ** 3, label=lambda s: f"{s}×{s}", inplace=(0,)),
    Kernel("stencil5",
           lambda rng, s: (rng.random(s[:2]), s[2]),
           bench=(500, 500, 50),
           small=[(1, 1, 3), (2, 5, 2), (3, 3, 1), (6, 7, 3), (10, 12, 5), (8, 8, 0)],
           reduced=(100, 100, 50), quick=(500, 500, 10),
           work=lambda s: max(s[0] - 2, 0) * max(s[1] - 2, 0) * s[2],
           label=lambda s: f"{s[0]}×{s[1]}, {s[2]} sweep{'' if s[2] == 1 else 's'}"),
    Kernel("conv1d",
           lambda rng, s: (rng.standard_normal(s[0]), rng.standard_normal(s[1])),
           bench=(1_000_000, 31),
           small=[(1, 1), (5, 1), (5, 5), (50, 7), (300, 31)],
           reduced=(50_000, 31), quick=(200_000, 31),
           work=lambda s: (s[0] - s[1] + 1) * s[1],
           label=lambda s: f"{s[0]:,} ⋆ {s[1]}"),
    # Normal data, bins over ±3σ (0.27% of the values clamped to the end bins); the
    # small sizes use σ = 2 (13% outside) to exercise the clamp.
    Kernel("histogram",
           lambda rng, s: (rng.normal(0.0, s[2], s[0]), s[1], -3.0, 3.0),
           bench=(4_000_000, 100, 1.0),
           small=[(0, 5, 2.0), (10, 1, 2.0), (100, 7, 2.0), (1000, 100, 2.0)],
           reduced=(400_000, 100, 1.0), quick=(1_000_000, 100, 1.0),
           work=lambda s: s[0], label=lambda s: f"{s[0]:,} → {s[1]} bins"),
    Kernel("insertion_sort",
           lambda rng, s: (_sort_input(rng, *s),),
           bench=(10_000, "random"),
           small=[(0, "random"), (1, "random"), (2, "random"), (10, "random"),
                  (100, "dups"), (200, "sorted"), (200, "reversed"), (500, "random")],
           reduced=(2_000, "random"), quick=(3_000, "random"),
           work=lambda s: s[0] ** 2, label=lambda s: f"{s[0]:,} random floats",
           inplace=(0,)),
    Kernel("trivial",
           lambda rng, s: (rng.random(s),),
           bench=None, small=[1, 5], reduced=None,
           work=None, label=lambda s: f"{s}"),
]}

LABELS = {"pykernel": "pykernel", "rust": "hand Rust", "rust_idx": "hand Rust [[i, j]]",
          "pythran": "Pythran"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=21,
                   help="interleaved rounds for the compiled versions (default 21)")
    p.add_argument("--cpython", choices=["reduced", "full", "skip"], default="reduced",
                   help="time CPython at a reduced size and scale (default), at the "
                        "benchmark size, or not at all")
    p.add_argument("--cpython-rounds", type=int,
                   help="CPython runs per kernel, minimum taken (default 3 at the reduced "
                        "size, 1 at the full size)")
    p.add_argument("--quick", action="store_true",
                   help="smaller benchmark sizes (smoke test; not for reporting)")
    p.add_argument("--only", help="comma-separated kernel names")
    p.add_argument("--no-diag", action="store_true",
                   help="skip the `[[i, j]]`-only hand-written variants")
    p.add_argument("--pythran-dir", default=os.path.join(HERE, "build", "pythran"),
                   help="directory holding arrays_pythran*.so (default bench/build/pythran)")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    p.add_argument("--markdown", metavar="FILE", help="also write the tables to FILE")
    return p.parse_args()


def load_pythran(directory):
    """The Pythran-compiled module, or (None, reason)."""
    if not os.path.isdir(directory):
        return None, f"no directory {directory}"
    sys.path.insert(0, directory)
    try:
        return importlib.import_module("arrays_pythran"), None
    except ImportError as e:
        return None, f"cannot import arrays_pythran from {directory}: {e}"
    finally:
        sys.path.remove(directory)


def same(a, b):
    """Equal results: arrays by dtype, shape and values (NaN equal to NaN); scalars by
    value (CPython's `a[0]` is a numpy.float64, compiled code may return a float)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.dtype == b.dtype and a.shape == b.shape
                and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if a is None or b is None:
        return a is None and b is None
    return a == b or (math.isnan(a) and math.isnan(b))


def describe(x):
    if isinstance(x, np.ndarray):
        return f"array(dtype={x.dtype}, shape={x.shape}, {np.array2string(x, threshold=8)})"
    return repr(x)


def fresh(args, inplace):
    """The arguments, with copies of those the kernel modifies."""
    return tuple(a.copy() if i in inplace else a for i, a in enumerate(args))


def call(fn, args, inplace):
    """Calls fn on fresh copies; returns (outcome, seconds): outcome is the return
    value followed by the modified arguments after the call."""
    args = fresh(args, inplace)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        r = fn(*args)
        dt = time.perf_counter() - t0
    finally:
        if gc_was_enabled:
            gc.enable()
    return (r,) + tuple(args[i] for i in inplace), dt


def compare(kernel, size, outcomes, ref_label, failures):
    ref = outcomes[ref_label]
    what = ["return value"] + [f"argument {i} after the call" for i in kernel.inplace]
    for label, out in outcomes.items():
        for k, (got, want) in enumerate(zip(out, ref)):
            if not same(got, want):
                failures.append(f"{kernel.name}{size}: {what[k]}: {label} gives "
                                f"{describe(got)}, {ref_label} gives {describe(want)}")


def check(kernel, impls, failures):
    """Compares every implementation with CPython on the small inputs."""
    for i, size in enumerate(kernel.small):
        args = kernel.make(np.random.default_rng(SEED + i), size)
        outcomes = {"CPython": call(getattr(arrays, kernel.name), args, kernel.inplace)[0]}
        for label, fn in impls.items():
            try:
                outcomes[label] = call(fn, args, kernel.inplace)[0]
            except Exception as e:  # noqa: BLE001  (reported as a mismatch)
                failures.append(f"{kernel.name}{size}: {label} raises {e!r}")
        compare(kernel, size, outcomes, "CPython", failures)


def bench(kernel, impls, args, rounds, failures, size):
    """Interleaved rounds; returns {label: min seconds}; checks the results agree."""
    outcomes = {}
    for label, fn in impls.items():           # warm-up, and the results at this size
        try:
            outcomes[label] = call(fn, args, kernel.inplace)[0]
        except Exception as e:  # noqa: BLE001  (reported; the column becomes n/a)
            failures.append(f"{kernel.name}{size}: {label} raises {e!r}")
    labels = list(outcomes)
    compare(kernel, size, outcomes, labels[0], failures)
    best = {label: math.inf for label in labels}
    for r in range(rounds):
        for label in (labels if r % 2 == 0 else labels[::-1]):
            best[label] = min(best[label], call(impls[label], args, kernel.inplace)[1])
    return best, outcomes[labels[0]]


def fmt_time(s, approx=False):
    if s is None or s == math.inf:
        return "n/a"
    t = f"{s:.2f} s" if s >= 1.0 else f"{s * 1e3:.2f} ms"
    return "~" + t if approx else t


def fmt_ratio(x):
    return "n/a" if x is None else f"{x:.3f}"


def ratio(best, a, b):
    return best[a] / best[b] if a in best and b in best else None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main():
    args = parse_args()
    names = [n for n in KERNELS if KERNELS[n].bench is not None]
    if args.only:
        names = [s.strip() for s in args.only.split(",")]
        unknown = [s for s in names if s not in KERNELS]
        if unknown:
            sys.exit(f"unknown kernels: {', '.join(unknown)}")

    pythran, why_not = load_pythran(args.pythran_dir)
    if pythran is None:
        print(f"note: Pythran column skipped ({why_not})", file=sys.stderr)
    has_pykernel = all(hasattr(bench_arrays, n) for n in KERNELS)
    if not has_pykernel:
        print("note: pykernel column n/a (bench_arrays was built without the `pykernel` "
              "feature, or lacks some kernels)", file=sys.stderr)

    failures = []
    rows = []
    # Correctness first, for every kernel (including `trivial`, timed by call_overhead.py).
    for name in (names + ["trivial"] if "trivial" not in names else names):
        kernel = KERNELS[name]
        impls = {}
        if hasattr(bench_arrays, name):
            impls["pykernel"] = getattr(bench_arrays, name)
        for suffix in ("_rs", "_rs_idx", "_bound_rs", "_detach_rs"):
            if hasattr(bench_arrays, name + suffix):
                impls[name + suffix] = getattr(bench_arrays, name + suffix)
        if pythran is not None:
            impls["pythran"] = getattr(pythran, name)
        check(kernel, impls, failures)
    if failures:
        print("MISMATCHES against CPython on small inputs:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)

    for name in names:
        kernel = KERNELS[name]
        if kernel.bench is None:
            continue
        size = kernel.quick if args.quick else kernel.bench
        impls = {}
        if hasattr(bench_arrays, name):
            impls["pykernel"] = getattr(bench_arrays, name)
        impls["rust"] = getattr(bench_arrays, name + "_rs")
        if not args.no_diag and hasattr(bench_arrays, name + "_rs_idx"):
            impls["rust_idx"] = getattr(bench_arrays, name + "_rs_idx")
        if pythran is not None:
            impls["pythran"] = getattr(pythran, name)
        bench_args = kernel.make(np.random.default_rng(SEED), size)
        best, _ = bench(kernel, impls, bench_args, args.rounds, failures, size)

        t_py, approx, py_size = None, False, None
        if args.cpython != "skip":
            py_size = size if args.cpython == "full" else kernel.reduced
            py_args = (bench_args if py_size == size
                       else kernel.make(np.random.default_rng(SEED + 1000), py_size))
            cpython_rounds = args.cpython_rounds or (1 if args.cpython == "full" else 3)
            t_py = math.inf
            for _ in range(cpython_rounds):
                out, dt = call(getattr(arrays, name), py_args, kernel.inplace)
                t_py = min(t_py, dt)
            outcomes = {"CPython": out}
            for label, fn in impls.items():
                if label in best:
                    outcomes[label] = call(fn, py_args, kernel.inplace)[0]
            compare(kernel, py_size, outcomes, "CPython", failures)
            if py_size != size:
                t_py *= kernel.work(size) / kernel.work(py_size)
                approx = True

        row = {
            "kernel": name, "size": size, "size_label": kernel.label(size),
            "cpython_s": t_py, "cpython_estimated": approx,
            "cpython_size": py_size,
            "pykernel_s": best.get("pykernel"), "rust_s": best.get("rust"),
            "rust_idx_s": best.get("rust_idx"), "pythran_s": best.get("pythran"),
            "pykernel_over_rust": ratio(best, "pykernel", "rust"),
            "pykernel_over_pythran": ratio(best, "pykernel", "pythran"),
            "pythran_over_rust": ratio(best, "pythran", "rust"),
        }
        rows.append(row)
        print(f"  {name} {row['size_label']}: " + ", ".join(
            f"{LABELS[k]} {fmt_time(v)}" for k, v in best.items())
            + f", CPython {fmt_time(t_py, approx)}", file=sys.stderr, flush=True)

    lines = []
    lines.append("| kernel | size | CPython | pykernel | hand Rust (ndarray) | Pythran | "
                 "pykernel/Rust | pykernel/Pythran | Pythran/Rust |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        lines.append(
            f"| `{r['kernel']}` | {r['size_label']} | "
            f"{fmt_time(r['cpython_s'], r['cpython_estimated'])} | "
            f"{fmt_time(r['pykernel_s'])} | {fmt_time(r['rust_s'])} | "
            f"{fmt_time(r['pythran_s'])} | {fmt_ratio(r['pykernel_over_rust'])} | "
            f"{fmt_ratio(r['pykernel_over_pythran'])} | {fmt_ratio(r['pythran_over_rust'])} |")

    def med(key):
        vals = [r[key] for r in rows if r[key] is not None]
        return (statistics.median(vals), min(vals), max(vals)) if vals else None

    m_rust, m_pythran, m_pr = med("pykernel_over_rust"), med("pykernel_over_pythran"), \
        med("pythran_over_rust")
    lines.append(f"| **median** | | | | | | **{fmt_ratio(m_rust and m_rust[0])}** | "
                 f"**{fmt_ratio(m_pythran and m_pythran[0])}** | "
                 f"**{fmt_ratio(m_pr and m_pr[0])}** |")
    lines.append("")
    if m_rust is not None:
        over = [r["kernel"] for r in rows
                if r["pykernel_over_rust"] is not None and r["pykernel_over_rust"] > 1.10]
        lines.append(f"pykernel/Rust: median {m_rust[0]:.3f}, max {m_rust[2]:.3f} (target: "
                     f"each <= 1.10; above: {', '.join(over) if over else 'none'}).  ")
    else:
        lines.append("pykernel/Rust: not measured (no pykernel kernels in bench_arrays: "
                     "built without the `pykernel` feature).  ")
    if m_pythran is not None:
        worse = [r["kernel"] for r in rows if r["pykernel_over_pythran"] is not None
                 and r["pykernel_over_pythran"] > 1.3]
        lines.append(f"pykernel/Pythran: median {m_pythran[0]:.3f}, range "
                     f"{m_pythran[1]:.3f}-{m_pythran[2]:.3f} (target: median <= 1.0, none "
                     f"above 1.3; above 1.3: {', '.join(worse) if worse else 'none'}).  ")
    else:
        lines.append("pykernel/Pythran: not measured"
                     + (f" ({why_not})." if pythran is None else " (no pykernel kernels).")
                     + "  ")
    if m_pr is not None:
        lines.append(f"Pythran/Rust: median {m_pr[0]:.3f}, range {m_pr[1]:.3f}-"
                     f"{m_pr[2]:.3f}.")
    if args.cpython == "reduced":
        lines.append("")
        lines.append(f"CPython (~): timed at a reduced size (min of "
                     f"{args.cpython_rounds or 3} runs; "
                     + "; ".join(f"`{r['kernel']}` {KERNELS[r['kernel']].label(r['cpython_size'])}"
                                 for r in rows)
                     + ") and scaled to the benchmark size by the operation count "
                       "(`--cpython full` measures it directly).")

    diag = [r for r in rows if r["rust_idx_s"] is not None and r["rust_s"] is not None]
    if diag:
        lines.append("")
        lines.append("Hand-written Rust with `a[[i, j]]` element indexing only, line by line "
                     "as the Python (times relative to the idiomatic hand-written Rust):")
        lines.append("")
        lines.append("| kernel | hand Rust (ndarray) | hand Rust, `[[i, j]]` only | pykernel | "
                     "Pythran |")
        lines.append("|---|---:|---:|---:|---:|")
        for r in diag:
            rel = [fmt_ratio(r[k] / r["rust_s"] if r[k] is not None else None)
                   for k in ("rust_idx_s", "pykernel_s", "pythran_s")]
            lines.append(f"| `{r['kernel']}` | {fmt_time(r['rust_s'])} | {rel[0]} | "
                         f"{rel[1]} | {rel[2]} |")

    env = (f"Python {platform.python_version()}, numpy {np.__version__}"
           + (f", pythran {_version('pythran')}" if _version("pythran") else "")
           + f"; pykernel kernels {'present' if has_pykernel else 'absent (n/a)'}"
           + f"; {args.rounds} interleaved rounds (min); {cpu_model()}, "
             f"{os.cpu_count()} CPUs")
    lines.append("")
    lines.append(env)
    text = "\n".join(lines)
    print(text)

    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "has_pykernel": has_pykernel,
                       "median_pykernel_over_rust": m_rust and m_rust[0],
                       "median_pykernel_over_pythran": m_pythran and m_pythran[0],
                       "median_pythran_over_rust": m_pr and m_pr[0],
                       "env": env, "failures": failures}, f, indent=2)

    if failures:
        print("\nRESULT MISMATCHES:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)


def _version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


if __name__ == "__main__":
    main()
