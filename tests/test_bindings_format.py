"""generator.base.formatting: how the site writes numbers, shared by pages, bindings and claim messages."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

import generator.check.claims
from generator.base.formatting import (format_cost, format_count, format_percent, format_price, format_ratio,
                                  format_tokens, format_tokens_short)


@pytest.mark.parametrize("value, text", [
    (D("0.4"), "$0.40"), (D("0.40"), "$0.40"), (D("2"), "$2.00"), (D("0.075"), "$0.075"),
    (D("0.0375"), "$0.0375"), (D("10.00"), "$10.00"), (D("1250"), "$1,250.00"), (D("0"), "$0.00"),
])
def test_prices_keep_cents_and_any_sub_cent_digits(value, text):
    assert format_price(value) == text


@pytest.mark.parametrize("value, text", [
    (D("10"), "$10.00"), (D("2.005"), "$2.01"), (D("1234.5"), "$1,234.50"), (D("0.004"), "$0.00"),
])
def test_bills_round_half_up_to_the_cent(value, text):
    assert format_cost(value) == text


@pytest.mark.parametrize("tokens, short", [
    (1_047_576, "1M"), (1_048_576, "1M"), (2_000_000, "2M"), (1_500_000, "1.5M"), (131_072, "128K"),
    (128_000, "128K"), (32_768, "32K"), (200_000, "200K"), (65_536, "64K"), (100_000, "100K"),
    (16_385, "16K"), (400_000, "400K"), (999, "999"),
])
def test_limits_read_the_way_providers_advertise_them(tokens, short):
    assert format_tokens_short(tokens) == short
    assert format_tokens(tokens) == f"{short} tokens"


def test_exact_counts_and_ratios_and_percentages():
    assert format_count(1_047_576) == "1,047,576"
    assert [format_ratio(v) for v in (D(5), D("6.25"), D("1.125"))] == ["5.0×", "6.3×", "1.1×"]
    assert [format_percent(v) for v in (D(80), D("11.11"), D("2.5"), D("0.04"))] == ["80%", "11%", "2.5%", "0%"]


def test_the_claims_package_exports_what_the_catalog_and_check_use():
    assert sorted(generator.check.claims.__all__) == [
        "Body", "CatalogFacts", "Locate", "ModelFacts", "PairFacts", "ProseField", "check_claims",
        "check_contradictions", "comparison_prose", "inline_ranges", "line_and_column", "locator", "mask_code",
        "parse_volume", "review_prose", "texts"]
