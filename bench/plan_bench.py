#!/usr/bin/env python3
"""Benchmarks `stackplan plan`.

    bench/plan_bench.py [RUNS]          (default 51 runs)

1. Wall time of one `plan` process per example (catalog load included), median of RUNS runs.
2. One `plan` call and one `validate` call over 1,000 and 5,000 specs (copies of the five
   examples): median wall time of 5 runs and peak memory.
Builds ./build/stackplan first. Figures go in docs/performance.md.
"""
import os
import shutil
import statistics
import sys
import tempfile

from benchlib import BIN, EXAMPLES, ROOT, build, peak_kb, wall


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 51
    build()
    print(f"{'spec':45} {'median ms':>10} {'min ms':>8}")
    for spec in EXAMPLES:
        times = [wall([BIN, "plan", spec]) for _ in range(runs)]
        print(f"{spec:45} {statistics.median(times) * 1e3:10.2f} {min(times) * 1e3:8.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        specs = []
        for i in range(5000):
            src = os.path.join(ROOT, EXAMPLES[i % len(EXAMPLES)])
            dst = os.path.join(tmp, f"s{i:04d}.yaml")
            shutil.copyfile(src, dst)
            specs.append(dst)
        for count in (1000, 5000):
            for command in (["plan", "--format", "json"], ["validate"]):
                args = [BIN, *command, *specs[:count]]
                times = [wall(args) for _ in range(5)]
                label = f"{count:,} specs: {' '.join(command)}"
                print(f"{label:45} {statistics.median(times) * 1e3:10.2f} "
                      f"{min(times) * 1e3:8.2f}  peak {peak_kb(args) / 1024:.1f} MB")

if __name__ == "__main__":
    main()
