"""The package layout follows the data flow, and a test keeps it that way.

Every import under `generator/` is read from the source. A stage may import the
stages before it (base → load → check → catalog → render → publish; preview and
authoring sit on top, the CLI above all), and only through their `__init__`:
another package's private module is its own business.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# A stage may import any stage of a lower rank; equal ranks may not import each other.
RANK = {"base": 0, "load": 1, "check": 2, "catalog": 3, "project": 4, "render": 5, "publish": 6,
        "preview": 7, "authoring": 7, "commands": 8, "cli": 9, "__init__": 10, "__main__": 10}
STAGES = ["base", "load", "check", "catalog", "render", "publish", "preview", "authoring"]


def imports() -> list[tuple[str, str, int]]:
    """(importing module path, imported module as a dotted path below generator, line) for every import."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        package = parts[:-1]
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = base + (node.module.split(".") if node.module else [])
                found.append(("/".join(parts), ".".join(target), node.lineno))
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
                found.append(("/".join(parts), node.module.removeprefix("generator").lstrip("."), node.lineno))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("generator"):
                        found.append(("/".join(parts), alias.name.removeprefix("generator").lstrip("."),
                                      node.lineno))
    return found


def stage_of(module: str) -> str:
    return module.split(".")[0].split("/")[0]


def backwards(edges: list[tuple[str, str, int]]) -> list[str]:
    wrong = []
    for source, target, line in edges:
        mine, theirs = stage_of(source), stage_of(target)
        if target and mine != theirs and RANK[theirs] >= RANK[mine]:
            wrong.append(f"generator/{source}.py:{line}: {mine} imports {target}, which comes after it")
    return wrong


def private_reaches(edges: list[tuple[str, str, int]]) -> list[str]:
    wrong = []
    for source, target, line in edges:
        mine, theirs = stage_of(source), stage_of(target)
        if theirs in STAGES and mine != theirs and target != theirs:
            wrong.append(f"generator/{source}.py:{line}: imports {target}; use the {theirs} package's interface")
    return wrong


def test_no_import_runs_against_the_data_flow():
    assert backwards(imports()) == []


def test_packages_import_each_other_only_through_their_interface():
    assert private_reaches(imports()) == []


def test_the_checks_catch_what_they_are_for():
    # The rules fire on the mistakes they exist for (so the two tests above can fail).
    assert backwards([("check/claims/verify", "catalog", 20)]) == [
        "generator/check/claims/verify.py:20: check imports catalog, which comes after it"]
    assert backwards([("publish/plugin", "commands.check", 33)]) == [
        "generator/publish/plugin.py:33: publish imports commands.check, which comes after it"]
    assert private_reaches([("preview/session", "render.pages", 42)]) == [
        "generator/preview/session.py:42: imports render.pages; use the render package's interface"]
    assert backwards([("render/site", "catalog", 3)]) == []


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_names_its_interface(stage):
    package = importlib.import_module(f"generator.{stage}")
    assert package.__all__, f"generator/{stage}/__init__.py has no __all__"
    missing = [name for name in package.__all__ if not hasattr(package, name)]
    assert missing == []


def test_the_readme_stage_table_matches_the_folders():
    readme = (PACKAGE.parent / "README.md").read_text()
    table = readme.split("| stage | package |", 1)[1].split("\n\n", 1)[0]
    listed = [row.split("|")[2].strip().strip("`").rstrip("/") for row in table.splitlines()[2:]]
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists() and p.name != "commands")
    assert sorted(listed) == folders
