#!/usr/bin/env bash
# Runs every test of privlint: the grammar (and that the committed parser is what grammar.js
# generates), formatting and lints, the Rust tests, the contract examples, and the end-to-end
# tests through real clients. This is what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

# Each step prints its name; the time the previous one took is printed when the next begins,
# and the whole run's at the end, so a slow step shows in CI's log.
started=$SECONDS
step_started=$SECONDS
step_name=""
step_done() {
    if [ -n "$step_name" ]; then
        printf -- '-- %s: %d s\n' "$step_name" $((SECONDS - step_started))
    fi
}
step() {
    step_done
    step_name="$*"
    step_started=$SECONDS
    printf '\n== %s\n' "$*"
}
finish() {
    step_done
    printf -- '-- all steps: %d s (exit %d)\n' $((SECONDS - started)) "$1"
}

step "setup"
scripts/setup.sh

step "grammar: the committed parser is what grammar.js generates"
# tree-sitter-cli, at a pinned version, only for these steps (a few minutes, once).
TREE_SITTER_CLI_VERSION=0.27.1
installed_tree_sitter() {
    command -v tree-sitter >/dev/null 2>&1 && tree-sitter --version | awk '{print $2}'
}
if [ "$(installed_tree_sitter || true)" != "$TREE_SITTER_CLI_VERSION" ]; then
    echo "installing tree-sitter-cli $TREE_SITTER_CLI_VERSION (a few minutes, once)"
    cargo install --locked tree-sitter-cli --version "$TREE_SITTER_CLI_VERSION"
fi
generated=$(mktemp -d)
trap 'status=$?; rm -rf "$generated"; finish "$status"' EXIT
cp grammar/grammar.js grammar/tree-sitter.json "$generated/"
(cd "$generated" && TREE_SITTER_JS_RUNTIME=native tree-sitter generate >/dev/null)
if ! diff -r "$generated/src" grammar/src >/dev/null; then
    echo "grammar/src is out of date: run 'cd grammar && TREE_SITTER_JS_RUNTIME=native tree-sitter generate' and commit grammar/src"
    exit 1
fi

step "grammar: corpus and highlight tests"
(cd grammar && tree-sitter test)

step "cargo fmt and clippy"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "cargo test"
log="$generated/cargo-test.log"
status=0
cargo test --workspace --quiet >"$log" 2>&1 || status=$?
cat "$log"
if [ "$status" -ne 0 ]; then
    exit "$status"
fi
awk '/^test result:/ {p+=$4; f+=$6} END {printf "cargo test: %d passed, %d failed\n", p, f}' "$log"

step "fuzz crate: fmt and clippy"
cargo fmt --manifest-path fuzz/Cargo.toml --check
cargo clippy --manifest-path fuzz/Cargo.toml --all-targets --quiet -- -D warnings

step "fuzzing: 30 s per target (scripts/fuzz.sh; longer runs: scripts/fuzz.sh 600)"
scripts/fuzz.sh 30

step "the contract examples, version 3 (tests/contract)"
cargo build --release --quiet -p privlint
conformance="$root/../shared/tools/conformance"
if [ -x "$conformance" ]; then
    "$conformance" --privlint "$root/target/release/privlint" "$root/tests/contract"
else
    echo "skipped: $conformance not found (shared/ is not beside this checkout)"
fi

step "the bundled examples are formatted"
target/release/privlint fmt --check examples/

step "Python wheel: built with maturin from the release build, installed in a fresh venv, run (scripts/wheel.sh)"
scripts/wheel.sh

step "end-to-end tests through real clients (pytest: pre-commit with and without Rust, language server, actionlint on .github/workflows, the published Markdown in MDX, kramdown and Python-Markdown, the record CSV in LibreOffice)"
scripts/publish-oracles.sh
.venv/bin/python -m pytest tests -q

step "end-to-end: Neovim (headless) against the language server"
tests/nvim/run.sh

step "VS Code extension: packaged, and tested in a real VS Code (code-server, Playwright, Chromium)"
scripts/vscode-e2e.sh

step "privacy notices in a real browser (Chromium, Playwright): axe-core WCAG 2.1 A/AA, phone and desktop screenshots"
scripts/notice-e2e.sh

step "the playground in a real browser (wasm, Chromium, Playwright): the CLI's findings, a typo, nn, the XLSX record, no request after load, axe-core (scripts/playground-e2e.sh)"
playground_start=$(date +%s)
scripts/playground-e2e.sh
echo "playground-e2e: $(($(date +%s) - playground_start)) s"
