"""A failed build leaves the previous site byte-for-byte as it was, and no staging folder behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY, valid_review
from generator.build import build_site, swap_into_place
from generator.project import Project
from render_sample import add_publishing, write_sample


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(site):
    add_publishing(write_sample(site))
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok
    return site, result.site_dir, snapshot(result.site_dir)


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def test_content_error_keeps_previous_site(built):
    site, site_dir, before = built
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1", bracket="no-such-bracket"))
    result = build_site(Project.at(site.root), today=TODAY)
    assert not result.ok
    assert [(d.file, d.code) for d in result.diagnostics if d.is_error] == [
        ("content/models/openai/gpt-4.1.md", "unknown-bracket")]
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []


def test_failure_inside_mkdocs_keeps_previous_site(built):
    site, site_dir, before = built
    # A docs page with a broken link: MkDocs warns, and --strict turns the warning into an abort
    # after pages were already written into the staging folder.
    site.raw("docs/broken.md", "# Broken\n\n[missing](missing.md)\n")
    result = build_site(Project.at(site.root), strict=True, today=TODAY)
    assert not result.ok
    assert result.error == "Aborted with 1 warnings in strict mode!"
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []


def test_template_bug_raises_and_keeps_previous_site(built):
    site, site_dir, before = built
    (site.root / "templates/pages/review.md").write_text("{{ m.no_such_field }}\n")
    with pytest.raises(Exception, match="no_such_field"):
        build_site(Project.at(site.root), today=TODAY)
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []


def test_success_replaces_the_site(built):
    site, site_dir, before = built
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1 renamed", family="gpt-4.1", bracket="premium",
                                               pricing={"input": 2.00, "output": 8.00}))
    (site_dir / "stale.html").write_text("old")
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok
    after = snapshot(site_dir)
    assert "stale.html" not in after
    assert b"GPT-4.1 renamed" in after["models/openai/gpt-4.1/index.html"]
    assert leftovers(site.root) == []


def test_swap_into_missing_target(tmp_path):
    staging = tmp_path / ".site-build-x"
    staging.mkdir()
    (staging / "index.html").write_text("new")
    swap_into_place(staging, tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert not staging.exists()
