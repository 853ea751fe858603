#!/usr/bin/env bash
# Packages the VS Code extension for one platform, with the privlint binary inside (bin/):
# vscode-extension/privlint-<target>.vsix, a platform-specific package (`vsce package --target`),
# so that the Marketplace or `code --install-extension` gives each platform its own binary.
#   scripts/vscode-package.sh                      # linux-x64 here: npm ci, tests, package
#   VSCE_TARGET=win32-x64 PRIVLINT_BUNDLE=privlint.exe scripts/vscode-package.sh
#                                                  # another target, its binary built elsewhere
#   PRIVLINT_NO_BUILD=1 ...                        # do not build the binary; bundle it only if present
# VSCE_TARGET: linux-x64 (default), linux-arm64, darwin-x64, darwin-arm64, win32-x64, ...
# PRIVLINT_BUNDLE: the binary to bundle (default target/release/privlint, built first if it is
# missing and the target is this machine's). The release workflow packages every target this
# way (.github/workflows/release.yml).
# Needs node >= 20 and npm; everything else is pinned in vscode-extension/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

target=${VSCE_TARGET:-linux-x64}
case "$target" in
win32-*) exe=privlint.exe ;;
*) exe=privlint ;;
esac
case "$(uname -s)-$(uname -m)" in
Linux-x86_64) host=linux-x64 ;;
Linux-aarch64) host=linux-arm64 ;;
Darwin-x86_64) host=darwin-x64 ;;
Darwin-arm64) host=darwin-arm64 ;;
*) host=unknown ;;
esac
if [ -n "${PRIVLINT_BUNDLE:-}" ]; then
    binary=$(realpath "$PRIVLINT_BUNDLE")
else
    binary="$root/target/release/privlint"
    if [ ! -x "$binary" ] && [ -z "${PRIVLINT_NO_BUILD:-}" ]; then
        [ "$target" = "$host" ] || {
            echo "vscode-package: $target is not this machine ($host): set PRIVLINT_BUNDLE to its binary"
            exit 1
        }
        echo "vscode-package: building target/release/privlint"
        cargo build --release --quiet -p privlint
    fi
fi

cd vscode-extension
# npm ci only when node_modules was not installed from this lock file by this node.
# --ignore-scripts: no package here needs its install script (esbuild finds its platform binary
# in its optional dependency; vsce-sign's only copies one; keytar is replaced, package.json
# `overrides`), and an install script can download what package-lock.json does not cover.
stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ "$(cat node_modules/.privlint-installed 2>/dev/null)" != "$stamp" ]; then
    echo "vscode-package: npm ci"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$stamp" >node_modules/.privlint-installed
fi
npm test --silent

# bin/ holds exactly the binary of this target (a binary left from another target would be wrong).
rm -rf bin
if [ -f "$binary" ]; then
    mkdir -p bin
    cp "$binary" "bin/$exe"
    chmod 755 "bin/$exe"
    echo "vscode-package: bundled $binary -> bin/$exe"
else
    echo "vscode-package: no $binary: the .vsix bundles no binary (the extension uses privlint.path or PATH)"
fi
vsix="privlint-$target.vsix"
rm -f "$vsix"
# vsce runs the vscode:prepublish script (typecheck, esbuild --production) first.
node_modules/.bin/vsce package --no-dependencies --allow-missing-repository --skip-license \
    --target "$target" --out "$vsix"
if [ -f "bin/$exe" ]; then
    python3 -c 'import sys, zipfile; sys.exit("extension/bin/" + sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist())' "$vsix" "$exe" || {
        echo "vscode-package: $vsix does not contain extension/bin/$exe"
        exit 1
    }
fi
echo "vscode-package: $target: vscode-extension/$vsix ($(stat -c %s "$vsix") bytes)"
echo "vscode-package: $root/vscode-extension/$vsix"
