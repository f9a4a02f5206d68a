"""`modelreview serve` as a whole: real file-system events drive the preview."""

from __future__ import annotations

import io
import json
import socket
import threading
import urllib.request

from preview_project import make_project, wait_until
from selectolax.lexbor import LexborHTMLParser as HTML

from generator.commands.serve import run_serve

KEY = "openai/amber-0-nano"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_saving_files_on_disk_updates_the_served_site_and_errors_come_and_go(tmp_path):
    project = make_project(tmp_path / "project", reviews=8)
    port, out, ready, stop = _free_port(), io.StringIO(), threading.Event(), threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(run_serve(project, "127.0.0.1", port, out, ready, stop)))
    thread.start()
    try:
        assert ready.wait(60), out.getvalue()
        base = f"http://127.0.0.1:{port}/"
        page = f"{base}models/{KEY}/"
        assert HTML(_get(page)).css_first("article h1").text() == "Amber 0 Nano"
        path = project.content_dir / "models" / f"{KEY}.md"
        original = path.read_text(encoding="utf-8")

        path.write_text(original.replace("summary: A synthetic", "summary: Watched, a synthetic"), encoding="utf-8")
        assert wait_until(lambda: "Watched, a synthetic" in _get(page), timeout=10), out.getvalue()

        path.write_text(original.replace("bracket: budget", "bracket: nope"), encoding="utf-8")
        assert wait_until(lambda: json.loads(_get(base + "_preview/status"))["errors"], timeout=10)
        assert "error[unknown-bracket]: bracket 'nope'" in out.getvalue()

        path.write_text(original, encoding="utf-8")
        assert wait_until(lambda: not json.loads(_get(base + "_preview/status"))["errors"], timeout=10)
        assert "Watched" not in _get(page)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert result == [0]
    assert out.getvalue().startswith(f"Serving on http://127.0.0.1:{port}/ (watching content/")


def test_a_busy_port_is_a_clear_error(tmp_path):
    project = make_project(tmp_path / "project", reviews=2)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port, out = busy.getsockname()[1], io.StringIO()
        assert run_serve(project, "127.0.0.1", port, out) == 1
    assert out.getvalue() == f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_a_project_without_mkdocs_yml_is_a_clear_error(tmp_path):
    project = make_project(tmp_path / "project", reviews=2)
    (project.root / "mkdocs.yml").unlink()
    out = io.StringIO()
    assert run_serve(project, "127.0.0.1", _free_port(), out) == 1
    assert out.getvalue() == f"error: {project.root / 'mkdocs.yml'} not found; serve previews a project with an mkdocs.yml\n"
