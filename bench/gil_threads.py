"""Does a pykernel export release the GIL? Two Python threads each run a kernel on their
own data; with the GIL released they overlap, so the wall time of 2 x N calls on two
threads approaches that of N calls on one.

    bench/.venv-pythran/bin/python bench/gil_threads.py    # after bench/run_arrays.sh

Prints the speedup of two threads over one thread doing the same total work (2.0 is
perfect overlap on 2 cores, 1.0 means the calls serialize).
"""

from __future__ import annotations

import threading
import time

import numpy as np

import bench_arrays

CALLS = 20


def run(f, args_list, threads):
    """Wall time of calling f on every args in args_list, split over `threads` threads."""
    chunks = [args_list[k::threads] for k in range(threads)]

    def work(chunk):
        for a in chunk:
            f(*a)

    ts = [threading.Thread(target=work, args=(c,)) for c in chunks]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def main():
    rng = np.random.default_rng(0)
    a = rng.random((300, 300))
    b = rng.random((300, 300))
    cases = [("pykernel matmul", bench_arrays.matmul), ("hand Rust matmul (py.detach)", bench_arrays.matmul_rs)]
    print("| kernel | 1 thread | 2 threads | speedup |")
    print("|---|---:|---:|---:|")
    for name, f in cases:
        args = [(a, b)] * (2 * CALLS)
        run(f, args[:4], 2)  # warm up
        one = min(run(f, args, 1) for _ in range(3))
        two = min(run(f, args, 2) for _ in range(3))
        print(f"| {name} | {one * 1e3:.1f} ms | {two * 1e3:.1f} ms | {one / two:.2f} |")


if __name__ == "__main__":
    main()
