"""`modelreview import`: one review per model, at its maker, offers from the rest, never overwriting."""

from __future__ import annotations

import io
import json

import pytest

from conftest import TODAY
from generator.commands.importing import run_import
from generator.project import Project, check_project


def listing(model_id, name="Widget 2", cost=None, **fields):
    base = {"id": model_id, "name": name, "family": "widget", "release_date": "2025-03-01",
            "last_updated": "2026-06-01", "knowledge": "2024-10",
            "modalities": {"input": ["text", "image"], "output": ["text"]}, "tool_call": True,
            "structured_output": True, "reasoning": False, "open_weights": False,
            "cost": cost if cost is not None else {"input": 0.3, "output": 1.2, "cache_read": 0.075},
            "limit": {"context": 256000, "output": 16384}}
    base.update(fields)
    return base


CATALOG = {
    "mistral": {"id": "mistral", "models": {
        "widget-2": listing("widget-2"),
        "widget-old": listing("widget-old", name="Widget Old", status="deprecated"),
        "widget-month": listing("widget-month", name="Widget Month", release_date="2026-01"),
        "widget-huge-output": listing("widget-huge-output", name="Widget Huge",
                                      limit={"context": 8000, "output": 8192}),
        "mistral-embed": listing("mistral-embed", name="Embed"),
    }},
    "azure": {"id": "azure", "models": {"widget-2": listing("widget-2", cost={"input": 0.35, "output": 1.4})}},
    "openrouter": {"id": "openrouter", "models": {
        "mistralai/widget-2": listing("mistralai/widget-2", name="Mistral: Widget 2"),
        "mistralai/widget-2:free": listing("mistralai/widget-2:free", name="Widget 2 (free)",
                                           cost={"input": 0, "output": 0})}},
    "amazon-bedrock": {"id": "amazon-bedrock", "models": {
        "us.mistral.widget-2-v1:0": listing("us.mistral.widget-2-v1:0", cost={"input": 0.33, "output": 1.3}),
        "eu.mistral.widget-2-v1:0": listing("eu.mistral.widget-2-v1:0", cost={"input": 0.34, "output": 1.3}),
        "gizmo": listing("gizmo", name="Widget 2")}},
    "cerebras": {"id": "cerebras", "models": {"gizmo": listing("gizmo", name="Widget 2", cost={
        "input": 0.1, "output": 0.1})}},
}

EXPECTED = """\
---
# Imported from the models.dev catalog (as of 2026-06-01) by `modelreview import`.
# Facts only: write the review below the front matter.
# Not published by the source, written as false until checked: capabilities.fine_tuning.
name: Widget 2
family: widget
bracket: value
released: 2025-03-01
context_window: 256000
max_output: 16384
knowledge_cutoff: 2024-10
modalities:
  input:
    - text
    - image
  output:
    - text
capabilities:
  tool_calling: true
  structured_output: true
  reasoning: false
  fine_tuning: false
  open_weights: false
pricing:
  input: 0.3
  output: 1.2
  cached_input: 0.075
  verified: 2026-06-01
offers:
  - provider: amazon-bedrock
    route: eu.mistral.widget-2-v1:0
    input: 0.34
    output: 1.3
    verified: 2026-06-01
  - provider: azure
    input: 0.35
    output: 1.4
    verified: 2026-06-01
  - provider: openrouter
    route: mistralai/widget-2
    input: 0.3
    output: 1.2
    cached_input: 0.075
    verified: 2026-06-01
  - provider: openrouter
    route: mistralai/widget-2:free
    mode: free
    input: 0
    output: 0
    verified: 2026-06-01
sources:
  - title: models.dev catalog
    url: https://models.dev/
    accessed: 2026-06-01
reviewed: 2026-11-21
---
"""


@pytest.fixture
def catalog(tmp_path):
    path = tmp_path / "api.json"
    path.write_text(json.dumps(CATALOG), encoding="utf-8")
    return path


def run(site, path, *args, fmt="models-dev", provider=None, models=(), all_=True, into=None):
    out = io.StringIO()
    status = run_import(Project.at(site.root), fmt, path, provider, list(models), all_, into, today=TODAY, out=out)
    return status, out.getvalue()


def test_one_review_per_model_at_its_maker_with_the_other_providers_as_offers(site, catalog):
    status, out = run(site, catalog)
    assert status == 0
    written = sorted(p.relative_to(site.content).as_posix() for p in site.content.rglob("*.md"))
    # `:free` is widget 2 in another mode: an offer, not a review. A model without a
    # (day-precise) release date, or deprecated on an unknown day, is imported all the same,
    # and so is one whose output limit exceeds its context (the limit is then unknown).
    assert written == ["models/amazon-bedrock/gizmo.md", "models/mistral/widget-2.md",
                       "models/mistral/widget-huge-output.md", "models/mistral/widget-month.md",
                       "models/mistral/widget-old.md"]
    assert (site.content / "models/mistral/widget-2.md").read_text(encoding="utf-8") == EXPECTED
    assert out.splitlines() == [
        "models.dev catalog (as of 2026-06-01): 12 entries, 11 chat listings, 1 not chat (1 embedding)",
        "created content/models/mistral/widget-2.md",
        "created content/models/mistral/widget-huge-output.md",
        "created content/models/mistral/widget-month.md",
        "created content/models/mistral/widget-old.md",
        "created content/models/amazon-bedrock/gizmo.md",
        "unknown mistral/widget-huge-output: the output limit 8,192 is larger than the context window 8,000: "
        "the source contradicts itself, so the output limit is written as unknown",
    ] + [out.splitlines()[-1]]
    assert out.splitlines()[-1].startswith("5 reviews written to content, 0 entries skipped, 0 already there, "
                                           "1 renamed to keep names unique (")
    huge = (site.content / "models/mistral/widget-huge-output.md").read_text(encoding="utf-8")
    assert "\ncontext_window: 8000\nmax_output: unknown\n" in huge
    assert ("# The output limit 8,192 is larger than the context window 8,000: the source contradicts itself, "
            "so the output limit is written as unknown.\n") in huge
    month = (site.content / "models/mistral/widget-month.md").read_text(encoding="utf-8")
    assert "\nreleased: unknown\n" in month and "first_listed" not in month
    old = (site.content / "models/mistral/widget-old.md").read_text(encoding="utf-8")
    assert "lifecycle:\n  status: deprecated\n  date: unknown\n" in old


def test_a_clashing_name_gets_the_provider_name(site, catalog):
    run(site, catalog)
    text = (site.content / "models/amazon-bedrock/gizmo.md").read_text()
    assert "\nname: Widget 2 (Amazon Bedrock)\n" in text
    assert "offers:\n  - provider: cerebras\n" in text


def test_the_imported_tree_passes_check_with_only_no_prose_warnings(site, catalog):
    run(site, catalog)
    result = check_project(Project.at(site.root), today=TODAY)
    assert {(d.severity.value, d.code) for d in result.diagnostics} == {("warning", "no-prose")}


def test_existing_reviews_are_never_overwritten(site, catalog):
    existing = site.review("mistral/widget-2")
    before = existing.read_bytes()
    status, out = run(site, catalog)
    assert status == 0
    assert existing.read_bytes() == before
    assert ("exists  content/models/mistral/widget-2.md: the file exists; `modelreview sync` updates it"
            in out.splitlines())


def test_a_model_an_existing_review_covers_under_another_name_is_left_alone(site, catalog):
    from conftest import valid_review
    site.review("mistral/widget-two", valid_review(name="Widget Two", offers=[
        {"provider": "amazon-bedrock", "route": "gizmo", "input": 0.1, "output": 0.1, "verified": "2026-06-01"}]))
    _, out = run(site, catalog)
    assert "exists  content/models/amazon-bedrock/gizmo.md: already covered by mistral/widget-two" in out.splitlines()


def test_a_name_an_existing_review_uses_is_not_taken_again(site, catalog):
    from conftest import valid_review
    site.review("azure/widget-clone", valid_review(name="Widget 2"))
    status, _ = run(site, catalog, provider="mistral", all_=False)
    assert status == 0
    assert "\nname: Widget 2 (Mistral)\n" in (site.content / "models/mistral/widget-2.md").read_text()
    result = check_project(Project.at(site.root), today=TODAY)
    assert not [d for d in result.diagnostics if d.is_error]


def test_selection_by_model_and_provider(site, catalog):
    status, out = run(site, catalog, models=["mistralai/widget-2", "nothing-like-it"], all_=False)
    assert status == 1
    assert [p.name for p in site.content.rglob("*.md")] == ["widget-2.md"]
    assert "error: 'nothing-like-it' is not a chat model in models.dev catalog" in out.splitlines()
    status, _ = run(site, catalog, provider="amazon-bedrock", all_=False)
    assert status == 0
    assert (site.content / "models/amazon-bedrock/gizmo.md").is_file()


def test_without_a_selection_nothing_is_imported(site, catalog):
    status, out = run(site, catalog, all_=False)
    assert status == 2
    assert out == "error: say which models to import: --model ID, --provider P or --all\n"


def test_into_writes_a_separate_content_tree(site, catalog, tmp_path):
    target = tmp_path / "elsewhere"
    status, _ = run(site, catalog, into=target)
    assert status == 0
    assert (target / "models/mistral/widget-2.md").is_file()
    assert not (site.content / "models/mistral").exists()
    result = check_project(Project.at(site.root, target), today=TODAY)
    assert not [d for d in result.diagnostics if d.is_error]


def test_an_unreadable_catalog_is_one_line_and_status_1(site, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    status, out = run(site, path)
    assert status == 1
    assert out.startswith(f"error: {path}:1:2: not valid JSON")
