"""Hostile files: what the loader refuses before it reads or parses a byte.

A symlink under `content/` (or `site_config/`) that leads outside the project would
publish a file from elsewhere on the machine, and `check` would print its lines; such
a link is refused with a diagnostic and never opened. A file over the configured
size (`site_config/site.yaml` `limits:`, default 1 MB of front matter and 5 MB in
all) is refused before YAML sees it, so a runaway or malicious file cannot stall a
build. Two content files whose names differ only in case would overwrite each other
on a case-insensitive disk and in the built site; they are one clash, reported once.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..base import Diagnostic, error
from .schema.site import Limits

DEFAULT_LIMITS = Limits()
_CLOSING_FENCE = re.compile(rb"\r?\n---[ \t]*(?:\r?\n|\r|$)")
_OPENING_FENCE = re.compile(rb"^(?:\xef\xbb\xbf)?---[ \t]*(?:\r?\n|\r)")


def leaves_project(path: Path, root: Path) -> bool:
    """True when `path`, or a folder on the way to it, is a symlink that resolves outside `root`."""
    if not _any_link(path, root):
        return False  # the common case: a few lstat calls, no resolving
    try:
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return True
    return not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep))


def _any_link(path: Path, root: Path) -> bool:
    """Is any part of `path` below `root` (or `path` itself, if it is not below it) a symlink?"""
    full, top = os.path.abspath(path), os.path.abspath(root)
    if not full.startswith(top.rstrip(os.sep) + os.sep):
        return os.path.islink(full) or os.path.realpath(full) != full
    current = top
    for part in full[len(top):].strip(os.sep).split(os.sep):
        current = os.path.join(current, part)
        if os.path.islink(current):
            return True
    return False


def read_checked(path: Path, display: str, root: Path | None, limits: Limits | None = None
                 ) -> tuple[bytes | None, list[Diagnostic]]:
    """The file's bytes, or None and the reason it was refused (a link out, too large)."""
    root = root if root is not None else Path.cwd()
    limits = limits or limits_for(root)
    if leaves_project(path, root):
        return None, [error(display, 1, 1, "symlink-outside",
                            "this is a symlink to a file outside the project; it was not read",
                            "copy the file into the project instead of linking to it")]
    try:
        size = os.stat(path).st_size
        if size > limits.file_bytes:
            return None, [_too_large(display, size, limits.file_bytes, "file", "file_bytes")]
        with open(path, "rb") as handle:
            raw = handle.read(limits.file_bytes + 1)
    except OSError as problem:
        return None, [error(display, 1, 1, "unreadable-file", f"the file cannot be read: {problem.strerror}",
                            "check the file's permissions")]
    if len(raw) > limits.file_bytes:  # it grew while we looked
        return None, [_too_large(display, len(raw), limits.file_bytes, "file", "file_bytes")]
    return check_size(raw, display, limits)


def check_size(raw: bytes, display: str, limits: Limits | None = None) -> tuple[bytes | None, list[Diagnostic]]:
    """Bytes already in hand (the preview's) held to the same limits."""
    limits = limits or DEFAULT_LIMITS
    if len(raw) > limits.file_bytes:
        return None, [_too_large(display, len(raw), limits.file_bytes, "file", "file_bytes")]
    opening = _OPENING_FENCE.match(raw)
    if opening:
        closing = _CLOSING_FENCE.search(raw, opening.end() - 1)
        size = (closing.start() if closing else len(raw)) - opening.end()
        if size > limits.front_matter_bytes:
            return None, [_too_large(display, size, limits.front_matter_bytes, "front matter",
                                     "front_matter_bytes")]
    return raw, []


def _too_large(display: str, size: int, limit: int, what: str, field: str) -> Diagnostic:
    code = "file-too-large" if what == "file" else "front-matter-too-large"
    return error(display, 1, 1, code, f"the {what} is {size:,} bytes, over the limit of {limit:,}; it was not parsed",
                 f"shorten it, or raise `limits: {field}:` in site_config/site.yaml")


def limits_for(root: Path) -> Limits:
    """The project's `limits:` from site_config/site.yaml, else the defaults (a bad value is the config's error)."""
    path = root / "site_config" / "site.yaml"
    try:
        stat = os.stat(path)
    except OSError:
        return DEFAULT_LIMITS
    return _limits_at(str(path), stat.st_mtime_ns, stat.st_size, str(root))


@lru_cache(maxsize=16)
def _limits_at(path: str, mtime: int, size: int, root: str) -> Limits:
    if size > DEFAULT_LIMITS.file_bytes or leaves_project(Path(path), Path(root)):
        return DEFAULT_LIMITS
    try:
        with open(path, "rb") as handle:
            data = yaml.safe_load(handle.read())
        section = data.get("limits") if isinstance(data, dict) else None
        return Limits(**section) if isinstance(section, dict) else DEFAULT_LIMITS
    except Exception:  # noqa: BLE001 - any problem in the file is load_site_config's to report
        return DEFAULT_LIMITS


def linked_folders(folder: Path, root: Path) -> list[Diagnostic]:
    """Folder symlinks below `folder` that lead outside the project: walked past, but not silently."""
    found: list[Diagnostic] = []
    for parent, dirs, _ in os.walk(folder):
        for name in dirs:
            path = Path(parent) / name
            if os.path.islink(path) and leaves_project(path, root):
                display = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
                found.append(error(display, 1, 1, "symlink-outside",
                                   "this folder is a symlink to a place outside the project; it was not read",
                                   "copy the files into the project instead of linking to them"))
    return found


def case_clashes(paths: list[Path], root: Path) -> tuple[set[Path], list[Diagnostic]]:
    """Paths whose names differ from an earlier one only in case: one error each, and they are not loaded."""
    first: dict[str, Path] = {}
    clashing: set[Path] = set()
    found: list[Diagnostic] = []
    for path in sorted(paths, key=lambda p: p.as_posix()):
        key = os.path.normcase(path.as_posix()).casefold()
        if key in first:
            clashing.add(path)
            other = first[key]
            found.append(error(_display(path, root), 1, 1, "case-clash",
                               f"this name differs only in case from {_display(other, root)}; on a "
                               "case-insensitive disk and in the built site they are the same file",
                               "rename or remove one of them"))
        else:
            first[key] = path
    return clashing, found


def _display(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else path.as_posix()
