"""The reader's own bill: what the cost calculator on review, comparison and
all-models pages computes, for token counts the reader types in.

The browser redoes this sum (docs/assets/javascripts/calculator.js) from the
prices in the open-data API; tests hold both to the same answers. Rules:

- input tokens at the input price, cached-input tokens at the cached-input price
  (the input price when the model lists none), output tokens at the output price;
- with batch on, input and output are charged at the batch tier's prices; a model
  without a batch tier has no batch bill (None), rather than a made-up one;
- the bill is exact here and rounded half up to the cent where it is shown
  (`round_money`, `format_computed_amount`), like every amount the site computes.
"""

from __future__ import annotations

from decimal import Decimal

from ..load import Pricing
from ..base import MILLION

RULE = ("input tokens × input price + cached-input tokens × cached-input price (the input price when none is "
        "listed) + output tokens × output price, over 1,000,000; with batch on, input and output at the batch "
        "prices, and no bill for a model without a batch tier")


def usage_cost(pricing: Pricing, input_tokens: int, cached_tokens: int, output_tokens: int,
               batch: bool = False) -> Decimal | None:
    """USD a month for the given token counts, exact; None when batch is asked of a model without a batch tier."""
    input_price, output_price = pricing.input, pricing.output
    if batch:
        if pricing.batch is None:
            return None
        input_price, output_price = pricing.batch.input, pricing.batch.output
    cached_price = pricing.cached_input if pricing.cached_input is not None else input_price
    total = (Decimal(input_tokens) * input_price + Decimal(cached_tokens) * cached_price
             + Decimal(output_tokens) * output_price)
    return total / MILLION
