"""Jinja filters: how values read on the page.

Numbers go through `generator.base.formatting`, the same functions data-bound prose and
claim messages use, so "$0.40" or "1M tokens" reads the same on the spec card and
in a sentence. The filters here add what only pages need (grades, dates, flags,
modality lists); none of them does arithmetic beyond rounding for display.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Callable

from markupsafe import Markup, escape

from ..base import (format_computed_amount, format_count, format_percent, format_price, format_ratio,
                          format_tokens, format_tokens_short)

_MODALITY_NAMES = {"pdf": "PDF"}
CAPABILITY_LABELS = {
    "tool_calling": "Tool calling",
    "structured_output": "Structured output",
    "reasoning": "Reasoning",
    "fine_tuning": "Fine-tuning",
    "open_weights": "Open weights",
}


def format_grade(label: str | None, score: Decimal | None, scale_max: Decimal) -> str:
    """"Strong (2.58/3)"; an ungraded model reads "Not graded"."""
    if label is None or score is None:
        return "Not graded"
    return f"{label} ({_plain(score)}/{_plain(scale_max)})"


def format_bill(usd: Decimal) -> str:
    """A monthly bill: to the cent; a real but sub-cent amount reads "< $0.01" (`format_computed_amount`)."""
    return format_computed_amount(usd)


def format_date(value: dt.date | str | None) -> str:
    """ISO dates ("2025-04-14"): unambiguous for every reader; cutoffs may be "2024-04"."""
    if value is None:
        return "—"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def format_modalities(values: list[str]) -> str:
    """"Text, image, PDF"."""
    words = [_MODALITY_NAMES.get(v, v) for v in values]
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


def format_speed(tokens_per_second: Decimal | None) -> str:
    return "—" if tokens_per_second is None else f"{_plain(tokens_per_second)} tokens/s"


def format_ms(milliseconds: int | None) -> str:
    return "—" if milliseconds is None else f"{milliseconds:,} ms"


def format_score(score: Decimal, unit: str) -> str:
    """A benchmark score with its unit: "32.4%", "1,287 Elo"."""
    number = _plain(score)
    if "." not in number and abs(score) >= 1000:
        number = f"{int(score):,}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def listed_status(model: Any) -> str:
    """What a listing adds after a model's name: "deprecated" or "retired", nothing for an active model.

    A reader scanning a table or a "cheapest is …" sentence for a model to choose
    must see that it is on its way out; the full lifecycle is on its review.
    """
    status = model.meta.lifecycle.status.value
    return "" if status == "active" else status


def format_flag(value: bool) -> str:
    return "Yes" if value else "No"


def format_share(input_share: Decimal) -> str:
    """The configured input/output split as readers say it: "50/50", "80/20"."""
    percent = input_share * 100
    return f"{_plain(percent)}/{_plain(100 - percent)}"


def optional(formatter: Callable[[Any], str]) -> Callable[[Any], str]:
    """A filter that prints "—" for a missing value instead of failing or printing "None"."""
    def apply(value: Any) -> str:
        return "—" if value is None else formatter(value)
    return apply


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


# The characters Python-Markdown accepts a backslash escape for (minus ">", which HTML-escaping covers).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(value: Any) -> Markup:
    """Text for a Markdown context (a heading): Markdown signs backslashed, then HTML-escaped.

    Python-Markdown honours backslash escapes for these characters, so a name such as
    `*Mini*` prints its stars instead of turning italic; escaping HTML afterwards keeps
    the entities it writes (`&#39;`) out of the backslashing.
    """
    backslashed = _MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value))
    return escape(backslashed)


def filters() -> dict[str, Callable[..., str]]:
    """The filter table installed into the page environment."""
    return {
        "price": optional(format_price),
        "bill": format_bill,
        "computed": format_computed_amount,
        "count": format_count,
        "tokens": format_tokens,
        "tokens_short": format_tokens_short,
        "ratio": format_ratio,
        "percent": format_percent,
        "date": format_date,
        "modalities": format_modalities,
        "speed": format_speed,
        "ms": format_ms,
        "score": format_score,
        "flag": format_flag,
        "share": format_share,
        "grade": grade_of,
        "listed_status": listed_status,
        "sortable": sortable,
        "md": markdown_text,
    }


def grade_of(model: Any, scale_max: Decimal) -> str:
    """`{{ model | grade(scale) }}`: a catalog model's grade as "Strong (2.58/3)"."""
    grade = model.meta.grade
    return format_grade(model.grade_label, grade.score if grade else None, scale_max)


def sortable(value: Any) -> str:
    """The `data-sort` key of a table cell: plain digits for numbers and dates, so the browser sorts by value."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
