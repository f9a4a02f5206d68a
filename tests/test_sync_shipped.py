"""The shipped reviews agree with the models.dev snapshot in ../shared/data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import REPO, TODAY
from generator.commands.sync import run_sync
from generator.load.config import load_site_config
from generator.authoring.importers import read_catalog
from generator.load.loader import load_content
from generator.project import Project

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
API = DATA / "models-dev" / "api.json"


@pytest.fixture(scope="module")
def listings():
    config, _ = load_site_config(REPO / "site_config", REPO)
    read = read_catalog("models-dev", API, {p.key for p in config.providers})
    return {(r.provider, r.model_id): r for r in read.records}


def shipped():
    return load_content(REPO / "content", REPO).reviews


def test_there_are_shipped_reviews_to_compare():
    assert len(shipped()) >= 15


@pytest.mark.parametrize("review", shipped(), ids=lambda r: r.key)
def test_list_prices_and_offers_equal_the_models_dev_data(review, listings):
    home = listings.get((review.provider, review.model_id))
    assert home is not None, f"models.dev has no {review.key}"
    pinned = set(review.meta.pinned)
    for name in ("input", "output", "cached_input"):
        if getattr(home, name) is not None and f"pricing.{name}" not in pinned and "pricing" not in pinned:
            assert getattr(review.meta.pricing, name) == getattr(home, name), f"pricing.{name}"
    for offer in review.meta.offers:
        listing = listings.get((offer.provider, offer.route or review.model_id))
        assert listing is not None, f"models.dev has no {offer.provider} listing {offer.route or review.model_id}"
        for name in ("input", "output", "cached_input"):
            if getattr(listing, name) is not None:
                assert getattr(offer, name) == getattr(listing, name), f"offers {offer.provider}.{name}"


def test_sync_dry_run_on_the_shipped_content_prints_an_empty_diff():
    out, err = io.StringIO(), io.StringIO()
    assert run_sync(Project.at(REPO), "models-dev", API, True, today=TODAY, out=out, err=err) == 0
    assert out.getvalue() == ""
