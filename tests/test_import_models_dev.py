"""The models.dev adapter, against the shared api.json and hand-made edge cases."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO
from generator.load.config import load_site_config
from generator.authoring.importers import CatalogError, ImportedBenchmark, Skipped, Tier, read_catalog

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
API = DATA / "models-dev" / "api.json"


@pytest.fixture(scope="module")
def keys():
    config, _ = load_site_config(REPO / "site_config", REPO)
    return {p.key for p in config.providers}


@pytest.fixture(scope="module")
def shared(keys):
    return read_catalog("models-dev", API, keys)


def by_key(read):
    return {r.key: r for r in read.records}


def test_the_shared_file_reads_completely(shared):
    assert shared.entries == 5276
    # 4,954 provider listings, and 26 labs.json records of models their lab's block does not list
    assert len(shared.records) == 4980
    assert sum(r.key.startswith("labs.json: ") for r in shared.records) == 26
    # 55 embedding models: 5 of them (DigitalOcean's e5-large-v2, ...) said so only by `family: text-embedding`
    assert dict(shared.not_chat) == {"image": 120, "embedding": 55, "audio": 49, "video": 47, "moderation": 23,
                                     "rerank": 12, "realtime": 9, "ocr": 7}
    assert shared.skipped == []
    assert shared.source.as_of == dt.date(2026, 6, 30)   # newest last_updated in the file


def test_gpt_41_mini_at_openai_is_read_exactly(shared):
    record = by_key(shared)["openai/gpt-4.1-mini"]
    assert (record.provider, record.model_id, record.lab, record.name, record.family) == (
        "openai", "gpt-4.1-mini", None, "GPT-4.1 mini", "gpt-mini")
    assert (record.input, record.output, record.cached_input) == (Decimal("0.4"), Decimal("1.6"), Decimal("0.1"))
    assert (record.context_window, record.max_output) == (1047576, 32768)
    assert (record.released, record.knowledge_cutoff) == (dt.date(2025, 4, 14), "2024-04")
    assert (record.modalities_in, record.modalities_out) == (("text", "image", "pdf"), ("text",))
    assert (record.tool_calling, record.structured_output, record.reasoning, record.open_weights,
            record.fine_tuning) == (True, True, False, False, None)
    assert record.benchmarks == (ImportedBenchmark("Aider Polyglot", Decimal("32.4"), "%",
                                                   "https://aider.chat/docs/leaderboards/", dt.date(2025, 4, 14)),)


def test_float_noise_in_the_shared_file_is_cleaned(shared):
    record = by_key(shared)["helicone/gpt-4.1-mini"]   # 0.39999999999999997, 1.5999999999999999, ...
    assert [str(p) for p in (record.input, record.output, record.cached_input)] == ["0.4", "1.6", "0.1"]


def test_a_prefixed_id_names_its_maker(shared):
    assert by_key(shared)["openrouter/openai/gpt-4.1-mini"].lab == "openai"
    assert by_key(shared)["amazon-bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0"].lab == "anthropic"


def test_a_price_tier_becomes_a_long_context_tier(shared):
    assert by_key(shared)["google/gemini-2.5-pro"].tiers == (
        Tier(200000, Decimal("2.5"), Decimal("15"), Decimal("0.25")),)


def entry(**fields):
    base = {"id": "x", "name": "X", "release_date": "2025-01-02", "last_updated": "2025-03-04",
            "modalities": {"input": ["text"], "output": ["text"]}, "tool_call": True, "reasoning": False,
            "open_weights": True, "cost": {"input": 1, "output": 2}, "limit": {"context": 1000, "output": 100}}
    base.update(fields)
    return base


def read_made(tmp_path, keys, models, provider="mistral", raw=None):
    path = tmp_path / "api.json"
    path.write_text(raw if raw is not None else json.dumps({provider: {"id": provider, "models": models}}))
    return read_catalog("models-dev", path, keys)


def test_missing_zero_and_string_prices(tmp_path, keys):
    read = read_made(tmp_path, keys, {
        "no-cost": {k: v for k, v in entry().items() if k != "cost"},
        "half-cost": entry(cost={"input": 1}),
        "free": entry(cost={"input": 0, "output": 0.0}),
        "text-price": entry(cost={"input": "0.25", "output": "1.25"}),
        "bad-price": entry(cost={"input": "cheap", "output": 1}),
    })
    records = {r.model_id: r for r in read.records}
    assert (records["no-cost"].input, records["no-cost"].priced) == (None, False)
    assert (records["half-cost"].input, records["half-cost"].output) == (Decimal(1), None)
    assert (records["free"].input, records["free"].output, records["free"].priced) == (Decimal(0), Decimal(0), True)
    assert (str(records["text-price"].input), str(records["text-price"].output)) == ("0.25", "1.25")
    assert read.skipped == [Skipped("mistral/bad-price", "price 'cheap' is not a number")]


def test_tiers_unknown_keys_and_month_only_dates(tmp_path, keys):
    read = read_made(tmp_path, keys, {
        "tiered": entry(cost={"input": 1, "output": 2, "tiers": [
            {"input": 4, "output": 8, "tier": {"size": 500}}, {"input": 2, "output": 4, "tier": {"size": 200}},
            {"input": 9, "tier": {"size": 900}}]}),
        "odd": entry(cost={"input": 1, "output": 2, "cached_input": 0.5, "surprise": 1}, release_date="2026-01",
                     knowledge="sometime", colour="blue"),
    })
    records = {r.model_id: r for r in read.records}
    assert records["tiered"].tiers == (Tier(200, Decimal(2), Decimal(4)), Tier(500, Decimal(4), Decimal(8)))
    assert records["tiered"].notes == ("a price tier without size, input or output was left out",)
    odd = records["odd"]
    assert (odd.cached_input, odd.released, odd.knowledge_cutoff) == (None, None, None)
    assert odd.notes == ("ignored unknown price keys: cached_input, surprise",
                         "release date left out: date '2026-01' gives only the month",
                         "knowledge cutoff left out: knowledge cutoff 'sometime' is not YYYY-MM or YYYY-MM-DD")


def test_duplicate_ids_keep_the_first_listing_and_say_so(tmp_path, keys):
    raw = ('{"mistral": {"id": "mistral", "models": {"twice": %s, "twice": %s}}}'
           % (json.dumps(entry(name="First")), json.dumps(entry(name="Second"))))
    read = read_made(tmp_path, keys, None, raw=raw)
    assert [r.name for r in read.records] == ["First"]
    assert read.skipped == [Skipped("mistral/twice", "listed twice in the file; the first listing was used, "
                                                     "the second ignored")]


def test_non_chat_entries_are_counted_by_kind(tmp_path, keys):
    read = read_made(tmp_path, keys, {
        "text-embedding-3": entry(), "rerank-v3": entry(), "gpt-image-1": entry(modalities={
            "input": ["text"], "output": ["image"]}),
        "sora": entry(modalities={"input": ["text"], "output": ["video"]}), "chat": entry(),
        "chat-with-pictures": entry(modalities={"input": ["text"], "output": ["text", "image"]}),
    })
    assert sorted(r.model_id for r in read.records) == ["chat", "chat-with-pictures"]
    assert dict(read.not_chat) == {"embedding": 1, "rerank": 1, "image": 1, "video": 1}


def test_an_embedding_family_is_not_chat_even_when_the_id_does_not_say_so(tmp_path, keys):
    """DigitalOcean's `e5-large-v2` (family text-embedding, "output": 1024 is its vector size)."""
    read = read_made(tmp_path, keys, {
        "e5-large-v2": entry(family="text-embedding", limit={"context": 512, "output": 1024}),
        "bge-large": entry(family="rerank"), "talker": entry(family="gpt-audio"), "chat": entry(family="chat"),
    })
    assert sorted(r.model_id for r in read.records) == ["chat", "talker"]
    assert dict(read.not_chat) == {"embedding": 1, "rerank": 1}


def test_unknown_provider_entries_are_reported_with_their_key(tmp_path, keys):
    read = read_made(tmp_path, keys, {"x": entry()}, provider="nowhere-ai")
    assert read.skipped == [Skipped("nowhere-ai/x", "provider 'nowhere-ai' is not in site_config/providers.yaml")]


@pytest.mark.parametrize("raw, message", [
    ("{not json", "not valid JSON"),
    ('{"openai": {"models": []}}', "is not a models.dev api.json"),
    ("[]", "is not a models.dev api.json"),
])
def test_an_unusable_file_is_one_error(tmp_path, keys, raw, message):
    with pytest.raises(CatalogError, match=message):
        read_made(tmp_path, keys, None, raw=raw)


def test_a_missing_file_is_one_error(tmp_path, keys):
    with pytest.raises(CatalogError, match="does not exist"):
        read_catalog("models-dev", tmp_path / "nope.json", keys)
