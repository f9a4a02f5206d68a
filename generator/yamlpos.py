"""YAML to Python values, keeping where each value was written.

PyYAML's loader keeps the last of two duplicate keys without a word and throws
away positions; we compose the node tree instead, construct the values ourselves,
and record a `(line, column)` for every key path. Floats become `Decimal` built
from the text the editor typed, so "0.40" never turns into 0.4000000000000000222.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, error

Loc = tuple[str | int, ...]

# libyaml composes ~15x faster than the pure-Python parser and keeps the same marks.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Positions:
    """File positions (1-based line, column) of each value and each key, by path."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> tuple[int, int]:
        """The closest recorded position: a missing field points at its parent."""
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

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
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(path, exc, first_line)]
    except yaml.YAMLError as exc:  # composer errors without a mark
        return None, [error(path, first_line, 1, "yaml-syntax", f"YAML syntax error: {exc}")]
    positions = Positions()
    diagnostics: list[Diagnostic] = []
    if node is None:
        positions.values[()] = (first_line, 1)
        return ParsedYaml({}, positions), []
    builder = _Builder(path, first_line, positions, diagnostics)
    data = builder.build(node, ())
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
    """Turns composed nodes into values, recording positions and duplicate keys."""

    def __init__(self, path: Path, first_line: int, positions: Positions, diagnostics: list[Diagnostic]):
        self.path = path
        self.first_line = first_line
        self.positions = positions
        self.diagnostics = diagnostics
        self.constructor = yaml.SafeLoader("")

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.positions.values[loc] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._build_scalar(node)

    def _build_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self._build_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if not isinstance(key, (str, int)):
                key = str(key)
            line, col = self._pos(key_node)
            if key in first_seen:
                self.diagnostics.append(error(
                    self.path, line, col, "duplicate-key",
                    f"'{key}' is given twice (first on line {first_seen[key]})",
                    "keep one of them; YAML would silently use the last"))
                continue
            first_seen[key] = line
            self.positions.keys[loc + (key,)] = (line, col)
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _build_scalar(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:float":
            try:
                return Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                pass
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError):
            # e.g. 2025-13-01 looks like a date but is not one: keep the text and let
            # the schema say what is wrong with it, at this node's position.
            return node.value
