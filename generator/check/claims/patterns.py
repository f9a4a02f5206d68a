"""Claim kinds, and the phrasings shared by the finders of each kind.

A *claim* is a number in a sentence that says something checkable about a model:
a price (`prices.py`), a context or output limit (`limits.py`), a ratio or
percentage between two models (`ratios.py`) or a monthly bill at a volume
(`monthly.py`). Finders only read text; they never look at the catalog. Offsets
in a claim are offsets in its sentence's (masked) text.

Precision over recall: a finder matches only phrasings whose meaning is clear,
and leaves anything it is unsure of alone, because a false alarm on a correct
sentence teaches editors to ignore the checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import NUMBER

CLAIM_KINDS = ("price", "limit", "ratio", "monthly_cost", "date", "score")

# Phrases that bound a number instead of stating it: "under $1", "over 1M tokens".
BOUND = (r"(?P<bound>up\s+to|as\s+many\s+as|a\s+maximum\s+of|at\s+most|no\s+more\s+than|just\s+over|"
         r"just\s+under|more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of|under|"
         r"less\s+than|below|fewer\s+than)")
_BOUND_KIND = [(re.compile(r"up\s+to|as\s+many\s+as|a\s+maximum\s+of"), "eq"),
               (re.compile(r"at\s+most|no\s+more\s+than|just\s+under|under|less\s+than|below|fewer\s+than"), "le"),
               (re.compile(r".*"), "ge")]

MONEY = re.compile(rf"\$\s?(?P<amount>{NUMBER})(?![\d])")
# "per 1M tokens", "/MTok", "per million", "a million tokens", "/1M"
PER_MILLION = (r"(?:\s*/\s*(?:1\s?M|M|MTok|Mtok|mtok|1M\s*tok|million)(?![a-zA-Z])"
               r"|\s+(?:per|a|an|for\s+every|for\s+each|every)\s+(?:1\s?M|one\s+million|a\s+million|million|"
               r"1,000,000|M|MTok)(?![a-zA-Z]))")
SIDE_WORDS = {"input": "input", "prompt": "input", "in": "input", "output": "output", "completion": "output",
              "out": "output", "cached input": "cached", "cached": "cached"}


@dataclass(frozen=True, kw_only=True)
class Claim:
    """What every claim has: its kind, its span and where its first number starts."""

    kind: str
    start: int
    end: int
    number_at: int


@dataclass(frozen=True, kw_only=True)
class Price:
    side: str              # input, output, cached or any
    value: Decimal
    decimals: int


@dataclass(frozen=True, kw_only=True)
class PriceClaim(Claim):
    prices: tuple[Price, ...]
    bound: str = "eq"      # eq, le ("under $1 per million"), ge


@dataclass(frozen=True, kw_only=True)
class LimitClaim(Claim):
    limit: str             # context or output
    value: Decimal         # as written, before the scale
    scale: int             # 1, 1_000 or 1_000_000
    decimals: int
    bound: str = "eq"


@dataclass(frozen=True, kw_only=True)
class RatioClaim(Claim):
    """"A is N times / N% cheaper than B", normalised to the claimed A/B price ratio.

    `subject_at` and `object_at` are where the two sides of the comparison are
    expected: the subject before the claim, the object after it ("than GPT-4.1").
    `undirected` claims ("a 5x price gap") only say max/min.
    """

    ratio: Decimal          # claimed price(A) / price(B)
    halfwidth: Decimal      # rounding the editor's wording allows, in the >= 1 domain
    percent: bool           # stated as a percentage (compare percentages, not factors)
    dimension: str          # input, output, blended or any
    undirected: bool = False
    loose_more: bool = False  # "5x more" may mean 5x as much or 6x as much
    bound: str = "eq"         # "ge"/"le" on the >= 1 factor (or the percentage): "more than 5x cheaper"
    quantity: str = "price"   # price, speed (output tokens per second) or context (window)
    sized: bool = True        # False: "cheaper than B" says only the direction (ratio < 1 or > 1)


@dataclass(frozen=True, kw_only=True)
class CostClaim(Claim):
    """A bill for a stated monthly volume; the split is the stated one or the site's."""

    tokens: int
    input_tokens: int | None
    share: Decimal | None
    amount: Decimal
    decimals: int
    volume: str            # the volume as written, for the message: "10M-token month"
    bound: str = "eq"


@dataclass(frozen=True, kw_only=True)
class DateClaim(Claim):
    """"released in March 2025", "knowledge cutoff of April 2024": a date at the precision written."""

    event: str             # released, cutoff, deprecated or retired
    year: int
    month: int | None
    day: int | None


@dataclass(frozen=True, kw_only=True)
class ScoreClaim(Claim):
    """"87.5% on MMLU", "an MMLU of 87.5": a benchmark score named with its benchmark."""

    benchmark: str         # as written
    value: Decimal
    decimals: int
    bound: str = "eq"


def bound_kind(text: str | None) -> str:
    """"up to" states the value ("eq"); "under" is an upper bound ("le"); "over" a lower ("ge")."""
    if not text:
        return "eq"
    words = " ".join(text.lower().split())
    return next(kind for pattern, kind in _BOUND_KIND if pattern.fullmatch(words))


def words_before(text: str, at: int, count: int) -> list[str]:
    """The `count` words before offset `at`, lowercased, nearest last."""
    return re.findall(r"[\w'’$%.-]+", text[:at].lower())[-count:]
