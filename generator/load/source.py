"""One file's source text: decoded once, with its line index and its YAML nodes by path.

Every reader of a content file goes through this: the loader (bytes to text, with
a diagnostic for binary or non-UTF-8 files), the claim field reader (where each
character of a front-matter string sits), the caret report (the line a problem is
on) and sync (which writes the file back with its own line endings and BOM).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..base import Diagnostic, error

Loc = tuple[str | int, ...]
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceText:
    """Text with newlines made `\\n`; `first_line` is the file line its first line is on."""

    text: str
    newline: str = "\n"        # the file's own line ending: "\n", "\r\n" or "\r"
    bom: bool = False
    first_line: int = 1

    @classmethod
    def decode(cls, path: Path | str, raw: bytes) -> tuple["SourceText | None", list[Diagnostic]]:
        """Bytes to text: UTF-8 (a BOM is fine), CRLF and bare CR read as LF; binary and
        non-UTF-8 files are diagnostics at the offending byte."""
        if b"\x00" in raw:
            return None, [error(path, 1, 1, "binary-file", "this is a binary file, not a Markdown review",
                                "save it as UTF-8 text or remove it from content/")]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            return None, [error(path, line, col, "encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                                "save the file as UTF-8")]
        return cls._of(text, raw.startswith(BOM)), []

    @classmethod
    def lenient(cls, raw: bytes) -> "SourceText":
        """Whatever the bytes are, as text (undecodable bytes replaced): for showing a line, not for reading data."""
        return cls._of(raw.decode("utf-8-sig", errors="replace"), raw.startswith(BOM))

    @classmethod
    def _of(cls, text: str, bom: bool) -> "SourceText":
        newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
        return cls(text.replace("\r\n", "\n").replace("\r", "\n"), newline, bom)

    def encode(self, text: str) -> bytes:
        """`text` (with `\\n` newlines) as this file's bytes: its line endings, its BOM."""
        return (BOM if self.bom else b"") + text.replace("\n", self.newline).encode("utf-8")

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts += [i + 1 for i, char in enumerate(self.text) if char == "\n"]
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based file line and column of a character offset in `text`."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.first_line + index, offset - self._line_starts[index] + 1

    @cached_property
    def yaml_root(self) -> yaml.Node | None:
        """The text's YAML node tree (libyaml when available: its marks count characters, as PyYAML's do)."""
        try:
            return yaml.compose(self.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            return None

    def node(self, loc: Loc) -> yaml.Node | None:
        """The YAML node at a path such as `("faq", 2, "answer")`, or None."""
        return find_node(self.yaml_root, loc)


@lru_cache(maxsize=16)
def yaml_source(text: str, first_line: int) -> SourceText:
    """A front-matter block as a `SourceText`, shared while several of its strings are located."""
    return SourceText(text, first_line=first_line)


def find_node(root: Any, loc: Loc) -> Any:
    """Walk a composed YAML tree by path; works on PyYAML's and ruamel.yaml's nodes alike."""
    node = root
    for part in loc:
        kind = getattr(node, "id", None)
        if kind == "mapping":
            node = next((v for k, v in node.value if getattr(k, "id", None) == "scalar" and k.value == part), None)
        elif kind == "sequence" and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node
