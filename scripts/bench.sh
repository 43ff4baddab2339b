#!/usr/bin/env bash
# Build the examples/testlib wheel with maturin (release), install it into <repo>/.venv
# and run examples/testlib/bench.py: pykernel capsules vs the same C (gcc -O2), side by
# side in one process; prints a Markdown table.
#
# Extra arguments are passed to bench.py (e.g. --rounds 50, --strict, --json FILE).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install-wheel.sh" examples/testlib
cd "$ROOT/examples/testlib"
exec "${VENV:-$ROOT/.venv}/bin/python" bench.py "$@"
