"""Lighthouse (mobile) scores for a review, a comparison and the all-models page of a built site.

    .venv/bin/python bench/lighthouse.py SITE_DIR [URL ...]

Needs Lighthouse from npm (`npm install lighthouse` somewhere; set LIGHTHOUSE to its
`node_modules/.bin/lighthouse`, default: `lighthouse` on PATH) and Debian's chromium
(CHROME_PATH, default /usr/bin/chromium). SITE_DIR is served by a plain static
server (no compression). Prints performance, accessibility, best practices and SEO
per page, with the metrics behind performance and the names of the audits that
failed (score under 1, weighted into a category); exits 1 when a page misses the
targets (95, 100, 100, 100). Set LIGHTHOUSE_RUNS=3 to take each page's median
performance of three runs (scores on a loaded 2-core machine swing by 10 points).
It also names the largest contentful paint's element and the longest main-thread
tasks, which are what to work on; LIGHTHOUSE_SAVE=DIR keeps each median report
(as DIR/<page>.json) for a closer look.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "SI"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def default_urls(site: Path) -> list[str]:
    review = sorted(site.glob("models/*/*/index.html"))
    comparison = sorted(p for p in site.glob("compare/*/index.html") if p.parent.name != "page")
    urls = [str(p.parent.relative_to(site)) + "/" for p in review[:1] + comparison[:1]]
    return urls + ["models/"]


def report(url: str) -> dict:
    lighthouse = os.environ.get("LIGHTHOUSE", "lighthouse")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([lighthouse, url, "--quiet", "--output=json", f"--output-path={out}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, env=env, capture_output=True, timeout=300)
        return json.loads(out.read_text())


def scores(report: dict) -> dict[str, int]:
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def failed_audits(report: dict) -> list[str]:
    """Audits that cost points: weighted in a category and scored under 1."""
    weighted = {ref["id"] for category in report["categories"].values()
                for ref in category["auditRefs"] if ref.get("weight")}
    return sorted(key for key in weighted
                  if report["audits"][key].get("score") is not None and report["audits"][key]["score"] < 1)


def metrics(report: dict) -> str:
    return "  ".join(f"{name} {report['audits'][key].get('displayValue', '?')}" for key, name in METRICS.items())


def lcp_element(report: dict) -> str:
    """The element Lighthouse took as the largest contentful paint (its selector and a snippet)."""
    items = report["audits"].get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
    for item in items:
        for row in item.get("items", [item]):
            node = row.get("node")
            if node:
                return f"{node.get('selector', '?')}  {node.get('snippet', '')[:80]}"
    return "?"


def long_tasks(report: dict, count: int = 3) -> str:
    """The longest main-thread tasks, simulated phone times, with the script each came from."""
    tasks = report["audits"].get("long-tasks", {}).get("details", {}).get("items", [])
    tasks = sorted(tasks, key=lambda t: -t.get("duration", 0))[:count]
    return ", ".join(f"{round(t['duration'])} ms {str(t.get('url', '?')).rsplit('/', 1)[-1] or '(page)'}"
                     for t in tasks) or "none"


def main(argv: list[str]) -> int:
    site = Path(argv[0]).resolve()
    urls = argv[1:] or default_urls(site)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    ok = True
    try:
        for url in urls:
            runs = [report(base + url) for _ in range(int(os.environ.get("LIGHTHOUSE_RUNS", "1")))]
            runs.sort(key=lambda r: r["categories"]["performance"]["score"])
            median = runs[len(runs) // 2]
            found = scores(median)
            missed = [k for k, target in TARGETS.items() if found.get(k, 0) < target]
            ok = ok and not missed
            print(f"{'ok  ' if not missed else 'MISS'} /{url}  " + "  ".join(f"{k} {v}" for k, v in found.items()))
            if len(runs) > 1:
                print("       performance of each run: " + ", ".join(str(scores(r)["performance"]) for r in runs))
            print("       " + metrics(median))
            print(f"       LCP element: {lcp_element(median)}")
            print(f"       long tasks: {long_tasks(median)}  (benchmark index "
                  f"{round(median.get('environment', {}).get('benchmarkIndex', 0))})")
            save = os.environ.get("LIGHTHOUSE_SAVE")
            if save:
                Path(save).mkdir(parents=True, exist_ok=True)
                name = url.strip("/").replace("/", "_") or "home"
                (Path(save) / f"{name}.json").write_text(json.dumps(median))
            failed = failed_audits(median)
            if failed:
                print("       failed: " + ", ".join(failed))
    finally:
        server.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
