#!/usr/bin/env bash
# Build the examples/testlib wheel with maturin (release), install it into <repo>/.venv
# and run examples/testlib/demo.py: the seed's two SciPy examples with pykernel
# capsules, checked against the C capsules and pure Python, plus a timing table.
#
# Extra arguments are passed to demo.py (e.g. --no-timing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install-wheel.sh" examples/testlib
cd "$ROOT/examples/testlib"
exec "${VENV:-$ROOT/.venv}/bin/python" demo.py "$@"
