"""Splitting a Markdown file into its YAML front matter and its body.

MkDocs silently drops a front-matter block it cannot parse; we read the bytes
ourselves so that every way a file can be malformed (empty, binary, BOM, CRLF,
a missing or unclosed block) becomes a diagnostic with a line number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base import Diagnostic, error
from .source import SourceText

FENCE = "---"


@dataclass(frozen=True)
class SplitFile:
    """A file cut at its front-matter fences; line numbers are 1-based in the file."""

    front_matter: str | None  # YAML between the fences, None when the file has none
    yaml_first_line: int     # file line of the first YAML line
    body: str
    body_first_line: int     # file line of the first body line


def decode(path: Path, raw: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, as `SourceText.decode` reads every file: UTF-8 (a BOM is fine), any newline style."""
    source, diagnostics = SourceText.decode(path, raw)
    return (source.text if source is not None else None), diagnostics


def split_front_matter(path: Path, text: str, required: bool) -> tuple[SplitFile | None, list[Diagnostic]]:
    """Find the `---` fences. A file that must have front matter and lacks it is an error."""
    if not text.strip():
        return None, [error(path, 1, 1, "empty-file", "the file is empty",
                            "start it with a front-matter block between two '---' lines")]
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        if required:
            return None, [error(path, 1, 1, "front-matter-missing",
                                "the file does not start with a front-matter block",
                                "put '---' on line 1, the review's fields, then another '---'")]
        return SplitFile(None, 0, text, 1), []
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:index]) + "\n"
            body = "\n".join(lines[index + 1:])
            return SplitFile(yaml_text, 2, body, index + 2), []
    return None, [error(path, 1, 1, "front-matter-unclosed",
                        "the front-matter block opened on line 1 is never closed",
                        "add a line with only '---' after the last field")]
