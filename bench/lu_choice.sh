#!/usr/bin/env bash
# pykernel's LU (np.linalg.solve / inv / det) vs faer's PartialPivLu vs NumPy + OpenBLAS,
# one thread, float64 n×n.
#
#   bench/lu_choice.sh [sizes...]      # default: 64 200 500 1000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("${@:-64 200 500 1000}")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"
"$ROOT/scripts/venv.sh"
cargo build --release --quiet --manifest-path "$ROOT/bench/lu-choice/Cargo.toml"
echo "# Rust (one thread)"
"$CARGO_TARGET_DIR/release/bench-lu-choice" ${SIZES[@]}
echo "# NumPy + OpenBLAS (OPENBLAS_NUM_THREADS=1)"
OPENBLAS_NUM_THREADS=1 "$ROOT/.venv/bin/python" - ${SIZES[@]} <<'PY'
import sys, time
import numpy as np

def best(reps, f):
    t = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - t0)
    return t * 1e3

print("n,numpy_solve_ms,numpy_inv_ms,numpy_det_ms")
for n in map(int, sys.argv[1:]):
    a = (np.arange(n * n) * 7919 % 1000 / 1000.0).reshape(n, n) + np.eye(n)
    b = np.arange(n) * 104729 % 1000 / 1000.0
    reps = int(min(200, max(3, 1e8 / n**3)))
    print(f"{n},{best(reps, lambda: np.linalg.solve(a, b)):.4f},"
          f"{best(reps, lambda: np.linalg.inv(a)):.4f},{best(reps, lambda: np.linalg.det(a)):.4f}")
PY
