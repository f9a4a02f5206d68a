"""The readers' tools at the size of a real catalog: the whole models.dev snapshot, built.

The same checks as on the sample site (`test_browser_readers`, `test_browser_picker`),
driven on the 1,000-odd imported models: the filters pick what Python picks, the
calculator's bills and the sortable monthly-cost column equal the Python rule, and the
picker agrees with pre-rendered comparison pages (a spread of them: every one would
fetch thousands of pages). The all-models page carries its first 50 rows; the rest come
from `models/rows.html` when the reader sorts, filters, types volumes or asks for all, and
a reader without JavaScript finds every model on the provider pages.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest
import test_browser_picker as picker
import test_browser_readers as readers
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.render.api import model_summary
from generator.render.index import SiteIndex
from generator.render.listings import all_models
from generator.render.pages import providers_with_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LIMIT = 50   # the rows the all-models page carries (templates/partials/model_rows.html row_limit)
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


def _row_keys(page) -> list[str]:
    return page.eval_on_selector_all("#mr-models tbody tr", "rows => rows.map(r => r.querySelector('a').getAttribute('href').slice(0, -1))")


def _laid_out(page) -> int:
    return page.eval_on_selector_all("#mr-models tbody tr", "rows => rows.filter(r => getComputedStyle(r).display !== 'none').length")


def test_the_other_rows_come_only_when_the_reader_asks_for_all(page, served_catalog):
    base, catalog = served_catalog
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(base + "models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if url.endswith("/rows.html")]     # a first visit: the page's rows only
    order = [m.key for m in all_models(SiteIndex.of(catalog))]
    assert _row_keys(page) == order[:LIMIT] and page.locator("p.mr-nojs").is_hidden()
    assert page.locator('[data-filter-count="mr-models"]').text_content() == f"{len(order)} models"   # all, not the page's
    more = page.locator("p.mr-more button")
    assert more.inner_text() == f"Show all {len(order)} models ({LIMIT} shown)"
    more.click()
    page.locator("#mr-models[data-rows-complete]").wait_for(state="attached")
    assert [url for url in asked if url.endswith("/rows.html")] == [base + "models/rows.html"]
    assert _row_keys(page) == order and _laid_out(page) == len(order)   # every model once, in the page's order
    assert page.locator("p.mr-more").is_hidden()


def test_sorting_and_the_text_filter_reach_every_model(page, served_catalog):
    base, catalog = served_catalog
    page.goto(base + "models/")
    page.locator("table#mr-models[data-limit-ready]").wait_for(state="attached")
    page.locator("#mr-models thead th[data-col=ctx] button").click()
    keys = readers.visible_keys(page)                               # waits for every row
    contexts = [catalog.models[k].meta.context_window for k in keys]
    assert sorted(keys) == sorted(catalog.models) and contexts == sorted(contexts)
    assert _laid_out(page) == LIMIT and page.locator("#mr-models thead th[data-col=ctx]").get_attribute("aria-sort") == "ascending"
    last = [m for m in all_models(SiteIndex.of(catalog))][-1]      # not among the rows the page carries
    page.goto(base + "models/")
    page.locator("table#mr-models[data-limit-ready]").wait_for(state="attached")
    page.fill("#mr-model-filter", last.meta.name)
    keys = readers.visible_keys(page)
    words = last.meta.name.lower().split()
    texts = page.eval_on_selector_all("#mr-models tbody tr:not([hidden])", "rows => rows.map(r => r.textContent.toLowerCase())")
    assert last.key in keys and len(texts) == len(keys) and all(all(w in t for w in words) for t in texts)
    count = page.locator('[data-filter-count="mr-models"]').text_content()
    assert count == f"{len(keys)} model{'' if len(keys) == 1 else 's'}"


def test_typed_volumes_fill_the_cost_column_of_every_row(page, served_catalog):
    base, catalog = served_catalog
    page.goto(base + "models/")
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")
    page.locator("details.mr-panel summary").nth(1).click()
    page.fill('form.mr-calc input[name="in"]', "1000000")
    page.locator("#mr-models[data-rows-complete]").wait_for(state="attached")
    cells = dict(page.eval_on_selector_all(
        "#mr-models tbody tr", "rows => rows.map(r => [r.querySelector('a').getAttribute('href').slice(0, -1), "
                               "r.cells[r.parentNode.parentNode.querySelector('th[data-col=cost]').cellIndex].textContent])"))
    assert cells == {k: readers.python_bill(m.meta.pricing, (1_000_000, 0, 0), False) for k, m in catalog.models.items()}


def test_without_javascript_every_model_is_a_link_away(chromium, served_catalog):
    base, catalog = served_catalog
    context = chromium.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base + "models/")
        assert tab.locator("#mr-models tbody tr").count() == LIMIT
        note = tab.locator("p.mr-nojs")
        assert note.is_visible() and f"first {LIMIT} of the {len(catalog.models)} models" in note.inner_text()
        assert note.locator("a").evaluate_all("links => links.map(a => a.href)") == [base + "providers/", base + "brackets/"]
    finally:
        context.close()
    with urllib.request.urlopen(base + "providers/") as response:
        listed = {urllib.parse.urljoin(base + "providers/", a.attributes["href"])
                  for a in HTMLParser(response.read().decode()).css("a[href]")}
    reached = set()
    for key in providers_with_pages(catalog):
        url = base + f"providers/{key}/"
        assert url in listed
        with urllib.request.urlopen(url) as response:
            reached |= {urllib.parse.urljoin(url, a.attributes["href"]) for a in HTMLParser(response.read().decode()).css("a[href]")}
    assert {base + m.url for m in catalog.models.values()} <= reached


def _boxes(page) -> list[tuple[int, int]]:
    return page.eval_on_selector_all("article > *, article h2, article table, article form, article tr",
                                     "els => els.map(e => { const r = e.getBoundingClientRect(); "
                                     "return [Math.round(r.top), Math.round(r.height)]; })")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_models_page_is_laid_out_before_its_scripts_come_at_catalog_size(chromium, served_catalog, width):
    """As `test_browser_light` holds it on the sample: nothing on the first screen moves when the
    scripts come. Here the "Show all" button appears too, below the table (hidden, it had no box)."""
    base, _ = served_catalog
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.route("**/*.js", lambda route: route.abort())        # the page as first painted
        tab.goto(base + "models/")
        before = _boxes(tab)
        first_screen = [i for i, (top, height) in enumerate(before) if height and top < 900]
        tab = context.new_page()
        tab.goto(base + "models/")
        tab.locator("html[data-mr-scripts]").wait_for(state="attached")
        tab.wait_for_load_state("networkidle")
        after = _boxes(tab)
        assert len(first_screen) > 10 and [after[i][0] for i in first_screen] == [before[i][0] for i in first_screen]
        assert tab.locator("p.mr-more").is_visible() and tab.locator("p.mr-more").bounding_box()["y"] > 900
    finally:
        context.close()
