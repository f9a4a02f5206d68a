"""Ratio and percentage claims between two models' prices.

"five times as much", "5x cheaper", "half the price", "a fifth of GPT-4.1's price",
"20% cheaper on output", "reduces cost by 83%", "the 10x price premium". Each is
normalised to the A/B price ratio it claims (A the subject, B the model compared
with); which models A and B are is `attribute.py`'s job.

Words such as "more", "less", "higher", "lower" and "as much" count only when the
sentence is about money and no other noun follows them ("5x lower latency" is not
a price claim).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import NUMBER, WORD_NUMBERS, decimals, parse_decimal
from .patterns import BOUND, RatioClaim, bound_kind

ONE = Decimal(1)
HALF = Decimal("0.5")
_TIMES_WORDS = "|".join(w for w in WORD_NUMBERS if w not in ("a", "one"))
_FACTOR = rf"(?:(?P<fnum>{NUMBER})\s?(?:x|×)(?![\w])|(?P<tnum>{NUMBER}|{_TIMES_WORDS})\s+times)"
_FRACTIONS = {"half": 2, "one half": 2, "one-half": 2, "a third": 3, "one third": 3, "one-third": 3,
              "a quarter": 4, "one quarter": 4, "one-quarter": 4, "a fifth": 5, "one fifth": 5, "one-fifth": 5,
              "a sixth": 6, "one sixth": 6, "one-sixth": 6, "an eighth": 8, "a tenth": 10, "one tenth": 10,
              "one-tenth": 10, "a twentieth": 20}
_MULTIPLES = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}
_FRACTION = r"(?P<frac>" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in
                                    sorted(_FRACTIONS, key=len, reverse=True)) + ")"
_MULTIPLE = r"(?P<mult>twice|double|triple|treble|quadruple)"
_DEARER = r"more\s+expensive|pricier|costlier|dearer|more\s+costly|as\s+much|as\s+expensive|as\s+costly"
_CHEAPER = r"cheaper|less\s+expensive|less\s+costly"
_SOFT = r"more|less|higher|lower"
_THE_PRICE = (r"(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:(?P<poss>[\w.-]+(?:\s[\w.-]+){0,2}?)(?:'s|’s)\s+)?"
              r"(?:list\s+)?(?:(?:input|output|blended)\s+)?(?:price|cost|rate|bill|pricing)s?(?![\w-])")
# "more", "less", "higher", "lower" are about price only next to a price word ("20% more for
# output", "5x higher prices") or right after a cost verb ("costs 20% more"); "scores 20% higher
# on SWE-bench" is not a price claim.
_AFTER_SOFT = re.compile(r"\s*(?:per\b|(?:on|for|in)\s+(?:the\s+)?(?:input|output|prompts?|completions?|tokens?|"
                         r"price|cost|bill)|(?:(?:input|output|blended|list)\s+)?(?:price|cost|rate|bill)s?\b)",
                         re.IGNORECASE)
_COST_VERB_BEFORE = re.compile(r"\b(?:costs?|costing|charges?|charging|charged|pay|pays|paying|priced|bills?|"
                               r"billed|runs|spend|spends)\s+(?:(?:about|around|roughly|approximately|nearly|almost|"
                               r"some|just|only|over|under)\s+)?$", re.IGNORECASE)
_MONEY_TALK = re.compile(r"\$|\bcost|\bpric|\bcheap|\bdear|\bexpensive|\bpay|\bcharg|\bbill|\bspend|\bsav",
                         re.IGNORECASE)

_DIRECTED = re.compile(
    rf"(?:{_FACTOR}|{_FRACTION}|{_MULTIPLE})[\s-]+(?:(?P<dearer>{_DEARER})|(?P<cheaper>{_CHEAPER})"
    rf"|(?P<soft>{_SOFT})(?![\w-])|(?P<price>{_THE_PRICE})|(?P<what>what)(?=\s))",
    re.IGNORECASE)
_UNDIRECTED = re.compile(
    rf"{_FACTOR}[\s-]+(?:(?:price|cost|pricing)[\s-]+)?(?P<gap>premium|difference|gap|markup|jump|spread|"
    rf"price\s+gap|multiple)(?![\w-])",
    re.IGNORECASE)
_PERCENT = re.compile(
    rf"(?P<pct>{NUMBER})\s?(?:%|percent|per\s+cent)[\s-]+(?:(?P<dearer>more\s+expensive|pricier|costlier|dearer|more\s+costly)"
    rf"|(?P<cheaper>cheaper|less\s+expensive|less\s+costly|savings?|saving|off|discount|reduction|cut)"
    rf"|(?P<soft>{_SOFT})(?![\w-]))",
    re.IGNORECASE)
_PERCENT_VERB = re.compile(
    rf"(?:saves?|saving|savings\s+of|cuts?|cutting|reduc(?:es|ed|ing|e)|lowers?|lowering|trims?)\s+"
    rf"(?:you\s+|the\s+bill\s+|(?:the\s+)?(?:costs?|prices?|spend(?:ing)?)\s+)?(?:by\s+)?"
    rf"(?:(?:about|around|roughly|approximately|nearly|almost|some|close\s+to|~)\s*)?"
    rf"(?P<pct>{NUMBER})\s?(?:%|percent|per\s+cent)",
    re.IGNORECASE)
# "more than twice as much", "less than half the price", "over a 5x gap": the bound words
# right before the claim.
_BOUND_BEFORE = re.compile(rf"{BOUND}\s+(?:an?\s+)?$", re.IGNORECASE)
_SIDE_AFTER = re.compile(r"\s*(?:on|for|in|with)\s+(?:the\s+)?(input|prompt|output|completion)\b", re.IGNORECASE)
_DIMENSION = re.compile(r"\b(input|prompt|output|completion|blended)\b", re.IGNORECASE)


def find_ratios(text: str) -> list[RatioClaim]:
    if not _MONEY_TALK.search(text):
        return []
    claims: list[RatioClaim] = []
    for finder in (_PERCENT_VERB, _PERCENT, _UNDIRECTED, _DIRECTED):
        for match in finder.finditer(text):
            if any(c.start <= match.start() < c.end or match.start() <= c.start < match.end() for c in claims):
                continue
            claim = _ratio_claim(text, match, finder)
            if claim is not None:
                claims.append(claim)
    return sorted(claims, key=lambda c: c.start)


def _ratio_claim(text: str, match: re.Match[str], finder: re.Pattern[str]) -> RatioClaim | None:
    groups = match.groupdict()
    if groups.get("soft") and not (_AFTER_SOFT.match(text, match.end())
                                   or _COST_VERB_BEFORE.search(text, max(0, match.start() - 40), match.start())):
        return None
    dimension = _dimension(text, match)
    bounded = _BOUND_BEFORE.search(text, max(0, match.start() - 30), match.start())
    bound = bound_kind(bounded.group("bound") if bounded else None)
    # A fraction bounds the price, the factor is its inverse: "less than half the price"
    # is a factor of more than 2.
    if groups.get("frac") and bound != "eq":
        bound = "ge" if bound == "le" else "le"
    common = dict(kind="ratio", start=match.start(), end=match.end(), dimension=dimension, bound=bound)
    if "pct" in groups and groups["pct"]:
        percent = parse_decimal(groups["pct"])
        if percent is None or percent <= 0 or percent >= 1000:
            return None
        dearer = bool(groups.get("dearer")) or (groups.get("soft") or "").lower() in ("more", "higher")
        value = ONE + percent / 100 if dearer else ONE - percent / 100
        if value <= 0:
            return None
        return RatioClaim(number_at=match.start("pct"), ratio=value, halfwidth=_percent_halfwidth(groups["pct"]),
                          percent=True, **common)  # type: ignore[arg-type]
    factor, halfwidth, number_at = _factor(match)
    if factor is None or factor <= 0:
        return None
    if finder is _UNDIRECTED:
        return RatioClaim(number_at=number_at, ratio=factor, halfwidth=halfwidth, percent=False, undirected=True,
                          **common)  # type: ignore[arg-type]
    soft = (groups.get("soft") or "").lower()
    cheaper = bool(groups.get("cheaper")) or soft in ("less", "lower")
    if groups.get("frac"):
        if cheaper or soft in ("more", "higher") or groups.get("dearer") and "as" not in groups["dearer"].lower():
            return None
        return RatioClaim(number_at=number_at, ratio=ONE / factor, halfwidth=halfwidth, percent=False, **common)  # type: ignore[arg-type]
    if cheaper:
        if groups.get("mult"):
            return None
        return RatioClaim(number_at=number_at, ratio=ONE / factor, halfwidth=halfwidth, percent=False, **common)  # type: ignore[arg-type]
    return RatioClaim(number_at=number_at, ratio=factor, halfwidth=halfwidth, percent=False,
                      loose_more=soft == "more" or "more" in (groups.get("dearer") or "").lower(), **common)  # type: ignore[arg-type]


def _factor(match: re.Match[str]) -> tuple[Decimal | None, Decimal, int]:
    """The factor (>= 1) the wording states, the rounding it allows, and where it starts."""
    groups = match.groupdict()
    if groups.get("fnum") or groups.get("tnum"):
        name = "fnum" if groups.get("fnum") else "tnum"
        written = groups[name]
        if written.lower() in WORD_NUMBERS:
            return Decimal(WORD_NUMBERS[written.lower()]), HALF, match.start(name)
        value = parse_decimal(written)
        places = decimals(written)
        return value, HALF * Decimal(10) ** -places, match.start(name)
    if groups.get("frac"):
        key = " ".join(groups["frac"].lower().split())
        return Decimal(_FRACTIONS[key]), HALF, match.start("frac")
    if groups.get("mult"):
        return Decimal(_MULTIPLES[groups["mult"].lower()]), HALF, match.start("mult")
    return None, HALF, match.start()


def _percent_halfwidth(written: str) -> Decimal:
    """"20%" is a round figure (±2.5 points); "23%" is not (±0.5); "23.5%" even less."""
    places = decimals(written)
    if places:
        return HALF * Decimal(10) ** -places
    return Decimal("2.5") if written[-1] in "05" else HALF


def _dimension(text: str, match: re.Match[str]) -> str:
    """The side named right after the claim ("cheaper on output"), else the only side named near it, else any."""
    after = _SIDE_AFTER.match(text, match.end())
    if after:
        return "input" if after.group(1).lower() in ("input", "prompt") else "output"
    window = text[max(0, match.start() - 30):min(len(text), match.end() + 30)]
    found = {m.group(1).lower() for m in _DIMENSION.finditer(window)}
    found = {"input" if f == "prompt" else "output" if f == "completion" else f for f in found}
    return found.pop() if len(found) == 1 else "any"
