"""The syntax of data bindings: where each `{{ ... }}` is and what its inside says.

Reading a binding needs no data, so this lives in the check stage, below the
catalog: the claim check masks bindings out of prose (their values are right by
construction) and the catalog stage (`catalog.bindings`) resolves them to values.
The grammar is documented for editors in content/pages/data-bindings.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims.extract import mask_code

_OPEN = re.compile(r"(?<!\\)\{\{")
BINDING = re.compile(r"(?<!\\)\{\{([^{}\n]*)\}\}")


@dataclass(frozen=True)
class Binding:
    """One `{{ ... }}` in a text: where it is (offsets) and what is inside."""

    start: int
    end: int
    source: str


def binding_spans(text: str, markdown: bool = True) -> tuple[list[Binding], list[tuple[int, str]]]:
    """Every binding (outside code, in Markdown), and the offsets of `{{` that never close on their line."""
    code_free = mask_code(text) if markdown else text
    bindings = [Binding(m.start(), m.end(), m.group(1)) for m in BINDING.finditer(code_free)]
    covered = {b.start for b in bindings}
    unclosed = [(m.start(), "'{{' opens a data binding but has no '}}' on the same line")
                for m in _OPEN.finditer(code_free) if m.start() not in covered
                and not any(b.start < m.start() < b.end for b in bindings)]
    return bindings, unclosed


def parse_binding(source: str) -> tuple[str | None, str, list[str]]:
    """A binding's inside text as (model name or None, verb or field, arguments)."""
    model_name, rest = _split_model(" ".join(source.split()))
    verb, *args = rest.split(" ")
    return model_name, verb, args


def other_name(args: list[str]) -> str:
    """The other model of `ratio`/`cheaper`: everything after the dimension (names have spaces)."""
    return " ".join(args[1:])


def _split_model(text: str) -> tuple[str | None, str]:
    """"openai/gpt-4.1: price.output" -> ("openai/gpt-4.1", "price.output"); keys may hold ':'."""
    if ": " not in text:
        return None, text
    model, rest = text.split(": ", 1)
    return model.strip(), rest.strip()
