"""Search in the built sample site: a model's alias finds its page first; the index loads only for search."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]


def _first_result(page, query: str) -> str:
    page.click("input[data-md-component=search-query]")
    page.fill("input[data-md-component=search-query]", query)
    page.keyboard.press("End")     # Material searches on keyup; fill() sends none
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for(timeout=10_000)
    return (first.get_attribute("href") or "").split("?")[0]


@pytest.mark.parametrize("alias, key", [
    ("Claude 3 Haiku", "anthropic/claude-3-haiku-20240307"),
    ("claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5"),
    ("OpenAI o3-mini", "openai/o3-mini"),
])
def test_typing_an_alias_finds_the_models_page_first(served_sample, page, alias, key):
    base, catalog = served_sample
    model = catalog.models[key]
    assert alias in [*model.meta.aliases, model.meta.snapshot]
    page.goto(base + "compare/")
    href = _first_result(page, alias)
    assert href.rstrip("/").endswith(model.url.rstrip("/")), href


def test_the_search_index_is_fetched_only_when_searching(served_sample, page):
    base, _ = served_sample
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "models/")
    page.locator("html[data-mr-scripts]").wait_for(state="attached")   # Material's bundle starts after the first paint
    page.wait_for_load_state("networkidle")
    assert not any(url.endswith("search/search_index.json") for url in requested)
    assert not any(url.endswith("sitemap.xml") for url in requested)
    _first_result(page, "GPT-4.1 mini")
    assert any(url.endswith("search/search_index.json") for url in requested)
