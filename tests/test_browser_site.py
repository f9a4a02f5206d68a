"""The built sample site in headless Chromium: what a reader sees and can do.

The site is built once from a copy of the repository's sample content with
`build_site` (what `modelreview build` runs) and served as static files. Expected
values are literals worked out by hand from the sample's front matter, so a wrong
formatter or a wrong sum fails here instead of agreeing with itself.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

KEY = "openai/gpt-4.1-mini"


def _spec_card(page) -> dict[str, str]:
    card = page.locator(".mr-spec-card")
    card.wait_for(state="visible")
    labels = card.locator("dt").all_text_contents()      # the words, not their CSS capitals
    values = card.locator("dd").all_inner_texts()
    return dict(zip(labels, values))


def test_the_review_page_shows_the_spec_card_from_data(page, served_sample):
    base, catalog = served_sample
    model = catalog.models[KEY]
    page.goto(f"{base}{model.url}")
    assert page.locator("article h1").inner_text() == model.meta.name
    card = _spec_card(page)
    assert card == {                                     # content/models/openai/gpt-4.1-mini.md
        "Provider": "OpenAI",
        "Bracket": "Value",
        "Grade": "Strong (2.58/3)",
        "Context": "1M tokens",                          # 1,047,576
        "Input price": "$0.40/1M tokens",
        "Output price": "$1.60/1M tokens",
        "Model ID": "gpt-4.1-mini",
        "Last benchmarked": "2026-04-11",
    }
    assert page.locator("p.mr-dates").inner_text().startswith("Reviewed 2026-11-20")
    page.locator(".mr-spec-card a", has_text=model.provider.name).click()
    page.wait_for_url(f"{base}providers/{model.record.provider}/")


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        "#mr-models tbody tr:not([hidden])",
        f"rows => rows.map(r => window.modelreviewTables.sortKey(r.cells[{index}]))")


def test_the_all_models_table_sorts_by_a_clicked_column_and_filters(page, served_sample):
    base, catalog = served_sample
    page.goto(f"{base}models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
    headings = page.locator("#mr-models thead th").all_inner_texts()
    column = headings.index("Input /1M")
    names = [name.lower() for name in _column(page, 0)]
    assert names == sorted(m.meta.name.lower() for m in catalog.models.values())

    button = page.locator("#mr-models thead th").nth(column).locator("button")
    button.click()
    ascending = [float(v) for v in _column(page, column)]
    assert ascending == sorted(float(m.meta.pricing.input) for m in catalog.models.values())
    assert page.locator("#mr-models thead th").nth(column).get_attribute("aria-sort") == "ascending"
    button.click()
    assert [float(v) for v in _column(page, column)] == sorted(ascending, reverse=True)
    assert page.locator("#mr-models thead th").nth(column).get_attribute("aria-sort") == "descending"

    page.fill("#mr-model-filter", "openai")
    shown = page.locator("#mr-models tbody tr:not([hidden])")
    expected = [m for m in catalog.models.values() if m.provider.name.lower() == "openai"]
    assert shown.count() == len(expected) > 0
    assert page.locator("[data-filter-count=mr-models]").inner_text() == f"{len(expected)} models"


def test_a_comparison_page_says_which_is_cheaper_with_computed_costs(page, served_sample):
    base, catalog = served_sample
    model = catalog.models[KEY]
    pair = catalog.pairs[model.pairs[0]]
    a, b = catalog.models[pair.a], catalog.models[pair.b]
    page.goto(f"{base}{model.url}")
    page.locator(f"a[href$='{pair.url}']").first.click()       # reached from the review page
    page.wait_for_url(f"{base}{pair.url}")
    assert page.locator("article h1").inner_text() == f"{a.meta.name} vs {b.meta.name}"
    assert pair.slug == "claude-3-haiku-20240307-vs-gpt-4.1-mini"
    # Half input, half output: Haiku 3 (0.25 + 1.25) / 2 = $0.75 per 1M, GPT-4.1 mini (0.40 + 1.60) / 2 = $1.00.
    rows = page.locator(".mr-volumes tbody tr")
    assert [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())] == [
        ["$0.75", "$1.00", "Claude Haiku 3", "$0.25"],
        ["$7.50", "$10.00", "Claude Haiku 3", "$2.50"],
        ["$75.00", "$100.00", "Claude Haiku 3", "$25.00"],
    ]
    statements = page.locator("article ul.mr-statements").first.locator("li").all_inner_texts()
    assert any("cheaper on output" in s or "cost" in s for s in statements)


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_is_wider_than_the_screen(chromium, served_sample, width):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways."""
    base, catalog = served_sample
    model = catalog.models[KEY]
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in ("", model.url, catalog.pairs[model.pairs[0]].url, "models/"):
            page.goto(f"{base}{path}")
            page.wait_for_load_state("load")
            page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"/{path} is {overflow}px wider than a {width}px screen"
    finally:
        context.close()
