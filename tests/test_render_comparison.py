"""The built comparison pages: ratio statements, costs per volume, specs, verdicts."""

from __future__ import annotations

import pytest

from render_sample import build_sample, parse, table_rows


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("compare") / "project")


def test_editorial_comparison(site_dir):
    page = parse(site_dir, "compare/gpt-4.1-vs-gpt-4.1-mini")
    assert page.css_first("article h1").text() == "GPT-4.1 vs GPT-4.1 mini"
    assert page.css_first("title").text() == "GPT-4.1 vs GPT-4.1 mini - modelreview"
    assert [li.text() for li in page.css("#which-is-cheaper + ul li")] == [
        "GPT-4.1 mini is 5.0× cheaper than GPT-4.1 on input ($0.40 against $2.00 per 1M tokens), on output "
        "($1.60 against $8.00), on cached input ($0.10 against $0.50) and at a 50/50 input/output mix "
        "($1.00 against $5.00).",
    ]
    assert table_rows(page.css_first(".mr-volumes")) == [
        ["Tokens a month (50/50)", "GPT-4.1", "GPT-4.1 mini", "Cheaper", "Difference"],
        ["1M tokens", "$5.00", "$1.00", "GPT-4.1 mini", "$4.00"],
        ["10M tokens", "$50.00", "$10.00", "GPT-4.1 mini", "$40.00"],
        ["100M tokens", "$500.00", "$100.00", "GPT-4.1 mini", "$400.00"],
    ]
    assert table_rows(page.css_first(".mr-benchmarks")) == [
        ["Benchmark", "GPT-4.1", "GPT-4.1 mini", "Higher"], ["Aider Polyglot", "52.9%", "32.4%", "GPT-4.1"]]
    specs = {row[0]: row[1:] for row in table_rows(page.css_first(".mr-specs"))}
    assert specs["Specification"] == ["GPT-4.1", "GPT-4.1 mini"]
    assert specs["Bracket"] == ["Premium", "Value"]
    assert specs["Grade"] == ["Strong (2.5/3)", "Strong (2.58/3)"]
    assert specs["Output price"] == ["$8.00 per 1M tokens", "$1.60 per 1M tokens"]
    assert page.css_first(".mr-verdict").text(strip=True) == \
        "Pick mini unless the task needs the larger model's coding strength."
    editor_body = [p for p in page.css("article p") if "covers most jobs" in p.text()]
    assert editor_body[0].css_first("em").text() == "mini"
    sides = [(s.css_first(".mr-versus__name a").text(), s.css_first(".mr-versus__name a").attributes["href"])
             for s in page.css(".mr-versus__side")]
    assert sides == [("GPT-4.1", "../../models/openai/gpt-4.1/"), ("GPT-4.1 mini", "../../models/openai/gpt-4.1-mini/")]


def test_derived_verdict_and_faq(site_dir):
    page = parse(site_dir, "compare/gemini-2.5-flash-vs-gpt-4.1-mini")
    verdict = [p.text() for p in page.css(".mr-verdict--derived p")]
    assert verdict[0] == ("Choose GPT-4.1 mini when cost decides: it is 29% cheaper at a 50/50 mix and saves "
                          "$40.00 a month at 100M tokens.")
    assert verdict[-1] == "No editor has compared these two yet; this summary is computed from the data above."
    questions = [h.text() for h in page.css(".mr-faq h3")]
    assert questions == ["Which is cheaper, Gemini 2.5 Flash or GPT-4.1 mini?", "Which has the larger context window?",
                         "Which performs better, Gemini 2.5 Flash or GPT-4.1 mini?"]
    assert page.css(".mr-faq p")[1].text() == ("Gemini 2.5 Flash: 1,048,576 tokens, against 1,047,576 for "
                                               "GPT-4.1 mini.")


def test_compare_index_lists_editorial_first(site_dir):
    page = parse(site_dir, "compare")
    assert [a.text() for a in page.css("#with-an-editors-verdict + ul a")] == ["GPT-4.1 vs GPT-4.1 mini"]
    assert len(page.css("#all-comparisons + ul a")) == 5
