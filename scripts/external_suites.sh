#!/usr/bin/env bash
# The external suites (../shared/external: numpy-benchmarks and Pythran's test cases),
# run by CPython + NumPy, Pythran 0.19 and pykernel side by side; one row per program
# and the pass counts, also written to target/external-suites/work/external-suites.md.
# Not part of scripts/test.sh: it needs ../shared/external and Pythran.
#
#   scripts/external_suites.sh                           # both suites, correctness + timing
#   scripts/external_suites.sh --suite numpy-benchmarks --no-time
#   scripts/external_suites.sh --only arc_distance,rosen --rounds 11
#
# Options go to scripts/external_suites.py (--help). Environment: PYTHON (base
# interpreter of the Pythran venv, python3), PYKERNEL_EXTERNAL_DIR (the suites' folder,
# default ../shared/external relative to the repository root).
# Skips with a message, exit status 0, when the suites' folder is absent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTERNAL="${PYKERNEL_EXTERNAL_DIR:-$ROOT/../shared/external}"
log() { echo "external_suites.sh: $*" >&2; }

if [ ! -d "$EXTERNAL/numpy-benchmarks" ] && [ ! -d "$EXTERNAL/pythran-cases" ]; then
    echo "external_suites.sh: skipped: no external suites at $EXTERNAL (they are not part of the repository; see docs/external-suites.md)"
    exit 0
fi

# The Pythran venv (pinned pythran + numpy), shared with the benchmarks; the driver runs
# with its interpreter, so NumPy, Pythran's modules and pykernel's extension are timed in
# one process.
BENCH="$ROOT/bench"
PYTHON="${PYTHON:-python3}"
# shellcheck source=bench/pythran_venv.sh
source "$BENCH/pythran_venv.sh"
EXTRA=()
if [ "$PYTHRAN_OK" != 1 ]; then
    EXTRA+=(--no-pythran)
else
    # A CBLAS for Pythran's np.dot & co. (no system BLAS needed): the OpenBLAS that
    # NumPy's wheels ship, as a pip package Pythran knows (compiler.blas=scipy-openblas).
    OPENBLAS_PIN="scipy-openblas64==0.3.34.481.3"
    if ! have_pins "$OPENBLAS_PIN"; then
        log "installing $OPENBLAS_PIN into $PVENV"
        "$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check "$OPENBLAS_PIN" \
            || log "WARNING: could not install $OPENBLAS_PIN; Pythran builds that need BLAS will fail"
    fi
fi

export EXTERNAL_SUITES_CMD="scripts/external_suites.sh${*:+ $*}"
exec "$PVENV/bin/python" "$ROOT/scripts/external_suites.py" --external "$EXTERNAL" "${EXTRA[@]}" "$@"
