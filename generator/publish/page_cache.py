"""The build cache: finished pages of earlier builds, reused when nothing they are made of changed.

Under `.cache/modelreview/<content>/` (git-ignored), one folder per content tree:

    manifest.json   {"format", "global", "reads", "digests", "owners", "pages": {uri: Entry}}
                    from the last successful build
    pages/ab/abcd…  one finished page per file, named by the BLAKE2b hash of its bytes
    jinja/          compiled templates (Jinja's bytecode cache, checked against their source)

An entry records what the page's making read of the catalog (`render.page_reads`),
the hash of its finished bytes and its search-index values. Reads are stored once,
in the manifest's `reads` table with the digest of each one's value then
(`render.page_keys`; thousands of pages read the same few thousand values), and
entries name them by their place in it. A page is reused when the global key (code, templates,
theme, MkDocs config) and its reads' values match; a stored file whose size or
modification time is not what the cache recorded is read back and hashed, and
one whose hash is not its name is a miss. So a cache from another
version, a damaged manifest or a damaged page is ignored, never trusted: the
manifest is JSON (never unpickled) and every field is checked before use.

The manifest is replaced (write, then rename) only after a build succeeded, so a
failed build leaves the cache as the last good build left it. Files no manifest
names are deleted then.
"""

from __future__ import annotations

import array
import base64
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Callable, Protocol

FORMAT = 3


Read = tuple[Any, ...]
DIGEST_SIZE = 20


class Keys(Protocol):
    """What the cache needs of `render.PageKeys`: the current value of a read, hashed, and
    the fingerprint of the model or pair a read is part of."""

    def digest(self, read: Read) -> bytes: ...
    def owner(self, read: Read) -> str | None: ...
    def fingerprint(self, owner: str) -> bytes: ...


@dataclass(frozen=True)
class Entry:
    reads: Sequence[int]             # what its making read of the catalog, as numbers in `PageCache.table`
    blob: str                        # BLAKE2b hash of the finished page's bytes
    stamp: list[int]                 # the stored file's size and mtime (ns) when its hash was last checked
    meta: dict[str, Any]             # front matter (title, description) for the search index
    sections: list[str]              # its table of contents' names, for the search index

    def as_json(self) -> dict[str, Any]:
        """The entry as the manifest stores it, its read numbers packed (a catalog's pages name a
        million: as a JSON list of numbers they were most of the manifest's time to write and read)."""
        return {"reads": _pack(self.reads), "blob": self.blob, "stamp": self.stamp, "meta": self.meta,
                "sections": self.sections}

    @staticmethod
    def from_json(value: Any, reads: int) -> "Entry | None":
        """An entry read back, or None when any field is not what a build writes
        (`reads`: how many reads the manifest's table holds)."""
        if not isinstance(value, dict) or value.keys() != _ENTRY_FIELDS:
            return None
        numbers = _unpack(value["reads"], reads)
        entry = Entry(numbers if numbers is not None else [], value["blob"], value["stamp"], value["meta"],
                      value["sections"])
        ok = (numbers is not None and _is_hash(entry.blob) and isinstance(entry.meta, dict)
              and isinstance(entry.stamp, list) and all(type(n) is int for n in entry.stamp)
              and isinstance(entry.sections, list) and all(isinstance(s, str) for s in entry.sections))
        return entry if ok else None


_ENTRY_FIELDS = {f.name for f in fields(Entry)}


def _pack(numbers: Sequence[int]) -> str:
    """Read numbers as base64 of unsigned 32-bit little-endian integers."""
    packed = array.array("I", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(value: Any, count: int) -> array.array | None:
    """`_pack`'s numbers back, or None when they are not numbers below `count`."""
    if not isinstance(value, str):
        return None
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        return None
    packed = array.array("I")
    if len(data) % packed.itemsize:
        return None
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed if not packed or max(packed) < count else None


def cache_folder(root: Path, content_dir: Path) -> Path:
    """`.cache/modelreview/<name>-<hash>` for a content tree: one cache per tree, side by side."""
    tag = hashlib.blake2b(str(content_dir.resolve()).encode(), digest_size=6).hexdigest()
    return root / ".cache" / "modelreview" / f"{content_dir.name}-{tag}"


AUDIT_RATE = 1 / 500     # the share of reused pages rendered anyway and compared (`audited`)


class StalePage(Exception):
    """An audit found a page the cache would reuse that a fresh render makes differently."""


class PageCache:
    """Pages of the last successful build, and the pages this build makes for the next one.

    A page's entry names the reads its making made (`render.page_reads`) by number in
    `table`, beside which the manifest keeps each read's digest as the last build found
    it. `compare` works out which reads give another value now; an entry none of whose
    reads did is `fresh`: its page would come out the same. That is one set operation
    per page, whatever the size of the site. (By induction over builds: an entry kept
    or written by the last build is consistent with that build's digests.)
    """

    def __init__(self, folder: Path, global_key: str):
        self.folder = folder
        self.global_key = global_key
        self.blobs = folder / "pages"
        self.ignored = ""            # why an existing manifest was not used, when it was not
        self.table: list[Read] = []
        self._was: list[bytes] = []              # each read's digest at the last build
        self._now: list[bytes] = []              # and in this one (`compare`, `numbered`)
        self._numbers: dict[Read, int] = {}
        self._owners_was: dict[str, bytes] = {}  # model and pair fingerprints at the last build
        self._keys: Keys | None = None           # this build's (`compare`)
        self._made: set[Path] = set()            # folders `reuse` made
        self.audit_rate = float(os.environ.get("MODELREVIEW_CACHE_AUDIT", AUDIT_RATE))
        self.stale: set[int] = set()
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
        table, was = _reads_table(data.get("reads")), _digests(data.get("digests"))
        if table is None or was is None or len(table) != len(was):
            self.ignored = "damaged reads table"
            return {}
        owners = data.get("owners")
        if not isinstance(owners, dict) or not all(isinstance(v, str) for v in owners.values()):
            self.ignored = "damaged owners table"
            return {}
        self.table, self._was, self._owners_was = table, was, {k: _hex(v) for k, v in owners.items()}
        entries = {}
        for uri, value in data["pages"].items():
            entry = Entry.from_json(value, len(table))
            if isinstance(uri, str) and entry is not None:
                entries[uri] = entry
        return entries

    def compare(self, keys: Keys) -> None:
        """Find the reads whose value (`render.PageKeys`) is not what it was. A read of a model or
        pair whose whole fingerprint is unchanged is unchanged, and is not computed again."""
        self._keys = keys
        now_owners = {owner: _digest_of(keys.fingerprint, owner) for owner in self._owners_was}
        same = {owner for owner, was in self._owners_was.items() if now_owners[owner] == was}
        self._now = []
        for read, was in zip(self.table, self._was):
            self._now.append(was if keys.owner(read) in same else _digest_of(keys.digest, read))
        self.stale = {n for n, (now, was) in enumerate(zip(self._now, self._was)) if now != was}

    def audited(self) -> bool:
        """Whether to render a page the cache would reuse anyway, and compare. A few pages a
        build (1 in 500, at random: a hole in what reads note would show on many pages) check
        the promise `fresh` makes, at the size of a real catalog, not only in the tests."""
        return random.random() < self.audit_rate

    def stored(self, entry: Entry) -> bytes | None:
        """The stored page's bytes, or None when missing or not what its name says."""
        return self._checked(self.blob_path(entry.blob), entry.blob)

    def distrust(self, why: str) -> None:
        """Use no entry of this cache in this build (an audit failed); say why."""
        self.entries = {}
        self.ignored = why

    def fresh(self, entry: Entry) -> bool:
        """Whether every read `entry`'s page was made from gives what it gave then (after `compare`)."""
        return self.stale.isdisjoint(entry.reads)

    def numbered(self, reads: tuple[Read, ...], keys: Keys) -> list[int]:
        """`reads` (of a page rendered in this build) as numbers in the table, which gains
        those it lacks. Called in the build's own process, once the workers are done."""
        if len(self._numbers) != len(self.table):
            self._numbers = {read: n for n, read in enumerate(self.table)}
        numbers = []
        for read in reads:
            n = self._numbers.get(read)
            if n is None:
                n = self._numbers[read] = len(self.table)
                self.table.append(read)
                self._now.append(_digest_of(keys.digest, read))
            numbers.append(n)
        return numbers

    def blob_path(self, digest: str) -> Path:
        return self.blobs / digest[:2] / digest

    def reuse(self, entry: Entry, target: Path) -> Entry | None:
        """Put `entry`'s stored page at `target` (a hard link where possible) and return the entry,
        or None when the stored file is missing or not what its name says. Its hash is checked
        whenever its size or modification time is not what was recorded when it last was (an
        edit of the built site's copy, a hard link to it, changes both): reading and hashing a
        catalog's 200 MB of pages on every build would be a fifth of a warm build."""
        path = self.blob_path(entry.blob)
        try:
            info = path.stat()
        except OSError:
            return None
        data = None
        if [info.st_size, info.st_mtime_ns] != entry.stamp:
            data = self._checked(path, entry.blob)
            if data is None:
                return None
            entry = replace(entry, stamp=[info.st_size, info.st_mtime_ns])
        self._made_parent(target)
        try:
            os.link(path, target)
        except FileExistsError:           # a rerun after a failed audit or frame: never write through it
            target.unlink()
            os.link(path, target)
        except OSError:                   # no hard links here: a copy
            data = data if data is not None else self._checked(path, entry.blob)
            if data is None:
                return None
            target.unlink(missing_ok=True)
            target.write_bytes(data)
        return entry

    def store(self, data: bytes, written: Path | None = None) -> tuple[str, list[int]]:
        """Keep a finished page; `written` is where the build already wrote it (linked, not copied).
        Returns its hash and its stamp (see `reuse`)."""
        digest = _digest(data)
        path = self.blob_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                if written is None:
                    raise OSError
                os.link(written, path)
            except OSError:
                _write_atomic(path, data)
        info = path.stat()
        return digest, [info.st_size, info.st_mtime_ns]

    @staticmethod
    def _checked(path: Path, digest: str) -> bytes | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return data if _digest(data) == digest else None

    def _made_parent(self, target: Path) -> None:
        if target.parent not in self._made:      # a mkdir per page adds up
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)

    def commit(self) -> None:
        """Make this build's entries the cache (after the build succeeded) and drop unnamed files."""
        keys = self._keys
        assert keys is not None, "commit after compare"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._compact()
        owners = sorted({owner for owner in map(keys.owner, self.table) if owner is not None})
        manifest = {"format": FORMAT, "global": self.global_key, "reads": [_read_text(read) for read in self.table],
                    "digests": b"".join(self._now).hex(),
                    "owners": {owner: keys.fingerprint(owner).hex() for owner in owners},
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

    def _compact(self) -> None:
        """Drop the reads no page names any more, once they are a quarter of the table
        (renumbering every page's reads costs more than carrying a few spare ones)."""
        assert len(self._now) == len(self.table)
        used = set().union(*(entry.reads for entry in self.next.values()))
        if len(used) * 4 >= len(self.table) * 3:
            return
        kept = sorted(used)
        renumber = {old: new for new, old in enumerate(kept)}
        self.table = [self.table[n] for n in kept]
        self._now = [self._now[n] for n in kept]
        self.next = {uri: replace(entry, reads=[renumber[n] for n in entry.reads]) for uri, entry in self.next.items()}


_SEP = "\x1f"   # between the parts of a read in the manifest: no name or key holds it


def _read_text(read: Read) -> str:
    """A read as the manifest keeps it: its parts joined by `_SEP`, or, for one with a tuple
    (a pair's key) or a number in it, or a part that holds the separator, as a JSON list."""
    if all(type(part) is str for part in read):
        text = _SEP.join(read)
        if text.count(_SEP) == len(read) - 1 and not text.startswith("["):
            return text
    return json.dumps(read)


def _reads_table(value: Any) -> list[Read] | None:
    """The manifest's reads back as tuples (a 70,000-read table is read on every build:
    splitting strings is ten times faster than walking JSON lists), or None when damaged."""
    if not isinstance(value, list) or not all(type(text) is str and text for text in value):
        return None
    try:
        table = [tuple(text.split(_SEP)) if text[0] != "[" else _as_tuple(json.loads(text)) for text in value]
    except ValueError:
        return None
    return table if all(type(read) is tuple and read and type(read[0]) is str for read in table) else None


def _digests(value: Any) -> list[bytes] | None:
    """The manifest's digests (one hex string, `DIGEST_SIZE` bytes each), or None when damaged."""
    if not isinstance(value, str) or len(value) % (2 * DIGEST_SIZE):
        return None
    try:
        data = bytes.fromhex(value)
    except ValueError:
        return None
    return [data[i:i + DIGEST_SIZE] for i in range(0, len(data), DIGEST_SIZE)]


def _hex(value: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError:
        return b""      # equal to no fingerprint: the owner's reads are computed again


def _digest_of(digest: Callable[[Any], bytes], read: Any) -> bytes:
    """A read's digest now; a read the catalog cannot answer (a foreign table that got past
    the global key) gets a random value, equal to no digest, so its pages are made again."""
    try:
        found = digest(read)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        found = b""
    return found if len(found) == DIGEST_SIZE else os.urandom(DIGEST_SIZE)


def _as_tuple(value: Any) -> Any:
    """A read's JSON back as it was: lists as tuples; only strings and integers inside."""
    if isinstance(value, list):
        return tuple(_as_tuple(item) for item in value)
    if isinstance(value, str) or type(value) is int:
        return value
    raise ValueError(f"not part of a read: {value!r}")


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and _HASH.fullmatch(value) is not None


_HASH = re.compile(r"[0-9a-f]{40}")


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
