#!/usr/bin/env bash
# Builds the browser playground into target/playground/: privlint compiled to WebAssembly
# (wasm/, profile wasm-release), its JavaScript bindings (wasm-bindgen --target web), and the
# page (playground/: CodeMirror 6 bundled by esbuild, the bundled examples inside). Serve the
# directory with any static server (python3 -m http.server -d target/playground) and open it.
#
# Installed by it, pinned, and kept for the next run:
#   - rustup: the target wasm32-unknown-unknown;
#   - apt (as root, only if missing): clang-14 and llvm-14 (tree-sitter's C code for wasm32);
#   - cargo: wasm-bindgen-cli at the version wasm/Cargo.toml pins for wasm-bindgen;
#   - npm: the page's packages at the versions of playground/package-lock.json, wasm-opt among
#     them (binaryen, the build that runs under node: the same on every machine, unlike Debian's
#     much older binaryen 108).
# Where the wasm32 target cannot be installed it says so in one line and exits 3, which
# scripts/test.sh reports as a skipped browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
out="$root/target/playground"
start_time=$(date +%s)
say() { printf '[playground %3ds] %s\n' "$(($(date +%s) - start_time))" "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    if ! rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
        echo "playground: the Rust target wasm32-unknown-unknown cannot be installed here (rustup target add failed): not built"
        exit 3
    fi
fi
if ! command -v clang-14 >/dev/null || ! command -v llvm-ar-14 >/dev/null; then
    say "apt-get install clang-14 llvm-14"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-14 llvm-14 >/dev/null
fi
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' wasm/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    say "cargo install wasm-bindgen-cli $version"
    # Without --locked when its lock names a crate version the registry no longer serves.
    cargo install --quiet wasm-bindgen-cli --version "=$version" --locked ||
        cargo install --quiet wasm-bindgen-cli --version "=$version"
fi

stamp="$(sha256sum playground/package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ "$(cat playground/node_modules/.installed 2>/dev/null)" != "$stamp" ]; then
    say "npm ci (playground/package-lock.json)"
    (cd playground && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
    echo "$stamp" >playground/node_modules/.installed
fi

say "cargo build --target wasm32-unknown-unknown --profile wasm-release -p privlint-wasm"
CC_wasm32_unknown_unknown=clang-14 AR_wasm32_unknown_unknown=llvm-ar-14 \
    cargo build --quiet --target wasm32-unknown-unknown --profile wasm-release -p privlint-wasm
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out/pkg" \
    target/wasm32-unknown-unknown/wasm-release/privlint_wasm.wasm
# wasm-opt -Oz makes the module smaller but, measured (BENCHMARKS.md), not its gzip, which is
# what is downloaded: its output is kept only when it gzips smaller. It takes minutes on two
# cores, so it runs where the page is published (WASM_OPT=1 in the release workflow), not in
# the test command, which checks the page's behaviour, not its size.
wasm="$out/pkg/privlint_wasm_bg.wasm"
if [ "${WASM_OPT:-0}" = 1 ]; then
    say "wasm-opt -Oz (binaryen $(node -p 'require("./playground/node_modules/binaryen/package.json").version'))"
    playground/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext \
        --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types \
        --enable-multivalue "$wasm" -o "$wasm.opt"
    before=$(gzip -9c "$wasm" | wc -c)
    after=$(gzip -9c "$wasm.opt" | wc -c)
    if [ "$after" -lt "$before" ]; then
        mv "$wasm.opt" "$wasm"
    else
        say "wasm-opt: not kept ($((after / 1024)) KiB gzipped against $((before / 1024)) KiB without)"
        rm "$wasm.opt"
    fi
else
    say "wasm-opt: skipped (WASM_OPT=1 runs it; the release workflow does)"
fi

# The bundled examples: the single-file ones, and the declaration in several files with its
# privlint.toml, each as the files the page checks.
python3 - "$out/examples.json" <<'PY'
import json, pathlib, sys
examples = {}
for path in sorted(pathlib.Path("examples").glob("*.privacy")):
    examples[path.stem] = {str(path): path.read_text(encoding="utf-8")}
for directory in sorted(p for p in pathlib.Path("examples").iterdir() if (p / "privlint.toml").is_file()):
    files = sorted([*directory.rglob("*.privacy"), directory / "privlint.toml"])
    examples[directory.name] = {str(f): f.read_text(encoding="utf-8") for f in files}
pathlib.Path(sys.argv[1]).write_text(json.dumps(examples, ensure_ascii=False), encoding="utf-8")
PY
playground/node_modules/.bin/esbuild playground/main.js --bundle --format=esm --minify \
    --target=es2022 --external:./pkg/privlint_wasm.js \
    --alias:privlint-examples="$out/examples.json" --outfile="$out/main.js" --log-level=warning
rm "$out/examples.json"
cp playground/index.html playground/style.css "$out/"
wasm=$(gzip -9c "$out/pkg/privlint_wasm_bg.wasm" | wc -c)
page=$(tar -C "$out" -cf - . | gzip -9 | wc -c)
say "built $out: the wasm $((wasm / 1024)) KiB gzipped, the page $((page / 1024)) KiB gzipped"
