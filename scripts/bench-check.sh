#!/usr/bin/env bash
# Whole-process benchmarks of `privlint check` (release build): wall time and peak RSS for
# generated declarations of 1,000 / 5,000 / 50,000 purposes, and 1,000 files of 50 purposes
# (all cores); and one declaration of 200 files x 100 purposes ([[declarations]], checked from one
# of its files) against the same 20,000 purposes in one file. Each is run 5 times; the median wall
# time and the largest RSS are shown.
# Usage: scripts/bench-check.sh [declaration]  (declaration: only the last comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p privlint -p privlint-bench
bin=target/release/privlint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label, then the command
    local label=$1; shift
    local walls=() rss=0 report="$work/time.txt"
    for _ in 1 2 3 4 5; do
        local start end
        start=$(date +%s%N)
        /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        walls+=("$(( (end - start) / 1000 ))")
        local r cpu
        r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$report")
        (( r > rss )) && rss=$r
        cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$report")
    done
    local sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
    printf '%-34s wall %8.1f ms   peak RSS %6.1f MB   CPU %s\n' "$label" \
        "$(awk "BEGIN {print ${sorted[2]} / 1000}")" "$(awk "BEGIN {print $rss / 1024}")" "$cpu"
}

if [[ ${1:-} == declaration ]]; then
    target/release/generate 20000 >"$work/one.privacy"
    measure "check, 20000 purposes in one file" "$bin" check "$work/one.privacy"
    mkdir -p "$work/split/.git"
    target/release/generate --files 200 100 "$work/split"
    measure "check, 200 files x 100 purposes" "$bin" check "$work/split/systems/system_100.privacy"
    measure "check, the same, every file named" "$bin" check "$work/split"
    exit 0
fi

for n in 1000 5000 50000; do
    target/release/generate "$n" >"$work/d$n.privacy"
    lines=$(wc -l <"$work/d$n.privacy")
    measure "check, $n purposes ($lines lines)" "$bin" check "$work/d$n.privacy"
done
mkdir -p "$work/many"
target/release/generate 50 >"$work/one.privacy"
for i in $(seq 1000); do cp "$work/one.privacy" "$work/many/f$i.privacy"; done
measure "check, 1000 files x 50 purposes" "$bin" check "$work/many"
