#!/usr/bin/env bash
# Runs every test of the repository (the README's test command; CI runs it too):
#   1. lint: cargo fmt --check, clippy -D warnings, rustdoc without warnings
#   2. Rust tests: unit tests of each pass, golden tests, robustness, generated code,
#      and a short run of the mutation fuzzer (scripts/fuzz-translator.sh)
#   3. example crates: pure-Rust use, ABI check through C function pointers, cdylib + ctypes
#   4. Python: builds the example, corpus and ufunc-check wheels with maturin and runs
#      pytest (differential corpus vs CPython, every SciPy catalogue entry, the seed,
#      every NumPy ufunc loop of the runtime vs NumPy)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/venv.sh"
VENV="${VENV:-$ROOT/.venv}"
export PATH="$VENV/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Standalone crates (examples, test crates) share one target dir.
EXT_TARGET="$ROOT/target/examples"

step() { printf '\n==> %s\n' "$*"; }

STANDALONE=(examples/testlib examples/pure-rust examples/cdylib-ctypes tests/corpus-crate tests/abi-check tests/ufunc-check)

step "rustfmt"
cargo fmt --all --check
# The benchmark crates and the external-suites crate are only formatted here
# (bench/run_*.sh and scripts/external_suites.sh build them, with Pythran).
for c in "${STANDALONE[@]}" bench/rust-loops bench/rust-arrays bench/rust-shapes bench/ufunc-speed bench/gemm-choice bench/lu-choice tests/external-crate; do
    cargo fmt --manifest-path "$c/Cargo.toml" --check
done

step "clippy (workspace, all features)"
cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings

step "rustdoc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features --quiet

step "cargo test (workspace)"
cargo test --workspace --quiet

step "fuzz: 3000 mutated kernels through the translator, a sample compiled (seed 1)"
FUZZ_PROFILE=dev scripts/fuzz-translator.sh --seed 1 --inputs 3000 --jobs 2 --slow-ms 10000 --compile-every 10

step "example: pure Rust"
CARGO_TARGET_DIR="$EXT_TARGET" cargo test --quiet --manifest-path examples/pure-rust/Cargo.toml
CARGO_TARGET_DIR="$EXT_TARGET" cargo run --quiet --manifest-path examples/pure-rust/Cargo.toml

step "ABI check: generated functions called through C function pointers"
CARGO_TARGET_DIR="$EXT_TARGET" cargo test --quiet --manifest-path tests/abi-check/Cargo.toml

step "example: cdylib + ctypes (the seed's first listing)"
CARGO_TARGET_DIR="$EXT_TARGET" cargo build --quiet --release --manifest-path examples/cdylib-ctypes/Cargo.toml
python examples/cdylib-ctypes/seed_ctypes.py "$EXT_TARGET/release/libtestlib_ctypes.so"

step "wheels: examples/testlib, tests/corpus-crate and tests/ufunc-check (maturin)"
for c in examples/testlib tests/corpus-crate tests/ufunc-check; do
    CARGO_TARGET_DIR="$EXT_TARGET" scripts/install-wheel.sh "$c"
done

step "demo checks (the seed's SciPy examples vs C and pure Python)"
(cd examples/testlib && python demo.py --no-timing)

step "pytest"
python -m pytest -q tests/python "$@"
