"""A small sample site for rendering and build tests: five reviews, one editorial comparison, one page.

Figures are chosen so derived values are easy to check by hand: GPT-4.1 mini costs
a fifth of GPT-4.1 on input and output, so its comparison reads "5.0× cheaper".
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import REPO, Site, valid_review

D = dt.date


def write_sample(site: Site) -> Site:
    """Reviews, a comparison and an about page into the scratch project; returns the site."""
    site.review("openai/gpt-4.1-mini", valid_review(
        name="GPT-4.1 mini", family="gpt-4.1", bracket="value", snapshot="gpt-4.1-mini-2025-04-14",
        context_window=1047576, max_output=32768, knowledge_cutoff="2024-04",
        access=["OpenAI API", "Azure OpenAI Service"],
        modalities={"input": ["text", "image", "pdf"], "output": ["text"]},
        capabilities={"fine_tuning": True},
        pricing={"input": 0.40, "output": 1.60, "cached_input": 0.10, "batch": {"input": 0.20, "output": 0.80},
                 "speed": 102, "ttft_ms": 629},
        offers=[{"provider": "azure", "input": 0.40, "output": 1.60, "verified": D(2026, 11, 2)},
                {"provider": "openrouter", "route": "openai/gpt-4.1-mini", "input": 0.44, "output": 1.76,
                 "speed": 95, "ttft_ms": 700, "verified": D(2026, 11, 3)}],
        benchmarks=[{"name": "Aider Polyglot", "score": 32.4, "unit": "%", "source": "https://aider.chat/docs/leaderboards/",
                     "date": D(2025, 4, 14)},
                    {"name": "MMLU", "score": 87.5, "unit": "%", "source": "https://example.org/mmlu",
                     "date": D(2025, 4, 14)}],
        grade={"score": 2.58, "benchmarked": D(2026, 4, 11)},
        strengths=["A context window of about a million tokens."],
        limitations=["Not a reasoning model."],
        quirks=["Answer quality drops on very long prompts before retrieval does"],
        alternatives=["openai/gpt-4.1-nano"], compare_with=["openai/gpt-4.1"],
        faq=[{"question": "Can I fine-tune GPT-4.1 mini?", "answer": "Yes, through the OpenAI API."}],
        sources=[{"title": "OpenAI model page", "url": "https://platform.openai.com/docs/models/gpt-4.1-mini"}],
        author="The editors", reviewed=D(2026, 11, 20),
        summary="OpenAI's mid-sized GPT-4.1 model with the million-token context.",
    ), body="GPT-4.1 mini is the **default** pick for long prompts.\n")
    site.review("openai/gpt-4.1", valid_review(
        name="GPT-4.1", family="gpt-4.1", bracket="premium", context_window=1047576, max_output=32768,
        pricing={"input": 2.00, "output": 8.00, "cached_input": 0.50},
        benchmarks=[{"name": "Aider Polyglot", "score": 52.9, "unit": "%", "source": "https://aider.chat/docs/leaderboards/",
                     "date": D(2025, 4, 14)}],
        grade={"score": 2.5, "benchmarked": D(2026, 4, 11)}, reviewed=D(2026, 11, 10)))
    site.review("openai/gpt-4.1-nano", valid_review(
        name="GPT-4.1 nano", family="gpt-4.1", bracket="budget", context_window=1047576, max_output=32768,
        pricing={"input": 0.10, "output": 0.40},
        benchmarks=[{"name": "MMLU", "score": 80.1, "unit": "%", "source": "https://example.org/mmlu",
                     "date": D(2025, 4, 14)}],
        grade={"score": 2.1, "benchmarked": D(2026, 4, 11)}, reviewed=D(2026, 11, 5)))
    site.review("google/gemini-2.5-flash", valid_review(
        name="Gemini 2.5 Flash", family="gemini-2.5", bracket="value", context_window=1048576, max_output=65536,
        capabilities={"reasoning": True},
        pricing={"input": 0.30, "output": 2.50},
        grade={"score": 2.4, "benchmarked": D(2026, 5, 1)}, reviewed=D(2026, 11, 15)))
    site.review("anthropic/claude-haiku-4.5", valid_review(
        name="Claude Haiku 4.5", family="claude-haiku", bracket="value", context_window=200000, max_output=64000,
        pricing={"input": 1.00, "output": 5.00}, reviewed=D(2026, 11, 1)))
    site.raw("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md",
             "---\nmodels: [openai/gpt-4.1, openai/gpt-4.1-mini]\n"
             "verdict: Pick mini unless the task needs the larger model's coding strength.\n"
             "reviewed: 2026-11-21\n---\n\nThe *mini* model covers most jobs.\n")
    site.raw("content/pages/about.md", "---\ntitle: About\ndescription: Who we are.\n---\n\nWe review models.\n")
    return site


def add_publishing(site: Site) -> Site:
    """mkdocs.yml, docs/ and templates/ from the repository, so the scratch project builds on its own."""
    shutil.copy2(REPO / "mkdocs.yml", site.root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", site.root / "docs", dirs_exist_ok=True)
    shutil.copytree(REPO / "templates", site.root / "templates", dirs_exist_ok=True)
    return site


def sample_catalog(site: Site):
    """Check the sample and return its catalog (fails loudly if the sample stops passing `check`)."""
    from generator.project import Project, check_project

    from conftest import TODAY
    result = check_project(Project.at(site.root), today=TODAY)
    assert result.ok, [f"{d.file}:{d.line}: {d.message}" for d in result.diagnostics if d.is_error]
    return result.catalog


def html_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def new_project(root: Path) -> Site:
    """An empty scratch project with the real site_config (like the `site` fixture, for module scope)."""
    shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "content" / "models").mkdir(parents=True)
    return Site(root)


def build_sample(root: Path):
    """The sample, built by `build_site` into ROOT/site; returns the site folder."""
    from generator.publish.build import build_site
    from generator.project import Project

    from conftest import TODAY
    site = add_publishing(write_sample(new_project(root)))
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, (result.error, [d.message for d in result.diagnostics])
    return result.site_dir


def parse(site_dir: Path, url: str):
    from selectolax.lexbor import LexborHTMLParser
    return LexborHTMLParser(html_path(site_dir, url).read_text(encoding="utf-8"))


def table_rows(node) -> list[list[str]]:
    """Every row of the first table under `node`, as the text of its cells (th and td)."""
    table = node.css_first("table")
    return [[cell.text(strip=True) for cell in row.css("th, td")] for row in table.css("tr")]
