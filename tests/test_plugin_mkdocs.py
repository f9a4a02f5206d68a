"""Plain `mkdocs build` with the plugin: strict builds, content errors, nav, file collisions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, TODAY, valid_review
from render_sample import add_publishing, parse, write_sample

MKDOCS = Path(sys.executable).parent / "mkdocs"


def mkdocs_build(root: Path, out: Path, *args: str, content: Path | None = None,
                 today: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("MODELREVIEW_CONTENT", None)
    env["MODELREVIEW_TODAY"] = today or TODAY.isoformat()
    if content is not None:
        env["MODELREVIEW_CONTENT"] = str(content)
    return subprocess.run([str(MKDOCS), "build", "-f", str(root / "mkdocs.yml"), "-d", str(out), *args],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def sample(site):
    add_publishing(write_sample(site))
    config = site.root / "site_config/site.yaml"   # keep the sample's prices from going stale as time passes
    config.write_text(re.sub(r"price_days: \d+", "price_days: 100000", config.read_text()))
    return site


def test_sample_builds_strict_with_content_from_env(sample, tmp_path):
    elsewhere = tmp_path / "corpus"
    sample.content.rename(elsewhere)
    run = mkdocs_build(sample.root, tmp_path / "out", "--strict", content=elsewhere)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    page = parse(tmp_path / "out", "models/openai/gpt-4.1-mini")
    assert page.css_first("article h1").text() == "GPT-4.1 mini"
    assert [a.text(strip=True) for a in page.css(".md-tabs__link")] == [
        "Home", "Models", "Providers", "Brackets", "Compare", "About"]


def test_content_errors_fail_the_build_with_positions(sample, tmp_path):
    sample.review("openai/gpt-4.1", valid_review(name="GPT-4.1", bracket="premuim"))
    run = mkdocs_build(sample.root, tmp_path / "out")
    assert run.returncode != 0
    assert "modelreview: the content has errors, nothing was built." in run.stderr
    assert ("content/models/openai/gpt-4.1.md:4:10: error[unknown-bracket]: bracket 'premuim' is not in "
            "site_config/brackets.yaml") in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out/index.html").exists()


def test_check_warnings_are_mkdocs_warnings(sample, tmp_path):
    sample.review("openai/gpt-4.1", valid_review(name="GPT-4.1", family="gpt-4.1", bracket="premium",
                                                    pricing={"input": 2, "output": 8}), body="")
    relaxed = mkdocs_build(sample.root, tmp_path / "relaxed")
    assert relaxed.returncode == 0, relaxed.stderr
    assert "warning[no-prose]: the review has no text yet" in relaxed.stderr
    strict = mkdocs_build(sample.root, tmp_path / "strict", "--strict")
    assert strict.returncode != 0
    assert "Aborted with 1 warnings in strict mode!" in strict.stdout + strict.stderr


def test_docs_file_may_not_shadow_a_generated_page(sample, tmp_path):
    sample.raw("docs/index.md", "# Mine\n")
    run = mkdocs_build(sample.root, tmp_path / "out")
    assert run.returncode != 0
    assert "docs/index.md would replace a generated page; remove or rename it" in run.stderr


def test_shipped_site_builds_strict(tmp_path):
    """The repository's own content, config, templates and mkdocs.yml, as `mkdocs build --strict` sees them."""
    # As of the day the content was last reviewed: after 180 days its prices are
    # (rightly) stale, which --strict would turn into a failure of this test.
    run = mkdocs_build(REPO, tmp_path / "out", "--strict", today=TODAY.isoformat())
    assert run.returncode == 0, run.stderr[-3000:]
    assert (tmp_path / "out/models/openai/gpt-4.1-mini/index.html").is_file()
