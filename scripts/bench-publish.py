#!/usr/bin/env python3
"""Time and peak memory of what privlint writes, against `privlint check` (issue 18, item 7).

Targets (BENCHMARKS.md, "Publishing at scale"): every output within 3x `check` in time and peak
memory and linear in the size of the declaration; `record` linear in files; every check format
at most 2 s on one line with 250,000 findings.

Parts (all by default; `--only` picks some):
  publish  declarations from `target/release/generate` of 4,900 purposes (1.39 MB) and 100,000
           purposes (29.2 MB), and a dense one: `generate 2000` with every purpose naming all
           its 40 categories and 20 processors (1.46 MB; many references per byte, each of
           which the outputs spell out): `check --format json`, then `notice` (HTML, Markdown),
           `record` (CSV, XLSX, Markdown) and `export --format dpv`
  files    10,000 files of one purpose each (`generate 1`, 2.7 KB) in one directory: `check`
           and `record`
  line     one line of 250,000 undefined IDs (scripts/bench-hostile.py, kind `line`): `check`
           in every format

Each command runs under `/usr/bin/time -v` (peak RSS; user + system CPU time, which the load
of other work on the machine changes less than wall time). `--before BIN` runs an older binary
too, on the same inputs, and prints both. `--cap-gb N` limits each process's address space
(default 8 GB), so that a command that would take more stops instead of taking the machine:
shown as `> cap`.

Usage: scripts/bench-publish.py [--bin PATH] [--before PATH] [--only PART] [--runs N]
                                [--cap-gb N] [--skip-build]
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
hostile = __import__("bench-hostile")

PUBLISH = [
    ("check --format json", ["check", "--format", "json"]),
    ("notice (HTML)", ["notice", "--draft"]),
    ("notice --format md", ["notice", "--draft", "--format", "md"]),
    ("record --format csv", ["record", "--format", "csv"]),
    ("record --format xlsx", ["record", "--format", "xlsx", "--output", "{out}"]),
    ("record --format md", ["record", "--format", "md"]),
    ("export --format dpv", ["export", "--format", "dpv"]),
]
SIZES = [(4_900, False), (100_000, False), (2_000, True)]
FILES = 10_000
LINE_IDS = 250_000


class Run:
    def __init__(self, wall, cpu, rss, out, capped):
        self.wall, self.cpu, self.rss, self.out, self.capped = wall, cpu, rss, out, capped

    def text(self):
        if self.capped:
            return f"> cap ({self.rss:.0f} MB, {self.cpu:.2f} s CPU)"
        return f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU, {self.rss:.1f} MB"


def run_once(binary, args, work, cap):
    report = os.path.join(work, "time.txt")
    out_path = os.path.join(work, "out")
    args = [a.replace("{out}", out_path + ".xlsx") for a in args]

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.monotonic()
    with open(out_path, "wb") as out:
        proc = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report, binary, *args],
            stdout=out,
            stderr=subprocess.DEVNULL,
            preexec_fn=limit,
        )
    wall = time.monotonic() - start
    fields = {}
    with open(report) as f:
        for row in f:
            key, _, value = row.strip().rpartition(": ")
            fields[key] = value
    cpu = float(fields.get("User time (seconds)", 0)) + float(
        fields.get("System time (seconds)", 0)
    )
    rss = int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024
    size = os.path.getsize(out_path)
    if os.path.exists(out_path + ".xlsx"):
        size = os.path.getsize(out_path + ".xlsx")
        os.remove(out_path + ".xlsx")
    # Exit 1 is "findings"; anything else (an abort at the cap, a signal) is a failed run.
    capped = proc.returncode not in (0, 1)
    return Run(wall, cpu, rss, size, capped)


def measure(binary, args, work, cap, runs):
    """The median of `runs` runs (wall and CPU), the largest peak RSS."""
    results = [run_once(binary, args, work, cap) for _ in range(runs)]
    if any(r.capped for r in results):
        return next(r for r in results if r.capped)
    return Run(
        statistics.median(r.wall for r in results),
        statistics.median(r.cpu for r in results),
        max(r.rss for r in results),
        results[0].out,
        False,
    )


def row(label, after, before, check=None):
    cells = [label]
    if before is not None:
        cells.append(before.text())
    cells.append(after.text())
    cells.append(f"{after.out / 1e6:.2f} MB")
    if check is not None and not after.capped:
        cells.append(f"{after.cpu / check.cpu:.2f}x CPU, {after.rss / check.rss:.2f}x RSS")
    print("| " + " | ".join(cells) + " |", flush=True)


def header(columns, before):
    columns = columns[:1] + (["before"] if before else []) + columns[1:]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))


def densify(text):
    """Every purpose of a generated declaration names all its categories and processors."""
    categories = ", ".join(re.findall(r"^category (\w+)", text, re.M))
    processors = ", ".join(re.findall(r"^processor (\w+)", text, re.M))
    text = re.sub(r"^  data .*$", "  data " + categories, text, flags=re.M)
    return re.sub(r"^  processors .*$", "  processors " + processors, text, flags=re.M)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/release/privlint"))
    parser.add_argument("--generate", default=os.path.join(ROOT, "target/release/generate"))
    parser.add_argument("--before")
    parser.add_argument("--only", action="append", choices=["publish", "files", "line"])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--cap-gb", type=float, default=8)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "-p", "privlint", "-p", "privlint-bench"],
            cwd=ROOT,
            check=True,
        )
    cap = int(args.cap_gb * 1024**3)
    parts = args.only or ["publish", "files", "line"]

    def both(cmd, work):
        after = measure(args.bin, cmd, work, cap, args.runs)
        before = measure(args.before, cmd, work, cap, args.runs) if args.before else None
        return after, before

    with tempfile.TemporaryDirectory() as work:
        if "publish" in parts:
            for purposes, dense in SIZES:
                path = os.path.join(work, f"d{purposes}.privacy")
                text = subprocess.run(
                    [args.generate, str(purposes)], capture_output=True, text=True, check=True
                ).stdout
                if dense:
                    text = densify(text)
                with open(path, "w") as f:
                    f.write(text)
                size = os.path.getsize(path) / 1e6
                how = "every purpose naming every category and processor" if dense else ""
                print(f"\n{purposes:,} purposes ({size:.2f} MB, `generate {purposes}`{how and ', ' + how}):\n")
                header(["command", "after", "output", "after / check"], args.before)
                check = None
                for label, cmd in PUBLISH:
                    after, before = both(cmd + [path], work)
                    check = check or after
                    row(label, after, before, check)
        if "files" in parts:
            many = os.path.join(work, "many")
            os.makedirs(os.path.join(many, ".git"))
            one = subprocess.run(
                [args.generate, "1"], capture_output=True, text=True, check=True
            ).stdout
            for i in range(FILES):
                with open(os.path.join(many, f"f{i:05}.privacy"), "w") as f:
                    f.write(one)
            print(f"\n{FILES:,} files of one purpose each:\n")
            header(["command", "after", "output", "after / check"], args.before)
            check = None
            for label, cmd in [
                ("check", ["check", many]),
                ("record --format csv", ["record", "--format", "csv", many]),
            ]:
                after, before = both(cmd, work)
                check = check or after
                row(label, after, before, check)
        if "line" in parts:
            path = os.path.join(work, "line.privacy")
            with open(path, "w") as f:
                f.write(hostile.line(LINE_IDS))
            size = os.path.getsize(path) / 1e6
            print(f"\nOne line of {LINE_IDS:,} undefined IDs ({size:.2f} MB):\n")
            header(["format", "after", "output"], args.before)
            for fmt in hostile.FORMATS:
                after, before = both(["check", "--format", fmt, path], work)
                row(f"check --format {fmt}", after, before)


if __name__ == "__main__":
    main()
