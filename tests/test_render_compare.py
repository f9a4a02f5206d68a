"""Comparison sentences: ratios, volumes, benchmarks and the data-derived verdict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.render.compare import (SharedBenchmark, benchmark_tally, cheaper_by, comparison_page, dearer_by,
                                      relative_price)
from generator.render.index import SiteIndex
from render_sample import sample_catalog, write_sample


@pytest.mark.parametrize("cheap, dear, text", [
    ("0.40", "2.00", "5.0× cheaper"),
    ("1.00", "1.40", "29% cheaper"),        # below 1.5× the gap reads as a percentage
    ("0.975", "1.00", "2.5% cheaper"),      # small gaps keep a decimal so they never read as 0%
    ("0", "1.00", "free"),
    ("1.00", "1.00", "the same price"),
])
def test_cheaper_by(cheap, dear, text):
    assert cheaper_by(Decimal(cheap), Decimal(dear)) == text


def test_dearer_by_and_relative_price():
    assert dearer_by(Decimal("3.00"), Decimal("1.00")) == "3.0× the price"
    assert dearer_by(Decimal("1.40"), Decimal("1.00")) == "40% more expensive"
    assert relative_price(Decimal("0.25"), Decimal("1.00")) == "4.0× cheaper"
    assert relative_price(Decimal("3.00"), Decimal("1.00")) == "3.0× the price"


@pytest.fixture
def index(site):
    return SiteIndex.of(sample_catalog(write_sample(site)))


def test_editorial_pair_statements(index):
    page = comparison_page(index, index.catalog.pairs["gpt-4.1-vs-gpt-4.1-mini"])
    assert (page.a.key, page.b.key) == ("openai/gpt-4.1", "openai/gpt-4.1-mini")
    assert [g.statement for g in page.gaps] == [
        "GPT-4.1 mini is 5.0× cheaper on input: $0.40 against $2.00 per 1M tokens for GPT-4.1.",
        "GPT-4.1 mini is 5.0× cheaper on output: $1.60 against $8.00 per 1M tokens for GPT-4.1.",
        "GPT-4.1 mini is 5.0× cheaper on cached input: $0.10 against $0.50 per 1M tokens for GPT-4.1.",
        "GPT-4.1 mini is 5.0× cheaper at a 50/50 input/output mix: $1.00 against $5.00 per 1M tokens for GPT-4.1.",
    ]
    assert [(v.tokens, v.a.usd, v.b.usd, v.cheaper.key, v.saving) for v in page.volumes] == [
        (1_000_000, Decimal("5.00"), Decimal("1.00"), "openai/gpt-4.1-mini", Decimal("4.00")),
        (10_000_000, Decimal("50.00"), Decimal("10.00"), "openai/gpt-4.1-mini", Decimal("40.00")),
        (100_000_000, Decimal("500.00"), Decimal("100.00"), "openai/gpt-4.1-mini", Decimal("400.00")),
    ]
    assert [(s.name, s.a, s.b, s.higher.key) for s in page.benchmarks] == [
        ("Aider Polyglot", Decimal("52.9"), Decimal("32.4"), "openai/gpt-4.1")]
    assert page.performance == [
        "GPT-4.1 mini grades higher: Strong (2.58/3) against Strong (2.5/3) for GPT-4.1.",
        "On Aider Polyglot, the one benchmark they share, GPT-4.1 scores higher.",
    ]
    assert page.price_statements == [
        "GPT-4.1 mini is 5.0× cheaper than GPT-4.1 on input ($0.40 against $2.00 per 1M tokens), on output "
        "($1.60 against $8.00), on cached input ($0.10 against $0.50) and at a 50/50 input/output mix "
        "($1.00 against $5.00).",
    ]
    assert page.editorial
    assert page.verdict == ["Pick mini unless the task needs the larger model's coding strength."]


def test_verdict_is_derived_without_an_editorial_page(index):
    page = comparison_page(index, index.catalog.pairs["gemini-2.5-flash-vs-gpt-4.1-mini"])
    assert not page.editorial
    assert page.title == "Gemini 2.5 Flash vs GPT-4.1 mini"
    assert page.verdict == [
        "Choose GPT-4.1 mini when cost decides: it is 29% cheaper at a 50/50 mix and saves $40.00 a month "
        "at 100M tokens.",
        "GPT-4.1 mini is also graded higher (Strong (2.58/3)), so it wins on both counts.",
        "Gemini 2.5 Flash takes longer prompts: 1,048,576 tokens of context against 1,047,576.",
        "Only Gemini 2.5 Flash offers reasoning.",
        "Only GPT-4.1 mini offers fine-tuning.",
    ]
    assert page.benchmarks == []
    assert page.performance[-1] == "They report no benchmark in common."


def test_ungraded_side_is_named(index):
    page = comparison_page(index, index.catalog.pairs["claude-haiku-4.5-vs-gpt-4.1-mini"])
    assert page.performance[0] == "Only GPT-4.1 mini has a grade so far: Strong (2.58/3)."
    assert page.verdict[0] == ("Choose GPT-4.1 mini when cost decides: it is 3.0× cheaper at a 50/50 mix and "
                               "saves $200.00 a month at 100M tokens.")
    assert page.verdict[1] == "GPT-4.1 mini takes longer prompts: 1M tokens of context against 200K."


def test_price_statements_say_each_margin_once(index):
    page = comparison_page(index, index.catalog.pairs["gemini-2.5-flash-vs-gpt-4.1-mini"])
    assert page.price_statements == [
        "Gemini 2.5 Flash is 25% cheaper on input: $0.30 against $0.40 per 1M tokens for GPT-4.1 mini.",
        "GPT-4.1 mini is 1.6× cheaper on output: $1.60 against $2.50 per 1M tokens for Gemini 2.5 Flash.",
        "GPT-4.1 mini is 29% cheaper at a 50/50 input/output mix: $1.00 against $1.40 per 1M tokens for "
        "Gemini 2.5 Flash.",
    ]


def test_equal_prices_are_grouped_too(site):
    from conftest import valid_review
    write_sample(site)
    site.review("openai/twin", valid_review(name="Twin", pricing={"input": 0.40, "output": 1.60}))
    twin_index = SiteIndex.of(sample_catalog(site))
    page = comparison_page(twin_index, twin_index.catalog.pairs["gpt-4.1-mini-vs-twin"])
    assert page.price_statements == [
        "GPT-4.1 mini and Twin cost the same on input ($0.40 per 1M tokens), on output ($1.60) and at a 50/50 "
        "input/output mix ($1.00).",
    ]


def _bench(name, a, b, higher):
    return SharedBenchmark(name, "%", Decimal(a), Decimal(b), higher)


def test_benchmark_tally_reads_naturally(index):
    big, mini = index.model("openai/gpt-4.1"), index.model("openai/gpt-4.1-mini")
    one_tie = [_bench("MMLU", "80", "80", None)]
    assert benchmark_tally(big, mini, one_tie) == "On MMLU, the one benchmark they share, they score the same."
    sweep = [_bench("A", "2", "1", big), _bench("B", "2", "1", big)]
    assert benchmark_tally(big, mini, sweep) == "GPT-4.1 scores higher on both benchmarks they share."
    assert benchmark_tally(big, mini, sweep + [_bench("C", "2", "1", big)]) == (
        "GPT-4.1 scores higher on all 3 benchmarks they share.")
    split = sweep + [_bench("C", "1", "2", mini)]
    assert benchmark_tally(big, mini, split) == (
        "Of the 3 benchmarks they share, GPT-4.1 scores higher on 2 and GPT-4.1 mini on 1.")
    assert benchmark_tally(big, mini, split + [_bench("D", "1", "1", None)]) == (
        "Of the 4 benchmarks they share, GPT-4.1 scores higher on 2, GPT-4.1 mini on 1 and they tie on 1.")
    assert benchmark_tally(big, mini, [_bench("A", "1", "2", mini), _bench("B", "1", "1", None)]) == (
        "Of the 2 benchmarks they share, GPT-4.1 mini scores higher on 1 and they tie on 1.")
    assert benchmark_tally(big, mini, one_tie * 2) == "They score the same on both benchmarks they share."
    assert benchmark_tally(big, mini, []) == "They report no benchmark in common."
