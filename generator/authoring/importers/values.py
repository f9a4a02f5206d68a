"""Turning a catalog's raw JSON values into review units, or a reason they cannot be.

Prices: catalogs publish floats (models.dev's `0.09999999999999999`, LiteLLM's
per-token `1.6e-06`) or strings (OpenRouter's `"0.0000016"`). We go through the
float's shortest `repr`, scale per-token prices by 10^6 in `Decimal`, and round to
`PRICE_DIGITS` significant digits: binary noise sits in the 16th-17th digit and no
published price needs more than six, so ten keeps every real digit and drops the
noise (`1.6000000000000001` -> `1.6`, `0.09999999999999999` -> `0.1`). The result
is normalised (`0.40` -> `0.4`) and never uses exponent notation.

Every converter raises `ValueError` with an editor-readable message for a value it
cannot use; `None` in means "not published" and gives `None` out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any, Callable, TypeVar

PRICE_DIGITS = 10
PER_MILLION = Decimal(1_000_000)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
T = TypeVar("T")


def price(value: Any, per_token: bool = False) -> Decimal | None:
    """USD per 1M tokens, cleaned of float noise; `per_token` scales by a million."""
    if value is None:
        return None
    number = _decimal(value)
    if number < 0:
        raise ValueError(f"negative price {value!r}")
    if per_token:
        number *= PER_MILLION
    return significant(number)


def significant(number: Decimal, digits: int = PRICE_DIGITS) -> Decimal:
    """Round to `digits` significant digits and drop trailing zeros, without exponents."""
    if number == 0:
        return Decimal(0)
    exponent = number.adjusted() - digits + 1
    rounded = number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
    return Decimal(format(rounded.normalize(), "f"))


def number(value: Any) -> Decimal:
    """A plain number such as a benchmark score, cleaned like a price."""
    return significant(_decimal(value))


def tokens(value: Any) -> int | None:
    """A token count; 0 or a negative number means the source does not know it."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"token count {value!r} is not a number")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if not text.isdigit():
            raise ValueError(f"token count {value!r} is not a whole number")
        value = int(text)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"token count {value!r} is not a whole number")
        value = int(value)
    if not isinstance(value, int):
        raise ValueError(f"token count {value!r} is not a number")
    return value if value > 0 else None


def day(value: Any) -> dt.date | None:
    """A full YYYY-MM-DD date; a month-only date raises, since a review needs the day."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not text")
    match = _DAY.fullmatch(value.strip())
    if not match:
        if _MONTH.fullmatch(value.strip()):
            raise ValueError(f"date '{value}' gives only the month")
        raise ValueError(f"'{value}' is not a date")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None


def cutoff(value: Any) -> str | None:
    """A knowledge cutoff, YYYY-MM or YYYY-MM-DD as the source gives it."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"knowledge cutoff {value!r} is not text")
    text = value.strip()
    match = _DAY.fullmatch(text) or _MONTH.fullmatch(text)
    if not match:
        raise ValueError(f"knowledge cutoff '{value}' is not YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in match.groups()]
    try:
        dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        raise ValueError(f"knowledge cutoff '{value}' is not a real date") from None
    return text


def flag(value: Any) -> bool | None:
    """true/false, or None when the source is silent; anything else is an error."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {value!r}")


def optional(convert: Callable[[Any], T], raw: Any, what: str, notes: list[str]) -> T | None:
    """`convert(raw)`, or None with a note saying why `what` was left out of the review.

    An optional field the source gives in a form we cannot read is dropped, not
    guessed, and the import says so in the file's header comment.
    """
    try:
        return convert(raw)
    except ValueError as exc:
        notes.append(f"{what} left out: {exc}")
        return None


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"price {value!r} is not a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"price {value!r} is not a number")
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"price {value!r} is not a number") from None
        if not number.is_finite():
            raise ValueError(f"price {value!r} is not a number")
        return number
    raise ValueError(f"price {value!r} is not a number")
