#!/usr/bin/env bash
# Installs the Python test environment, at pinned versions. Idempotent: a second run installs
# nothing. Used by the README's commands and by .ci/run. Building privlint needs nothing more than
# Rust; tree-sitter-cli, which only the grammar tests use, is installed by scripts/test.sh when
# it gets to them, so that the README's main job waits for the release build alone.
set -euo pipefail
cd "$(dirname "$0")/.."

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
