#!/usr/bin/env bash
# Builds the Python wheel that carries the privlint binary (maturin, bindings = "bin"; see
# pyproject.toml) into target/wheels/, then proves it works with no Rust toolchain: a FRESH
# virtual environment, `pip install --no-index` of the wheel, and the installed `privlint`
# runs --version, `check examples/` (exit 1: the bundled published notices have real findings)
# and answers an LSP `initialize` on stdio.
#   scripts/wheel.sh
# Idempotent: maturin is installed into .venv (scripts/setup.sh) only when it is not there at
# the pinned version, and cargo rebuilds nothing when target/release is up to date (the wheel
# uses the workspace's release profile and target directory, CARGO_TARGET_DIR if set).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

MATURIN_VERSION=1.16.0
start_time=$(date +%s)
say() { printf 'wheel: %s\n' "$*"; }
fail() {
    say "FAIL: $*"
    exit 1
}

# ---------------------------------------------------------------- maturin, pinned, in .venv
if [ ! -x .venv/bin/python ]; then
    say "no .venv: running scripts/setup.sh"
    scripts/setup.sh
fi
if [ "$(.venv/bin/maturin --version 2>/dev/null || true)" = "maturin $MATURIN_VERSION" ]; then
    say "maturin $MATURIN_VERSION already in .venv"
else
    say "installing maturin $MATURIN_VERSION into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"
fi

# ---------------------------------------------------------------- the wheel
target_dir="${CARGO_TARGET_DIR:-$root/target}"
wheels="$target_dir/wheels"
mkdir -p "$wheels"
rm -f "$wheels"/privlint-*.whl # one wheel: the one built now
say "building the wheel (maturin build --release, target dir $target_dir)"
build_start=$(date +%s)
.venv/bin/maturin build --release --locked --quiet --out "$wheels" 2>&1 | sed 's/^/    /'
shopt -s nullglob
built=("$wheels"/privlint-*.whl)
[ ${#built[@]} = 1 ] || fail "expected one privlint wheel in $wheels, found ${#built[@]}"
wheel=${built[0]}
size=$(stat -c %s "$wheel")
say "built $wheel ($((size / 1024)) KiB) in $(($(date +%s) - build_start)) s"
.venv/bin/python - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
scripts = [n for n in names if ".data/scripts/" in n]
assert scripts, f"no binary in the wheel: {names}"
print("wheel: contents: " + ", ".join(sorted(names)))
PY

# ---------------------------------------------------------------- a fresh venv, no index
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
privlint="$scratch/venv/bin/privlint"
[ -x "$privlint" ] || fail "pip install put no privlint in $scratch/venv/bin"
say "installed into a fresh virtual environment: $privlint"

version=$("$privlint" --version) || fail "privlint --version failed"
expected=$(basename "$wheel" | cut -d- -f2)
case "$version" in
*" $expected") say "privlint --version: $version" ;;
*) fail "privlint --version says '$version', the wheel is $expected" ;;
esac

status=0
"$privlint" check examples/ >"$scratch/check.out" 2>&1 || status=$?
[ "$status" = 1 ] || {
    cat "$scratch/check.out"
    fail "privlint check examples/ exited $status (expected 1: the published notices have findings)"
}
say "privlint check examples/: exit 1 as expected ($(grep -cE '^(error|warning)\[' "$scratch/check.out") findings)"

"$scratch/venv/bin/python" - "$privlint" "$root" <<'PY' || fail "privlint lsp did not answer initialize"
import json, pathlib, subprocess, sys

privlint, root = sys.argv[1], sys.argv[2]
def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": None, "rootUri": pathlib.Path(root).as_uri(), "capabilities": {}}}
server = subprocess.Popen([privlint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
try:
    server.stdin.write(frame(initialize))
    server.stdin.flush()
    headers = {}
    while (line := server.stdout.readline().strip()):
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    reply = json.loads(server.stdout.read(int(headers["content-length"])))
    assert reply.get("id") == 1 and "capabilities" in reply["result"], reply
    info = reply["result"].get("serverInfo", {})
    print(f"wheel: privlint lsp answered initialize: {info.get('name', '?')} {info.get('version', '')}, "
          f"{len(reply['result']['capabilities'])} capabilities")
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.close()
    server.wait(timeout=10)
finally:
    if server.poll() is None:
        server.kill()
PY

say "OK: $wheel ($((size / 1024)) KiB) works in a fresh virtual environment ($(($(date +%s) - start_time)) s)"
