"""Reading numbers the way editors write them: "1,047,576", "0.40", "128K", "10M", "a million".

Shared by data bindings (`{{ cost 10M }}`) and the claim checker, so a volume
means the same thing in both.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALES: dict[str, int] = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
                          "b": 1_000_000_000, "billion": 1_000_000_000}
WORD_NUMBERS: dict[str, int] = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50,
                                "hundred": 100}
_VOLUME = re.compile(rf"({NUMBER})\s*(k|m|b|thousand|million|billion)?", re.IGNORECASE)


def parse_decimal(text: str) -> Decimal | None:
    """"1,047,576" -> 1047576, "0.40" -> 0.40 (digits kept); None for anything else."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_volume(text: str) -> int | None:
    """A whole token count from "10M", "500K", "1.5M", "1B", "10,000,000"; None if not one."""
    match = _VOLUME.fullmatch(text.strip())
    if not match:
        return None
    value = parse_decimal(match.group(1))
    if value is None:
        return None
    scale = SCALES[match.group(2).lower()] if match.group(2) else 1
    total = value * scale
    if total != total.to_integral_value() or total <= 0:
        return None
    return int(total)


def decimals(text: str) -> int:
    """How many digits after the point the editor wrote: the precision of the claim."""
    return len(text.split(".", 1)[1]) if "." in text else 0
