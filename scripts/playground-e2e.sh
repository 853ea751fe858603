#!/usr/bin/env bash
# The playground in a real browser: builds it (scripts/playground.sh), then opens it in
# Debian's Chromium through playwright-core (tests/playground/playground.mjs) with a bundled
# example in the link, and compares its findings with `privlint check --format json`; then with
# two examples in a compressed link (#files=), and compares both files' findings.
# Screenshots at 375 and 1280 px and the downloaded record go to target/playground-e2e/.
# Chromium, playwright-core and axe-core are installed as scripts/notice-e2e.sh installs them
# (the same pinned lock file, tests/notice/package-lock.json, and the same directory). The last
# line is PASS, FAIL or SKIPPED (the wasm32 target cannot be installed here).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
out="$root/target/playground-e2e"
tools="$root/.tools/notice-e2e"
lock="$root/tests/notice/package-lock.json"
chromium="${CHROMIUM:-/usr/bin/chromium}"
example="examples/norsk-gjeldsinformasjon.privacy"
# With the first, the declarations of a link that carries two files (#files=).
second="examples/sparebanken-ost.privacy"

status=0
scripts/playground.sh || status=$?
if [ "$status" -eq 3 ]; then
    echo "playground-e2e: SKIPPED (the playground could not be built: see the line above)"
    exit 0
elif [ "$status" -ne 0 ]; then
    echo "playground-e2e: FAIL (scripts/playground.sh exited $status)"
    exit 1
fi
if [ ! -x "$chromium" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium ca-certificates >/dev/null
fi
stamp="$(sha256sum "$lock" | cut -d' ' -f1) node-$(node --version)"
if [ ! -f "$tools/node_modules/axe-core/axe.min.js" ] || [ "$(cat "$tools/.installed" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$tools"
    mkdir -p "$tools"
    cp tests/notice/package.json "$lock" "$tools/"
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund >"$tools/install.log" 2>&1)
    echo "$stamp" >"$tools/.installed"
fi
cargo build --quiet --bin privlint
rm -rf "$out"
mkdir -p "$out"
target/debug/privlint check --format json "$example" >"$out/expected.json" || true
target/debug/privlint check --format json "$example" "$second" >"$out/expected-two.json" || true
status=0
TOOLS="$tools" CHROMIUM="$chromium" SITE="$root/target/playground" EXAMPLE="$example" \
    EXPECTED="$out/expected.json" SECOND="$second" EXPECTED_TWO="$out/expected-two.json" OUT_DIR="$out" timeout 300 node tests/playground/playground.mjs || status=$?
if [ "$status" -ne 0 ]; then
    echo "playground-e2e: FAIL"
    exit 1
fi
echo "playground-e2e: PASS"
