#!/usr/bin/env bash
# The runtime's ufunc loops over 10**6 float64/float32 elements (plain `for` loops over
# slices, bench/ufunc-speed), built for the default x86-64 target and for
# -C target-cpu=native, next to NumPy's time for the same ufunc on this machine.
# ns per element, best of 7 runs.
#
#   bench/ufunc_speed.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/venv.sh"
cd "$ROOT/bench/ufunc-speed"
CARGO_TARGET_DIR="$ROOT/target/bench-default" cargo run --release -q > /tmp/ufunc_speed_default.txt
RUSTFLAGS="-C target-cpu=native" CARGO_TARGET_DIR="$ROOT/target/bench-native" \
    cargo run --release -q > /tmp/ufunc_speed_native.txt
"$ROOT/.venv/bin/python" - <<'PY'
import timeit
import numpy as np

N = 10**6
rng = np.random.default_rng(0)
x, y = rng.uniform(-10, 10, N), rng.uniform(-10, 10, N)
pos = rng.uniform(1e-3, 1e3, N)
x32, pos32 = x.astype(np.float32), pos.astype(np.float32)
out, out32 = np.empty(N), np.empty(N, np.float32)
numpy = {
    "f64::exp": lambda: np.exp(x, out=out), "f64::log": lambda: np.log(pos, out=out),
    "f64::sin": lambda: np.sin(x, out=out), "f64::cos": lambda: np.cos(x, out=out),
    "f64::arctan2": lambda: np.arctan2(x, y, out=out),
    "f64::tanh": lambda: np.tanh(x, out=out), "f64::power": lambda: np.power(pos, y, out=out),
    "f64::sqrt": lambda: np.sqrt(pos, out=out),
    "f32::exp": lambda: np.exp(x32, out=out32), "f32::log": lambda: np.log(pos32, out=out32),
    "f32::sin": lambda: np.sin(x32, out=out32), "f32::cos": lambda: np.cos(x32, out=out32),
}
def rows(path):
    return dict((l.split()[0], float(l.split()[1])) for l in open(path))
d, n = rows("/tmp/ufunc_speed_default.txt"), rows("/tmp/ufunc_speed_native.txt")
print(f"| function | default target | target-cpu=native | NumPy {np.__version__} |")
print("|---|---:|---:|---:|")
for name in d:
    t = numpy.get(name)
    np_t = f"{min(timeit.repeat(t, number=1, repeat=7)) * 1e9 / N:.2f}" if t else ""
    print(f"| `{name}` | {d[name]:.2f} | {n[name]:.2f} | {np_t} |")
PY
