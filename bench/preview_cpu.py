"""Preview edit cost in CPU seconds, in-process: less at the mercy of a busy machine than wall time.

    .venv/bin/python bench/preview_cpu.py            # 2,500 generated reviews, 4 edits of each kind
    .venv/bin/python bench/preview_cpu.py -n 600 --edits 2
    .venv/bin/python bench/preview_cpu.py --profile /tmp/edits.prof   # cProfile of the edits only

Builds the preview as `serve` wires it (minus the watcher), then for each save: writes
the review, lets the session take it in (`apply`) and renders the review page
(`prepare`), and prints the wall and CPU seconds of that, and the garbage collector's
share. Prose edits add a sentence; price edits change the input price (and its
history), which moves the model among its bracket peers (`catalog.update_catalog`).
The catalog checks' forked child is waited for between edits, outside the timing.
`preview_bench.py` measures the same edits end to end over HTTP against a `serve` process.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "bench")]
os.environ.setdefault("MODELREVIEW_TODAY", "2026-11-21")

from preview_project import make_project, running_preview  # noqa: E402


def _prose(text: str) -> str:
    if "A sentence the benchmark adds." in text:
        return text.replace("A sentence the benchmark adds.\n\n", "", 1)
    return text.replace("## ", "A sentence the benchmark adds.\n\n## ", 1)


def _price(text: str) -> str:
    old = re.search(r"(?m)^  input: (\S+)$", text).group(1)  # type: ignore[union-attr]
    new = f"{float(old) * 1.1 + 0.01:.4f}"
    return re.sub(rf"(?m)^(\s+)input: {re.escape(old)}$", rf"\g<1>input: {new}", text)


class CollectorTime:
    """Seconds the cyclic garbage collector ran while `active`, from `gc.callbacks`."""

    def __init__(self) -> None:
        self.active, self.seconds, self.collections, self._started = False, 0.0, 0, 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if not self.active:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.collections += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2500, help="generated reviews (default 2500)")
    parser.add_argument("--edits", type=int, default=4, help="edits of each kind (default 4)")
    parser.add_argument("--no-gc-freeze", action="store_true",
                        help="leave the garbage collector as tests do (serve freezes the heap after set-up)")
    parser.add_argument("--profile", metavar="FILE",
                        help="write a cProfile of the timed steps (save, apply, prepare) to FILE")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="modelreview-preview-cpu-")) / "project"
    try:
        project = make_project(root, reviews=args.n)
        with running_preview(project, tune_gc=not args.no_gc_freeze) as preview:
            files = sorted((root / "content/models").rglob("*.md"))
            target = files[len(files) // 2]
            page = "models/" + target.relative_to(root / "content/models").with_suffix("").as_posix() + "/"
            preview.get(page)
            text = target.read_text(encoding="utf-8")
            figures: dict[str, list[tuple[float, float]]] = {"prose": [], "price": []}
            profile = cProfile.Profile() if args.profile else None
            collector = CollectorTime()
            for _ in range(args.edits):
                for kind, edit in (("prose", _prose), ("price", _price)):
                    text = edit(text)
                    wall, cpu = time.perf_counter(), time.process_time()
                    collector.active = True
                    if profile is not None:
                        profile.enable()
                    target.write_text(text, encoding="utf-8")
                    preview.session.apply({target})
                    preview.session.prepare(page + "index.html")
                    if profile is not None:
                        profile.disable()
                    collector.active = False
                    figures[kind].append((time.perf_counter() - wall, time.process_time() - cpu))
                    preview.session.checks_idle.wait(120)
            if profile is not None:
                profile.dump_stats(args.profile)
            print(f"{args.n} reviews, {args.edits} edits of each kind (median, worst):")
            for kind, runs in figures.items():
                walls, cpus = [w for w, _ in runs], [c for _, c in runs]
                print(f"  {kind} edit: CPU {statistics.median(cpus):.3f} s / {max(cpus):.3f} s, "
                      f"wall {statistics.median(walls):.3f} s / {max(walls):.3f} s")
            print(f"  garbage collector during the edits: {collector.collections} collections, "
                  f"{collector.seconds:.3f} s in all")
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
