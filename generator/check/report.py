"""Printing diagnostics for people (text), for tools (json) and for CI (github).

Presentation only: the diagnostics are final when they get here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable

from ..base import Diagnostic, sort_diagnostics, summarize
from ..load import SourceText, leaves_project

SourceLines = Callable[[str], list[str] | None]


def file_lines(root: Path) -> SourceLines:
    """Read a file's lines for the caret display, once per file, tolerating anything."""
    cache: dict[str, list[str] | None] = {}

    def lines(display: str) -> list[str] | None:
        if display not in cache:
            try:
                path = root / display
                if leaves_project(path, root) or path.stat().st_size > 50_000_000:
                    raise OSError("not shown: a link out of the project, or a huge file")
                cache[display] = SourceText.lenient(path.read_bytes()).lines
            except OSError:
                cache[display] = None
        return cache[display]

    return lines


def format_text(diagnostics: Iterable[Diagnostic], sources: SourceLines) -> str:
    """Each problem with its line of source and a caret, then the count."""
    items = sort_diagnostics(diagnostics)
    blocks = [_text_block(d, sources) for d in items]
    blocks.append(summarize(items))
    return "\n\n".join(blocks) + "\n"


def _text_block(d: Diagnostic, sources: SourceLines) -> str:
    where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
    lines = [f"{where}: {d.severity.value}[{d.code}]: {d.message}"]
    source = sources(d.file) if d.line else None
    if source and 0 < d.line <= len(source):
        text = source[d.line - 1].replace("\t", " ")
        gutter = f"{d.line:>5}"
        lines.append(f"{gutter} | {text}")
        lines.append(f"{' ' * len(gutter)} | {' ' * max(d.column - 1, 0)}^")
    if d.hint:
        lines.append(f"  hint: {d.hint}")
    return "\n".join(lines)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in sort_diagnostics(diagnostics)], indent=2) + "\n"


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands, one per line."""
    out = []
    for d in sort_diagnostics(diagnostics):
        message = d.message + (f" ({d.hint})" if d.hint else "")
        props = f"file={_escape_prop(d.file)},line={max(d.line, 1)},col={max(d.column, 1)},title={d.code}"
        out.append(f"::{d.severity.value} {props}::{_escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_diagnostics(diagnostics: list[Diagnostic], fmt: str, root: Path) -> str:
    """Diagnostics as `check --format FMT` prints them: text (with source lines), json or github."""
    if fmt == "json":
        return format_json(diagnostics)
    if fmt == "github":
        return format_github(diagnostics)
    return format_text(diagnostics, file_lines(root))
