"""`modelreview sync`: rates beside the list price, retirement days, and models gone from the catalog."""

from __future__ import annotations

import io
import json

from conftest import TODAY
from generator.commands.sync import run_sync
from generator.project import Project, check_project

REVIEW = """\
---
name: Tiered Model
family: tiered
bracket: value
released: 2025-04-14
context_window: 1000000
max_output: 65536
modalities: {input: [text], output: [text]}
capabilities: {tool_calling: true, structured_output: true, reasoning: false, fine_tuning: false, open_weights: false}
pricing:
  input: 1.25
  output: 10
  batch: {input: 0.625, output: 5}
  priority: {input: 2.5, output: 20}
  long_context: {above_tokens: 200000, input: 2.5, output: 15}
  verified: 2026-07-02
reviewed: 2026-07-03
---
"""


def litellm_entry(**prices):
    entry = {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1.25e-06,
             "output_cost_per_token": 1e-05, "input_cost_per_token_batches": 6.25e-07,
             "output_cost_per_token_batches": 5e-06, "input_cost_per_token_priority": 2.5e-06,
             "output_cost_per_token_priority": 2e-05, "input_cost_per_token_above_200k_tokens": 2.5e-06,
             "output_cost_per_token_above_200k_tokens": 1.5e-05, "max_input_tokens": 1000000,
             "max_output_tokens": 65536}
    entry.update(prices)
    return entry


def write(site, tmp_path, catalog, review=REVIEW, model="tiered-model"):
    path = site.content / "models" / "openai" / f"{model}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(review, encoding="utf-8")
    file = tmp_path / "litellm.json"
    file.write_text(json.dumps(catalog), encoding="utf-8")
    import os
    import datetime as dt
    stamp = dt.datetime(2026, 8, 1, 12).timestamp()
    os.utime(file, (stamp, stamp))
    return path, file


def sync(site, file, *, dry_run=False, retire_missing=False):
    out, err = io.StringIO(), io.StringIO()
    status = run_sync(Project.at(site.root), "litellm", file, dry_run, today=TODAY, out=out, err=err,
                      retire_missing=retire_missing)
    return status, out.getvalue(), err.getvalue()


def test_changed_batch_priority_and_tier_prices_are_synced_and_recorded_in_the_history(site, tmp_path):
    path, file = write(site, tmp_path, {"tiered-model": litellm_entry(
        input_cost_per_token_priority=3e-06, output_cost_per_token_above_200k_tokens=1.8e-05)})
    status, diff, err = sync(site, file)
    assert status == 0, err
    text = path.read_text(encoding="utf-8")
    assert "  priority: {input: 3, output: 20}\n" in text
    assert "  long_context: {above_tokens: 200000, input: 2.5, output: 18}\n" in text
    assert ("- {date: 2026-07-02, input: 1.25, output: 10, batch: {input: 0.625, output: 5}, "
            "priority: {input: 2.5, output: 20}, long_context: {above_tokens: 200000, input: 2.5, output: 15}}"
            ) in text
    assert ("- {date: 2026-08-01, input: 1.25, output: 10, batch: {input: 0.625, output: 5}, "
            "priority: {input: 3, output: 20}, long_context: {above_tokens: 200000, input: 2.5, output: 18}}"
            ) in text
    result = check_project(Project.at(site.root), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []


def test_unchanged_rates_change_nothing(site, tmp_path):
    path, file = write(site, tmp_path, {"tiered-model": litellm_entry()})
    status, diff, err = sync(site, file, dry_run=True)
    assert (status, diff) == (0, "")


def test_an_announced_retirement_day_is_written(site, tmp_path):
    path, file = write(site, tmp_path, {"tiered-model": litellm_entry(deprecation_date="2027-03-01")})
    status, diff, err = sync(site, file)
    assert status == 0
    assert "\nreleased: 2025-04-14\nlifecycle: {status: active, retires: 2027-03-01}\n" in path.read_text()
    result = check_project(Project.at(site.root), today=TODAY)
    assert result.content.reviews[0].meta.lifecycle.retires.isoformat() == "2027-03-01"


def test_a_model_gone_from_the_catalog_is_reported_and_left_alone(site, tmp_path):
    path, file = write(site, tmp_path, {"gpt-other": litellm_entry()})
    status, diff, err = sync(site, file)
    assert (status, diff) == (0, "")
    assert ("content/models/openai/tiered-model.md: the catalog has no listing openai/tiered-model; nothing "
            "changed (`sync --retire-missing` marks it retired)") in err
    assert path.read_text(encoding="utf-8") == REVIEW


def test_retire_missing_marks_it_retired_on_the_catalogs_day(site, tmp_path):
    path, file = write(site, tmp_path, {"gpt-other": litellm_entry()})
    status, diff, err = sync(site, file, retire_missing=True)
    assert status == 0, err
    assert "+lifecycle: {status: retired, date: 2026-08-01}\n" in diff
    result = check_project(Project.at(site.root), today=TODAY)
    meta = result.content.reviews[0].meta
    assert (meta.lifecycle.status.value, meta.lifecycle.date.isoformat()) == ("retired", "2026-08-01")
    # a second run finds it retired already: nothing to do
    status, diff, err = sync(site, file, retire_missing=True)
    assert (status, diff) == (0, "")


def test_retire_missing_updates_an_existing_lifecycle(site, tmp_path):
    review = REVIEW.replace("released: 2025-04-14\n", "released: 2025-04-14\nlifecycle:\n  status: deprecated\n"
                                                        "  date: 2026-05-01\n")
    path, file = write(site, tmp_path, {"gpt-other": litellm_entry()}, review=review)
    status, diff, err = sync(site, file, retire_missing=True)
    assert status == 0, err
    assert "lifecycle:\n  status: retired\n  date: 2026-08-01\n" in path.read_text(encoding="utf-8")


def test_an_unknown_output_limit_is_filled_in_once_the_catalog_gives_one(site, tmp_path):
    unknown = REVIEW.replace("max_output: 65536", "max_output: unknown")
    path, file = write(site, tmp_path, {"tiered-model": litellm_entry()}, review=unknown)
    status, diff, err = sync(site, file)
    assert status == 0, err
    assert "\nmax_output: 65536\n" in path.read_text(encoding="utf-8")
    result = check_project(Project.at(site.root), today=TODAY)
    assert result.content.reviews[0].meta.max_output == 65536


def test_an_unknown_output_limit_stays_unknown_when_the_catalog_gives_none(site, tmp_path):
    unknown = REVIEW.replace("max_output: 65536", "max_output: unknown")
    entry = litellm_entry()
    del entry["max_output_tokens"]
    path, file = write(site, tmp_path, {"tiered-model": entry}, review=unknown)
    status, diff, err = sync(site, file, dry_run=True)
    assert (status, diff) == (0, "")
