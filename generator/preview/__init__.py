"""The live-reloading preview behind `modelreview serve`.

`content` keeps every content file's load result in memory, `session` re-checks the
project after each save and decides which pages went stale, `site` renders pages
through MkDocs on demand, `server` serves them with the reload script and error box
from `inject`, and `watch` turns file-system events into batches of saved paths.
"""

from __future__ import annotations

from .server import PreviewServer
from .session import PreviewSession
from .site import MkDocsSite
from .watch import Watcher

__all__ = ["MkDocsSite", "PreviewServer", "PreviewSession", "Watcher"]
