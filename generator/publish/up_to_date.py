"""A build with nothing to do: the same inputs as the last successful build, into the same,
untouched site folder.

Then the build prints what the last one printed and stops, without checking or
rendering anything: every input that can change a page or a diagnostic is in the
digest (the bytes of the content, site config, templates, docs and mkdocs.yml, the
package's own code, the installed MkDocs and Material, today's date, --strict and the
folders), and the site folder must still hold exactly the files that build wrote (path,
size, modification time and inode of each). Anything else, and the build runs; a
damaged or foreign stamp is a stamp that does not match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..base import Code, Diagnostic, Severity
from ..project import Project
from .page_cache import hash_files

STAMP = "last-build.json"
FORMAT = 1


def inputs_digest(project: Project, config_file: Path, target: Path, strict: bool, today: dt.date) -> str:
    import material
    import mkdocs
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps([FORMAT, sys.version, mkdocs.__version__, getattr(material, "__version__", ""),
                              today.isoformat(), strict, str(target), str(config_file),
                              os.environ.get("MODELREVIEW_CONTENT", "")]).encode())
    package = Path(__file__).resolve().parents[1]
    for folder in (project.content_dir, project.config_dir, project.templates_dir, project.root / "docs", package):
        hash_files(digest, folder)
    digest.update(config_file.read_bytes() if config_file.is_file() else b"no mkdocs.yml")
    return digest.hexdigest()


def site_digest(target: Path) -> str:
    """Every file in the site folder by path, size, modification time and inode (strings, not
    `Path`s: a catalog's site holds 14,000 files, and this runs after every build)."""
    digest = hashlib.blake2b(digest_size=20)
    root = str(target)
    for top, dirs, names in os.walk(root):
        dirs.sort()
        prefix = "" if top == root else os.path.relpath(top, root) + "/"
        for name in sorted(names):
            info = os.lstat(os.path.join(top, name))
            digest.update(f"{prefix}{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\n".encode())
    return digest.hexdigest()


def last_build(folder: Path, inputs: str, target: Path) -> list[Diagnostic] | None:
    """The diagnostics of the last build when it had these inputs and its site is untouched, else None."""
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        if stamp.get("format") != FORMAT or stamp.get("inputs") != inputs or stamp.get("site") != str(target):
            return None
        if not target.is_dir() or stamp.get("files") != site_digest(target):
            return None
        return [_diagnostic(item) for item in stamp["diagnostics"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record_build(folder: Path, inputs: str, target: Path, diagnostics: list[Diagnostic]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = {"format": FORMAT, "inputs": inputs, "site": str(target), "files": site_digest(target),
             "diagnostics": [_as_json(d) for d in diagnostics]}
    temp = folder / f".{STAMP}.{os.getpid()}"
    temp.write_text(json.dumps(stamp), encoding="utf-8")
    os.replace(temp, folder / STAMP)


def forget_build(folder: Path) -> None:
    """Drop the stamp: the site about to be replaced is no longer the one it describes."""
    try:
        (folder / STAMP).unlink()
    except OSError:
        pass


def _as_json(d: Diagnostic) -> dict[str, Any]:
    return {"file": d.file, "line": d.line, "column": d.column, "severity": d.severity.value,
            "code": d.code.value, "message": d.message, "hint": d.hint, "reference": d.reference}


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    return Diagnostic(str(item["file"]), int(item["line"]), int(item["column"]), Severity(item["severity"]),
                      Code.of(str(item["code"])), str(item["message"]), str(item["hint"]), str(item["reference"]))
