#!/usr/bin/env python3
"""Benchmarks `stackplan plan`.

    bench/plan_bench.py [RUNS]          (default 51 runs)

1. Wall time of one `plan` process per example (catalog load included), median of RUNS runs.
2. One `plan` call over 1,000 specs (copies of the five examples), median of 5 runs.
Builds ./build/stackplan first. Figures go in docs/performance.md.
"""
import os
import shutil
import statistics
import sys
import tempfile

from benchlib import BIN, EXAMPLES, ROOT, build, wall


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 51
    build()
    print(f"{'spec':45} {'median ms':>10} {'min ms':>8}")
    for spec in EXAMPLES:
        times = [wall([BIN, "plan", spec]) for _ in range(runs)]
        print(f"{spec:45} {statistics.median(times) * 1e3:10.2f} {min(times) * 1e3:8.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        specs = []
        for i in range(1000):
            src = os.path.join(ROOT, EXAMPLES[i % len(EXAMPLES)])
            dst = os.path.join(tmp, f"s{i:04d}.yaml")
            shutil.copyfile(src, dst)
            specs.append(dst)
        times = [wall([BIN, "plan", "--format", "json", *specs]) for _ in range(5)]
        print(f"{'1,000 specs in one call':45} {statistics.median(times) * 1e3:10.2f} "
              f"{min(times) * 1e3:8.2f}")


if __name__ == "__main__":
    main()
