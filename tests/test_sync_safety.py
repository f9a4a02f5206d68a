"""Sync leaves pinned values and files edited mid-sync alone."""

from __future__ import annotations

import io

from conftest import TODAY
from generator.commands.sync import run_sync
from generator.project import Project, check_project
from generator.authoring.sync import apply_sync, plan_sync
from test_sync_diff import REVIEW, catalog

PINNED = REVIEW.replace("reviewed: 2026-07-03\n", "reviewed: 2026-07-03\npinned: [pricing.input, offers.azure, max_output]\n")


def test_pinned_values_are_left_alone_and_history_matches_what_is_kept(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", PINNED)
    plan = plan_sync(Project.at(site.root), "models-dev", catalog(tmp_path), today=TODAY)
    assert apply_sync(plan) == []
    text = review.read_text(encoding="utf-8")
    assert "  input: 0.40   # list price\n  output: 1.60\n  cached_input: 0.0875\n" in text
    assert "max_output: 16384\n" in text
    assert "- provider: azure        # indentless list\n  input: 0.40\n  output: 1.60\n  verified: 2026-07-02\n" in text
    assert "- {date: 2026-08-01, input: 0.40, output: 1.60, cached_input: 0.0875}\n" in text
    result = check_project(Project.at(site.root), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []


def test_pinning_all_prices_means_no_price_change_and_no_history(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md",
                      REVIEW.replace("reviewed: 2026-07-03\n", "reviewed: 2026-07-03\npinned: [pricing, offers]\n"))
    out, err = io.StringIO(), io.StringIO()
    assert run_sync(Project.at(site.root), "models-dev", catalog(tmp_path), False, TODAY, out, err) == 0
    assert [line for line in out.getvalue().splitlines() if line.startswith(("+", "-")) and line[1:2] != line[:1]
            ] == ["-max_output: 16384", "+max_output: 32768"]
    assert "price_history" not in review.read_text(encoding="utf-8")


def test_a_pin_that_guards_nothing_is_reported(site, tmp_path):
    site.raw("content/models/openai/odd-model.md",
             REVIEW.replace("reviewed: 2026-07-03\n", "reviewed: 2026-07-03\npinned: [pricing.inptu]\n"))
    out, err = io.StringIO(), io.StringIO()
    run_sync(Project.at(site.root), "models-dev", catalog(tmp_path), True, TODAY, out, err)
    assert ("note: content/models/openai/odd-model.md: pinned 'pricing.inptu' names nothing sync changes "
            "(pin e.g. pricing.input, max_output or offers.<provider>.output)") in err.getvalue()


def test_a_file_changed_on_disk_during_the_sync_is_not_clobbered(site, tmp_path):
    review = site.raw("content/models/openai/odd-model.md", REVIEW)
    plan = plan_sync(Project.at(site.root), "models-dev", catalog(tmp_path), today=TODAY)
    assert [c.display for c in plan.changes] == ["content/models/openai/odd-model.md"]
    edited = REVIEW + "\nAn editor's new paragraph, saved while sync was running.\n"
    review.write_text(edited, encoding="utf-8")
    assert apply_sync(plan) == ["content/models/openai/odd-model.md"]
    assert review.read_text(encoding="utf-8") == edited
    assert [p.name for p in review.parent.iterdir()] == ["odd-model.md"]   # no temp file left behind


def test_same_bytes_but_a_new_mtime_also_counts_as_changed(site, tmp_path):
    import os
    review = site.raw("content/models/openai/odd-model.md", REVIEW)
    plan = plan_sync(Project.at(site.root), "models-dev", catalog(tmp_path), today=TODAY)
    stat = review.stat()
    os.utime(review, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert apply_sync(plan) == ["content/models/openai/odd-model.md"]
    assert review.read_text(encoding="utf-8") == REVIEW


def test_the_cli_reports_a_conflict_with_exit_status_1(site, tmp_path, monkeypatch):
    review = site.raw("content/models/openai/odd-model.md", REVIEW)
    import generator.commands.sync as command
    real_plan = command.plan_sync

    def plan_then_edit(*args, **kwargs):
        plan = real_plan(*args, **kwargs)
        review.write_text(REVIEW + "\nEdited.\n", encoding="utf-8")
        return plan

    monkeypatch.setattr(command, "plan_sync", plan_then_edit)
    out, err = io.StringIO(), io.StringIO()
    assert run_sync(Project.at(site.root), "models-dev", catalog(tmp_path), False, TODAY, out, err) == 1
    assert ("error: content/models/openai/odd-model.md changed on disk during the sync; left alone, "
            "run sync again") in err.getvalue()
    assert review.read_text(encoding="utf-8").endswith("Edited.\n")
