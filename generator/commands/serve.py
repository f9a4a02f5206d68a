"""`modelreview serve`: the live-reloading preview on http://HOST:PORT/.

Wires the parts in `generator.preview` together and runs until Ctrl-C: the server
answers at once, the watcher feeds saves to the session, the session re-checks and
marks pages stale, the site renders a stale page when it is requested.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

from mkdocs.config import load_config

from ..load import display_path
from ..preview import MkDocsSite, PreviewServer, PreviewSession, Watcher
from ..project import Project


def run_serve(project: Project, host: str, port: int, out: TextIO | None = None,
              ready: threading.Event | None = None, stop: threading.Event | None = None) -> int:
    """Serve until interrupted (or until `stop` is set); 0 on a clean stop, 1 if it cannot start."""
    out = out or sys.stderr
    config_file = project.root / "mkdocs.yml"
    if not config_file.is_file():
        print(f"error: {config_file} not found; serve previews a project with an mkdocs.yml", file=out)
        return 1
    try:
        server = PreviewServer(None, host, port)  # type: ignore[arg-type]
    except OSError as problem:
        print(f"error: cannot listen on {host}:{port}: {problem.strerror}", file=out)
        return 1
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    docs_dir = Path(load_config(str(config_file)).docs_dir)
    site_dir = Path(tempfile.mkdtemp(prefix="modelreview-preview-"))
    site = MkDocsSite(project, config_file, site_dir, server.url)
    session = PreviewSession(project, site, watched_files=[config_file, docs_dir], out=out, tune_gc=True)
    server.site = session
    site.announce = session.say
    watcher = Watcher([project.content_dir, project.config_dir, project.templates_dir, docs_dir],
                      [config_file], session.apply, wanted=_not_editor_litter)
    stop = stop or threading.Event()
    previous = _stop_on_signals(stop)
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        serving.start()
        print(f"Serving on {server.url} (watching content/, site_config/, templates/, "
              f"{display_path(docs_dir, project.root)}/ and mkdocs.yml; Ctrl-C to stop)", file=out, flush=True)
        session.start()
        watcher.start()
        if ready is not None:
            ready.set()
        stop.wait()
    finally:
        _restore_signals(previous)
        watcher.stop()
        session.stop()
        server.stop()
        site.stop()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _not_editor_litter(path: Path) -> bool:
    """Swap files, backups and hidden files change while typing; they are not saves."""
    name = path.name
    return not (name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".tmp")) or name == "4913")


def _stop_on_signals(stop: threading.Event) -> dict:
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous = {}
    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name)
        previous[number] = signal.signal(number, lambda *_: stop.set())
    return previous


def _restore_signals(previous: dict) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)
