"""The built review page, read back from HTML: spec card, tables, FAQ, links."""

from __future__ import annotations

import pytest

from render_sample import build_sample, parse, table_rows

URL = "models/openai/gpt-4.1-mini"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    site_dir = build_sample(tmp_path_factory.mktemp("review") / "project")
    return parse(site_dir, URL)


def test_title_summary_and_kicker(page):
    assert page.css_first("article h1").text() == "GPT-4.1 mini"
    assert page.css_first(".mr-lead").text() == "OpenAI's mid-sized GPT-4.1 model with the million-token context."
    assert [a.attributes["href"] for a in page.css(".mr-kicker a")] == ["../../../providers/openai/",
                                                                         "../../../brackets/value/"]


def test_spec_card(page):
    card = page.css_first(".mr-spec-card")
    values = {d.css_first("dt").text(): d.css_first("dd").text() for d in card.css("dl > div")}
    assert values == {
        "Provider": "OpenAI", "Bracket": "Value", "Grade": "Strong (2.58/3)", "Context": "1M tokens",
        "Input price": "$0.40/1M tokens", "Output price": "$1.60/1M tokens", "Model ID": "gpt-4.1-mini",
        "Last benchmarked": "2026-04-11",
    }


def test_specification_table(page):
    rows = dict(table_rows(page.css_first(".mr-specs")))
    assert rows["Context window"] == "1,047,576 tokens"
    assert rows["Max output"] == "32,768 tokens"
    assert rows["Knowledge cutoff"] == "2024-04"
    assert rows["Released"] == "2025-04-14"
    assert rows["Input modalities"] == "Text, image, PDF"
    assert rows["Fine-tuning"] == "Yes"
    assert rows["Reasoning"] == "No"
    assert rows["Snapshot"] == "gpt-4.1-mini-2025-04-14"
    assert rows["Access"] == "OpenAI API, Azure OpenAI Service"
    assert rows["Status"] == "Active"


def test_pricing_by_channel(page):
    assert table_rows(page.css_first(".mr-pricing")) == [
        ["Channel", "Input /1M", "Output /1M", "Cached input /1M", "Speed", "Time to first token", "Verified"],
        ["OpenAI API", "$0.40", "$1.60", "$0.10", "102 tokens/s", "629 ms", "2026-11-01"],
        ["OpenAI Batch API", "$0.20", "$0.80", "—", "—", "—", "2026-11-01"],
        ["Azure", "$0.40", "$1.60", "—", "—", "—", "2026-11-02"],
        ["OpenRouteropenai/gpt-4.1-mini", "$0.44", "$1.76", "—", "95 tokens/s", "700 ms", "2026-11-03"],
    ]


def test_monthly_cost_table(page):
    assert table_rows(page.css_first(".mr-costs")) == [
        ["Tokens a month", "Input tokens", "Output tokens", "Monthly cost"],
        ["1M tokens", "500,000", "500,000", "$1.00"],
        ["10M tokens", "5,000,000", "5,000,000", "$10.00"],
        ["100M tokens", "50,000,000", "50,000,000", "$100.00"],
    ]


def test_benchmarks_beside_alternatives_that_share_them(page):
    assert table_rows(page.css_first(".mr-benchmarks")) == [
        ["Benchmark", "GPT-4.1 mini", "GPT-4.1 nano", "Measured"],
        ["Aider Polyglot", "32.4%", "—", "2025-04-14"],
        ["MMLU", "87.5%", "80.1%", "2025-04-14"],
    ]


def test_alternatives_with_price_differences(page):
    rows = table_rows(page.css_first(".mr-alternatives"))
    assert [row[:6] for row in rows[1:]] == [
        ["GPT-4.1 nanoOpenAI", "Budget", "Good (2.1/3)", "$0.10", "$0.40", "$0.25(4.0× cheaper)"],
        ["Gemini 2.5 FlashGoogle", "Value", "Good (2.4/3)", "$0.30", "$2.50", "$1.40(40% more expensive)"],
        ["Claude Haiku 4.5Anthropic", "Value", "Not graded", "$1.00", "$5.00", "$3.00(3.0× the price)"],
    ]
    links = page.css_first(".mr-alternatives").css("td a")
    assert [a.attributes["href"] for a in links] == [
        "../../../compare/gpt-4.1-mini-vs-gpt-4.1-nano/", "../../../compare/gemini-2.5-flash-vs-gpt-4.1-mini/",
        "../../../compare/claude-haiku-4.5-vs-gpt-4.1-mini/"]


def test_strengths_limitations_quirks_and_prose(page):
    assert [li.text() for li in page.css(".mr-pros li")] == ["A context window of about a million tokens."]
    assert [li.text() for li in page.css(".mr-cons li")] == ["Not a reasoning model."]
    assert [li.text() for li in page.css(".mr-quirks li")] == ["Answer quality drops on very long prompts before retrieval does"]
    prose = [p for p in page.css("article p") if "default" in p.text()]
    assert prose[0].css_first("strong").text() == "default"      # the body is Markdown


def test_same_provider_and_comparison_links(page):
    headings = [h.attributes["id"] for h in page.css("article h2")]
    assert headings == ["our-review", "strengths-and-limitations", "specifications", "pricing-by-channel",
                        "monthly-cost", "benchmarks", "alternatives", "more-from-this-provider", "comparisons",
                        "frequently-asked-questions", "sources"]
    assert [a.text() for a in page.css("#more-from-this-provider + ul > li > a")] == ["GPT-4.1 nano", "GPT-4.1"]
    comparisons = [(a.text(), a.attributes["href"]) for a in page.css("#comparisons + ul a")]
    assert comparisons == [
        ("GPT-4.1 mini vs Claude Haiku 4.5", "../../../compare/claude-haiku-4.5-vs-gpt-4.1-mini/"),
        ("GPT-4.1 mini vs Gemini 2.5 Flash", "../../../compare/gemini-2.5-flash-vs-gpt-4.1-mini/"),
        ("GPT-4.1 mini vs GPT-4.1", "../../../compare/gpt-4.1-vs-gpt-4.1-mini/"),
        ("GPT-4.1 mini vs GPT-4.1 nano", "../../../compare/gpt-4.1-mini-vs-gpt-4.1-nano/"),
    ]


def test_faq_derived_then_editor(page):
    items = page.css(".mr-faq__item")
    assert [i.css_first("h3").text() for i in items] == [
        "How much does GPT-4.1 mini cost compared with its Value-bracket peers?",
        "What is the context window of GPT-4.1 mini?",
        "How good is GPT-4.1 mini?",
        "Does GPT-4.1 mini have known quirks?",
        "What are the main competitors of GPT-4.1 mini?",
        "Can I fine-tune GPT-4.1 mini?",
    ]
    assert items[1].css_first("p").text() == ("GPT-4.1 mini reads up to 1,047,576 tokens (1M tokens) per request "
                                              "and writes up to 32,768 tokens per response.")
    assert "mr-faq__item--editor" in items[-1].attributes["class"]


def test_sources_and_dates(page):
    assert [(a.text(), a.attributes["href"]) for a in page.css(".mr-sources a")] == [
        ("OpenAI model page", "https://platform.openai.com/docs/models/gpt-4.1-mini")]
    assert page.css_first(".mr-dates").text() == ("Reviewed 2026-11-20 by The editors · prices verified 2026-11-01 "
                                                  "· last benchmarked 2026-04-11")


def test_head_metadata(page):
    head = page.css_first("head")
    assert head.css_first("title").text() == "GPT-4.1 mini review - modelreview"
    meta = {m.attributes.get("property") or m.attributes.get("name"): m.attributes.get("content")
            for m in head.css("meta")}
    assert meta["description"] == "OpenAI's mid-sized GPT-4.1 model with the million-token context."
    assert meta["og:title"] == "GPT-4.1 mini review"
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "https://modelreview.example.org/models/openai/gpt-4.1-mini/"
    assert meta["og:site_name"] == "modelreview"
    assert head.css_first('link[rel="canonical"]').attributes["href"] == \
        "https://modelreview.example.org/models/openai/gpt-4.1-mini/"


def test_nav_stays_small(page):
    tabs = [a.text(strip=True) for a in page.css(".md-tabs__link")]
    assert tabs == ["Home", "Models", "Providers", "Brackets", "Compare", "About"]
    nav_links = {a.attributes.get("href") for a in page.css("nav.md-nav--primary a")}
    assert not any("gpt-4.1-nano" in (href or "") for href in nav_links)
