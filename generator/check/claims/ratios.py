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
_SIDE_AFTER = re.compile(r"\s*(?:on|for|in|with)\s+(?:the\s+)?(input|prompt|output|completion|blended)\b", re.IGNORECASE)
# "20% cheaper than Mistral Large 3 on output": the scope may follow the model compared with.
_SIDE_LATER = re.compile(r"(?:on|for|in|with|by)\s+(?:the\s+|its\s+|their\s+)?(input|prompt|output|completion|blended)\b",
                         re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:—–()]|,\s*(?:but|while|whereas|although|though|so|yet|which|and)\b|\.\s|\.$",
                         re.IGNORECASE)
# Comparatives without a number say only the direction: "cheaper than B", "a larger window than B".
_NOT = r"(?<!\bno\s)(?<!\bnot\s)(?<!\bhardly\s)(?<!\bbarely\s)(?<!\bany\s)(?<!\bmuch\s)"
_COMPARATIVE = re.compile(
    rf"{_NOT}(?:(?P<cheaper>cheaper|less\s+expensive|less\s+costly|costs?\s+less|charges?\s+less)"
    rf"|(?P<dearer>more\s+expensive|pricier|costlier|dearer|more\s+costly|costs?\s+more|charges?\s+more))"
    rf"(?:\s+(?:on|for)\s+(?:the\s+)?(?:input|output|prompts?|completions?|blended)(?:\s+tokens?)?)?(?=\s+than\s)",
    re.IGNORECASE)
_QUANTIFIED = re.compile(rf"(?:(?<![\w.-])\d[\d.,]*\s*(?:%|x|×|percent|per\s+cent|times|fold)|"
                         rf"\b(?:{_TIMES_WORDS}|half|third|quarter|fifth|tenth|twice|times|fold))[-\w]*\s+$",
                         re.IGNORECASE)
_SPEED_WORDS = r"faster|quicker|slower"
_THAN = re.compile(r"\bthan\b", re.IGNORECASE)
_SPEED_HINT = re.compile(_SPEED_WORDS, re.IGNORECASE)
_WINDOW_HINT = re.compile(r"(?:larger|bigger|longer|wider|smaller|shorter|narrower)\b.*\b(?:window|context)|"
                          r"window.*\b(?:larger|bigger|longer|wider|smaller|shorter|narrower)", re.IGNORECASE | re.DOTALL)
_SPEED = re.compile(
    rf"{_NOT}(?:(?:{_FACTOR}|(?P<pct>{NUMBER})\s?(?:%|percent|per\s+cent))[\s-]+)?(?P<speed>{_SPEED_WORDS})"
    rf"(?=\s+than\s)", re.IGNORECASE)
_SPEED_TALK = re.compile(r"tokens?\s+(?:per|a|/)\s*(?:second|sec|s)\b|tok/s|tokens/s|output\s+speed|throughput|"
                         r"\bstreams?\b|\bgenerat|\bwrites?\b|\bdecod", re.IGNORECASE)
_WINDOW = re.compile(
    rf"{_NOT}(?:(?:{_FACTOR})[\s-]+)?(?P<window>larger|bigger|longer|wider|smaller|shorter|narrower)\s+"
    rf"(?:context\s+)?(?:window|context)(?:\s+(?:is\s+)?|\s+)?(?=than\s)", re.IGNORECASE)
_WINDOW_AFTER = re.compile(
    rf"(?:context\s+)?window\s+(?:is\s+|that\s+is\s+)?{_NOT}(?:(?:{_FACTOR})[\s-]+)?"
    rf"(?P<window>larger|bigger|longer|wider|smaller|shorter|narrower)(?=\s+than\s)", re.IGNORECASE)
_DIMENSION = re.compile(r"\b(input|prompt|output|completion|blended)\b", re.IGNORECASE)


def find_ratios(text: str) -> list[RatioClaim]:
    claims: list[RatioClaim] = []
    compares = _THAN.search(text) is not None   # every speed and window comparison says "than"
    if compares and _SPEED_HINT.search(text) and _SPEED_TALK.search(text):
        _add(claims, (_quantity_claim(text, m, "speed") for m in _SPEED.finditer(text)))
    if compares and _WINDOW_HINT.search(text):
        _add(claims, (_quantity_claim(text, m, "context") for f in (_WINDOW, _WINDOW_AFTER)
                      for m in f.finditer(text)))
    if not _MONEY_TALK.search(text):
        return sorted(claims, key=lambda c: c.start)
    for finder in (_PERCENT_VERB, _PERCENT, _UNDIRECTED, _DIRECTED, _COMPARATIVE):
        if finder is _COMPARATIVE and not compares:
            continue
        for match in finder.finditer(text):
            if any(c.start <= match.start() < c.end or match.start() <= c.start < match.end() for c in claims):
                continue
            claim = _ratio_claim(text, match, finder)
            if claim is not None:
                claims.append(claim)
    return sorted(claims, key=lambda c: c.start)


def _add(claims: list[RatioClaim], found) -> None:
    for claim in found:
        if claim is not None and not any(c.start < claim.end and claim.start < c.end for c in claims):
            claims.append(claim)


def _quantity_claim(text: str, match: re.Match[str], quantity: str) -> RatioClaim | None:
    """Speed ("2x faster than B", "faster than B") and window ("a larger context window than B") comparisons."""
    groups = match.groupdict()
    if _negated(text, match.start()):
        return None
    word = (groups.get("speed") or groups.get("window") or "").lower()
    more = word in ("faster", "quicker", "larger", "bigger", "longer", "wider")
    common = dict(kind="ratio", start=match.start(), end=match.end(), dimension="any", quantity=quantity)
    bounded = _BOUND_BEFORE.search(text, max(0, match.start() - 30), match.start())
    bound = bound_kind(bounded.group("bound") if bounded else None)
    if groups.get("pct"):
        percent = parse_decimal(groups["pct"])
        if percent is None or percent <= 0 or (not more and percent >= 100):
            return None
        value = ONE + percent / 100 if more else ONE - percent / 100
        return RatioClaim(number_at=match.start("pct"), ratio=value, halfwidth=_percent_halfwidth(groups["pct"]),
                          percent=True, bound=bound, **common)  # type: ignore[arg-type]
    if groups.get("fnum") or groups.get("tnum"):
        factor, halfwidth, number_at = _factor(match)
        if factor is None or factor <= 0:
            return None
        return RatioClaim(number_at=number_at, ratio=factor if more else ONE / factor, halfwidth=halfwidth,
                          percent=False, loose_more=True, bound=bound, **common)  # type: ignore[arg-type]
    return RatioClaim(number_at=match.start(), ratio=Decimal(2) if more else HALF, halfwidth=HALF, percent=False,
                      sized=False, **common)  # type: ignore[arg-type]


_NEGATION = re.compile(r"\b(?:no|not|nothing|none|neither|nor|never|nobody|hardly|barely|isn[’']t|aren[’']t|"
                       r"wasn[’']t|doesn[’']t|don[’']t)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:—–()]|,\s|\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)


def _negated(text: str, at: int) -> bool:
    """"No model is cheaper than B", "it isn't larger than B": a negated comparative says nothing we check."""
    breaks = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    return bool(_NEGATION.search(text, breaks[-1] if breaks else 0, at))


def _ratio_claim(text: str, match: re.Match[str], finder: re.Pattern[str]) -> RatioClaim | None:
    groups = match.groupdict()
    if finder is _COMPARATIVE:
        if _QUANTIFIED.search(text, max(0, match.start() - 30), match.start()) or _negated(text, match.start()):
            return None  # "a third cheaper than": a size this finder does not read; "no model is cheaper than"
        return RatioClaim(kind="ratio", start=match.start(), end=match.end(), number_at=match.start(),
                          ratio=HALF if groups.get("cheaper") else Decimal(2), halfwidth=HALF, percent=False,
                          dimension=_dimension(text, match), sized=False)
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
    if not after:
        inside = _SIDE_LATER.search(text, match.start(), match.end())
        after = inside
    if not after:
        stop = _CLAUSE_END.search(text, match.end())
        after = _SIDE_LATER.search(text, match.end(), stop.start() if stop else len(text))
    if after:
        side = after.group(1).lower()
        return "input" if side in ("input", "prompt") else "blended" if side == "blended" else "output"
    window = text[max(0, match.start() - 30):min(len(text), match.end() + 30)]
    found = {m.group(1).lower() for m in _DIMENSION.finditer(window)}
    found = {"input" if f == "prompt" else "output" if f == "completion" else f for f in found}
    return found.pop() if len(found) == 1 else "any"
