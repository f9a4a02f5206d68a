"""How the site writes numbers: prices, bills, token counts, ratios and percentages.

One module so that a number on a spec card, in a cost table, in a data-bound
sentence (`generator.catalog.bindings`) and in a claim-checker message always reads
the same. Every function takes exact values (`Decimal`, `int`) and returns text;
none of them computes anything but rounding for display.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .costs import round_money

__all__ = ["format_price", "format_computed_amount", "format_cost", "format_count", "format_tokens", "format_tokens_short",
           "format_ratio", "format_percent", "format_change"]

_KIBI = 1024


def format_price(usd: Decimal) -> str:
    """A price per 1M tokens: at least cents, more digits only when the price has them.

    "$0.40", "$2.00", "$0.075", "$0.0375": a sub-cent price must not be rounded to
    "$0.08", or a reader would compute the wrong bill from it.
    """
    value = usd.normalize()
    exponent = value.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"${value:,.{places}f}"


def format_computed_amount(usd: Decimal) -> str:
    """A dollar figure the site computed rather than copied: a bill, a saving, a blended price per 1M tokens.

    One rule for all of them, so the blended price on the models table and the
    1M-token monthly bill on a bracket page, the same number, read the same: rounded
    half up to the cent ("$0.375" reads "$0.38"). Only list prices, copied from the
    lab, keep their sub-cent digits (`format_price`). A real amount under half a cent
    reads "< $0.01" instead of a misleading "$0.00".
    """
    if 0 < usd < Decimal("0.005"):
        return "< $0.01"
    return format_cost(usd)


def format_cost(usd: Decimal) -> str:
    """A bill: rounded half up to the cent, thousands separated ("$1,250.00")."""
    return f"${round_money(usd):,.2f}"


def format_count(tokens: int) -> str:
    """An exact token count with thousands separators: "1,047,576"."""
    return f"{tokens:,}"


def format_tokens_short(tokens: int) -> str:
    """A limit as readers say it: "1M", "128K", "32K", "200K", "1.05M" only when needed.

    Exact multiples of 1,024 that are not round thousands are written in binary
    thousands, the way providers advertise them (131,072 is "128K", 32,768 is
    "32K", but 128,000 is "128K" too); other counts round to the nearest thousand
    or to one decimal of a million. 1,047,576 is "1M".
    """
    if tokens >= 1_000_000:
        millions = (Decimal(tokens) / 1_000_000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"{_trim(millions)}M"
    if tokens >= _KIBI and tokens % 1000 and tokens % _KIBI == 0:
        return f"{tokens // _KIBI}K"
    if tokens >= 1000:
        thousands = (Decimal(tokens) / 1000).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        return f"{thousands}K"
    return str(tokens)


def format_tokens(tokens: int) -> str:
    """A limit with its unit: "1M tokens", "32K tokens"."""
    return f"{format_tokens_short(tokens)} tokens"


def format_ratio(value: Decimal) -> str:
    """How many times as much: one decimal and a multiplication sign, "5.0×"."""
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}×"


def format_percent(value: Decimal) -> str:
    """A whole percentage, "80%"; one decimal below 10% ("2.5%") so small gaps do not read as 0%."""
    if abs(value) < 10:
        return f"{_trim(value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))}%"
    return f"{value.quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


def format_change(percent: Decimal) -> str:
    """A signed change in percent, "−50%", "+20%", "0%": the sign is the news, so it is always shown.

    The minus is U+2212, the typographic minus, so it lines up with the plus and
    never reads as a hyphen; magnitudes round as `format_percent` rounds them.
    """
    magnitude = format_percent(abs(percent))
    if magnitude == "0%":
        return "0%"
    return ("−" if percent < 0 else "+") + magnitude


def _trim(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
