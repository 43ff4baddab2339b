#!/usr/bin/env bash
# Builds a maturin crate in release mode and installs its wheel into <repo>/.venv.
#
#   scripts/install-wheel.sh examples/testlib
#
# CARGO_TARGET_DIR defaults to <repo>/target/examples (shared by the standalone crates).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CRATE="${1:?usage: install-wheel.sh <crate dir>}"
"$ROOT/scripts/venv.sh"
VENV="${VENV:-$ROOT/.venv}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/examples}"

DIST="$CARGO_TARGET_DIR/wheels/$(basename "$CRATE")"
rm -rf "$DIST"
"$VENV/bin/maturin" build --release --quiet \
    --manifest-path "$ROOT/$CRATE/Cargo.toml" \
    --interpreter "$VENV/bin/python" \
    --out "$DIST"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$DIST"/*.whl
