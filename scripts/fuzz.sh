#!/usr/bin/env bash
# Fuzzes privlint for SECONDS per target (default 60): builds the cargo-fuzz targets in fuzz/
# (with AddressSanitizer, which also watches tree-sitter's C parser) and runs them one after the
# other on one core, each from its seeds in fuzz/seeds/TARGET copied to fuzz/corpus/TARGET
# (not committed; what the fuzzer finds there is reused by the next run on this machine).
# Fails if a target panics, hangs for 10 s or crashes; the input is then in fuzz/artifacts/TARGET.
#
#   scripts/fuzz.sh [SECONDS]
#
# cargo fuzz needs unstable compiler flags; RUSTC_BOOTSTRAP=1 allows them on stable Rust.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
seconds=${1:-60}

export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never

installed_cargo_fuzz() {
    cargo fuzz --version 2>/dev/null | awk '{print $2}'
}
if [ "$(installed_cargo_fuzz || true)" != "$CARGO_FUZZ_VERSION" ]; then
    echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION (once)"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

cargo fuzz build

# The longest input worth trying: a large declaration for `check`; a session with a few
# documents for `lsp`.
declare -A max_len=([check]=16384 [lsp]=65536)
failed=()
for target in check lsp; do
    corpus=fuzz/corpus/$target
    log=fuzz/artifacts/$target.log
    mkdir -p "$corpus" fuzz/artifacts
    cp fuzz/seeds/"$target"/* "$corpus"/
    echo "fuzz: $target for ${seconds}s"
    if cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" \
        -max_len="${max_len[$target]}" -timeout=10 >"$log" 2>&1; then
        grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" || true
    else
        tail -n 80 "$log"
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${failed[*]} failed; the inputs are in fuzz/artifacts/ (full logs: fuzz/artifacts/*.log)"
    exit 1
fi
echo "fuzz: no crash"
