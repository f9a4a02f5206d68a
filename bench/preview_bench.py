"""Preview benchmark: edit-to-visible latency of `modelreview serve` on a large site.

    .venv/bin/python bench/preview_bench.py            # 2,500 generated reviews
    .venv/bin/python bench/preview_bench.py -n 300 --edits 5

Starts `modelreview serve` (its own process, as an editor runs it) on a scratch
project with `bench/corpus.py` content, waits until it serves, then saves reviews
the way editors' tools do (write a temporary file, rename it over the review) and
measures, per save, what a browser showing that review goes through:

* `reload`  : save → the long-poll answers with a new version (the open page reloads);
* `visible` : save → a GET of the review page returns the edited text.

Three kinds of save: prose edits (the common case), price edits (move the model
among its bracket peers: the incremental catalog re-derives them) and edits that
break the file (the error box appears: measured on the status endpoint). Startup and
background work (catalog checks, filling stale pages) are reported as they are.
Prints median, 90th percentile and worst for each kind; the targets (issue 9, item 7)
are a price edit visible in <= 0.3 s and a prose edit in <= 0.25 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from build_bench import make_project  # noqa: E402


def get(url: str, timeout: float = 60) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def status(base: str) -> dict:
    return json.loads(get(base + "_preview/status"))


def save(path: Path, text: str) -> None:
    """Like an editor's atomic save: write beside, then rename over."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def one_edit(base: str, path: Path, url: str, text: str, probe: str) -> tuple[float, float]:
    """(reload, visible) seconds for one save; `probe` must appear on the page afterwards."""
    get(url)                                   # the page is open and current
    version = status(base)["version"]
    started = time.perf_counter()
    save(path, text)
    get(f"{base}_preview/changes?since={version}")
    reload = time.perf_counter() - started
    while probe not in get(url):
        time.sleep(0.005)
    return reload, time.perf_counter() - started


def one_break(base: str, path: Path, broken: str) -> float:
    version = status(base)["version"]
    started = time.perf_counter()
    save(path, broken)
    while True:
        get(f"{base}_preview/changes?since={version}")
        now = status(base)
        if now["errors"]:
            return time.perf_counter() - started
        version = now["version"]


def _price_edit(original: str, page: str) -> tuple[str, str]:
    """The review with a new input price (pricing, its history and same-priced offers alike),
    and how the spec card will show it (a text not on the page yet)."""
    from decimal import Decimal

    from generator.render.format import filters

    old = re.search(r"(?m)^  input: (\S+)$", original).group(1)
    new = Decimal(old)
    while True:
        new = (new * Decimal("1.01") + Decimal("0.001")).quantize(Decimal("0.001"))
        shown = filters()["price"](new)
        if shown not in page:
            break
    text = re.sub(rf"(?m)^(\s+)input: {re.escape(old)}$", rf"\g<1>input: {new}", original)
    return text, shown


def summary(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:34} -"
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return (f"{name:34} {len(values):5d} {statistics.median(values):8.3f} {p90:8.3f} {max(values):8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2500, help="generated reviews (default 2500)")
    parser.add_argument("--edits", type=int, default=12, help="saves of each kind (default 12)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pause", type=float, default=1.5, help="seconds between saves (default 1.5)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="modelreview-preview-bench-"))
    project = work / "project"
    print(f"writing {args.n} reviews to {project} ...", flush=True)
    make_project(project, args.n, args.seed)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    log = open(work / "serve.log", "w")
    started = time.perf_counter()
    # `modelreview serve` from this checkout's code (an installed entry point may be another checkout's).
    serve = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO)!r}); from generator.cli import run; run()",
             "serve", "--root", str(project), "--port", str(port)]
    server = subprocess.Popen(serve,
                              stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        while True:
            try:
                if status(base)["version"] >= 2:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                raise SystemExit(f"serve exited; see {work / 'serve.log'}")
            time.sleep(0.1)
        ready = time.perf_counter() - started
        first = time.perf_counter()
        get(base + "models/openai/amber-0-mini/")
        first_page = time.perf_counter() - first
        print(f"serving after {ready:.1f} s; first review page {first_page:.3f} s; measuring ...", flush=True)

        rng = random.Random(args.seed)
        reviews = sorted((project / "content" / "models").rglob("*.md"))
        prose, price, reload_prose, reload_price, broken = [], [], [], [], []
        for i in range(args.edits):
            for kind in ("prose", "price", "broken"):
                path = rng.choice(reviews)
                key = f"{path.parent.name}/{path.stem}"
                url = f"{base}models/{key}/"
                original = path.read_text(encoding="utf-8")
                if kind == "prose":
                    marker = f"Probe {i} {time.time_ns()}."
                    text = original.replace("## Where it fits", f"{marker}\n\n## Where it fits", 1)
                    r, v = one_edit(base, path, url, text, marker)
                    reload_prose.append(r), prose.append(v)
                elif kind == "price":
                    text, probe = _price_edit(original, get(url))
                    r, v = one_edit(base, path, url, text, probe)
                    reload_price.append(r), price.append(v)
                else:
                    broken.append(one_break(base, path, original.replace("context_window: ", "context_window: x", 1)))
                save(path, original)
                time.sleep(args.pause)
        after = status(base)
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(project, ignore_errors=True)
    print(f"\n{args.n} reviews; python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"serve ready in {ready:.1f} s; background at the end: {after['stale_pages']} pages still stale, "
          f"catalog checks {after['catalog_checks']}\n")
    print(f"{'seconds from save to ...':34} {'saves':>5} {'median':>8} {'p90':>8} {'worst':>8}")
    for name, values in (("reload signal, prose edit", reload_prose), ("page shows it, prose edit", prose),
                         ("reload signal, price edit", reload_price), ("page shows it, price edit", price),
                         ("error box, broken edit", broken)):
        print(summary(name, values))
    print(f"\nserver log: {work / 'serve.log'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
