"""The resolved catalog: costs, peers, pairs and name lookup."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from generator.project import Project, check_project
from conftest import valid_review


def catalog_of(site):
    result = check_project(Project.at(site.root), today=dt.date(2026, 11, 21))
    assert result.ok, result.diagnostics
    return result.catalog


def test_costs_follow_site_config_volumes(site):
    site.review("openai/gpt-4.1-mini", valid_review(name="GPT-4.1 mini"))
    model = catalog_of(site).models["openai/gpt-4.1-mini"]
    assert [c.usd for c in model.costs] == [D("1"), D("10"), D("100")]
    assert model.blended == D("1.00")
    assert model.grade_label is None


def test_grade_label_uses_the_scale(site):
    site.review("openai/a", valid_review(name="A", grade={"score": D("2.58"), "benchmarked": dt.date(2026, 4, 11)}))
    assert catalog_of(site).models["openai/a"].grade_label == "Strong"


def test_pairs_from_policy_and_editorial(site):
    site.review("openai/a", valid_review(name="A", family="f1"))
    site.review("openai/b", valid_review(name="B", family="f1", bracket="premium"))
    site.review("openai/c", valid_review(name="C", family="f2", compare_with=["openai/b"], bracket="frontier"))
    site.raw("content/comparisons/a-vs-c.md",
             "---\nmodels: [openai/a, openai/c]\nverdict: A.\nreviewed: 2026-11-01\n---\n")
    catalog = catalog_of(site)
    assert {slug: pair.reasons for slug, pair in catalog.pairs.items()} == {
        "a-vs-b": ["same family"], "a-vs-c": ["editorial"], "b-vs-c": ["compare-with"]}
    assert catalog.pairs["a-vs-c"].editorial is not None
    assert catalog.models["openai/a"].pairs == ["a-vs-b", "a-vs-c"]


def test_find_by_name_alias_and_id(site):
    site.review("openai/gpt-4.1-mini", valid_review(name="GPT-4.1 mini", aliases=["4.1 mini"]))
    catalog = catalog_of(site)
    for name in ("GPT-4.1 Mini", "4.1 mini", "gpt-4.1-mini", "openai/gpt-4.1-mini"):
        assert catalog.find(name).key == "openai/gpt-4.1-mini"
    assert catalog.find("gpt-5") is None


def test_peers_are_nearest_in_price_within_bracket(site):
    for name, price in (("a", "1"), ("b", "2"), ("c", "4"), ("d", "4.5")):
        site.review(f"openai/{name}", valid_review(name=name.upper(), pricing={"input": D(price), "output": D(price)}))
    model = catalog_of(site).models["openai/c"]
    assert model.peers[:2] == ["openai/d", "openai/b"]


def test_best_value_prefers_grade_per_dollar(site):
    site.review("openai/cheap", valid_review(name="Cheap", pricing={"input": D("0.1"), "output": D("0.4")},
                                            grade={"score": D("2"), "benchmarked": dt.date(2026, 1, 1)}))
    site.review("openai/dear", valid_review(name="Dear", pricing={"input": D("1"), "output": D("4")},
                                           grade={"score": D("2.9"), "benchmarked": dt.date(2026, 1, 1)}))
    assert catalog_of(site).best_value == {"value": "openai/cheap"}


def test_best_value_is_never_a_deprecated_or_retired_model(site):
    gone = {"status": "deprecated", "date": dt.date(2026, 6, 1)}
    site.review("openai/cheap", valid_review(name="Cheap", lifecycle=gone, pricing={"input": D("0.1"), "output": D("0.4")},
                                            grade={"score": D("2.9"), "benchmarked": dt.date(2026, 1, 1)}))
    site.review("openai/dear", valid_review(name="Dear", pricing={"input": D("1"), "output": D("4")},
                                           grade={"score": D("2"), "benchmarked": dt.date(2026, 1, 1)}))
    site.review("openai/old", valid_review(name="Old", bracket="premium", lifecycle=gone,
                                          pricing={"input": D("2"), "output": D("8")}))
    assert catalog_of(site).best_value == {"value": "openai/dear"}
