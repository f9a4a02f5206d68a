"""Hostile files: links out of the project, oversized files and case-only name clashes are refused, unread."""

from __future__ import annotations

import os

import pytest
from conftest import TODAY, valid_review

from generator.check.report import file_lines, format_text
from generator.load.loader import load_content
from generator.project import Project, check_project

SECRET = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash"


@pytest.fixture
def outside(tmp_path):
    target = tmp_path / "elsewhere" / "passwd"
    target.parent.mkdir()
    target.write_text(SECRET + "\nsecond line\n", encoding="utf-8")
    return target


def _printed(site) -> tuple[list[tuple[str, int, str]], str]:
    result = check_project(Project.at(site.root), today=TODAY)
    text = format_text(result.diagnostics, file_lines(site.root))
    return [(d.file, d.line, d.code) for d in result.diagnostics if d.is_error], text


def test_a_review_linked_to_a_file_outside_is_refused_and_never_printed(site, outside):
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1"))
    link = site.content / "models" / "openai" / "evil.md"
    os.symlink(outside, link)
    errors, text = _printed(site)
    assert errors == [("content/models/openai/evil.md", 1, "symlink-outside")]
    assert "SECRET" not in text


def test_a_page_linked_outside_is_not_published(site, outside):
    pages = site.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("# About\n\nUs.\n", encoding="utf-8")
    outside.write_text("# Leaked\n\n" + SECRET + "\n", encoding="utf-8")
    os.symlink(outside, pages / "leak.md")
    content = load_content(site.content, site.root)
    assert [p.slug for p in content.pages] == ["about"]
    assert [(d.file, d.code) for d in content.diagnostics] == [("content/pages/leak.md", "symlink-outside")]


def test_a_folder_linked_outside_is_reported(site, outside):
    os.symlink(outside.parent, site.content / "models" / "elsewhere")
    content = load_content(site.content, site.root)
    assert [(d.file, d.code) for d in content.diagnostics] == [("content/models/elsewhere", "symlink-outside")]


def test_a_link_that_stays_inside_the_project_is_fine(site):
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1"))
    shared = site.root / "shared"
    shared.mkdir()
    (shared / "about.md").write_text("# About\n\nUs.\n", encoding="utf-8")
    (site.content / "pages").mkdir()
    os.symlink(shared / "about.md", site.content / "pages" / "about.md")
    content = load_content(site.content, site.root)
    assert content.diagnostics == [] and [p.slug for p in content.pages] == ["about"]


def test_front_matter_over_the_default_megabyte_is_refused_before_parsing(site):
    site.raw("content/models/openai/huge.md", "---\n" + "# padding\n" * 110_000 + "name: X\n---\nBody.\n")
    errors, _ = _printed(site)
    assert errors == [("content/models/openai/huge.md", 1, "front-matter-too-large")]


def test_limits_come_from_site_yaml(site):
    config = site.root / "site_config" / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "limits:\n  front_matter_bytes: 2000\n"
                      "  file_bytes: 4000\n", encoding="utf-8")
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1"), "Prose.\n" + "More prose. " * 400)
    site.review("openai/gpt-4.1-mini", valid_review(name="GPT-4.1 mini", summary="x" * 2500))
    errors, _ = _printed(site)
    assert errors == [("content/models/openai/gpt-4.1-mini.md", 1, "front-matter-too-large"),
                      ("content/models/openai/gpt-4.1.md", 1, "file-too-large")]


def test_names_differing_only_in_case_are_one_clash(site):
    pages = site.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("# About\n\nUs.\n", encoding="utf-8")
    (pages / "About.md").write_text("# About again\n\nThem.\n", encoding="utf-8")
    content = load_content(site.content, site.root)
    assert [(d.file, d.code) for d in content.diagnostics] == [("content/pages/about.md", "case-clash")]
    assert [p.slug for p in content.pages] == ["About"]
