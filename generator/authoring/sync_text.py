"""Text-preserving edits of a review's YAML front matter, for `modelreview sync`.

ruamel.yaml's round-trip parser finds every node and its exact character span;
each edit then replaces or inserts text at those spans, and nothing else in the file
moves. We do not re-dump the document with ruamel: its dumper re-indents sequences
(measured with ruamel.yaml 0.19: `- b` under a key becomes `  - b`) and so would
touch lines sync did not mean to change. Comments, key order, quoting, flow or
block style and the Markdown body therefore stay byte-for-byte; a replaced scalar
keeps its quote style; an appended list item copies the style of the item before it.
"""

from __future__ import annotations

from typing import Union

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..load import find_node

Path = tuple[Union[str, int], ...]


class FrontMatterText:
    """One YAML document and the edits queued against it; `text()` applies them."""

    def __init__(self, source: str):
        self.source = source
        self.root = YAML(typ="rt").compose(source)
        self._edits: list[tuple[int, int, str]] = []

    def node(self, path: Path) -> Node | None:
        return find_node(self.root, path)

    def literal(self, path: Path) -> str | None:
        """A scalar's value as written in the file (quotes dropped), or None."""
        node = self.node(path)
        if isinstance(node, ScalarNode) and node.value not in ("", "~", "null", "Null", "NULL"):
            return node.value
        return None

    def set_scalar(self, path: Path, literal: str) -> None:
        """Replace a scalar's text, keeping its quotes."""
        node = self.node(path)
        if not isinstance(node, ScalarNode):
            raise KeyError(f"no scalar at {'.'.join(map(str, path))}")
        quote = node.style if node.style in ("'", '"') else ""
        self._edits.append((node.start_mark.index, node.end_mark.index, f"{quote}{literal}{quote}"))

    def insert_key(self, path: Path, after: str, key: str, literal: str) -> None:
        """Add `key: literal` to the mapping at `path`, right after the key `after`."""
        mapping = self.node(path)
        if not isinstance(mapping, MappingNode):
            raise KeyError(f"no mapping at {'.'.join(map(str, path))}")
        pair = next(((k, v) for k, v in mapping.value if k.value == after), None)
        if pair is None:
            raise KeyError(f"no key {after} at {'.'.join(map(str, path))}")
        key_node, value_node = pair
        if mapping.flow_style:
            end = value_node.end_mark.index
            self._edits.append((end, end, f", {key}: {literal}"))
        else:
            at = self._line_end(_last_leaf(value_node).end_mark.index)
            self._edits.append((at, at, f"{' ' * key_node.start_mark.column}{key}: {literal}\n"))

    def append_items(self, path: Path, items: list[dict[str, str]]) -> None:
        """Append mappings of literals to the sequence at `path`, in the last item's style."""
        seq = self.node(path)
        if not isinstance(seq, SequenceNode):
            raise KeyError(f"no list at {'.'.join(map(str, path))}")
        flows = ["{" + ", ".join(f"{k}: {v}" for k, v in item.items()) + "}" for item in items]
        if seq.flow_style:
            close = self.source.rindex("]", 0, seq.end_mark.index)
            self._edits.append((close, close, (", " if seq.value else "") + ", ".join(flows)))
            return
        last = seq.value[-1]
        dash = self.source.rindex("-", 0, last.start_mark.index)
        dash_col = dash - (self.source.rfind("\n", 0, dash) + 1)
        at = self._line_end(_last_leaf(last).end_mark.index)
        if isinstance(last, MappingNode) and not last.flow_style:
            key_col = last.value[0][0].start_mark.column
            gap = " " * (key_col - dash_col - 2)
            lines = [f"{' ' * dash_col}- {gap}{k}: {v}" if i == 0 else f"{' ' * key_col}{k}: {v}"
                     for item in items for i, (k, v) in enumerate(item.items())]
        else:
            lines = [f"{' ' * dash_col}- {flow}" for flow in flows]
        self._edits.append((at, at, "\n".join(lines) + "\n"))

    def add_list_after(self, after: str, key: str, items: list[dict[str, str]]) -> None:
        """A new top-level `key:` holding flow-mapping items, placed after the key `after`."""
        pair = next(((k, v) for k, v in self.root.value if k.value == after), None)
        if pair is None:
            raise KeyError(f"no top-level key {after}")
        at = self._line_end(_last_leaf(pair[1]).end_mark.index)
        indent = " " * self._list_indent()
        lines = [f"{indent}- " + "{" + ", ".join(f"{k}: {v}" for k, v in item.items()) + "}" for item in items]
        self._edits.append((at, at, f"{key}:\n" + "\n".join(lines) + "\n"))

    def add_mapping_after(self, after: str, key: str, pairs: dict[str, str]) -> None:
        """A new top-level `key: {a: 1, b: 2}` (a flow mapping of literals), placed after the key `after`."""
        pair = next(((k, v) for k, v in self.root.value if k.value == after), None)
        if pair is None:
            raise KeyError(f"no top-level key {after}")
        at = self._line_end(_last_leaf(pair[1]).end_mark.index)
        self._edits.append((at, at, f"{key}: " + "{" + ", ".join(f"{k}: {v}" for k, v in pairs.items()) + "}\n"))

    def text(self) -> str:
        """The edited document. Edits at one spot land in the order they were queued."""
        result = self.source
        ordered = sorted(enumerate(self._edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
        for _, (start, end, replacement) in ordered:
            result = result[:start] + replacement + result[end:]
        return result

    def _line_end(self, index: int) -> int:
        """The start of the line after `index` (or `index` itself when it starts a line)."""
        if index > 0 and self.source[index - 1] == "\n":
            return index
        newline = self.source.find("\n", index)
        return len(self.source) if newline == -1 else newline + 1

    def _list_indent(self) -> int:
        """How far this file indents a block list under its key (the first one found), else 2."""
        for _, value in self.root.value:
            if isinstance(value, SequenceNode) and not value.flow_style and value.value:
                dash = self.source.rindex("-", 0, value.value[0].start_mark.index)
                return dash - (self.source.rfind("\n", 0, dash) + 1)
        return 2


def _last_leaf(node: Node) -> Node:
    """The node whose end is the last character a (block) value occupies."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node
