#!/usr/bin/env bash
# The rendered privacy notices in a real browser: every bundled example in nb, nn and en (and a
# hostile declaration with <script> in its strings), rendered by `privlint notice`, opened in
# Debian's Chromium through playwright-core and checked with axe-core against WCAG 2.1 A/AA
# (tests/notice/axe.mjs): no violation, no script, no request but the file, no horizontal
# scrolling at 375 px, and everything folded printed. Screenshots at
# 375 and 1280 px go to target/notice-e2e/, and the length of each notice in phone screens
# (375 × 667; first part, closed, open) to target/notice-e2e/phone-screens.json (the numbers
# in docs/notice-layout.md). The last line is PASS or FAIL.
#
# --readme-image: on PASS, also copy the first 1280 × 900 screen of the Fjordbanken notice in
# Bokmål to docs/images/notice-fjordbanken.png (the picture in README.md).
#
# Installed by it, pinned, and kept for the next run:
#   - apt (as root, only if missing): chromium;
#   - npm: playwright-core and axe-core at the versions of tests/notice/package-lock.json, into
#     .tools/notice-e2e (git-ignored; reinstalled only when the lock file or node changes).
# Environment: CHROMIUM (default /usr/bin/chromium), PRIVLINT (default target/debug/privlint,
# built if missing).
set -euo pipefail
readme_image=false
for arg in "$@"; do
    case "$arg" in
    --readme-image) readme_image=true ;;
    *)
        echo "usage: $0 [--readme-image]" >&2
        exit 2
        ;;
    esac
done
cd "$(dirname "$0")/.."
root=$(pwd)
start_time=$(date +%s)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

out="$root/target/notice-e2e"
tools="$root/.tools/notice-e2e"
lock="$root/tests/notice/package-lock.json"
chromium="${CHROMIUM:-/usr/bin/chromium}"

say() { printf '[notice-e2e %3ds] %s\n' "$(($(date +%s) - start_time))" "$*"; }
fail() {
    say "$*"
    echo "notice-e2e: FAIL ($*)"
    exit 1
}

# ---------------------------------------------------------------- Chromium (apt)
if [ ! -x "$chromium" ]; then
    [ "$(id -u)" = 0 ] || fail "no Chromium at $chromium: run as root or apt-get install -y chromium"
    say "apt-get install chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium ca-certificates >/dev/null
fi
[ -x "$chromium" ] || fail "no Chromium at $chromium"

# ---------------------------------------------------------------- playwright-core + axe-core (npm, pinned)
stamp="$(sha256sum "$lock" | cut -d' ' -f1) node-$(node --version)"
if [ -f "$tools/node_modules/axe-core/axe.min.js" ] && [ "$(cat "$tools/.installed" 2>/dev/null)" = "$stamp" ]; then
    say "playwright-core and axe-core already installed ($tools)"
else
    say "installing playwright-core and axe-core into $tools"
    rm -rf "$tools"
    mkdir -p "$tools"
    cp tests/notice/package.json "$lock" "$tools/"
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund >"$tools/install.log" 2>&1) || {
        tail -20 "$tools/install.log"
        fail "npm ci failed (log: $tools/install.log)"
    }
    echo "$stamp" >"$tools/.installed"
fi

# ---------------------------------------------------------------- the notices
privlint="${PRIVLINT:-$root/target/debug/privlint}"
if [ ! -x "$privlint" ]; then
    say "building privlint"
    cargo build --quiet --bin privlint
fi
rm -rf "$out"
mkdir -p "$out/html"
# The single-file examples, and the declaration in several files (named by one of its files).
for example in examples/*.privacy examples/fjordbanken/organisation.privacy; do
    name=$(basename "$example" .privacy)
    [ "$name" = organisation ] && name=fjordbanken
    for lang in nb nn en; do
        # An example with errors is rendered as a draft (the banner is part of what is checked).
        "$privlint" notice "$example" --lang "$lang" --output "$out/html/$name.$lang.html" 2>/dev/null ||
            "$privlint" notice "$example" --lang "$lang" --draft --output "$out/html/$name.$lang.html" ||
            fail "privlint notice $example --lang $lang failed"
    done
done
cat >"$out/hostile.privacy" <<'PRIVACY'
notice "<script>window.__pwned = true</script>Erklæring" { languages nb }
controller c "<img src=x onerror=\"window.__pwned=true\"> AS" {
  country NO
  email "post@c.example"
  authority dt "Datatilsynet"
}
category kontakt "<style>body{display:none}</style>Kontakt" { includes "</li></ul><script>window.__pwned=true</script>" }
purpose p "<a href=\"javascript:window.__pwned=true\">Nyhetsbrev</a>" {
  basis consent
  data kontakt
  retention 1 year
}
rights { access; complaint dt }
PRIVACY
"$privlint" notice "$out/hostile.privacy" --draft --output "$out/html/hostile.nb.html" ||
    fail "privlint notice of the hostile declaration failed"
say "rendered $(ls "$out/html" | wc -l) notices"

# ---------------------------------------------------------------- Chromium + axe
status=0
TOOLS="$tools" CHROMIUM="$chromium" NOTICE_DIR="$out/html" OUT_DIR="$out" \
    timeout 300 node tests/notice/axe.mjs || status=$?
if [ "$status" -ne 0 ]; then
    fail "see above (exit $status)"
fi
if "$readme_image"; then
    cp "$out/fjordbanken.nb-1280-first-screen.png" docs/images/notice-fjordbanken.png
    say "copied the first screen of fjordbanken.nb to docs/images/notice-fjordbanken.png"
fi
say "done"
echo "notice-e2e: PASS"
