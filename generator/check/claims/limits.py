"""Token-limit claims: "128K context window", "1M-token context", "a context window of
1,047,576 tokens", "up to 32K tokens in one response", "output is capped at 32,768 tokens".

Only a number tied directly to a limit word counts. "Quality drops past 64K tokens"
talks about usage, not the limit, and is left alone; so is a number after
"than" or "like", which usually describes some other model.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import NUMBER, SCALES, decimals, parse_decimal
from .patterns import BOUND, LimitClaim, bound_kind, words_before

_AMOUNT = (rf"(?P<num>{NUMBER}|a|one|two)[\s-]*(?P<scale>[KkMm](?![a-zA-Z])|thousand(?![a-zA-Z])|"
           rf"million(?![a-zA-Z]))?")
_TOKENS = r"(?:[\s-]*tokens?)?"
_CONTEXT = r"(?P<ctx>context(?:[\s-]+(?:window|length|limit))?|(?:input\s+)?window|of\s+context)"
# Bare "N output tokens" is usually a volume ("100M output tokens * $1.60"); it is a limit only
# with "max", a limit noun, or "per response".
_OUTPUT = (r"(?P<out>max(?:imum)?[\s-]+output(?:[\s-]+(?:tokens?|limit|cap|ceiling|window|length))?"
           r"|output[\s-]+(?:limit|cap|ceiling|window|length)"
           r"|output[\s-]+tokens?(?=\s+(?:per|in\s+(?:one|a|each)|for\s+(?:one|a|each))\s+(?:single\s+)?"
           r"(?:response|reply|completion|answer|call|request))"
           r"|of\s+output|completion\s+limit)")
_NUMBER_FIRST = re.compile(rf"{_AMOUNT}{_TOKENS}[\s-]+(?:token[\s-]+)?(?:{_CONTEXT}|{_OUTPUT})(?![\w-])",
                           re.IGNORECASE)
_CONTEXT_FIRST = re.compile(
    rf"(?P<ctx>context(?:\s+window|\s+length|\s+limit)?|window)\s*(?:(?:is|was)\s+|[:=]\s*|(?:sits\s+|tops\s+out\s+)?"
    rf"(?:of|at|holds|reaches|spans|covers|stretches\s+to|measures)\s+)(?:{BOUND}\s+)?(?:(?:just|slightly)\s+)?"
    rf"(?:a\s+(?=million))?{_AMOUNT}{_TOKENS}(?![\w-])",
    re.IGNORECASE)
_OUTPUT_FIRST = re.compile(
    rf"(?P<out>max(?:imum)?[\s-]+output(?:\s+(?:length|tokens?))?|output(?:\s+(?:limit|cap|ceiling|length|window))?"
    rf"|responses?|replies|completions?)\s*(?:(?:is|are)\s+(?=\d)|[:=]\s*|(?:is\s+|are\s+)?(?:of|at|capped\s+at|limited\s+to|"
    rf"tops\s+out\s+at|maxes\s+out\s+at|up\s+to|reaches)\s+)(?:{BOUND}\s+)?{_AMOUNT}{_TOKENS}(?![\w-])",
    re.IGNORECASE)
_PER_RESPONSE = re.compile(
    rf"(?:{BOUND}\s+){_AMOUNT}[\s-]*tokens?\s+(?:per|in\s+(?:one|a\s+single|a|each)|for\s+(?:one|a|each))\s+"
    rf"(?:single\s+)?(?:response|reply|completion|answer|call|request|turn|generation)(?![\w-])",
    re.IGNORECASE)
_WRITES_UP_TO = re.compile(
    rf"(?:writes?|writing|generates?|generating|produces?|producing|emits?|returns?|outputs?|supports?|allows?)\s+"
    rf"(?:up\s+to|as\s+many\s+as|at\s+most)\s+{_AMOUNT}[\s-]*(?:(?P<out>output)[\s-]+)?tokens?(?![\w-])",
    re.IGNORECASE)
_NOT_THIS_LIMIT = {"past", "beyond", "after", "over", "above", "under", "below", "within", "than", "first", "last",
                   "from", "between", "to", "into", "like", "unlike", "per", "every", "each"}
# "100M output tokens per month" is a volume, not a limit.
_PER_PERIOD = re.compile(r"\s*(?:(?:per|a|an|each|every|/)\s*(?:month|mo|day|week|year|hour|minute|second|min|sec)\b"
                         r"|monthly|daily|weekly|yearly|hourly)", re.IGNORECASE)
_FINDERS = (_NUMBER_FIRST, _CONTEXT_FIRST, _OUTPUT_FIRST, _PER_RESPONSE, _WRITES_UP_TO)


def find_limits(text: str) -> list[LimitClaim]:
    claims: list[LimitClaim] = []
    for finder in _FINDERS:
        for match in finder.finditer(text):
            if any(c.start <= match.start("num") < c.end for c in claims):
                continue
            claim = _limit_claim(text, match, strict_prefix=finder is _NUMBER_FIRST)
            if claim is not None:
                claims.append(claim)
    return sorted(claims, key=lambda c: c.start)


def _limit_claim(text: str, match: re.Match[str], strict_prefix: bool) -> LimitClaim | None:
    if _PER_PERIOD.match(text, match.end()):
        return None
    number, scale_word = match.group("num"), match.group("scale")
    if number.lower() in ("a", "one", "two"):
        if not scale_word or scale_word.lower() in ("k", "m"):
            return None
        value = Decimal({"a": 1, "one": 1, "two": 2}[number.lower()])
    else:
        parsed = parse_decimal(number)
        if parsed is None:
            return None
        value = parsed
    scale = SCALES[scale_word.lower()] if scale_word else 1
    has_tokens = "token" in match.group(0).lower()
    if scale == 1 and value < 1000 and not has_tokens:
        return None
    if scale == 1 and value < 256:
        return None
    if strict_prefix and re.fullmatch(r"\s*(?:an?|any)\s+", text[:match.start()], re.IGNORECASE):
        return None  # "A 128K context is plenty for chat": a generic subject, not this model's limit
    if strict_prefix:
        before = words_before(text, match.start(), 2)
        if before and before[-2:] != ["up", "to"] and (before[-1] in _NOT_THIS_LIMIT or (len(before) == 2 and before[-2] in ("than", "like")
                                                          and before[-1] in ("a", "an", "the"))):
            return None
    groups = match.groupdict()
    limit = "context" if groups.get("ctx") else "output"
    return LimitClaim(kind="limit", start=match.start(), end=match.end(), number_at=match.start("num"),
                      limit=limit, value=value, scale=scale,
                      decimals=decimals(number) if number[0].isdigit() else 0,
                      bound=_limit_bound(groups.get("bound")))


def _limit_bound(text: str | None) -> str:
    """For a limit, "at most 32K tokens per response" states the cap itself, like "up to"."""
    if text and re.fullmatch(r"at\s+most|no\s+more\s+than", text.strip(), re.IGNORECASE):
        return "eq"
    return bound_kind(text)
