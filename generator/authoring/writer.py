"""Writing review files: the one place that turns front-matter data into YAML text.

`modelreview new` and every importer emit reviews through `write_review_text`, so
all generated files share one key order and one number format (money as written,
never `1.6000000000000001`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml

from ..load import Review

FIELD_ORDER = list(Review.model_fields)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes Decimal as a plain number and indents lists under keys."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        """Never `&id001`/`*id001`: a date shared by two fields is written out twice."""
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    if "." not in text:
        return dumper.represent_scalar("tag:yaml.org,2002:int", text)
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(dt.date, _date)


def order_fields(front: dict[str, Any]) -> dict[str, Any]:
    """Schema order first, so every generated file reads the same way top to bottom."""
    known = {k: front[k] for k in FIELD_ORDER if k in front}
    extra = {k: v for k, v in front.items() if k not in known}
    return {**known, **extra}


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96,
                     default_flow_style=False)


def write_review_text(front: dict[str, Any], body: str = "", header: str = "") -> str:
    """The whole file: optional comment header, front matter, body."""
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    text = "---\n" + comment + dump_yaml(order_fields(front)) + "---\n"
    if body:
        text += "\n" + body.strip("\n") + "\n"
    return text
