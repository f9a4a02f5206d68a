"""The search index: one compact entry per generated page, aliases as tags, comparisons by title only."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from render_sample import add_publishing, write_sample

from conftest import TODAY
from generator.project import Project
from generator.publish.build import build_site
from generator.render.pages import page_list, url_of


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from render_sample import new_project
    site = add_publishing(write_sample(new_project(tmp_path_factory.mktemp("search") / "project")))
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "docs/handwritten.md").write_text("# Hand written\n\n## A section\n\nText here.\n")
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, result.error
    from generator.project import check_project
    catalog = check_project(Project.at(site.root), today=TODAY).catalog
    index = json.loads((result.site_dir / "search/search_index.json").read_text())
    return catalog, index


def test_every_generated_page_has_exactly_one_entry(built):
    catalog, index = built
    locations = Counter(doc["location"] for doc in index["docs"])
    for uri in page_list(catalog):
        assert locations[url_of(uri)] == 1, uri


def test_hand_written_docs_pages_keep_materials_entries(built):
    _, index = built
    entries = [doc for doc in index["docs"] if doc["location"].startswith("handwritten/")]
    assert {doc["title"] for doc in entries} >= {"Hand written", "A section"}


def test_a_review_entry_has_name_provider_bracket_summary_and_aliases(built):
    catalog, index = built
    model = catalog.models["openai/gpt-4.1-mini"]
    [entry] = [doc for doc in index["docs"] if doc["location"] == model.url]
    assert entry["title"] == model.meta.name
    assert entry["text"].startswith(f"{model.provider.name} · {model.bracket.name} bracket.")
    assert set(entry["tags"]) >= {*model.meta.aliases, model.meta.snapshot}
    assert "Pricing by channel" not in entry["text"]       # every review has it: not worth indexing


def test_comparisons_and_listings_are_indexed_by_title_only(built):
    catalog, index = built
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for uri, ref in page_list(catalog).items():
        if ref.kind in ("comparison", "compare", "models", "home", "providers", "brackets"):
            assert set(by_location[url_of(uri)]) == {"location", "title"}, uri


def test_the_index_is_compact_json(built, tmp_path):
    catalog, index = built
    assert all(len(json.dumps(doc)) < 1200 for doc in index["docs"])
