"""A fixed small catalog of real models (models.dev snapshot, 2026-07) for claim and binding tests.

Prices are USD per 1M tokens, limits in tokens, as published by each model's lab.
The tests build it in a scratch project so they never depend on the shipped content.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from conftest import TODAY, Site, valid_review

from generator.catalog.catalog import Catalog, build_catalog
from generator.load.config import load_site_config
from generator.load.loader import load_content
from generator.project import CheckResult, Project, check_project
from generator.authoring.writer import dump_yaml

D = Decimal


def _bench(*scores: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"name": name, "score": D(score), "unit": "%", "source": "https://openai.com/index/gpt-4-1/",
             "date": dt.date(2026, 11, 1)} for name, score in scores]


MODELS: dict[str, dict[str, Any]] = {
    "openai/gpt-4.1": dict(name="GPT-4.1", family="gpt-4.1", bracket="premium", aliases=["GPT 4.1"],
                           snapshot="gpt-4.1-2025-04-14", context_window=1047576, max_output=32768,
                           knowledge_cutoff="2024-04",
                           benchmarks=_bench(("MMLU", "90.2"), ("SWE-bench Verified", "54.6"), ("Aider Polyglot", "52.4")),
                           pricing={"input": D("2.00"), "output": D("8.00"), "cached_input": D("0.50")}),
    "openai/gpt-4.1-mini": dict(name="GPT-4.1 mini", family="gpt-4.1", bracket="value",
                                snapshot="gpt-4.1-mini-2025-04-14", context_window=1047576, max_output=32768,
                                knowledge_cutoff="2024-04", aliases=["4.1m"],
                                benchmarks=_bench(("MMLU", "87.5"), ("SWE-bench Verified", "23.6"),
                                                  ("Aider Polyglot", "32.4")),
                                pricing={"input": D("0.40"), "output": D("1.60"), "cached_input": D("0.10"),
                                         "batch": {"input": D("0.20"), "output": D("0.80")}}),
    "openai/gpt-4.1-nano": dict(name="GPT-4.1 nano", family="gpt-4.1", bracket="budget",
                                context_window=1047576, max_output=32768, knowledge_cutoff="2024-04",
                                benchmarks=_bench(("MMLU", "80.1"), ("Aider Polyglot", "8.9")),
                                pricing={"input": D("0.10"), "output": D("0.40"), "cached_input": D("0.025")}),
    "openai/gpt-4o": dict(name="GPT-4o", family="gpt-4o", bracket="premium", context_window=128000,
                          released=dt.date(2024, 5, 13), knowledge_cutoff="2023-09",
                          benchmarks=_bench(("MMLU", "85.7"), ("SWE-bench Verified", "33.2"), ("Aider Polyglot", "23.1")),
                          max_output=16384, pricing={"input": D("2.50"), "output": D("10.00")}),
    "openai/gpt-5-mini": dict(name="GPT-5 mini", family="gpt-5", bracket="value", aliases=["GPT-5 Mini"],
                              released=dt.date(2025, 8, 7), knowledge_cutoff="2024-05-30",
                              context_window=400000, max_output=128000,
                              pricing={"input": D("0.25"), "output": D("2.00")}),
    "anthropic/claude-sonnet-4": dict(name="Claude Sonnet 4", family="claude-sonnet", bracket="premium",
                                      context_window=200000, max_output=64000,
                                      released=dt.date(2025, 5, 22), knowledge_cutoff="2025-03",
                                      benchmarks=_bench(("SWE-bench Verified", "72.7")),
                                      pricing={"input": D("3.00"), "output": D("15.00")}),
    "google/gemini-2.5-flash": dict(name="Gemini 2.5 Flash", family="gemini-2.5", bracket="value",
                                    context_window=1048576, max_output=65536,
                                    released=dt.date(2025, 6, 17), knowledge_cutoff="2025-01",
                                    benchmarks=_bench(("Aider Polyglot", "55.1")),
                                    pricing={"input": D("0.30"), "output": D("2.50")}),
    "google/gemini-2.0-flash": dict(name="Gemini 2.0 Flash", family="gemini-2.0", bracket="budget",
                                    context_window=1048576, max_output=8192,
                                    released=dt.date(2024, 12, 11), knowledge_cutoff="2024-06",
                                    lifecycle={"status": "deprecated", "date": dt.date(2026, 7, 2)},
                                    pricing={"input": D("0.10"), "output": D("0.40")}),
    "mistral/mistral-large-2512": dict(name="Mistral Large 3", family="mistral-large", bracket="value",
                                       context_window=262144, max_output=262144,
                                       released=dt.date(2025, 12, 2), knowledge_cutoff="2024-11",
                                       pricing={"input": D("0.50"), "output": D("1.50")}),
}


def write_catalog(site: Site, bodies: dict[str, str] | None = None) -> None:
    """Every fixture model as a review; `bodies` gives some of them prose."""
    bodies = bodies or {}
    for key, front in MODELS.items():
        site.review(key, valid_review(**front), bodies.get(key, "Prose.\n"))


def write_comparison(site: Site, slug: str, models: list[str], body: str) -> None:
    front = {"models": models, "verdict": "Pick by budget.", "reviewed": TODAY}
    site.raw(f"content/comparisons/{slug}.md", "---\n" + dump_yaml(front) + "---\n" + body)


def resolved_catalog(site: Site) -> Catalog:
    """The catalog without running catalog checks: what the renderer sees after a clean check."""
    config, diagnostics = load_site_config(site.root / "site_config", site.root)
    assert config is not None, diagnostics
    content = load_content(site.content, site.root)
    assert not content.diagnostics, content.diagnostics
    return build_catalog(content, config)


def checked(site: Site) -> CheckResult:
    return check_project(Project.at(site.root), today=TODAY)
