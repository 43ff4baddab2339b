#!/usr/bin/env bash
# matrixmultiply vs gemm (faer's) vs pykernel's np.dot vs NumPy + OpenBLAS, one thread,
# float64 n×n matrix products (and pykernel's / NumPy's matrix-vector product).
#
#   bench/gemm_choice.sh [sizes...]      # default: 64 200 500 1000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("${@:-64 200 500 1000}")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"
"$ROOT/scripts/venv.sh"
cargo build --release --quiet --manifest-path "$ROOT/bench/gemm-choice/Cargo.toml"
echo "# Rust (one thread)"
"$CARGO_TARGET_DIR/release/bench-gemm-choice" ${SIZES[@]}
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

print("n,numpy_dot_ms,numpy_matvec_ms")
for n in map(int, sys.argv[1:]):
    a = (np.arange(n * n) * 7919 % 1000 / 1000.0).reshape(n, n)
    b = (np.arange(n * n) * 104729 % 1000 / 1000.0).reshape(n, n)
    x = b[0].copy()
    reps = int(min(200, max(3, 2e8 / n**3)))
    print(f"{n},{best(reps, lambda: np.dot(a, b)):.4f},{best(max(reps, 50), lambda: np.dot(a, x)):.4f}")
PY
