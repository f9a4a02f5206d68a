"""Benchmark: `modelreview check` over a generated corpus (default 2,500 reviews).

Prints reviews/s, wall time and peak memory of the check as a user runs it (a
separate process, so start-up and imports count). Target on the 2-core machine:
under 2 s and 500 MB for 2,500 reviews.

    python bench/check_bench.py [--reviews 2500] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=3, help="report the best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "site_config", root / "site_config")
        write_corpus(root / "content", args.reviews)
        command = [sys.executable, "-m", "generator.cli", "check", "--root", str(root), "--format", "json"]
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
            best = min(best, time.perf_counter() - start)
            if proc.returncode != 0:
                print(proc.stdout[-2000:], proc.stderr[-2000:])
                return 1
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"check: {args.reviews} reviews in {best:.2f} s (best of {args.runs}) = "
          f"{args.reviews / best:,.0f} reviews/s, peak memory {peak_mb:.0f} MB")
    print(f"target: < 2.00 s and < 500 MB -> {'met' if best < 2 and peak_mb < 500 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
