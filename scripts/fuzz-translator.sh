#!/usr/bin/env bash
# Mutation fuzzer of the translator (pykernel-build/examples/fuzz.rs): mutates the corpus
# and the golden kernels, runs `translate` on each mutant in child processes (aborts and
# stack overflows are counted, the input saved), flags inputs slower than --slow-ms, and
# type-checks a sample of the accepted mutants' generated code. Deterministic for a seed;
# exits 1 when it found anything (saved in target/fuzz-findings/, each with a replay line).
#
#   scripts/fuzz-translator.sh                                  # 10,000 inputs, seed 1
#   nice scripts/fuzz-translator.sh --seed 7 --inputs 1000000 --jobs 2
#   scripts/fuzz-translator.sh --seed 7 --only 123456           # replay one input
#   scripts/fuzz-translator.sh --seed 7 --print 123456          # print it
#
# Options: --seed N, --inputs N, --jobs N (child processes at once), --batch N (inputs per
# child), --slow-ms N (default 1000), --hang-s N, --compile-every N (one input in N is
# compiled when accepted; 0: none), --compile-batch N (modules per `cargo check`),
# --minutes N (stop starting new inputs after N minutes, then report), --findings DIR,
# --corpus DIR (repeatable; default tests/corpus and the golden kernels).
# FUZZ_PROFILE=dev uses a debug build (what CI does, with a 10x --slow-ms: no release
# build of the dependencies needed); the default is a release build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PROFILE="${FUZZ_PROFILE:-release}"
cargo build --quiet --profile "$PROFILE" -p pykernel-build --example fuzz
case "$PROFILE" in
    dev) DIR=debug ;;
    *) DIR="$PROFILE" ;;
esac
exec "${CARGO_TARGET_DIR:-$ROOT/target}/$DIR/examples/fuzz" "$@"
