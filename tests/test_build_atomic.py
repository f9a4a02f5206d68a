"""A failed build leaves the previous site byte-for-byte as it was, and no staging folder behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY, valid_review
from generator.publish.build import build_site, swap_into_place
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


def test_a_template_mistake_is_reported_at_its_line_and_keeps_previous_site(built):
    site, site_dir, before = built
    (site.root / "templates/pages/review.md").write_text("# {{ page.title }}\n\n{{ m.no_such_field }}\n")
    result = build_site(Project.at(site.root), today=TODAY)
    assert not result.ok
    assert result.error == "a template failed"
    [found] = [d for d in result.diagnostics if d.is_error]
    assert (found.file, found.line, found.code) == ("templates/pages/review.md", 3, "template-error")
    assert found.message.startswith("the template failed while rendering models/")
    assert found.message.endswith("has no attribute 'no_such_field'")
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []


def test_a_theme_template_syntax_error_is_reported_at_its_line(built):
    site, site_dir, before = built
    theme = site.root / "templates/theme/main.html"
    lines = theme.read_text().splitlines()
    lines[5] = lines[5] + "{% if page %}"
    theme.write_text("\n".join(lines) + "\n")
    result = build_site(Project.at(site.root), today=TODAY)
    [found] = [d for d in result.diagnostics if d.is_error]
    assert (found.file, found.code, found.hint) == ("templates/theme/main.html", "template-error",
                                                    "fix the {{ }} or {% %} tag on this line")
    assert "Encountered unknown tag 'endblock'" in found.message
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []


def test_a_bug_in_our_code_is_not_dressed_as_a_template_mistake(built, monkeypatch):
    site, site_dir, before = built
    from generator.render import site as site_module
    # page_input runs for every page, reused from the build cache or not (without the cache,
    # nothing changed would mean nothing to do)
    monkeypatch.setattr(site_module.SiteRenderer, "page_input", lambda self, uri: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_site(Project.at(site.root), today=TODAY, cache=False)
    assert snapshot(site_dir) == before
    assert leftovers(site.root) == []
