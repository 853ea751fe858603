#!/usr/bin/env bash
# Installs what building and testing privlint needs, at pinned versions. Idempotent: a second
# run installs nothing. Used by the README's commands and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

TREE_SITTER_CLI_VERSION=0.27.1

export PATH="$HOME/.cargo/bin:$PATH"

installed_tree_sitter() {
    command -v tree-sitter >/dev/null 2>&1 && tree-sitter --version | awk '{print $2}'
}
if [ "$(installed_tree_sitter || true)" != "$TREE_SITTER_CLI_VERSION" ]; then
    echo "setup: installing tree-sitter-cli $TREE_SITTER_CLI_VERSION (a few minutes, once)"
    cargo install --locked tree-sitter-cli --version "$TREE_SITTER_CLI_VERSION"
fi

# Python test tools (pytest-lsp, pre-commit), pinned with the SHA-256 of every file in
# tests/requirements.txt (pip-compile --generate-hashes from tests/requirements.in), in a
# project-local virtual environment. --require-hashes: a file whose hash is not listed is refused.
if [ -f tests/requirements.txt ]; then
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    stamp=.venv/.requirements
    if ! cmp -s tests/requirements.txt "$stamp"; then
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r tests/requirements.txt
        cp tests/requirements.txt "$stamp"
    fi
fi
