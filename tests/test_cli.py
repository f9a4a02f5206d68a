"""The `modelreview` command as a user runs it: exit codes, output formats, scaffolding."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from generator.cli import main
from generator.project import Project, check_project
from conftest import valid_review


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_clean_content_exits_0(site, capsys):
    site.review("openai/test-model")
    assert main(["check", "--root", str(site.root)]) == 0
    assert capsys.readouterr().out.strip() == "no problems found"


def test_errors_exit_1_with_count(site, capsys):
    site.review("openai/test-model", valid_review(context_window="1M"))
    assert main(["check", "--root", str(site.root)]) == 1
    out = capsys.readouterr().out
    assert out.endswith("1 error in 1 file\n")
    assert "content/models/openai/test-model.md:" in out


def test_warnings_pass_unless_strict(site, capsys):
    site.review("openai/test-model", body="")
    assert main(["check", "--root", str(site.root)]) == 0
    assert main(["check", "--root", str(site.root), "--strict"]) == 1
    assert "error[no-prose]" in capsys.readouterr().out


def test_json_output_is_only_json(site):
    site.review("openai/test-model", valid_review(bracket="nope"))
    proc = run("check", "--root", str(site.root), "--format", "json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [(d["code"], d["line"]) for d in data] == [("unknown-bracket", 4)]


def test_github_format(site, capsys):
    site.review("openai/test-model", valid_review(bracket="nope"))
    main(["check", "--root", str(site.root), "--format", "github"])
    assert capsys.readouterr().out.startswith(
        "::error file=content/models/openai/test-model.md,line=4,col=10,title=unknown-bracket::")


def test_paths_limit_what_is_reported(site, capsys):
    site.review("openai/good")
    site.review("openai/bad", valid_review(name="Bad", bracket="nope"))
    assert main(["check", "--root", str(site.root), str(site.content / "models/openai/good.md")]) == 0
    assert main(["check", "--root", str(site.root), str(site.content / "models/openai/bad.md")]) == 1


def test_bad_usage_exits_2(site):
    proc = run("check", "--format", "xml")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_no_traceback_for_content_mistakes(site):
    site.raw("content/models/openai/x.md", b"---\nname: [\x00\n")
    proc = run("check", "--root", str(site.root))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout


def test_new_scaffolds_a_review_that_passes_check(site, capsys):
    assert main(["new", "openai/brand-new", "--root", str(site.root)]) == 0
    created = site.content / "models/openai/brand-new.md"
    assert created.is_file()
    result = check_project(Project.at(site.root))
    assert [d for d in result.diagnostics if d.is_error] == []


def test_new_prefills_from_seeds(site, capsys):
    seeds = site.root / "seeds"
    seeds.mkdir()
    (seeds / "openai.yaml").write_text(
        "source: {title: models.dev, url: 'https://models.dev/', retrieved: 2026-07-02}\n"
        "models:\n"
        "  gpt-4.1-mini:\n"
        "    name: GPT-4.1 mini\n"
        "    context_window: 1047576\n"
        "    max_output: 32768\n"
        "    released: 2025-04-14\n"
        "    pricing: {input: 0.4, output: 1.6, cached_input: 0.1, verified: 2026-07-02}\n",
        encoding="utf-8")
    assert main(["new", "openai/gpt-4.1-mini", "--root", str(site.root)]) == 0
    result = check_project(Project.at(site.root))
    assert [d for d in result.diagnostics if d.is_error] == []
    review = result.content.reviews[0].meta
    assert (review.name, review.context_window, str(review.pricing.output), review.bracket) == (
        "GPT-4.1 mini", 1047576, "1.6", "value")
    assert review.sources[0].url == "https://models.dev/"


def test_new_refuses_to_overwrite(site, capsys):
    site.review("openai/test-model")
    before = (site.content / "models/openai/test-model.md").read_text()
    assert main(["new", "openai/test-model", "--root", str(site.root)]) == 1
    assert (site.content / "models/openai/test-model.md").read_text() == before


def test_new_rejects_a_bad_reference(site, capsys):
    assert main(["new", "OpenAI GPT", "--root", str(site.root)]) == 2


def test_schema_describes_front_matter(tmp_path, capsys):
    out = tmp_path / "review.schema.json"
    assert main(["schema", "--output", str(out)]) == 0
    schema = json.loads(out.read_text())
    assert schema["additionalProperties"] is False
    assert "context_window" in schema["required"]
    assert schema["properties"]["context_window"]["type"] == "integer"
