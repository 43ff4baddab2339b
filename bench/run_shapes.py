"""Issue-10 benchmark: loop kernels in varied styles (`bench/kernels/loop_shapes.py`).

In one process, for each kernel:

- CPython runs the file itself (checked against on small inputs only: it is ~100x
  slower);
- `bench_shapes.<name>`: pykernel, as shipped (bounds checks on);
- `bench_shapes.nocheck.<name>`: pykernel with `Config::bounds_checks(false)`;
- `loop_shapes_pythran.<name>`: Pythran 0.19 -O3 (from `--pythran-dir`, if present).

Every implementation is first compared with CPython on small inputs (return values and
in-place effects), then timed at the benchmark size with interleaved rounds (the order
alternates between rounds; in-place arguments are fresh copies made outside the timer;
the time is the minimum over rounds). Prints a Markdown table with the ratios
pykernel/Pythran and pykernel/no-checks, and their medians.

    python run_shapes.py [--rounds N] [--only a,b] [--pythran-dir DIR] [--markdown FILE]
"""

import argparse
import gc
import importlib
import math
import os
import statistics
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "kernels"))

import loop_shapes  # noqa: E402  (CPython runs the kernel file itself)
import bench_shapes  # noqa: E402  (pykernel, checked and unchecked)

SEED = 20261207


def rng_for(i):
    return np.random.default_rng(SEED + i)


def lower_tri(r, n):
    a = np.tril(r.uniform(-1.0, 1.0, (n, n)))
    a[np.diag_indices(n)] = r.uniform(1.0, 2.0, n)
    return a


# name -> (args maker(rng, size), benchmark size, small sizes, in-place argument indices)
KERNELS = {
    "conv_reversed": (lambda r, n: (r.standard_normal(n), r.standard_normal(31),
                                    np.zeros(max(n - 30, 0))),
                      1_000_000, [31, 40, 100], (2,)),
    "hist_foreach": (lambda r, n: (r.normal(0.0, 1.0, n), 100, -3.0, 3.0),
                     4_000_000, [0, 1, 10, 1000], ()),
    "wrap_stencil": (lambda r, n: (r.random(n), 20), 1_000_000, [1, 2, 3, 50], ()),
    "decimate": (lambda r, n: (r.random(n), 3), 6_000_000, [2, 3, 4, 100], ()),
    "zip_dot": (lambda r, n: (r.random(n), r.random(n)), 4_000_000, [0, 1, 100], ()),
    "forward_subst": (lambda r, n: (lower_tri(r, n), r.random(n)), 2000, [1, 2, 30], ()),
    "while_top": (lambda r, n: (r.random(n), np.zeros(n)), 4_000_000, [1, 2, 100], (1,)),
    "pair_sums": (lambda r, n: (r.random(n), np.zeros(n // 2 + 1)), 6_000_000,
                  [0, 1, 2, 3, 101], (1,)),
    "mirror_smooth": (lambda r, n: (r.random(n), np.zeros(n)), 4_000_000, [3, 4, 100], (1,)),
    "enum_scale": (lambda r, n: (r.random(n), r.random(n), np.ones(n)), 4_000_000,
                   [1, 2, 100], (2,)),
    "suffix_sums": (lambda r, n: (r.random(n), np.zeros(n)), 4_000_000, [1, 2, 100], (1,)),
    "clamp_gather": (lambda r, n: (r.random(n), 7, np.zeros(n)), 4_000_000,
                     [1, 2, 5, 100], (2,)),
    "life_steps": (lambda r, n: ((r.random((n, n)) < 0.3).astype(np.int64), 5), 300,
                   [1, 2, 5, 17], ()),
    "down_count": (lambda r, n: (r.random(n), 0.5), 6_000_000, [0, 1, 100], ()),
    "rows_foreach": (lambda r, n: (r.random((n, n)),), 2000, [0, 1, 3], ()),
    "ema": (lambda r, n: (r.random(n), 0.25), 4_000_000, [0, 1, 2, 100], ()),
    "torus_blur": (lambda r, n: (r.random((n, n)),), 1000, [1, 2, 5], ()),
    "first_above": (lambda r, n: (np.linspace(0.0, 1.0, n), 0.999), 4_000_000,
                    [0, 1, 100], ()),
    "sym_dot": (lambda r, n: (r.random((n, n)),), 1500, [0, 1, 2, 9], ()),
    "bubble_pass": (lambda r, n: (r.random(n), 3), 1_000_000, [0, 1, 2, 50], (0,)),
    "gather_sum": (lambda r, n: (r.random(n), r.integers(-n, n, n) if n else
                                 np.zeros(0, np.int64)), 4_000_000, [0, 1, 100], ()),
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=21)
    p.add_argument("--only", help="comma-separated kernel names")
    p.add_argument("--pythran-dir", default=os.path.join(HERE, "build", "pythran"))
    p.add_argument("--markdown", metavar="FILE")
    return p.parse_args()


def load_pythran(directory):
    if not os.path.isdir(directory):
        return None
    sys.path.insert(0, directory)
    try:
        return importlib.import_module("loop_shapes_pythran")
    except ImportError:
        return None
    finally:
        sys.path.remove(directory)


def same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.dtype == b.dtype and a.shape == b.shape
                and np.array_equal(a, b, equal_nan=True))
    return a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b))


def call(fn, args, inplace):
    args = tuple(a.copy() if i in inplace else a for i, a in enumerate(args))
    gc.disable()
    try:
        t0 = time.perf_counter()
        r = fn(*args)
        dt = time.perf_counter() - t0
    finally:
        gc.enable()
    return (r,) + tuple(args[i] for i in inplace), dt


def main():
    opts = parse_args()
    pythran = load_pythran(opts.pythran_dir)
    names = opts.only.split(",") if opts.only else list(KERNELS)
    failures = []
    rows = []
    for name in names:
        make, size, small, inplace = KERNELS[name]
        impls = {"pykernel": getattr(bench_shapes, name),
                 "no checks": getattr(bench_shapes.nocheck, name)}
        if pythran is not None:
            impls["Pythran"] = getattr(pythran, name)
        for i, s in enumerate(small):
            args = make(rng_for(i), s)
            want = call(getattr(loop_shapes, name), args, inplace)[0]
            for label, fn in impls.items():
                try:
                    got = call(fn, args, inplace)[0]
                except Exception as e:  # noqa: BLE001
                    failures.append(f"{name}({s}): {label} raises {e!r}")
                    continue
                if not all(same(g, w) for g, w in zip(got, want)):
                    failures.append(f"{name}({s}): {label} gives {got!r}, CPython {want!r}")
        args = make(rng_for(99), size)
        best = {label: math.inf for label in impls}
        for label, fn in impls.items():
            call(fn, args, inplace)
        labels = list(impls)
        for r in range(opts.rounds):
            for label in (labels if r % 2 == 0 else labels[::-1]):
                best[label] = min(best[label], call(impls[label], args, inplace)[1])
        rows.append((name, size, best))
        print(f"{name}: " + ", ".join(f"{k} {v * 1e3:.2f} ms" for k, v in best.items()),
              file=sys.stderr)
    lines = ["| kernel | size | pykernel | no checks | Pythran | pk / Pythran | pk / no checks |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    vs_py, vs_nc = [], []
    for name, size, best in rows:
        pk, nc, py = best["pykernel"], best["no checks"], best.get("Pythran")
        r_nc = pk / nc
        vs_nc.append(r_nc)
        if py is not None:
            vs_py.append(pk / py)
        py_s = f"{py * 1e3:.2f} ms" if py is not None else "n/a"
        r_py = f"{pk / py:.3f}" if py is not None else "n/a"
        lines.append(f"| {name} | {size:,} | {pk * 1e3:.2f} ms | {nc * 1e3:.2f} ms | {py_s} "
                     f"| {r_py} | {r_nc:.3f} |")
    med_py = f"**{statistics.median(vs_py):.3f}**" if vs_py else "n/a"
    lines.append(f"| **median** | | | | | {med_py} | **{statistics.median(vs_nc):.3f}** |")
    table = "\n".join(lines)
    print(table)
    if opts.markdown:
        with open(opts.markdown, "w") as f:
            f.write(table + "\n")
    if failures:
        print("\nMISMATCHES:\n" + "\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
