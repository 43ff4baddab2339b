"""Benchmark: pykernel capsules vs the same callbacks in C (gcc -O2), side by side.

One process, interleaved repeats (every round times each implementation once, in
alternating order), min time per call over all rounds, ratio pykernel/C. Prints a
Markdown table.

    python bench.py [--rounds N] [--sample-seconds S] [--size N] [--json FILE] [--strict]

--strict exits with status 1 when a ratio exceeds its target. The last rows are A/A
measurements (the C capsule against itself) that show the noise floor of the machine.
"""

import argparse
import ctypes
import gc
import json
import platform
import sys
import time

import numpy as np
import scipy
from scipy import LowLevelCallable, integrate, ndimage

import testlib


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=25, help="interleaved rounds (default 25)")
    p.add_argument("--sample-seconds", type=float, default=0.05,
                   help="approximate duration of one timed sample (default 0.05)")
    p.add_argument("--size", type=int, default=200, help="image side for geometric_transform")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 if a ratio exceeds its target")
    return p.parse_args()


def calibrate(fn, seconds):
    """Number of calls of `fn` that take about `seconds`."""
    fn()
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt >= seconds / 4:
            return max(1, round(n * seconds / dt))
        n *= 2


def sample(fn, number):
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        return (time.perf_counter() - t0) / number
    finally:
        if gc_was_enabled:
            gc.enable()


def run_case(impls, rounds, seconds):
    """impls: {label: fn}. Returns {label: min seconds per call}."""
    labels = list(impls)
    number = calibrate(impls[labels[-1]], seconds)
    for fn in impls.values():       # warm up every implementation
        sample(fn, max(1, number // 4))
    best = {label: float("inf") for label in labels}
    for r in range(rounds):
        order = labels if r % 2 == 0 else labels[::-1]
        for label in order:
            best[label] = min(best[label], sample(impls[label], number))
    return best, number


def main():
    args = parse_args()

    c = ctypes.c_double(1.0)
    user_data = ctypes.cast(ctypes.pointer(c), ctypes.c_void_p)
    dat = [[0, 10], [-10, 0], [-1, 1]]
    f_pk = LowLevelCallable(testlib.f, user_data)
    f_c = LowLevelCallable(testlib.c_f, user_data)

    shift = ctypes.c_double(0.5)
    ptr = ctypes.cast(ctypes.pointer(shift), ctypes.c_void_p)
    tr_pk = LowLevelCallable(testlib.transform, ptr)
    trb_pk = LowLevelCallable(testlib.transform_basic, ptr)
    tr_c = LowLevelCallable(testlib.c_transform, ptr)
    im = np.random.default_rng(0).random((args.size, args.size))

    # Same results first: a fast wrong answer is not a result.
    assert integrate.nquad(f_pk, dat) == integrate.nquad(f_c, dat)
    ref = ndimage.geometric_transform(im, tr_c)
    assert np.array_equal(ndimage.geometric_transform(im, tr_pk), ref)
    assert np.array_equal(ndimage.geometric_transform(im, trb_pk), ref)

    side = f"{args.size}x{args.size}"
    cases = [
        ("nquad, f (seed example 1)", 1.03,
         lambda: integrate.nquad(f_pk, dat), lambda: integrate.nquad(f_c, dat)),
        (f"geometric_transform {side}, transform_basic (loop)", 1.03,
         lambda: ndimage.geometric_transform(im, trb_pk), lambda: ndimage.geometric_transform(im, tr_c)),
        (f"geometric_transform {side}, transform (as_array)", 1.05,
         lambda: ndimage.geometric_transform(im, tr_pk), lambda: ndimage.geometric_transform(im, tr_c)),
        ("A/A noise floor: nquad, C vs C", None,
         lambda: integrate.nquad(f_c, dat), lambda: integrate.nquad(f_c, dat)),
        (f"A/A noise floor: geometric_transform {side}, C vs C", None,
         lambda: ndimage.geometric_transform(im, tr_c), lambda: ndimage.geometric_transform(im, tr_c)),
    ]

    results = []
    for name, target, pk, cc in cases:
        best, number = run_case({"pykernel": pk, "C": cc}, args.rounds, args.sample_seconds)
        ratio = best["pykernel"] / best["C"]
        results.append({"benchmark": name, "pykernel_s": best["pykernel"], "c_s": best["C"],
                        "ratio": ratio, "target": target, "calls_per_sample": number,
                        "ok": target is None or ratio <= target})
        print(f"  measured {name}: ratio {ratio:.3f}", file=sys.stderr)

    print(f"\npykernel capsules vs C (gcc -O2), one process, {args.rounds} interleaved rounds, "
          f"min time per call  \n"
          f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"{platform.machine()}\n")
    print("| benchmark | pykernel | C (gcc -O2) | pykernel/C | target | |")
    print("|---|---:|---:|---:|---:|---|")
    for r in results:
        target = f"≤ {r['target']:.2f}" if r["target"] is not None else "—"
        status = ("ok" if r["ok"] else "**over**") if r["target"] is not None else ""
        print(f"| {r['benchmark']} | {r['pykernel_s'] * 1e3:.3f} ms | {r['c_s'] * 1e3:.3f} ms "
              f"| {r['ratio']:.3f} | {target} | {status} |")

    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2)
    if args.strict and not all(r["ok"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
