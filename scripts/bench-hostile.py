#!/usr/bin/env python3
"""Hostile inputs whose cost could grow faster than the input (issue 13, items 9-11).

Generates each pathological declaration at N, 2N and 4N, runs the release binary on it in every
output format and prints the wall time, the peak RSS (`/usr/bin/time -v`), the output size and
the time ratio per doubling (target: at most about 2.5x). Then generates each kind at about 2 MB
and checks that no format takes more than 3 s.

Usage: scripts/bench-hostile.py [--bin PATH] [--timeout SECONDS] [--skip-build] [--only KIND]
Kinds:
  line      one line of N comma-separated undefined IDs (N findings on one line)
  unknown   N categories and N references to near-miss names (`cat_00001` / `cta_00001`)
  suppress  N definitions, each with its own suppression comment
  longid    a category with an ID of N characters and a reference differing in its last letter
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ["human", "json", "sarif", "github"]
HEAD = 'controller c "C" {\n  email "e"\n}\n'


def line(n):
    ids = ", ".join(f"c{i}" for i in range(n))
    return HEAD + 'purpose p "P" {\n  basis consent\n  data ' + ids + "\n}\n"


def unknown(n):
    defs = "".join(f'category cat_{i:06} "K"\n' for i in range(n))
    refs = ",\n    ".join(f"cta_{i:06}" for i in range(n))
    return HEAD + defs + 'purpose p "P" {\n  basis consent\n  data ' + refs + "\n}\n"


def suppress(n):
    return HEAD + "".join(
        f'category k{i} "K"  # privlint: allow unused-definition -- kept\n' for i in range(n)
    )


def longid(n):
    word = "a" * (n - 1)
    return (
        HEAD
        + f'category {word}x "K"\n'
        + 'purpose p "P" {\n  basis consent\n  data '
        + word
        + "y\n}\n"
    )


# Kind: (generator, N for the doubling series, N giving about 2 MB).
KINDS = {
    "line": (line, 10_000, 250_000),
    "unknown": (unknown, 2_000, 60_000),
    "suppress": (suppress, 10_000, 32_000),
    "longid": (longid, 10_000, 1_000_000),
}


def run(binary, path, fmt, timeout):
    """Wall seconds (None on timeout), peak RSS in MB, bytes written to stdout."""
    report = path + ".time"
    start = time.monotonic()
    with open(path + ".out", "wb") as out:
        proc = subprocess.Popen(
            ["/usr/bin/time", "-v", "-o", report, binary, "check", "--format", fmt, path],
            stdout=out,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            # Only the processes started here: /usr/bin/time and its child.
            subprocess.run(["pkill", "-P", str(proc.pid)], check=False)
            proc.kill()
            proc.wait()
            return None, None, os.path.getsize(path + ".out")
    wall = time.monotonic() - start
    rss = 0.0
    with open(report) as f:
        for row in f:
            if "Maximum resident set size" in row:
                rss = int(row.split(":")[1]) / 1024
    return wall, rss, os.path.getsize(path + ".out")


def fmt_wall(wall, timeout):
    return f"> {timeout:.0f} s" if wall is None else f"{wall * 1000:.0f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/release/privlint"))
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--only", action="append", choices=list(KINDS))
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(
            ["cargo", "build", "--release", "--quiet", "-p", "privlint"], cwd=ROOT, check=True
        )
    kinds = args.only or list(KINDS)
    failed = []
    with tempfile.TemporaryDirectory() as work:
        print("| input | size | format | wall | ratio | peak RSS | output |")
        print("|---|---|---|---|---|---|---|")
        for kind in kinds:
            generate, n, _ = KINDS[kind]
            previous = {}
            for k in (n, 2 * n, 4 * n):
                path = os.path.join(work, f"{kind}-{k}.privacy")
                with open(path, "w") as f:
                    f.write(generate(k))
                size = os.path.getsize(path)
                for fmt in FORMATS:
                    wall, rss, out = run(args.bin, path, fmt, args.timeout)
                    ratio = ""
                    if wall is not None and previous.get(fmt):
                        ratio = f"{wall / previous[fmt]:.2f}x"
                        if wall / previous[fmt] > 2.5 and wall > 0.05:
                            failed.append(f"{kind} {k} {fmt}: {ratio} per doubling")
                    previous[fmt] = wall
                    rss_text = "-" if rss is None else f"{rss:.1f} MB"
                    print(
                        f"| {kind} N={k:,} | {size / 1e6:.2f} MB | {fmt} | "
                        f"{fmt_wall(wall, args.timeout)} | {ratio} | {rss_text} | "
                        f"{out / 1e6:.2f} MB |",
                        flush=True,
                    )
        print()
        print("| 2 MB input | format | wall | peak RSS | output |")
        print("|---|---|---|---|---|")
        for kind in kinds:
            generate, _, big = KINDS[kind]
            path = os.path.join(work, f"{kind}-big.privacy")
            with open(path, "w") as f:
                f.write(generate(big))
            size = os.path.getsize(path)
            for fmt in FORMATS:
                wall, rss, out = run(args.bin, path, fmt, args.timeout)
                if wall is None or wall > 3:
                    failed.append(f"{kind} at {size / 1e6:.2f} MB {fmt}: over 3 s")
                rss_text = "-" if rss is None else f"{rss:.1f} MB"
                print(
                    f"| {kind} N={big:,} ({size / 1e6:.2f} MB) | {fmt} | "
                    f"{fmt_wall(wall, args.timeout)} | {rss_text} | {out / 1e6:.2f} MB |",
                    flush=True,
                )
    print()
    if failed:
        print("NOT MET:\n  " + "\n  ".join(failed))
        sys.exit(1)
    print("met: at most 2.5x per doubling, no 2 MB input over 3 s")


if __name__ == "__main__":
    main()
