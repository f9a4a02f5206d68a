"""Checks over unknown values, borrowed prices, retirement days and offers' long-context tiers."""

from __future__ import annotations

import datetime as dt

from conftest import valid_review
from generator.catalog.catalog import build_catalog
from generator.project import Project, check_project

TODAY = dt.date(2026, 11, 21)


def diagnostics(site):
    result = check_project(Project.at(site.root), today=TODAY)
    return result, sorted((d.severity.value, d.code, d.message) for d in result.diagnostics)


def test_an_unknown_release_date_is_compared_with_nothing(site):
    # a knowledge cutoff and a review date that would be "after the release" pass: nothing to compare
    site.review("openai/a", valid_review(released="unknown", first_listed=dt.date(2025, 2, 1),
                                         knowledge_cutoff="2026-01"))
    result, found = diagnostics(site)
    assert found == []
    assert result.content.reviews[0].meta.released == "unknown"


def test_a_first_listed_day_in_the_future_is_an_error(site):
    site.review("openai/a", valid_review(released="unknown", first_listed=dt.date(2027, 1, 1)))
    _, found = diagnostics(site)
    assert [(s, c) for s, c, _ in found] == [("error", "future-date")]
    assert "first-listed date 2027-01-01" in found[0][2]


def test_release_date_words_other_than_unknown_are_still_errors(site):
    site.review("openai/a", valid_review(released="soon"))
    _, found = diagnostics(site)
    assert [s for s, _, _ in found] == ["error"]


def test_a_deprecation_on_an_unknown_day_loads_and_checks(site):
    site.review("openai/a", valid_review(lifecycle={"status": "deprecated", "date": "unknown"}))
    result, found = diagnostics(site)
    assert found == []
    assert result.content.reviews[0].meta.lifecycle.date == "unknown"


def test_pricing_via_must_name_a_provider(site):
    site.review("openai/a", valid_review(pricing={"via": "nowhere-ai"}))
    _, found = diagnostics(site)
    assert [(s, c) for s, c, _ in found] == [("error", "unknown-provider")]


def test_an_offers_tier_beyond_the_context_window_is_an_error(site):
    offer = {"provider": "azure", "input": 0.4, "output": 1.6, "verified": dt.date(2026, 11, 1),
             "long_context": {"above_tokens": 128000, "input": 0.8, "output": 3.2}}
    site.review("openai/a", valid_review(offers=[offer]))
    _, found = diagnostics(site)
    assert [(s, c) for s, c, _ in found] == [("error", "limit-order")]
    assert "azure long-context tier starts at 128,000 tokens" in found[0][2]


def test_a_list_price_tier_beyond_the_context_window_is_an_error(site):
    site.review("openai/a", valid_review(pricing={"long_context": {"above_tokens": 200000, "input": 1, "output": 2}}))
    _, found = diagnostics(site)
    assert [(s, c) for s, c, _ in found] == [("error", "limit-order")]


def test_monthly_costs_at_the_long_context_rate(site):
    site.review("openai/a", valid_review(context_window=1000000, pricing={
        "long_context": {"above_tokens": 200000, "input": 0.8, "output": 3.2}}))
    result, found = diagnostics(site)
    model = result.catalog.models["openai/a"]
    # 1M tokens a month, half input: list price 0.5 x 0.4 + 0.5 x 1.6 = $1.00; tier rate $2.00
    assert model.costs[0].usd == 1 and model.long_context_costs[0].usd == 2
    plain = build_catalog(result.content, result.config).models["openai/a"]
    assert plain.long_context_costs == model.long_context_costs
