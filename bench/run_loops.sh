#!/usr/bin/env bash
# Issue-3 scalar/loop benchmark, from scratch and idempotent:
#
#   1. bench/.venv-pythran: pythran + numpy 2.4.6 (never the repository's .venv);
#   2. the bench/rust-loops wheel (pykernel kernels + hand-written Rust), built with the
#      repository's maturin and installed into bench/.venv-pythran;
#   3. bench/kernels/loops.py compiled by Pythran into bench/build/pythran, with the
#      translation (`pythran -E`) and full compile times;
#   4. pykernel's translation time for the same file, and the rebuild time of the
#      wheel's crate after the kernel changes;
#   5. bench/run_loops.py (one process: CPython, pykernel, hand Rust, Pythran).
#
#   bench/run_loops.sh [run_loops.py options]     e.g. --rounds 31, --quick, --only gcd_sum
#
# Environment: TIME_RUNS (timed runs per compile-time measurement, default 3),
# SKIP_COMPILE_TIMES=1 (skip steps 3-4's timings), PYTHON (base interpreter, python3).
# Outputs: bench/build/loops-results.md (everything printed below) and loops.json.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD="$BENCH/build"
TIME_RUNS="${TIME_RUNS:-3}"
log() { echo "run_loops.sh: $*" >&2; }

mkdir -p "$BUILD/pythran"

# --- 1. the Pythran venv (bench/pythran_venv.sh, shared by both benchmarks) --------
# shellcheck source=bench/pythran_venv.sh
source "$BENCH/pythran_venv.sh"

# --- 2. the pykernel wheel ----------------------------------------------------------
"$ROOT/scripts/venv.sh"                     # the repository's venv, for its maturin
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"
rm -rf "$BUILD/wheels"
log "building the bench_loops wheel (maturin build --release)"
"$ROOT/.venv/bin/maturin" build --release --quiet \
    --manifest-path "$BENCH/rust-loops/Cargo.toml" \
    --interpreter "$PVENV/bin/python" \
    --out "$BUILD/wheels"
"$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --force-reinstall "$BUILD"/wheels/bench_loops-*.whl

# --- 3. Pythran -----------------------------------------------------------------------
PYTHRAN="$PVENV/bin/pythran"
PYTHRAN_E="n/a"
PYTHRAN_C="n/a"
if [ "$PYTHRAN_OK" = 1 ]; then
    rm -f "$BUILD"/pythran/loops_pythran*.so
    if [ -z "${SKIP_COMPILE_TIMES:-}" ]; then
        log "timing pythran -E (translation only), $TIME_RUNS runs"
        PYTHRAN_E="$("$PVENV/bin/python" "$BENCH/time_cmd.py" --runs "$TIME_RUNS" -- \
            "$PYTHRAN" -E "$BENCH/kernels/loops.py" -o "$BUILD/pythran/loops_pythran.cpp")"
        log "timing pythran -O3 (full compile), $TIME_RUNS runs"
        PYTHRAN_C="$("$PVENV/bin/python" "$BENCH/time_cmd.py" --runs "$TIME_RUNS" -- \
            "$PYTHRAN" -O3 "$BENCH/kernels/loops.py" -o "$BUILD/pythran/loops_pythran.so")"
    else
        "$PYTHRAN" -O3 "$BENCH/kernels/loops.py" -o "$BUILD/pythran/loops_pythran.so"
    fi
fi

# --- 4. pykernel translation and rebuild times ----------------------------------------
PK_T="n/a"
PK_REBUILD="n/a"
PK_REBUILD_NOLTO="n/a"
if [ -z "${SKIP_COMPILE_TIMES:-}" ]; then
    log "timing pykernel's translation (translate_time example, median of 50)"
    PK_T="$(cd "$ROOT" && env -u CARGO_TARGET_DIR cargo run -q --release -p pykernel-build \
        --example translate_time -- bench/kernels/loops.py | tail -1)"
    # The crate in its own target directory (so the timing does not depend on other
    # builds sharing target/examples); `touch` reruns build.rs (re-translation) and
    # recompiles the crate, as an edit of the kernel does.
    log "timing the crate's rebuild after touching loops.py, $TIME_RUNS runs"
    PK_REBUILD="$(CARGO_TARGET_DIR="$BUILD/target-rebuild" PYO3_PYTHON="$PVENV/bin/python" \
        "$PVENV/bin/python" "$BENCH/time_cmd.py" --runs "$TIME_RUNS" \
        --before "touch '$BENCH/kernels/loops.py'" -- \
        cargo build --release --quiet --lib --manifest-path "$BENCH/rust-loops/Cargo.toml")"
    log "the same without LTO (CARGO_PROFILE_RELEASE_LTO=false), $TIME_RUNS runs"
    PK_REBUILD_NOLTO="$(CARGO_TARGET_DIR="$BUILD/target-rebuild" PYO3_PYTHON="$PVENV/bin/python" \
        CARGO_PROFILE_RELEASE_LTO=false \
        "$PVENV/bin/python" "$BENCH/time_cmd.py" --runs "$TIME_RUNS" \
        --before "touch '$BENCH/kernels/loops.py'" -- \
        cargo build --release --quiet --lib --manifest-path "$BENCH/rust-loops/Cargo.toml")"
fi

# --- 5. the benchmark -----------------------------------------------------------------
log "running run_loops.py $*"
"$PVENV/bin/python" "$BENCH/run_loops.py" --markdown "$BUILD/loops-table.md" \
    --json "$BUILD/loops.json" "$@" >/dev/null

pair() {  # "median min" -> "median s (min min s)"
    if [ "$#" -eq 2 ]; then echo "$1 s (min $2 s)"; else echo "n/a"; fi
}
PK_T_MS="$(echo "$PK_T" | awk -F'|' 'NF > 4 { gsub(/^ +| +$/, "", $4); print $4 }')"
{
    cat "$BUILD/loops-table.md"
    echo
    echo "Translation and compile times for \`bench/kernels/loops.py\` ($(wc -l <"$BENCH/kernels/loops.py") lines; wall clock, median of $TIME_RUNS runs after a warm-up):"
    echo
    echo "| step | pykernel | Pythran |"
    echo "|---|---:|---:|"
    echo "| translation only | ${PK_T_MS:-n/a} (\`generate\`, median of 50) | $(pair $PYTHRAN_E) (\`pythran -E\`) |"
    echo "| to a loadable extension | $(pair $PK_REBUILD) (crate rebuild after touching the kernel: build.rs + rustc, \`lto = \"thin\"\`) | $(pair $PYTHRAN_C) (\`pythran -O3\`) |"
    echo "| the same, without LTO | $(pair $PK_REBUILD_NOLTO) (\`CARGO_PROFILE_RELEASE_LTO=false\`) | |"
} > "$BUILD/loops-results.md"
cat "$BUILD/loops-results.md"
