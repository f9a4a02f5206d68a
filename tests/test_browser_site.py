"""The built sample site in headless Chromium: what a reader sees and can do.

The site is built once from a copy of the repository's sample content with
`build_site` (what `modelreview build` runs) and served as static files. Expected
values come from the catalog and the site's own formatters, never typed here.
"""

from __future__ import annotations

import pytest

from generator.render.format import filters

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

KEY = "openai/gpt-4.1-mini"
FORMAT = filters()


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
    assert card == {
        "Provider": model.provider.name,
        "Bracket": model.bracket.name,
        "Grade": f"{model.grade_label} ({model.meta.grade.score}/{catalog.config.grading.max})",
        "Context": FORMAT["tokens_short"](model.meta.context_window) + " tokens",
        "Input price": FORMAT["price"](model.meta.pricing.input) + "/1M tokens",
        "Output price": FORMAT["price"](model.meta.pricing.output) + "/1M tokens",
        "Model ID": model.record.model_id,
        "Last benchmarked": FORMAT["date"](model.meta.grade.benchmarked),
    }
    assert page.locator("p.mr-dates").inner_text().startswith(f"Reviewed {FORMAT['date'](model.meta.reviewed)}")
    page.locator(".mr-spec-card a", has_text=model.provider.name).click()
    page.wait_for_url(f"{base}providers/{model.record.provider}/")


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        "#mr-models tbody tr:not([hidden])",
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort'))")


def test_the_all_models_table_sorts_by_a_clicked_column_and_filters(page, served_sample):
    base, catalog = served_sample
    page.goto(f"{base}models/")
    headings = page.locator("#mr-models thead th").all_inner_texts()
    column = headings.index("Input /1M")
    names = _column(page, 0)
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
    rows = page.locator(".mr-volumes tbody tr")
    assert rows.count() == len(catalog.config.volumes.monthly_tokens)
    for i, (cost_a, cost_b) in enumerate(zip(a.costs, b.costs)):
        cells = rows.nth(i).locator("td").all_inner_texts()
        cheaper = a if cost_a.usd < cost_b.usd else b if cost_b.usd < cost_a.usd else None
        assert cells == [FORMAT["bill"](cost_a.usd), FORMAT["bill"](cost_b.usd),
                         cheaper.meta.name if cheaper else "Same", FORMAT["bill"](abs(cost_a.usd - cost_b.usd))]
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
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"/{path} is {overflow}px wider than a {width}px screen"
    finally:
        context.close()
