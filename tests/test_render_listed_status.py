"""Listings mark a deprecated or retired model next to its name, from its lifecycle data."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.render import render_site
from render_sample import sample_catalog
from conftest import valid_review


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from render_sample import new_project
    site = new_project(tmp_path_factory.mktemp("status") / "project")
    site.review("openai/current", valid_review(name="Current", alternatives=["openai/old"],
                                                  grade={"score": 2.5, "benchmarked": dt.date(2026, 4, 1)}))
    site.review("openai/old", valid_review(
        name="Old", pricing={"input": 0.30, "output": 1.50},
        lifecycle={"status": "deprecated", "date": dt.date(2026, 6, 1), "successor": "openai/current"},
        offers=[{"provider": "azure", "input": 0.30, "output": 1.50, "verified": dt.date(2026, 11, 1)}]))
    site.review("openai/gone", valid_review(
        name="Gone", pricing={"input": 0.20, "output": 1.20},
        lifecycle={"status": "retired", "date": dt.date(2026, 9, 1)}))
    return render_site(sample_catalog(site))


def _names(markdown: str, selector: str) -> list[str]:
    """The text of each row's name cell: the link and whatever follows it in the cell."""
    page = LexborHTMLParser(markdown)
    return [" ".join(cell.text().split()) for cell in page.css(selector)]


def test_tables_mark_deprecated_and_retired_models(rendered):
    assert _names(rendered["models/index.md"], "#mr-models tbody tr td:first-child") == [
        "Current", "Gone (retired)", "Old (deprecated)"]
    assert _names(rendered["brackets/value.md"], ".mr-peers tbody th") == [
        "Gone (retired)", "Old (deprecated)", "Current Best value"]
    assert _names(rendered["providers/openai.md"], ".mr-peers tbody th") == [
        "Gone (retired)", "Old (deprecated)", "Current"]
    assert _names(rendered["index.md"], ".mr-latest tbody th") == ["Current", "Gone (retired)", "Old (deprecated)"]
    assert _names(rendered["providers/azure.md"], ".mr-offers tbody th") == ["Old (deprecated)"]


def test_review_lists_mark_them_too(rendered):
    review = rendered["models/openai/current.md"]
    alternatives = _names(review, ".mr-alternatives tbody th")
    assert alternatives[0] == "Old (deprecated) OpenAI"
    assert "Gone (retired) OpenAI" in alternatives
    links = [" ".join(li.text().split()) for li in LexborHTMLParser(review).css("ul.mr-links li")]
    assert "Gone (retired) Value · $0.20 / $1.20 per 1M tokens" in links
    assert "Old (deprecated) Value · $0.30 / $1.50 per 1M tokens" in links


def test_the_marker_is_not_typed_text(rendered):
    page = LexborHTMLParser(rendered["models/index.md"])
    markers = [span.text() for span in page.css(".mr-status")]
    assert markers == ["(retired)", "(deprecated)"]              # one per non-active model, none for Current
