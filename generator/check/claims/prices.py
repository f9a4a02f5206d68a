"""Price claims: "$0.40 per million input tokens", "$1.60/MTok", "$0.40/$1.60 per 1M
input/output tokens", "at $2.50 in and $10 out", "input costs $2 per million".

A dollar amount is a price claim only when it is tied to tokens (a per-million unit)
or to a side (input/output); "$10" alone is left for the monthly-cost finder.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .numbers import decimals, parse_decimal
from .patterns import MONEY, PER_MILLION, SIDE_WORDS, Price, PriceClaim, bound_kind

_TOKENS = r"(?:[\s-]+tokens?)?"
_SIDE = r"(?P<{name}>cached\s+input|input|prompt|output|completion)"
_SIDE_PAIR = (r"(?:(?P<paren>\s*\(\s*)|\s+)(?:for\s+)?(?P<first>input|in|prompt|output|out)\s*(?:/|and|&)\s*"
              r"(?P<second>output|out|completion|input|in)(?:[\s-]+tokens?)?(?(paren)\s*\))")
_UNIT_SIDE = re.compile(
    rf"(?P<unit>{PER_MILLION}){_TOKENS}(?:\s+(?:of\s+|for\s+|on\s+)?{_SIDE.format(name='side')}(?![\w/]))?{_TOKENS}"
    rf"|\s+(?:for\s+|on\s+|of\s+)?{_SIDE.format(name='side_only')}(?![\w/])(?:[\s-]+tokens?)?(?P<unit_after>{PER_MILLION})?",
    re.IGNORECASE)
_PAIR_SLASH = re.compile(rf"\s*/\s*\$\s?(?P<amount>[\d.,]*\d)(?P<unit>{PER_MILLION})?{_TOKENS}(?:{_SIDE_PAIR})?",
                         re.IGNORECASE)
_PAIR_WORDS = re.compile(
    rf"(?P<unit1>{PER_MILLION})?{_TOKENS}\s+(?:for\s+|on\s+)?(?P<side1>cached\s+input|input|in|prompt|output|out)"
    rf"(?:[\s-]+tokens?)?\s*(?:,\s*and|,|and|/|;|\+|plus|with)\s*\$\s?(?P<amount>[\d.,]*\d)"
    rf"(?P<unit2>{PER_MILLION})?{_TOKENS}\s+(?:for\s+|on\s+)?(?P<side2>output|out|completion|input|in)(?![\w/])"
    rf"(?:[\s-]+tokens?)?(?P<unit3>{PER_MILLION})?{_TOKENS}",
    re.IGNORECASE)
_PAIR_AND = re.compile(rf"\s*(?:and|/)\s*\$\s?(?P<amount>[\d.,]*\d)(?P<unit>{PER_MILLION}){_TOKENS}{_SIDE_PAIR}",
                       re.IGNORECASE)
_SIDE_BEFORE = re.compile(
    r"(?P<side>cached[\s-]+input|input|prompt|output|completion)(?:[\s-]+tokens?)?(?:\s+(?:price|pricing|rate|cost))?"
    r"\s*(?:costs?|is|are|runs?|at|:|=|of|billed\s+at|priced\s+at|comes?\s+(?:to|in\s+at)|sits\s+at)\s*"
    r"(?:(?:just|only|about|around|roughly|approximately|nearly|~)\s*)?$",
    re.IGNORECASE)
_PRICE_CONTEXT = re.compile(r"\b(?:costs?|costing|price[sd]?|pricing|charges?|charging|pay|paying|rates?|bills?|"
                            r"billed|list)\b|\bat\s*$", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"\s*(?:(?P<le>or\s+(?:less|lower|under|below|cheaper)|at\s+most|tops)"
                          r"|(?P<ge>or\s+(?:more|higher|above)|and\s+up|at\s+least))\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"\b(under|below|less\s+than|at\s+most|over|above|more\s+than|at\s+least)\s*$",
                           re.IGNORECASE)


def find_prices(text: str) -> list[PriceClaim]:
    claims: list[PriceClaim] = []
    taken = 0
    for money in MONEY.finditer(text):
        if money.start() < taken:
            continue
        claim = _price_at(text, money)
        if claim is not None:
            trailing = _BOUND_AFTER.match(text, claim.end)
            if trailing and claim.bound == "eq":
                claim = replace(claim, bound="le" if trailing.group("le") else "ge")
            claims.append(claim)
            taken = claim.end
    return claims


def _price_at(text: str, money: re.Match[str]) -> PriceClaim | None:
    first = _number(money.group("amount"))
    if first is None:
        return None
    after = money.end()
    before = text[max(0, money.start() - 60):money.start()]
    bound = _BOUND_BEFORE.search(before)
    bound_text = bound.group(1) if bound else None

    pair = _PAIR_SLASH.match(text, after)
    if pair and (pair.group("unit") or pair.group("first") or _PRICE_CONTEXT.search(before)):
        second = _number(pair.group("amount"))
        if second is None:
            return None
        sides = _pair_sides(pair.group("first"), pair.group("second"))
        return _claim(money.start(), pair.end(), ((sides[0], *first), (sides[1], *second)), None)

    words = _PAIR_WORDS.match(text, after)
    if words and (words.group("unit1") or words.group("unit2") or words.group("unit3")
                  or _PRICE_CONTEXT.search(before) or words.group("side1").lower() not in ("in",)):
        second = _number(words.group("amount"))
        side1, side2 = SIDE_WORDS[_norm(words.group("side1"))], SIDE_WORDS[_norm(words.group("side2"))]
        if second is None or side1 == side2:
            return None
        return _claim(money.start(), words.end(), ((side1, *first), (side2, *second)), None)

    both = _PAIR_AND.match(text, after)
    if both:
        second = _number(both.group("amount"))
        if second is None:
            return None
        sides = _pair_sides(both.group("first"), both.group("second"))
        return _claim(money.start(), both.end(), ((sides[0], *first), (sides[1], *second)), None)

    unit = _UNIT_SIDE.match(text, after)
    if unit:
        side_text = unit.group("side") or unit.group("side_only")
        if unit.group("unit") or side_text:
            side = SIDE_WORDS[_norm(side_text)] if side_text else _side_before(before)
            return _claim(money.start(), unit.end(), ((side, *first),), bound_text)
    side = _side_before(before)
    if side != "any":
        return _claim(money.start(), after, ((side, *first),), bound_text)
    return None


def _claim(start: int, end: int, prices: tuple[tuple[str, object, int], ...], bound: str | None) -> PriceClaim:
    return PriceClaim(kind="price", start=start, end=end, number_at=start,
                      prices=tuple(Price(side=s, value=v, decimals=d) for s, v, d in prices),  # type: ignore[arg-type]
                      bound=bound_kind(bound))


def _number(text: str) -> tuple[object, int] | None:
    value = parse_decimal(text)
    return None if value is None else (value, decimals(text))


def _pair_sides(first: str | None, second: str | None) -> tuple[str, str]:
    """A pair of prices is input then output unless the text says "output/input"."""
    if first and second and SIDE_WORDS[_norm(first)] == "output" and SIDE_WORDS[_norm(second)] == "input":
        return "output", "input"
    return "input", "output"


def _side_before(before: str) -> str:
    match = _SIDE_BEFORE.search(before)
    return SIDE_WORDS[_norm(match.group("side"))] if match else "any"


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())
