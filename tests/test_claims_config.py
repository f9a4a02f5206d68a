"""site_config `claims:` decides tolerance, hedges and the severity of each claim kind."""

from __future__ import annotations

import pytest
from claims_catalog import checked, write_catalog

MINI = "openai/gpt-4.1-mini"
BODY = """
It costs $0.20 per million input tokens.
Its context window is 128K tokens.
GPT-4.1 costs three times as much as GPT-4.1 mini.
A balanced 10M-token month costs $20.
"""


def _set_claims(site, text: str) -> None:
    path = site.root / "site_config" / "site.yaml"
    original = path.read_text(encoding="utf-8")
    head = original.split("\nclaims:")[0]
    path.write_text(head + "\nclaims:\n" + text, encoding="utf-8")


def _codes(result):
    return [(d.code, d.severity.value) for d in result.diagnostics]


def test_every_kind_is_an_error_by_default(site):
    write_catalog(site, {MINI: BODY})
    assert _codes(checked(site)) == [("claim-price", "error"), ("claim-limit", "error"),
                                     ("claim-ratio", "error"), ("claim-monthly-cost", "error")]


def test_severity_per_kind_can_warn_or_switch_a_kind_off(site):
    _set_claims(site, "  severity: {price: warning, limit: 'off', ratio: error, monthly_cost: warning}\n")
    write_catalog(site, {MINI: BODY})
    result = checked(site)
    assert _codes(result) == [("claim-price", "warning"), ("claim-ratio", "error"),
                              ("claim-monthly-cost", "warning")]
    assert not result.ok


def test_warnings_only_let_the_build_go_on(site):
    _set_claims(site, "  severity: {price: warning, limit: warning, ratio: warning, monthly_cost: warning}\n")
    write_catalog(site, {MINI: BODY})
    result = checked(site)
    assert result.ok and result.catalog is not None


@pytest.mark.parametrize("sentence, flagged", [
    ("A balanced 10M-token month costs $11.", True),         # 10% off, exact-looking
    ("A balanced 10M-token month costs about $11.", False),  # hedged: 15% allowed
    ("A balanced 10M-token month costs roughly $12.", True),  # 20% off even hedged
    ("A balanced 10M-token month costs ~$11.", False),
    ("A balanced 10M-token month costs $10.10.", False),      # within 2%
])
def test_hedges_widen_the_tolerance(site, sentence, flagged):
    write_catalog(site, {MINI: sentence + "\n"})
    assert bool(checked(site).diagnostics) is flagged


def test_the_tolerances_come_from_the_config(site):
    _set_claims(site, "  tolerance: 0.15\n")
    write_catalog(site, {MINI: "A balanced 10M-token month costs $11.\n"})
    assert checked(site).diagnostics == []


def test_hedge_words_come_from_the_config(site):
    _set_claims(site, "  hedge_words: [give or take]\n")
    write_catalog(site, {MINI: "A balanced 10M-token month costs about $11.\n"})
    assert _codes(checked(site)) == [("claim-monthly-cost", "error")]


@pytest.mark.parametrize("sentence", [
    "The context window is 1M tokens.",          # 1,047,576 rounds to 1M
    "The context window is 1.05M tokens.",
    "The context window is 1,000,000 tokens.",   # trailing zeros are rounding
    "Output is capped at 32K tokens.",           # 32,768 is 32 binary thousands
    "The context window is about 1.1M tokens.",
])
def test_rounded_limits_match_the_exact_count(site, sentence):
    write_catalog(site, {MINI: sentence + "\n"})
    assert checked(site).diagnostics == []


@pytest.mark.parametrize("sentence", [
    "The context window is 1.5M tokens.",
    "The context window is 900,000 tokens.",
    "Output is capped at 30K tokens.",
])
def test_limits_outside_the_rounding_are_flagged(site, sentence):
    write_catalog(site, {MINI: sentence + "\n"})
    assert _codes(checked(site)) == [("claim-limit", "error")]
