"""The comparisons index in pages: editorial first, the rest `index_page_size` to a page, with a pager."""

from __future__ import annotations

import pytest

from conftest import TODAY
from generator.render import page_list, pages_affected_by
from render_sample import add_publishing, new_project, parse, sample_catalog, write_sample

# The sample has six pairs; GPT-4.1 vs GPT-4.1 mini is the editorial one.
LISTED = ["Claude Haiku 4.5 vs Gemini 2.5 Flash", "Claude Haiku 4.5 vs GPT-4.1 mini",
          "Gemini 2.5 Flash vs GPT-4.1 mini", "GPT-4.1 mini vs GPT-4.1 nano", "GPT-4.1 vs GPT-4.1 nano"]


def _paged(site, size: int):
    config = site.root / "site_config" / "site.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("index_page_size: 500", f"index_page_size: {size}"), encoding="utf-8")
    return write_sample(site)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from generator.publish.build import build_site
    from generator.project import Project
    site = add_publishing(_paged(new_project(tmp_path_factory.mktemp("paged") / "project"), 2))
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, (result.error, [d.message for d in result.diagnostics])
    return result.site_dir


def _listed(page) -> list[str]:
    lists = page.css("article ul.mr-links--columns")
    return [a.text() for a in lists[0].css("a")] if lists else []


def test_pairs_are_split_over_pages_in_slug_order(site_dir):
    pages = [parse(site_dir, url) for url in ("compare", "compare/page/2", "compare/page/3")]
    assert [_listed(p) for p in pages] == [LISTED[0:2], LISTED[2:4], LISTED[4:5]]
    assert not (site_dir / "compare" / "page" / "4").exists()


def test_only_the_first_page_has_the_editorial_comparisons(site_dir):
    first, second = parse(site_dir, "compare"), parse(site_dir, "compare/page/2")
    assert [a.text() for a in first.css("article ul.mr-links:not(.mr-links--columns) a")] == ["GPT-4.1 vs GPT-4.1 mini"]
    assert second.css("article ul.mr-links:not(.mr-links--columns)") == []
    assert first.css_first("article h1").text() == "Comparisons, page 1 of 3"
    assert second.css_first("article h1").text() == "Comparisons, page 2 of 3"
    assert second.css_first("title").text().startswith("Comparisons, page 2 of 3")


def test_the_pager_links_every_page_and_names_its_range(site_dir):
    page = parse(site_dir, "compare/page/2")
    [top, bottom] = page.css("nav.mr-pager")
    assert [li.text(strip=True) for li in top.css("li")] == ["1", "2", "3"]    # compact, above the list
    items = [(li.css_first("a, span").text(), li.css_first("small").text()) for li in bottom.css("li")]
    assert items == [("1", f"{LISTED[0]} … {LISTED[1]}"), ("2", f"{LISTED[2]} … {LISTED[3]}"),
                     ("3", f"{LISTED[4]} … {LISTED[4]}")]
    for nav in (top, bottom):
        assert [a.attributes["href"] for a in nav.css("a")] == ["../../../compare/", "../../../compare/page/3/"]
        assert nav.css_first("[aria-current=page]").text() == "2"
        for href in (a.attributes["href"] for a in nav.css("a")):
            assert (site_dir / "compare" / "page" / "2" / href / "index.html").resolve().is_file()
    assert "5 comparisons, 2 on this page" in page.css_first("article").text()


def test_one_page_needs_no_pager(site):
    catalog = sample_catalog(write_sample(site))
    assert [uri for uri in page_list(catalog) if uri.startswith("compare/") and "-vs-" not in uri] == [
        "compare/index.md"]


def test_an_edit_to_any_review_marks_every_index_page_stale(site):
    catalog = sample_catalog(_paged(site, 2))
    index_pages = {"compare/index.md", "compare/page/2.md", "compare/page/3.md"}
    assert index_pages <= set(page_list(catalog))
    assert index_pages <= pages_affected_by(catalog, "anthropic/claude-haiku-4.5")
