#!/usr/bin/python3
"""Peer figure for VersionCompareBenchmark: python3-apt sorting the same real versions.

Reads the Version fields of the same three files as VersionCompareBenchmark, shuffles them with a
fixed seed, and times sorted(..., key=cmp_to_key(apt_pkg.version_compare)); prints the mean and
the best of the runs in ms, and checks that apt's order agrees with `--check FILE` (one version a
line, as `debindex sort-versions` writes it) when given.

Usage: benchmarks/peer/apt_pkg_sort.py [--testdata DIR] [--runs N] [--check FILE]
"""
import argparse
import functools
import lzma
import random
import statistics
import sys
import time

import apt_pkg

FILES = (
    "debian/dists/trixie/main/binary-amd64/Packages.xz",
    "debian/dists/trixie/main/source/Sources.xz",
    "debian/dists/bookworm/main/binary-amd64/Packages.xz",
)


def read_versions(root):
    seen = {}
    for name in FILES:
        with lzma.open(f"{root}/{name}", "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("Version:"):
                    seen.setdefault(line[len("Version:"):].strip(), None)
    return list(seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testdata", default="../shared/testdata")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--check", help="a file sorted by debindex to compare with apt's order")
    args = parser.parse_args()

    apt_pkg.init_system()
    versions = read_versions(args.testdata)
    random.Random(42).shuffle(versions)
    key = functools.cmp_to_key(apt_pkg.version_compare)

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        ordered = sorted(versions, key=key)
        times.append((time.perf_counter() - start) * 1000)
    print(f"apt_pkg.version_compare sort of {len(versions)} versions: "
          f"mean {statistics.mean(times):.1f} ms, best {min(times):.1f} ms over {args.runs} runs")

    if args.check:
        with open(args.check, encoding="utf-8") as f:
            ours = [line.strip() for line in f if line.strip()]
        if len(ours) != len(ordered):
            sys.exit(f"{args.check}: {len(ours)} versions, apt sorted {len(ordered)}")
        for i, (a, b) in enumerate(zip(ours, ordered)):
            if a != b and apt_pkg.version_compare(a, b) != 0:
                sys.exit(f"{args.check}:{i + 1}: debindex has {a}, apt has {b}")
        print(f"{args.check}: same order as apt_pkg")


if __name__ == "__main__":
    main()
