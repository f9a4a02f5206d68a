"""Money arithmetic: the only place prices are multiplied, divided or compared.

Everything is `Decimal`. Prices are USD per 1M tokens; volumes are whole tokens.
Templates and prose checks call these functions instead of doing sums themselves,
so a cost on a page and a cost in a claim can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MILLION = Decimal(1_000_000)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class MonthlyCost:
    """The bill for one month at `tokens` total, split into input and output tokens."""

    tokens: int
    input_tokens: int
    output_tokens: int
    usd: Decimal


def split_volume(tokens: int, input_share: Decimal) -> tuple[int, int]:
    """Input and output token counts of a monthly volume; output gets the remainder."""
    input_tokens = int((Decimal(tokens) * input_share).to_integral_value(rounding=ROUND_HALF_UP))
    return input_tokens, tokens - input_tokens


def monthly_cost(input_price: Decimal, output_price: Decimal, tokens: int, input_share: Decimal) -> MonthlyCost:
    input_tokens, output_tokens = split_volume(tokens, input_share)
    usd = (Decimal(input_tokens) * input_price + Decimal(output_tokens) * output_price) / MILLION
    return MonthlyCost(tokens, input_tokens, output_tokens, usd)


def blended_price(input_price: Decimal, output_price: Decimal, input_share: Decimal) -> Decimal:
    """Price of 1M tokens at the given split: what one "average" token costs, times a million."""
    return input_price * input_share + output_price * (1 - input_share)


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """`numerator / denominator`, or None when the denominator is zero (free models)."""
    if denominator == 0:
        return None
    return numerator / denominator


def percent_cheaper(cheaper: Decimal, dearer: Decimal) -> Decimal | None:
    """How much less `cheaper` costs than `dearer`, in percent of `dearer`."""
    if dearer == 0:
        return None
    return (dearer - cheaper) / dearer * 100


def round_money(value: Decimal) -> Decimal:
    """Cents, half up: how the site shows a bill."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
