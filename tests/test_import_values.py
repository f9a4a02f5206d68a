"""Catalog values to review units: prices without float noise, tokens, dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.authoring.importers import values


@pytest.mark.parametrize("raw, per_token, expected", [
    (1.6000000000000001, False, "1.6"),
    (0.09999999999999999, False, "0.1"),          # models.dev's own cache price for GPT-4.1 mini at Helicone
    (0.39999999999999997, False, "0.4"),
    (1.6e-06, True, "1.6"),                       # LiteLLM: USD per token
    (3e-07, True, "0.3"),
    (1.875e-08, True, "0.01875"),
    ("0.0000004", True, "0.4"),                   # OpenRouter: strings
    ("0.00000008333333333333334", True, "0.08333333333"),
    (" 2.50 ", False, "2.5"),
    (0, False, "0"),
    (0.0, True, "0"),
    (15, False, "15"),
    (120, False, "120"),
    (1e-05, True, "10"),
])
def test_prices_become_clean_decimals_per_million(raw, per_token, expected):
    price = values.price(raw, per_token=per_token)
    assert isinstance(price, Decimal)
    assert format(price, "f") == expected


def test_a_missing_price_stays_missing():
    assert values.price(None) is None
    assert values.price(None, per_token=True) is None


@pytest.mark.parametrize("raw, message", [
    ("-1", "negative price '-1'"),
    (-0.5, "negative price -0.5"),
    ("free", "price 'free' is not a number"),
    (True, "price True is not a number"),
    (float("nan"), "price nan is not a number"),
    ("Infinity", "price 'Infinity' is not a number"),
    ({"input": 1}, "price {'input': 1} is not a number"),
])
def test_unusable_prices_say_why(raw, message):
    with pytest.raises(ValueError) as caught:
        values.price(raw, per_token=True)
    assert str(caught.value) == message


def test_tokens_accept_whole_numbers_and_treat_zero_as_unknown():
    assert values.tokens(1047576) == 1047576
    assert values.tokens(128000.0) == 128000
    assert values.tokens("131,072") == 131072
    assert values.tokens(0) is None
    assert values.tokens(None) is None
    with pytest.raises(ValueError, match="not a whole number"):
        values.tokens(1.5)
    with pytest.raises(ValueError, match="not a number"):
        values.tokens(True)


def test_dates_need_the_day_and_cutoffs_may_stop_at_the_month():
    assert values.day("2025-04-14") == dt.date(2025, 4, 14)
    assert values.day(None) is None
    with pytest.raises(ValueError, match="gives only the month"):
        values.day("2026-01")
    with pytest.raises(ValueError, match="is not a real date"):
        values.day("2025-02-30")
    assert values.cutoff("2024-04") == "2024-04"
    assert values.cutoff("2024-06-30") == "2024-06-30"
    with pytest.raises(ValueError, match="is not YYYY-MM or YYYY-MM-DD"):
        values.cutoff("mid-2024")
