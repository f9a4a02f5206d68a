"""YAML to Python values, keeping where each value was written.

PyYAML's loader keeps the last of two duplicate keys without a word and throws
away positions; we compose the node tree instead, construct the values ourselves,
and record a `(line, column)` for every key path. Floats become `Decimal` built
from the text the editor typed, so "0.40" never turns into 0.4000000000000000222.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, error

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
    they are computed on first use by composing the YAML text again: a clean check of
    thousands of reviews never pays for them.
    """

    def __init__(self, values: dict[Loc, tuple[int, int]] | None = None,
                 keys: dict[Loc, tuple[int, int]] | None = None,
                 source: tuple[str, int] | None = None):
        self._values = values
        self._keys = keys
        self._source = source
        # Kept after positions are computed: a check that reports a claim inside a long text
        # value needs the characters of that value, not only where it starts.
        self.source = source

    @property
    def values(self) -> dict[Loc, tuple[int, int]]:
        self._compute()
        return self._values  # type: ignore[return-value]

    @property
    def keys(self) -> dict[Loc, tuple[int, int]]:
        self._compute()
        return self._keys  # type: ignore[return-value]

    def _compute(self) -> None:
        if self._values is not None:
            return
        self._values, self._keys = {}, {}
        if self._source is not None:
            text, first_line = self._source
            node = yaml.compose(text, Loader=_Loader)
            if node is None:
                self._values[()] = (first_line, 1)
            else:
                _Builder(Path(), first_line, [], self).build(node, ())
        self._source = None

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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(path, exc, first_line)]
    except yaml.YAMLError as exc:  # composer errors without a mark
        return None, [error(path, first_line, 1, "yaml-syntax", f"YAML syntax error: {exc}")]
    positions = Positions(source=(text, first_line))
    if node is None:
        return ParsedYaml({}, positions), []
    diagnostics: list[Diagnostic] = []
    data = _Builder(path, first_line, diagnostics, None).build(node, ())
    return ParsedYaml(data, positions), diagnostics


def _syntax_error(path: Path, exc: yaml.MarkedYAMLError, first_line: int) -> Diagnostic:
    """Point at the cause: for "end of stream" errors, that is where the open construct began."""
    problem = (exc.problem or "invalid YAML").strip()
    mark = exc.problem_mark or exc.context_mark
    if "end of stream" in problem and exc.context_mark is not None:
        mark = exc.context_mark
        opened = (exc.context or "a value").replace("while scanning ", "").replace("while parsing ", "")
        problem = f"{opened.replace('scalar', 'value')} opened here is never closed"
    elif exc.context:
        problem = f"{problem} {exc.context}"
    line = (mark.line if mark else 0) + first_line
    col = (mark.column if mark else 0) + 1
    return error(path, line, col, "yaml-syntax", f"YAML syntax error: {problem}")


def _find_tab_indent(text: str) -> tuple[int, int] | None:
    for index, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return index, len(line) - len(stripped) + 1
    return None


class _Builder:
    """Turns composed nodes into values, reporting duplicate keys.

    With `record` set it also fills that `Positions` object; the fast path leaves it
    out, since building a key path per node costs as much as the values themselves.
    """

    def __init__(self, path: Path, first_line: int, diagnostics: list[Diagnostic], record: Positions | None):
        self.path = path
        self.first_line = first_line
        self.diagnostics = diagnostics
        self.record = record
        self.constructor = yaml.SafeLoader("")

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if self.record is not None:
            self.record._values[loc] = self._pos(node)  # noqa: SLF001 - filled by its owner
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if self.record is None:
                return [self.build(item, loc) for item in node.value]
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._build_scalar(node)

    def _build_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._build_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if not isinstance(key, (str, int)):
                key = str(key)
            if key in result:
                line, col = self._pos(key_node)
                first = next(k for k, _ in node.value if k.value == key_node.value)
                self.diagnostics.append(error(
                    self.path, line, col, "duplicate-key",
                    f"'{key}' is given twice (first on line {self._pos(first)[0]})",
                    "keep one of them; YAML would silently use the last"))
                continue
            if self.record is not None:
                self.record._keys[loc + (key,)] = self._pos(key_node)  # noqa: SLF001
                result[key] = self.build(value_node, loc + (key,))
            else:
                result[key] = self.build(value_node, loc)
        return result

    def _build_scalar(self, node: yaml.Node) -> Any:
        tag, text = node.tag, node.value
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
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError):
            return text
