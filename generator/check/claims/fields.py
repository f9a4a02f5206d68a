"""Front-matter prose: which text fields readers see, and where each character is in the file.

Editors write sentences in front matter as well as in the body: a review's
`summary`, `strengths`, `limitations`, `quirks` and FAQ entries, a comparison's
`verdict`. These are printed on the page (HTML-escaped plain text, not Markdown),
so their numbers are claims like any in the body and they may hold data bindings.

A diagnostic must point at the claim itself, so `locator` maps an offset in the
loaded string to a file line and column. It composes the front matter again (only
when something is reported) and aligns the string with the scalar's source text:
YAML's plain, folded (`>`) and literal (`|`) scalars, and line folding in quoted
ones, change only whitespace, and quoted scalars change escapes (`''`, `\\"`,
`\\u00e9`, ...), which are decoded here. Every non-whitespace character of the value
is paired with the source character that produced it, so the position of a claim
(which always starts at a non-whitespace character) is exact on every line of a
multi-line value. When the pairing does not reproduce the value (a YAML construct
this module does not decode, such as a tag or an alias), it does not guess: every
offset points at the value's start, as `Positions.of_value` gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import yaml

from .subject import CatalogFacts
from ...load import Document, Loc, Positions, yaml_source

Locate = Callable[[int], tuple[int, int]]

_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                   "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
                   "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True)
class ProseField:
    """One front-matter string readers see: its path (`("faq", 2, "answer")`) and its value.

    `asserts` is False for a FAQ question: "Does it really cost $0.20?" asks, so its
    numbers are not claims, but its bindings are expanded and checked like any.
    """

    loc: Loc
    text: str
    asserts: bool = True


def review_prose(record: Document) -> Iterator[ProseField]:
    """A review's prose fields, in file order of the schema: summary, lists, FAQ entries."""
    meta = record.meta
    if meta.summary:
        yield ProseField(("summary",), meta.summary)
    for name in ("strengths", "limitations", "quirks"):
        for i, text in enumerate(getattr(meta, name)):
            yield ProseField((name, i), text)
    for i, entry in enumerate(meta.faq):
        yield ProseField(("faq", i, "question"), entry.question, asserts=False)
        yield ProseField(("faq", i, "answer"), entry.answer)


def comparison_prose(record: Document) -> Iterator[ProseField]:
    yield ProseField(("verdict",), record.meta.verdict)


def prose_fields(catalog: CatalogFacts) -> Iterator[tuple[Document, ProseField, str | None, tuple[str, str] | None]]:
    """Every prose field of the catalog with its record, page model and pair (as for bodies)."""
    for key, model in catalog.models.items():
        for field in review_prose(model.record):
            yield model.record, field, key, None
    for pair in catalog.pairs.values():
        if pair.editorial is not None:
            for field in comparison_prose(pair.editorial):
                yield pair.editorial, field, None, (pair.a, pair.b)


def locator(positions: Positions, loc: Loc, value: str) -> Locate:
    """offset in `value` -> (line, column) in the file; computed on the first call."""
    table: list[tuple[int, int]] | None = None

    def locate(offset: int) -> tuple[int, int]:
        nonlocal table
        if table is None:
            table = _character_positions(positions, loc, value) or []
        if not table:
            return positions.of_value(loc)
        before = sum(1 for c in value[:offset] if not c.isspace())
        return table[min(before, len(table) - 1)]

    return locate


def _character_positions(positions: Positions, loc: Loc, value: str) -> list[tuple[int, int]] | None:
    """The file position of each non-whitespace character of `value`, or None if it cannot be shown exact."""
    if positions.source is None:
        return None
    source = yaml_source(*positions.source)
    node = source.node(loc)
    if not isinstance(node, yaml.ScalarNode):
        return None
    decoded = _decode(source.text, node)
    if decoded is None:
        return None
    produced = [(c, i) for c, i in decoded if not c.isspace()]
    if "".join(c for c, _ in produced) != "".join(c for c in value if not c.isspace()):
        return None
    return [source.position(i) for _, i in produced]


def _decode(text: str, node: yaml.ScalarNode) -> list[tuple[str, int]] | None:
    """(character, source offset) for what the scalar's source produces, whitespace included."""
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style or ""
    if node.tag != "tag:yaml.org,2002:str" or text[start] in "!&*":
        return None
    if style in ("|", ">"):
        header_end = text.find("\n", start, end)
        return [] if header_end < 0 else [(text[i], i) for i in range(header_end + 1, end)]
    if style == "'":
        return _decode_single(text, start + 1, end - 1)
    if style == '"':
        return _decode_double(text, start + 1, end - 1)
    return [(text[i], i) for i in range(start, end)]


def _decode_single(text: str, start: int, end: int) -> list[tuple[str, int]]:
    out, i = [], start
    while i < end:
        out.append((text[i], i))
        i += 2 if text[i] == "'" and text[i + 1:i + 2] == "'" else 1
    return out


def _decode_double(text: str, start: int, end: int) -> list[tuple[str, int]] | None:
    out, i = [], start
    while i < end:
        char = text[i]
        if char != "\\":
            out.append((char, i))
            i += 1
            continue
        escape = text[i + 1:i + 2]
        if escape in ("\n", "\r"):          # an escaped line break joins the lines
            i += 2
        elif escape in _SIMPLE_ESCAPES:
            out.append((_SIMPLE_ESCAPES[escape], i))
            i += 2
        elif escape in _HEX_ESCAPES:
            digits = text[i + 2:i + 2 + _HEX_ESCAPES[escape]]
            try:
                out.append((chr(int(digits, 16)), i))
            except ValueError:
                return None
            i += 2 + len(digits)
        else:
            return None
    return out
