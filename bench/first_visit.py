"""Bytes a first visit transfers, per page, from a plain static server without compression.

    .venv/bin/python bench/first_visit.py SITE_DIR [URL ...]

Serves SITE_DIR with Python's http.server (no gzip, as the budget is stated), opens
each URL in a fresh headless Chromium context (empty cache), waits for the network
to go idle (and, as scripts start after the first paint, for them to have run and the
network to go idle again), and adds up the body sizes of every response in the browser's network
log. Default URLs: home, all models, the first review, the first comparison, the
first provider and bracket page. Budget: 600 KB per page at catalog size.
It also prints the size of `models/rows.html`, the all-models rows the page leaves out,
which a first visit does not fetch (the reader's first sort, filter or "Show all" does).
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
from pathlib import Path

BUDGET = 600 * 1024


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def default_urls(site: Path) -> list[str]:
    def first(folder: str, depth: int) -> str:
        pages = sorted(p for p in (site / folder).glob("/".join(["*"] * depth) + "/index.html")
                       if "page" not in p.parts)
        return str(pages[0].parent.relative_to(site)) + "/" if pages else ""
    urls = ["", "models/", first("models", 2), "compare/", first("compare", 1), first("providers", 1),
            first("brackets", 1)]
    return [u for i, u in enumerate(urls) if u or i == 0]


def measure(site: Path, urls: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for url in urls:
            context = browser.new_context(viewport={"width": 412, "height": 823})
            page = context.new_page()
            sizes: dict[str, int] = {}
            page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            if page.locator("html.mr-js").count():   # scripts start after the first paint: wait for all of them
                page.locator("html[data-mr-scripts]").wait_for(state="attached")
                page.wait_for_load_state("networkidle")
            context.close()
            rows.append({"url": "/" + url, "requests": len(sizes), "bytes": sum(sizes.values()),
                         "largest": sorted(((n, u[len(base):]) for u, n in sizes.items()), reverse=True)[:3]})
        browser.close()
    server.shutdown()
    return rows


def main(argv: list[str]) -> int:
    site = Path(argv[0]).resolve()
    urls = argv[1:] or default_urls(site)
    rows = measure(site, urls)
    for row in rows:
        flag = "ok  " if row["bytes"] <= BUDGET else "OVER"
        print(f"{flag} {row['bytes'] / 1024:8.1f} KB  {row['requests']:3d} requests  {row['url']}")
        for size, name in row["largest"]:
            print(f"         {size / 1024:8.1f} KB  {name}")
    rest = site / "models" / "rows.html"
    if rest.is_file():
        print(f"     {rest.stat().st_size / 1024:8.1f} KB  models/rows.html (fetched on the first sort, filter or \"Show all\")")
    print(json.dumps({"budget_kb": BUDGET / 1024, "max_kb": max(r["bytes"] for r in rows) / 1024}))
    return 0 if all(r["bytes"] <= BUDGET for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
