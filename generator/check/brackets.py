"""Which bracket an output price belongs in.

Brackets are price bands (site_config/brackets.yaml): each but the last has a
`max_output_price`, and a model belongs in the first bracket whose limit its
output list price does not exceed. `import` and `new` pick a bracket this way,
and `check` warns when an editor's choice disagrees with the price, since the
bracket page states the band to readers.
"""

from __future__ import annotations

from decimal import Decimal

from ..load import Bracket


def bracket_for_price(brackets: list[Bracket], output_price: Decimal) -> str:
    """The key of the first bracket whose limit `output_price` fits under (the last has none)."""
    for bracket in brackets:
        if bracket.max_output_price is None or output_price <= bracket.max_output_price:
            return bracket.key
    return brackets[-1].key


def price_band(brackets: list[Bracket], key: str) -> tuple[Decimal | None, Decimal | None]:
    """(exclusive lower, inclusive upper) output price of bracket `key`; None where unbounded."""
    lower = None
    for bracket in brackets:
        if bracket.key == key:
            return lower, bracket.max_output_price
        if bracket.max_output_price is not None:
            lower = bracket.max_output_price
    return None, None
