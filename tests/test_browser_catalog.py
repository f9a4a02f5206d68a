"""The readers' tools at the size of a real catalog: the whole models.dev snapshot, built.

The same checks as on the sample site (`test_browser_readers`, `test_browser_picker`),
driven on the 1,000-odd imported models: the filters pick what Python picks, the
calculator's bills and the sortable monthly-cost column equal the Python rule, and the
picker agrees with pre-rendered comparison pages (a spread of them: every one would
fetch thousands of pages).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import test_browser_picker as picker
import test_browser_readers as readers

from generator.render.api import model_summary

pytestmark = [pytest.mark.browser, pytest.mark.slow]
pytest_plugins = ["browser_helpers"]


def test_bills_equal_python_bills_for_every_catalog_model(page, served_catalog):
    base, catalog = served_catalog
    page.goto(base + "models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
    cases, expected = [], []
    for model in catalog.models.values():
        pricing = json.loads(json.dumps(model_summary(model)["pricing"]))
        for volume in readers.VOLUMES[:4]:
            cases.append((pricing, volume, False))
            expected.append(readers.python_bill(model.meta.pricing, volume, False))
    assert readers.js_bills(page, cases) == expected


@pytest.mark.parametrize("caps,ctx,max_price", [({"tools"}, None, None), ({"tools", "vision"}, None, "3"),
                                                ({"reasoning"}, 200000, None), ({"open"}, None, "1")])
def test_filters_pick_what_python_picks_in_the_catalog(page, served_catalog, caps, ctx, max_price):
    readers.test_filters_show_the_models_python_picks(page, served_catalog, caps, ctx, max_price)


def test_the_monthly_cost_column_fills_and_sorts_in_the_catalog(page, served_catalog):
    readers.test_your_monthly_cost_column_fills_and_sorts(page, served_catalog)


def test_a_review_calculator_in_the_catalog(page, served_catalog):
    base, catalog = served_catalog
    key = sorted(catalog.models)[len(catalog.models) // 2]
    page.goto(base + f"models/{key}/?in=3000000&cached=250000&out=750000")
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")
    expected = readers.python_bill(catalog.models[key].meta.pricing, (3_000_000, 250_000, 750_000), False)
    assert page.locator(f'output[data-calc-result="{key}"]').text_content() == expected


def test_the_picker_agrees_with_a_spread_of_catalog_comparison_pages(page, served_catalog):
    base, catalog = served_catalog
    pairs = list(catalog.pairs.values())
    assert len(pairs) > 1000
    picker.assert_picker_matches_pages(page, base, catalog, pairs[::len(pairs) // 40])


def test_the_filters_stay_usable_on_a_phone_at_catalog_size(chromium, served_catalog):
    readers.test_filters_stay_usable_on_a_phone(chromium, served_catalog)


def test_max_price_is_read_as_the_rounded_blended_price(page, served_catalog):
    base, catalog = served_catalog
    page.goto(base + "models/?max=0.5")
    page.locator("form.mr-filters[data-filters-loaded]").wait_for(state="attached")
    expected = sorted(k for k, m in catalog.models.items() if readers.python_filter(m, set(), None, Decimal("0.5")))
    assert sorted(readers.visible_keys(page)) == expected and expected
