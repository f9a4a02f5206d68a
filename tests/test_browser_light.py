"""A light first visit: what a page downloads does not grow with the catalog, except what it shows.

The all-models table and the picker carry their own data (no `api/models.json`), pages
load only the scripts they use, and the all-models table lays out its first rows until
the reader asks for all. The byte budget itself is measured by `bench/first_visit.py`.
"""

from __future__ import annotations

import urllib.request

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]


def _requests(page, url: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return seen


@pytest.mark.parametrize("path", ["models/", "compare/"])
def test_the_table_and_the_picker_download_no_catalog(page, served_sample, path):
    base, _ = served_sample
    fetched = _requests(page, base + path)
    assert not [u for u in fetched if "/api/" in u]
    ready = "form.mr-filters[data-filters-loaded]" if path == "models/" else "form.mr-picker[data-picker-loaded]"
    page.locator(ready).wait_for(state="attached")


def test_a_page_loads_only_the_scripts_it_uses_after_its_first_paint(page, served_sample):
    base, _ = served_sample
    scripts = {u.rsplit("/", 1)[1] for u in _requests(page, base) if u.endswith(".js")}
    assert {"tables.js", "a11y.js"} <= scripts and not {"calculator.js", "picker.js"} & scripts
    with urllib.request.urlopen(base) as response:   # the page as served: no script tag blocks or races the paint
        assert not HTMLParser(response.read().decode()).css("script[src]")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")
    starts = page.evaluate("""() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
        return performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'))
            .map(r => [r.name.split('/').pop(), r.startTime >= paint]); }""")
    names = [name for name, _ in starts]                # in the order `defer` ran them, Material's first
    assert names[0].startswith("bundle.") and names.index("tables.js") < names.index("a11y.js"), names
    assert all(after for _, after in starts), starts


def test_the_picker_lists_every_model_from_the_page(page, served_sample):
    base, catalog = served_sample
    page.goto(base + "compare/")
    page.locator("form.mr-picker[data-picker-loaded]").wait_for(state="attached")
    options = page.eval_on_selector_all("#mr-picker-models option", "o => o.map(x => x.value)")
    assert sorted(options) == sorted(f"{m.meta.name} ({m.record.provider})" for m in catalog.models.values())


def _shown(page) -> list[str]:
    return page.eval_on_selector_all(
        "#mr-models tbody tr", "rows => rows.filter(r => getComputedStyle(r).display !== 'none')"
                               ".map(r => r.querySelector('a').textContent)")


def test_a_long_table_shows_its_first_rows_until_the_reader_asks_for_all(page, served_sample):
    base, catalog = served_sample
    page.goto(base + "models/")
    page.locator("table#mr-models[data-limit-ready]").wait_for(state="attached")
    names = sorted((m.meta.name for m in catalog.models.values()), key=str.casefold)
    more = page.locator("p.mr-more")
    assert _shown(page) == names and more.is_hidden()        # the sample is under the limit of 100
    page.evaluate("""() => { const t = document.getElementById('mr-models');
                             t.setAttribute('data-row-limit', '3'); window.modelreviewTables.limit(t); }""")
    assert _shown(page) == names[:3]
    assert more.inner_text() == f"Show all {len(names)} models (3 shown)"
    page.locator("#mr-models thead th").first.locator("button").click()   # sort descending: the last three
    assert _shown(page) == names[::-1][:3]
    page.fill("#mr-model-filter", "gpt")
    matching = [n for n in names[::-1] if "gpt" in n.lower()]
    assert _shown(page) == matching[:3] and len(matching) > 3
    more.locator("button").click()
    assert _shown(page) == matching and more.is_hidden()


def _tops(page, selector: str) -> list[int]:
    return page.eval_on_selector_all(selector, "els => els.map(e => Math.round(e.getBoundingClientRect().top))")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["models/", "compare/", "models/openai/gpt-4.1-mini/"])
def test_the_page_is_laid_out_before_its_scripts_come(chromium, served_sample, path, width):
    """Scripts start after the first paint, so the first paint must already have the final layout:
    the forms they drive take their place without them, and nothing on the first screen moves when
    they arrive (further down, tables.js may still rewrap a phone's table cells). Without
    JavaScript the forms stay hidden."""
    base, _ = served_sample
    blocks = "article > *, article h2, article table, article form, article tr"
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.route("**/*.js", lambda route: route.abort())        # the page as first painted
        tab.goto(base + path)
        assert tab.eval_on_selector_all("form[hidden], details[hidden]", "els => els.every(e => e.offsetHeight > 0)")
        before = _tops(tab, blocks)
        first_screen = [i for i, top in enumerate(before) if top < 900]
        tab = context.new_page()
        tab.goto(base + path)
        tab.locator("html[data-mr-scripts]").wait_for(state="attached")
        tab.wait_for_load_state("networkidle")
        after = _tops(tab, blocks)
        assert len(first_screen) > 3 and [after[i] for i in first_screen] == [before[i] for i in first_screen]
    finally:
        context.close()
    context = chromium.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base + path)
        assert tab.eval_on_selector_all("form.mr-calc, form.mr-filters, form.mr-picker",
                                        "els => els.length > 0 && els.every(e => e.offsetHeight === 0)")
    finally:
        context.close()


def test_what_a_reader_types_before_the_calculator_script_comes_is_kept(page, served_sample):
    """The calculator shows from the first paint and its script comes after it: numbers typed in
    between stay, and the bill is worked out from them once the script is there."""
    from test_browser_readers import KEY, python_bill

    base, catalog = served_sample
    held: list = []
    page.route("**/calculator.js", lambda route: held.append(route))
    page.goto(base + f"models/{KEY}/")
    page.locator("form.mr-calc").wait_for(state="visible")
    page.fill('form.mr-calc input[name="in"]', "2000000")
    page.fill('form.mr-calc input[name="out"]', "500000")
    for _ in range(100):                    # the loader asks for it after the first paint
        if held:
            break
        page.wait_for_timeout(50)
    assert held and page.locator("form.mr-calc[data-calc-ready]").count() == 0
    held[0].continue_()
    page.locator("form.mr-calc[data-calc-loaded]").wait_for(state="attached")
    assert page.locator('form.mr-calc input[name="in"]').input_value() == "2000000"
    expected = python_bill(catalog.models[KEY].meta.pricing, (2_000_000, 0, 500_000), False)
    assert page.locator(f'output[data-calc-result="{KEY}"]').text_content() == expected


@pytest.mark.parametrize("script", ["tables.js", "a11y.js"])    # one in the middle, the last
def test_a_script_that_fails_to_load_does_not_stop_the_others(page, served_sample, script):
    """The loader starts the scripts in order, as `defer` did; one that cannot be fetched is skipped
    and the rest still run, Material's page-ready callbacks included."""
    base, _ = served_sample
    page.route(f"**/{script}", lambda route: route.abort())
    page.goto(base + "models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")
    page.locator("form.mr-filters[data-filters-loaded]").wait_for(state="attached")   # calculator.js ran
    assert page.evaluate("typeof window.modelreviewTables") == ("undefined" if script == "tables.js" else "object")
    assert page.locator(".md-typeset__scrollwrap").count() > 0   # Material's page-ready callbacks wrapped the tables
