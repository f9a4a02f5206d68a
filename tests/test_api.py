"""The open-data API: every file validates against its published schema, and its shape is pinned."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.render.api import api_files
from generator.render.api_schema import SCHEMAS
from render_sample import build_sample, new_project, parse, sample_catalog, table_rows, write_sample

SUMMARY_FIELDS = ["key", "provider", "id", "name", "snapshot", "family", "aliases", "bracket", "released",
                  "reviewed", "updated", "lifecycle", "context_window", "max_output", "knowledge_cutoff",
                  "modalities", "capabilities", "pricing", "blended_price", "monthly_costs", "offers", "grade", "url"]
DETAIL_FIELDS = SUMMARY_FIELDS + ["price_history", "benchmarks", "peers", "comparisons"]


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("api") / "project")


def load(site_dir: Path, path: str):
    return json.loads((site_dir / path).read_text(encoding="utf-8"))


def validate(site_dir: Path, document: dict) -> None:
    name = document["$schema"].rsplit("/", 1)[1]
    schema = load(site_dir, f"api/schema/{name}")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)


def test_every_api_file_validates_against_its_schema(site_dir):
    documents = sorted((site_dir / "api").rglob("*.json"))
    data = [p for p in documents if "schema" not in p.parts]
    assert len(data) == 3 + len(load(site_dir, "api/models.json")["models"])
    for path in data:
        validate(site_dir, json.loads(path.read_text(encoding="utf-8")))


def test_models_json_shape(site_dir):
    document = load(site_dir, "api/models.json")
    assert list(document) == ["$schema", "version", "updated", "rules", "models"]
    assert document["version"] == 1
    models = document["models"]
    assert [m["key"] for m in models] == sorted(m["key"] for m in models)
    assert all(list(m) == SUMMARY_FIELDS for m in models)
    mini = next(m for m in models if m["key"] == "openai/gpt-4.1-mini")
    assert mini["pricing"] == {"input": 0.4, "output": 1.6, "cached_input": 0.1,
                               "batch": {"input": 0.2, "output": 0.8}, "long_context": None,
                               "verified": "2026-11-01"}
    assert mini["grade"] == {"score": 2.58, "label": "Strong", "benchmarked": "2026-04-11"}
    assert mini["url"] == "models/openai/gpt-4.1-mini/"
    assert document["rules"]["input_share"] == 0.5
    assert document["rules"]["monthly_tokens"] == [c["tokens"] for c in mini["monthly_costs"]]


def test_every_model_file_and_page_exists(site_dir):
    for model in load(site_dir, "api/models.json")["models"]:
        detail = load(site_dir, f"api/models/{model['key']}.json")["model"]
        assert list(detail) == DETAIL_FIELDS
        assert {k: detail[k] for k in SUMMARY_FIELDS} == model
        assert (site_dir / model["url"] / "index.html").is_file()
        for link in detail["comparisons"]:
            assert (site_dir / link["url"] / "index.html").is_file()


def test_monthly_costs_are_the_amounts_the_review_page_shows(site_dir):
    for model in load(site_dir, "api/models.json")["models"]:
        page = parse(site_dir, model["url"])
        shown = [row[-1] for row in table_rows(page.css_first(".mr-costs"))[1:]]
        assert shown == [f"${c['usd']:,.2f}" for c in model["monthly_costs"]], model["key"]


def test_providers_and_brackets_list_only_what_has_a_page(site_dir):
    providers = load(site_dir, "api/providers.json")["providers"]
    for provider in providers:
        assert (site_dir / provider["url"] / "index.html").is_file()
    assert {"key": "openai", "reviews": ["openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/gpt-4.1-nano"]}.items() \
        <= next(p for p in providers if p["key"] == "openai").items()
    brackets = load(site_dir, "api/brackets.json")["brackets"]
    members = [key for b in brackets for key in b["models"]]
    assert sorted(members) == sorted(m["key"] for m in load(site_dir, "api/models.json")["models"])


def test_schemas_are_closed(site_dir):
    document = load(site_dir, "api/models.json")
    document["models"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError, match="surprise"):
        validate(site_dir, document)


def test_prices_keep_the_digits_the_editor_typed(site):
    from conftest import valid_review
    site.review("openai/tiny", valid_review(pricing={"input": 0.075, "output": 0.3}))
    text = api_files(sample_catalog(site))["api/models/openai/tiny.json"]
    assert '"input":0.075,"output":0.3,' in text


def test_api_files_do_not_change_between_runs(tmp_path):
    catalog = sample_catalog(write_sample(new_project(tmp_path / "p")))
    assert api_files(catalog) == api_files(catalog)
    assert set(SCHEMAS) == {"models", "model", "providers", "brackets"}


def test_the_open_data_page_documents_every_field():
    from conftest import REPO
    text = (REPO / "content/pages/open-data.md").read_text(encoding="utf-8")
    undocumented = [name for name in DETAIL_FIELDS + ["rules", "input_share", "monthly_tokens", "ratio_from",
                                                      "grading", "$schema", "version", "updated"]
                    if f"`{name}`" not in text]
    assert undocumented == []
    for kind in SCHEMAS:
        assert f"`{kind}`" in text
