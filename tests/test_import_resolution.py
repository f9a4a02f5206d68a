"""Entity resolution: every listing resolved to one model at its maker, by the rules in `resolve`."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest

from conftest import TODAY
from generator.authoring.importers.grouping import plan_models
from generator.authoring.importers.record import ImportedModel
from generator.authoring.importers.resolve import Resolver, normal, split_date, split_mode
from generator.commands.importing import run_explain, run_import
from generator.project import Project, check_project

KEYS = {"anthropic", "openai", "deepseek", "llama", "nvidia", "amazon-bedrock", "openrouter", "azure", "kilo",
        "nano-gpt", "vercel", "zai", "zhipuai", "google", "google-vertex"}


def listing(provider, model_id, **fields):
    base = dict(key=f"{provider}/{model_id}", provider=provider, model_id=model_id, lab=None,
                input=Decimal(1), output=Decimal(2), context_window=128000, max_output=8192,
                released=dt.date(2025, 1, 1), modalities_in=("text",), modalities_out=("text",))
    base.update(fields)
    return ImportedModel(**base)


def plan(*records, seeds=None, **resolver):
    return {p.key: p for p in plan_models(list(records), seeds or {}, Resolver(KEYS, **resolver))}


@pytest.mark.parametrize("slug, key", [
    ("claude-haiku-4.5", "claude-haiku-4-5"),
    ("meta-llama-3-1-8b-instruct-fp8", "llama-3-1-8b"),
    ("azure-gpt-4o", "gpt-4o"),
    ("gemma-3-27b-it", "gemma-3-27b"),
    ("claude-opus-4-0", "claude-opus-4"),
    ("llama4-scout-17b-instruct", "llama-4-scout-17b"),
    ("gemini-2.0-flash-001", "gemini-2-0-flash"),
    ("deepseek-v3", "deepseek-v3"),            # a version word is not a packaging suffix
])
def test_packaging_is_dropped_for_matching(slug, key):
    assert normal(slug) == key


def test_modes_and_dates_are_split_off():
    assert split_mode("deepseek-v3-2-thinking") == ("deepseek-v3-2", "thinking")
    assert split_mode("qwen3-free") == ("qwen3", "free")
    assert split_mode("thinking") == ("thinking", None)
    assert split_date("claude-haiku-4-5-20251001") == ("claude-haiku-4-5", "20251001")
    assert split_date("gpt-4o-2024-08-06") == ("gpt-4o", "2024-08-06")
    assert split_date("magistral-small-2509") == ("magistral-small-2509", None)


def test_a_resellers_copy_is_an_offer_on_the_makers_review():
    planned = plan(listing("nvidia", "nemotron-nano-9b-v2"),
                   listing("amazon-bedrock", "nvidia.nemotron-nano-9b-v2"),
                   listing("kilo", "nvidia/nemotron-nano-9b-v2"))
    assert list(planned) == ["nvidia/nemotron-nano-9b-v2"]
    assert [(o.provider, o.model_id) for o in planned["nvidia/nemotron-nano-9b-v2"].offers] == [
        ("amazon-bedrock", "nvidia.nemotron-nano-9b-v2"), ("kilo", "nvidia/nemotron-nano-9b-v2")]


def test_bedrock_keys_resolve_through_the_prefix_and_the_makers_word():
    planned = plan(listing("deepseek", "deepseek-r1"), listing("amazon-bedrock", "deepseek.r1-v1:0"),
                   listing("amazon-bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
                   listing("amazon-bedrock", "eu.anthropic.claude-haiku-4-5-20251001-v1:0", input=Decimal(3)),
                   listing("anthropic", "claude-haiku-4-5"), listing("anthropic", "claude-haiku-4-5-20251001"))
    assert sorted(planned) == ["anthropic/claude-haiku-4-5", "deepseek/deepseek-r1"]
    assert [o.model_id for o in planned["deepseek/deepseek-r1"].offers] == ["deepseek.r1-v1:0"]
    haiku = planned["anthropic/claude-haiku-4-5"]
    # one snapshot, and Bedrock's regional copies of one route are one offer
    assert (haiku.snapshot, haiku.aliases, len(haiku.offers)) == ("claude-haiku-4-5-20251001", [], 1)


def test_two_dated_snapshots_without_an_undated_id_are_two_models():
    planned = plan(listing("anthropic", "claude-3-5-sonnet-20240620"), listing("anthropic", "claude-3-5-sonnet-20241022"),
                   listing("openrouter", "anthropic/claude-3.5-sonnet"))
    assert sorted(planned) == ["anthropic/claude-3-5-sonnet-20240620", "anthropic/claude-3-5-sonnet-20241022"]
    # the bare name at a reseller is the newest
    assert [o.provider for o in planned["anthropic/claude-3-5-sonnet-20241022"].offers] == ["openrouter"]


def test_a_mode_variant_is_the_same_model_with_the_mode_on_the_offer():
    planned = plan(listing("deepseek", "deepseek-v3.2"), listing("nano-gpt", "deepseek-v3.2:thinking"),
                   listing("nano-gpt", "deepseek/deepseek-v3.2"))
    assert list(planned) == ["deepseek/deepseek-v3.2"]
    assert [(o.model_id, o.mode) for o in planned["deepseek/deepseek-v3.2"].offers] == [
        ("deepseek/deepseek-v3.2", None), ("deepseek-v3.2:thinking", "thinking")]


def test_the_makers_own_two_modes_stay_two_models():
    planned = plan(listing("deepseek", "deepseek-v3.2"), listing("deepseek", "deepseek-v3.2-thinking"))
    assert sorted(planned) == ["deepseek/deepseek-v3.2", "deepseek/deepseek-v3.2-thinking"]


def test_a_reseller_only_model_stays_at_a_reseller_and_is_one_review():
    planned = plan(listing("nano-gpt", "Gemma-4-31B-DarkIdol"), listing("kilo", "gemma-4-31b-darkidol"),
                   listing("google", "gemma-4-31b-it"))
    assert sorted(planned) == ["google/gemma-4-31b-it", "kilo/gemma-4-31b-darkidol"]
    assert [o.provider for o in planned["kilo/gemma-4-31b-darkidol"].offers] == ["nano-gpt"]


def test_a_lab_that_also_resells_keeps_other_makers_models_as_offers():
    """NVIDIA's NIM lists Llama: that is not NVIDIA's model."""
    planned = plan(listing("nvidia", "meta/llama-3.3-70b-instruct"), listing("llama", "llama-3.3-70b-instruct"))
    assert list(planned) == ["llama/llama-3.3-70b-instruct"]
    assert [o.provider for o in planned["llama/llama-3.3-70b-instruct"].offers] == ["nvidia"]


def test_the_mapping_file_settles_what_the_data_cannot():
    records = [listing("openai", "gpt-4o"), listing("nano-gpt", "mystery-omni")]
    assert sorted(plan(*records)) == ["nano-gpt/mystery-omni", "openai/gpt-4o"]
    pinned = plan(*records, same_model={"nano-gpt/mystery-omni": "openai/gpt-4o"})
    assert list(pinned) == ["openai/gpt-4o"]
    assert [o.model_id for o in pinned["openai/gpt-4o"].offers] == ["mystery-omni"]


def test_a_makers_word_from_the_mapping_file_names_the_maker():
    record = listing("vercel", "chatglm-9")
    assert Resolver(KEYS).resolve(record).maker is None
    found = Resolver(KEYS, makers={"chatglm": "zhipuai"}).resolve(record)
    assert (found.maker, found.at_maker) == ("zhipuai", False)   # named, but the maker does not list it
    assert "the word 'chatglm' names the maker zhipuai" in found.steps


def test_an_unknown_id_matches_a_makers_listing_without_any_hint():
    planned = plan(listing("zhipuai", "chatglm-9"), listing("vercel", "chatglm-9"))
    assert list(planned) == ["zhipuai/chatglm-9"]


def test_zai_and_zhipuai_are_one_maker():
    planned = plan(listing("zhipuai", "glm-4.6"), listing("zai", "glm-4.6", input=Decimal("0.9")))
    assert list(planned) == ["zhipuai/glm-4.6"]
    assert [o.provider for o in planned["zhipuai/glm-4.6"].offers] == ["zai"]


def test_explain_prints_the_steps_and_where_the_listing_went(site, tmp_path):
    api = {"deepseek": {"id": "deepseek", "models": {"deepseek-r1": _md("deepseek-r1")}},
           "amazon-bedrock": {"id": "amazon-bedrock", "models": {"deepseek.r1-v1:0": _md("deepseek.r1-v1:0")}}}
    path = tmp_path / "api.json"
    path.write_text(json.dumps(api), encoding="utf-8")
    out = io.StringIO()
    assert run_explain(Project.at(site.root), "models-dev", path, "amazon-bedrock/deepseek.r1-v1:0", out=out) == 0
    assert out.getvalue().splitlines() == [
        "amazon-bedrock/deepseek.r1-v1:0 (sold by amazon-bedrock):",
        "  - id prefix 'deepseek' names the maker deepseek",
        "  - the word 'deepseek' names the maker deepseek",
        "  - the maker deepseek lists it as 'deepseek-r1'",
        "  => review deepseek/deepseek-r1: an offer",
    ]
    out = io.StringIO()
    assert run_explain(Project.at(site.root), "models-dev", path, "nothing-like-it", out=out) == 1


def test_a_mode_only_listing_and_an_unknown_release_pass_check(site, tmp_path):
    data = {"data": [{"id": "acme/widget-9:thinking", "name": "Acme: Widget 9 (thinking)", "created": 1735689600,
                      "context_length": 128000, "architecture": {"input_modalities": ["text"],
                                                                 "output_modalities": ["text"]},
                      "pricing": {"prompt": "0.000001", "completion": "0.000002"},
                      "top_provider": {"max_completion_tokens": 8192}, "expiration_date": "2027-01-31"}]}
    path = tmp_path / "or.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    assert run_import(Project.at(site.root), "openrouter", path, None, [], True, None, today=TODAY, out=out) == 0
    text = next((site.content / "models").rglob("*.md")).read_text(encoding="utf-8")
    assert "\nreleased: unknown\nfirst_listed: 2025-01-01\nlifecycle:\n  status: active\n  retires: 2027-01-31\n" in text
    result = check_project(Project.at(site.root), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []


def _md(model_id):
    return {"id": model_id, "name": "DeepSeek R1", "family": "deepseek-thinking", "release_date": "2025-01-20",
            "last_updated": "2025-05-29", "modalities": {"input": ["text"], "output": ["text"]},
            "tool_call": True, "reasoning": True, "open_weights": True, "cost": {"input": 1.35, "output": 5.4},
            "limit": {"context": 128000, "output": 32768}}


def test_a_providers_own_prefix_on_the_id_is_dropped():
    keys = KEYS | {"databricks", "cerebras"}
    records = [listing("anthropic", "claude-opus-4-7"), listing("databricks", "databricks-claude-opus-4-7"),
               listing("llama", "llama-4-scout"), listing("llama", "cerebras-llama-4-scout")]
    planned = {p.key: p for p in plan_models(records, {}, Resolver(keys))}
    assert sorted(planned) == ["anthropic/claude-opus-4-7", "llama/llama-4-scout"]
    assert [o.model_id for o in planned["anthropic/claude-opus-4-7"].offers] == ["databricks-claude-opus-4-7"]
    assert planned["llama/llama-4-scout"].aliases == ["cerebras-llama-4-scout"]


def test_a_canonical_slug_that_extends_the_id_finds_the_makers_model():
    maverick = "meta-llama/llama-4-maverick-17b-128e-instruct"
    records = [listing("llama", "llama-4-maverick-17b-128e-instruct"),
               listing("openrouter", "meta-llama/llama-4-maverick", canonical=maverick),
               listing("openrouter", "meta-llama/llama-4-maverick:free", input=Decimal(0), output=Decimal(0),
                       canonical=maverick + "-04-05")]
    planned = plan(*records)
    assert list(planned) == ["llama/llama-4-maverick-17b-128e-instruct"]
    assert [(o.model_id, o.mode) for o in planned["llama/llama-4-maverick-17b-128e-instruct"].offers] == [
        ("meta-llama/llama-4-maverick", None), ("meta-llama/llama-4-maverick:free", "free")]
    found = Resolver(KEYS)
    found.learn(records)
    assert (f"its canonical_slug '{maverick}' names it more exactly: the maker llama lists it as "
            "'llama-4-maverick-17b-128e'") in found.resolve(records[1]).steps
    # without the slug the id alone names the maker but finds no model there
    assert sorted(plan(records[0], listing("openrouter", "meta-llama/llama-4-maverick"))) == [
        "llama/llama-4-maverick-17b-128e-instruct", "openrouter/llama-4-maverick"]


def test_a_canonical_slug_naming_another_model_is_ignored():
    """OpenRouter gives `z-ai/glm-4.6v` (vision) the slug `z-ai/glm-4.6-20251208` (the text model)."""
    planned = plan(listing("zhipuai", "glm-4.6"), listing("openrouter", "z-ai/glm-4.6v", canonical="z-ai/glm-4.6-20251208"))
    assert sorted(planned) == ["openrouter/glm-4.6v", "zhipuai/glm-4.6"]
    assert planned["zhipuai/glm-4.6"].offers == []
