"""The preview's HTTP server: files from the preview's site folder, plus two endpoints.

`/_preview/changes?since=N` answers with the site's version number as soon as it
exceeds N (or after a timeout); the script `inject` adds to every page long-polls it.
`/_preview/status` reports the version, the current errors and the background work
still to do as JSON, for tools, tests and the benchmark.

The server never renders anything itself: it asks the `Site` for a URL's file, and
the site may render that page first if an edit made it stale.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from ..base import Diagnostic
from .inject import CHANGES_PATH, STATUS_PATH, decorate

LONG_POLL_SECONDS = 25.0


class Site(Protocol):
    """What the server needs from the preview: where files are, and what version is showing."""

    @property
    def root(self) -> Path: ...

    @property
    def version(self) -> int: ...

    @property
    def diagnostics(self) -> list[Diagnostic]: ...

    def wait_for_change(self, since: int, timeout: float) -> int: ...

    def status(self) -> dict[str, object]: ...

    def prepare(self, relative: str) -> None:
        """Bring the file at `relative` (below `root`) up to date before it is read."""


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, site: Site, host: str, port: int):
        self.site = site
        self.stopping = threading.Event()
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Requests are not news; the terminal is kept for build messages and errors."""

    def _respond(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        site = self.server.site
        if parts.path == CHANGES_PATH:
            since = _int(parse_qs(parts.query).get("since", ["0"])[0])
            version = site.wait_for_change(since, LONG_POLL_SECONDS)
            return self._send(HTTPStatus.OK, str(version).encode(), "text/plain", send_body)
        if parts.path == STATUS_PATH:
            status_json = json.dumps(site.status())
            return self._send(HTTPStatus.OK, status_json.encode(), "application/json", send_body)
        relative = _relative_path(parts.path)
        if relative is None:
            return self._send(HTTPStatus.BAD_REQUEST, b"bad path", "text/plain", send_body)
        target = site.root / relative
        if not relative.endswith("/") and relative and target.is_dir():
            location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
            return self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", send_body, location)
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        site.prepare(relative)
        status = HTTPStatus.OK
        target = site.root / relative
        if not target.is_file():
            if not (site.root / "index.html").is_file():
                return self._send(HTTPStatus.SERVICE_UNAVAILABLE, self._page(
                    "Nothing to preview yet", "The site appears as soon as the errors listed below "
                    "(and in the terminal) are fixed."), "text/html", send_body)
            status, relative = HTTPStatus.NOT_FOUND, "404.html"
            target = site.root / relative
            if not target.is_file():
                return self._send(status, self._page("Not found", ""), "text/html", send_body)
        body = target.read_bytes()
        kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        if kind == "text/html":
            body = decorate(body.decode("utf-8"), site.version, site.diagnostics).encode("utf-8")
        self._send(status, body, kind, send_body)

    def _page(self, title: str, text: str) -> bytes:
        """A bare page for when the site has nothing to show yet; still reloads and shows errors."""
        site = self.server.site
        html = f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>" \
               f"<body><h1>{title}</h1><p>{text}</p></body></html>"
        return decorate(html, site.version, site.diagnostics).encode("utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str, send_body: bool,
              location: str | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            if location:
                self.send_header("Location", location)
            self.end_headers()
            if send_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _relative_path(path: str) -> str | None:
    """The request path as a path below the site root, or None if it tries to leave it."""
    decoded = unquote(path)
    trailing = decoded.endswith("/")
    normal = posixpath.normpath("/" + decoded.lstrip("/"))
    if ".." in normal.split("/"):
        return None
    relative = normal.lstrip("/")
    if relative in (".", ""):
        return ""
    return relative + ("/" if trailing else "")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
