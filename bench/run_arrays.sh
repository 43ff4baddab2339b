#!/usr/bin/env bash
# Issue-3 array loop benchmark, from scratch and idempotent:
#
#   1. bench/.venv-pythran: pythran + numpy 2.4.6 (never the repository's .venv);
#   2. the bench/rust-arrays wheel (hand-written Rust with ndarray, plus the pykernel
#      kernels when its `pykernel` feature builds: tried first; without it the pykernel
#      columns are n/a), built with the repository's maturin and installed into
#      bench/.venv-pythran;
#   3. bench/kernels/arrays.py compiled by Pythran (-O3) into bench/build/pythran;
#   4. bench/run_arrays.py (one process: CPython, pykernel, hand Rust, Pythran);
#   5. bench/call_overhead.py (ns per call of a trivial export).
#
#   bench/run_arrays.sh [run_arrays.py options]    e.g. --rounds 31, --quick, --only matmul
#
# Environment: PYKERNEL_FEATURE=0 (do not try the `pykernel` feature), PYTHON (base
# interpreter, python3), CALL_OVERHEAD_ARGS (options for call_overhead.py).
# Outputs: bench/build/arrays-results.md (everything printed at the end), arrays.json,
# call-overhead.json; the log of a failed `pykernel` feature build in
# bench/build/arrays-pykernel-feature.log.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD="$BENCH/build"
log() { echo "run_arrays.sh: $*" >&2; }

mkdir -p "$BUILD/pythran"

# --- 1. the Pythran venv (bench/pythran_venv.sh, shared by both benchmarks) --------
# shellcheck source=bench/pythran_venv.sh
source "$BENCH/pythran_venv.sh"

# --- 2. the bench_arrays wheel ---------------------------------------------------------
"$ROOT/scripts/venv.sh"                     # the repository's venv, for its maturin
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"
WHEELS="$BUILD/wheels-arrays"
FEATURE_LOG="$BUILD/arrays-pykernel-feature.log"
build_wheel() {  # build_wheel [maturin options]
    rm -rf "$WHEELS"
    "$ROOT/.venv/bin/maturin" build --release --quiet \
        --manifest-path "$BENCH/rust-arrays/Cargo.toml" \
        --interpreter "$PVENV/bin/python" \
        --out "$WHEELS" "$@"
}
PYKERNEL_BUILT=0
rm -f "$FEATURE_LOG"
if [ "${PYKERNEL_FEATURE:-1}" != 0 ]; then
    log "building the bench_arrays wheel with the pykernel feature (maturin build --release --features pykernel)"
    if build_wheel --features pykernel >"$FEATURE_LOG" 2>&1; then
        PYKERNEL_BUILT=1
        rm -f "$FEATURE_LOG"
    else
        log "the pykernel feature does not build; the pykernel columns will be n/a. First errors (full log: ${FEATURE_LOG#"$ROOT"/}):"
        { grep -E '^ *error(\[[A-Z0-9]+\])?:' "$FEATURE_LOG" || tail -20 "$FEATURE_LOG"; } \
            | sed 's/^ */    /' | sort | uniq -c | head -20 >&2
    fi
fi
if [ "$PYKERNEL_BUILT" = 0 ]; then
    log "building the bench_arrays wheel without the pykernel feature (hand-written Rust only)"
    build_wheel
fi
"$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --force-reinstall "$WHEELS"/bench_arrays-*.whl

# --- 3. Pythran -----------------------------------------------------------------------
if [ "$PYTHRAN_OK" = 1 ]; then
    rm -f "$BUILD"/pythran/arrays_pythran*.so
    log "compiling kernels/arrays.py with pythran -O3"
    # g++ prints -Wuse-after-free warnings from Pythran's own headers; keep them out.
    if ! "$PVENV/bin/pythran" -O3 "$BENCH/kernels/arrays.py" \
            -o "$BUILD/pythran/arrays_pythran.so" >"$BUILD/arrays-pythran.log" 2>&1; then
        cat "$BUILD/arrays-pythran.log" >&2
        log "WARNING: pythran failed; continuing without the Pythran column"
    fi
fi

# --- 4. the benchmark -------------------------------------------------------------------
log "running run_arrays.py $*"
STATUS=0
"$PVENV/bin/python" "$BENCH/run_arrays.py" --markdown "$BUILD/arrays-table.md" \
    --json "$BUILD/arrays.json" "$@" >/dev/null || STATUS=$?

# --- 5. call overhead ---------------------------------------------------------------------
log "running call_overhead.py ${CALL_OVERHEAD_ARGS:-}"
# shellcheck disable=SC2086
"$PVENV/bin/python" "$BENCH/call_overhead.py" --markdown "$BUILD/call-overhead.md" \
    --json "$BUILD/call-overhead.json" ${CALL_OVERHEAD_ARGS:-} >/dev/null

{
    if [ "$PYKERNEL_BUILT" = 0 ]; then
        echo "_bench_arrays built without the \`pykernel\` feature (it did not build, or PYKERNEL_FEATURE=0): pykernel columns n/a._"
        echo
    fi
    cat "$BUILD/arrays-table.md"
    echo
    echo "Python call overhead of \`trivial(a)\` (\`return a[0]\`, \`#pythran export trivial(float64[:])\`) on a 1-element float64 array:"
    echo
    cat "$BUILD/call-overhead.md"
} > "$BUILD/arrays-results.md"
cat "$BUILD/arrays-results.md"
exit "$STATUS"
