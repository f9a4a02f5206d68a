"""One display rule per kind of dollar figure, on every page that shows it.

List prices read as published, sub-cent digits included; figures the site computes
(blended prices, bills, savings) read to the cent, half up. The blended price of a
$0.15/$0.60 model is $0.375, so every page must say "$0.38", as its 1M-token bill does.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.base.formatting import format_computed_amount, format_price
from generator.render import render_site
from generator.render.compare import shown_prices
from generator.render.faq import review_faq
from generator.render.index import SiteIndex
from render_sample import sample_catalog, table_rows
from conftest import valid_review


@pytest.mark.parametrize("usd, text", [
    (Decimal("0.375"), "$0.38"),          # half up, like a bill
    (Decimal("1.125"), "$1.13"),
    (Decimal("1"), "$1.00"),
    (Decimal("0.1875"), "$0.19"),
    (Decimal("0.004"), "< $0.01"),
    (Decimal("0"), "$0.00"),
])
def test_computed_amounts_read_to_the_cent(usd, text):
    assert format_computed_amount(usd) == text


def test_list_prices_keep_their_digits():
    assert [format_price(Decimal(v)) for v in ("0.375", "0.025", "0.40", "2")] == ["$0.375", "$0.025", "$0.40",
                                                                                   "$2.00"]


def test_computed_prices_that_round_alike_keep_their_digits():
    assert shown_prices(Decimal("0.375"), Decimal("1.125"), computed=True) == ("$0.38", "$1.13")
    assert shown_prices(Decimal("0.375"), Decimal("0.38"), computed=True) == ("$0.375", "$0.38")
    assert shown_prices(Decimal("0.375"), Decimal("1.125"), computed=False) == ("$0.375", "$1.125")


@pytest.fixture
def pages(site):
    site.review("openai/small", valid_review(name="Small", bracket="budget",
                                              pricing={"input": 0.15, "output": 0.60}))
    site.review("openai/tiny", valid_review(name="Tiny", bracket="budget", alternatives=["openai/small"],
                                             pricing={"input": 0.075, "output": 0.30}))
    catalog = sample_catalog(site)
    return catalog, render_site(catalog)


def _html(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(text)


def test_blended_price_reads_the_same_on_every_page(pages):
    catalog, rendered = pages
    models = table_rows(_html(rendered["models/index.md"]).body)
    assert [row[5:8] for row in models[1:]] == [["$0.15", "$0.60", "$0.38"], ["$0.075", "$0.30", "$0.19"]]
    bracket = table_rows(_html(rendered["brackets/budget.md"]).css_first(".mr-peers"))
    assert [row[3:6] for row in bracket[1:]] == [["$0.075", "$0.30", "$0.19"], ["$0.15", "$0.60", "$0.38"]]
    alternatives = table_rows(_html(rendered["models/openai/tiny.md"]).css_first(".mr-alternatives"))
    assert alternatives[1][5] == "$0.38(2.0× the price)"
    faq = review_faq(SiteIndex.of(catalog), catalog.models["openai/small"])[0].answer
    assert "or $0.38 per 1M tokens at a 50/50 input/output mix" in faq
    assert "$0.375" not in rendered["compare/small-vs-tiny.md"]
    assert "at a 50/50 input/output mix: $0.19 against $0.38 per 1M tokens" in rendered["compare/small-vs-tiny.md"]


def test_sub_cent_list_prices_are_not_rounded(pages):
    _, rendered = pages
    card = _html(rendered["models/openai/tiny.md"]).css_first(".mr-spec-card")
    prices = [dd.text() for dt_, dd in zip(card.css("dt"), card.css("dd")) if dt_.text().endswith("price")]
    assert prices == ["$0.075/1M tokens", "$0.30/1M tokens"]


def test_a_sub_cent_saving_in_a_verdict_is_not_called_zero(site):
    site.review("openai/a", valid_review(name="A", pricing={"input": 0.00001, "output": 0.00001}))
    site.review("openai/b", valid_review(name="B", pricing={"input": 0.00001, "output": 0.00002}))
    from generator.render.compare import comparison_page
    index = SiteIndex.of(sample_catalog(site))
    verdict = comparison_page(index, index.catalog.pairs["a-vs-b"]).verdict[0]
    assert verdict.endswith("saves < $0.01 a month at 100M tokens.")
