"""Live reload, proven in a browser: `modelreview serve` on a copy of the sample project,
files edited on disk, and the open page changing by itself (no navigation by the test)."""

from __future__ import annotations

import io
import socket
import threading

import pytest
from preview_project import make_project

from generator.commands.serve import run_serve
from generator.preview.inject import ERROR_BOX_ID

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

KEY = "openai/gpt-4.1-mini"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, project, terminal output) of a running `modelreview serve`."""
    project = make_project(tmp_path_factory.mktemp("live") / "project", reviews=None)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out, ready, stop = io.StringIO(), threading.Event(), threading.Event()
    thread = threading.Thread(target=run_serve, args=(project, "127.0.0.1", port, out, ready, stop), daemon=True)
    thread.start()
    assert ready.wait(60), out.getvalue()
    yield f"http://127.0.0.1:{port}/", project, out
    stop.set()
    thread.join(timeout=30)


def _edit(path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def _lead_contains(words: str) -> str:
    return ("() => { const p = document.querySelector('article p.mr-lead');"
            f" return p !== null && p.textContent.includes({words!r}); }}")


def test_saving_a_review_reloads_the_open_page(page, served):
    base, project, out = served
    path = project.content_dir / "models" / f"{KEY}.md"
    page.goto(f"{base}models/{KEY}/")
    page.evaluate("window.__notReloaded = true")
    original = _edit(path, "summary: >\n  ", "summary: >\n  Edited in the browser test. ")
    try:
        page.wait_for_function(_lead_contains("Edited in the browser test."), timeout=10_000)
        assert page.evaluate("window.__notReloaded") is None    # a reload, not a script patching text
        assert page.url == f"{base}models/{KEY}/"
    finally:
        path.write_text(original, encoding="utf-8")
    page.wait_for_function("() => !document.querySelector('article p.mr-lead').textContent"
                           ".includes('Edited in the browser test.')", timeout=10_000)


def test_an_error_shows_in_the_page_as_in_the_terminal_and_a_fix_clears_it(page, served):
    base, project, out = served
    path = project.content_dir / "models" / f"{KEY}.md"
    page.goto(f"{base}models/{KEY}/")
    title = page.locator("article h1").inner_text()
    original = _edit(path, "bracket: value", "bracket: valeu")
    try:
        box = page.locator(f"#{ERROR_BOX_ID}")
        box.wait_for(state="visible", timeout=10_000)
        lines = box.locator("li code").all_inner_texts()
        mine = [line for line in lines if line.startswith(f"content/models/{KEY}.md:")]
        assert len(mine) == 1 and "error[unknown-bracket]: bracket 'valeu' is not in" in mine[0]
        assert mine[0] in out.getvalue().splitlines()
        assert page.locator("article h1").inner_text() == title          # the last good page stays
    finally:
        path.write_text(original, encoding="utf-8")
    page.locator(f"#{ERROR_BOX_ID}").wait_for(state="detached", timeout=10_000)


def test_reload_follows_the_reader_to_the_next_page(page, served):
    base, project, out = served
    page.goto(f"{base}models/{KEY}/")
    link = page.locator("ul.mr-links").first.locator("a").first      # "More from this provider"
    url = link.evaluate("a => a.href")
    target = url.rstrip("/").split("/")[-1]
    link.click()
    page.wait_for_url(f"{base}models/openai/{target}/")
    path = project.content_dir / "models" / "openai" / f"{target}.md"
    original = _edit(path, "summary: >\n  ", "summary: >\n  Followed by the reload. ")
    try:
        page.wait_for_function(_lead_contains("Followed by the reload."), timeout=10_000)
    finally:
        path.write_text(original, encoding="utf-8")
