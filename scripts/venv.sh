#!/usr/bin/env bash
# Create (if missing) the repository's Python venv at <repo>/.venv with the pinned
# versions the examples and tests use. Idempotent: when the venv already has exactly
# these versions it returns in well under a second without touching the network.
#
#   scripts/venv.sh            # creates/updates <repo>/.venv
#   PYTHON=python3.12 scripts/venv.sh
#   VENV=/some/where scripts/venv.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
PINS=(numpy==2.4.6 scipy==1.17.1 maturin==1.16.0 pytest==9.2.0)

if [ ! -x "$VENV/bin/python" ]; then
    echo "venv.sh: creating $VENV with $("$PYTHON" -V 2>&1)" >&2
    "$PYTHON" -m venv "$VENV"
fi

# Compare installed versions with the pins without starting pip (fast path).
if "$VENV/bin/python" - "${PINS[@]}" <<'PY'
import sys
from importlib import metadata
for pin in sys.argv[1:]:
    name, version = pin.split("==")
    try:
        if metadata.version(name) != version:
            sys.exit(1)
    except metadata.PackageNotFoundError:
        sys.exit(1)
PY
then
    exit 0
fi

echo "venv.sh: installing ${PINS[*]} into $VENV" >&2
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}"
