#!/usr/bin/env bash
# Issue-10 benchmark: loop kernels in varied styles, pykernel (bounds checks on and off)
# vs Pythran, from scratch and idempotent:
#
#   1. bench/.venv-pythran: pythran + numpy (never the repository's .venv);
#   2. the bench/rust-shapes wheel (bench/kernels/loop_shapes.py compiled twice),
#      built with the repository's maturin and installed into bench/.venv-pythran;
#   3. bench/kernels/loop_shapes.py compiled by Pythran -O3 into bench/build/pythran;
#   4. bench/run_shapes.py (one process).
#
#   bench/run_shapes.sh [run_shapes.py options]     e.g. --rounds 31, --only decimate
#
# Output: bench/build/shapes-table.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD="$BENCH/build"
log() { echo "run_shapes.sh: $*" >&2; }
mkdir -p "$BUILD/pythran"

# shellcheck source=bench/pythran_venv.sh
source "$BENCH/pythran_venv.sh"

"$ROOT/scripts/venv.sh"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"
rm -rf "$BUILD/wheels-shapes"
log "building the bench_shapes wheel (maturin build --release)"
"$ROOT/.venv/bin/maturin" build --release --quiet \
    --manifest-path "$BENCH/rust-shapes/Cargo.toml" \
    --interpreter "$PVENV/bin/python" --out "$BUILD/wheels-shapes"
"$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --force-reinstall "$BUILD"/wheels-shapes/bench_shapes-*.whl

if [ "$PYTHRAN_OK" = 1 ]; then
    rm -f "$BUILD"/pythran/loop_shapes_pythran*.so
    log "compiling kernels/loop_shapes.py with pythran -O3"
    if ! "$PVENV/bin/pythran" -O3 "$BENCH/kernels/loop_shapes.py" \
            -o "$BUILD/pythran/loop_shapes_pythran.so" >"$BUILD/shapes-pythran.log" 2>&1; then
        cat "$BUILD/shapes-pythran.log" >&2
        log "WARNING: pythran failed; continuing without the Pythran column"
    fi
fi

"$PVENV/bin/python" "$BENCH/run_shapes.py" --markdown "$BUILD/shapes-table.md" "$@"
