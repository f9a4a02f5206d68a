"""The reader's tools in headless Chromium: the cost calculator and the all-models filters.

The browser computes from the open-data API; every expected value here comes from
the Python rules (`usage_cost`, `format_computed_amount`) and the catalog, so a
disagreement between the two implementations fails a test.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from generator.base.formatting import format_computed_amount
from generator.catalog.usage import usage_cost
from generator.load.schema import Pricing
from generator.render.api import model_summary

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

KEY = "openai/gpt-4.1-mini"
VOLUMES = [(0, 0, 1), (1, 0, 0), (4_000_000, 500_000, 1_000_000), (12_345, 6_789, 1_011), (125, 0, 0),
           (10**12, 10**9, 3 * 10**11), (2_500_000, 0, 2_500_000)]


def python_bill(pricing: Pricing, volume: tuple[int, int, int], batch: bool) -> str:
    cost = usage_cost(pricing, *volume, batch=batch)
    return "no batch price" if cost is None else format_computed_amount(cost)


def js_bills(page, cases: list[tuple[dict, tuple[int, int, int], bool]]) -> list[str]:
    return page.evaluate("""cases => cases.map(([pricing, v, batch]) =>
        window.modelreviewMoney.formatAmount(window.modelreviewMoney.usageCost(pricing, v[0], v[1], v[2], batch)))""",
                         [[p, list(v), b] for p, v, b in cases])


def test_browser_bills_equal_python_bills_for_every_model(page, served_sample):
    base, catalog = served_sample
    page.goto(base + "models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
    cases, expected = [], []
    for model in catalog.models.values():
        pricing = json.loads(json.dumps(model_summary(model)["pricing"]))   # as the browser reads the API
        for volume in VOLUMES:
            for batch in (False, True):
                cases.append((pricing, volume, batch))
                expected.append(python_bill(model.meta.pricing, volume, batch))
    assert js_bills(page, cases) == expected


@pytest.mark.parametrize("prices", [("0.075", "0.3", None), ("0.0375", "0.15", "0.01875"), ("1e-7", "0.000003", None),
                                    ("0.005", "0.015", "0.0025"), ("2.5", "10", "1.25")])
def test_browser_rounds_half_cents_like_python(page, served_sample, prices):
    base, _ = served_sample
    page.goto(base + "models/")   # calculator.js comes only to pages with a calculator
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
    given_input, given_output, cached = (Decimal(p) if p else None for p in prices)
    pricing = Pricing(input=given_input, output=given_output, cached_input=cached, verified="2026-11-01")
    as_json = json.loads(json.dumps({"input": float(given_input), "output": float(given_output),
                                     "cached_input": float(cached) if cached is not None else None, "batch": None}))
    volumes = [(1, 0, 0), (1_000_000, 0, 0), (333_333, 333_333, 333_334), (100, 0, 0), (66_667, 0, 0), (7, 3, 1)]
    got = js_bills(page, [(as_json, v, False) for v in volumes])
    assert got == [python_bill(pricing, v, False) for v in volumes]


def test_review_calculator_by_keyboard_and_url(page, served_sample):
    base, catalog = served_sample
    model = catalog.models[KEY]
    page.goto(base + f"models/{KEY}/")
    form = page.locator("form.mr-calc")
    form.wait_for(state="visible")
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")   # shown before its script comes
    field = form.locator('input[name="in"]')
    field.focus()
    page.keyboard.type("3,000,000")
    page.keyboard.press("Tab")
    page.keyboard.type("250000")
    page.keyboard.press("Tab")
    page.keyboard.type("750000")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")   # batch on
    expected = python_bill(model.meta.pricing, (3_000_000, 250_000, 750_000), True)
    output = form.locator(f'output[data-calc-result="{KEY}"]')
    assert output.text_content() == expected
    assert "in=3000000" in page.url and "batch=1" in page.url
    page.goto(page.url)
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")
    assert page.locator(f'output[data-calc-result="{KEY}"]').text_content() == expected
    field = page.locator('form.mr-calc input[name="out"]')
    field.fill("12abc")
    assert field.get_attribute("aria-invalid") == "true"
    assert page.locator(".mr-calc__error").is_visible()


def test_comparison_calculator_shows_both_models(page, served_sample):
    base, catalog = served_sample
    pair = next(iter(catalog.pairs.values()))
    page.goto(base + pair.url + "?in=2000000&out=500000")
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")
    for key in (pair.a, pair.b):
        pricing = catalog.models[key].meta.pricing
        assert page.locator(f'output[data-calc-result="{key}"]').text_content() == \
            python_bill(pricing, (2_000_000, 0, 500_000), False)


def python_filter(model, caps: set[str], min_context: int | None, max_price: Decimal | None) -> bool:
    """The all-models filter rules, as calculator.js `matches` applies them."""
    meta = model.meta
    has = {"tools": meta.capabilities.tool_calling, "structured": meta.capabilities.structured_output,
           "reasoning": meta.capabilities.reasoning, "vision": "image" in meta.modalities.input,
           "open": meta.capabilities.open_weights}
    from generator.base.costs import round_money
    return (all(has[c] for c in caps) and (min_context is None or meta.context_window >= min_context)
            and (max_price is None or round_money(model.blended) <= max_price))


def visible_keys(page) -> list[str]:
    # A filter or sort at catalog size waits for the rows the page leaves out (tables.js allRows).
    page.locator("#mr-models[data-rows-complete]").wait_for(state="attached")
    return page.eval_on_selector_all("#mr-models tbody tr:not([hidden])", "rows => rows.map(r => r.querySelector('a').getAttribute('href').slice(0, -1))")


@pytest.mark.parametrize("caps,ctx,max_price", [({"tools"}, None, None), ({"tools", "vision"}, None, "3"),
                                                ({"reasoning"}, 200000, None), (set(), 1000000, "0.5"),
                                                ({"open"}, None, None)])
def test_filters_show_the_models_python_picks(page, served_sample, caps, ctx, max_price):
    base, catalog = served_sample
    page.goto(base + "models/")
    page.locator("form.mr-filters[data-filters-loaded]").wait_for(state="attached")
    page.locator("details.mr-panel summary").first.click()
    for cap in caps:
        page.locator(f'form.mr-filters input[value="{cap}"]').check()
    if ctx:
        page.locator('form.mr-filters input[name="ctx"]').fill(str(ctx))
    if max_price:
        page.locator('form.mr-filters input[name="max"]').fill(max_price)
    expected = sorted(k for k, m in catalog.models.items()
                      if python_filter(m, caps, ctx, Decimal(max_price) if max_price else None))
    assert sorted(visible_keys(page)) == expected
    count = page.locator('[data-filter-count="mr-models"]').text_content()
    assert count == f"{len(expected)} model{'' if len(expected) == 1 else 's'}"
    if caps:
        assert "caps=" in page.url
    page.goto(page.url)   # the state survives a reload: the link can be shared
    page.locator("form.mr-filters[data-filters-loaded]").wait_for(state="attached")
    assert sorted(visible_keys(page)) == expected
    assert page.locator("details.mr-panel").first.get_attribute("open") is not None or not (caps or ctx or max_price)


def test_your_monthly_cost_column_fills_and_sorts(page, served_sample):
    base, catalog = served_sample
    page.goto(base + "models/?in=1000000&out=1000000&cached=0")
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")   # with every row, at any size
    cells = dict(page.eval_on_selector_all(
        "#mr-models tbody tr", "rows => rows.map(r => [r.querySelector('a').getAttribute('href').slice(0, -1), r.cells[r.parentNode.parentNode.querySelector('th[data-col=cost]').cellIndex].textContent])"))
    assert cells == {k: python_bill(m.meta.pricing, (1_000_000, 0, 1_000_000), False) for k, m in catalog.models.items()}
    page.get_by_role("button", name="Your monthly cost").click()
    ordered = visible_keys(page)
    bills = [usage_cost(catalog.models[k].meta.pricing, 1_000_000, 0, 1_000_000) for k in ordered]
    assert bills == sorted(bills)


def test_filters_stay_usable_on_a_phone(chromium, served_sample):
    base, _ = served_sample
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + "models/?caps=tools")
        page.locator("form.mr-filters[data-filters-loaded]").wait_for(state="attached")
        form = page.locator("form.mr-filters")
        assert form.is_visible()
        box = form.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        for box in page.locator("form.mr-filters label").all():
            assert box.bounding_box()["height"] >= 24   # a finger can hit each one
    finally:
        context.close()
