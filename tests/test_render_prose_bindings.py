"""Bindings in front-matter prose are expanded on the page, then escaped like any front-matter text."""

from __future__ import annotations

import pytest
from conftest import TODAY, valid_review
from render_sample import add_publishing, new_project, parse

EVIL = "Evil <b>Model</b> & *x* [y]"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from generator.publish.build import build_site
    from generator.project import Project
    site = add_publishing(new_project(tmp_path_factory.mktemp("prose") / "project"))
    site.review("openai/mini", valid_review(
        name="Mini", pricing={"input": 0.40, "output": 1.60},
        summary="It costs {{ price.input }} per million input tokens; a 10M-token month is {{ cost 10M }}.",
        strengths=["Reads {{ context.exact }} at once."],
        limitations=["Writes at most {{ max_output.exact }} per response."],
        quirks=["Costs {{ ratio output openai/evil }} less than {{ openai/evil: name }} on output"],
        faq=[{"question": "Versus {{ openai/evil: name }}?", "answer": "{{ openai/evil: name }} charges {{ openai/evil: price.output }}."},
             {"question": "Braces?", "answer": "Write \\{{ price.input }} to show the braces."}],
    ))
    site.review("openai/evil", valid_review(name=EVIL, pricing={"input": 2.00, "output": 8.00}))
    site.raw("content/comparisons/evil-vs-mini.md",
             "---\nmodels: [openai/evil, openai/mini]\n"
             "verdict: 'Mini at {{ openai/mini: cost 10M }} a month beats {{ openai/evil: name }}.'\n"
             f"reviewed: {TODAY.isoformat()}\n---\n")
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, (result.error, [d.message for d in result.diagnostics])
    return result.site_dir


@pytest.fixture(scope="module")
def review(site_dir):
    return parse(site_dir, "models/openai/mini")


def test_a_binding_in_the_summary_renders_the_value(review):
    lead = "It costs $0.40 per million input tokens; a 10M-token month is $10.00."
    assert review.css_first(".mr-lead").text() == lead
    assert review.css_first('meta[name="description"]').attributes["content"] == lead


def test_strengths_limitations_and_quirks_render_their_values(review):
    assert [li.text() for li in review.css(".mr-pros li")] == ["Reads 128,000 tokens at once."]
    assert [li.text() for li in review.css(".mr-cons li")] == ["Writes at most 16,384 tokens per response."]
    assert [li.text() for li in review.css(".mr-quirks li")] == [f"Costs 5.0× less than {EVIL} on output"]


def test_faq_answers_expand_and_the_quirks_answer_uses_the_expanded_quirks(review):
    answers = {s.css_first("h3").text(): s.css_first("p").text() for s in review.css(".mr-faq__item")}
    assert answers[f"Versus {EVIL}?"] == f"{EVIL} charges $8.00."
    assert answers["Braces?"] == "Write {{ price.input }} to show the braces."
    assert answers["Does Mini have known quirks?"] == f"Costs 5.0× less than {EVIL} on output."


def test_expanded_names_are_escaped_text_not_markup(review):
    article = review.css_first("article")
    for tag in ("b", "em", "a[href='y']"):
        assert [n for n in article.css(f".mr-faq {tag}, .mr-quirks {tag}")] == [], tag
    assert "{{" not in article.css_first(".mr-quirks").text()


def test_a_binding_in_a_comparison_verdict_renders_the_value(site_dir):
    page = parse(site_dir, "compare/evil-vs-mini")
    assert page.css_first(".mr-verdict p").text() == f"Mini at $10.00 a month beats {EVIL}."
    assert page.css(".mr-verdict b") == []
