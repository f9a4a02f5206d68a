"""The preview's fast path: a patched catalog must equal a rebuilt one, field by field."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY, valid_review

from generator.catalog.bindings import resolve_prose
from generator.catalog.catalog import build_catalog
from generator.render.index import SiteIndex
from generator.load.config import load_site_config
from generator.load.loader import load_content
from generator.preview.content import Changed, ContentStore
from generator.preview.incremental import STRUCTURE_FIELDS, patch_catalog
from generator.project import Project, check_project
from generator.render import page_list, structural_changes
from generator.load.schema import Review

KEY = "openai/b"
D = dt.date(2026, 10, 1)
OFFER = {"provider": "azure", "input": 0.4, "output": 1.6, "verified": D}

# One changed value per review field (two where part of a field is structure and part is not).
# (field, value, structural): structural changes must fall back to a full rebuild.
MUTATIONS = [
    ("name", "Bee Renamed", True),
    ("snapshot", "b-2025-04-14", True),
    ("family", "other-family", True),
    ("bracket", "premium", True),
    ("aliases", ["Bee Alias"], True),
    ("released", dt.date(2025, 3, 1), False),
    ("first_listed", dt.date(2025, 2, 1), False),
    ("lifecycle", {"status": "deprecated", "date": D, "successor": "openai/a"}, True),
    ("access", ["API", "Chat"], False),
    ("context_window", 200000, False),
    ("max_output", 8000, False),
    ("knowledge_cutoff", "2024-01", False),
    ("modalities", {"input": ["text", "image"], "output": ["text"]}, False),
    ("capabilities", {"reasoning": True}, False),
    ("pricing", {"input": 0.5}, True),
    ("pricing", {"speed": 150, "ttft_ms": 300, "cached_input": 0.1}, False),
    ("price_history", [{"date": dt.date(2025, 4, 14), "input": 0.4, "output": 1.6}], False),
    ("offers", [{**OFFER, "provider": "openrouter"}], True),
    ("offers", [{**OFFER, "input": 0.45}], False),
    ("benchmarks", [{"name": "MMLU", "score": 80, "unit": "%", "source": "https://example.com/m", "date": D}],
     False),
    ("grade", {"score": 2.9, "benchmarked": D}, True),
    ("grade", {"score": 2.1, "benchmarked": dt.date(2026, 9, 1)}, False),
    ("strengths", ["Fast."], False),
    ("limitations", ["Terse."], False),
    ("quirks", ["Odd."], False),
    ("alternatives", ["openai/a"], False),
    ("compare_with", ["google/d"], True),
    ("faq", [{"question": "Q?", "answer": "A."}], False),
    ("sources", [{"title": "S", "url": "https://example.com/s"}], False),
    ("author", "Someone", False),
    ("reviewed", dt.date(2026, 10, 2), False),
    ("summary", "A summary.", False),
    ("pinned", ["pricing.input"], False),
]

BASE = {"offers": [{**OFFER, "input": 0.4}], "grade": {"score": 2.1, "benchmarked": D}}


def test_every_review_field_is_covered():
    assert {field for field, _, _ in MUTATIONS} == set(Review.model_fields)
    assert {field for field, _, structural in MUTATIONS if structural} == STRUCTURE_FIELDS


@pytest.fixture
def project(site):
    # Moving a model to another bracket is one of the mutations; without price bands
    # (max_output_price) that is valid at any price.
    brackets = site.root / "site_config" / "brackets.yaml"
    brackets.write_text("\n".join(line for line in brackets.read_text().splitlines()
                                  if "max_output_price" not in line) + "\n")
    site.review("openai/a", valid_review(name="Ay", family="x"))
    site.review(KEY, valid_review(**{"name": "Bee", "family": "x", **BASE}))
    site.review("google/c", valid_review(name="Cee", pricing={"input": 0.3, "output": 1.2}))
    site.review("google/d", valid_review(name="Dee", pricing={"input": 0.35, "output": 1.4}))
    site.review("anthropic/e", valid_review(name="Ee", bracket="premium", pricing={"input": 3, "output": 15}))
    return site


@pytest.mark.parametrize("field,value,structural", MUTATIONS, ids=[f"{m[0]}-{i}" for i, m in enumerate(MUTATIONS)])
def test_patched_catalog_equals_rebuilt_catalog(project, field, value, structural):
    root = project.root
    config, _ = load_site_config(root / "site_config", root)
    store = ContentStore(project.content, root)
    old = build_catalog(store.load_all(), config)

    path = project.review(KEY, valid_review(**{"name": "Bee", "family": "x", **BASE, field: value}))
    assert check_project(Project.at(root), today=TODAY).diagnostics == [], "the mutation itself must be valid"
    changed = store.update([path])
    content = store.content()
    full = build_catalog(content, config)
    patched = patch_catalog(old, content, changed)

    if structural:
        assert patched is None
        return
    assert patched is not None
    assert patched == full
    assert page_list(patched) == page_list(full)
    assert structural_changes(old, full) == set()
    # The renderer's index, patched as the preview does, equals one built from scratch.
    resolved_old, resolved_new = resolve_prose(old)[0], resolve_prose(patched)[0]
    assert SiteIndex.of(resolved_old).patched(resolved_new) == SiteIndex.of(resolve_prose(full)[0])


def test_no_patch_for_added_removed_or_non_review_saves(project):
    root = project.root
    config, _ = load_site_config(root / "site_config", root)
    content = load_content(project.content, root)
    old = build_catalog(content, config)
    assert patch_catalog(old, content, Changed(reviews={KEY})) == old
    assert patch_catalog(old, content, Changed(reviews={KEY}, pages={"about"})) is None
    assert patch_catalog(old, content, Changed(reviews={KEY}, comparisons={"a-vs-b"})) is None
    assert patch_catalog(old, content, Changed()) is None
    project.review("openai/f", valid_review(name="Eff"))
    grown = load_content(project.content, root)
    assert patch_catalog(old, grown, Changed(reviews={"openai/f"})) is None
    (project.content / "models" / "openai" / "f.md").unlink()
    (project.content / "models" / "google" / "d.md").unlink()
    shrunk = load_content(project.content, root)
    assert patch_catalog(old, shrunk, Changed(reviews={"google/d", "openai/f"})) is None
