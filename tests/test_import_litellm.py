"""The LiteLLM adapter, against the shared sample and hand-made edge cases."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO
from generator.load.config import load_site_config
from generator.authoring.importers import Skipped, Tier, read_catalog

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples" / "litellm-sample.json"


@pytest.fixture(scope="module")
def keys():
    config, _ = load_site_config(REPO / "site_config", REPO)
    return {p.key for p in config.providers}


def test_the_sample_reads_completely(keys):
    read = read_catalog("litellm", SAMPLE, keys)
    assert (read.entries, len(read.records), read.skipped) == (20, 16, [])
    assert dict(read.not_chat) == {"image_generation": 2, "realtime": 2}
    records = {r.key: r for r in read.records}
    gpt = records["gpt-4.1"]
    assert (gpt.provider, gpt.model_id, gpt.input, gpt.output, gpt.cached_input) == (
        "openai", "gpt-4.1", Decimal(2), Decimal(8), Decimal("0.5"))
    assert (gpt.batch_input, gpt.batch_output) == (Decimal(1), Decimal(4))
    assert (gpt.context_window, gpt.max_input, gpt.max_output) == (None, 1047576, 32768)
    assert (gpt.modalities_in, gpt.modalities_out) == (("text", "image"), ("text",))
    assert (gpt.tool_calling, gpt.structured_output, gpt.reasoning, gpt.released) == (True, True, None, None)
    assert records["gpt-5.4-pro"].tiers == (Tier(272000, Decimal(60), Decimal(270), Decimal(6)),)
    assert records["claude-3-7-sonnet-20250219"].deprecated == dt.date(2026, 2, 19)
    assert records["gemini-2.0-flash"].provider == "google-vertex"
    assert str(records["gemini-2.0-flash-lite"].cached_input) == "0.01875"


def read_made(tmp_path, keys, entries, raw=None):
    path = tmp_path / "prices.json"
    path.write_text(raw if raw is not None else json.dumps(entries))
    return read_catalog("litellm", path, keys)


def chat(provider="openai", **fields):
    base = {"litellm_provider": provider, "mode": "chat", "input_cost_per_token": 1e-06,
            "output_cost_per_token": 2e-06, "max_input_tokens": 1000, "max_output_tokens": 100}
    base.update(fields)
    return base


def test_routing_prefixes_providers_and_makers(tmp_path, keys):
    read = read_made(tmp_path, keys, {
        "azure/gpt-4.1-mini": chat("azure"),
        "openrouter/openai/gpt-4.1-mini": chat("openrouter"),
        "bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0": chat("bedrock_converse"),
        "vertex_ai/claude-haiku-4-5@20251001": chat("vertex_ai-anthropic_models"),
        "somecloud/model": chat("somecloud"),
    })
    assert [(r.provider, r.model_id, r.lab) for r in read.records] == [
        ("azure", "gpt-4.1-mini", None),
        ("openrouter", "openai/gpt-4.1-mini", "openai"),
        ("amazon-bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic"),
        ("google-vertex-anthropic", "claude-haiku-4-5@20251001", None),
    ]
    assert read.skipped == [Skipped("somecloud/model", "LiteLLM provider 'somecloud' has no key in "
                                                       "site_config/providers.yaml")]


def test_prices_strings_zeros_and_missing(tmp_path, keys):
    read = read_made(tmp_path, keys, {
        "text": chat(input_cost_per_token="4e-07", output_cost_per_token="0.0000016"),
        "free": chat(input_cost_per_token=0, output_cost_per_token=0.0),
        "per-character": chat(input_cost_per_token=None, output_cost_per_token=None, input_cost_per_character=1e-07),
        "broken": chat(output_cost_per_token="n/a"),
    })
    records = {r.key: r for r in read.records}
    assert (str(records["text"].input), str(records["text"].output)) == ("0.4", "1.6")
    assert (records["free"].input, records["free"].priced) == (Decimal(0), True)
    assert records["per-character"].priced is False
    assert read.skipped == [Skipped("broken", "price 'n/a' is not a number")]


def test_modes_sample_spec_and_duplicates(tmp_path, keys):
    raw = json.dumps({"sample_spec": {"mode": "one of: chat, embedding"}, "a": chat(),
                      "e": chat(mode="embedding"), "r": chat(mode="responses"),
                      "c": chat(mode="completion"), "t": chat(mode="audio_speech"), "n": chat(mode=None),
                      "rt": chat(supported_endpoints=["/v1/realtime"])})
    raw = raw.replace('"a": {', '"dup": {"litellm_provider": "openai", "mode": "chat"}, "a": {', 1)
    raw = raw[:-1] + ', "dup": {"litellm_provider": "openai", "mode": "embedding"}}'
    read = read_made(tmp_path, keys, None, raw=raw)
    assert sorted(r.key for r in read.records) == ["a", "c", "dup", "r"]
    assert dict(read.not_chat) == {"embedding": 1, "audio_speech": 1, "no mode": 1, "realtime": 1}
    assert Skipped("dup", "listed twice in the file; the first listing was used, the second ignored") in read.skipped


def test_tiers_need_both_prices_and_modalities_come_from_flags(tmp_path, keys):
    read = read_made(tmp_path, keys, {"m": chat(
        input_cost_per_token_above_200k_tokens=2e-06, output_cost_per_token_above_200k_tokens=4e-06,
        input_cost_per_token_above_128k_tokens=3e-06, supports_vision=True, supports_pdf_input=True,
        supports_reasoning=True, unknown_field={"x": 1})})
    record = read.records[0]
    assert record.tiers == (Tier(200000, Decimal(2), Decimal(4)),)
    assert (record.modalities_in, record.modalities_out, record.reasoning) == (("text", "image", "pdf"), ("text",), True)
