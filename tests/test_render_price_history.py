"""The review page shows the price history with each entry's change, next to when prices were verified."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import TODAY, valid_review
from render_sample import add_publishing, new_project, parse, table_rows

from generator.base.formatting import format_change
from generator.render.review import percent_change, price_history
from generator.load.schema import PriceChange

D = Decimal


def _entry(day: str, input: str, output: str, cached: str | None = None) -> PriceChange:
    return PriceChange(date=dt.date.fromisoformat(day), input=D(input), output=D(output),
                       cached_input=D(cached) if cached else None)


def test_each_entry_is_compared_with_the_one_before():
    rows = price_history([_entry("2024-05-13", "5.00", "15.00"),
                          _entry("2024-08-06", "2.50", "10.00", "1.25"),
                          _entry("2025-01-01", "2.50", "10.00", "1.25"),
                          _entry("2025-06-01", "3.00", "10.00")])
    assert [(r.date.isoformat(), r.input_change, r.output_change, r.cached_input_change, r.change, r.current)
            for r in rows] == [
        ("2024-05-13", None, None, None, "First recorded", False),
        ("2024-08-06", D("-50"), (D("10.00") - D("15.00")) / D("15.00") * 100, None,
         "Input −50%, output −33%, cached input added", False),
        ("2025-01-01", D("0"), D("0"), D("0"), "No change", False),
        ("2025-06-01", D("20"), D("0"), None, "Input +20%, cached input not listed", True),
    ]


def test_a_price_that_was_free_has_no_percentage():
    assert percent_change(D("0"), D("1")) is None
    assert percent_change(None, D("1")) is None
    rows = price_history([_entry("2025-01-01", "0", "1.00"), _entry("2025-02-01", "0.10", "0.90")])
    assert rows[1].change == "Input from free, output −10%"


def test_no_history_no_rows():
    assert price_history([]) == []


@pytest.mark.parametrize("percent, text", [
    ("-50", "−50%"), ("-33.3333", "−33%"), ("20", "+20%"), ("2.5", "+2.5%"), ("0", "0%"), ("-0.04", "0%"),
])
def test_format_change_shows_the_sign(percent, text):
    assert format_change(D(percent)) == text


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from generator.publish.build import build_site
    from generator.project import Project
    site = add_publishing(new_project(tmp_path_factory.mktemp("history") / "project"))
    site.review("openai/gpt-4o", valid_review(
        name="GPT-4o", bracket="premium",
        pricing={"input": 2.50, "output": 10.00, "cached_input": 1.25, "verified": dt.date(2026, 7, 2)},
        price_history=[{"date": dt.date(2024, 5, 13), "input": 5.00, "output": 15.00},
                       {"date": dt.date(2024, 8, 6), "input": 2.50, "output": 10.00, "cached_input": 1.25}]))
    site.review("openai/plain", valid_review(name="Plain", pricing={"verified": dt.date(2026, 6, 30)}))
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, (result.error, [d.message for d in result.diagnostics])
    return result.site_dir


def test_the_review_page_shows_the_history_table(site_dir):
    page = parse(site_dir, "models/openai/gpt-4o")
    assert table_rows(page.css_first(".mr-history")) == [
        ["In force from", "Input /1M", "Output /1M", "Cached input /1M", "Change vs previous"],
        ["2024-05-13", "$5.00", "$15.00", "—", "First recorded"],
        ["2024-08-06(current)", "$2.50", "$10.00", "$1.25", "Input −50%, output −33%, cached input added"],
    ]
    assert [tr.attributes.get("class") for tr in page.css(".mr-history tbody tr")] == [None, "mr-current"]
    heading = page.css_first("h3#price-history")
    assert heading is not None
    note = heading.next
    while note is not None and note.tag != "p":
        note = note.next
    assert note.text() == "OpenAI API list prices per 1M tokens, oldest first. Prices last verified 2026-07-02."


def test_a_review_without_history_says_so(site_dir):
    page = parse(site_dir, "models/openai/plain")
    assert page.css(".mr-history") == []
    notes = [p.text() for p in page.css("p.mr-note")]
    assert "No price history recorded yet. Prices last verified 2026-06-30." in notes
