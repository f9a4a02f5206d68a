"""Editors' real save patterns, through the real file watcher: the preview's content ends equal to a fresh load.

Each test drives one pattern on disk (write-to-temp-then-rename, delete-then-create, fifty
saves in a second, a folder renamed, a file moved between providers), lets watchdog deliver
its events to a `ContentStore` as `modelreview serve` does, and then holds the store to what
`load_content` (the loader `build` uses) reads from the same disk: same records, same
diagnostics, so no page is stale and no error box outlives its error.
"""

from __future__ import annotations

import os
import time

import pytest
from conftest import valid_review
from test_preview_content import _same_as_loader

from generator.preview.content import ContentStore
from generator.preview.watch import Watcher
from generator.authoring.writer import dump_yaml


def _review_text(**front) -> str:
    return "---\n" + dump_yaml(valid_review(**front)) + "---\nProse.\n"


@pytest.fixture
def watched(site):
    site.review("openai/a", valid_review(name="A"))
    site.review("openai/b", valid_review(name="B"))
    site.raw("content/pages/about.md", "# About\n\nText.\n")
    store = ContentStore(site.content, site.root)
    store.load_all()
    batches: list[set] = []

    def on_batch(paths):
        batches.append(paths)
        store.update(paths)

    watcher = Watcher([site.content], [], on_batch, settle=0.05)
    watcher.start()
    try:
        yield site, store, batches
    finally:
        watcher.stop()


def _settled(site, store, batches, timeout: float = 10.0) -> None:
    """Wait until the watcher has been quiet and the store agrees with a fresh load (or time runs out)."""
    deadline = time.monotonic() + timeout
    seen = -1
    while time.monotonic() < deadline:
        time.sleep(0.3)
        if len(batches) == seen:
            try:
                _same_as_loader(store, site)
                return
            except AssertionError:
                pass
        seen = len(batches)
    _same_as_loader(store, site)


def test_write_to_a_temporary_file_then_rename_over_the_original(watched):
    site, store, batches = watched
    path = site.content / "models" / "openai" / "a.md"
    for temp in (path.with_name("a.md.tmp"), path.with_name(".a.md.swp"), path.with_name("4913"),
                 path.with_name("a.md.~tmp~")):
        temp.write_text(_review_text(name="A renamed " + temp.name[:2]), encoding="utf-8")
        os.replace(temp, path)
    _settled(site, store, batches)
    assert store.content().reviews[0].meta.name.startswith("A renamed")
    assert store.content().diagnostics == []


def test_delete_then_create(watched):
    site, store, batches = watched
    path = site.content / "models" / "openai" / "b.md"
    path.unlink()
    time.sleep(0.1)
    path.write_text(_review_text(name="B again"), encoding="utf-8")
    _settled(site, store, batches)
    assert [r.meta.name for r in store.content().reviews] == ["A", "B again"]


def test_fifty_saves_in_a_second_end_on_the_last(watched):
    site, store, batches = watched
    path = site.content / "models" / "openai" / "a.md"
    for i in range(50):
        # Every other save is broken: the last one is good, so no error may remain.
        text = _review_text(name=f"A {i}") if i % 2 else "---\nname: [unclosed\n---\n"
        path.write_text(text, encoding="utf-8")
        time.sleep(0.02)
    _settled(site, store, batches)
    assert store.content().reviews[0].meta.name == "A 49"
    assert store.content().diagnostics == []


def test_a_folder_renamed(watched):
    site, store, batches = watched
    os.rename(site.content / "models" / "openai", site.content / "models" / "mistral")
    _settled(site, store, batches)
    assert [r.key for r in store.content().reviews] == ["mistral/a", "mistral/b"]


def test_a_file_moved_between_providers(watched):
    site, store, batches = watched
    (site.content / "models" / "anthropic").mkdir()
    os.rename(site.content / "models" / "openai" / "b.md", site.content / "models" / "anthropic" / "b.md")
    _settled(site, store, batches)
    assert [r.key for r in store.content().reviews] == ["anthropic/b", "openai/a"]


def test_a_broken_save_then_its_fix_leaves_no_error(watched):
    site, store, batches = watched
    path = site.content / "pages" / "about.md"
    path.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    _settled(site, store, batches)
    assert [d.code for d in store.content().diagnostics] != []
    temp = path.with_name("about.md.new")
    temp.write_text("# About us\n\nFixed.\n", encoding="utf-8")
    os.replace(temp, path)
    _settled(site, store, batches)
    assert store.content().diagnostics == [] and store.content().pages[0].meta.title == "About us"
