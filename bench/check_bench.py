"""Benchmark: `modelreview check` over a generated corpus (default 2,500 reviews).

Prints reviews/s, wall time and peak memory of the check as a user runs it (a
separate process, so start-up and imports count). Target on the 2-core machine:
under 2 s and 500 MB for 2,500 reviews. The generated reviews are heavier than
real ones (every one has prose, offers, benchmarks and FAQ entries to check), so
the same figures are also printed for the real models.dev catalog, imported.

    python bench/check_bench.py [--reviews 2500] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODELS_DEV = REPO.parent / "shared" / "data" / "models-dev" / "api.json"
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
        seconds, peak_mb = measure(["check", "--root", str(root)], args.runs)
        report(f"generated corpus, {args.reviews} reviews", args.reviews, seconds, peak_mb)
        print(f"target: < 2.00 s and < 500 MB -> {'met' if seconds < 2 and peak_mb < 500 else 'NOT met'}")
        if MODELS_DEV.is_file():
            imported = root / "imported"
            subprocess.run([sys.executable, "-m", "generator.cli", "import", "models-dev", str(MODELS_DEV),
                            "--all", "--root", str(root), "--into", str(imported)],
                           check=True, capture_output=True, cwd=REPO)
            count = len(list((imported / "models").glob("*/*.md")))
            seconds, peak_mb = measure(["check", "--root", str(root), "--content", str(imported)], args.runs)
            report(f"models.dev import, {count} reviews", count, seconds, peak_mb)
    return 0


def measure(arguments: list[str], runs: int) -> tuple[float, float]:
    """Best wall time of `modelreview ARGUMENTS` over `runs`, and the largest peak memory
    (of the check process and the workers it forks, as the kernel reports on wait)."""
    best, peak_kb = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "generator.cli", *arguments, "--format", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
        out = proc.stdout.read()  # type: ignore[union-attr]
        _, _, usage = os.wait4(proc.pid, 0)
        best = min(best, time.perf_counter() - start)
        peak_kb = max(peak_kb, usage.ru_maxrss)
        errors = [d for d in json.loads(out) if d["severity"] == "error"]
        if errors:
            raise SystemExit(f"check found {len(errors)} errors: {errors[:3]}")
    return best, peak_kb / 1024


def report(what: str, reviews: int, seconds: float, peak_mb: float) -> None:
    print(f"check, {what}: {seconds:.2f} s (best run) = {reviews / seconds:,.0f} reviews/s, "
          f"peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
