#!/usr/bin/env bash
# Neovim headless smoke test of `privlint lsp` (tests/nvim/smoke.lua). Installs Debian's neovim
# if `nvim` is missing, builds the release binary if it is missing, runs the test with a timeout,
# and prints `nvim smoke: 1 passed, 0 failed` or `nvim smoke: 0 passed, 1 failed`.
#
#   tests/nvim/run.sh               # the binary: $PRIVLINT, else target/release/privlint
#
# Neovim runs with -u NONE -i NONE and with XDG_{CONFIG,DATA,STATE,CACHE}_HOME in a temp dir, so
# nothing is read from or written to the user's home (lsp.log goes to the temp dir and is
# printed when the test fails).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"

# Everything Neovim would write (even `nvim --version` creates $XDG_CACHE_HOME/nvim/log in 0.7).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" \
    XDG_CACHE_HOME="$tmp/cache" NVIM_LOG_FILE="$tmp/nvim.log" PRIVLINT_NVIM_TMP="$tmp/work"
unset NVIM NVIM_LISTEN_ADDRESS VIMINIT MYVIMRC

summary() {
    if [ "$1" -eq 0 ]; then
        echo "nvim smoke: 1 passed, 0 failed"
    else
        echo "nvim smoke: 0 passed, 1 failed"
    fi
}

if ! command -v nvim >/dev/null 2>&1; then
    echo "nvim not found: installing Debian's neovim with apt-get"
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "error: nvim is missing and cannot be installed here (needs root and apt-get):" \
            "install neovim >= 0.7 and run again" >&2
        summary 1
        exit 1
    fi
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; } \
        || ! command -v nvim >/dev/null 2>&1; then
        echo "error: 'apt-get install neovim' failed: install neovim >= 0.7 and run again" >&2
        summary 1
        exit 1
    fi
fi
echo "$(nvim --version | head -n 1)"

if [ -z "${PRIVLINT:-}" ]; then
    export PRIVLINT="$root/target/release/privlint"
    if [ ! -x "$PRIVLINT" ]; then
        echo "building $PRIVLINT"
        cargo build --release --quiet -p privlint
    fi
fi
if [ ! -x "$PRIVLINT" ]; then
    echo "error: not an executable: $PRIVLINT" >&2
    summary 1
    exit 1
fi

# The second -c only runs if smoke.lua itself fails to load (it always ends with :cquit), so a
# broken script fails at once instead of waiting for the timeout.
status=0
timeout -k 5 60 nvim --headless -u NONE -i NONE \
    -c 'luafile tests/nvim/smoke.lua' -c 'cquit 2' </dev/null || status=$?

if [ "$status" -ne 0 ]; then
    echo
    [ "$status" -eq 124 ] && echo "FAIL: nvim did not finish within 60 s"
    for log in "$tmp"/cache/nvim/lsp.log "$tmp"/state/nvim/lsp.log "$tmp/nvim.log"; do
        if [ -s "$log" ]; then
            echo "---- $log (last 100 lines)"
            tail -n 100 "$log"
        fi
    done
fi
summary "$status"
exit "$status"
