"""LiteLLM and OpenRouter imports of the shared samples: what the catalogs lack comes from seeds/."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from generator.commands.importing import run_import
from generator.project import Project, check_project

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples"


@pytest.fixture
def seeded(site):
    shutil.copytree(REPO / "seeds", site.root / "seeds")
    return site


def imported(site, fmt, name):
    out = io.StringIO()
    status = run_import(Project.at(site.root), fmt, SAMPLES / name, None, [], True, None, today=TODAY, out=out)
    files = sorted(p.relative_to(site.content / "models").as_posix() for p in site.content.rglob("*.md"))
    return status, files, out.getvalue()


def test_litellm_sample_imports_the_models_seeds_date(seeded):
    status, files, out = imported(seeded, "litellm", "litellm-sample.json")
    assert status == 0
    # The maker's own listings (LiteLLM's `anthropic` and `openai` entries) are reviews there
    # even without a seed; Vertex's Gemini 2.0, which no maker listing in the file or seeds/
    # covers, stays at Vertex, `-001` being the same model. No release date is unknown, not a skip.
    assert files == ["anthropic/claude-3-7-sonnet-20250219.md", "anthropic/claude-3-haiku-20240307.md",
                     "anthropic/claude-sonnet-5.md", "google-vertex/gemini-2.0-flash-lite.md",
                     "google-vertex/gemini-2.0-flash.md", "openai/gpt-3.5-turbo-0125.md", "openai/gpt-4.1-mini.md",
                     "openai/gpt-4.1-nano.md", "openai/gpt-4.1.md", "openai/gpt-5-pro.md", "openai/gpt-5.4-pro.md"]
    assert "released: unknown\n" in (seeded.content / "models/openai/gpt-3.5-turbo-0125.md").read_text()
    result = check_project(Project.at(seeded.root), today=TODAY)
    assert {d.code for d in result.diagnostics} == {"no-prose"}
    mini = next(r.meta for r in result.content.reviews if r.key == "openai/gpt-4.1-mini")
    assert (str(mini.pricing.input), str(mini.pricing.batch.output), mini.released.isoformat()) == (
        "0.4", "0.8", "2025-04-14")
    assert [s.url for s in mini.sources] == [
        "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json", "https://models.dev/"]
    pro = next(r.meta for r in result.content.reviews if r.key == "openai/gpt-5.4-pro")
    assert (pro.pricing.long_context.above_tokens, str(pro.pricing.long_context.output)) == (272000, "270")


def test_openrouter_sample_files_seeded_models_at_their_maker(seeded):
    status, files, out = imported(seeded, "openrouter", "openrouter-sample.json")
    assert status == 0
    assert files == ["anthropic/claude-haiku-4-5.md", "anthropic/claude-opus-4-7.md", "google/gemini-2.5-flash.md",
                     "openai/gpt-4.1-mini.md", "openai/gpt-4.1.md", "openai/gpt-5.4-nano.md",
                     "openrouter/deepseek-v3.1-nex-n1.md", "openrouter/gemma-3n-e4b-it.md", "openrouter/glm-4.5.md",
                     "openrouter/granite-4.0-h-micro.md", "openrouter/ling-2.6-1t.md",
                     "openrouter/mistral-small-3.2-24b-instruct.md", "openrouter/qwen3-max-thinking.md",
                     "openrouter/qwen3-next-80b-a3b-instruct-free.md", "openrouter/reka-flash-3.md"]
    result = check_project(Project.at(seeded.root), today=TODAY)
    # The OpenRouter answer dates from 2026-05-12: offers checked then are 193 days old today.
    assert {(d.severity.value, d.code) for d in result.diagnostics} == {("warning", "no-prose"),
                                                                        ("warning", "stale-data")}
    haiku = next(r.meta for r in result.content.reviews if r.key == "anthropic/claude-haiku-4-5")
    assert (str(haiku.pricing.input), haiku.pricing.verified.isoformat()) == ("1", "2026-07-02")
    assert [(o.provider, o.route, str(o.output), o.verified.isoformat()) for o in haiku.offers] == [
        ("openrouter", "anthropic/claude-haiku-4.5", "5", "2026-05-12")]


def test_without_seeds_openrouter_models_are_imported_with_an_unknown_release_and_the_day_first_listed(site):
    status, files, out = imported(site, "openrouter", "openrouter-sample.json")
    assert status == 0 and len(files) == 15
    assert out.splitlines()[-1].startswith("15 reviews written to content, 0 entries skipped")
    text = (site.content / "models/openrouter/gpt-4.1-mini.md").read_text(encoding="utf-8")
    assert "\nreleased: unknown\nfirst_listed: 2025-04-14\n" in text
    assert "openrouter/claude-haiku-4.5.md" in files and "openrouter/claude-opus-4.7-fast.md" in files


@pytest.mark.parametrize("mtime, verified", [
    (dt.date(2027, 2, 1), TODAY),                # copied or pinned: later than the import day
    (dt.date(2026, 10, 3), dt.date(2026, 10, 3)),  # an older download keeps its own day
])
def test_litellm_prices_are_verified_on_the_files_day_but_never_after_today(seeded, tmp_path, mtime, verified):
    """LiteLLM's file has no date of its own, so its mtime stands in for one."""
    sample = tmp_path / "litellm-sample.json"
    shutil.copyfile(SAMPLES / "litellm-sample.json", sample)
    stamp = dt.datetime.combine(mtime, dt.time(12)).timestamp()
    os.utime(sample, (stamp, stamp))
    status = run_import(Project.at(seeded.root), "litellm", sample, None, ["gpt-4.1-mini"], False, None,
                        today=TODAY, out=io.StringIO())
    assert status == 0
    result = check_project(Project.at(seeded.root), today=TODAY)
    assert not [d for d in result.diagnostics if d.is_error]
    mini = next(r.meta for r in result.content.reviews if r.key == "openai/gpt-4.1-mini")
    assert (mini.pricing.verified, mini.sources[0].accessed) == (verified, verified)


def test_openrouter_listings_without_an_output_limit_are_imported_with_it_unknown(site):
    """`top_provider.max_completion_tokens: null` (granite), or a limit above the context window
    (DeepSeek V3.1 Nex N1, 163,840 > 131,072): written `unknown`, never the context window."""
    status, files, out = imported(site, "openrouter", "openrouter-sample.json")
    assert status == 0
    granite = (site.content / "models/openrouter/granite-4.0-h-micro.md").read_text(encoding="utf-8")
    assert "\nmax_output: unknown\n" in granite
    assert "# No source gives an output limit: it is written as unknown.\n" in granite
    nex = (site.content / "models/openrouter/deepseek-v3.1-nex-n1.md").read_text(encoding="utf-8")
    assert "\ncontext_window: 131072\nmax_output: unknown\n" in nex
    assert ("unknown nex-agi/deepseek-v3.1-nex-n1: the output limit 163,840 is larger than the context window "
            "131,072: the source contradicts itself, so the output limit is written as unknown") in out.splitlines()
    result = check_project(Project.at(site.root), today=TODAY)
    assert not [d for d in result.diagnostics if d.is_error]
