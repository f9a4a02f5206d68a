"""YAML to Python values, keeping where each value was written.

PyYAML's loader keeps the last of two duplicate keys without a word and throws
away positions; we read libyaml's event stream instead, build the values ourselves,
and can record a `(line, column)` for every key path. Floats become `Decimal` built
from the text the editor typed, so "0.40" never turns into 0.4000000000000000222.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..base import Diagnostic, error

Loc = tuple[str | int, ...]

_STR, _INT, _FLOAT, _TIMESTAMP = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "timestamp"))
_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (~15x faster than pure Python, same marks) with a memoised resolver.

    Review files repeat the same keys and values ("input:", "true", "text"), and PyYAML
    resolves each scalar's tag with a list of regexes in Python; caching that is safe
    because a plain scalar's tag depends only on its text.
    """

    _tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            if len(self._tags) > 100_000:
                self._tags.clear()
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


class Positions:
    """File positions (1-based line, column) of each value and each key, by path.

    Positions are needed only when something is reported, which is rare, so by default
    they are computed on first use by parsing the YAML text again: a clean check of
    thousands of reviews never pays for them.
    """

    def __init__(self, values: dict[Loc, tuple[int, int]] | None = None,
                 keys: dict[Loc, tuple[int, int]] | None = None,
                 source: tuple[str, int] | None = None):
        self._values = values
        self._keys = keys
        # The YAML text and its first file line. Kept after positions are computed: a check
        # that reports a claim inside a long text value needs that value's characters.
        self.source = source

    @property
    def values(self) -> dict[Loc, tuple[int, int]]:
        return self._compute()[0]

    @property
    def keys(self) -> dict[Loc, tuple[int, int]]:
        return self._compute()[1]

    @property
    def values_being_built(self) -> dict[Loc, tuple[int, int]]:
        """Where `_Builder` records value positions while `_compute` runs it."""
        assert self._values is not None
        return self._values

    @property
    def keys_being_built(self) -> dict[Loc, tuple[int, int]]:
        assert self._keys is not None
        return self._keys

    def _compute(self) -> tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
        if self._values is None or self._keys is None:
            self._values, self._keys = {}, {}
            if self.source is not None:
                text, first_line = self.source
                self._values[()] = (first_line, 1)
                _Builder(Path(), first_line, [], self).build(text)
        return self._values, self._keys

    def of_value(self, loc: Loc) -> tuple[int, int]:
        """The closest recorded position: a missing field points at its parent."""
        values = self.values
        while loc:
            if loc in values:
                return values[loc]
            loc = loc[:-1]
        return values.get((), (1, 1))

    def of_key(self, loc: Loc) -> tuple[int, int]:
        return self.keys.get(loc) or self.of_value(loc)


@dataclass
class ParsedYaml:
    data: Any
    positions: Positions


def parse_yaml(path: Path, text: str, first_line: int) -> tuple[ParsedYaml | None, list[Diagnostic]]:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    tab = _find_tab_indent(text)
    if tab is not None:
        line, col = tab
        return None, [error(path, line + first_line, col, "tab-indent",
                            "a tab is used for indentation; YAML allows only spaces",
                            "replace the tab with spaces")]
    diagnostics: list[Diagnostic] = []
    try:
        data = _Builder(path, first_line, diagnostics, None).build(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(path, exc, first_line, text)]
    except yaml.YAMLError as exc:  # errors without a mark
        return None, [error(path, first_line, 1, "yaml-syntax", f"YAML syntax error: {exc}")]
    return ParsedYaml({} if data is None else data, Positions(source=(text, first_line))), diagnostics


def _syntax_error(path: Path, exc: yaml.MarkedYAMLError, first_line: int, text: str = "") -> Diagnostic:
    """Point at the cause: for "end of stream" errors, that is where the open construct began."""
    problem = (exc.problem or "invalid YAML").strip()
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    if "end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark
        opened = (context or "a value").replace("while scanning ", "").replace("while parsing ", "")
        problem = f"{opened.replace('scalar', 'value')} opened here is never closed"
    elif ("flow sequence" in context or "flow mapping" in context) and exc.context_mark and _on_later_line(exc):
        # `aliases: [GPT-4.1 Mini` is noticed on the next line; the cause is the open bracket.
        opened_at = exc.context_mark
        closer = "]" if "sequence" in context else "}"
        return error(path, opened_at.line + first_line, opened_at.column + 1, "yaml-syntax",
                     f"YAML syntax error: the {'list' if closer == ']' else 'mapping'} opened here is never closed",
                     f"close it with '{closer}' at the end of the line")
    elif context:
        problem = f"{problem} {exc.context}"
    line = (mark.line if mark else 0) + first_line
    col = (mark.column if mark else 0) + 1
    lines = text.splitlines()
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    return error(path, line, col, "yaml-syntax", f"YAML syntax error: {problem}",
                 _syntax_hint(problem, source_line))


# `key: {{ price.input }} a month`, `- [beta] notes`, `summary: 'Fast' and cheap`: a value
# whose first character is YAML syntax is parsed as a mapping, list or quoted string.
_SYNTAX_START = re.compile(r"""^\s*(?:-\s+)*(?:[^\s:#'"{\[][^:#]*?:\s+)?([{\['"])""")


def _on_later_line(exc: yaml.MarkedYAMLError) -> bool:
    return (exc.context_mark is not None and exc.problem_mark is not None
            and exc.problem_mark.line > exc.context_mark.line)


def _syntax_hint(problem: str, source_line: str) -> str:
    """What editors usually did when libyaml says this, and the fix."""
    if "mapping values are not allowed" in problem:
        value = source_line.split(": ", 1)[1] if ": " in source_line else ""
        if ": " in value or value.rstrip().endswith(":"):
            return ("the value has ': ' inside (a '{{ model: field }}' binding, or 'Note: ...'); "
                    "put the whole value in quotes: key: 'Note: it is fast'")
        return "check this line's indentation: a key must line up with the keys beside it (spaces only)"
    start = _SYNTAX_START.match(source_line)
    if not start:
        return ""
    first = start.group(1)
    if first == "{":
        return "a value starting with '{' is read as a YAML mapping; quote the whole value: key: '{{ price.input }} a month'"
    if first == "[":
        return "a value starting with '[' is read as a YAML list; quote the whole value: key: '[beta] is fast'"
    other = "'" if first == '"' else '"'
    return (f"the value ends at its closing {first}; quote the whole value with the other quote mark: "
            f"key: {other}{first}Fast{first} and cheap{other}")


def _find_tab_indent(text: str) -> tuple[int, int] | None:
    if "\t" not in text:
        return None
    for index, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return index, len(line) - len(stripped) + 1
    return None


class _Frame:
    """An open mapping or sequence while events stream past."""

    __slots__ = ("container", "loc", "key", "key_mark", "first_lines")

    def __init__(self, container: dict | list, loc: Loc):
        self.container = container
        self.loc = loc
        self.key: Any = _NO_KEY
        self.key_mark: Any = None  # a libyaml mark (see _Builder._pos)
        self.first_lines: dict[Any, int] = {}


_NO_KEY = object()


class _Builder:
    """Builds values straight from libyaml's event stream, reporting duplicate keys.

    Events skip PyYAML's node objects, about a quarter of the work. With `record`
    set it also fills that `Positions` object; the fast path leaves it out, since
    building a key path per value costs as much as the values themselves.
    """

    def __init__(self, path: Path, first_line: int, diagnostics: list[Diagnostic], record: Positions | None):
        self.path = path
        self.first_line = first_line
        self.diagnostics = diagnostics
        self.record = record
        self.loader = _Loader("")
        self.anchors: dict[str, Any] = {}

    # libyaml's C events and marks are other classes than the ones PyYAML's stubs name: typed Any.
    def _pos(self, mark: Any) -> tuple[int, int]:
        return mark.line + self.first_line, mark.column + 1

    def build(self, text: str) -> Any:
        """The first document's value (None for an empty one)."""
        self.roots: list[Any] = []
        stack: list[_Frame] = []
        events: Iterator[Any] = yaml.parse(text, Loader=_Loader)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = self._scalar(event)
                if event.anchor:
                    self.anchors[event.anchor] = value
                self._place(stack, value, event.start_mark)
            elif kind is yaml.AliasEvent:
                self._place(stack, self.anchors.get(event.anchor), event.start_mark)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                container: dict | list = {} if kind is yaml.MappingStartEvent else []
                if event.anchor:
                    self.anchors[event.anchor] = container
                stack.append(_Frame(container, self._place(stack, container, event.start_mark)))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
        return self.roots[0] if self.roots else None

    def _place(self, stack: list[_Frame], value: Any, mark: Any) -> Loc:
        """Put a finished value into the open container; return the value's key path."""
        if not stack:
            self.roots.append(value)
            if self.record is not None:
                self.record.values_being_built[()] = self._pos(mark)
            return ()
        frame = stack[-1]
        container = frame.container
        if type(container) is list:
            loc = frame.loc + (len(container),) if self.record is not None else frame.loc
            container.append(value)
        elif frame.key is _NO_KEY:
            key = value if isinstance(value, (str, int)) else str(value)
            frame.key, frame.key_mark = key, mark
            return frame.loc
        else:
            key, key_mark = frame.key, frame.key_mark
            frame.key = _NO_KEY
            line = key_mark.line + self.first_line
            if key in frame.first_lines:
                self.diagnostics.append(error(
                    self.path, line, key_mark.column + 1, "duplicate-key",
                    f"'{key}' is given twice (first on line {frame.first_lines[key]})",
                    "keep one of them; YAML would silently use the last"))
                return frame.loc
            frame.first_lines[key] = line
            container[key] = value
            loc = frame.loc + (key,) if self.record is not None else frame.loc
            if self.record is not None:
                self.record.keys_being_built[loc] = self._pos(key_mark)
        if self.record is not None:
            self.record.values_being_built[loc] = self._pos(mark)
        return loc

    def _scalar(self, event: Any) -> Any:
        text = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = _Loader._tags.get((text, event.implicit)) or self.loader.resolve(yaml.ScalarNode, text, event.implicit)
        if tag == _STR:
            return text
        if tag == _FLOAT:
            try:
                return Decimal(text.replace("_", ""))
            except InvalidOperation:
                pass
        elif tag == _INT and _PLAIN_INT.fullmatch(text):
            return int(text)
        elif tag == _TIMESTAMP and _PLAIN_DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text  # e.g. 2025-13-01: the schema explains what is wrong with it
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError):
            return text
