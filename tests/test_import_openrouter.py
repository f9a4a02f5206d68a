"""The OpenRouter adapter, against the shared sample and hand-made edge cases."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO
from generator.load.config import load_site_config
from generator.authoring.importers import CatalogError, Skipped, read_catalog

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples" / "openrouter-sample.json"


@pytest.fixture(scope="module")
def keys():
    config, _ = load_site_config(REPO / "site_config", REPO)
    return {p.key for p in config.providers}


def test_the_sample_reads_completely(keys):
    read = read_catalog("openrouter", SAMPLE, keys)
    assert (read.entries, len(read.records), read.skipped, dict(read.not_chat)) == (15, 15, [], {})
    assert read.source.as_of == dt.date(2026, 5, 12)        # the newest 'created'
    records = {r.key: r for r in read.records}
    mini = records["openai/gpt-4.1-mini"]
    assert (mini.provider, mini.model_id, mini.lab, mini.name) == ("openrouter", "openai/gpt-4.1-mini", "openai",
                                                                  "GPT-4.1 Mini")
    assert (mini.input, mini.output, mini.cached_input) == (Decimal("0.4"), Decimal("1.6"), Decimal("0.1"))
    assert (mini.context_window, mini.max_output, mini.knowledge_cutoff, mini.released) == (
        1047576, 32768, "2024-06-30", None)
    assert (mini.tool_calling, mini.structured_output, mini.reasoning, mini.open_weights) == (True, True, False, None)
    assert records["openai/gpt-4.1"].max_output is None                  # max_completion_tokens: null
    assert records["google/gemma-3n-e4b-it"].open_weights is True       # has a hugging_face_id
    assert records["mistralai/mistral-small-3.2-24b-instruct"].lab == "mistral"
    assert records["qwen/qwen3-next-80b-a3b-instruct:free"].input == Decimal(0)


def read_made(tmp_path, keys, entries):
    path = tmp_path / "models.json"
    path.write_text(json.dumps({"data": entries}))
    return read_catalog("openrouter", path, keys)


def model(model_id, **fields):
    base = {"id": model_id, "name": f"Maker: {model_id}", "created": 1750000000, "context_length": 1000,
            "architecture": {"input_modalities": ["text"], "output_modalities": ["text"]},
            "pricing": {"prompt": "0.000001", "completion": "0.000002"},
            "top_provider": {"max_completion_tokens": 100}}
    base.update(fields)
    return base


def test_variable_missing_and_unknown_fields(tmp_path, keys):
    read = read_made(tmp_path, keys, [
        model("openrouter/auto", pricing={"prompt": "-1", "completion": "-1"}),
        model("a/no-pricing", pricing={}),
        model("a/extra", surprise={"nested": True}, pricing={"prompt": "0", "completion": "0", "image": "0.1"}),
        model("a/extra"),
        {"name": "no id"},
        model("a/picture", architecture={"input_modalities": ["text"], "output_modalities": ["image"]}),
    ])
    assert [(r.key, r.priced) for r in read.records] == [("a/no-pricing", False), ("a/extra", True)]
    assert read.skipped == [Skipped("openrouter/auto", "OpenRouter lists its prompt price as '-1': the price varies "
                                    "by route (a router, not one model), and a review needs a fixed price for its "
                                    "cost table"),
                            Skipped("a/extra", "the id is listed twice; the first listing was used"),
                            Skipped("data[4]", "the entry has no 'id'")]
    assert dict(read.not_chat) == {"image": 1}


def test_the_answer_must_have_a_data_list(tmp_path, keys):
    path = tmp_path / "models.json"
    path.write_text(json.dumps({"models": []}))
    with pytest.raises(CatalogError, match="is not an OpenRouter models answer"):
        read_catalog("openrouter", path, keys)


def test_a_minus_one_on_either_side_means_no_fixed_price(tmp_path, keys):
    read = read_made(tmp_path, keys, [model("openrouter/router", pricing={"prompt": "0", "completion": "-1"}),
                                      model("a/fixed", pricing={"prompt": "0", "completion": "0"})])
    assert [r.key for r in read.records] == ["a/fixed"]
    assert read.skipped == [Skipped("openrouter/router", "OpenRouter lists its completion price as '-1': the price "
                                    "varies by route (a router, not one model), and a review needs a fixed price "
                                    "for its cost table")]


def test_listings_without_or_with_an_impossible_output_limit_import_with_it_unknown(site, tmp_path):
    import io
    from conftest import TODAY
    from generator.commands.importing import run_import
    from generator.project import Project, check_project
    path = tmp_path / "models.json"
    path.write_text(json.dumps({"data": [model("a/silent", top_provider={"max_completion_tokens": None}),
                                         model("a/overlong", top_provider={"max_completion_tokens": 4096})]}))
    out = io.StringIO()
    assert run_import(Project.at(site.root), "openrouter", path, None, [], True, None, today=TODAY, out=out) == 0
    assert ("unknown a/overlong: the output limit 4,096 is larger than the context window 1,000: the source "
            "contradicts itself, so the output limit is written as unknown") in out.getvalue().splitlines()
    for name in ("silent", "overlong"):
        text = (site.content / f"models/openrouter/{name}.md").read_text(encoding="utf-8")
        assert "\ncontext_window: 1000\nmax_output: unknown\n" in text
    result = check_project(Project.at(site.root), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []
    assert {r.meta.max_output for r in result.content.reviews} == {"unknown"}
