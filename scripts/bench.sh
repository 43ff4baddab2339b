#!/usr/bin/env bash
# Build the examples/testlib wheel with maturin (release), install it into <repo>/.venv
# and run examples/testlib/bench.py: pykernel capsules vs the same C (gcc -O2), side by
# side in one process; prints a Markdown table.
#
# Extra arguments are passed to bench.py (e.g. --rounds 50, --strict, --json FILE).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/venv.sh"
VENV="${VENV:-$ROOT/.venv}"
export PATH="$VENV/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"

DIST="$CARGO_TARGET_DIR/wheels/testlib"
rm -rf "$DIST"
maturin build --release --quiet \
    --manifest-path "$ROOT/examples/testlib/Cargo.toml" \
    --interpreter "$VENV/bin/python" \
    --out "$DIST"
python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$DIST"/testlib-*.whl

cd "$ROOT/examples/testlib"
exec python bench.py "$@"
