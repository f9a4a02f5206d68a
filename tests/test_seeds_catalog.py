"""seeds/: derived from the shared models.dev snapshot, facts only, and every entry scaffolds cleanly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY
from generator.commands.new import run_new
from generator.load.config import load_site_config
from generator.authoring.importers import read_catalog
from generator.authoring.importers.seeded import FACT_FIELDS, SEED_LABS, load_seed_records, seed_files
from generator.project import Project, check_project

API = Path(__file__).resolve().parents[2] / "shared" / "data" / "models-dev" / "api.json"
RETRIEVED = dt.date(2026, 7, 2)   # the snapshot date in ../shared/data/README.md


def shipped() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.yaml"))}


def test_shipped_seeds_are_exactly_what_the_shared_data_gives():
    config, _ = load_site_config(REPO / "site_config", REPO)
    read = read_catalog("models-dev", API, {p.key for p in config.providers})
    assert shipped() == seed_files(read, RETRIEVED, config.brackets)
    assert sorted(shipped()) == [f"{lab}.yaml" for lab in SEED_LABS]


@pytest.mark.parametrize("name", sorted(shipped()))
def test_a_seed_file_holds_facts_with_their_source_and_date(name):
    data = yaml.safe_load(shipped()[name])
    assert data["source"] == {"title": "models.dev catalog (api.json)", "url": "https://models.dev/",
                              "retrieved": RETRIEVED}
    assert data["models"]
    for model_id, facts in data["models"].items():
        assert set(facts) <= set(FACT_FIELDS), model_id
        assert facts["pricing"]["verified"] == RETRIEVED
        assert facts["released"] >= dt.date(2024, 1, 1)


def test_the_seed_catalog_stays_modest():
    records, sources = load_seed_records(REPO / "seeds")
    assert 60 <= len(records) <= 150
    assert set(sources) == set(SEED_LABS)


def test_every_seed_scaffolds_a_review_that_passes_check(site, capsys):
    (site.root / "seeds").mkdir()
    for name, text in shipped().items():
        (site.root / "seeds" / name).write_text(text, encoding="utf-8")
    project = Project.at(site.root)
    refs = [f"{Path(name).stem}/{model_id}" for name, text in shipped().items()
            for model_id in yaml.safe_load(text)["models"]]
    for ref in refs:
        assert run_new(project, ref, today=TODAY) == 0
    result = check_project(project, today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []
    assert len(result.content.reviews) == len(refs)
    mini = next(r.meta for r in result.content.reviews if r.key == "openai/gpt-4.1-mini")
    assert (mini.name, str(mini.pricing.input), str(mini.pricing.output), mini.context_window) == (
        "GPT-4.1 mini", "0.4", "1.6", 1047576)
