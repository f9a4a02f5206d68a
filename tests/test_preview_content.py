"""The preview's in-memory content equals what `load_content` reads, after any sequence of saves."""

from __future__ import annotations

import shutil

from conftest import valid_review

from generator.load.loader import load_content
from generator.preview.content import ContentStore

COMPARISON = """---
models: [openai/a, openai/b]
verdict: Pick a.
reviewed: 2026-11-01
---
Body.
"""


def _same_as_loader(store: ContentStore, site) -> None:
    expected = load_content(site.content, site.root)
    actual = store.content()
    for kind in ("reviews", "comparisons", "pages"):
        assert [_fields(r) for r in getattr(actual, kind)] == [_fields(r) for r in getattr(expected, kind)]
    assert actual.diagnostics == expected.diagnostics
    assert actual.unloaded == expected.unloaded


def _fields(record) -> tuple:
    """A record without its `Positions` (which compare by identity)."""
    return (type(record), record.path, record.display, record.meta, record.body, record.body_first_line,
            getattr(record, "key", getattr(record, "slug", None)))


def test_load_all_reads_what_load_content_reads(site):
    site.review("openai/a", valid_review(name="A"))
    site.review("openai/b", valid_review(name="B"))
    site.raw("content/models/openai/notes.txt", "misplaced")
    site.raw("content/models/openai/.hidden.md", "ignored")
    site.raw("content/models/openai/a.md~", "backup, ignored")
    site.raw("content/comparisons/a-vs-b.md", COMPARISON)
    site.raw("content/pages/about.md", "# About\n\nText.\n")
    site.raw("content/pages/nested/deep.md", "# Not a page\n")
    store = ContentStore(site.content, site.root)
    store.load_all()
    _same_as_loader(store, site)
    assert [r.key for r in store.content().reviews] == ["openai/a", "openai/b"]
    assert [d.code for d in store.content().diagnostics] == ["misplaced-file"]
    assert store.content().unloaded == {}      # notes.txt is not in a review's place


def test_update_rereads_only_the_saved_files_and_reports_what_they_were(site):
    a = site.review("openai/a", valid_review(name="A"))
    site.review("openai/b", valid_review(name="B"))
    store = ContentStore(site.content, site.root)
    store.load_all()
    b_before = next(r for r in store.content().reviews if r.key == "openai/b")

    a.write_text(a.read_text().replace("name: A", "name: A renamed"), encoding="utf-8")
    page = site.raw("content/pages/about.md", "# About\n")
    comparison = site.raw("content/comparisons/a-vs-b.md", COMPARISON)
    changed = store.update([a, page, comparison, site.root / "site_config" / "site.yaml"])

    assert (changed.reviews, changed.comparisons, changed.pages) == ({"openai/a"}, {"a-vs-b"}, {"about"})
    _same_as_loader(store, site)
    assert next(r for r in store.content().reviews if r.key == "openai/a").meta.name == "A renamed"
    assert next(r for r in store.content().reviews if r.key == "openai/b") is b_before


def test_a_broken_save_becomes_diagnostics_and_a_fix_clears_them(site):
    a = site.review("openai/a", valid_review(name="A"))
    store = ContentStore(site.content, site.root)
    store.load_all()
    good = a.read_text()
    a.write_text(good.replace("context_window: 128000", "context_window: lots"), encoding="utf-8")
    store.update([a])
    _same_as_loader(store, site)
    assert store.content().reviews == []
    assert [(d.file, d.code) for d in store.content().diagnostics] == [("content/models/openai/a.md", "wrong-type")]
    assert store.content().unloaded == {"openai/a": "content/models/openai/a.md"}
    a.write_text(good, encoding="utf-8")
    store.update([a])
    assert store.content().diagnostics == []
    assert store.content().unloaded == {}
    assert [r.key for r in store.content().reviews] == ["openai/a"]


def test_deleting_or_moving_files_and_folders(site):
    a = site.review("openai/a", valid_review(name="A"))
    site.review("openai/b", valid_review(name="B"))
    site.review("google/c", valid_review(name="C"))
    store = ContentStore(site.content, site.root)
    store.load_all()

    a.unlink()
    changed = store.update([a])
    assert changed.reviews == {"openai/a"}
    _same_as_loader(store, site)

    google = site.content / "models" / "google"
    shutil.move(str(google), str(site.content / "models" / "anthropic"))
    changed = store.update([google, site.content / "models" / "anthropic"])
    assert changed.reviews == {"google/c", "anthropic/c"}
    _same_as_loader(store, site)
    assert [r.key for r in store.content().reviews] == ["anthropic/c", "openai/b"]


def test_kind_of_follows_the_loader_rules(site):
    store = ContentStore(site.content, site.root)
    c = site.content
    assert store.kind_of(c / "models" / "openai" / "x.md") == "models"
    assert store.kind_of(c / "models" / "x.md") == "models"          # loaded, then reported as misplaced
    assert store.kind_of(c / "models" / "openai" / "x.md~") is None
    assert store.kind_of(c / "comparisons" / "a-vs-b.md") == "comparisons"
    assert store.kind_of(c / "comparisons" / "old" / "a-vs-b.md") is None
    assert store.kind_of(c / "pages" / "about.txt") is None
    assert store.kind_of(site.root / "templates" / "pages" / "review.md") is None
