#!/usr/bin/env python3
"""Reading a privlint.toml with many [[declarations]] entries (issue 18, item 7).

Writes a repository with ENTRIES `[[declarations]]` entries, entry i taking the one file
`systems/s<i>.privacy` (six digits), and FILES of those files (so ENTRIES - FILES entries match nothing and are
reported), then times `privlint check systems/s000000.privacy`: reading the configuration, finding
the `.privacy` files under it and grouping them by entry. Prints the median wall time, the CPU
time (user + system, steadier than the wall time on a shared machine) and the peak RSS
(`/usr/bin/time`). Target: 100,000 entries in at most 1 s.

With --wildcard, entry i's glob is `systems/s<i>.*`, which globset matches with a regular
expression rather than by its name.

Usage: scripts/bench-declarations.py [--bin PATH] [--files F] [--runs R] [--wildcard] ENTRIES...
"""

import argparse
import os
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write(root: str, entries: int, files: int, wildcard: bool):
    os.makedirs(os.path.join(root, ".git"))
    os.makedirs(os.path.join(root, "systems"))
    with open(os.path.join(root, "privlint.toml"), "w", encoding="utf-8") as config:
        for i in range(entries):
            glob = f"systems/s{i:06}.*" if wildcard else f"systems/s{i:06}.privacy"
            config.write(f'[[declarations]]\nname = "declaration-{i:06}"\nfiles = ["{glob}"]\n\n')
    for i in range(files):
        with open(os.path.join(root, "systems", f"s{i:06}.privacy"), "w", encoding="utf-8") as f:
            f.write(f'category c{i} "C {i}"\n')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("entries", type=int, nargs="+")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "privlint"))
    parser.add_argument("--files", type=int, default=None, help="files written (default: one per entry)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wildcard", action="store_true", help="globs `systems/s<i>.*` rather than the file's name")
    args = parser.parse_args()
    for entries in args.entries:
        files = min(entries, args.files if args.files is not None else entries)
        root = tempfile.mkdtemp(prefix="privlint-declarations-")
        try:
            write(root, entries, files, args.wildcard)
            times, cpus = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                out = subprocess.run(
                    ["/usr/bin/time", "-f", "%M %U %S", args.bin, "check", "systems/s000000.privacy"],
                    cwd=root,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                times.append(time.perf_counter() - start)
                rss, user, system = out.stderr.strip().splitlines()[-1].split()
                cpus.append(float(user) + float(system))
            times.sort()
            cpus.sort()
            print(
                f"{entries:>7} entries, {files:>7} files: wall median {times[len(times) // 2]:.2f} s"
                f" (min {times[0]:.2f} s), CPU median {cpus[len(cpus) // 2]:.2f} s,"
                f" peak RSS {int(rss) / 1024:.0f} MB, exit {out.returncode}"
            )
        finally:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
