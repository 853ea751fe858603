#!/usr/bin/env bash
# Startup-to-exit of `privlint check` on one small file, as a pre-commit hook runs it:
# wall time over 50 runs (median and max) and peak RSS (from /usr/bin/time -v).
# Usage: scripts/bench-startup.sh [FILE]   (default: examples/nettbutikk.privacy)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-examples/nettbutikk.privacy}
cargo build --release --quiet
bin=target/release/privlint
runs=50
walls=()
rss=0
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for _ in $(seq $runs); do
    start=$(date +%s%N)
    /usr/bin/time -v -o "$report" "$bin" check "$file" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    # Wall time from the clock around the process (time -v rounds to 10 ms); includes the
    # fork and exec of /usr/bin/time itself, so it slightly overstates privlint's own time.
    walls+=("$(( (end - start) / 1000 ))")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$report")
    (( r > rss )) && rss=$r
done
sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
echo "file: $file ($(wc -l <"$file") lines)"
echo "runs: $runs"
echo "wall median: ${sorted[$((runs / 2))]} µs, max: ${sorted[$((runs - 1))]} µs"
echo "peak RSS: $((rss / 1024)) MB ($rss kB)"
