#!/usr/bin/env bash
# The real-editor test of the VS Code extension: code-server (real VS Code, offline) with the
# packaged .vsix installed, driven by Playwright in Debian's Chromium
# (vscode-extension/e2e/problems.mjs). Two sessions:
#   1. with the bundled binary: the language and highlighting are there; the Problems panel
#      shows the known findings (and not the one the privlint.rules setting turns off);
#      "privlint: Show Rule Documentation" on the finding renders its documentation; typing
#      the fix makes the findings go away; changing privlint.rules in settings.json brings a
#      finding back at the new level; "privlint: Preview Notice" on notice.privacy shows the
#      purpose label, follows an edit of it, and shows the English label once English is picked
#      in the preview, and a declaration with an error is previewed as a draft; the extension
#      host log shows the activation;
#   2. with no binary anywhere: an error notification says what was searched, and its
#      "Open Setting" button opens the privlint.path setting.
# Screenshots and logs go to target/vscode-e2e/. The last line is PASS or FAIL.
#
# Everything it needs is installed by it, pinned, and kept for the next run:
#   - apt (as root, only what is missing): chromium, libkrb5-dev (code-server's kerberos
#     module is built from source), ripgrep (stands in for the GitHub download of
#     @vscode/ripgrep), ca-certificates;
#   - npm: code-server and playwright-core at the versions of vscode-extension/e2e/package-lock.json,
#     into .tools/vscode-e2e (git-ignored; reinstalled only when the lock file or node changes);
#   - the .vsix: scripts/vscode-package.sh, the linux-x64 package (vscode-extension/privlint-linux-x64.vsix,
#     `vsce package --target linux-x64`; builds target/release/privlint if it is missing).
# Environment: CHROMIUM (default /usr/bin/chromium), E2E_HEADED=1 to watch it (needs a display),
# E2E_TIMEOUT (seconds for the browser part, default 240), E2E_TRACE=1 to log at trace level
# (then target/vscode-e2e/privlint-output.log has the LSP traffic).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start_time=$(date +%s)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

out="$root/target/vscode-e2e"
run="$out/run"
tools="$root/.tools/vscode-e2e"
lock="$root/vscode-extension/e2e/package-lock.json"
chromium="${CHROMIUM:-/usr/bin/chromium}"
# code-server 4.100.3 (VS Code 1.100.3) runs on Node 20; its @vscode/ripgrep 1.15.11 downloads
# ripgrep 13.0.0-10 from GitHub in its postinstall unless this file is in its cache (os.tmpdir()).
ripgrep_cache="vscode-ripgrep-cache-1.15.11"
ripgrep_file="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

say() { printf '[vscode-e2e %3ds] %s\n' "$(($(date +%s) - start_time))" "$*"; }
fail() {
    say "$*"
    echo "vscode-e2e: FAIL ($*)"
    exit 1
}

# ---------------------------------------------------------------- system packages (apt)
missing=()
[ -x "$chromium" ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}: run as root or apt-get install -y ${missing[*]}"
    say "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ca-certificates >/dev/null
fi
[ -x "$chromium" ] || fail "no Chromium at $chromium"

# ---------------------------------------------------------------- code-server + playwright-core (npm, pinned)
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || fail "code-server 4.100.3 needs Node 20 (this is $(node --version))"
stamp="$(sha256sum "$lock" | cut -d' ' -f1) node-$(node --version)"
code_server="$tools/node_modules/.bin/code-server"
if [ -x "$code_server" ] && [ "$(cat "$tools/.installed" 2>/dev/null)" = "$stamp" ]; then
    say "code-server and playwright-core already installed ($tools)"
else
    say "installing code-server and playwright-core into $tools (about 1-2 minutes)"
    install_start=$(date +%s)
    rm -rf "$tools"
    mkdir -p "$tools/tmp/$ripgrep_cache"
    cp vscode-extension/e2e/package.json "$lock" "$tools/"
    tar -C "$(dirname "$(command -v rg)")" -czf "$tools/tmp/$ripgrep_cache/$ripgrep_file" rg
    # node-gyp builds the native modules against the installed headers (no download).
    nodedir=()
    [ -f /usr/include/node/node.h ] && nodedir=(--nodedir=/usr)
    # Install scripts run here, unlike the other npm installs of the project (--ignore-scripts):
    # code-server builds its native modules in them. --unsafe-perm: code-server's postinstall refuses root without it; npm_config_yes: node-pty's
    # postinstall runs npx; TMPDIR: where @vscode/ripgrep looks for its cached download.
    if ! (cd "$tools" && TMPDIR="$tools/tmp" npm_config_yes=true \
            npm ci --unsafe-perm --foreground-scripts --no-audit --no-fund "${nodedir[@]}" \
            >"$tools/install.log" 2>&1); then
        tail -40 "$tools/install.log"
        fail "npm ci of code-server failed (log: $tools/install.log)"
    fi
    [ -x "$tools/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] ||
        fail "code-server has no ripgrep (log: $tools/install.log)"
    rm -rf "$tools/tmp"
    echo "$stamp" >"$tools/.installed"
    say "installed in $(($(date +%s) - install_start)) s"
fi

# ---------------------------------------------------------------- the .vsix
say "packaging the extension"
VSCE_TARGET=linux-x64 scripts/vscode-package.sh >"$out.package.log" 2>&1 || {
    cat "$out.package.log"
    fail "scripts/vscode-package.sh failed"
}
vsix="$root/vscode-extension/privlint-linux-x64.vsix"
[ -f "$vsix" ] || fail "no $vsix"
python3 -c 'import sys, zipfile; sys.exit("extension/bin/privlint" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$vsix" ||
    fail "the .vsix bundles no privlint binary (is target/release/privlint there?)"
python3 -c 'import sys, zipfile; sys.exit(b"TargetPlatform=\"linux-x64\"" not in zipfile.ZipFile(sys.argv[1]).read("extension.vsixmanifest"))' "$vsix" ||
    fail "the .vsix is not the linux-x64 package (no TargetPlatform=\"linux-x64\" in its manifest)"

# ---------------------------------------------------------------- a fresh profile and workspace
rm -rf "$run" "$out"/*.png
mkdir -p "$run/data/User" "$run/extensions" "$run/ws" "$run/home"
cp vscode-extension/e2e/workspace/declaration.privacy vscode-extension/e2e/workspace/notice.privacy "$run/ws/"
# The editor setting turns missing-processor-agreement off: the server must get it at initialize.
cat >"$run/data/User/settings.json" <<'JSON'
{
  "privlint.rules": { "missing-processor-agreement": "off" },
  "privlint.trace.server": "verbose",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "editor.acceptSuggestionOnEnter": "off",
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "editor.suggestOnTriggerCharacters": false,
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never"
}
JSON
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" >"$run/config.yaml"
# HOME and XDG_* point into the run directory: neither code-server nor Chromium writes into ~/.config.
cs=(env HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share"
    "$code_server" --config "$run/config.yaml" --user-data-dir "$run/data" --extensions-dir "$run/extensions")

say "installing the .vsix into code-server"
"${cs[@]}" --install-extension "$vsix" >"$run/install-extension.log" 2>&1 || {
    cat "$run/install-extension.log"
    fail "code-server --install-extension failed"
}
grep -q 'successfully installed' "$run/install-extension.log" || {
    cat "$run/install-extension.log"
    fail "the .vsix was not installed"
}

# ---------------------------------------------------------------- code-server, then the browser
pids=()
stop_group() { # pgid
    kill -TERM -- "-$1" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 -- "-$1" 2>/dev/null || return 0
        sleep 0.25
    done
    kill -KILL -- "-$1" 2>/dev/null || true
}
cleanup() {
    for pid in "${pids[@]}"; do
        stop_group "$pid"
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_code_server LOG [VAR=value...]: code-server on $port; setsid puts it, its extension host
# and privlint lsp in one process group, stopped by stop_group (and at exit).
start_code_server() {
    local log=$1
    shift
    setsid env "$@" "${cs[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
        --disable-getting-started-override ${E2E_TRACE:+--log trace} "$run/ws" >"$log" 2>&1 &
    cs_pid=$!
    pids+=("$cs_pid")
    say "code-server starting on 127.0.0.1:$port (pgid $cs_pid)"
    for _ in $(seq 1 120); do
        if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
            "http://127.0.0.1:$port/healthz"; then
            say "code-server ready"
            return 0
        fi
        kill -0 "$cs_pid" 2>/dev/null || break
        sleep 0.5
    done
    tail -30 "$log"
    fail "code-server did not answer /healthz within 60 s"
}

# browser SCENARIO: the Playwright script, in its own process group (Chromium is its child).
browser() {
    setsid env TOOLS="$tools" CHROMIUM="$chromium" URL="http://127.0.0.1:$port" SCENARIO="$1" \
        WORKSPACE="$run/ws" RUN_DIR="$run" OUT_DIR="$out" E2E_TIMEOUT="${E2E_TIMEOUT:-240}" \
        node "$root/vscode-extension/e2e/problems.mjs" &
    local pid=$!
    pids+=("$pid")
    wait "$pid"
}

status=0

# 1. The extension with its bundled binary: findings, documentation, the fix, the settings.
start_code_server "$run/code-server.log"
browser main || status=$?
stop_group "$cs_pid"

# What the extension host did: activation, the binary.
exthost_log=$(find "$run/data/logs" -name 'remoteexthost.log' 2>/dev/null | head -1)
if [ -n "$exthost_log" ] && grep -q "_doActivateExtension privlint.privlint" "$exthost_log"; then
    say "extension host: $(grep -o "_doActivateExtension privlint.privlint.*" "$exthost_log" | head -1)"
else
    say "extension host log: activation of privlint.privlint not found"
    status=1
fi
output_log=$(find "$run/data/logs" -name '*privlint*.log' 2>/dev/null | head -1)
if [ -n "$output_log" ]; then
    cp "$output_log" "$out/privlint-output.log"
    grep -m1 'privlint: starting' "$output_log" | sed 's/^/    /' || true
fi

# 2. No binary anywhere (the bundled one removed, privlint not on PATH, privlint.path unset):
#    the extension must say so, not fail silently.
if [ "$status" = 0 ]; then
    rm -f "$run"/extensions/privlint.privlint-*/bin/privlint
    cp vscode-extension/e2e/workspace/declaration.privacy vscode-extension/e2e/workspace/notice.privacy "$run/ws/"
    path_without_privlint=$(
        IFS=:
        for dir in $PATH; do [ -x "$dir/privlint" ] || printf '%s:' "$dir"; done
    )
    start_code_server "$run/code-server-no-binary.log" PATH="${path_without_privlint%:}"
    browser missing-binary || status=$?
    stop_group "$cs_pid"
fi

elapsed=$(($(date +%s) - start_time))
if [ "$status" = 0 ]; then
    echo "vscode-e2e: screenshots: $out/problems.png $out/rule-documentation.png $out/problems-after-fix.png $out/problems-after-setting.png $out/notice-preview.png $out/notice-preview-edited.png $out/notice-preview-en.png $out/notice-preview-draft.png $out/no-binary.png $out/no-binary-setting.png"
    echo "vscode-e2e: PASS (${elapsed}s)"
else
    echo "vscode-e2e: logs: $run/code-server.log ${exthost_log:-} ; screenshots in $out"
    echo "vscode-e2e: FAIL (${elapsed}s)"
    exit 1
fi
