#!/usr/bin/env python3
"""Benchmarks `stackplan lint`.

    bench/lint_bench.py [RUNS]     (default 31 runs)

Renders every example (its last scenario) with --target all, then times one `lint` process over
the output folder (both targets: every .tf file as one module and the CloudFormation template,
40 rules), then the same with `--spec` (adds the spec load, a full render and the comparison),
median of RUNS runs. Builds ./build/stackplan first. Figures go in docs/performance.md.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from benchlib import BIN, EXAMPLES, ROOT, build, wall


def last_scenario(spec):
    out = subprocess.run([BIN, "plan", spec, "--format", "json"], cwd=ROOT, capture_output=True,
                         text=True, check=False).stdout
    return json.loads(out)["stacks"][0]["scenarios"][-1]["name"]


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 31
    build()
    work = tempfile.mkdtemp(prefix="stackplan-lint-bench-")
    print(f"{runs} runs")
    print(f"{'spec':45} {'scenario':18} {'lines':>6} {'lint ms':>8} {'--spec ms':>10}")
    for spec in EXAMPLES:
        scenario = last_scenario(spec)
        out = os.path.join(work, os.path.basename(os.path.dirname(spec)))
        subprocess.run([BIN, "render", spec, "--out", out, "--target", "all", "--scenario",
                        scenario], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        lines = 0
        for folder in ("terraform", "cloudformation"):
            path = os.path.join(out, folder)
            for name in os.listdir(path) if os.path.isdir(path) else []:
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    lines += sum(1 for _ in f)
        plain = [wall([BIN, "lint", out, "--fail-on", "none"]) for _ in range(runs)]
        with_spec = [wall([BIN, "lint", out, "--spec", spec, "--scenario", scenario,
                           "--fail-on", "none"]) for _ in range(runs)]
        print(f"{spec:45} {scenario:18} {lines:6} {statistics.median(plain) * 1e3:8.2f} "
              f"{statistics.median(with_spec) * 1e3:10.2f}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
