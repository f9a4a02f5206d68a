"""Compare any models on /compare/: the browser's numbers are the pre-rendered pages' numbers.

For every pre-rendered pair the picker's monthly bills must equal the bills on that
pair's page, and its price relations ("5.0× cheaper") the ones Python computes for
the page; then the picker is driven by keyboard and its choice survives a reload.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.base.formatting import format_computed_amount, format_price
from generator.render.compare import comparison_page
from generator.render.index import SiteIndex

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

COMPARE_ALL = """async pairs => {
  const doc = await (await fetch('../api/models.json')).json();
  const byKey = Object.fromEntries(doc.models.map(m => [m.key, m]));
  return pairs.map(([a, b]) => {
    const r = window.modelreviewCompare.compare([byKey[a], byKey[b]], doc.rules);
    const g = r.gaps[0];
    const rel = x => x === null ? null : [x.cheaper ? x.cheaper.key : null, x.relation];
    return {bills: r.bills.map(v => v.bills), prices: r.prices.map(p => [p.input, p.output, p.blended]),
            gaps: [rel(g.input), rel(g.output), rel(g.cached), rel(g.mix)]};
  });
}"""


def test_picker_agrees_with_every_pre_rendered_pair(page, served_sample):
    base, catalog = served_sample
    assert_picker_matches_pages(page, base, catalog, list(catalog.pairs.values()))


def assert_picker_matches_pages(page, base, catalog, pairs) -> None:
    """The picker's bills and price relations for each pair equal that pair's pre-rendered page."""
    index = SiteIndex.of(catalog)
    page.goto(base + "compare/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
    results = page.evaluate(COMPARE_ALL, [[p.a, p.b] for p in pairs])
    for pair, got in zip(pairs, results):
        view = comparison_page(index, pair)
        html = LexborHTMLParser(page.request.get(base + pair.url).text())
        shown = [[td.text() for td in row.css("td")[:2]] for row in html.css(".mr-volumes tbody tr")]
        assert got["bills"] == shown and shown, pair.slug
        a, b = catalog.models[pair.a], catalog.models[pair.b]
        assert got["prices"] == [[format_price(m.meta.pricing.input), format_price(m.meta.pricing.output),
                                  format_computed_amount(m.blended)] for m in (a, b)], pair.slug
        by_dimension = {g.dimension: g for g in view.gaps}
        expected = [by_dimension["input"], by_dimension["output"], by_dimension.get("cached input"), view.gaps[-1]]
        assert got["gaps"] == [None if g is None else [g.cheaper.key if g.cheaper else None, g.relation]
                               for g in expected], pair.slug


def test_picker_by_keyboard_and_shared_link(page, served_sample):
    base, catalog = served_sample
    page.goto(base + "compare/")
    page.locator("form.mr-picker[data-picker-loaded]").wait_for(state="attached")
    keys = ["openai/gpt-4.1", "openai/gpt-4.1-mini", "google/gemini-2.5-flash"]
    labels = [f"{catalog.models[k].meta.name} ({k.split('/')[0]})" for k in keys]
    page.locator('form.mr-picker input[name="m1"]').focus()
    for label in labels:
        page.keyboard.type(label)
        page.keyboard.press("Tab")
    page.locator(f'form.mr-picker[data-picker-shown="{",".join(keys)}"]').wait_for(state="attached")
    head = page.locator("#mr-picker-out thead th a").all_text_contents()
    assert head == [catalog.models[k].meta.name for k in keys]
    assert "models=" in page.url
    shared = page.url
    page.goto(shared)
    page.locator(f'form.mr-picker[data-picker-shown="{",".join(keys)}"]').wait_for(state="attached")
    bills = page.locator("#mr-picker-out tr.mr-picker__bill").first.locator("td").all_text_contents()
    assert bills == [format_computed_amount(catalog.models[k].costs[0].usd) for k in keys]
    page.locator('form.mr-picker input[name="m2"]').fill("No such model")
    page.locator('form.mr-picker input[name="m2"]').dispatch_event("change")
    assert page.locator('form.mr-picker input[name="m2"]').get_attribute("aria-invalid") == "true"
    assert "No model called" in page.locator(".mr-picker__message").text_content()
