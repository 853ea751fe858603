#!/usr/bin/env bash
# Builds the VS Code extension: vscode-extension/privlint.vsix, with the release binary of
# privlint bundled in it (built first if it is missing).
#   scripts/vscode-package.sh            # npm ci, tests, package
#   PRIVLINT_NO_BUILD=1 ...              # do not build the binary; bundle it only if present
# Needs node >= 20 and npm; everything else is pinned in vscode-extension/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

if [ ! -x target/release/privlint ] && [ -z "${PRIVLINT_NO_BUILD:-}" ]; then
    echo "vscode-package: building target/release/privlint"
    cargo build --release --quiet -p privlint
fi

cd vscode-extension
# npm ci only when node_modules was not installed from this lock file by this node.
stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ "$(cat node_modules/.privlint-installed 2>/dev/null)" != "$stamp" ]; then
    echo "vscode-package: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$stamp" >node_modules/.privlint-installed
fi
npm test --silent
npm run package --silent
ls -l privlint.vsix | awk -v r="$root/" '{sub(r, "", $NF); printf "vscode-package: %s (%d bytes)\n", $NF, $5}'
echo "vscode-package: $root/vscode-extension/privlint.vsix"
