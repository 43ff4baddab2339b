# Sourced by bench/run_loops.sh and bench/run_arrays.sh: creates bench/.venv-pythran (the
# base interpreter $PYTHON) with the pinned Pythran and NumPy, never touching the
# repository's .venv. Needs BENCH, PYTHON and a `log` function; sets PVENV, PYTHRAN_OK.

PVENV="$BENCH/.venv-pythran"
PYTHRAN_PIN="pythran==0.19.0"
NUMPY_PIN="numpy==2.4.6"

if [ ! -x "$PVENV/bin/python" ]; then
    log "creating $PVENV with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv "$PVENV"
fi
have_pins() {
    "$PVENV/bin/python" - "$@" <<'PY'
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
}
PYTHRAN_OK=1
if ! have_pins "$PYTHRAN_PIN" "$NUMPY_PIN"; then
    log "installing $PYTHRAN_PIN $NUMPY_PIN into $PVENV"
    if ! "$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check \
            "$PYTHRAN_PIN" "$NUMPY_PIN"; then
        log "WARNING: could not install $PYTHRAN_PIN; continuing without the Pythran column"
        PYTHRAN_OK=0
        "$PVENV/bin/python" -m pip install --quiet --disable-pip-version-check "$NUMPY_PIN"
    fi
fi
