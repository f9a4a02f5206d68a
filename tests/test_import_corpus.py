"""The scale corpus: all of models.dev imported into a separate tree, checked clean."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from generator.commands.importing import run_import
from generator.authoring.importers.ids import match_key
from generator.load.loader import load_content
from generator.project import Project, check_project

API = Path(__file__).resolve().parents[2] / "shared" / "data" / "models-dev" / "api.json"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "site_config", root / "site_config")
    into = root / "imported"
    out = io.StringIO()
    started = time.perf_counter()
    status = run_import(Project.at(root), "models-dev", API, None, [], True, into, today=TODAY, out=out)
    seconds = time.perf_counter() - started
    return root, into, status, out.getvalue(), seconds


def test_import_writes_one_review_per_distinct_chat_model(corpus):
    root, into, status, out, seconds = corpus
    assert status == 0
    files = sorted((into / "models").rglob("*.md"))
    assert len(files) == 1109
    assert out.splitlines()[0] == ("models.dev catalog (as of 2026-06-30): 5,276 entries, 4,980 chat listings, "
                                   "322 not chat (120 image, 55 embedding, 49 audio, 47 video, 23 moderation, "
                                   "12 rerank, 9 realtime, 7 ocr)")
    assert out.splitlines()[-1].startswith("1,109 reviews written to imported, 69 entries skipped, 0 already there")
    assert len({match_key(p.stem) for p in files}) == len(files)
    assert seconds < 30, f"import took {seconds:.1f} s"


def test_a_model_sold_everywhere_is_one_review_at_its_maker(corpus):
    _, into, *_ = corpus
    assert [p.relative_to(into / "models").as_posix() for p in (into / "models").rglob("gpt-4.1-mini.md")] == [
        "openai/gpt-4.1-mini.md"]
    review = next(r for r in load_content(into, into.parent).reviews if r.key == "openai/gpt-4.1-mini")
    offers = {(o.provider, o.route) for o in review.meta.offers}
    assert {("azure", None), ("openrouter", "openai/gpt-4.1-mini"), ("vercel", "openai/gpt-4.1-mini")} <= offers
    # 20 listings: the maker, 18 priced offers (Helicone's two ids are two routes), AnyAPI without a price
    assert len(offers) == len(review.meta.offers) == 18


def test_the_corpus_passes_check_with_no_errors(corpus):
    root, into, *_ = corpus
    result = check_project(Project.at(root, into), today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []
    # imported reviews have no prose yet, and labs.json results from 2025 are past the
    # 400-day benchmark threshold: both are warnings an editor acts on, not errors
    assert {d.code for d in result.diagnostics} == {"no-prose", "stale-data"}
    assert all(d.message.startswith("the model was last benchmarked")
               for d in result.diagnostics if d.code == "stale-data")
    assert result.catalog is not None and len(result.catalog.models) == 1109


def test_importing_again_overwrites_nothing(corpus):
    root, into, *_ = corpus
    before = {p: p.stat().st_mtime_ns for p in (into / "models").rglob("*.md")}
    out = io.StringIO()
    assert run_import(Project.at(root), "models-dev", API, None, [], True, into, today=TODAY, out=out) == 0
    assert out.getvalue().splitlines()[-1].startswith("0 reviews written to imported, 69 entries skipped, "
                                                      "1,109 already there")
    assert {p: p.stat().st_mtime_ns for p in (into / "models").rglob("*.md")} == before


def test_the_labs_models_are_reviewed_at_their_lab_not_at_a_reseller(corpus):
    _, into, *_ = corpus
    reviews = {r.key: r for r in load_content(into, into.parent).reviews}
    bedrock = sorted(k for k in reviews if k.startswith("amazon-bedrock/"))
    assert not [k for k in bedrock if any(w in k for w in ("claude", "llama", "qwen", "magistral", "/r1"))], bedrock
    # one review per model: an alias and its dated snapshot are one review ...
    haiku = reviews["anthropic/claude-haiku-4-5"].meta
    assert haiku.snapshot == "claude-haiku-4-5-20251001" and "anthropic/claude-haiku-4-5-20251001" not in reviews
    # ... and one model sold by a lab and its resellers is one review at the lab, whatever the id
    nano = [k for k in reviews if "nemotron-nano-9b" in k]
    assert nano == ["nvidia/nvidia-nemotron-nano-9b-v2"]   # NVIDIA's own priced id, labs.json's is unpriced
    offers = {(o.provider, o.route) for o in reviews[nano[0]].meta.offers}
    assert ("amazon-bedrock", "nvidia.nemotron-nano-9b-v2") in offers
    assert ("kilo", "nvidia/nemotron-nano-9b-v2") in offers
    assert reviews["deepseek/deepseek-r1"].meta.pricing.via is not None   # labs.json has no price
