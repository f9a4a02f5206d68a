"""The all-models page carries its first 50 rows by name; `models/rows.html` holds the rest.

Both come from one row macro (`partials/model_rows.html`), so a row the browser fetches
later is the row the page would have carried, and the two together are every model, in
the page's order, each once. A catalog within the limit gets no pointer to the file.
"""

from __future__ import annotations

import shutil

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import REPO, Site, valid_review
from generator.project import Project, check_project
from generator.render import data_files, PageInput, SiteRenderer
from generator.render.listings import all_models

MODELS = "models/index.md"
ROWS = "models/rows.html"
LIMIT = 50
PROVIDERS = ["openai", "anthropic", "google"]


def _catalog(site: Site, count: int):
    for i in range(count):
        # names in another order than the keys, so "by name" is not "by key"
        site.review(f"{PROVIDERS[i % 3]}/model-{i:03d}", valid_review(
            name=f"Test {(i * 37) % count:03d}-x", family=f"fam{i}",
            capabilities={"reasoning": i % 2 == 0, "open_weights": i % 5 == 0},
            pricing={"input": round(0.1 + i / 100, 2), "output": round(0.4 + i / 50, 2)}))
    result = check_project(Project.at(site.root))
    assert result.catalog is not None, [d for d in result.diagnostics if d.is_error][:3]
    return result.catalog


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("rows") / "project")
    shutil.copytree(REPO / "site_config", site.root / "site_config")
    return _catalog(site, 130)


def _keys(rows) -> list[str]:
    return [row.css_first("a").attributes["href"].removesuffix("/") for row in rows]


def _row(row) -> tuple:
    """What a row says and carries, as a reader and the scripts read it (the page's word spans aside)."""
    return (dict(row.attributes), [(" ".join(td.text().split()), td.attributes.get("data-sort")) for td in row.css("td")],
            row.css_first("a").attributes["href"])


def test_the_page_carries_the_first_rows_and_the_file_the_rest(large):
    renderer = SiteRenderer(large)
    _, body = renderer.render_html(MODELS)
    page = HTMLParser(body.html)
    table = page.css_first("table#mr-models")
    assert (table.attributes["data-more-rows"], table.attributes["data-row-count"]) == ("rows.html", "130")
    first = page.css("#mr-models tbody tr")
    rest = HTMLParser(data_files(large)[ROWS]).css("tbody tr")
    assert (len(first), len(rest)) == (LIMIT, 130 - LIMIT)
    assert _keys(first) + _keys(rest) == [m.key for m in all_models(renderer.index)]
    assert page.css_first('[data-filter-count="mr-models"]').text() == "130 models"
    note = page.css_first("p.mr-nojs")               # where a reader without JavaScript finds the rest
    assert f"first {LIMIT} of the 130 models" in note.text()
    assert [a.attributes["href"] for a in note.css("a")] == ["../providers/", "../brackets/"]


def test_a_row_from_the_file_is_the_row_the_page_would_carry(large):
    renderer = SiteRenderer(large)
    models = all_models(renderer.index)
    given = renderer.page_input(MODELS)
    # the same page with the last models first: they are then among the rows the page carries
    moved = PageInput(given.uri, given.front, given.template, {**given.context, "models": models[LIMIT:] + models[:LIMIT]})
    page_rows = HTMLParser(renderer.render_input(moved)).css("#mr-models tbody tr")   # models[LIMIT:2 * LIMIT]
    file_rows = HTMLParser(data_files(large)[ROWS]).css("tbody tr")[:len(page_rows)]
    assert len(page_rows) == LIMIT
    assert [_row(r) for r in file_rows] == [_row(r) for r in page_rows]
    assert not any(r.css("span.mr-word") for r in file_rows)          # tables.js adds them as rows show
    assert any(r.css("span.mr-word") for r in page_rows)
    text = data_files(large)[ROWS]
    assert '<meta name="robots" content="noindex">' in text and len(text) < 300 * (130 - LIMIT)


def test_a_catalog_within_the_limit_points_at_no_file(site):
    catalog = _catalog(site, 3)
    _, body = SiteRenderer(catalog).render_html(MODELS)
    page = HTMLParser(body.html)
    table = page.css_first("table#mr-models")
    assert "data-more-rows" not in table.attributes and table.attributes["data-row-count"] == "3"
    assert len(page.css("#mr-models tbody tr")) == 3 and page.css_first("p.mr-nojs") is None
    assert HTMLParser(data_files(catalog)[ROWS]).css("tbody tr") == []
