"""Helpers for preview and browser tests: a scratch project and a running preview of it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import io
import shutil
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator.preview.server import PreviewServer
from generator.preview.session import PreviewSession
from generator.preview.site import MkDocsSite
from generator.project import Project

REPO = Path(__file__).resolve().parents[1]


def write_corpus(content_dir: Path, n: int, seed: int = 0) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    module.write_corpus(content_dir, n, seed)


def make_project(root: Path, reviews: int | None = 12) -> Project:
    """mkdocs.yml, templates, docs and site_config from the repository; content generated
    (`reviews` synthetic reviews) or, with `reviews=None`, the repository's sample content."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("templates", "docs", "site_config"):
        shutil.copytree(REPO / folder, root / folder)
    if reviews is None:
        shutil.copytree(REPO / "content", root / "content")
    else:
        write_corpus(root / "content", reviews)
    return Project.at(root)


@dataclass
class Preview:
    project: Project
    session: PreviewSession
    site: MkDocsSite
    server: PreviewServer
    out: io.StringIO

    @property
    def url(self) -> str:
        return self.server.url

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as problem:
            return problem.code, problem.read().decode("utf-8")

    def save(self, relative: str, text: str) -> Path:
        """Write a file and hand it to the session, as the watcher would."""
        path = self.project.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.session.apply({path.resolve()})
        return path

    def delete(self, relative: str) -> None:
        path = self.project.root / relative
        path.unlink()
        self.session.apply({path.resolve()})


@contextlib.contextmanager
def running_preview(project: Project, fill: bool = False, tune_gc: bool = False) -> Iterator[Preview]:
    """The preview's parts as `modelreview serve` wires them, minus the watcher, on a free port
    (`tune_gc=True`: heap frozen after set-up, as `serve` does; tests leave the collector alone)."""
    out = io.StringIO()
    server = PreviewServer(None, "127.0.0.1", 0)  # type: ignore[arg-type]
    site_dir = project.root / ".preview-site"
    site = MkDocsSite(project, project.root / "mkdocs.yml", site_dir, server.url, fill=fill)
    session = PreviewSession(project, site, watched_files=[project.root / "mkdocs.yml", project.root / "docs"],
                             out=out, tune_gc=tune_gc)
    server.site = session
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        session.start()
        yield Preview(project, session, site, server, out)
    finally:
        session.stop()
        server.stop()
        site.stop()


def wait_until(condition, timeout: float = 20.0, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve_folder(folder: Path) -> Iterator[str]:
    """A plain static server for a built site, as any web host would serve it; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
