"""Charts drawn at build time: accessible SVG beside the table holding their numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import valid_review
from generator.render.site import SiteRenderer
from render_sample import build_sample, parse, sample_catalog

D = dt.date


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("charts") / "project")


def check_chart(figure, title_words: list[str], axis_labels: list[str]) -> None:
    svg = figure.css_first("svg")
    assert svg.attributes["role"] == "img"
    title_id, desc_id = svg.attributes["aria-labelledby"].split()
    title, desc = figure.css_first(f"#{title_id}"), figure.css_first(f"#{desc_id}")
    assert title.tag == "title" and desc.tag == "desc" and len(desc.text()) > 40
    assert all(word in title.text() for word in title_words)
    labels = [t.text() for t in figure.css("text.mr-chart__axis-label")]
    assert all(any(label in text for text in labels) for label in axis_labels), labels
    html = figure.html
    assert "fill=\"#" not in html and "stroke=\"#" not in html and "style=" not in html  # colours from CSS only


def test_comparison_cost_bars_beside_the_cost_table(site_dir):
    page = parse(site_dir, "compare/gpt-4.1-vs-gpt-4.1-mini")
    figure = page.css_first("figure.mr-chart")
    check_chart(figure, ["GPT-4.1", "GPT-4.1 mini"], ["Monthly cost in USD"])
    assert "mr-volumes" in _previous_class(figure)
    values = [t.text() for t in figure.css("text.mr-chart__value")]
    table = [td.text() for row in page.css(".mr-volumes tbody tr") for td in row.css("td")[:2]]
    assert values == table   # the bars print the bills the table shows, in the same order


def _previous_class(node) -> str:
    while node.prev is not None:
        node = node.prev
        if node.tag != "-text":
            return node.attributes.get("class") or ""
    return ""


def test_bracket_chart_precedes_its_table(site_dir):
    page = parse(site_dir, "brackets/value")
    figure = page.css_first("figure.mr-chart")
    check_chart(figure, ["Value"], ["Blended price per 1M tokens", "Grade"])
    node = figure.next
    while node.tag == "-text":
        node = node.next
    assert "mr-peers" in node.attributes["class"]


def test_price_history_step_chart(site):
    site.review("openai/moved", valid_review(
        name="Moved", pricing={"input": 0.2, "output": 0.8, "verified": D(2026, 11, 1)},
        price_history=[{"date": D(2025, 1, 1), "input": 0.4, "output": 1.6},
                       {"date": D(2026, 3, 1), "input": 0.2, "output": 0.8}]))
    site.review("openai/still", valid_review(name="Still"))
    renderer = SiteRenderer(sample_catalog(site))
    moved = LexborHTMLParser(renderer.render("models/openai/moved.md"))
    figure = moved.css_first("figure.mr-chart")
    check_chart(figure, ["Moved", "price history"], ["Date the price took effect", "USD per 1M tokens"])
    assert "from $0.40 to $0.20" in figure.css_first("desc").text()
    paths = [p.attributes["d"] for p in figure.css("path.mr-chart__line")]
    assert len(paths) == 2 and all(d.count("V") == 1 for d in paths)   # one step: one price change
    still = LexborHTMLParser(renderer.render("models/openai/still.md"))
    assert still.css("figure.mr-chart") == []   # no history, no chart


def test_home_chart_and_its_numbers(site_dir):
    page = parse(site_dir, "")
    figure = page.css_first("figure.mr-chart")
    check_chart(figure, ["Price against grade"], ["Blended price", "Grade"])
    marks = figure.css("circle.mr-chart__mark")
    rows = page.css(".mr-chart-data tbody tr")
    assert len(marks) == len(rows) >= 2
    assert sorted(m.css_first("title").text() for m in marks) == sorted(r.css_first("th").text() for r in rows)
