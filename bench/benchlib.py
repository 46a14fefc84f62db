"""What the benchmarks in bench/ share: where things are, and timing one process."""
import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "stackplan")
EXAMPLES = sorted(
    os.path.join("examples", d, "stack.yaml")
    for d in os.listdir(os.path.join(ROOT, "examples"))
    if os.path.exists(os.path.join(ROOT, "examples", d, "stack.yaml"))
)


def build():
    """Builds ./build/stackplan."""
    subprocess.run(["cmake", "--build", "build", "--target", "stackplan"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def wall(args):
    """Seconds one process takes, run from the source tree with its output discarded."""
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_kb(args):
    """Peak resident memory (KB) of one process, run like wall() (wait4's rusage)."""
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss
