"""The benchmark corpus: synthetic reviews that the real checks accept, written reproducibly."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from conftest import REPO, TODAY

from generator.project import Project, check_project


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


write_corpus = _corpus_module().write_corpus


def _project(root: Path, n: int, seed: int = 0) -> Project:
    shutil.copytree(REPO / "site_config", root / "site_config")
    write_corpus(root / "content", n, seed, today=TODAY)
    return Project.at(root)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_corpus_passes_every_check_without_a_warning(tmp_path):
    project = _project(tmp_path, 41, seed=1)
    result = check_project(project, today=TODAY)
    assert result.diagnostics == []
    assert result.catalog is not None
    assert len(result.catalog.models) == 41
    reasons = {reason for pair in result.catalog.pairs.values() for reason in pair.reasons}
    assert reasons == {"same bracket", "same family", "compare-with", "editorial"}
    assert len(list((tmp_path / "content" / "comparisons").glob("*.md"))) == 1


def test_corpus_covers_every_bracket_and_several_providers(tmp_path):
    result = check_project(_project(tmp_path, 80), today=TODAY)
    assert result.catalog is not None
    assert {m.meta.bracket for m in result.catalog.models.values()} == {"budget", "value", "premium", "frontier"}
    assert len(result.catalog.by_provider()) == 20


def test_same_seed_same_bytes_and_another_seed_differs(tmp_path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        write_corpus(tmp_path / name, 12, seed, today=TODAY)
    a, b, c = (_files(tmp_path / name) for name in "abc")
    assert a == b
    assert a.keys() == c.keys() and a != c


def test_corpus_files_have_no_yaml_anchors(tmp_path):
    write_corpus(tmp_path, 8, today=TODAY)
    texts = [p.read_text(encoding="utf-8") for p in (tmp_path / "models").rglob("*.md")]
    assert len(texts) == 8
    assert not [t for t in texts if "&id0" in t or "*id0" in t]
