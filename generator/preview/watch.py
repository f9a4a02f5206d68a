"""Watching the project for saves, and handing them to the preview in batches.

Uses watchdog's native observer (inotify on Linux), which reports a save at once;
MkDocs' own server polls every 0.5 s, which alone would use the whole latency
budget. An editor's save is often several events (write a temporary file, rename
it over the original, touch a backup), so events are collected until the project
has been quiet for `settle` seconds and then delivered as one set of paths.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

Batch = Callable[[set[Path]], None]
Wanted = Callable[[Path], bool]

_IGNORED_EVENTS = {"opened", "closed_no_write"}


class Watcher:
    """Calls `on_batch(paths)` on its own thread, one batch at a time, after each burst of saves."""

    def __init__(self, folders: list[Path], files: list[Path], on_batch: Batch,
                 settle: float = 0.02, wanted: Wanted | None = None):
        self.on_batch = on_batch
        self.settle = settle
        self.wanted = wanted or (lambda path: True)
        self._files = {f.resolve() for f in files} | {_event_path(f.absolute()) for f in files}
        self._pending: set[Path] = set()
        self._last_event = 0.0
        self._cond = threading.Condition()
        self._stopping = False
        self._observer = Observer()
        handler = _Handler(self._add)
        for folder in folders:
            if folder.is_dir():
                self._observer.schedule(handler, str(folder), recursive=True)
        for parent in {f.parent for f in self._files if f.parent.is_dir()}:
            self._observer.schedule(handler, str(parent), recursive=False)
        self._watched = [f.resolve() for f in folders]
        self._thread = threading.Thread(target=self._loop, name="preview-rebuild", daemon=True)

    def start(self) -> None:
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._thread.join(timeout=30)

    def _add(self, path: Path) -> None:
        if not self._relevant(path):
            return
        with self._cond:
            self._pending.add(path)
            self._last_event = time.monotonic()
            self._cond.notify_all()

    def _relevant(self, path: Path) -> bool:
        if path in self._files:
            return True
        inside = any(folder == path or folder in path.parents for folder in self._watched)
        return inside and self.wanted(path)

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._stopping)
                if self._stopping:
                    return
                while not self._stopping:
                    quiet = time.monotonic() - self._last_event
                    if quiet >= self.settle:
                        break
                    self._cond.wait(self.settle - quiet)
                batch, self._pending = self._pending, set()
            if batch:
                self.on_batch(batch)


def _event_path(path: Path) -> Path:
    """The path the event is about, with its folders resolved but not its own name.

    Resolving the name would turn a symlink into the file it points to: a link to a file
    outside the project would then look like no project file at all, and the preview would
    never show the error `check` gives for it.
    """
    return path.parent.resolve() / path.name


class _Handler(FileSystemEventHandler):
    def __init__(self, add: Callable[[Path], None]):
        self._add = add

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a file inside changed; that file has its own event
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self._add(_event_path(Path(raw if isinstance(raw, str) else os.fsdecode(raw))))
