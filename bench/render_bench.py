#!/usr/bin/env python3
"""Benchmarks `stackplan render`.

    bench/render_bench.py [RUNS] [TARGET]     (default 51 runs, target terraform)

Wall time of one `render` process per example into an empty folder, and of `render --check`
against what it wrote, median of RUNS runs. Builds ./build/stackplan first. Figures go in
docs/performance.md.
"""
import os
import shutil
import statistics
import sys
import tempfile

from benchlib import BIN, EXAMPLES, build, wall


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 51
    target = sys.argv[2] if len(sys.argv) > 2 else "terraform"
    build()
    work = tempfile.mkdtemp(prefix="stackplan-render-bench-")
    print(f"target {target}, {runs} runs")
    print(f"{'spec':45} {'render ms':>10} {'--check ms':>11}")
    for spec in EXAMPLES:
        fresh, check = [], []
        for i in range(runs):
            out = os.path.join(work, f"out{i}")
            fresh.append(wall([BIN, "render", spec, "--out", out, "--target", target]))
            check.append(wall([BIN, "render", spec, "--out", out, "--target", target, "--check"]))
            shutil.rmtree(out)
        print(f"{spec:45} {statistics.median(fresh) * 1e3:10.2f} {statistics.median(check) * 1e3:11.2f}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
