"""Monthly-cost claims: "a balanced 10M-token month costs about $10", "10M tokens monthly
(50/50 input/output) ... roughly $10", "1B input tokens and 100M output tokens per month ...
$560 in total".

A claim needs a volume tied to a month and a dollar amount in the same sentence that
is neither a per-token price nor a saving ("saves you $400 a month" is a
difference, not a bill). The split is the one the sentence states (balanced,
50/50, 80/20, explicit input and output counts); without one, the site's
configured split applies, the same one its cost tables use.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import NUMBER, SCALES, decimals, parse_decimal
from .patterns import MONEY, PER_MILLION, CostClaim, bound_kind

_VOL = r"(?P<{n}>{num})[\s-]*(?P<{s}>[KkMmBb](?![a-zA-Z])|thousand(?![a-zA-Z])|million(?![a-zA-Z])|billion(?![a-zA-Z]))?"
_V = _VOL.format(n="num", s="scale", num=NUMBER)
_MONTH_FORMS = [
    re.compile(rf"{_V}[\s-]*tokens?[\s-]+month(?![\w-])", re.IGNORECASE),
    re.compile(rf"{_V}[\s-]*tokens?\s*(?:(?:per|a|each|every|in\s+a|/)\s*mo(?:nth)?(?![\w-])|monthly(?![\w-]))",
               re.IGNORECASE),
    re.compile(rf"(?:month|monthly\s+(?:volume|usage|traffic))\s+of\s+{_V}[\s-]*tokens?(?![\w-])", re.IGNORECASE),
]
_EXPLICIT = re.compile(
    _VOL.format(n="num", s="scale", num=NUMBER) + r"[\s-]*input\s+tokens?\s+(?:and|plus|\+|with)\s+"
    + _VOL.format(n="num2", s="scale2", num=NUMBER) + r"[\s-]*output\s+tokens?", re.IGNORECASE)
_BARE_VOLUME = re.compile(rf"(?<![/\w]){_V}[\s-]*tokens?(?![\w-])(?![\s-]+(?:context|window|of\s+context|output))",
                          re.IGNORECASE)
_OTHER_VOLUME = re.compile(rf"(?<![\w$.])(?:{NUMBER})\s*(?:[KkMmBb](?![a-zA-Z])|thousand\b|million\b|billion\b)")
_MONTH_WORD = re.compile(r"\b(?:per\s+month|a\s+month|each\s+month|every\s+month|monthly|/mo\b|month)\b",
                         re.IGNORECASE)
_SPLIT = re.compile(r"(?<![\d$.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d.%])")
_INPUT_PERCENT = re.compile(r"(\d{1,2})\s*%\s*(?:of\s+it\s+)?input", re.IGNORECASE)
_BALANCED = re.compile(r"\b(?:balanced|even(?:ly)?\s+split|half\s+input|equal\s+parts)\b", re.IGNORECASE)
_SKEWED = re.compile(r"\b(?:input|output|prompt|read|write)[\s-]+heavy\b", re.IGNORECASE)
_NOT_A_BILL_BEFORE = re.compile(r"\b(?:save[sd]?|saving|savings|difference|gap|extra|additional|another|"
                                r"cheaper\s+by|costs?\s+less\s+by|widens\s+to|narrows\s+to)\b[^$]{0,20}$",
                                re.IGNORECASE)
_NOT_A_BILL_AFTER = re.compile(r"\s*(?:more|less|cheaper|extra|in\s+savings|saved|difference)\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"\b(under|below|less\s+than|at\s+most|over|above|more\s+than|at\s+least)\s*$",
                           re.IGNORECASE)
_PER_TOKEN_AFTER = re.compile(rf"(?:{PER_MILLION})|\s*/\s*\$|\s+(?:per|/)\s*(?:\d|token)", re.IGNORECASE)


def find_monthly_costs(text: str, taken: list[tuple[int, int]]) -> list[CostClaim]:
    """Bills in a sentence; `taken` are spans already claimed as prices (never bills)."""
    volumes = _volumes(text)
    if not volumes:
        return []
    share = _stated_share(text)
    if share == "skewed":
        return []
    claims: list[CostClaim] = []
    for money in MONEY.finditer(text):
        if any(start <= money.start() < end for start, end in taken):
            continue
        if _PER_TOKEN_AFTER.match(text, money.end()) or _NOT_A_BILL_AFTER.match(text, money.end()):
            continue
        before = text[max(0, money.start() - 40):money.start()]
        if _NOT_A_BILL_BEFORE.search(before):
            continue
        amount = parse_decimal(money.group("amount"))
        if amount is None:
            continue
        volume = min(volumes, key=lambda v: min(abs(v[0] - money.start()), abs(v[1] - money.start())))
        between = text[min(volume[1], money.end()):max(volume[0], money.start())]
        if _OTHER_VOLUME.search(between):
            continue  # "10M ... $11.25, and 100M cost $112.50": the nearest volume is not this bill's
        bound = _BOUND_BEFORE.search(before)
        claims.append(CostClaim(
            kind="monthly_cost", start=money.start(), end=money.end(), number_at=money.start(),
            tokens=volume[2], input_tokens=volume[3], share=share if isinstance(share, Decimal) else None,
            amount=amount, decimals=decimals(money.group("amount")), volume=" ".join(text[volume[0]:volume[1]].split()),
            bound=bound_kind(bound.group(1) if bound else None)))
    return claims


def _volumes(text: str) -> list[tuple[int, int, int, int | None]]:
    """(start, end, total tokens, input tokens or None) of each monthly volume in the sentence."""
    found: list[tuple[int, int, int, int | None]] = []
    if _MONTH_WORD.search(text):
        for match in _EXPLICIT.finditer(text):
            first = _tokens(match.group("num"), match.group("scale"))
            second = _tokens(match.group("num2"), match.group("scale2"))
            if first and second:
                found.append((match.start(), match.end(), first + second, first))
    for form in _MONTH_FORMS:
        for match in form.finditer(text):
            tokens = _tokens(match.group("num"), match.group("scale"))
            if tokens and not _overlaps(found, match):
                found.append((match.start(), match.end(), tokens, None))
    if not found and _MONTH_WORD.search(text):
        for match in _BARE_VOLUME.finditer(text):
            tokens = _tokens(match.group("num"), match.group("scale"))
            before = text[max(0, match.start() - 12):match.start()].lower()
            if tokens and tokens >= 100_000 and not re.search(r"(?:per|every|each|/)\s*$", before):
                found.append((match.start(), match.end(), tokens, None))
    return found


def _stated_share(text: str) -> Decimal | str | None:
    if _BALANCED.search(text):
        return Decimal("0.5")
    split = _SPLIT.search(text)
    if split and int(split.group(1)) + int(split.group(2)) == 100:
        return Decimal(split.group(1)) / 100
    percent = _INPUT_PERCENT.search(text)
    if percent:
        return Decimal(percent.group(1)) / 100
    if _SKEWED.search(text):
        return "skewed"
    return None


def _tokens(number: str, scale: str | None) -> int | None:
    value = parse_decimal(number)
    if value is None:
        return None
    total = value * (SCALES[scale.lower()] if scale else 1)
    if total != total.to_integral_value() or total < 1000:
        return None
    return int(total)


def _overlaps(found: list[tuple[int, int, int, int | None]], match: re.Match[str]) -> bool:
    return any(start < match.end() and match.start() < end for start, end, _, _ in found)
