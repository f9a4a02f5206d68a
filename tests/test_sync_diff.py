"""`modelreview sync` on a hand-written review: the exact diff, comments and quoting kept."""

from __future__ import annotations

import io
import json

from conftest import TODAY
from generator.commands.sync import run_sync
from generator.project import Project, check_project

REVIEW = """\
---
# Hand-written: keep this comment.
name: 'Odd Model'   # single-quoted on purpose
family: "odd"
bracket: value
released: 2025-04-14
context_window: 128000    # the lab's figure
max_output: 16384
modalities: {input: [text], output: [text]}
capabilities:
    tool_calling: true      # four-space indent
    structured_output: true
    reasoning: false
    fine_tuning: false
    open_weights: false
pricing:
  input: 0.40   # list price
  output: 1.60
  verified: "2026-07-02"
offers:
- provider: azure        # indentless list
  input: 0.40
  output: 1.60
  verified: 2026-07-02
- {provider: openrouter, route: openai/odd-model, input: 0.4, output: 1.6, verified: 2026-07-02}
reviewed: 2026-07-03
---

Body with *Markdown*   and trailing spaces.   
"""

EXPECTED_DIFF = """\
--- a/content/models/openai/odd-model.md
+++ b/content/models/openai/odd-model.md
@@ -5,7 +5,7 @@
 bracket: value
 released: 2025-04-14
 context_window: 128000    # the lab's figure
-max_output: 16384
+max_output: 32768
 modalities: {input: [text], output: [text]}
 capabilities:
     tool_calling: true      # four-space indent
@@ -14,14 +14,18 @@
     fine_tuning: false
     open_weights: false
 pricing:
-  input: 0.40   # list price
+  input: 0.35   # list price
   output: 1.60
-  verified: "2026-07-02"
+  cached_input: 0.0875
+  verified: "2026-08-01"
+price_history:
+- {date: 2026-07-02, input: 0.40, output: 1.60}
+- {date: 2026-08-01, input: 0.35, output: 1.60, cached_input: 0.0875}
 offers:
 - provider: azure        # indentless list
   input: 0.40
-  output: 1.60
-  verified: 2026-07-02
+  output: 1.5
+  verified: 2026-08-01
 - {provider: openrouter, route: openai/odd-model, input: 0.4, output: 1.6, verified: 2026-07-02}
 reviewed: 2026-07-03
 ---
"""


def catalog(tmp_path, **overrides):
    """A models.dev-shaped file: the lab's listing, Azure's and OpenRouter's."""
    def entry(model_id, cost, limit=None, updated="2026-08-01"):
        return {"id": model_id, "name": "Odd Model", "release_date": "2025-04-14", "last_updated": updated,
                "modalities": {"input": ["text"], "output": ["text"]}, "tool_call": True, "reasoning": False,
                "open_weights": False, "cost": cost, "limit": limit or {"context": 128000, "output": 32768}}
    data = {
        "openai": {"id": "openai", "models": {"odd-model": entry(
            "odd-model", overrides.get("lab_cost", {"input": 0.35, "output": 1.6, "cache_read": 0.0875}))}},
        "azure": {"id": "azure", "models": {"odd-model": entry("odd-model", {"input": 0.4, "output": 1.5})}},
        "openrouter": {"id": "openrouter", "models": {"openai/odd-model": entry(
            "openai/odd-model", {"input": 0.4, "output": 1.6})}},
    }
    path = tmp_path / "api.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def sync(site, path, dry_run):
    out, err = io.StringIO(), io.StringIO()
    status = run_sync(Project.at(site.root), "models-dev", path, dry_run, today=TODAY, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_dry_run_prints_the_exact_diff_and_changes_nothing(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", REVIEW)
    status, diff, err = sync(site, catalog(tmp_path), dry_run=True)
    assert (status, diff) == (0, EXPECTED_DIFF)
    assert "1 review checked, would change 1" in err
    assert review.read_text(encoding="utf-8") == REVIEW


def test_sync_writes_the_diff_keeps_the_body_and_passes_check(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", REVIEW)
    status, diff, _ = sync(site, catalog(tmp_path), dry_run=False)
    assert (status, diff) == (0, EXPECTED_DIFF)
    text = review.read_text(encoding="utf-8")
    assert text.endswith("---\n\nBody with *Markdown*   and trailing spaces.   \n")
    assert "# Hand-written: keep this comment.\nname: 'Odd Model'   # single-quoted on purpose\n" in text
    result = check_project(Project.at(site.root), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []
    meta = result.content.reviews[0].meta
    assert [(str(h.input), str(h.output), str(h.cached_input)) for h in meta.price_history] == [
        ("0.40", "1.60", "None"), ("0.35", "1.60", "0.0875")]


def test_a_second_sync_changes_nothing(site, tmp_path):
    site.raw("content/models/openai/odd-model.md", REVIEW)
    path = catalog(tmp_path)
    sync(site, path, dry_run=False)
    assert sync(site, path, dry_run=True)[:2] == (0, "")


def test_equal_values_change_nothing_not_even_dates(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", REVIEW.replace("max_output: 16384", "max_output: 32768"))
    path = catalog(tmp_path, lab_cost={"input": 0.4, "output": 1.6})
    data = json.loads(path.read_text())
    data["azure"]["models"]["odd-model"]["cost"]["output"] = 1.6
    path.write_text(json.dumps(data))
    assert sync(site, path, dry_run=False)[:2] == (0, "")
    assert review.read_text(encoding="utf-8") == REVIEW.replace("max_output: 16384", "max_output: 32768")


def test_appends_to_an_existing_history_in_its_own_style(site, tmp_path):
    text = REVIEW.replace('  verified: "2026-07-02"\n', '  verified: "2026-07-02"\nprice_history:\n'
                          '  - date: 2025-04-14\n    input: 0.40\n    output: 1.60\n')
    site.raw("content/models/openai/odd-model.md", text)
    _, diff, _ = sync(site, catalog(tmp_path), dry_run=True)
    assert ("     output: 1.60\n"
            "+  - date: 2026-08-01\n"
            "+    input: 0.35\n"
            "+    output: 1.60\n"
            "+    cached_input: 0.0875\n") in diff


def test_a_catalog_older_than_the_last_check_is_reported_not_applied(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md",
                      REVIEW.replace('verified: "2026-07-02"', 'verified: "2026-09-01"'))
    before = review.read_text(encoding="utf-8")
    status, diff, err = sync(site, catalog(tmp_path), dry_run=False)
    assert status == 0
    assert "-  input: 0.40" not in diff
    assert ("note: content/models/openai/odd-model.md: the catalog (as of 2026-08-01) says input 0.40 -> 0.35, "
            "cached_input None -> 0.0875, but the review was verified on 2026-09-01; left alone") in err
    assert "pricing:\n  input: 0.40   # list price" in review.read_text(encoding="utf-8")
    assert before != review.read_text(encoding="utf-8")  # max_output and the Azure offer still sync


def test_crlf_and_bom_survive(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", b"\xef\xbb\xbf" + REVIEW.replace("\n", "\r\n").encode())
    status, diff, _ = sync(site, catalog(tmp_path), dry_run=False)
    assert (status, diff) == (0, EXPECTED_DIFF)
    raw = review.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_bare_cr_line_endings_survive(site, tmp_path):
    # Classic Mac line endings: sync reads the file as every reader does (load.SourceText) and writes CR back.
    review = site.raw("content/models/openai/odd-model.md", REVIEW.replace("\n", "\r").encode())
    status, diff, _ = sync(site, catalog(tmp_path), dry_run=False)
    assert (status, diff) == (0, EXPECTED_DIFF)
    raw = review.read_bytes()
    assert raw.startswith(b"---\r") and b"\n" not in raw
