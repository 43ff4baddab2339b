"""Issue-3 benchmark: scalar/loop kernels, pykernel vs hand-written Rust vs Pythran.

The kernels are `bench/kernels/loops.py` (plain Python). In one process:

- CPython runs the file itself;
- `bench_loops.<name>` is the same file compiled by pykernel (the `bench/rust-loops`
  wheel), `bench_loops.<name>_rs` the same algorithm hand-written in Rust;
- `loops_pythran.<name>` is the same file compiled by Pythran (imported from
  `--pythran-dir`, if present).

Every implementation is first checked against CPython on small inputs (and at the
benchmark size whenever CPython is timed there). Then each kernel is timed with
interleaved repeats (every round calls each compiled implementation once, in an order
that alternates between rounds; the time is the minimum over rounds); CPython is timed
with fewer rounds since it is ~100x slower. Prints a Markdown table.

    python run_loops.py [--rounds N] [--cpython-rounds N] [--quick] [--only a,b]
                        [--pythran-dir DIR] [--json FILE] [--markdown FILE]
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "kernels"))

import loops  # noqa: E402  (CPython runs the kernel file itself)
import bench_loops  # noqa: E402  (the pykernel wheel: pykernel kernels + hand-written Rust)

# kernel -> (benchmark n, small n values checked against CPython).
# Benchmark sizes give 10-100 ms per compiled call on a 2-core AMD EPYC VM.
KERNELS = {
    "collatz_longest": (300_000, [1, 2, 3, 10, 1000, 10_000]),
    "gcd_sum": (1_000, [1, 2, 3, 10, 100]),
    "newton_sqrt_sum": (1_000_000, [1, 2, 3, 10, 1000, 10_000]),
    "int_hash": (6_000_000, [0, 1, 2, 3, 10, 1000, 10_000]),
    "prime_count": (600_000, [0, 1, 2, 3, 10, 1000, 10_000]),
    "pi_leibniz": (30_000_000, [0, 1, 2, 3, 10, 1000, 10_000]),
    "armstrong_count": (2_000_000, [1, 2, 10, 1000, 100_000]),
    "mandel_count": (800, [0, 1, 2, 3, 10, 100]),
    "sieve_count": (5_000_000, [2, 3, 4, 10, 100, 1000, 10_000]),
    "coin_ways": (1_000_000, [0, 1, 2, 5, 10, 200, 1000, 10_000]),
}

# Diagnosis rows (shown unless --no-diag): hand-written Rust variants of a kernel, each
# with one thing written differently (the operation as pykernel's runtime or generated
# code does it, or as proposed), timed interleaved with pykernel and hand Rust.
DIAG = {
    "newton_sqrt_sum": [
        ("diag_newton_sqrt_sum_zero_check", "hand Rust with Python's zero-divisor check before `x / y` (as pykernel's `py_truediv`)"),
    ],
    "gcd_sum": [
        ("diag_gcd_sum_pymod_today", "`%` with the sign fix-up on the result (runtime before the fast path)"),
        ("diag_gcd_sum_pymod_fast", "`%` with the non-negative fast path (runtime now)"),
    ],
    "armstrong_count": [
        ("diag_armstrong_count_ipow_today", "`**` with the u64 square-and-multiply loop (runtime before)"),
        ("diag_armstrong_count_ipow_fast", "`**` with `wrapping_pow` (runtime now)"),
    ],
    "sieve_count": [
        ("diag_sieve_count_incl", "hand Rust with `(i * i..=n).step_by(i)` (inclusive range)"),
        ("diag_sieve_count_while", "hand Rust with a `while` loop for the multiples"),
        ("diag_sieve_count_list", "pykernel's `List<bool>`, the generated code's loop shape"),
        ("diag_sieve_count_idx_today", "`Vec<bool>`, that loop shape, index as `List::get`/`set` today"),
        ("diag_sieve_count_idx_fast", "`Vec<bool>`, that loop shape, index as proposed"),
        ("diag_sieve_count_idx_wrap", "`Vec<bool>`, that loop shape, branch-free wrap `i + ((i >> 63) & len)`"),
    ],
    "coin_ways": [
        ("diag_coin_ways_dyn_coins", "hand Rust, coins read from memory (`black_box`)"),
        ("diag_coin_ways_dyn_rem_euclid", "the same with `rem_euclid` for `%`"),
        ("diag_coin_ways_list_today", "pykernel's `List<i64>`, `get`/`set`, `rem_euclid`"),
        ("diag_coin_ways_idx_today_mod_today", "`Vec<i64>`, i64 indices: index as today, `%` as today"),
        ("diag_coin_ways_idx_fast_mod_today", "`Vec<i64>`: index as proposed, `%` as today"),
        ("diag_coin_ways_idx_today_mod_fast", "`Vec<i64>`: index as today, `%` as proposed"),
        ("diag_coin_ways_idx_fast_mod_fast", "`Vec<i64>`: index and `%` as proposed"),
        ("diag_coin_ways_idx_wrap_mod_fast", "`Vec<i64>`: branch-free wrap index, `%` as proposed"),
    ],
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=21,
                   help="interleaved rounds for the compiled versions (default 21)")
    p.add_argument("--cpython-rounds", type=int, default=1,
                   help="rounds for CPython at the benchmark size (default 1; 0 skips "
                        "timing CPython)")
    p.add_argument("--quick", action="store_true",
                   help="benchmark sizes divided by ~10 (smoke test; not for reporting)")
    p.add_argument("--only", help="comma-separated kernel names")
    p.add_argument("--no-diag", action="store_true", help="skip the diagnosis table")
    p.add_argument("--pythran-dir", default=os.path.join(HERE, "build", "pythran"),
                   help="directory holding loops_pythran*.so (default bench/build/pythran)")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    p.add_argument("--markdown", metavar="FILE", help="also write the tables to FILE")
    return p.parse_args()


def load_pythran(directory):
    """The Pythran-compiled module, or (None, reason)."""
    if not os.path.isdir(directory):
        return None, f"no directory {directory}"
    sys.path.insert(0, directory)
    try:
        return importlib.import_module("loops_pythran"), None
    except ImportError as e:
        return None, f"cannot import loops_pythran from {directory}: {e}"
    finally:
        sys.path.remove(directory)


def same(a, b):
    return type(a) is type(b) and (a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)))


def timed(fn, n):
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        r = fn(n)
        return time.perf_counter() - t0, r
    finally:
        if gc_was_enabled:
            gc.enable()


def check(name, impls, small):
    """Compares every implementation with CPython on the small inputs; returns errors."""
    errors = []
    ref_fn = getattr(loops, name)
    for n in small:
        ref = ref_fn(n)
        for label, fn in impls.items():
            got = fn(n)
            if not same(got, ref):
                errors.append(f"{label}.{name}({n}) = {got!r}, CPython gives {ref!r}")
    return errors


def bench(impls, n, rounds):
    """impls: {label: fn}. Interleaved rounds; returns ({label: min seconds}, {label: result})."""
    labels = list(impls)
    results = {}
    for label in labels:                      # warm-up, and the results at size n
        results[label] = impls[label](n)
    best = {label: math.inf for label in labels}
    for r in range(rounds):
        order = labels if r % 2 == 0 else labels[::-1]
        for label in order:
            dt, _ = timed(impls[label], n)
            best[label] = min(best[label], dt)
    return best, results


def fmt_time(s):
    if s is None or s == math.inf:
        return "n/a"
    if s >= 1.0:
        return f"{s:.2f} s"
    return f"{s * 1e3:.2f} ms"


def fmt_ratio(x):
    return "n/a" if x is None else f"{x:.3f}"


def main():
    args = parse_args()
    names = list(KERNELS)
    if args.only:
        names = [s.strip() for s in args.only.split(",")]
        unknown = [s for s in names if s not in KERNELS]
        if unknown:
            sys.exit(f"unknown kernels: {', '.join(unknown)}")

    pythran, why_not = load_pythran(args.pythran_dir)
    if pythran is None:
        print(f"note: Pythran column skipped ({why_not})", file=sys.stderr)

    failures = []
    rows = []
    for name in names:
        n, small = KERNELS[name]
        if args.quick:
            n = max(1, n // 10) if name not in ("gcd_sum", "mandel_count") else n // 3
        impls = {"pykernel": getattr(bench_loops, name),
                 "rust": getattr(bench_loops, name + "_rs")}
        if pythran is not None:
            impls["pythran"] = getattr(pythran, name)
        failures += check(name, impls, small)

        best, results = bench(impls, n, args.rounds)
        for label in impls:
            if not same(results[label], results["pykernel"]):
                failures.append(f"{name}({n}): {label} gives {results[label]!r}, "
                                f"pykernel gives {results['pykernel']!r}")
        t_py = None
        if args.cpython_rounds > 0:
            fn = getattr(loops, name)
            t_py = math.inf
            for _ in range(args.cpython_rounds):
                dt, r = timed(fn, n)
                t_py = min(t_py, dt)
            if not same(r, results["pykernel"]):
                failures.append(f"{name}({n}): CPython gives {r!r}, pykernel gives "
                                f"{results['pykernel']!r}")
        row = {
            "kernel": name, "n": n, "result": results["pykernel"],
            "cpython_s": t_py, "pykernel_s": best["pykernel"], "rust_s": best["rust"],
            "pythran_s": best.get("pythran"),
            "pykernel_over_rust": best["pykernel"] / best["rust"],
            "pykernel_over_pythran": (best["pykernel"] / best["pythran"]
                                      if "pythran" in best else None),
        }
        rows.append(row)
        print(f"  {name}({n}): pykernel {fmt_time(row['pykernel_s'])}, rust "
              f"{fmt_time(row['rust_s'])}, pythran {fmt_time(row['pythran_s'])}, "
              f"cpython {fmt_time(t_py)}", file=sys.stderr, flush=True)

    diag_rows = []
    if not args.no_diag:
        for name, variants in DIAG.items():
            if name not in names:
                continue
            n = next(r["n"] for r in rows if r["kernel"] == name)
            impls = {"pykernel": getattr(bench_loops, name),
                     "rust": getattr(bench_loops, name + "_rs")}
            for fn, _ in variants:
                impls[fn] = getattr(bench_loops, fn)
            best, results = bench(impls, n, args.rounds)
            for label in impls:
                if not same(results[label], results["rust"]):
                    failures.append(f"diag {name}: {label} gives {results[label]!r}")
            rust = best["rust"]
            diag_rows.append({"kernel": name, "n": n, "variant": "pykernel", "what": "pykernel",
                              "s": best["pykernel"], "over_rust": best["pykernel"] / rust})
            for fn, what in variants:
                diag_rows.append({"kernel": name, "n": n, "variant": fn, "what": what,
                                  "s": best[fn], "over_rust": best[fn] / rust})

    lines = []
    lines.append("| kernel | n | CPython | pykernel | hand Rust | Pythran | pykernel/Rust | pykernel/Pythran |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        lines.append(
            f"| `{r['kernel']}` | {r['n']:,} | {fmt_time(r['cpython_s'])} | "
            f"{fmt_time(r['pykernel_s'])} | {fmt_time(r['rust_s'])} | "
            f"{fmt_time(r['pythran_s'])} | {fmt_ratio(r['pykernel_over_rust'])} | "
            f"{fmt_ratio(r['pykernel_over_pythran'])} |")
    vs_rust = [r["pykernel_over_rust"] for r in rows]
    vs_pythran = [r["pykernel_over_pythran"] for r in rows if r["pykernel_over_pythran"]]
    med_rust = statistics.median(vs_rust)
    med_pythran = statistics.median(vs_pythran) if vs_pythran else None
    lines.append(
        f"| **median** | | | | | | **{fmt_ratio(med_rust)}** | "
        f"**{fmt_ratio(med_pythran)}** |")
    lines.append("")
    over = [r["kernel"] for r in rows if r["pykernel_over_rust"] > 1.10]
    lines.append(f"pykernel/Rust: median {fmt_ratio(med_rust)}, max {max(vs_rust):.3f} "
                 f"(target: each <= 1.10; above: {', '.join(over) if over else 'none'}).  ")
    if med_pythran is not None:
        lines.append(f"pykernel/Pythran: median {fmt_ratio(med_pythran)}, range "
                     f"{min(vs_pythran):.3f}-{max(vs_pythran):.3f} (target: median <= 1.0).")
    else:
        lines.append(f"pykernel/Pythran: not measured ({why_not}).")

    if diag_rows:
        lines.append("")
        lines.append("Diagnosis (hand-written Rust variants, each timed interleaved with "
                     "pykernel and hand Rust; time relative to hand Rust):")
        lines.append("")
        lines.append("| kernel | variant | time | /hand Rust |")
        lines.append("|---|---|---:|---:|")
        for d in diag_rows:
            label = d["what"] if d["variant"] == "pykernel" else f"{d['what']} (`{d['variant']}`)"
            lines.append(f"| `{d['kernel']}` | {label} | {fmt_time(d['s'])} | "
                         f"{d['over_rust']:.3f} |")

    env = (f"Python {platform.python_version()}, numpy "
           f"{importlib.import_module('numpy').__version__}"
           + (f", pythran {_version('pythran')}" if _version("pythran") else "")
           + f"; {args.rounds} interleaved rounds (min), CPython {args.cpython_rounds} "
             f"round(s); {platform.machine()}, {os.cpu_count()} CPUs")
    lines.append("")
    lines.append(env)
    text = "\n".join(lines)
    print(text)

    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": rows, "diag": diag_rows, "median_pykernel_over_rust": med_rust,
                       "median_pykernel_over_pythran": med_pythran, "env": env,
                       "failures": failures}, f, indent=2)

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
