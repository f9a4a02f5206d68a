"""The build cache: finished pages of earlier builds, reused when nothing they are made of changed.

Under `.cache/modelreview/<content>/` (git-ignored), one folder per content tree:

    manifest.json   {"format", "global", "pages": {uri: Entry}} from the last successful build
    pages/ab/abcd…  one finished page per file, named by the BLAKE2b hash of its bytes

An entry records the page's input key and the models its template looked up
(`render.page_keys`), the hash of its finished bytes, and its search-index values.
A page is reused when the global key (code, templates, theme, MkDocs config), its
input key and the fingerprint of its lookups all match; its bytes are read back and
hashed, and a file whose hash is not its name is a miss. So a cache from another
version, a damaged manifest or a damaged page is ignored, never trusted: the
manifest is JSON (never unpickled) and every field is checked before use.

The manifest is replaced (write, then rename) only after a build succeeded, so a
failed build leaves the cache as the last good build left it. Files no manifest
names are deleted then.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

FORMAT = 1


@dataclass(frozen=True)
class Entry:
    key: str                         # the page input's fingerprint
    reads: list[str]                 # models its template looked up
    reads_key: str                   # their fingerprint when it was rendered
    blob: str                        # BLAKE2b hash of the finished page's bytes
    meta: dict[str, Any]             # front matter (title, description) for the search index
    sections: list[str]              # its table of contents' names, for the search index

    def as_json(self) -> dict[str, Any]:
        """The entry as the manifest stores it (shallow: `asdict` deep-copies, a second per catalog)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @staticmethod
    def from_json(value: Any) -> "Entry | None":
        """An entry read back, or None when any field is not what a build writes."""
        if not isinstance(value, dict):
            return None
        try:
            entry = Entry(**value)
        except TypeError:
            return None
        ok = (isinstance(entry.key, str) and isinstance(entry.reads_key, str) and _is_hash(entry.blob)
              and isinstance(entry.reads, list) and all(isinstance(r, str) for r in entry.reads)
              and isinstance(entry.meta, dict) and isinstance(entry.sections, list)
              and all(isinstance(s, str) for s in entry.sections))
        return entry if ok else None


def cache_folder(root: Path, content_dir: Path) -> Path:
    """`.cache/modelreview/<name>-<hash>` for a content tree: one cache per tree, side by side."""
    tag = hashlib.blake2b(str(content_dir.resolve()).encode(), digest_size=6).hexdigest()
    return root / ".cache" / "modelreview" / f"{content_dir.name}-{tag}"


class PageCache:
    """Pages of the last successful build, and the pages this build makes for the next one."""

    def __init__(self, folder: Path, global_key: str):
        self.folder = folder
        self.global_key = global_key
        self.blobs = folder / "pages"
        self.ignored = ""            # why an existing manifest was not used, when it was not
        self.entries: dict[str, Entry] = self._read_manifest()
        self.next: dict[str, Entry] = {}
        if self.ignored and self.blobs.is_dir():
            _discard(self.blobs)     # pages of other code or config: none can match, free them at once

    def _read_manifest(self) -> dict[str, Entry]:
        path = self.folder / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            self.ignored = "unreadable manifest"
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("pages"), dict):
            self.ignored = "manifest of another format"
            return {}
        if data.get("global") != self.global_key:
            self.ignored = "built by other code, templates or config"
            return {}
        entries = {}
        for uri, value in data["pages"].items():
            entry = Entry.from_json(value)
            if isinstance(uri, str) and entry is not None:
                entries[uri] = entry
        return entries

    def blob_path(self, digest: str) -> Path:
        return self.blobs / digest[:2] / digest

    def read(self, digest: str) -> bytes | None:
        """A stored page's bytes, or None when missing or not what its name says."""
        try:
            data = self.blob_path(digest).read_bytes()
        except OSError:
            return None
        return data if _digest(data) == digest else None

    def store(self, data: bytes, written: Path | None = None) -> str:
        """Keep a finished page; `written` is where the build already wrote it (linked, not copied)."""
        digest = _digest(data)
        path = self.blob_path(digest)
        if path.exists():
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        if written is not None:
            try:
                os.link(written, path)
                return digest
            except OSError:
                pass
        _write_atomic(path, data)
        return digest

    def place(self, digest: str, data: bytes, target: Path) -> None:
        """Put a reused page at `target`: a hard link to the stored file where possible."""
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self.blob_path(digest), target)
        except OSError:
            target.write_bytes(data)

    def commit(self) -> None:
        """Make this build's entries the cache (after the build succeeded) and drop unnamed files."""
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = {"format": FORMAT, "global": self.global_key,
                    "pages": {uri: entry.as_json() for uri, entry in self.next.items()}}
        _write_atomic(self.folder / "manifest.json", json.dumps(manifest, sort_keys=True).encode())
        keep = {entry.blob for entry in self.next.values()}
        if not self.blobs.is_dir():
            return
        for shard in self.blobs.iterdir():
            if not shard.is_dir():
                _remove(shard)
                continue
            for blob in shard.iterdir():
                if blob.name not in keep:
                    _remove(blob)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 40 and all(c in "0123456789abcdef" for c in value)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        _remove(Path(temp))
        raise


def _discard(folder: Path) -> None:
    """Move a folder aside and delete it in the background (thousands of files delete slowly)."""
    trash = folder.with_name(f".trash-{os.getpid()}-{folder.name}")
    try:
        os.rename(folder, trash)
    except OSError:
        return
    if shutil.which("rm"):
        try:
            subprocess.Popen(["rm", "-rf", "--", str(trash)], start_new_session=True, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return
        except OSError:
            pass
    shutil.rmtree(trash, ignore_errors=True)


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        pass


def global_key(parts: list[tuple[str, Any]], folders: list[Path]) -> str:
    """The fingerprint of what every page shares: `parts` (versions, config values) and every
    file under `folders` (the package's code, the templates, the theme), by path and bytes.

    The package's own source is hashed rather than trusting its version number, so a
    checkout with edited code never reuses pages the old code made.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps([FORMAT, parts], sort_keys=True, default=str).encode())
    for folder in folders:
        hash_files(digest, folder)
    return digest.hexdigest()


def hash_files(digest: Any, folder: Path) -> None:
    """Every file under `folder` (bytecode caches aside) into `digest`, by relative path and bytes."""
    if not folder.is_dir():
        digest.update(f"missing {folder}\0".encode())
        return
    digest.update(f"folder {folder}\0".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.blake2b(path.read_bytes(), digest_size=20).digest())
